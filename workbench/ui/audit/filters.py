"""AuditFilters: who, which kind of record, which record, which days, and whether to show sign-ins."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import t
from workbench.ui.audit.labels import BANGKOK, kinds
from workbench.ui.date_field import DateField

STYLE = {"description_width": "10em"}


class AuditFilters(widgets.VBox):
    """Collects the filters; ``on_search(filters)`` is called with the keyword arguments of
    ``services.audit.audit_page`` (days read as Bangkok days)."""

    def __init__(self, on_search: Callable[[dict[str, Any]], None]) -> None:
        self.on_search = on_search
        self.who = widgets.Text(description=t("audit.filter.who"), placeholder=t("audit.filter.who_hint"),
                                style=STYLE)
        self.kind = widgets.Dropdown(description=t("audit.filter.kind"), options=kinds(), value="", style=STYLE,
                                     layout=widgets.Layout(width="34em"))
        self.record = widgets.Text(description=t("audit.filter.record"), placeholder=t("audit.filter.record_hint"),
                                   style=STYLE)
        self.date_from = DateField(t("audit.filter.from"))
        self.date_to = DateField(t("audit.filter.to"))
        self.sign_ins = widgets.Checkbox(description=t("audit.filter.sign_ins"), indent=False)
        self.search_button = widgets.Button(description=t("audit.search"), button_style="primary")
        self.clear_button = widgets.Button(description=t("audit.clear"))
        super().__init__([widgets.HBox([self.who, self.record], layout=widgets.Layout(flex_flow="row wrap")),
                          self.kind, self.date_from, self.date_to, self.sign_ins,
                          widgets.HBox([self.search_button, self.clear_button])])
        self.add_class("wb-audit-filters")
        self.search_button.on_click(lambda _b: self.on_search(self.values()))
        self.clear_button.on_click(lambda _b: self._clear())

    def values(self) -> dict[str, Any]:
        def start_of(day: dt.date | None) -> dt.datetime | None:
            if day is None:
                return None
            return dt.datetime.combine(day, dt.time(), BANGKOK).astimezone(dt.UTC).replace(tzinfo=None)

        to_day = self.date_to.value
        return {"who": self.who.value, "entity": self.kind.value or "", "entity_id": self.record.value.strip(),
                "date_from": start_of(self.date_from.value),
                "date_to": start_of(to_day + dt.timedelta(days=1)) if to_day else None,
                "include_sign_in": self.sign_ins.value}

    def _clear(self) -> None:
        self.reset()
        self.on_search(self.values())

    def reset(self) -> None:
        self.who.value = self.record.value = ""
        self.kind.value = ""
        self.date_from.reset()
        self.date_to.reset()
        self.sign_ins.value = False
