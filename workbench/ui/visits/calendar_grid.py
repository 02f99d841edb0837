"""The visit calendar's month, week and agenda as one HTML document each (no widget per item or per day).

``CalendarView`` puts the document in a single HTML widget, so changing month sends one message instead of
hundreds. Every text comes from the database through ``html.escape``: a title such as ``<script>`` stays
literal. Each item is a ``<button data-wb-pick="uid">``; the page's click handler (``voila_template``) hands the
uid to the calendar's pick field, an ordinary Text input, so the kernel learns of a click through an input
value, as with any other widget. Items read at 1366 px: the time on its own line, then what (two lines at
most), then who (the country or counterpart, or the principals).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from workbench.services.calendar import CalendarItem

KIND_COLOURS = {  # presentation only (not reference data): one colour per kind, readable with white text
    "official_visit": "#1f4e79", "study_trip": "#2e7d32", "conference": "#6a1b9a", "courtesy_programme": "#00695c",
    "courtesy_call": "#c62828", "meeting": "#e65100", "reception": "#ad1457", "site_visit": "#558b2f",
    "airport_welcome": "#4e342e", "airport_farewell": "#546e7a",
    "ip_meeting": "#283593", "ip_deadline": "#8d6e63",  # inter-parliamentary meetings and preparation deadlines
}
OTHER_COLOUR = "#455a64"
STYLE = """<style>
.wb-calendar-grid { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: 2px; width: 100%; }
.wb-calendar-head { text-align: center; font-weight: bold; padding: 2px 0; }
.wb-calendar-day { border: 1px solid #d0d7de; padding: 2px; min-height: 92px; overflow: hidden; }
.wb-calendar-grid.wb-week .wb-calendar-day { min-height: 300px; }
.wb-calendar-blank { border: 1px solid #eee; min-height: 92px; }
.wb-calendar-number { margin: 0 2px; font-size: 13px; }
.wb-calendar-today { background: #fff8e1; }
.wb-calendar-today .wb-calendar-number { color: #c62828; font-weight: bold; }
button.wb-calendar-item, button.wb-calendar-more { display: block; width: 100%; margin: 2px 0; padding: 1px 4px;
  border: 0; border-radius: 3px; color: white; text-align: left; font: inherit; font-size: 12px;
  line-height: 1.35; cursor: pointer; overflow: hidden; white-space: normal; }
button.wb-calendar-more { background: #eceff1; color: #1f2328; }
.wb-calendar-item .wb-when { display: block; font-weight: bold; }
.wb-calendar-item .wb-what { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical;
  overflow: hidden; overflow-wrap: anywhere; }
.wb-calendar-item .wb-who { display: block; opacity: 0.9; font-size: 11px; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.wb-calendar-item.wb-cancelled .wb-what { text-decoration: line-through; }
.wb-calendar-item.wb-selected { outline: 3px solid #ffb300; outline-offset: -1px; }
.wb-calendar-agenda .wb-calendar-day { border: 0; min-height: 0; }
.wb-calendar-agenda .wb-agenda-row { display: flex; gap: 8px; align-items: flex-start; margin: 2px 0; }
.wb-calendar-agenda button.wb-calendar-item { width: 24em; flex: none; }
.wb-calendar-agenda .wb-agenda-details { padding-top: 2px; }
.wb-calendar-pick { display: none !important; }
</style>"""


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


class Labels:
    """What an item shows: ``when`` (the time, or empty for all-day items and later days), ``what``, ``who``."""

    def __init__(self, lang: str, time_label: Callable[[str], str]) -> None:
        self.lang = lang
        self._time_label = time_label

    def when(self, item: CalendarItem, day: dt.date) -> str:
        if item.all_day or item.start.date() != day:
            return ""
        return self._time_label(item.start.strftime("%H.%M" if self.lang == "th" else "%H:%M"))

    def what(self, item: CalendarItem) -> str:
        return item.title(self.lang)

    def who(self, item: CalendarItem) -> str:
        country = item.country_th if self.lang == "th" else item.country_en
        people = ", ".join(item.principal_names)
        return " · ".join(part for part in (country, people) if part)

    def line(self, item: CalendarItem, day: dt.date) -> str:
        """The item as one line: time and title (what ``titles_on`` reports)."""
        when = self.when(item, day)
        return f"{when} {self.what(item)}" if when else self.what(item)


def item_button(item: CalendarItem, day: dt.date, labels: Labels, *, tooltip: str, selected: bool) -> str:
    colour = KIND_COLOURS.get(str(item.kind), OTHER_COLOUR)
    classes = ["wb-calendar-item", f"wb-kind-{_escape(str(item.kind))}"]
    if str(item.status) == "cancelled":
        classes.append("wb-cancelled")
    if selected:
        classes.append("wb-selected")
    when, who = labels.when(item, day), labels.who(item)
    parts = [f"<span class='wb-when'>{_escape(when)}</span>" if when else "",
             f"<span class='wb-what'>{_escape(labels.what(item))}</span>",
             f"<span class='wb-who'>{_escape(who)}</span>" if who else ""]
    return (f"<button type='button' class='{' '.join(classes)}' style='background:{colour}' "
            f"data-wb-pick='{_escape(item.uid)}' title='{_escape(tooltip)}'>{' '.join(p for p in parts if p)}</button>")


def grid(*, days: list[dt.date | None], shown: dict[dt.date, list[CalendarItem]], more: dict[dt.date, str],
         headers: list[str], day_label: Callable[[dt.date], str], today: dt.date, labels: Labels,
         tooltip: Callable[[CalendarItem], str], selected_uid: str, week: bool) -> str:
    """A month (or week) grid: seven headers, then one cell per day (None: a day outside the month)."""
    cells = [f"<div class='wb-calendar-head'>{_escape(text)}</div>" for text in headers]
    for day in days:
        if day is None:
            cells.append("<div class='wb-calendar-blank' data-day=''></div>")
            continue
        classes = "wb-calendar-day wb-calendar-today" if day == today else "wb-calendar-day"
        inner = [f"<div class='wb-calendar-number'>{_escape(day_label(day))}</div>"]
        inner += [item_button(item, day, labels, tooltip=tooltip(item), selected=item.uid == selected_uid)
                  for item in shown.get(day, [])]
        if day in more:
            inner.append(f"<button type='button' class='wb-calendar-more' data-wb-pick='more:{day.isoformat()}'>"
                         f"{_escape(more[day])}</button>")
        cells.append(f"<div class='{classes}' data-day='{day.isoformat()}'>{''.join(inner)}</div>")
    kind = " wb-week" if week else ""
    return f"<div class='wb-calendar-grid{kind}'>{''.join(cells)}</div>"


def agenda(*, shown: dict[dt.date, list[CalendarItem]], day_heading: Callable[[dt.date], str], labels: Labels,
           tooltip: Callable[[CalendarItem], str], details: Callable[[CalendarItem], str], selected_uid: str,
           nothing: str) -> str:
    """The period as a list: each day's heading, then its items with their kind, status, country, principals."""
    if not shown:
        return f"<div class='wb-calendar-agenda'>{_escape(nothing)}</div>"
    rows = []
    for day, items in sorted(shown.items()):
        rows.append(f"<div><b>{_escape(day_heading(day))}</b></div>")
        entries = [f"<div class='wb-agenda-row'>"
                   f"{item_button(item, day, labels, tooltip=tooltip(item), selected=item.uid == selected_uid)}"
                   f"<span class='wb-agenda-details'>{_escape(details(item))}</span></div>" for item in items]
        rows.append(f"<div class='wb-calendar-day' data-day='{day.isoformat()}'>{''.join(entries)}</div>")
    return f"<div class='wb-calendar-agenda'>{''.join(rows)}</div>"
