"""Quarterly statistics computed from the records, never typed in: visits in and out by region, courtesy
calls, receptions, briefs produced, budget disbursed against the targets, and — when those features are
installed — documents registered and meetings attended.

What is counted (the quarter is a quarter of the Thai fiscal year, ``workbench.thai.fiscal_quarter_bounds``; only
activities that have begun by today — the office clock — count, so a quarter still under way shows what was done
so far and a future quarter shows nothing):

* **visits** starting in the quarter whose status is approved, confirmed, completed or reported (proposed,
  postponed and cancelled visits are not activities), by direction and by the country's region;
* **courtesy calls** and **receptions**: engagements starting in the quarter that were not cancelled;
* **briefs**: engagements whose first briefing pack was saved in the quarter (a new version is not a new brief);
* **budget**: disbursed (cumulative) by the quarter's end against the year's allocation, beside the cumulative
  target of that quarter (``data/budget_disbursement_targets.csv``); needs ``budget.read``, else *not available*;
* **documents registered** and **meetings attended** come from optional sources: a feature provides a function
  ``(session, *, start, end, actor) -> (count, highest classification counted)`` by ``register_source``, or as
  ``count_registered`` in ``workbench.services.correspondence`` / ``count_meetings_attended`` in
  ``workbench.services.interparliamentary``. A source that is absent is *not available* (``None``), not zero.

Only records the actor may see are counted, so a classified visit the actor may not see is not in their figures;
``classification`` is the highest classification among the records counted (the report prints it).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import import_module
from typing import Any

from sqlmodel import Session, col, func, select

from workbench.models.administration import PlanMeasure
from workbench.models.base import Clearance, Region
from workbench.models.briefing import BriefingPack
from workbench.models.countries import Country
from workbench.models.people import Person
from workbench.models.visits import Direction, Engagement, EngagementKind, EngagementStatus, Visit, VisitStatus
from workbench.services.access import Actor, can_see, has_permission, require
from workbench.services.common import field_error
from workbench.thai import fiscal_quarter_bounds, fiscal_year_bounds

READ = "administration.read"
COUNTED_VISITS = frozenset({VisitStatus.APPROVED, VisitStatus.CONFIRMED, VisitStatus.COMPLETED, VisitStatus.REPORTED})
SourceFunction = Callable[..., tuple[int, int]]

_SOURCES: dict[str, SourceFunction] = {}
OPTIONAL = {
    "documents_registered": ("workbench.services.correspondence", "count_registered"),
    "meetings_attended": ("workbench.services.interparliamentary", "count_meetings_attended"),
}


def register_source(name: str, function: SourceFunction) -> None:
    """Let another feature provide ``documents_registered`` or ``meetings_attended``."""
    if name not in OPTIONAL:
        raise ValueError(f"unknown statistics source {name!r}")
    _SOURCES[name] = function


def _source(name: str) -> SourceFunction | None:
    if name in _SOURCES:
        return _SOURCES[name]
    module_name, attribute = OPTIONAL[name]
    try:
        module = import_module(module_name)
    except ImportError:
        return None
    return getattr(module, attribute, None)


@dataclass
class QuarterStatistics:
    fiscal_year: int
    quarter: int
    start: dt.date
    end: dt.date
    inbound_by_region: dict[str, int]
    outbound_by_region: dict[str, int]
    courtesy_calls: int
    receptions: int
    briefs: int
    documents_registered: int | None
    meetings_attended: int | None
    budget_allocated: Decimal | None
    budget_disbursed: Decimal | None
    budget_disbursed_percent: Decimal | None
    budget_target_percent: Decimal | None
    classification: Clearance = Clearance.NONE
    not_available: list[str] = field(default_factory=list)

    @property
    def inbound_visits(self) -> int:
        return sum(self.inbound_by_region.values())

    @property
    def outbound_visits(self) -> int:
        return sum(self.outbound_by_region.values())

    def figure(self, measure: PlanMeasure | str) -> Decimal | int | None:
        """The figure a work plan item is measured by."""
        return getattr(self, PlanMeasure(measure).value)

    def as_dict(self) -> dict[str, Any]:
        return {
            "fiscal_year": self.fiscal_year, "quarter": self.quarter, "start": self.start, "end": self.end,
            "inbound_visits": self.inbound_visits, "outbound_visits": self.outbound_visits,
            "inbound_by_region": self.inbound_by_region, "outbound_by_region": self.outbound_by_region,
            "courtesy_calls": self.courtesy_calls, "receptions": self.receptions, "briefs": self.briefs,
            "documents_registered": self.documents_registered, "meetings_attended": self.meetings_attended,
            "budget_allocated": self.budget_allocated, "budget_disbursed": self.budget_disbursed,
            "budget_disbursed_percent": self.budget_disbursed_percent,
            "budget_target_percent": self.budget_target_percent,
            "classification": int(self.classification), "not_available": self.not_available,
        }


def _check_period(fiscal_year: int, quarter: int) -> None:
    if not 2500 <= fiscal_year <= 2700:
        raise field_error("fiscal_year", "ต้องเป็นปีพุทธศักราช เช่น 2570", "must be a B.E. year such as 2570")
    if quarter not in (1, 2, 3, 4):
        raise field_error("quarter", "ต้องเป็น 1 ถึง 4", "must be 1 to 4")


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min)


def _counted_visits(session: Session, *, start: dt.date, end: dt.date, actor: Actor) -> list[tuple[Visit, Country]]:
    """The visits counted as activities of a period (see the module's rules), visible to ``actor``."""
    rows = session.exec(select(Visit, Country).join(Country, col(Country.id) == col(Visit.country_id))
                        .where(Visit.start_date >= start, Visit.start_date <= end,
                               col(Visit.status).in_([s.value for s in COUNTED_VISITS]))).all()
    return [(v, c) for v, c in rows if can_see(actor, v.classification)]


def _counted_engagements(session: Session, *, start: dt.date, end: dt.date, actor: Actor,
                        kinds: tuple[EngagementKind, ...]) -> list[Engagement]:
    rows = session.exec(select(Engagement).where(
        Engagement.start >= _day_start(start), Engagement.start < _day_start(end + dt.timedelta(days=1)),
        col(Engagement.kind).in_([k.value for k in kinds]),
        Engagement.status != EngagementStatus.CANCELLED)).all()
    return [e for e in rows if can_see(actor, e.classification)]


def _briefs_produced(session: Session, *, start: dt.date, end: dt.date, actor: Actor) -> list[Engagement]:
    first_saved = (select(BriefingPack.engagement_id, func.min(BriefingPack.created_at).label("first"))
                   .group_by(col(BriefingPack.engagement_id)).subquery())
    rows = session.exec(select(Engagement).join(first_saved, first_saved.c.engagement_id == col(Engagement.id))
                        .where(first_saved.c.first >= _day_start(start),
                               first_saved.c.first < _day_start(end + dt.timedelta(days=1)))).all()
    return [e for e in rows if can_see(actor, e.classification)]


def _budget(session: Session, fiscal_year: int, quarter: int, end: dt.date, actor: Actor
            ) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None, int]:
    if not has_permission(actor, "budget.read"):
        return None, None, None, None, 0
    from workbench.services import budget_reports

    summary = budget_reports.year_summary(session, fiscal_year=fiscal_year, actor=actor, today=end)
    target = next((t.percent for t in budget_reports.targets(session, fiscal_year=fiscal_year)
                   if t.quarter == quarter), None)
    allocated, disbursed = summary.totals.allocated, summary.totals.disbursed
    level = max((int(f.line.classification) for f in summary.lines), default=0)
    return allocated, disbursed, budget_reports.percent(disbursed, allocated), target, level


def quarter_statistics(session: Session, *, fiscal_year: int, quarter: int, actor: Actor,
                       today: dt.date | None = None) -> QuarterStatistics:
    """The figures of one quarter of a fiscal year (B.E.), from the records the actor may see."""
    require(actor, READ)
    _check_period(fiscal_year, quarter)
    start, end = fiscal_quarter_bounds(fiscal_year, quarter)
    return period_statistics(session, start=start, end=end, actor=actor, fiscal_year=fiscal_year, quarter=quarter,
                             today=today)


def period_statistics(session: Session, *, start: dt.date, end: dt.date, actor: Actor, fiscal_year: int,
                      quarter: int, today: dt.date | None = None) -> QuarterStatistics:
    require(actor, READ)
    from workbench import clock

    period_end, end = end, min(end, today or clock.today())
    levels = [0]
    regions = [r.value for r in Region]
    inbound, outbound = Counter({r: 0 for r in regions}), Counter({r: 0 for r in regions})
    for visit, country in _counted_visits(session, start=start, end=end, actor=actor):
        (inbound if visit.direction == Direction.INBOUND else outbound)[country.region.value] += 1
        levels.append(int(visit.classification))
    calls = _counted_engagements(session, start=start, end=end, actor=actor, kinds=(EngagementKind.COURTESY_CALL,))
    receptions = _counted_engagements(session, start=start, end=end, actor=actor, kinds=(EngagementKind.RECEPTION,))
    briefs = _briefs_produced(session, start=start, end=end, actor=actor)
    levels += [int(e.classification) for e in (*calls, *receptions, *briefs)]
    optional: dict[str, int | None] = {}
    missing = []
    for name in OPTIONAL:
        function = _source(name)
        if function is None:
            optional[name] = None
            missing.append(name)
            continue
        count, level = function(session, start=start, end=end, actor=actor)
        optional[name] = count
        levels.append(int(level))
    allocated, disbursed, percent_done, target, budget_level = _budget(session, fiscal_year, quarter, period_end,
                                                                       actor)
    if allocated is None:
        missing.append("budget")
    levels.append(budget_level)
    return QuarterStatistics(
        fiscal_year=fiscal_year, quarter=quarter, start=start, end=period_end, inbound_by_region=dict(inbound),
        outbound_by_region=dict(outbound), courtesy_calls=len(calls), receptions=len(receptions),
        briefs=len(briefs), documents_registered=optional["documents_registered"],
        meetings_attended=optional["meetings_attended"], budget_allocated=allocated, budget_disbursed=disbursed,
        budget_disbursed_percent=percent_done, budget_target_percent=target, classification=Clearance(max(levels)),
        not_available=missing)


def year_statistics(session: Session, *, fiscal_year: int, actor: Actor, today: dt.date | None = None
                    ) -> list[QuarterStatistics]:
    """The four quarters of a fiscal year."""
    return [quarter_statistics(session, fiscal_year=fiscal_year, quarter=q, actor=actor, today=today)
            for q in (1, 2, 3, 4)]


def plan_progress(session: Session, *, fiscal_year: int, actor: Actor, today: dt.date | None = None
                  ) -> list[dict[str, Any]]:
    """Each work plan item with its figure per quarter, the year's actual and the share of the target reached.
    Counts add up over the quarters; the budget percentage is cumulative, so the year's figure is Q4's."""
    from workbench.services.administration.plans import plan

    items = plan(session, fiscal_year=fiscal_year, actor=actor)
    quarters = year_statistics(session, fiscal_year=fiscal_year, actor=actor, today=today)
    rows = []
    for item in items:
        figures = [q.figure(item.measure) for q in quarters]
        if any(f is None for f in figures):
            actual = None
        elif item.measure == PlanMeasure.BUDGET_DISBURSED_PERCENT:
            actual = figures[-1]
        else:
            actual = sum(figures)
        reached = None if actual is None or not item.target else \
            (Decimal(actual) * 100 / item.target).quantize(Decimal("0.1"))
        rows.append({"code": item.code, "title_th": item.title_th, "title_en": item.title_en,
                     "measure": item.measure.value, "work_group": item.work_group.value, "target": item.target,
                     "q1": figures[0], "q2": figures[1], "q3": figures[2], "q4": figures[3], "actual": actual,
                     "reached_percent": reached})
    return rows


def visit_statistics(session: Session, *, start: dt.date, end: dt.date, actor: Actor,
                     today: dt.date | None = None) -> list[dict[str, Any]]:
    """Counted visits of a period (begun by today), one row per visit: direction, kind, region, country and
    principal (for the visit statistics report to group as it needs)."""
    require(actor, READ)
    from workbench import clock

    if end < start:
        raise field_error("end_date", "ต้องไม่ก่อนวันเริ่มต้น", "must not be before the start date")
    end = min(end, today or clock.today())
    rows = []
    for visit, country in _counted_visits(session, start=start, end=end, actor=actor):
        principal = session.get(Person, visit.principal_id) if visit.principal_id else None
        rows.append({"id": visit.id, "direction": visit.direction.value, "kind": visit.kind.value,
                     "region": country.region.value, "country_th": country.name_th, "start_date": visit.start_date,
                     "principal": principal.display_name("th") if principal else "",
                     "classification": int(visit.classification)})
    return rows


def quarters_to_date(fiscal_year: int, today: dt.date) -> list[int]:
    """The quarters of a year that have begun by ``today``."""
    return [q for q in (1, 2, 3, 4) if fiscal_quarter_bounds(fiscal_year, q)[0] <= today] or [1]


def year_bounds(fiscal_year: int) -> tuple[dt.date, dt.date]:
    return fiscal_year_bounds(fiscal_year)
