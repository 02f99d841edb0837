"""Records of conversation: one per call or meeting, follow-ups, amendments, overdue flags, clearance."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import make_person, make_user, user_model
from tests.visit_factories import make_engagement, make_principal
from workbench.db import SYSTEM
from workbench.errors import NotFound, ValidationError
from workbench.models.base import Clearance
from workbench.models.users import Role
from workbench.services import engagements, records

NOW = dt.datetime(2026, 12, 20, 9, 0)


def test_recording_a_call_marks_it_held_and_keeps_follow_ups(session):
    call = make_engagement(session, principal_ids=[make_principal(session).id])
    owner = make_person(session)
    record = records.record_conversation(session, actor=SYSTEM, data={
        "engagement_id": call.id, "attendees": "ประธานวุฒิสภา, เอกอัครราชทูต", "topics": "การค้า",
        "summary": "หารือความร่วมมือ", "follow_ups": [{"action": "ส่งหนังสือขอบคุณ", "owner_id": owner.id,
                                                     "due_date": dt.date(2026, 12, 9)}]})
    assert engagements.read_engagement(session, engagement_id=call.id, actor=SYSTEM).status == "held"
    [follow_up] = records.follow_ups(session, record_id=record.id, actor=SYSTEM)
    assert (follow_up.action, follow_up.owner_id, follow_up.done) == ("ส่งหนังสือขอบคุณ", owner.id, False)
    assert records.overdue_follow_ups(session, actor=SYSTEM, today=dt.date(2026, 12, 10)) == [follow_up]
    records.complete_follow_up(session, follow_up_id=follow_up.id, actor=SYSTEM)
    assert records.overdue_follow_ups(session, actor=SYSTEM, today=dt.date(2026, 12, 10)) == []


def test_a_second_record_is_refused_and_an_amendment_keeps_the_original(session):
    call = make_engagement(session)
    record = records.record_conversation(session, actor=SYSTEM, data={"engagement_id": call.id, "summary": "เดิม"})
    with pytest.raises(ValidationError):
        records.record_conversation(session, actor=SYSTEM, data={"engagement_id": call.id, "summary": "ใหม่"})
    amended = records.amend_record(session, record_id=record.id, text="แก้ไขชื่อผู้เข้าร่วม", actor=SYSTEM)
    assert amended.summary.startswith("เดิม") and "แก้ไขชื่อผู้เข้าร่วม" in amended.summary


def test_summary_is_required(session):
    call = make_engagement(session)
    with pytest.raises(ValidationError) as caught:
        records.record_conversation(session, actor=SYSTEM, data={"engagement_id": call.id, "summary": "  "})
    assert caught.value.field == "summary"


def test_receptions_have_no_record_of_conversation(session):
    reception = make_engagement(session, kind="reception")
    with pytest.raises(ValidationError):
        records.record_conversation(session, actor=SYSTEM, data={"engagement_id": reception.id, "summary": "x"})


def test_a_call_without_a_record_becomes_overdue_after_the_configured_days(session):
    call = make_engagement(session)  # ends 2026-12-02 11:00
    assert records.overdue_records(session, actor=SYSTEM, now=dt.datetime(2026, 12, 8, 12), due_days=7) == []
    overdue = records.overdue_records(session, actor=SYSTEM, now=dt.datetime(2026, 12, 9, 12), due_days=7)
    assert [e.id for e in overdue] == [call.id]
    records.record_conversation(session, actor=SYSTEM, data={"engagement_id": call.id, "summary": "บันทึกแล้ว"})
    assert records.overdue_records(session, actor=SYSTEM, now=NOW, due_days=7) == []


def test_cancelled_calls_are_never_overdue(session):
    call = make_engagement(session)
    engagements.set_engagement_status(session, engagement_id=call.id, status="cancelled", actor=SYSTEM)
    assert records.overdue_records(session, actor=SYSTEM, now=NOW, due_days=7) == []


def test_a_secret_record_is_hidden_from_a_user_without_clearance(session):
    call = make_engagement(session)
    record = records.record_conversation(session, actor=SYSTEM, data={
        "engagement_id": call.id, "summary": "เรื่องลับมาก", "classification": Clearance.SECRET})
    analyst = user_model(session, make_user(session, role=Role.ANALYST, clearance=Clearance.CONFIDENTIAL))
    assert records.record_for(session, engagement_id=call.id, actor=analyst) is None
    with pytest.raises(NotFound):
        records.get_record(session, record_id=record.id, actor=analyst)


def test_a_record_is_never_classified_below_its_engagement(session):
    call = make_engagement(session, classification=Clearance.CONFIDENTIAL)
    with pytest.raises(ValidationError) as caught:
        records.record_conversation(session, actor=SYSTEM, data={"engagement_id": call.id, "summary": "x"})
    assert caught.value.field == "classification"
