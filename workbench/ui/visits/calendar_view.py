"""CalendarView: the visit calendar as a month grid, a week grid or an agenda list.

Thai month names and B.E. years ("ธันวาคม 2569"), Monday-first weeks, items coloured by kind with a legend. Each
item is a Button whose description is its title: ipywidgets show button text as text, so a title such as
``<script>`` stays literal. Children are built once per navigation: a month is one grid of at most 42 small cells
holding a few buttons each (a day with more items offers its week instead).
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

VIEWS = ("month", "week", "agenda")
PER_DAY = 3  # item buttons in a month cell; the rest behind "n more" (which opens the week)
KIND_COLOURS = {  # presentation only (not reference data): one colour per kind, readable with white text
    "official_visit": "#1f4e79", "study_trip": "#2e7d32", "conference": "#6a1b9a", "courtesy_programme": "#00695c",
    "courtesy_call": "#c62828", "meeting": "#e65100", "reception": "#ad1457", "site_visit": "#558b2f",
    "airport_welcome": "#4e342e", "airport_farewell": "#546e7a",
    "ip_meeting": "#283593", "ip_deadline": "#8d6e63",  # inter-parliamentary meetings and preparation deadlines
}
OTHER_COLOUR = "#455a64"
CELL = widgets.Layout(border="1px solid #d0d7de", padding="2px", min_height="92px", overflow="hidden")
ITEM = widgets.Layout(width="98%", height="auto", margin="1px 0", padding="0 3px")


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
    ``last`` (the period shown), ``title`` (its heading), ``item_count`` and ``selected_uid``.

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
        self.notice = Notice()
        self.view_buttons = widgets.ToggleButtons(options=[(t(f"cal.view.{v}"), v) for v in VIEWS], value="month",
                                                  style={"button_width": "7em"})
        self.previous_button = widgets.Button(description=t("cal.previous"), layout=widgets.Layout(width="auto"))
        self.today_button = widgets.Button(description=t("cal.today"), layout=widgets.Layout(width="auto"))
        self.next_button = widgets.Button(description=t("cal.next"), layout=widgets.Layout(width="auto"))
        self.heading = widgets.HTML()
        self.legend = widgets.HTML(self._legend_html())
        self.body = widgets.Box(layout=widgets.Layout(width="100%"))
        self.cells: dict[dt.date, widgets.VBox] = {}
        self.item_buttons: dict[str, list[widgets.Button]] = {}
        self.items: list[CalendarItem] = []
        toolbar = widgets.HBox([self.view_buttons, self.previous_button, self.today_button, self.next_button,
                                self.heading], layout=widgets.Layout(align_items="center", flex_flow="row wrap"))
        super().__init__([toolbar, self.notice, self.body, self.legend], layout=widgets.Layout(width="100%"))
        self.add_class("wb-calendar")
        guard = guarded(self.notice)
        self.previous_button.on_click(guard(lambda _b: self.step(-1)))
        self.next_button.on_click(guard(lambda _b: self.step(+1)))
        self.today_button.on_click(guard(lambda _b: self.go_to(self.today)))
        self.view_buttons.observe(guard(lambda c: setattr(self, "view", c["new"])), names="value")
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
        """Reload the period's items and rebuild the grid or list (once per navigation)."""
        self.first, self.last = self.period()
        self.items = list(self._load(self.first, self.last))
        self.item_count = len(self.items)
        self.item_buttons = {}
        self.cells = {}
        self.title = self._title()
        self.heading.value = f"<b style='font-size:1.25em;margin-left:1em'>{html.escape(self.title)}</b>"
        if self.view == "month":
            self.body.children = (self._month(),)
        elif self.view == "week":
            self.body.children = (self._week(),)
        else:
            self.body.children = (self._agenda(),)

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

    def _weekday_headers(self) -> list[widgets.Widget]:
        return [widgets.HTML("<div style='text-align:center;font-weight:bold'>"
                             f"{html.escape(t(f'cal.weekday.{i}'))}</div>")
                for i in range(7)]

    def _grid(self, children: list[widgets.Widget]) -> widgets.GridBox:
        grid = widgets.GridBox(children, layout=widgets.Layout(
            grid_template_columns="repeat(7, minmax(0, 1fr))", grid_gap="2px", width="100%"))
        grid.add_class("wb-calendar-grid")
        return grid

    def _month(self) -> widgets.Widget:
        by_day = self._by_day()
        start = self.first - dt.timedelta(days=self.first.weekday())
        end = self.last + dt.timedelta(days=6 - self.last.weekday())
        cells: list[widgets.Widget] = []
        day = start
        while day <= end:
            if self.first <= day <= self.last:
                cells.append(self._month_cell(day, by_day.get(day, [])))
            else:
                cells.append(widgets.Box(layout=widgets.Layout(border="1px solid #eee", min_height="92px")))
            day += dt.timedelta(days=1)
        return self._grid(self._weekday_headers() + cells)

    def _day_number(self, day: dt.date, text: str | None = None) -> widgets.Label:
        label = widgets.Label(text or str(day.day))
        if day == self.today:
            label.style.font_weight = "bold"
            label.style.text_color = "#c62828"
        return label

    def _month_cell(self, day: dt.date, items: list[CalendarItem]) -> widgets.VBox:
        children: list[widgets.Widget] = [self._day_number(day)]
        children += [self._button(item, day) for item in items[:PER_DAY]]
        if len(items) > PER_DAY:
            more = widgets.Button(description=t("cal.more", n=len(items) - PER_DAY), layout=ITEM)
            more.add_class("wb-calendar-more")
            more.on_click(guarded(self.notice)(lambda _b, d=day: self.go_to(d, "week")))
            children.append(more)
        cell = widgets.VBox(children, layout=CELL)
        cell.add_class("wb-calendar-day")
        if day == self.today:
            cell.add_class("wb-calendar-today")
        self.cells[day] = cell
        return cell

    def _week(self) -> widgets.Widget:
        by_day = self._by_day()
        columns = []
        for offset in range(7):
            day = self.first + dt.timedelta(days=offset)
            heading = self._day_number(day, format_date(day, style="abbr"))
            cell = widgets.VBox([heading, *[self._button(i, day) for i in by_day.get(day, [])]],
                                layout=widgets.Layout(border="1px solid #d0d7de", padding="2px", min_height="300px"))
            cell.add_class("wb-calendar-day")
            self.cells[day] = cell
            columns.append(cell)
        return self._grid(self._weekday_headers() + columns)

    def _agenda(self) -> widgets.Widget:
        if not self.items:
            return widgets.Label(t("cal.nothing"))
        rows: list[widgets.Widget] = []
        for day, items in sorted(self._by_day().items()):
            rows.append(widgets.HTML(f"<b>{html.escape(t(f'cal.weekday.{day.weekday()}'))} "
                                     f"{html.escape(format_date(day))}</b>"))
            buttons = []
            for item in items:
                button = self._button(item, day, width="24em")
                details = " · ".join(p for p in (kind_label(item.item_type, item.kind),
                                                 status_label(item.item_type, item.status),
                                                 item.country_th if self.lang == "th" else item.country_en,
                                                 ", ".join(item.principal_names)) if p)
                buttons.append(widgets.HBox([button, widgets.Label(details)]))
            cell = widgets.VBox(buttons)
            cell.add_class("wb-calendar-day")
            self.cells[day] = cell
            rows.append(cell)
        box = widgets.VBox(rows, layout=widgets.Layout(width="100%"))
        box.add_class("wb-calendar-agenda")
        return box

    def _button(self, item: CalendarItem, day: dt.date, *, width: str | None = None) -> widgets.Button:
        title = item.title(self.lang)
        starts_today = item.start.date() == day
        clock_time = item.start.strftime("%H.%M" if self.lang == "th" else "%H:%M")
        prefix = "" if item.all_day or not starts_today else t("cal.time", time=clock_time) + " "
        colour = KIND_COLOURS.get(str(item.kind), OTHER_COLOUR)
        button = widgets.Button(description=prefix + title, tooltip=self._tooltip(item),
                                layout=widgets.Layout(width=width or "98%", height="auto", margin="1px 0",
                                                      padding="0 3px"))
        button.style.button_color = colour
        button.style.text_color = "white"
        button.style.font_size = "12px"
        button.add_class("wb-calendar-item")
        button.add_class(f"wb-kind-{item.kind}")
        if str(item.status) == "cancelled":
            button.style.text_decoration = "line-through"
        button.on_click(guarded(self.notice)(lambda _b, chosen=item: self.select(chosen)))
        self.item_buttons.setdefault(item.uid, []).append(button)
        return button

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
                             f"background:{KIND_COLOURS[kind]};border-radius:3px'>"
                             f"{html.escape(kind_label(item_type, kind))}</span>")
        return f"<div class='wb-calendar-legend'><b>{html.escape(t('cal.legend'))}:</b> {''.join(chips)}</div>"

    # --- selection ---------------------------------------------------------------------------------------

    def select(self, item: CalendarItem) -> None:
        self.selected_uid = item.uid
        self._on_select(item)

    def titles_on(self, day: dt.date) -> list[str]:
        """The descriptions of the item buttons shown on ``day`` (for tests and accessibility checks)."""
        cell = self.cells.get(day)
        if cell is None:
            return []
        found = []
        for child in cell.children:
            buttons = child.children if isinstance(child, widgets.HBox) else (child,)
            found += [b.description for b in buttons if isinstance(b, widgets.Button)
                      and "wb-calendar-item" in b._dom_classes]
        return found

    def reset(self) -> None:
        self.selected_uid = ""
        self.go_to(self.today, "month")
