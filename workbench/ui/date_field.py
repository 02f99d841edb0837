"""DateField: a date picker (and, for date-times, a time picker) with the date repeated in the Buddhist Era."""

from __future__ import annotations

import datetime as dt
from typing import Any

import ipywidgets as widgets
from traitlets import Any as AnyTrait

from workbench.i18n import t
from workbench.thai import format_date

DESCRIPTION_STYLE = {"description_width": "10em"}


class DateField(widgets.HBox):
    """``value`` is a ``date`` (or a ``datetime`` when ``with_time``), or None while incomplete.

    Browsers show a date input in their own calendar; the label beside it says the date in B.E. ("3 ธันวาคม 2569").
    """

    value = AnyTrait(None, allow_none=True)

    def __init__(self, description: str, *, with_time: bool = False, value: Any = None) -> None:
        self.with_time = with_time
        self.date = widgets.DatePicker(description=description, style=DESCRIPTION_STYLE)
        self.time = widgets.TimePicker(step=300, layout=widgets.Layout(width="9em"))
        self.be = widgets.Label("")
        super().__init__([self.date, self.time, self.be] if with_time else [self.date, self.be],
                         layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        self.add_class("wb-date-field")
        self._syncing = False
        self.date.observe(self._from_parts, names="value")
        self.time.observe(self._from_parts, names="value")
        self.observe(self._to_parts, names="value")
        self.value = value

    def _from_parts(self, _change: Any = None) -> None:
        if self._syncing:
            return
        day = self.date.value
        self.be.value = t("form.date_be", date=format_date(day)) if day else ""
        if day is None:
            new = None
        elif self.with_time:
            new = dt.datetime.combine(day, self.time.value) if self.time.value is not None else None
        else:
            new = day
        self._syncing = True
        try:
            self.value = new
        finally:
            self._syncing = False

    def _to_parts(self, change: dict) -> None:
        if self._syncing:
            return
        value = change["new"]
        self._syncing = True
        try:
            if value is None:
                self.date.value = None
                self.time.value = None
            elif isinstance(value, dt.datetime):
                self.date.value = value.date()
                self.time.value = value.time().replace(second=0, microsecond=0)
            else:
                self.date.value = value
        finally:
            self._syncing = False
        self.be.value = t("form.date_be", date=format_date(self.date.value)) if self.date.value else ""

    def reset(self) -> None:
        self.value = None
