"""The documents of a visit, assembled from the records: the programme (กำหนดการ), the seating plan and place
cards of a reception or meeting, and the trip report (รายงานผลการเดินทาง) or visit summary.

Rules:
- only what the actor may see goes in (a classified engagement or record is left out for others), and the
  document is marked with the highest classification it holds;
- a programme needs engagements, a seating plan needs guests, a place card needs the person's name and title
  (the precedence list's label) in Thai and English: otherwise a bilingual error names what is missing;
- issuing a programme or a trip report whose content changed saves a new numbered version (the latest is marked;
  the changes since the one before are listed); the analyst's narrative is versioned the same way;
- a visit may be marked "reported" only once its report has been issued; issuing it ticks the checklist's
  ``report`` item.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from workbench import clock
from workbench.db import transaction
from workbench.errors import WorkbenchError
from workbench.models.base import Clearance, utcnow
from workbench.models.people import Person, person_name
from workbench.models.visit_documents import (
    ProgrammeDetails,
    ProgrammeDetailsUpdate,
    ReportNarrative,
    ReportNarrativeCreate,
    VisitDocumentKind,
    VisitDocumentVersion,
)
from workbench.models.visits import (
    ChecklistItem,
    Direction,
    EngagementKind,
    EngagementRead,
    MemberRole,
    PrecedenceRank,
    Side,
    VisitRead,
    VisitStatus,
)
from workbench.services import engagements, protocol, records, visits
from workbench.services.access import Actor, can_see, has_permission, require
from workbench.services.common import field_error, get_or_404, validate
from workbench.thai import fiscal_year

LANGS = ("th", "en", "both")
ZERO = Decimal("0.00")
REPORT_ITEM = "report"


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise field_error("lang", f"ไม่รู้จักภาษา '{lang}' (th, en หรือ both)", f"unknown language '{lang}' (th, en or both)")


def _name(person: Person | None, lang: str) -> str:
    return person_name(person, lang)  # with the title in the document's language (นาย, ฯพณฯ…)


# --- programme -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProgrammeRow:
    engagement_id: int
    start: dt.datetime
    end: dt.datetime
    kind: str
    activity_th: str
    activity_en: str
    venue: str
    dress_th: str
    dress_en: str
    attendees_th: str
    attendees_en: str
    contact_th: str
    contact_en: str
    classification: int

    def key(self) -> dict[str, Any]:
        """What a saved version keeps of the row (to list changes later)."""
        return {"engagement_id": self.engagement_id, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "activity_th": self.activity_th, "activity_en": self.activity_en, "venue": self.venue,
                "dress_th": self.dress_th, "dress_en": self.dress_en}


@dataclass(frozen=True)
class Change:
    """One difference from the previous version: added, removed or changed (with the fields that changed)."""

    what: str
    engagement_id: int
    title_th: str
    title_en: str
    fields: tuple[str, ...] = ()
    start: str = ""


@dataclass(frozen=True)
class Programme:
    visit: VisitRead
    lang: str
    rows: list[ProgrammeRow]
    classification: int
    version: int | None  # the issued version these rows are (None: not issued, a draft)
    latest: bool
    changes: list[Change]
    generated_at: dt.datetime
    officers: list[str] = field(default_factory=list)

    def days(self) -> list[tuple[dt.date, list[ProgrammeRow]]]:
        grouped: dict[dt.date, list[ProgrammeRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.start.date(), []).append(row)
        return list(grouped.items())


def set_programme_details(session: Session, *, engagement_id: int, data: ProgrammeDetailsUpdate | dict[str, Any],
                          actor: Actor) -> ProgrammeDetails:
    """Dress code and contact officer of an engagement as the programme shows them."""
    require(actor, "visits.write")
    data = validate(ProgrammeDetailsUpdate, data)
    engagements.get_engagement(session, engagement_id=engagement_id, actor=actor)
    if data.contact_person_id is not None:
        get_or_404(session, Person, data.contact_person_id, field="contact_person_id")
    with transaction(session, actor=actor):
        details = session.get(ProgrammeDetails, engagement_id) or ProgrammeDetails(engagement_id=engagement_id)
        details.dress_code_th = data.dress_code_th.strip()
        details.dress_code_en = data.dress_code_en.strip()
        details.contact_person_id = data.contact_person_id
        session.add(details)
        session.flush()
        return details


def programme_details(session: Session, *, engagement_id: int, actor: Actor) -> ProgrammeDetailsUpdate:
    """The dress code and contact officer the programme shows for an engagement (empty when none were set)."""
    require(actor, "visits.read")
    engagements.get_engagement(session, engagement_id=engagement_id, actor=actor)
    details = session.get(ProgrammeDetails, engagement_id)
    if details is None:
        return ProgrammeDetailsUpdate()
    return ProgrammeDetailsUpdate(dress_code_th=details.dress_code_th, dress_code_en=details.dress_code_en,
                                  contact_person_id=details.contact_person_id)


def _people(session: Session, ids: list[int]) -> dict[int, Person]:
    if not ids:
        return {}
    return {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(ids))).all()}


def _visible_engagements(session: Session, visit_id: int, actor: Actor) -> list[EngagementRead]:
    return [e for e in engagements.list_engagements(session, actor=actor, visit_id=visit_id)
            if e.status != "cancelled"]


def _no_engagements(visit: VisitRead) -> WorkbenchError:
    return field_error("visit_id", f"การเยือน #{visit.id} «{visit.title_th}» ยังไม่มีกิจกรรมในกำหนดการ: เพิ่มกิจกรรมก่อน",
                       f"visit #{visit.id} «{visit.title_en or visit.title_th}» has no engagements yet: "
                       "add its engagements first")


def _attendees(session: Session, engagement: EngagementRead, delegation_ids: set[int],
               people: dict[int, Person]) -> tuple[str, str]:
    host_ids = [i for i in engagement.principal_ids if i not in engagement.guest_ids]
    th = [_name(people.get(i), "th") for i in host_ids]
    en = [_name(people.get(i), "en") for i in host_ids]
    guests = set(engagement.guest_ids)
    if delegation_ids and delegation_ids <= guests:
        th.append("คณะผู้แทนทั้งคณะ")
        en.append("the whole delegation")
        guests -= delegation_ids
    th += [_name(people.get(i), "th") for i in sorted(guests)]
    en += [_name(people.get(i), "en") for i in sorted(guests)]
    return ", ".join(x for x in th if x), ", ".join(x for x in en if x)


def _programme_rows(session: Session, visit: VisitRead, actor: Actor, lang: str) -> list[ProgrammeRow]:
    parts = _visible_engagements(session, visit.id, actor)
    if not parts:
        raise _no_engagements(visit)
    if lang in ("en", "both"):
        untitled = [e for e in parts if not e.title_en.strip()]
        if untitled:
            names = ", ".join(f"#{e.id} «{e.title_th}»" for e in untitled)
            raise field_error("title_en", f"กิจกรรมยังไม่มีชื่อภาษาอังกฤษ: {names}",
                              f"engagements without an English title: {names}")
    members = visits.delegation(session, visit_id=visit.id, actor=actor)
    delegation_ids = {m.person_id for m, _ in members}
    details = {d.engagement_id: d for d in session.exec(select(ProgrammeDetails).where(
        col(ProgrammeDetails.engagement_id).in_([e.id for e in parts]))).all()}
    wanted = {i for e in parts for i in e.principal_ids + e.guest_ids} | set(visit.officer_ids)
    wanted |= {d.contact_person_id for d in details.values() if d.contact_person_id}
    people = _people(session, sorted(wanted))
    default_contact = people.get(visit.officer_ids[0]) if visit.officer_ids else None
    rows = []
    for part in sorted(parts, key=lambda e: (e.start, e.id)):
        detail = details.get(part.id)
        contact = people.get(detail.contact_person_id) if detail and detail.contact_person_id else default_contact
        attendees_th, attendees_en = _attendees(session, part, delegation_ids, people)
        rows.append(ProgrammeRow(
            engagement_id=part.id, start=part.start, end=part.end, kind=str(part.kind), activity_th=part.title_th,
            activity_en=part.title_en, venue=part.venue, dress_th=detail.dress_code_th if detail else "",
            dress_en=detail.dress_code_en if detail else "", attendees_th=attendees_th, attendees_en=attendees_en,
            contact_th=_name(contact, "th"), contact_en=_name(contact, "en"), classification=int(part.classification)))
    return rows


def _latest(session: Session, visit_id: int, kind: VisitDocumentKind) -> VisitDocumentVersion | None:
    return session.exec(select(VisitDocumentVersion).where(
        VisitDocumentVersion.visit_id == visit_id, VisitDocumentVersion.kind == kind)
        .order_by(col(VisitDocumentVersion.number).desc())).first()


def _changes(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[Change]:
    old = {r["engagement_id"]: r for r in before}
    new = {r["engagement_id"]: r for r in after}
    changes = []
    for key, row in new.items():
        if key not in old:
            changes.append(Change("added", key, row["activity_th"], row["activity_en"], start=row["start"]))
        elif row != old[key]:
            fields = tuple(name for name in row if row[name] != old[key].get(name))
            changes.append(Change("changed", key, row["activity_th"], row["activity_en"], fields, start=row["start"]))
    for key, row in old.items():
        if key not in new:
            changes.append(Change("removed", key, row["activity_th"], row["activity_en"], start=row["start"]))
    return sorted(changes, key=lambda c: (c.start, c.engagement_id))


def _issue(session: Session, *, visit: VisitRead, kind: VisitDocumentKind, content: dict[str, Any], lang: str,
           classification: int, actor: Actor) -> tuple[int | None, bool, list[Change]]:
    """The version this content is: the latest one when unchanged, else a new one (for users who may write;
    others get an unnumbered draft). Returns (number, is latest, changes since the version before)."""
    previous = _latest(session, visit.id, kind)
    same = previous is not None and previous.content.get("rows") == content.get("rows") and \
        previous.content.get("extra") == content.get("extra")
    if same:
        before = session.exec(select(VisitDocumentVersion).where(
            VisitDocumentVersion.visit_id == visit.id, VisitDocumentVersion.kind == kind,
            VisitDocumentVersion.number == previous.number - 1)).first()
        return previous.number, True, _changes(before.content.get("rows", []) if before else [],
                                               content.get("rows", [])) if before else []
    changes = _changes(previous.content.get("rows", []), content.get("rows", [])) if previous else []
    if not has_permission(actor, "visits.write") and not (kind == VisitDocumentKind.TRIP_REPORT
                                                         and has_permission(actor, "records.write")):
        return None, False, changes
    with transaction(session, actor=actor):
        version = VisitDocumentVersion(visit_id=visit.id, kind=kind, number=(previous.number + 1) if previous else 1,
                                       lang=lang, content=content, classification=Clearance(classification),
                                       created_by_id=getattr(actor, "id", None))
        session.add(version)
        if kind == VisitDocumentKind.TRIP_REPORT:
            item = session.exec(select(ChecklistItem).where(ChecklistItem.visit_id == visit.id,
                                                            ChecklistItem.code == REPORT_ITEM)).first()
            if item is not None and not item.done:
                item.done, item.done_at = True, utcnow()
                session.add(item)
        session.flush()
        return version.number, True, changes


def issue_programme(session: Session, *, visit_id: int, lang: str, actor: Actor) -> Programme:
    """The visit's programme as of now, day by day; saved as a new version when it changed since the last one."""
    _check_lang(lang)
    visit = visits.read_visit(session, visit_id=visit_id, actor=actor)
    rows = _programme_rows(session, visit, actor, lang)
    level = max([int(visit.classification)] + [r.classification for r in rows])
    content = {"rows": [r.key() for r in rows]}
    number, latest, changes = _issue(session, visit=visit, kind=VisitDocumentKind.PROGRAMME, content=content,
                                     lang=lang, classification=level, actor=actor)
    officers = _people(session, visit.officer_ids)
    return Programme(visit=visit, lang=lang, rows=rows, classification=level, version=number, latest=latest,
                     changes=changes, generated_at=clock.now(),
                     officers=[_name(officers.get(i), "th") for i in visit.officer_ids])


@dataclass(frozen=True)
class VersionInfo:
    number: int
    kind: str
    lang: str
    created_at: dt.datetime
    created_by_id: int | None
    latest: bool


def document_versions(session: Session, *, visit_id: int, kind: str, actor: Actor) -> list[VersionInfo]:
    """The saved versions of a visit's programme or report, newest first (the first is the latest)."""
    visits.get_visit(session, visit_id=visit_id, actor=actor)
    rows = session.exec(select(VisitDocumentVersion).where(
        VisitDocumentVersion.visit_id == visit_id, VisitDocumentVersion.kind == VisitDocumentKind(kind))
        .order_by(col(VisitDocumentVersion.number).desc())).all()
    return [VersionInfo(r.number, str(r.kind), r.lang, r.created_at, r.created_by_id, index == 0)
            for index, r in enumerate(rows) if can_see(actor, r.classification)]


# --- seating plan and place cards ------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlacedSeat:
    seat: protocol.Seat
    title_th: str  # the precedence list's label
    title_en: str
    interpreter: bool


@dataclass(frozen=True)
class SeatingLayout:
    engagement: EngagementRead
    shape: str  # round or long
    seats: list[PlacedSeat]  # at the table, in the precedence service's order
    interpreters: list[PlacedSeat]  # behind the host and the guest of honour
    classification: int
    host_id: int | None
    guest_of_honour_id: int | None

    @property
    def all_seats(self) -> list[PlacedSeat]:
        return sorted(self.seats + self.interpreters, key=lambda s: s.seat.number)


SHAPES = ("round", "long")


def seating_layout(session: Session, *, engagement_id: int, actor: Actor, shape: str | None = None) -> SeatingLayout:
    """The table plan from the precedence seating: interpreters of the visit's delegation sit behind the heads."""
    engagement = engagements.read_engagement(session, engagement_id=engagement_id, actor=actor)
    if shape is not None and shape not in SHAPES:
        raise field_error("shape", f"ไม่รู้จักรูปโต๊ะ '{shape}' (round หรือ long)", f"unknown table shape '{shape}' (round or long)")
    if not engagement.guest_ids:
        kind_th = "งานเลี้ยงรับรอง" if engagement.kind == EngagementKind.RECEPTION else "กิจกรรม"
        raise field_error("guest_ids", f"{kind_th} #{engagement.id} «{engagement.title_th}» ยังไม่มีรายชื่อแขก",
                          f"engagement #{engagement.id} «{engagement.title_en or engagement.title_th}» has no guests yet")
    seats = protocol.seating_plan(session, engagement_id=engagement_id, actor=actor)
    labels = {r.code: (r.label_th, r.label_en) for r in session.exec(select(PrecedenceRank)).all()}
    interpreters: set[int] = set()
    if engagement.visit_id is not None:
        interpreters = {m.person_id for m, _ in visits.delegation(session, visit_id=engagement.visit_id, actor=actor)
                        if m.role == MemberRole.INTERPRETER}
    placed = [PlacedSeat(s, *labels.get(s.rank_code or "", ("", "")), s.person_id in interpreters) for s in seats]
    at_table = [p for p in placed if not p.interpreter]
    guests = [p for p in at_table if p.seat.side == Side.GUEST]
    hosts = [p for p in at_table if p.seat.side == Side.HOST]
    chosen = shape or ("round" if engagement.kind == EngagementKind.RECEPTION else "long")
    return SeatingLayout(engagement=engagement, shape=chosen, seats=at_table,
                         interpreters=[p for p in placed if p.interpreter], classification=int(engagement.classification),
                         host_id=hosts[0].seat.person_id if hosts else None,
                         guest_of_honour_id=guests[0].seat.person_id if guests else None)


@dataclass(frozen=True)
class PlaceCard:
    person_id: int
    side: str
    name_th: str
    name_en: str
    title_th: str
    title_en: str


def place_cards(session: Session, *, engagement_id: int, actor: Actor) -> tuple[SeatingLayout, list[PlaceCard]]:
    """A card for everyone at the table, in seat order: name and title in Thai and in English (the guests'
    language). Anything missing is refused in one message naming every person and what they lack."""
    layout = seating_layout(session, engagement_id=engagement_id, actor=actor)
    people = _people(session, [p.seat.person_id for p in layout.seats])
    cards, missing_th, missing_en = [], [], []
    for placed in layout.seats:
        person = people[placed.seat.person_id]
        lacks_th = [w for w, ok in (("ชื่อภาษาไทย", person.given_name_th.strip()),
                                     ("ตำแหน่งภาษาไทย", placed.title_th.strip())) if not ok]
        lacks_en = [w for w, ok in (("English name", person.given_name_en.strip()),
                                     ("English title", placed.title_en.strip())) if not ok]
        if lacks_th or lacks_en:
            who_th = person.display_name("th") or person.display_name("en")
            who_en = person.display_name("en") or person.display_name("th")
            missing_th.append(f"{who_th} (#{person.id}): " + ", ".join(
                lacks_th + [{"English name": "ชื่อภาษาอังกฤษ", "English title": "ตำแหน่งภาษาอังกฤษ"}[x] for x in lacks_en]))
            missing_en.append(f"{who_en} (#{person.id}): " + ", ".join(
                [{"ชื่อภาษาไทย": "Thai name", "ตำแหน่งภาษาไทย": "Thai title"}[x] for x in lacks_th] + lacks_en))
            continue
        cards.append(PlaceCard(person.id, str(placed.seat.side), person_name(person, "th"), person_name(person, "en"),
                               placed.title_th, placed.title_en))
    if missing_th:
        raise field_error("guest_ids", "ทำป้ายชื่อไม่ได้ ข้อมูลไม่ครบ: " + "; ".join(missing_th)
                          + " (ตำแหน่งมาจากลำดับอาวุโสของผู้ร่วมงาน)",
                          "cannot make the place cards, missing: " + "; ".join(missing_en)
                          + " (titles come from each participant's precedence rank)")
    return layout, cards


# --- trip report / visit summary -------------------------------------------------------------------------------

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
    narrative: ReportNarrative | None
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
                   actor: Actor) -> ReportNarrative:
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
        return narrative


def latest_narrative(session: Session, *, visit_id: int, actor: Actor) -> ReportNarrative | None:
    visits.get_visit(session, visit_id=visit_id, actor=actor)
    return session.exec(select(ReportNarrative).where(ReportNarrative.visit_id == visit_id)
                        .order_by(col(ReportNarrative.version).desc())).first()


def narrative_versions(session: Session, *, visit_id: int, actor: Actor) -> list[ReportNarrative]:
    visits.get_visit(session, visit_id=visit_id, actor=actor)
    return list(session.exec(select(ReportNarrative).where(ReportNarrative.visit_id == visit_id)
                             .order_by(col(ReportNarrative.version).desc())).all())


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


def _report_content(report_parts: list[ReportEngagement], narrative: ReportNarrative | None,
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
