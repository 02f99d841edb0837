"""CommitteeTable: who sat on a Thai national group's executive committee on a chosen day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import ipywidgets as widgets

from workbench.i18n import t
from workbench.services.interparliamentary.committees import NATIONAL_GROUPS, Seat
from workbench.thai import format_date
from workbench.ui.date_field import DateField
from workbench.ui.interparliamentary.tables import html_table


class CommitteeTable(widgets.VBox):
    """``load(group_code, day)`` returns the seats held that day."""

    def __init__(self, *, load: Callable[[str, dt.date], list[Seat]], today: dt.date) -> None:
        self._load = load
        self.group = widgets.Dropdown(description=t("ip.group"), options=[(g.split("-")[0].upper(), g) for g in NATIONAL_GROUPS])
        self.day = DateField(t("ip.on_day"), value=today)
        self.table = widgets.HTML()
        super().__init__([widgets.HTML(f"<h3>{t('ip.committee')}</h3>"), widgets.HBox([self.group, self.day]), self.table])
        self.add_class("wb-ip-committee")
        self.today = today
        self.group.observe(lambda _c: self.refresh(), names="value")
        self.day.observe(lambda _c: self.refresh(), names="value")
        self.refresh()

    def refresh(self) -> None:
        day = self.day.value or self.today
        seats = self._load(self.group.value, day)
        cells = [[s.person_th, s.post_th, format_date(s.start, style="abbr"),
                  format_date(s.end, style="abbr") if s.end else "-"] for s in seats]
        self.table.value = html_table([t("ip.col.person"), t("ip.col.post"), t("ip.col.from"), t("ip.col.to")], cells,
                                      css_class="wb-ip-committee-table")

    def reset(self) -> None:
        self.day.value = self.today
        self.refresh()
