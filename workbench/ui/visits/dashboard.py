"""VisitsApp: the visit calendar dashboard for one user. Calendar and filters on the left with the export bar;
on the right the detail of the clicked item or a form, and what needs attention. ``VisitsApp(engine, user)``
is all a dashboard notebook (or an analyst's notebook in JupyterLab) needs."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench import clock
from workbench.db import new_session
from workbench.i18n import t
from workbench.services import engagements, visits
from workbench.services.access import has_permission
from workbench.services.calendar import CalendarItem, calendar_items
from workbench.ui.choices import Choices
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.visits.attention_panel import AttentionPanel
from workbench.ui.visits.calendar_export import CalendarExport
from workbench.ui.visits.calendar_filters import CalendarFilters
from workbench.ui.visits.calendar_view import CalendarView
from workbench.ui.visits.engagement_detail import EngagementDetail
from workbench.ui.visits.engagement_form import EngagementForm
from workbench.ui.visits.record_form import RecordForm
from workbench.ui.visits.visit_detail import VisitDetail
from workbench.ui.visits.visit_form import VisitForm

STYLE = """<style>
.wb-calendar-item, .wb-calendar-more, .wb-attention-entry { text-align: left; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; line-height: 1.6; }
.wb-calendar-day .widget-label { margin: 0 2px; }
.wb-visits-side { border-left: 1px solid #d0d7de; padding-left: 8px; }
.wb-seating td, .wb-seating th { padding: 1px 6px; border-bottom: 1px solid #eee; text-align: left; }
</style>"""


class VisitsApp(widgets.VBox):
    """Public parts: ``calendar``, ``filters``, ``export``, ``attention``, ``panel`` (what the right column shows)
    and, built when first needed, ``visit_form``, ``engagement_form``, ``record_form``, ``visit_detail`` and
    ``engagement_detail``. Write buttons appear only for users whose role may write (the services check anyway).
    """

    def __init__(self, engine: Engine, user: Any, *, today: dt.date | None = None) -> None:
        self.engine, self.user = engine, user
        self.today = today or clock.today()
        self.choices = Choices(engine, self.today)
        self.can_write = has_permission(user, "visits.write")
        self.notice = Notice()
        self._guard = guarded(self.notice)
        self.heading = widgets.HTML(f"<h2>{html.escape(t('app.visits.heading'))}</h2>")
        self.new_visit_button = widgets.Button(description=t("form.new_visit"),
                                               layout=widgets.Layout(width="auto"))
        self.new_engagement_button = widgets.Button(description=t("form.new_engagement"),
                                                    button_style="primary", layout=widgets.Layout(width="auto"))
        self.filters = CalendarFilters(self.choices)
        self.calendar = CalendarView(load=self._load, on_select=self._selected, today=self.today)
        self.export = CalendarExport(lambda: (self.calendar.first, self.calendar.last, self.calendar.items))
        self.attention = AttentionPanel(engine, user, today=self.today, on_open=self._guard(self.open_item))
        self.hint = widgets.Label(t("detail.empty"))
        self.panel = widgets.VBox([self.hint])
        self.visit_form: VisitForm | None = None
        self.engagement_form: EngagementForm | None = None
        self.record_form: RecordForm | None = None
        self.visit_detail: VisitDetail | None = None
        self.engagement_detail: EngagementDetail | None = None
        actions = [self.new_engagement_button, self.new_visit_button] if self.can_write else []
        left = widgets.VBox([self.calendar, self.export], layout=widgets.Layout(width="64%"))
        right = widgets.VBox([self.panel, self.attention], layout=widgets.Layout(width="36%"))
        right.add_class("wb-visits-side")
        super().__init__([widgets.HTML(STYLE), self.heading, self.notice, widgets.HBox(actions), self.filters,
                          widgets.HBox([left, right], layout=widgets.Layout(width="100%"))])
        self.add_class("wb-visits")
        self.new_visit_button.on_click(self._guard(lambda _b: self.new_visit()))
        self.new_engagement_button.on_click(self._guard(lambda _b: self.new_engagement()))
        self.filters.observe(self._guard(lambda _c: self.calendar.refresh()), names="value")
        # another month or week: only the range's schedule conflicts change (overdue entries depend on today)
        self.calendar.observe(self._guard(lambda _c: self.attention.refresh_period(
            self.calendar.first, self.calendar.last)), names="title")
        self._guard(self._refresh_attention)()

    def __repr__(self) -> str:  # never the widgets' values in a text/plain fallback
        return "<workbench visit calendar>"

    # --- data --------------------------------------------------------------------------------------------

    def _load(self, first: dt.date, last: dt.date) -> list[CalendarItem]:
        with new_session(self.engine) as session:
            return calendar_items(session, actor=self.user, first=first, last=last, wanted=self.filters.value)

    def _refresh_attention(self) -> None:
        self.attention.refresh(self.calendar.first, self.calendar.last)

    def changed(self) -> None:
        """After any write: the calendar and the attention panel show the database again."""
        self.calendar.refresh()
        self._refresh_attention()

    # --- right column ------------------------------------------------------------------------------------

    def _show(self, widget: widgets.Widget) -> None:
        self.panel.children = (widget,)

    def _close(self) -> None:
        self._show(self.hint)

    def _selected(self, item: CalendarItem) -> None:
        if item.item_type.startswith("ip_"):  # an inter-parliamentary meeting or one of its preparation deadlines
            from workbench.ui.interparliamentary.calendar_detail import MeetingCalendarDetail

            self._show(MeetingCalendarDetail(self.engine, self.user, item, today=self.today,
                                             on_close=self._guard(self._close)))
            return
        self.open_item(item.item_type, item.record_id)

    def open_item(self, item_type: str, record_id: int) -> None:
        """Show the detail of a visit or an engagement, and move the calendar to its month when it is elsewhere
        (an item opened from the home page's search or the attention panel)."""
        self._show_detail(item_type, record_id)
        self._move_to_item(item_type, record_id)

    def _move_to_item(self, item_type: str, record_id: int) -> None:
        with new_session(self.engine) as session:
            if item_type == "visit":
                visit = visits.read_visit(session, visit_id=record_id, actor=self.user)
                first, last = visit.start_date, visit.end_date
            else:
                part = engagements.read_engagement(session, engagement_id=record_id, actor=self.user)
                first, last = part.start.date(), part.end.date()
        if last < self.calendar.first or first > self.calendar.last:  # not on screen at all
            self.calendar.go_to(first)

    def _show_detail(self, item_type: str, record_id: int) -> None:
        if item_type == "visit":
            if self.visit_detail is None:
                self.visit_detail = VisitDetail(
                    self.engine, self.user, self.choices, on_changed=self._guard(self.changed),
                    on_edit=self._guard(self.edit_visit), on_new_engagement=self._guard(self._engagement_in_visit),
                    on_open=self._guard(self.open_item))
            self.visit_detail.show(record_id)
            self._show(self.visit_detail)
        else:
            if self.engagement_detail is None:
                self.engagement_detail = EngagementDetail(
                    self.engine, self.user, self.choices, on_changed=self._guard(self.changed),
                    on_edit=self._guard(self.edit_engagement), on_record=self._guard(self.write_record),
                    on_open=self._guard(self.open_item))
            self.engagement_detail.show(record_id)
            self._show(self.engagement_detail)

    def _visit_form(self) -> VisitForm:
        if self.visit_form is None:
            self.visit_form = VisitForm(self.engine, self.user, self.choices, on_saved=self._guard(self._saved_visit),
                                        on_close=self._guard(self._close))
        return self.visit_form

    def _engagement_form(self) -> EngagementForm:
        if self.engagement_form is None:
            self.engagement_form = EngagementForm(self.engine, self.user, self.choices,
                                                  on_saved=self._guard(self._saved_engagement),
                                                  on_close=self._guard(self._close))
        return self.engagement_form

    def _default_day(self) -> dt.date:
        return self.today if self.calendar.first <= self.today <= self.calendar.last else self.calendar.first

    def new_visit(self) -> VisitForm:
        form = self._visit_form()
        day = self._default_day()
        form.new(start_date=day, end_date=day)
        self._show(form)
        return form

    def edit_visit(self, visit_id: int) -> None:
        form = self._visit_form()
        form.edit(visit_id)
        self._show(form)

    def new_engagement(self, **preset: Any) -> EngagementForm:
        form = self._engagement_form()
        start = dt.datetime.combine(self._default_day(), dt.time(10, 0))
        form.new(**{"start": start, "end": start + dt.timedelta(hours=1), **preset})
        self._show(form)
        return form

    def _engagement_in_visit(self, visit_id: int, start: dt.datetime) -> None:
        self.new_engagement(visit_id=visit_id, start=start, end=start + dt.timedelta(hours=1))

    def edit_engagement(self, engagement_id: int) -> None:
        form = self._engagement_form()
        form.edit(engagement_id)
        self._show(form)

    def write_record(self, engagement_id: int, subject: str) -> RecordForm:
        if self.record_form is None:
            self.record_form = RecordForm(self.engine, self.user, self.choices,
                                          on_saved=self._guard(self._saved_record), on_close=self._guard(self._close))
        self.record_form.new(engagement_id, subject=subject)
        self._show(self.record_form)
        return self.record_form

    def _reveal(self, day: dt.date) -> None:
        if not self.calendar.first <= day <= self.calendar.last:
            self.calendar.go_to(day)
        else:
            self.changed()

    def _saved_visit(self, saved: Any) -> None:
        self._reveal(saved.start_date)
        self._refresh_attention()
        self.notice.success(t("form.saved_visit", title=saved.title_th))
        self.open_item("visit", saved.id)

    def _saved_engagement(self, saved: Any) -> None:
        self._reveal(saved.start.date())
        self._refresh_attention()
        self.notice.success(t("form.saved_engagement", title=saved.title_th))
        self.open_item("engagement", saved.id)

    def _saved_record(self, saved: Any) -> None:
        self.changed()
        self.notice.success(t("form.saved_record"))
        self.open_item("engagement", saved.engagement_id)

    def reset(self) -> None:
        self.filters.reset()
        self.calendar.reset()
        self.export.reset()
        self.notice.reset()
        self._close()
