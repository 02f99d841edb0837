"""The passport register: who holds which passport (type, number, dates), where it is now, and every move."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.errors import ConflictError
from workbench.models.people import Person
from workbench.models.travel import (
    Passport,
    PassportCreate,
    PassportLocation,
    PassportMove,
    PassportMoveCreate,
    PassportMoveRead,
    PassportRead,
    PassportStatus,
)
from workbench.services.access import Actor, require
from workbench.services.common import field_error, get_or_404, validate
from workbench.services.travel import rules

NUMBER = re.compile(r"^[A-Z0-9]{5,20}$")


def _read(passport: Passport) -> PassportRead:
    return PassportRead.model_validate(passport.model_dump())


def normalise_number(number: str) -> str:
    return re.sub(r"[\s-]+", "", number or "").upper()


def register_passport(session: Session, *, data: PassportCreate | dict[str, Any], actor: Actor) -> PassportRead:
    """Record a passport and its first whereabouts (the first entry of its moves history)."""
    require(actor, "travel.write")
    if isinstance(data, dict) and "number" in data:
        data = {**data, "number": normalise_number(str(data["number"]))}
    data = validate(PassportCreate, data)
    data.number = normalise_number(data.number)
    person = get_or_404(session, Person, data.person_id, field="person_id")
    if not NUMBER.match(data.number):
        raise field_error("passport_number", f"'{data.number}' ไม่ใช่เลขหนังสือเดินทาง (ตัวอักษรและตัวเลข 5–20 ตัว)",
                          f"'{data.number}' is not a passport number (5-20 letters and digits)")
    if data.expiry_date <= data.issue_date:
        raise field_error("expiry_date", "ต้องหลังวันออกหนังสือเดินทาง", "must be after the issue date")
    if session.exec(select(Passport).where(Passport.passport_type == data.passport_type,
                                           Passport.number == data.number)).first():
        raise ConflictError(f"มีหนังสือเดินทางเลขที่ {data.number} ในทะเบียนแล้ว",
                            f"passport {data.number} is already in the register", field="passport_number")
    values = data.model_dump()
    if not values["name_in_passport"].strip():
        values["name_in_passport"] = name_as_in_passport(person)
    with transaction(session, actor=actor):
        passport = Passport(**values)
        session.add(passport)
        session.flush()
        session.add(PassportMove(passport_id=passport.id, from_location=None, location=passport.location,
                                 moved_on=data.issue_date, note="บันทึกเข้าทะเบียน",
                                 recorded_by_id=getattr(actor, "id", None)))
        session.flush()
        return _read(passport)


def name_as_in_passport(person: Person) -> str:
    """SURNAME Given names, the way machine-readable passports print them."""
    family, given = person.family_name_en.strip(), person.given_name_en.strip()
    return f"{family.upper()} {given}".strip() or person.display_name("en")


def move_passport(session: Session, *, data: PassportMoveCreate | dict[str, Any], actor: Actor) -> PassportMoveRead:
    """A passport changes hands: the move is kept, the passport's location follows."""
    require(actor, "travel.write")
    data = validate(PassportMoveCreate, data)
    passport = get_or_404(session, Passport, data.passport_id, field="passport_id")
    if passport.status != PassportStatus.VALID:
        raise field_error("passport_id", "หนังสือเดินทางเล่มนี้ถูกยกเลิกแล้ว", "this passport has been cancelled")
    if passport.location == data.location:
        raise field_error("location", "หนังสือเดินทางอยู่ที่นี่อยู่แล้ว", "the passport is already there")
    last = session.exec(select(PassportMove).where(PassportMove.passport_id == passport.id)
                        .order_by(col(PassportMove.moved_on).desc(), col(PassportMove.id).desc())).first()
    if last is not None and data.moved_on < last.moved_on:
        raise field_error("moved_on", "ต้องไม่ก่อนการเคลื่อนย้ายครั้งก่อน", "must not be before the previous move")
    with transaction(session, actor=actor):
        move = PassportMove(passport_id=passport.id, from_location=passport.location, location=data.location,
                            moved_on=data.moved_on, note=data.note.strip(), recorded_by_id=getattr(actor, "id", None))
        passport.location = data.location
        session.add_all([move, passport])
        session.flush()
        return PassportMoveRead.model_validate(move, from_attributes=True)


def cancel_passport(session: Session, *, passport_id: int, reason: str, actor: Actor) -> PassportRead:
    require(actor, "travel.write")
    passport = get_or_404(session, Passport, passport_id, field="passport_id")
    if not reason.strip():
        raise field_error("note", "ต้องระบุเหตุผลที่ยกเลิก", "a reason is required")
    with transaction(session, actor=actor):
        passport.status = PassportStatus.CANCELLED
        passport.note = (passport.note + " · " if passport.note else "") + reason.strip()
        session.add(passport)
        session.flush()
        return _read(passport)


def history(session: Session, *, passport_id: int, actor: Actor) -> list[PassportMoveRead]:
    require(actor, "travel.read")
    get_or_404(session, Passport, passport_id, field="passport_id")
    return [PassportMoveRead.model_validate(move, from_attributes=True) for move in session.exec(
        select(PassportMove).where(PassportMove.passport_id == passport_id)
        .order_by(col(PassportMove.moved_on), col(PassportMove.id))).all()]


@dataclass(frozen=True)
class PassportRow:
    passport: PassportRead
    holder: str
    holder_en: str
    days_left: int


def list_passports(session: Session, *, actor: Actor, today: dt.date, person_id: int | None = None,
                   include_cancelled: bool = False) -> list[PassportRow]:
    require(actor, "travel.read")
    statement = select(Passport, Person).join(Person, col(Person.id) == col(Passport.person_id))
    if person_id is not None:
        statement = statement.where(Passport.person_id == person_id)
    if not include_cancelled:
        statement = statement.where(Passport.status == PassportStatus.VALID)
    rows = session.exec(statement.order_by(col(Passport.expiry_date), col(Passport.id))).all()
    return [PassportRow(_read(p), person.display_name("th"), person.display_name("en"), (p.expiry_date - today).days)
            for p, person in rows]


def expiring(session: Session, *, actor: Actor, today: dt.date, within_days: int | None = None) -> list[PassportRow]:
    """Valid passports expiring within the window (``passport_expiry_window`` in data/travel_rules.csv), soonest
    first; already expired ones are listed too (negative days left)."""
    window = rules.expiry_window_days(session) if within_days is None else within_days
    if window < 0:
        raise field_error("within_days", "ต้องไม่ติดลบ", "must not be negative")
    last = today + dt.timedelta(days=window)
    return [row for row in list_passports(session, actor=actor, today=today) if row.passport.expiry_date <= last]


def passports_of(session: Session, person_ids: list[int]) -> dict[int, list[PassportRead]]:
    """Valid passports per person, latest expiry first (no permission check: callers check)."""
    found: dict[int, list[PassportRead]] = {}
    rows = session.exec(select(Passport).where(col(Passport.person_id).in_(person_ids or [-1]),
                                               Passport.status == PassportStatus.VALID)
                        .order_by(col(Passport.expiry_date).desc())).all()
    for passport in rows:
        found.setdefault(passport.person_id, []).append(PassportRead.model_validate(passport, from_attributes=True))
    return found


LOCATIONS = tuple(PassportLocation)
