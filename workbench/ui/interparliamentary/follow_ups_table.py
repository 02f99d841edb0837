"""FollowUpsTable: open follow-ups of meeting summaries by organisation and owner, overdue first, exportable."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from workbench.i18n import t
from workbench.services.interparliamentary.summaries import FollowUpRow
from workbench.thai import format_date
from workbench.ui.download_link import DownloadLink
from workbench.ui.interparliamentary.tables import html_table


class FollowUpsTable(widgets.VBox):
    """``load()`` returns the rows; ``export(rows)`` returns XLSX bytes."""

    def __init__(self, *, load: Callable[[], list[FollowUpRow]], export: Callable[[list[FollowUpRow]], bytes]) -> None:
        self._load, self._export = load, export
        self.table = widgets.HTML()
        self.export_button = widgets.Button(description=t("ip.export_followups"), layout=widgets.Layout(width="auto"))
        self.link = DownloadLink()
        self.export_button.on_click(lambda _b: self.export())
        super().__init__([widgets.HTML(f"<h3>{t('ip.followups')}</h3>"), self.table,
                          widgets.HBox([self.export_button, self.link])])
        self.add_class("wb-ip-followups")
        self.rows: list[FollowUpRow] = []
        self.refresh()

    def refresh(self) -> None:
        self.rows = self._load()
        if not self.rows:
            self.table.value = f"<p>{t('ip.no_followups')}</p>"
            return
        cells = [[r.organization, r.meeting_th, r.action, r.owner or "-",
                  (format_date(r.due_date, style="abbr") if r.due_date else "-") + (f" ({t('ip.overdue')})" if r.overdue else ""),
                  t(f"ip_follow.{r.status}")] for r in self.rows]
        self.table.value = html_table([t("ip.col.org"), t("ip.col.meeting"), t("ip_doc.col_action"),
                                       t("ip_doc.col_owner"), t("ip_doc.col_due"), t("ip_doc.col_status")], cells,
                                      css_class="wb-ip-followup-table",
                                      row_classes=["wb-overdue" if r.overdue else "" for r in self.rows])

    def export(self) -> None:
        self.link.offer(self._export(self.rows), filename="follow_ups.xlsx",
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        text=t("ip.export_followups"))

    def reset(self) -> None:
        self.link.reset()
        self.refresh()
