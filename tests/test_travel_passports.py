"""The passport register: a passport is recorded with its first whereabouts, every move is kept, numbers are
unique, dates are checked, and passports expiring within the window (data) are listed ahead of time."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.factories import make_person, make_user, user_model
from tests.travel_factories import give_passport
from workbench.db import SYSTEM
from workbench.errors import ConflictError, PermissionDenied, ValidationError
from workbench.models.audit import AuditEntry
from workbench.models.travel import Passport, PassportMove
from workbench.models.users import Role
from workbench.services.travel import passports


def test_a_passport_is_registered_with_its_first_whereabouts_and_name_as_in_passport(session):
    person = make_person(session, given_name_en="Somchai", family_name_en="Example")
    passport = give_passport(session, person.id, number="o 123-4567")
    assert passport.number == "O1234567"
    assert passport.name_in_passport == "EXAMPLE Somchai"
    moves = passports.history(session, passport_id=passport.id, actor=SYSTEM)
    assert [(m.from_location, m.location) for m in moves] == [(None, "office")]
    assert session.exec(select(AuditEntry).where(AuditEntry.entity == "passport")).first() is not None


def test_the_same_number_twice_and_an_expiry_before_issue_are_refused(session):
    person = make_person(session)
    give_passport(session, person.id, number="O7654321")
    with pytest.raises(ConflictError, match="O7654321"):
        give_passport(session, person.id, number="O7654321")
    with pytest.raises(ValidationError, match="วันหมดอายุ"):
        give_passport(session, person.id, expiry=dt.date(2024, 1, 1))
    assert len(session.exec(select(Passport)).all()) == 1


def test_moves_are_kept_in_order_and_the_passport_follows(session):
    passport = give_passport(session, make_person(session).id)
    passports.move_passport(session, actor=SYSTEM, data={"passport_id": passport.id, "location": "holder",
                                                         "moved_on": dt.date(2026, 12, 1), "note": "ก่อนเดินทาง"})
    passports.move_passport(session, actor=SYSTEM, data={"passport_id": passport.id, "location": "mfa",
                                                         "moved_on": dt.date(2026, 12, 20)})
    history = passports.history(session, passport_id=passport.id, actor=SYSTEM)
    assert [(m.from_location, m.location) for m in history] == [(None, "office"), ("office", "holder"), ("holder", "mfa")]
    assert session.get(Passport, passport.id).location == "mfa"
    with pytest.raises(ValidationError, match="อยู่ที่นี่อยู่แล้ว"):
        passports.move_passport(session, actor=SYSTEM, data={"passport_id": passport.id, "location": "mfa",
                                                             "moved_on": dt.date(2026, 12, 21)})
    with pytest.raises(ValidationError, match="ก่อนการเคลื่อนย้ายครั้งก่อน"):
        passports.move_passport(session, actor=SYSTEM, data={"passport_id": passport.id, "location": "office",
                                                             "moved_on": dt.date(2026, 12, 2)})
    assert len(session.exec(select(PassportMove)).all()) == 3


def test_passports_expiring_within_the_window_are_listed_soonest_first(session):
    today = dt.date(2026, 11, 25)
    soon = give_passport(session, make_person(session).id, expiry=today + dt.timedelta(days=40))
    later = give_passport(session, make_person(session).id, expiry=today + dt.timedelta(days=170))
    give_passport(session, make_person(session).id, expiry=today + dt.timedelta(days=400))
    rows = passports.expiring(session, actor=SYSTEM, today=today)  # window from data/travel_rules.csv: 180 days
    assert [r.passport.id for r in rows] == [soon.id, later.id]
    assert rows[0].days_left == 40
    assert [r.passport.id for r in passports.expiring(session, actor=SYSTEM, today=today, within_days=60)] == [soon.id]


def test_only_protocol_officers_and_administrators_handle_passports(session):
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    with pytest.raises(PermissionDenied):
        passports.expiring(session, actor=viewer, today=dt.date(2026, 11, 25))
    with pytest.raises(PermissionDenied):
        passports.register_passport(session, actor=viewer, data={"person_id": make_person(session).id, "passport_type": "official",
                                    "number": "O1112223", "issue_date": "2025-01-01", "expiry_date": "2030-01-01"})
    officer = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))
    assert passports.expiring(session, actor=officer, today=dt.date(2026, 11, 25)) == []
