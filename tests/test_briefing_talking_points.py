"""Talking points per country and topic: validity dates, approval, and rewording as a new version."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.briefing_factories import analyst, country, make_point, viewer
from workbench.errors import PermissionDenied, ValidationError
from workbench.models.base import Clearance
from workbench.models.briefing import TalkingPoint
from workbench.services import monitoring


def test_a_new_talking_point_waits_for_approval(session):
    point = make_point(session, actor=analyst(session), approve=False)

    assert point.approved is False
    assert monitoring.list_talking_points(session, actor=analyst(session), country_id=point.country_id,
                                          approved_only=True) == []


def test_approval_records_who_approved(session):
    approver = analyst(session)
    point = make_point(session, approve=False)

    approved = monitoring.approve_talking_point(session, point_id=point.id, actor=approver)

    assert approved.approved and approved.approved_by_id == approver.id and approved.approved_at is not None


def test_validity_must_not_end_before_it_starts(session):
    with pytest.raises(ValidationError) as error:
        make_point(session, valid_from=dt.date(2026, 5, 1), valid_until=dt.date(2026, 4, 30))

    assert error.value.field == "valid_until"


def test_only_points_valid_on_the_day_are_listed_for_that_day(session):
    make_point(session, topic="ยังใช้ได้", valid_from=dt.date(2026, 1, 1))
    make_point(session, topic="หมดอายุ", valid_from=dt.date(2025, 1, 1), valid_until=dt.date(2025, 12, 31))
    make_point(session, topic="ยังไม่เริ่ม", valid_from=dt.date(2027, 1, 1))

    found = monitoring.list_talking_points(session, actor=analyst(session), country_id=country(session).id,
                                           on=dt.date(2026, 6, 1))

    assert [p.topic for p in found] == ["ยังใช้ได้"]


def test_rewording_makes_a_new_unapproved_version_and_keeps_the_old(session):
    writer = analyst(session)
    old = make_point(session, actor=writer, text_th="ถ้อยคำเดิม")

    new = monitoring.revise_talking_point(session, point_id=old.id, data={"text_th": "ถ้อยคำใหม่"}, actor=writer)

    assert new.supersedes_id == old.id and new.approved is False
    assert session.get(TalkingPoint, old.id).text_th == "ถ้อยคำเดิม"
    listed = monitoring.list_talking_points(session, actor=writer, country_id=old.country_id)
    assert [p.text_th for p in listed] == ["ถ้อยคำใหม่"]


def test_classified_points_are_hidden_from_uncleared_readers(session):
    make_point(session, topic="เปิดเผย")
    make_point(session, topic="ลับ", classification=Clearance.CONFIDENTIAL)

    def topics(clearance):
        return [p.topic for p in monitoring.list_talking_points(session, actor=viewer(session, clearance),
                                                                country_id=country(session).id)]

    assert topics(Clearance.NONE) == ["เปิดเผย"]
    assert sorted(topics(Clearance.CONFIDENTIAL)) == ["ลับ", "เปิดเผย"]


def test_a_viewer_may_read_but_not_write_talking_points(session):
    reader = viewer(session)
    make_point(session)

    assert len(monitoring.list_talking_points(session, actor=reader, country_id=country(session).id)) == 1
    with pytest.raises(PermissionDenied):
        make_point(session, actor=reader)
