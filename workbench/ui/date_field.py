"""DateField: a date (and, for date-times, a 24-hour time) typed as a Thai user writes it, read back in the B.E.

Browsers draw ``<input type=date>`` in their own locale ("mm/dd/yyyy", "10:00 AM" on an English browser) and in
the Christian Era; this field is two plain text inputs instead, the same in every browser: the day as
``วว/ดด/ปปปป`` with the B.E. year (``25/11/2569``; a C.E. year, ISO ``2026-11-25`` or a Thai written date are
read too, see ``thai.parse_date(foreign=True)``) and the time as ``ชช.นน`` on the 24-hour clock (``14.30`` or
``14:30``). The label beside them always says what the field holds ("วันที่ (พ.ศ.): 25 พฤศจิกายน 2569"), the
format to type while it is empty, or why the text cannot be read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import ipywidgets as widgets
from traitlets import Any as AnyTrait

from workbench.i18n import t
from workbench.thai import format_date, parse_date

DESCRIPTION_STYLE = {"description_width": "10em"}
_TIME = re.compile(r"(\d{1,2})\s*[.:]\s*(\d{2})(?:\s*น\.?)?")


def format_day(day: dt.date) -> str:
    """``25/11/2569``: the day as the field shows it (B.E. year)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def parse_time(text: str) -> dt.time:
    """``14.30``, ``14:30`` or ``9.05 น.`` on the 24-hour clock; ValueError otherwise."""
    match = _TIME.fullmatch(text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueError(text)
    return dt.time(int(match.group(1)), int(match.group(2)))


class DateField(widgets.HBox):
    """``value`` is a ``date`` (or a ``datetime`` when ``with_time``), or None while empty, incomplete or
    unreadable (the label then says which)."""

    value = AnyTrait(None, allow_none=True)

    def __init__(self, description: str, *, with_time: bool = False, value: Any = None) -> None:
        self.with_time = with_time
        self.date = widgets.Text(description=description, placeholder=t("form.date_placeholder"),
                                 continuous_update=False, style=DESCRIPTION_STYLE,
                                 layout=widgets.Layout(width="21em"))
        self.date.add_class("wb-date-input")
        self.time = widgets.Text(placeholder=t("form.time_placeholder"), continuous_update=False,
                                 layout=widgets.Layout(width="6em"))
        self.time.add_class("wb-time-input")
        self.be = widgets.Label("")
        self.be.add_class("wb-date-reading")
        super().__init__([self.date, self.time, self.be] if with_time else [self.date, self.be],
                         layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        self.add_class("wb-date-field")
        self._syncing = False
        self.date.observe(self._from_parts, names="value")
        self.time.observe(self._from_parts, names="value")
        self.observe(self._to_parts, names="value")
        self.value = value
        self._show(self._read()[0])

    def _read(self) -> tuple[dt.date | None, str | None]:
        """The day typed (or None) and, when something cannot be read, why."""
        text = self.date.value.strip()
        day = None
        if text:
            try:
                day = parse_date(text, foreign=True)
            except ValueError:
                return None, t("form.date_unreadable", text=text)
        if self.with_time and self.time.value.strip():
            try:
                parse_time(self.time.value)
            except ValueError:
                return day, t("form.time_unreadable", text=self.time.value.strip())
        return day, None

    def _show(self, day: dt.date | None, problem: str | None = None) -> None:
        if problem:
            self.be.value = problem
        elif day is not None:
            self.be.value = t("form.date_be", date=format_date(day))
        else:
            self.be.value = t("form.date_hint_time" if self.with_time else "form.date_hint")
        self.be.remove_class("wb-date-problem")
        if problem:
            self.be.add_class("wb-date-problem")

    def _from_parts(self, _change: Any = None) -> None:
        if self._syncing:
            return
        day, problem = self._read()
        self._show(day, problem)
        if day is None or problem:
            new = None
        elif self.with_time:
            new = dt.datetime.combine(day, parse_time(self.time.value)) if self.time.value.strip() else None
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
                self.date.value = ""
                self.time.value = ""
            elif isinstance(value, dt.datetime):
                self.date.value = format_day(value.date())
                self.time.value = value.strftime("%H.%M")
            else:
                self.date.value = format_day(value)
        finally:
            self._syncing = False
        self._show(self._read()[0])

    def reset(self) -> None:
        self.value = None
