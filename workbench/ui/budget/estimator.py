"""BudgetEstimator: estimate a trip abroad (or a reception) from the rate tables and, in one click, make it a
draft commitment on a budget line. The widget only collects and shows; ``services.trip_costs`` computes."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int, Unicode

from workbench.db import new_session
from workbench.i18n import t
from workbench.services import trip_costs
from workbench.services.access import has_permission
from workbench.services.budget import list_lines
from workbench.services.countries import list_countries
from workbench.thai import baht_text, format_baht, format_date
from workbench.ui.date_field import DateField
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.record_table import RecordTable

WIDE = {"description_width": "13em"}


class BudgetEstimator(widgets.VBox):
    """Public state: ``fiscal_year``, ``total`` (the last estimate's total as shown, "" before any) and
    ``draft_id`` (the draft commitment made last, 0 before any). ``on_drafted(commitment)`` is called after a draft
    is made."""

    fiscal_year = Int(0)
    total = Unicode("")
    draft_id = Int(0)

    def __init__(self, engine: Engine, user: Any, *, fiscal_year: int, today: dt.date,
                 on_drafted: Callable[[Any], None] | None = None) -> None:
        self.engine, self.user, self.today = engine, user, today
        self.on_drafted = on_drafted
        self.estimate: trip_costs.Estimate | None = None
        self.heading = widgets.HTML(f"<h3>{html.escape(t('budget.est.heading'))}</h3>")
        self.mode = widgets.ToggleButtons(options=[(t("budget.est.mode_trip"), "trip"),
                                                   (t("budget.est.mode_reception"), "reception")], value="trip")
        self.visit = widgets.Dropdown(description=t("budget.est.visit"), style=WIDE,
                                      layout=widgets.Layout(width="46em"))
        self.reception = widgets.Dropdown(description=t("budget.est.reception"), style=WIDE,
                                          layout=widgets.Layout(width="46em"))
        with new_session(engine) as session:
            countries = list_countries(session)
            grades = trip_costs.travel_grades(session)
        self.country = widgets.Dropdown(description=t("budget.field.country_id"), style=WIDE,
                                        options=[("", None)] + [(c.name_th, c.id) for c in countries])
        self.start = DateField(t("budget.field.start_date"))
        self.end = DateField(t("budget.field.end_date"))
        self.grades = {g.code: widgets.BoundedIntText(value=0, min=0, max=200, style=WIDE,
                                                      description=t("budget.est.persons", grade=g.label_th))
                       for g in grades}
        self.accommodation = widgets.ToggleButtons(
            description=t("budget.field.accommodation"), style=WIDE,
            options=[(t("budget.est.actual"), "actual"), (t("budget.est.flat"), "flat")], value="actual")
        self.room_cost = widgets.Text(description=t("budget.field.nightly_room_cost"), style=WIDE,
                                      placeholder=t("budget.est.default_rate"))
        self.airfare = widgets.Text(description=t("budget.field.airfare_per_person"), style=WIDE,
                                    placeholder=t("budget.est.default_rate"))
        self.visa = widgets.Text(description=t("budget.field.visa_per_person"), style=WIDE,
                                 placeholder=t("budget.est.default_rate"))
        self.per_head = widgets.Text(description=t("budget.field.per_head"), style=WIDE,
                                     placeholder=t("budget.est.default_rate"))
        self.other = widgets.Text(description=t("budget.field.other_costs"), style=WIDE, placeholder="0.00")
        self.estimate_button = widgets.Button(description=t("budget.est.estimate"), button_style="info")
        self.result = RecordTable([(k, t(f"budget.est.col.{k}")) for k in ("item", "persons", "units", "rate", "amount")],
                                  numeric={"persons", "units", "rate", "amount"})
        self.total_label = widgets.Label("")
        self.line = widgets.Dropdown(description=t("budget.est.line"), style=WIDE, layout=widgets.Layout(width="46em"))
        self.draft_button = widgets.Button(description=t("budget.est.to_draft"), button_style="primary",
                                           disabled=True)
        self.notice = Notice()
        self.trip_box = widgets.VBox([self.visit, self.country, self.start, self.end, *self.grades.values(),
                                      self.accommodation, self.room_cost, self.airfare, self.visa])
        self.reception_box = widgets.VBox([self.reception, self.per_head])
        self.may_write = has_permission(user, "budget.write")
        draft_row = [widgets.HBox([self.line, self.draft_button])] if self.may_write else []
        super().__init__([self.heading, self.mode, self.trip_box, self.other, self.estimate_button, self.result,
                          self.total_label, *draft_row, self.notice])
        self.add_class("wb-budget-estimator")
        guard = guarded(self.notice)
        self.mode.observe(guard(lambda _c: self._show_mode()), names="value")
        self.visit.observe(guard(self._visit_chosen), names="value")
        self.estimate_button.on_click(guard(lambda _b: self.run_estimate()))
        self.draft_button.on_click(guard(lambda _b: self.make_draft()))
        self.fiscal_year = fiscal_year
        guard(self.load)()

    # --- choices ------------------------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the visit, reception and line choices for ``fiscal_year``."""
        with new_session(self.engine) as session:
            visits = trip_costs.outbound_visits(session, fiscal_year_be=self.fiscal_year, actor=self.user)
            receptions = trip_costs.receptions(session, fiscal_year_be=self.fiscal_year, actor=self.user)
            lines = list_lines(session, fiscal_year=self.fiscal_year, actor=self.user)
        self.visit.options = [(t("budget.est.no_visit"), None)] + [
            (f"{format_date(v.start_date, style='abbr')} · {v.title_th}", v.id) for v in visits]
        self.reception.options = [(f"{format_date(r.start.date(), style='abbr')} · {r.title_th}", r.id)
                                  for r in receptions]
        self.line.options = [(f"{line.code} · {line.name_th}", line.id) for line in lines]
        self._visits = {v.id: v for v in visits}

    def _show_mode(self) -> None:
        trip = self.mode.value == "trip"
        self.children = [self.heading, self.mode, self.trip_box if trip else self.reception_box,
                         *self.children[3:]]
        self.total_label.value, self.total = "", ""
        self.result.reset()
        self.estimate, self.draft_button.disabled = None, True

    def _visit_chosen(self, change: dict) -> None:
        visit = self._visits.get(change["new"])
        if visit is not None:
            self.country.value = visit.country_id
            self.start.value, self.end.value = visit.start_date, visit.end_date

    # --- actions ------------------------------------------------------------------------------------------

    def request(self) -> dict[str, Any]:
        """What the form says, as the service's request (empty fields left to the visit and the rate tables)."""
        if self.mode.value == "reception":
            return {"engagement_id": self.reception.value, "per_head": self.per_head.value.strip() or None,
                    "other_costs": self.other.value.strip() or "0"}
        counts = {code: box.value for code, box in self.grades.items() if box.value}
        return {"visit_id": self.visit.value, "country_id": self.country.value, "start_date": self.start.value,
                "end_date": self.end.value, "travellers": counts or None, "accommodation": self.accommodation.value,
                "nightly_room_cost": self.room_cost.value.strip() or None,
                "airfare_per_person": self.airfare.value.strip() or None,
                "visa_per_person": self.visa.value.strip() or None, "other_costs": self.other.value.strip() or "0"}

    def run_estimate(self) -> None:
        self.notice.reset()
        self.estimate, self.draft_button.disabled = None, True
        with new_session(self.engine) as session:
            if self.mode.value == "reception":
                estimate = trip_costs.estimate_reception(session, data=self.request(), actor=self.user)
            else:
                estimate = trip_costs.estimate_trip(session, data=self.request(), actor=self.user)
        self.estimate = estimate
        self._show(estimate)
        self.draft_button.disabled = not self.line.options

    def _show(self, estimate: trip_costs.Estimate) -> None:
        self.result.show([{"item": t(f"budget.est.item.{i.code}") + (f" ({i.grade})" if i.grade else ""),
                           "persons": i.persons, "units": i.units, "rate": format_baht(i.unit_amount),
                           "amount": format_baht(i.amount)} for i in estimate.items])
        self.total = format_baht(estimate.total)
        self.total_label.value = t("budget.est.total", total=self.total, words=baht_text(estimate.total))

    def make_draft(self) -> None:
        """Estimate again (the form may have changed) and save it as a draft commitment, in one service call."""
        self.notice.reset()
        with new_session(self.engine) as session:
            draft = trip_costs.draft_from_estimate(session, request=self.request(), line_id=self.line.value,
                                                   entry_date=self._entry_date(), actor=self.user)
        self.draft_id = draft.id
        self.notice.success(t("budget.est.drafted", id=draft.id, amount=format_baht(draft.amount)))
        if self.on_drafted:
            self.on_drafted(draft)

    def _entry_date(self) -> dt.date:
        from workbench.services.budget_reports import as_of

        return as_of(self.fiscal_year, self.today)

    def reset(self) -> None:
        self.visit.value = None
        self.country.value = None
        self.start.reset()
        self.end.reset()
        for box in self.grades.values():
            box.value = 0
        for box in (self.room_cost, self.airfare, self.visa, self.per_head, self.other):
            box.value = ""
        self.total_label.value, self.total = "", ""
        self.result.reset()
        self.estimate, self.draft_button.disabled = None, True
        self.notice.reset()
