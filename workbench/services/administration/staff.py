"""The staff registry: officers of the office with position, work group, languages and contacts, linked to
their person record and workbench account; their passports (kept in the travel feature's passport register, read
from there, never copied); absences (leave, official travel, training) and who is away on a day.

An absence may name the visit it is travel for: recording one checks that visit as any link is checked (it must
exist and the officer must be cleared for it). The absence then hangs on the visit, as a gift does: for a reader not
cleared for the visit it behaves as a missing one (not in who is away, the calendar or the registry's "away")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.errors import ConflictError
from workbench.models.administration import (
    Absence,
    AbsenceCreate,
    AbsenceRead,
    LanguageLevel,
    StaffMember,
    StaffMemberCreate,
    StaffMemberRead,
    StaffMemberUpdate,
    WorkGroup,
)
from workbench.models.people import Person
from workbench.models.travel import Passport, PassportStatus
from workbench.models.users import User
from workbench.models.visits import Visit
from workbench.services.access import Actor, can_see, require
from workbench.services.common import field_error, get_or_404, get_visible, validate

READ, WRITE = "administration.read", "administration.write"


def parse_languages(text: str) -> list[tuple[str, LanguageLevel]]:
    """'en:fluent, fr:basic' → [('en', fluent), ('fr', basic)]; a level may be omitted (then 'good')."""
    result: list[tuple[str, LanguageLevel]] = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        language, _, level = part.partition(":")
        language, level = language.strip(), level.strip().lower() or LanguageLevel.GOOD.value
        allowed = ", ".join(m.value for m in LanguageLevel)
        if not language or level not in {m.value for m in LanguageLevel}:
            raise field_error("languages", f"'{part}' ไม่ถูกต้อง (ใช้ ภาษา:ระดับ ระดับเป็น {allowed})",
                              f"'{part}' is not valid (use language:level, level one of {allowed})")
        result.append((language, LanguageLevel(level)))
    return result


def _normalised_languages(text: str) -> str:
    return ", ".join(f"{language}:{level.value}" for language, level in parse_languages(text))


def _check_links(session: Session, values: dict[str, Any], staff_id: int | None = None) -> None:
    if "person_id" in values:
        get_or_404(session, Person, values["person_id"], field="person_id")
        taken = session.exec(select(StaffMember).where(StaffMember.person_id == values["person_id"])).first()
        if taken is not None and taken.id != staff_id:
            raise field_error("person_id", "บุคคลนี้อยู่ในทะเบียนเจ้าหน้าที่แล้ว", "this person is already on the staff register")
    if values.get("user_id") is not None:
        user = get_or_404(session, User, values["user_id"], field="user_id")
        person_id = values.get("person_id")
        if person_id is None and staff_id is not None:
            person_id = session.get(StaffMember, staff_id).person_id
        if user.person_id != person_id:
            raise field_error("user_id", "บัญชีผู้ใช้นี้เป็นของบุคคลอื่น", "this account belongs to another person")


def _member_read(session: Session, member: StaffMember) -> StaffMemberRead:
    return StaffMemberRead(**member.model_dump(), name=session.get(Person, member.person_id).display_name("th"))


def add_staff(session: Session, *, data: StaffMemberCreate | dict[str, Any], actor: Actor) -> StaffMemberRead:
    require(actor, WRITE)
    data = validate(StaffMemberCreate, data)
    values = data.model_dump()
    values["languages"] = _normalised_languages(values["languages"])
    _check_links(session, values)
    with transaction(session, actor=actor):
        member = StaffMember(**values)
        session.add(member)
        session.flush()
        return _member_read(session, member)


def update_staff(session: Session, *, staff_id: int, data: StaffMemberUpdate | dict[str, Any],
                 actor: Actor) -> StaffMemberRead:
    require(actor, WRITE)
    member = get_or_404(session, StaffMember, staff_id, field="staff_id")
    values = validate(StaffMemberUpdate, data).model_dump(exclude_unset=True)
    values = {k: v for k, v in values.items() if v is not None or k == "user_id"}
    if "languages" in values:
        values["languages"] = _normalised_languages(values["languages"])
    if "position_th" in values and not values["position_th"].strip():
        raise field_error("position_th", "ต้องไม่เว้นว่าง", "must not be empty")
    _check_links(session, values, staff_id=staff_id)
    with transaction(session, actor=actor):
        for key, value in values.items():
            setattr(member, key, value)
        session.add(member)
        session.flush()
        return _member_read(session, member)


def _absent_on(session: Session, day: dt.date, actor: Actor) -> dict[int, Absence]:
    rows = session.exec(select(Absence).where(Absence.start_date <= day, Absence.end_date >= day,
                                              col(Absence.cancelled).is_(False))).all()
    return {a.staff_id: a for a in _visible(session, actor, list(rows))}


def list_staff(session: Session, *, actor: Actor, work_group: WorkGroup | str | None = None,
               on: dt.date | None = None, active_only: bool = True) -> list[StaffMemberRead]:
    """Officers with their names, by work group then name; ``away`` names the absence on ``on`` (if given)."""
    require(actor, READ)
    query = select(StaffMember, Person).join(Person, col(Person.id) == col(StaffMember.person_id))
    if work_group:
        query = query.where(StaffMember.work_group == WorkGroup(work_group))
    if active_only:
        query = query.where(col(StaffMember.is_active).is_(True))
    away = _absent_on(session, on, actor) if on else {}
    rows = [StaffMemberRead(**member.model_dump(), name=person.display_name("th"),
                            away=away[member.id].kind.value if member.id in away else "")
            for member, person in session.exec(query).all()]
    order = list(WorkGroup)
    return sorted(rows, key=lambda r: (order.index(r.work_group), r.name))


def record_absence(session: Session, *, data: AbsenceCreate | dict[str, Any], actor: Actor) -> AbsenceRead:
    """Leave, travel or training of one officer; refused when it overlaps an absence already recorded."""
    require(actor, WRITE)
    data = validate(AbsenceCreate, data)
    get_or_404(session, StaffMember, data.staff_id, field="staff_id")
    if data.visit_id is not None:  # a visit the officer may not see is reported as missing
        get_visible(session, Visit, data.visit_id, actor=actor, permission=READ, field="visit_id")
    if data.end_date < data.start_date:
        raise field_error("end_date", "ต้องไม่ก่อนวันเริ่มต้น", "must not be before the start date")
    clash = session.exec(select(Absence).where(Absence.staff_id == data.staff_id, col(Absence.cancelled).is_(False),
                                               Absence.start_date <= data.end_date,
                                               Absence.end_date >= data.start_date)).first()
    if clash is not None:
        raise ConflictError(f"ทับซ้อนกับรายการไม่อยู่ที่บันทึกแล้ว ({clash.start_date} – {clash.end_date})",
                            f"overlaps an absence already recorded ({clash.start_date} – {clash.end_date})",
                            field="start_date")
    with transaction(session, actor=actor):
        absence = Absence(**data.model_dump(), created_by_id=getattr(actor, "id", None))
        session.add(absence)
        session.flush()
        return AbsenceRead.model_validate(absence)


def cancel_absence(session: Session, *, absence_id: int, actor: Actor) -> AbsenceRead:
    """Withdraw an absence (kept, marked cancelled: nothing is deleted)."""
    require(actor, WRITE)
    absence = get_or_404(session, Absence, absence_id, field="absence_id")
    with transaction(session, actor=actor):
        absence.cancelled = True
        session.add(absence)
        session.flush()
        return AbsenceRead.model_validate(absence)


def _visible(session: Session, actor: Actor, absences: list[Absence]) -> list[Absence]:
    """The absences that hang on no visit or on a visit the actor may see."""
    ids = {a.visit_id for a in absences if a.visit_id is not None}
    visible = {v.id for v in session.exec(select(Visit).where(col(Visit.id).in_(ids))).all()
               if can_see(actor, v.classification)} if ids else set()
    return [a for a in absences if a.visit_id is None or a.visit_id in visible]


def _absence_rows(session: Session, actor: Actor, absences: list[Absence]) -> list[dict[str, Any]]:
    """Absences the actor may see as rows: name, work group, kind, dates, reason and visit."""
    rows = []
    for absence in _visible(session, actor, absences):
        member = session.get(StaffMember, absence.staff_id)
        person = session.get(Person, member.person_id)
        rows.append({"id": absence.id, "staff_id": absence.staff_id, "person_id": member.person_id,
                     "name": person.display_name("th"), "name_en": person.display_name("en"),
                     "work_group": member.work_group, "kind": absence.kind, "start_date": absence.start_date,
                     "end_date": absence.end_date, "reason": absence.reason,
                     "visit_id": absence.visit_id})
    return rows


def away_on(session: Session, *, day: dt.date, actor: Actor) -> list[dict[str, Any]]:
    """Who is away on ``day``: name, work group, kind, dates and reason of the absence (see the module)."""
    require(actor, READ)
    return sorted(_absence_rows(session, actor, list(_absent_on(session, day, actor).values())), key=lambda r: r["name"])


def absences(session: Session, *, actor: Actor, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """Absences overlapping ``start``–``end`` (for the calendar), by start date, as ``away_on`` rows."""
    require(actor, READ)
    rows = session.exec(select(Absence).where(col(Absence.cancelled).is_(False), Absence.start_date <= end,
                                              Absence.end_date >= start)
                        .order_by(col(Absence.start_date), col(Absence.id))).all()
    return _absence_rows(session, actor, list(rows))


def staff_passports(session: Session, *, staff_id: int, actor: Actor, today: dt.date,
                    include_cancelled: bool = False) -> list[dict[str, Any]]:
    """The passports of an officer, read from the passport register (``services.travel``), latest expiry first:
    type, number, dates, where it is now, status and the days left. The registry links them; it keeps no copy."""
    require(actor, READ)
    member = get_or_404(session, StaffMember, staff_id, field="staff_id")
    return _passport_rows(session, [member.person_id], today, include_cancelled).get(member.person_id, [])


def _passport_rows(session: Session, person_ids: list[int], today: dt.date,
                   include_cancelled: bool = False) -> dict[int, list[dict[str, Any]]]:
    query = select(Passport).where(col(Passport.person_id).in_(person_ids or [-1]))
    if not include_cancelled:
        query = query.where(Passport.status == PassportStatus.VALID)
    found: dict[int, list[dict[str, Any]]] = {}
    for passport in session.exec(query.order_by(col(Passport.expiry_date).desc(), col(Passport.id))).all():
        found.setdefault(passport.person_id, []).append({
            "passport_id": passport.id, "passport_type": passport.passport_type, "number": passport.number,
            "issue_date": passport.issue_date, "expiry_date": passport.expiry_date, "location": passport.location,
            "status": passport.status, "days_left": (passport.expiry_date - today).days})
    return found


def passports_by_staff(session: Session, *, actor: Actor, today: dt.date) -> dict[int, list[dict[str, Any]]]:
    """Valid passports of every officer on the register, by staff id (for the registry's table)."""
    require(actor, READ)
    members = session.exec(select(StaffMember)).all()
    rows = _passport_rows(session, [m.person_id for m in members], today)
    return {m.id: rows.get(m.person_id, []) for m in members}
