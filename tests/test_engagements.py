"""Engagements: principals cannot be double-booked; the error names the clash; engagements fit their visit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.factories import make_person
from tests.visit_factories import make_engagement, make_principal, make_visit
from workbench.db import SYSTEM
from workbench.errors import ConflictError, ValidationError
from workbench.models.visits import Engagement
from workbench.services import engagements


def test_a_courtesy_call_for_the_senate_president(session):
    president = make_principal(session)
    ambassador = make_person(session)
    call = make_engagement(session, principal_ids=[president.id], guest_ids=[ambassador.id])
    assert (call.principal_ids, call.guest_ids, call.status) == ([president.id], [ambassador.id], "planned")


def test_a_clashing_second_engagement_is_refused_naming_the_first(session):
    president = make_principal(session, given_name_th="ประธาน")
    first = make_engagement(session, title_th="คารวะครั้งแรก", principal_ids=[president.id])
    with pytest.raises(ConflictError) as caught:
        make_engagement(session, title_th="ซ้อน", principal_ids=[president.id],
                        start=dt.datetime(2026, 12, 2, 10, 30), end=dt.datetime(2026, 12, 2, 11, 30))
    message = str(caught.value)
    assert f"#{first.id}" in message and "คารวะครั้งแรก" in message and "ประธาน" in message
    assert session.exec(select(Engagement).where(Engagement.title_th == "ซ้อน")).first() is None


def test_back_to_back_engagements_do_not_clash(session):
    president = make_principal(session)
    make_engagement(session, principal_ids=[president.id])
    later = make_engagement(session, principal_ids=[president.id], start=dt.datetime(2026, 12, 2, 11, 0),
                            end=dt.datetime(2026, 12, 2, 12, 0))
    assert later.id


def test_a_cancelled_engagement_frees_the_time(session):
    president = make_principal(session)
    first = make_engagement(session, principal_ids=[president.id])
    engagements.set_engagement_status(session, engagement_id=first.id, status="cancelled", actor=SYSTEM)
    assert make_engagement(session, principal_ids=[president.id]).id
    with pytest.raises(ConflictError):  # and cannot be revived over the new booking
        engagements.set_engagement_status(session, engagement_id=first.id, status="planned", actor=SYSTEM)


def test_rescheduling_into_a_clash_is_refused(session):
    president = make_principal(session)
    make_engagement(session, principal_ids=[president.id])
    other = make_engagement(session, principal_ids=[president.id], start=dt.datetime(2026, 12, 3, 10, 0),
                            end=dt.datetime(2026, 12, 3, 11, 0))
    with pytest.raises(ConflictError):
        engagements.update_engagement(session, engagement_id=other.id, actor=SYSTEM, data={
            "start": dt.datetime(2026, 12, 2, 9, 30), "end": dt.datetime(2026, 12, 2, 10, 30)})
    assert session.get(Engagement, other.id).start == dt.datetime(2026, 12, 3, 10, 0)


def test_end_must_be_after_start(session):
    with pytest.raises(ValidationError) as caught:
        make_engagement(session, end=dt.datetime(2026, 12, 2, 9, 0))
    assert caught.value.field == "end"


def test_an_engagement_inside_a_visit_falls_within_its_dates(session):
    visit = make_visit(session)
    with pytest.raises(ValidationError) as caught:
        make_engagement(session, visit_id=visit.id, start=dt.datetime(2026, 12, 9, 10),
                        end=dt.datetime(2026, 12, 9, 11))
    assert caught.value.field == "start"
    assert make_engagement(session, visit_id=visit.id).visit_id == visit.id


def test_unknown_people_are_refused(session):
    with pytest.raises(Exception) as caught:
        make_engagement(session, principal_ids=[987_654])
    assert getattr(caught.value, "field", None) == "principal_ids"


def test_listing_by_range(session):
    make_engagement(session, title_th="ธันวาคม")
    make_engagement(session, title_th="มกราคม", start=dt.datetime(2027, 1, 5, 9), end=dt.datetime(2027, 1, 5, 10))
    found = engagements.list_engagements(session, actor=SYSTEM, start=dt.datetime(2027, 1, 1),
                                         end=dt.datetime(2027, 2, 1))
    assert [e.title_th for e in found] == ["มกราคม"]


def test_engagement_status_moves_only_along_its_workflow(session):
    call = make_engagement(session)
    held = engagements.set_engagement_status(session, engagement_id=call.id, status="held", actor=SYSTEM)
    assert held.status == "held"
    for refused in ("planned", "cancelled"):
        with pytest.raises(ValidationError) as caught:
            engagements.set_engagement_status(session, engagement_id=call.id, status=refused, actor=SYSTEM)
        assert caught.value.field == "status"
    assert session.get(Engagement, call.id).status == "held"
