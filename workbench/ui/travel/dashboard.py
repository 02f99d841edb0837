"""TravelDashboard: upcoming outbound visits with the readiness of each member, the letters (draft, then issue),
visa tracking, passports to record, expiring passports and passport moves. For protocol officers and
administrators (``travel.read``; writing needs ``travel.write``)."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench import clock
from workbench.db import new_session
from workbench.i18n import current_lang, t
from workbench.services.access import has_permission
from workbench.services.travel import readiness
from workbench.thai import format_date
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.travel.expiring_list import ExpiringPassports
from workbench.ui.travel.letter_panel import LetterPanel
from workbench.ui.travel.passport_form import PassportForm
from workbench.ui.travel.passport_moves import PassportMoves
from workbench.ui.travel.readiness_table import ReadinessTable
from workbench.ui.travel.visa_form import VisaForm


class TravelDashboard(widgets.VBox):
    """Public state: ``visit_id`` (the trip shown; 0 when there is none). ``today`` is injectable for tests."""

    visit_id = Int(0)

    def __init__(self, engine: Engine, user: Any, *, today: dt.date | None = None) -> None:
        self.engine, self.user = engine, user
        self.today = today or clock.today()
        self.lang = current_lang()
        self.notice = Notice()
        self.heading = widgets.HTML(f"<h2>{html.escape(t('travel.title'))}</h2>")
        self.visit = widgets.Dropdown(description=t("travel.visit"), options=[],
                                      layout=widgets.Layout(width="95%", max_width="60em"),
                                      style={"description_width": "6em"})
        self.readiness = ReadinessTable()
        self.letters = LetterPanel(engine, user, today=self.today, notice=self.notice, on_issued=lambda _n: self.show())
        self.expiring = ExpiringPassports(engine, user, today=self.today, notice=self.notice)
        self.moves = PassportMoves(engine, user, today=self.today, notice=self.notice, on_moved=lambda _m: self.refresh())
        side: list[widgets.Widget] = [self.expiring, self.moves]
        self.passport_form = self.visa_form = None
        main: list[widgets.Widget] = [self.visit, self.readiness, self.letters]
        if has_permission(user, "travel.write"):
            self.passport_form = PassportForm(engine, user, notice=self.notice, on_saved=lambda _p: self.refresh())
            self.visa_form = VisaForm(engine, user, today=self.today, notice=self.notice, on_saved=lambda _r: self.show())
            main += [self.visa_form, self.passport_form]
        left = widgets.VBox(main, layout=widgets.Layout(flex="3 1 0", min_width="0"))
        right = widgets.VBox(side, layout=widgets.Layout(flex="2 1 0", min_width="0"))
        super().__init__([self.heading, self.notice,
                          widgets.HBox([left, right], layout=widgets.Layout(flex_flow="row wrap"))])
        self.add_class("wb-travel")
        guard = guarded(self.notice)
        self.visit.observe(guard(lambda change: self.choose(change["new"])), names="value")
        guard(self.load)()

    def load(self) -> None:
        with new_session(self.engine) as session:
            trips = readiness.upcoming_outbound(session, actor=self.user, today=self.today)
        self.visit.options = [(f"{format_date(v.start_date, style='abbr')} · "
                               f"{v.title_th if self.lang == 'th' else v.title_en or v.title_th}", v.id) for v in trips]
        if not trips:
            self.notice.show(t("travel.no_visits"), "info")
        self.visit.value = trips[0].id if trips else None
        self.refresh()

    def choose(self, visit_id: int | None) -> None:
        self.visit_id = visit_id or 0
        self.show()

    def show(self) -> None:
        if not self.visit_id:
            self.readiness.reset()
            self.letters.load(None, "")
            return
        with new_session(self.engine) as session:
            state = readiness.visit_readiness(session, visit_id=self.visit_id, actor=self.user, today=self.today)
        self.readiness.show(state)
        self.letters.load(self.visit_id, state.iso2)
        people = [(m.name(self.lang), m.person_id) for m in state.members]
        if self.passport_form is not None:
            without = [(name, pid) for (name, pid), m in zip(people, state.members, strict=True) if m.passport_id is None]
            self.passport_form.members(without + [p for p in people if p not in without])
        if self.visa_form is not None:
            self.visa_form.members(self.visit_id, [(name, pid) for (name, pid), m in zip(people, state.members, strict=True)
                                                   if m.visa_needed] or people)

    def refresh(self) -> None:
        """Read everything again (after a passport, a move or a letter)."""
        self.show()
        self.expiring.load()
        self.moves.load()
