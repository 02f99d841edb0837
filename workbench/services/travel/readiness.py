"""Readiness of each outbound visit, member by member: a passport present, of the type the member's post needs,
valid long enough beyond the return; a visa when the destination asks one for that passport type, requested,
received or refused; and the deadlines counted back from departure (lead times from data)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.models.countries import Country
from workbench.models.people import person_name
from workbench.models.travel import LetterKind, PassportType, TravelLetter, VisaRequest, VisaRequestRead, VisaStatus
from workbench.models.visits import Direction, Visit, VisitRead, VisitStatus
from workbench.services import visits as visit_service
from workbench.services.access import Actor, can_see, has_permission, require
from workbench.services.common import field_error
from workbench.services.travel import rules
from workbench.services.travel.passports import passports_of
from workbench.thai import format_date

TYPE_TH = {"diplomatic": "ทูต", "official": "ราชการ", "ordinary": "ธรรมดา"}
TYPE_EN = {"diplomatic": "diplomatic", "official": "official", "ordinary": "ordinary"}
VISA_TH = {"to_request": "ยังไม่ได้ยื่นขอ", "requested": "ยื่นขอแล้ว", "received": "ได้รับแล้ว", "refused": "ถูกปฏิเสธ",
           "not_needed": "ไม่ต้องขอ"}


@dataclass(frozen=True)
class Problem:
    code: str
    th: str
    en: str

    def text(self, lang: str) -> str:
        return self.th if lang == "th" else self.en


@dataclass(frozen=True)
class MemberReadiness:
    person_id: int
    name_th: str
    name_en: str
    role: str
    position: rules.Position
    required_type: PassportType
    passport_id: int | None
    passport_type: str | None
    passport_number: str
    name_in_passport: str
    passport_expiry: dt.date | None
    valid_until_needed: dt.date
    travel_from: dt.date
    travel_to: dt.date
    visa_needed: bool
    visa_status: str
    problems: tuple[Problem, ...]

    @property
    def ready(self) -> bool:
        return not self.problems

    def name(self, lang: str) -> str:
        return self.name_th if lang == "th" else self.name_en


@dataclass(frozen=True)
class Deadline:
    code: str
    label_th: str
    label_en: str
    due: dt.date
    done: bool
    overdue: bool


@dataclass(frozen=True)
class VisitReadiness:
    visit: VisitRead
    iso2: str
    country_th: str
    country_en: str
    members: tuple[MemberReadiness, ...]
    deadlines: tuple[Deadline, ...]

    @property
    def not_ready(self) -> list[MemberReadiness]:
        return [m for m in self.members if not m.ready]


def _travel_days(member: Any, visit: Visit) -> tuple[dt.date, dt.date]:
    first = member.arrival.date() if member.arrival else visit.start_date
    last = member.departure.date() if member.departure else visit.end_date
    return min(first, visit.start_date), max(last, visit.end_date)


def _member(session: Session, visit: Visit, country: Country, member: Any, person: Any,
            position: rules.Position | None, passports: list[Any], visas: dict[int, VisaRequest]) -> MemberReadiness:
    position = position or rules.Position(None, "", "")
    required = rules.required_passport_type(session, position.post_code)
    travel_from, travel_to = _travel_days(member, visit)
    needed_until = rules.valid_until_needed(session, travel_to)
    problems: list[Problem] = []
    right_type = [p for p in passports if p.passport_type == required]
    passport = (right_type or passports or [None])[0]
    if passport is None:
        problems.append(Problem("no_passport", "ไม่มีหนังสือเดินทางในทะเบียน", "no passport in the register"))
    else:
        if passport.passport_type != required:
            problems.append(Problem(
                "wrong_type", f"ต้องใช้หนังสือเดินทาง{TYPE_TH[required]} (มีแต่{TYPE_TH[passport.passport_type]})",
                f"needs a {TYPE_EN[required]} passport (holds a {TYPE_EN[passport.passport_type]} one)"))
        if passport.expiry_date < travel_to:
            problems.append(Problem(
                "expires_during_trip", f"หนังสือเดินทางหมดอายุระหว่างการเดินทาง ({format_date(passport.expiry_date)})",
                f"the passport expires during the trip ({passport.expiry_date.isoformat()})"))
        elif passport.expiry_date < needed_until:
            problems.append(Problem(
                "validity_short", f"หนังสือเดินทางมีอายุไม่ถึง {rules.margin_text(session)} หลังวันเดินทางกลับ "
                                  f"(หมดอายุ {format_date(passport.expiry_date)})",
                f"the passport is not valid {rules.margin_text(session, 'en')} beyond the return "
                f"(expires {passport.expiry_date.isoformat()})"))
    visa_type = passport.passport_type if passport is not None else required
    visa_needed = rules.needs_visa(rules.visa_rule(session, country.iso2, visa_type))
    request = visas.get(person.id)
    status = VisaStatus(request.status) if request else (VisaStatus.TO_REQUEST if visa_needed else VisaStatus.NOT_NEEDED)
    if visa_needed and status != VisaStatus.RECEIVED:
        problems.append(Problem(f"visa_{status.value}", f"วีซ่า{country.name_th}: {VISA_TH[status.value]}",
                                f"visa for {country.name_en}: {status.value.replace('_', ' ')}"))
    return MemberReadiness(
        person_id=person.id, name_th=person_name(person, "th"), name_en=person_name(person, "en"), role=member.role,
        position=position, required_type=required, passport_id=passport.id if passport else None,
        passport_type=passport.passport_type if passport else None,
        passport_number=passport.number if passport else "",
        name_in_passport=passport.name_in_passport if passport else "",
        passport_expiry=passport.expiry_date if passport else None, valid_until_needed=needed_until,
        travel_from=travel_from, travel_to=travel_to, visa_needed=visa_needed, visa_status=status.value,
        problems=tuple(problems))


def _issued(session: Session, visit_id: int, kind: LetterKind) -> bool:
    return session.exec(select(TravelLetter.id).where(TravelLetter.visit_id == visit_id,
                                                      TravelLetter.kind == kind)).first() is not None


def visit_readiness(session: Session, *, visit_id: int, actor: Actor, today: dt.date) -> VisitReadiness:
    require(actor, "travel.read")
    visit = visit_service.get_visit(session, visit_id=visit_id, actor=actor)
    return _readiness(session, visit, today, actor)


def _readiness(session: Session, visit: Visit, today: dt.date, actor: Actor) -> VisitReadiness:
    country = session.get(Country, visit.country_id)
    team = visit_service.delegation(session, visit_id=visit.id, actor=actor)
    ids = [person.id for _, person in team]
    positions = rules.positions(session, ids, visit.start_date)
    passports = passports_of(session, ids)
    visas = {v.person_id: v for v in session.exec(select(VisaRequest).where(
        VisaRequest.visit_id == visit.id, VisaRequest.country_id == visit.country_id)).all()}
    members = tuple(_member(session, visit, country, member, person, positions.get(person.id),
                            passports.get(person.id, []), visas) for member, person in team)
    needing = [m for m in members if m.visa_needed]
    done = {
        "passport_request": _issued(session, visit.id, LetterKind.PASSPORT),
        "visa_request": not needing or _issued(session, visit.id, LetterKind.VISA)
        or all(m.visa_status in ("requested", "received") for m in needing),
        "visa_received": all(m.visa_status == "received" for m in needing),
    }
    deadlines = []
    for lead in rules.lead_times(session):
        due = visit.start_date - dt.timedelta(days=lead.days_before)
        finished = done.get(lead.code, False)
        deadlines.append(Deadline(lead.code, lead.label_th, lead.label_en or lead.label_th, due, finished,
                                  not finished and today > due))
    return VisitReadiness(visit_service.read_visit(session, visit_id=visit.id, actor=actor), country.iso2,
                          country.name_th, country.name_en, members, tuple(deadlines))


def upcoming_outbound(session: Session, *, actor: Actor, today: dt.date, days: int = 180) -> list[VisitRead]:
    """Outbound visits still going ahead that end today or later and start within ``days``, soonest first."""
    require(actor, "travel.read")
    rows = session.exec(select(Visit).where(
        Visit.direction == Direction.OUTBOUND, Visit.end_date >= today,
        Visit.start_date <= today + dt.timedelta(days=days),
        col(Visit.status).not_in([VisitStatus.CANCELLED.value, VisitStatus.POSTPONED.value]))
        .order_by(col(Visit.start_date), col(Visit.id))).all()
    return [visit_service.read_visit(session, visit_id=v.id, actor=actor) for v in rows
            if can_see(actor, v.classification)]


@dataclass(frozen=True)
class Missing:
    visit_id: int
    th: str
    en: str


def missing_for_calendar(session: Session, *, actor: Actor, today: dt.date, days: int = 90) -> list[Missing]:
    """For the visit calendar's attention panel: upcoming outbound visits with members not ready, or a travel
    deadline passed. Empty for users who may not read travel documents (passports are personal data)."""
    if not has_permission(actor, "travel.read"):
        return []
    found = []
    for visit in upcoming_outbound(session, actor=actor, today=today, days=days):
        state = visit_readiness(session, visit_id=visit.id, actor=actor, today=today)
        late = [d for d in state.deadlines if d.overdue]
        if not state.not_ready and not late:
            continue
        who_th = ", ".join(f"{m.name_th} ({m.problems[0].th})" for m in state.not_ready[:3])
        who_en = ", ".join(f"{m.name_en} ({m.problems[0].en})" for m in state.not_ready[:3])
        late_th = "; เลยกำหนด: " + ", ".join(d.label_th for d in late) if late else ""
        late_en = "; overdue: " + ", ".join(d.label_en for d in late) if late else ""
        found.append(Missing(visit.id,
                             f"{visit.title_th}: ยังไม่พร้อม {len(state.not_ready)} คน {who_th}{late_th}".strip(),
                             f"{visit.title_en or visit.title_th}: {len(state.not_ready)} not ready {who_en}{late_en}"))
    return found


def set_visa_status(session: Session, *, visit_id: int, person_id: int, status: VisaStatus | str, actor: Actor,
                    on: dt.date, note: str = "") -> VisaRequestRead:
    """Track one member's visa for the visit's destination: requested, received or refused (dated)."""
    require(actor, "travel.write")
    visit = visit_service.get_visit(session, visit_id=visit_id, actor=actor)
    try:
        status = VisaStatus(status)
    except ValueError:
        raise field_error("visa_status", f"ไม่รู้จักสถานะ '{status}'", f"unknown status '{status}'") from None
    members = {person.id for _, person in visit_service.delegation(session, visit_id=visit_id, actor=actor)}
    if person_id not in members:
        raise field_error("person_id", "บุคคลนี้ไม่อยู่ในคณะของการเยือนนี้", "this person is not in the visit's delegation")
    with transaction(session, actor=actor):
        request = _visa_request(session, visit, person_id)
        request.status = status
        if status == VisaStatus.REQUESTED:
            request.requested_on = request.requested_on or on
        if status in (VisaStatus.RECEIVED, VisaStatus.REFUSED):
            request.decided_on = on
        if note.strip():
            request.note = note.strip()
        session.add(request)
        session.flush()
        return VisaRequestRead.model_validate(request)


def _visa_request(session: Session, visit: Visit, person_id: int) -> VisaRequest:
    request = session.exec(select(VisaRequest).where(VisaRequest.visit_id == visit.id,
                                                     VisaRequest.person_id == person_id,
                                                     VisaRequest.country_id == visit.country_id)).first()
    return request or VisaRequest(visit_id=visit.id, person_id=person_id, country_id=visit.country_id)


def mark_requested(session: Session, *, visit: Visit, person_ids: list[int], letter_id: int, on: dt.date) -> None:
    """Inside the issuing transaction: the members listed in a visa note verbale now have their visa requested."""
    for person_id in person_ids:
        request = _visa_request(session, visit, person_id)
        if request.status in (VisaStatus.TO_REQUEST, VisaStatus.NOT_NEEDED, VisaStatus.REFUSED):
            request.status, request.requested_on = VisaStatus.REQUESTED, on
        request.letter_id = letter_id
        session.add(request)
