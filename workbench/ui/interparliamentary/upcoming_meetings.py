"""UpcomingMeetings: the meetings of the coming months (entered and predicted) with their preparation status and
the next preparation step; a predicted meeting can be entered with one click."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ipywidgets as widgets

from workbench.i18n import t
from workbench.services.interparliamentary.meetings import MeetingRow
from workbench.thai import format_date
from workbench.ui.interparliamentary.tables import html_table


def when(row: MeetingRow) -> str:
    from workbench.documents.meeting_summary import date_range

    return date_range(row.start, row.end)


class UpcomingMeetings(widgets.VBox):
    """``load()`` returns the rows to show; ``on_enter(key)`` enters a predicted meeting."""

    def __init__(self, *, load: Callable[[], list[MeetingRow]], today: dt.date,
                 on_enter: Callable[[str], None] | None = None) -> None:
        self._load = load
        self.today = today
        self.table = widgets.HTML()
        self.predicted = widgets.Dropdown(description=t("ip.predicted"), options=[], style={"description_width": "initial"},
                                          layout=widgets.Layout(width="60%"))
        self.enter_button = widgets.Button(description=t("ip.enter"), disabled=on_enter is None)
        self._on_enter = on_enter
        self.enter_button.on_click(lambda _b: self._enter())
        super().__init__([widgets.HTML(f"<h3>{t('ip.upcoming')}</h3>"), self.table,
                          widgets.HBox([self.predicted, self.enter_button])])
        self.add_class("wb-ip-upcoming")
        self.rows: list[MeetingRow] = []
        self.refresh()

    def refresh(self) -> None:
        self.rows = self._load()
        if not self.rows:
            self.table.value = f"<p>{t('ip.no_meetings')}</p>"
        cells, classes = [], []
        for row in self.rows:
            done, total = row.prep_done()
            upcoming = [s for s in row.prep if not s.done]
            step = upcoming[0] if upcoming else None
            next_step = f"{step.label()} ({format_date(step.due, style='abbr')})" if step else "-"
            host = ", ".join(p for p in (row.city, row.country_th) if p) or "-"
            title = row.title() + (f" ({t('ip.predicted')})" if row.projected else "")
            cells.append([row.organization, title, when(row), host, t("ip.done_of", done=done, total=total), next_step])
            classes.append("wb-overdue" if step and step.overdue(self.today) else "")
        if self.rows:
            self.table.value = html_table([t("ip.col.org"), t("ip.col.meeting"), t("ip.col.dates"), t("ip.col.host"),
                                           t("ip.col.prep"), t("ip.col.next_step")], cells,
                                          css_class="wb-ip-meetings", row_classes=classes)
        self.predicted.options = [(f"{r.organization} · {r.title()} · {when(r)}", r.key) for r in self.rows if r.projected]

    def _enter(self) -> None:
        if self._on_enter is not None and self.predicted.value:
            self._on_enter(self.predicted.value)

    def reset(self) -> None:
        self.refresh()
