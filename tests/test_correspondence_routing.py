"""Routing (การเสนอแฟ้ม): assign to a work group or an officer with a note, forward, return, sign off; every step
kept with who and when; "my desk"; overdue by urgency (data); only cleared officers receive classified files."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.correspondence_factories import clerk, letter
from workbench.errors import PermissionDenied, ValidationError
from workbench.models.base import Clearance
from workbench.services import correspondence as corr


def test_a_letter_is_assigned_forwarded_returned_and_signed_off_with_every_step_kept(session):
    registrar = clerk(session)
    officer = clerk(session, role="protocol_officer")
    director = clerk(session, role="analyst")
    doc = corr.register_document(session, actor=registrar, data=letter())

    corr.route(session, document_id=doc.id, actor=registrar, action="assign", to_user_id=officer.id,
               to_group="กลุ่มงานพิธีการ", note="โปรดร่างหนังสือตอบ")
    assert [d.id for d in corr.my_desk(session, actor=officer)] == [doc.id]
    corr.route(session, document_id=doc.id, actor=officer, action="forward", to_user_id=director.id,
               note="เสนอเพื่อโปรดพิจารณาลงนาม")
    assert corr.my_desk(session, actor=officer) == []
    corr.route(session, document_id=doc.id, actor=director, action="return", note="แก้ไขวรรคสอง")
    assert [d.id for d in corr.my_desk(session, actor=officer)] == [doc.id]
    assert corr.read_document(session, document_id=doc.id, actor=officer).status == "returned"
    corr.route(session, document_id=doc.id, actor=officer, action="forward", to_user_id=director.id, note="แก้ไขแล้ว")
    done = corr.route(session, document_id=doc.id, actor=director, action="sign_off", note="ลงนามแล้ว")

    assert done.status == "signed_off"
    steps = corr.history(session, document_id=doc.id, actor=registrar)
    assert [(s.action.value, s.by_name) for s in steps] == [
        ("assign", registrar.username), ("forward", officer.username), ("return", director.username),
        ("forward", officer.username), ("sign_off", director.username)]
    assert steps[2].to_user_id == officer.id and steps[0].note == "โปรดร่างหนังสือตอบ"
    assert all(isinstance(s.at, dt.datetime) for s in steps)
    with pytest.raises(ValidationError):
        corr.route(session, document_id=doc.id, actor=director, action="forward", to_user_id=officer.id)


def test_an_officer_routes_only_what_is_on_their_own_desk(session):
    doc = corr.register_document(session, actor=clerk(session), data=letter())
    stranger = clerk(session, role="protocol_officer")
    with pytest.raises(PermissionDenied):
        corr.route(session, document_id=doc.id, actor=stranger, action="sign_off")


def test_a_return_needs_a_reason_and_an_assignment_needs_someone(session):
    registrar = clerk(session)
    doc = corr.register_document(session, actor=registrar, data=letter())
    with pytest.raises(ValidationError) as nobody:
        corr.route(session, document_id=doc.id, actor=registrar, action="assign")
    assert nobody.value.field == "assignee_id"
    corr.route(session, document_id=doc.id, actor=registrar, action="assign", to_group="กลุ่มงานพิธีการ")
    with pytest.raises(ValidationError) as why:
        corr.route(session, document_id=doc.id, actor=registrar, action="return", note=" ")
    assert why.value.field == "note"


def test_a_classified_file_goes_only_to_a_cleared_officer(session):
    registrar = clerk(session, clearance=Clearance.SECRET)
    uncleared = clerk(session, role="protocol_officer")
    doc = corr.register_document(session, actor=registrar, data=letter(classification=1))
    with pytest.raises(ValidationError) as error:
        corr.route(session, document_id=doc.id, actor=registrar, action="assign", to_user_id=uncleared.id)
    assert error.value.field == "assignee_id"


def test_overdue_follows_the_urgency_due_hours(session):
    registrar = clerk(session)
    at = dt.datetime(2026, 3, 2, 9, 0)
    urgent = corr.register_document(session, actor=registrar, data=letter(urgency="most_urgent", registered_at=at))
    normal = corr.register_document(session, actor=registrar, data=letter(urgency="normal", registered_at=at))

    five_hours_later = at + dt.timedelta(hours=5)  # ด่วนที่สุด is due in 4 hours, normal in 168
    assert [d.id for d in corr.overdue(session, actor=registrar, now=five_hours_later)] == [urgent.id]
    eight_days_later = at + dt.timedelta(days=8)
    assert [d.id for d in corr.overdue(session, actor=registrar, now=eight_days_later)] == [urgent.id, normal.id]
    corr.route(session, document_id=urgent.id, actor=registrar, action="assign", to_group="กลุ่มงานพิธีการ")
    corr.route(session, document_id=urgent.id, actor=registrar, action="sign_off")
    assert [d.id for d in corr.overdue(session, actor=registrar, now=eight_days_later)] == [normal.id]
