"""AttentionPanel: beside the calendar, what needs attention: schedule conflicts in the shown range, overdue
records of conversation, overdue protocol checklist items and overdue follow-ups; for those who handle travel
documents, outbound visits with members not ready (passport, visa) or a travel deadline passed. Clicking an entry
opens it."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench import clock
from workbench.config import get_settings
from workbench.db import new_session
from workbench.i18n import current_lang, t
from workbench.services import records, visits
from workbench.services.calendar import schedule_warnings
from workbench.services.travel.readiness import missing_for_calendar
from workbench.thai import format_date
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

SHOWN = 8  # entries per section; the count says how many there are


class AttentionPanel(widgets.VBox):
    """``on_open(item_type, record_id)`` opens an entry's visit or engagement. ``total`` counts every entry."""

    total = Int(0)

    def __init__(self, engine: Engine, user: Any, *, today: dt.date,
                 on_open: Callable[[str, int], None] | None = None) -> None:
        self.engine, self.user, self.today = engine, user, today
        self._on_open = on_open or (lambda _t, _i: None)
        self.lang = current_lang()
        self.heading = widgets.HTML(f"<h3>{html.escape(t('panel.heading'))}</h3>")
        self.notice = Notice()
        self.warnings = widgets.VBox()
        self.overdue_records = widgets.VBox()
        self.overdue_checklist = widgets.VBox()
        self.overdue_follow_ups = widgets.VBox()
        self.travel_missing = widgets.VBox()
        super().__init__([self.heading, self.notice, self.warnings, self.overdue_records, self.overdue_checklist,
                          self.overdue_follow_ups, self.travel_missing])
        self.add_class("wb-attention")
        self._guard = guarded(self.notice)
        self._overdue = 0  # entries of the sections that do not depend on the range shown

    def refresh(self, first: dt.date, last: dt.date) -> None:
        """Every section again (after a write): the shown range's schedule conflicts and what is overdue."""
        now = dt.datetime.combine(self.today, clock.now().time())
        with new_session(self.engine) as session:
            late_records = records.overdue_records(session, actor=self.user, now=now,
                                                   due_days=get_settings().record_due_days)
            late_items = visits.overdue_checklist(session, actor=self.user, today=self.today)
            late_follow_ups = records.overdue_follow_ups(session, actor=self.user, today=self.today)
            travel = missing_for_calendar(session, actor=self.user, today=self.today)  # [] without travel.read
        self._section(self.overdue_records, "panel.overdue_records", [
            (f"{format_date(e.end.date(), style='abbr')} "
             f"{e.title_th if self.lang == 'th' else e.title_en or e.title_th}",
             "engagement", e.id) for e in late_records])
        self._section(self.overdue_checklist, "panel.overdue_checklist", [
            (f"{format_date(item.due_date, style='abbr')} "
             f"{item.label_th if self.lang == 'th' else item.label_en or item.label_th}"
             f" · {visit.title_th if self.lang == 'th' else visit.title_en or visit.title_th}", "visit", visit.id)
            for item, visit in late_items])
        self._section(self.overdue_follow_ups, "panel.overdue_follow_ups", [
            (f"{format_date(f.due_date, style='abbr')} {f.action}", None, None) for f in late_follow_ups])
        if travel:
            self._section(self.travel_missing, "panel.travel_missing", [
                (m.th if self.lang == "th" else m.en, "visit", m.visit_id) for m in travel])
        else:
            self.travel_missing.children = ()
        self._overdue = len(late_records) + len(late_items) + len(late_follow_ups) + len(travel)
        self.refresh_period(first, last)

    def refresh_period(self, first: dt.date, last: dt.date) -> None:
        """Only what depends on the range shown (its schedule conflicts): what the calendar's move to another
        month or week changes; the overdue sections stay as they are (they depend on today, not on the range)."""
        with new_session(self.engine) as session:
            warnings = schedule_warnings(session, actor=self.user, first=first, last=last)
        self._section(self.warnings, "panel.warnings", [
            (w.th if self.lang == "th" else w.en, *self._uid(w.uid)) for w in warnings])
        self.total = len(warnings) + self._overdue

    @staticmethod
    def _uid(uid: str) -> tuple[str, int]:
        item_type, _, number = uid.rpartition("-")
        return item_type, int(number)

    def _section(self, box: widgets.VBox, key: str, entries: list[tuple[str, str | None, int | None]]) -> None:
        heading = widgets.HTML(f"<b>{html.escape(t(key))}</b> ({len(entries)})")
        rows: list[widgets.Widget] = []
        for text, item_type, record_id in entries[:SHOWN]:
            if item_type is None:
                rows.append(widgets.Label(text, layout=widgets.Layout(width="98%")))
                continue
            button = widgets.Button(description=text, tooltip=text, layout=widgets.Layout(width="98%"))
            button.style.font_size = "12px"
            button.add_class("wb-attention-entry")
            button.on_click(self._guard(lambda _b, kind=item_type, number=record_id: self._on_open(kind, number)))
            rows.append(button)
        if not entries:
            rows.append(widgets.Label(t("panel.none")))
        elif len(entries) > SHOWN:
            rows.append(widgets.Label(t("cal.more", n=len(entries) - SHOWN)))
        box.children = (heading, *rows)

    def reset(self) -> None:
        for box in (self.warnings, self.overdue_records, self.overdue_checklist, self.overdue_follow_ups,
                    self.travel_missing):
            box.children = ()
        self.total = self._overdue = 0
        self.notice.reset()
