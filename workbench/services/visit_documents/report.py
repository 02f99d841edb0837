"""The trip report (รายงานผลการเดินทาง, outbound) or visit summary (inbound): engagements with their records and
follow-ups, the delegation, the budget figures and the analyst's versioned narrative."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from workbench import clock
from workbench.db import transaction
from workbench.models.people import Person, person_name
from workbench.models.visit_documents import (
    ReportNarrative,
    ReportNarrativeCreate,
    ReportNarrativeRead,
    VisitDocumentKind,
)
from workbench.models.visits import Direction, EngagementRead, VisitRead, VisitStatus
from workbench.services import records, visits
from workbench.services.access import Actor, has_permission, require
from workbench.services.common import field_error, validate
from workbench.services.visit_documents.versions import (
    ZERO,
    _issue,
    _latest,
    _name,
    _no_engagements,
    _visible_engagements,
)
from workbench.thai import fiscal_year


@dataclass(frozen=True)
class ReportEngagement:
    engagement: EngagementRead
    record_summary: str
    record_topics: str
    record_classification: int
    follow_ups: list[tuple[str, str, dt.date | None, bool]]  # action, owner (th), due, done


@dataclass(frozen=True)
class BudgetRow:
    label_th: str
    label_en: str
    estimate: Decimal
    committed: Decimal
    spent: Decimal

    @property
    def difference(self) -> Decimal:
        return self.estimate - self.spent


@dataclass(frozen=True)
class TripReport:
    visit: VisitRead
    country_th: str
    country_en: str
    delegation: list[tuple[str, str, str]]  # name th, name en, role
    engagements: list[ReportEngagement]
    budget: list[BudgetRow] | None  # None: the actor may not read the budget
    narrative: ReportNarrativeRead | None
    classification: int
    version: int | None
    latest: bool
    generated_at: dt.datetime

    @property
    def outbound(self) -> bool:
        return self.visit.direction == Direction.OUTBOUND

    def budget_total(self) -> BudgetRow | None:
        if not self.budget:
            return None
        return BudgetRow("รวม", "Total", sum((r.estimate for r in self.budget), ZERO),
                         sum((r.committed for r in self.budget), ZERO), sum((r.spent for r in self.budget), ZERO))


def save_narrative(session: Session, *, visit_id: int, data: ReportNarrativeCreate | dict[str, Any],
                   actor: Actor) -> ReportNarrativeRead:
    """A new version of the report's narrative (summary, outcomes, recommendations); earlier ones are kept."""
    if not (has_permission(actor, "records.write") or has_permission(actor, "visits.write")):
        require(actor, "records.write")
    data = validate(ReportNarrativeCreate, data)
    visits.get_visit(session, visit_id=visit_id, actor=actor)
    if not data.summary.strip():
        raise field_error("summary", "ต้องกรอกสรุปผลการเดินทาง", "the summary of the visit is required")
    previous = latest_narrative(session, visit_id=visit_id, actor=actor)
    with transaction(session, actor=actor):
        narrative = ReportNarrative(visit_id=visit_id, version=(previous.version + 1) if previous else 1,
                                    summary=data.summary.strip(), outcomes=data.outcomes.strip(),
                                    recommendations=data.recommendations.strip(),
                                    created_by_id=getattr(actor, "id", None))
        session.add(narrative)
        session.flush()
        return ReportNarrativeRead.model_validate(narrative, from_attributes=True)


def latest_narrative(session: Session, *, visit_id: int, actor: Actor) -> ReportNarrativeRead | None:
    versions = narrative_versions(session, visit_id=visit_id, actor=actor)
    return versions[0] if versions else None


def narrative_versions(session: Session, *, visit_id: int, actor: Actor) -> list[ReportNarrativeRead]:
    """Every saved version of the visit's narrative, newest first."""
    visits.get_visit(session, visit_id=visit_id, actor=actor)
    return [ReportNarrativeRead.model_validate(row, from_attributes=True) for row in session.exec(
        select(ReportNarrative).where(ReportNarrative.visit_id == visit_id)
        .order_by(col(ReportNarrative.version).desc())).all()]


def visit_budget(session: Session, *, visit: VisitRead, parts: list[EngagementRead], actor: Actor) -> list[BudgetRow]:
    """Estimate (the commitments approved, or a reception's cost estimate), committed and actually spent, from
    the budget services' figures: the visit's travel, then each of its receptions."""
    from workbench.services import budget, budget_reports

    years = sorted({fiscal_year(visit.start_date), fiscal_year(visit.end_date)})
    spent: dict[tuple[str, int], tuple[Decimal, Decimal]] = {}
    approved: dict[tuple[str, int], Decimal] = {}
    for year in years:
        for item in budget_reports.biggest(session, fiscal_year=year, actor=actor, limit=1_000_000):
            old = spent.get((item.kind, item.id), (ZERO, ZERO))
            spent[(item.kind, item.id)] = (old[0] + item.committed, old[1] + item.disbursed)
        for c in budget.commitments(session, fiscal_year=year, actor=actor, include_drafts=False):
            key = ("reception", c.engagement_id) if c.engagement_id else ("visit", c.visit_id) if c.visit_id else None
            if key is not None and c.reverses_id is None:
                approved[key] = approved.get(key, ZERO) + c.amount
    rows = []
    key = ("visit", visit.id)
    if key in approved or key in spent:
        committed, paid = spent.get(key, (ZERO, ZERO))
        label = ("ค่าใช้จ่ายในการเดินทาง", "Travel costs") if visit.direction == Direction.OUTBOUND else \
            ("ค่าใช้จ่ายการรับรอง", "Hospitality costs")
        rows.append(BudgetRow(*label, approved.get(key, ZERO), committed, paid))
    for part in parts:
        key = ("reception", part.id)
        if key in approved or key in spent or part.cost_estimate is not None:
            committed, paid = spent.get(key, (ZERO, ZERO))
            estimate = approved.get(key, part.cost_estimate or ZERO)
            rows.append(BudgetRow(part.title_th, part.title_en or part.title_th, estimate, committed, paid))
    return rows


def _report_content(report_parts: list[ReportEngagement], narrative: ReportNarrativeRead | None,
                    budget_rows: list[BudgetRow] | None) -> dict[str, Any]:
    return {"rows": [{"engagement_id": p.engagement.id, "start": p.engagement.start.isoformat(),
                      "end": p.engagement.end.isoformat(), "activity_th": p.engagement.title_th,
                      "activity_en": p.engagement.title_en, "record": p.record_summary} for p in report_parts],
            "extra": {"narrative": narrative.version if narrative else None,
                      "budget": [[r.label_en, str(r.estimate), str(r.committed), str(r.spent)]
                                 for r in budget_rows or []]}}


def issue_report(session: Session, *, visit_id: int, actor: Actor) -> TripReport:
    """The trip report (outbound) or visit summary (inbound) as of now; issued as a new version when changed."""
    visit = visits.read_visit(session, visit_id=visit_id, actor=actor)
    parts = _visible_engagements(session, visit.id, actor)
    if not parts:
        raise _no_engagements(visit)
    report_parts = []
    level = int(visit.classification)
    for part in parts:
        level = max(level, int(part.classification))
        record = records.record_for(session, engagement_id=part.id, actor=actor) \
            if part.kind in records.RECORDED_KINDS else None
        items: list[tuple[str, str, dt.date | None, bool]] = []
        if record is not None:
            level = max(level, int(record.classification))
            for follow_up in records.follow_ups(session, record_id=record.id, actor=actor):
                owner = session.get(Person, follow_up.owner_id) if follow_up.owner_id else None
                items.append((follow_up.action, _name(owner, "th"), follow_up.due_date, follow_up.done))
        report_parts.append(ReportEngagement(part, record.summary if record else "", record.topics if record else "",
                                             int(record.classification) if record else 0, items))
    budget_rows = visit_budget(session, visit=visit, parts=parts, actor=actor) \
        if has_permission(actor, "budget.read") else None
    narrative = latest_narrative(session, visit_id=visit.id, actor=actor)
    members = visits.delegation(session, visit_id=visit.id, actor=actor)
    from workbench.models.countries import Country

    country = session.get(Country, visit.country_id)
    content = _report_content(report_parts, narrative, budget_rows)
    number, latest, _changes_ = _issue(session, visit=visit, kind=VisitDocumentKind.TRIP_REPORT, content=content,
                                       lang="th", classification=level, actor=actor)
    return TripReport(
        visit=visit, country_th=country.name_th if country else "", country_en=country.name_en if country else "",
        delegation=[(person_name(p, "th"), person_name(p, "en"), str(m.role)) for m, p in members],
        engagements=report_parts, budget=budget_rows, narrative=narrative, classification=level, version=number,
        latest=latest, generated_at=clock.now())


def report_issued(session: Session, *, visit_id: int) -> bool:
    return _latest(session, visit_id, VisitDocumentKind.TRIP_REPORT) is not None


def mark_reported(session: Session, *, visit_id: int, actor: Actor) -> VisitRead:
    """Mark a completed visit reported (its report must have been issued)."""
    return visits.change_status(session, visit_id=visit_id, status=VisitStatus.REPORTED, actor=actor)
