"""CalendarView: the visit calendar as a month grid, a week grid or an agenda list.

Thai month names and B.E. years ("ธันวาคม 2569"), Monday-first weeks, items coloured by kind with a legend. The
period is drawn as one HTML document (``calendar_grid``) in a single widget: changing month is one message, not
a widget per item. Each item shows its time, what it is and who (country, principals), escaped as text. A click
on an item reaches the kernel through ``picker``, a hidden Text input the page's click handler fills with the
item's uid (``pick(uid)`` does the same without a browser); a day with more than three items offers its week.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
from collections.abc import Callable

import ipywidgets as widgets
from traitlets import Instance, Int, Unicode, observe

from workbench import clock
from workbench.i18n import current_lang, t
from workbench.services.calendar import CalendarItem
from workbench.thai import be_year, format_date, format_month_year
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.visits import calendar_grid

VIEWS = ("month", "week", "agenda")
PER_DAY = 3  # items shown in a month cell; the rest behind "n more" (which opens the week)


def kind_label(item_type: str, kind: str) -> str:
    return t(("visit_kind." if item_type == "visit" else "engagement_kind.") + str(kind))


def status_label(item_type: str, status: str) -> str:
    return t(("visit_status." if item_type == "visit" else "engagement_status.") + str(status))


def last_day_of(item: CalendarItem) -> dt.date:
    """The last calendar day an item covers (an engagement ending at midnight does not cover the next day)."""
    if item.all_day:
        return item.end.date()
    return max(item.start.date(), (item.end - dt.timedelta(microseconds=1)).date())


class CalendarView(widgets.VBox):
    """Public state: ``view`` (month, week or agenda), ``anchor`` (a day in the period shown), ``first`` and
    ``last`` (the period shown), ``title`` (its heading), ``item_count`` and ``selected_uid``; ``grid`` is the
    HTML widget drawing the period, ``cells`` the items shown on each day, ``picker`` the hidden input a click
    on an item fills.

    ``load(first, last)`` returns the items of a period (the dashboard applies its filters there);
    ``on_select(item)`` is called when an item is clicked.
    """

    view = Unicode("month")
    anchor = Instance(dt.date)
    first = Instance(dt.date)
    last = Instance(dt.date)
    title = Unicode("")
    item_count = Int(0)
    selected_uid = Unicode("")

    def __init__(self, *, load: Callable[[dt.date, dt.date], list[CalendarItem]],
                 on_select: Callable[[CalendarItem], None] | None = None, today: dt.date | None = None) -> None:
        self._load = load
        self._on_select = on_select or (lambda _item: None)
        self.today = today or clock.today()
        self.lang = current_lang()
        self.labels = calendar_grid.Labels(self.lang, lambda time: t("cal.time", time=time))
        self.notice = Notice()
        self.view_buttons = widgets.ToggleButtons(options=[(t(f"cal.view.{v}"), v) for v in VIEWS], value="month",
                                                  style={"button_width": "7em"})
        self.previous_button = widgets.Button(description=t("cal.previous"), layout=widgets.Layout(width="auto"))
        self.today_button = widgets.Button(description=t("cal.today"), layout=widgets.Layout(width="auto"))
        self.next_button = widgets.Button(description=t("cal.next"), layout=widgets.Layout(width="auto"))
        self.heading = widgets.HTML()
        self.legend = widgets.HTML(self._legend_html())
        self.grid = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.picker = widgets.Text(value="", layout=widgets.Layout(display="none"))
        self.picker.add_class("wb-calendar-pick")
        self.body = widgets.Box([self.grid], layout=widgets.Layout(width="100%"))
        self.cells: dict[dt.date, list[CalendarItem]] = {}
        self.more: dict[dt.date, str] = {}
        self.items: list[CalendarItem] = []
        toolbar = widgets.HBox([self.view_buttons, self.previous_button, self.today_button, self.next_button,
                                self.heading], layout=widgets.Layout(align_items="center", flex_flow="row wrap"))
        super().__init__([widgets.HTML(calendar_grid.STYLE), toolbar, self.notice, self.body, self.picker,
                          self.legend], layout=widgets.Layout(width="100%"))
        self.add_class("wb-calendar")
        guard = guarded(self.notice)
        self.previous_button.on_click(guard(lambda _b: self.step(-1)))
        self.next_button.on_click(guard(lambda _b: self.step(+1)))
        self.today_button.on_click(guard(lambda _b: self.go_to(self.today)))
        self.view_buttons.observe(guard(lambda c: setattr(self, "view", c["new"])), names="value")
        self.picker.observe(guard(lambda c: self.pick(c["new"])), names="value")
        self.anchor = self.today
        guard(self.refresh)()

    # --- navigation --------------------------------------------------------------------------------------

    @observe("view")
    def _view_changed(self, change: dict) -> None:
        if change["new"] not in VIEWS:
            raise ValueError(f"unknown calendar view {change['new']!r}")
        self.view_buttons.value = change["new"]
        guarded(self.notice)(self.refresh)()

    def go_to(self, day: dt.date, view: str | None = None) -> None:
        """Show the period holding ``day`` (in ``view``, or the current one)."""
        self.anchor = day
        if view is not None and view != self.view:
            self.view = view  # refreshes
        else:
            self.refresh()

    def step(self, direction: int) -> None:
        """Move one period back (-1) or forward (+1)."""
        if self.view == "week":
            self.go_to(self.anchor + dt.timedelta(days=7 * direction))
        else:
            month = self.anchor.month - 1 + direction
            self.go_to(dt.date(self.anchor.year + month // 12, month % 12 + 1, 1))

    def period(self) -> tuple[dt.date, dt.date]:
        if self.view == "week":
            monday = self.anchor - dt.timedelta(days=self.anchor.weekday())
            return monday, monday + dt.timedelta(days=6)
        first = self.anchor.replace(day=1)
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])

    # --- rendering ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the period's items and draw the grid or list (one HTML value per navigation)."""
        self.first, self.last = self.period()
        self.items = list(self._load(self.first, self.last))
        self.item_count = len(self.items)
        self.title = self._title()
        self.heading.value = f"<b style='font-size:1.25em;margin-left:1em'>{html.escape(self.title)}</b>"
        self._draw()

    def _draw(self) -> None:
        by_day = self._by_day()
        limit = PER_DAY if self.view == "month" else None
        self.cells = {day: items[:limit] for day, items in by_day.items()}
        self.more = {day: t("cal.more", n=len(items) - PER_DAY) for day, items in by_day.items()
                     if limit is not None and len(items) > limit}
        if self.view == "agenda":
            self.grid.value = calendar_grid.agenda(
                shown=self.cells, labels=self.labels, tooltip=self._tooltip, details=self._details,
                day_heading=lambda d: f"{t(f'cal.weekday.{d.weekday()}')} {format_date(d)}",
                selected_uid=self.selected_uid, nothing=t("cal.nothing"))
            return
        week = self.view == "week"
        start = self.first - dt.timedelta(days=self.first.weekday())
        end = self.last + dt.timedelta(days=6 - self.last.weekday())
        days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
        self.grid.value = calendar_grid.grid(
            days=[d if self.first <= d <= self.last else None for d in days], shown=self.cells, more=self.more,
            headers=[t(f"cal.weekday.{i}") for i in range(7)], today=self.today, labels=self.labels,
            day_label=(lambda d: format_date(d, style="abbr")) if week else (lambda d: str(d.day)),
            tooltip=self._tooltip, selected_uid=self.selected_uid, week=week)

    def _title(self) -> str:
        if self.view == "week":
            return t("cal.week_of", first=format_date(self.first, style="abbr"),
                     last=format_date(self.last, style="abbr"))
        if self.lang == "th":
            return format_month_year(self.first.year, self.first.month)
        return f"{calendar.month_name[self.first.month]} {self.first.year} (B.E. {be_year(self.first.year)})"

    def _by_day(self) -> dict[dt.date, list[CalendarItem]]:
        days: dict[dt.date, list[CalendarItem]] = {}
        for item in self.items:
            day, end = max(item.start.date(), self.first), min(last_day_of(item), self.last)
            while day <= end:
                days.setdefault(day, []).append(item)
                day += dt.timedelta(days=1)
        return days

    def _details(self, item: CalendarItem) -> str:
        return " · ".join(p for p in (kind_label(item.item_type, item.kind), status_label(item.item_type, item.status),
                                      item.country_th if self.lang == "th" else item.country_en,
                                      ", ".join(item.principal_names)) if p)

    def _tooltip(self, item: CalendarItem) -> str:
        if item.all_day:
            when = f"{format_date(item.start.date())} – {format_date(item.end.date())}"
        else:
            when = f"{format_date(item.start.date())} {item.start:%H.%M}–{item.end:%H.%M}"
        country = item.country_th if self.lang == "th" else item.country_en
        parts = [item.title(self.lang), when, kind_label(item.item_type, item.kind),
                 status_label(item.item_type, item.status), country, ", ".join(item.principal_names), item.venue]
        return "\n".join(p for p in parts if p)

    def _legend_html(self) -> str:
        chips = []
        for item_type, kinds in (("visit", ("official_visit", "study_trip", "conference", "courtesy_programme")),
                                 ("engagement", ("courtesy_call", "meeting", "reception", "site_visit",
                                                 "airport_welcome", "airport_farewell"))):
            for kind in kinds:
                chips.append(f"<span style='display:inline-block;margin:2px 6px 2px 0;padding:0 6px;color:white;"
                             f"background:{calendar_grid.KIND_COLOURS[kind]};border-radius:3px'>"
                             f"{html.escape(kind_label(item_type, kind))}</span>")
        return f"<div class='wb-calendar-legend'><b>{html.escape(t('cal.legend'))}:</b> {''.join(chips)}</div>"

    # --- selection ---------------------------------------------------------------------------------------

    def pick(self, value: str) -> None:
        """What a click in the page sends: an item's uid (open it) or ``more:YYYY-MM-DD`` (open that week)."""
        if not value:
            return
        self.picker.value = ""  # ready for the next click, even on the same item
        if value.startswith("more:"):
            self.go_to(dt.date.fromisoformat(value.removeprefix("more:")), "week")
            return
        item = next((i for i in self.items if i.uid == value), None)
        if item is not None:  # an uid not on screen (stale page, forged value) is ignored
            self.select(item)

    def select(self, item: CalendarItem) -> None:
        self.selected_uid = item.uid
        self._draw()
        self._on_select(item)

    def titles_on(self, day: dt.date) -> list[str]:
        """The items shown on ``day`` as one line each, time and title (for tests and accessibility checks)."""
        return [self.labels.line(item, day) for item in self.cells.get(day, [])]

    def reset(self) -> None:
        self.selected_uid = ""
        self.go_to(self.today, "month")
