"""Readiness of an outbound delegation, member by member, from the rules kept as data: passport present, of the
type the post needs, valid six months beyond the return; a visa when the destination asks one for that passport
type, tracked to its outcome; deadlines counted back from departure."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.factories import make_person
from tests.travel_factories import END, START, TODAY, add_member, delegation, give_passport
from workbench.db import SYSTEM, transaction
from workbench.errors import ValidationError
from workbench.models.travel import TravelRule, VisaRequirement
from workbench.services.travel import readiness


def _member(state, person_id):
    return next(m for m in state.members if m.person_id == person_id)


def test_a_ready_head_and_a_senator_waiting_for_a_schengen_visa(session):
    visit, head, senator = delegation(session)
    state = readiness.visit_readiness(session, visit_id=visit.id, actor=SYSTEM, today=TODAY)
    president = _member(state, head.id)
    assert president.ready and president.required_type == "diplomatic" and not president.visa_needed
    member = _member(state, senator.id)
    assert member.required_type == "official" and member.visa_needed
    assert [p.code for p in member.problems] == ["visa_to_request"]
    readiness.set_visa_status(session, visit_id=visit.id, person_id=senator.id, status="requested", on=TODAY,
                              actor=SYSTEM)
    readiness.set_visa_status(session, visit_id=visit.id, person_id=senator.id, status="received",
                              on=TODAY + dt.timedelta(days=10), actor=SYSTEM)
    state = readiness.visit_readiness(session, visit_id=visit.id, actor=SYSTEM, today=TODAY)
    assert all(m.ready for m in state.members)
    assert {d.code: d.done for d in state.deadlines}["visa_received"] is True


def test_missing_wrong_type_and_short_validity_are_each_named(session):
    visit, head, senator = delegation(session, iso2="SG")  # Singapore: no visa for any Thai passport (data)
    nobody = make_person(session)
    clerk = make_person(session)
    short = make_person(session)
    for person in (nobody, clerk, short):
        add_member(session, visit.id, person.id)
    give_passport(session, clerk.id, kind="ordinary")
    give_passport(session, short.id, expiry=END + dt.timedelta(days=60))  # less than 6 months beyond the return
    state = readiness.visit_readiness(session, visit_id=visit.id, actor=SYSTEM, today=TODAY)
    assert [p.code for p in _member(state, nobody.id).problems] == ["no_passport"]
    assert [p.code for p in _member(state, clerk.id).problems] == ["wrong_type"]
    assert [p.code for p in _member(state, short.id).problems] == ["validity_short"]
    assert _member(state, short.id).valid_until_needed == dt.date(2027, 9, 15)
    assert _member(state, head.id).ready and _member(state, senator.id).ready


def test_the_rules_are_data_a_changed_margin_or_visa_rule_changes_the_answer(session):
    visit, head, senator = delegation(session)
    short = make_person(session)
    add_member(session, visit.id, short.id)
    give_passport(session, short.id, expiry=END + dt.timedelta(days=60))
    with transaction(session, actor=SYSTEM):
        margin = session.exec(select(TravelRule).where(TravelRule.code == "passport_validity_margin")).one()
        margin.value = 1
        rule = session.exec(select(VisaRequirement).where(VisaRequirement.iso2 == "CH",
                                                          VisaRequirement.passport_type == "official")).one()
        rule.rule = "not_required"
        session.add_all([margin, rule])
    state = readiness.visit_readiness(session, visit_id=visit.id, actor=SYSTEM, today=TODAY)
    assert all(m.ready for m in state.members)


def test_deadlines_are_counted_back_from_departure_and_flagged_when_passed(session):
    visit, head, senator = delegation(session)
    late = START - dt.timedelta(days=40)  # the passport request (45 days before) is overdue, the visa one (30) not
    state = readiness.visit_readiness(session, visit_id=visit.id, actor=SYSTEM, today=late)
    deadlines = {d.code: d for d in state.deadlines}
    assert deadlines["passport_request"].due == START - dt.timedelta(days=45) and deadlines["passport_request"].overdue
    assert not deadlines["visa_request"].overdue
    missing = readiness.missing_for_calendar(session, actor=SYSTEM, today=late)
    assert [m.visit_id for m in missing] == [visit.id]


def test_a_visa_is_tracked_only_for_members_of_the_delegation(session):
    visit, head, senator = delegation(session)
    with pytest.raises(ValidationError, match="ไม่อยู่ในคณะ"):
        readiness.set_visa_status(session, visit_id=visit.id, person_id=make_person(session).id, status="requested",
                                  on=TODAY, actor=SYSTEM)
