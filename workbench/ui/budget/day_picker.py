"""BudgetDayPicker: a date picker with the chosen day repeated in the Buddhist Era beside it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import ipywidgets as widgets
from traitlets import Any as AnyTrait

from workbench.thai import format_date

STYLE = {"description_width": "13em"}


class BudgetDayPicker(widgets.HBox):
    """``value`` is a ``date`` or None. The browser's date input shows its own calendar; the label beside it says
    the day as Thai documents do ("10 มกราคม 2570")."""

    value = AnyTrait(None, allow_none=True)

    def __init__(self, description: str, value: dt.date | None = None) -> None:
        self.picker = widgets.DatePicker(description=description, style=STYLE)
        self.be = widgets.Label("")
        super().__init__([self.picker, self.be])
        self.add_class("wb-day-picker")
        widgets.link((self, "value"), (self.picker, "value"))
        self.observe(self._show_be, names="value")
        self.value = value

    def _show_be(self, change: dict[str, Any]) -> None:
        self.be.value = format_date(change["new"]) if change["new"] else ""

    def reset(self) -> None:
        self.value = None
