"""Thailand's positions are classification-aware: a user without the clearance neither sees nor counts a
classified position, its interventions or a classified summary (on SQLite and PostgreSQL alike)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import make_person, make_user, user_model
from workbench.db import SYSTEM
from workbench.errors import ValidationError
from workbench.models.base import Clearance
from workbench.models.users import Role
from workbench.services.interparliamentary import meetings, positions, summaries


@pytest.fixture
def meeting(session):
    org = meetings.organization_by_code(session, "AIPA")
    found = meetings.create_meeting(session, actor=SYSTEM, data={
        "organization_id": org.id, "kind": "executive_committee", "title_th": "ประชุมคณะกรรมการบริหาร AIPA",
        "start_date": dt.date(2027, 2, 1), "end_date": dt.date(2027, 2, 2)})
    return found


@pytest.fixture
def item(session, meeting):
    return meetings.add_agenda_item(session, actor=SYSTEM, data={"meeting_id": meeting.id, "title_th": "เขตแดน"})


def actor(session, role, clearance=Clearance.NONE):
    return user_model(session, make_user(session, role=role, clearance=clearance))


def test_versions_are_kept_with_their_approver(session, meeting, item):
    approver = make_person(session)
    first = positions.add_position(session, actor=SYSTEM, data={"agenda_item_id": item.id, "text": "ร่างแรก"})
    second = positions.add_position(session, actor=SYSTEM, data={
        "agenda_item_id": item.id, "text": "ฉบับอนุมัติ", "approved_by_id": approver.id,
        "approved_on": dt.date(2027, 1, 20)})

    shown = positions.positions(session, meeting_id=meeting.id, actor=SYSTEM)
    assert [(p.version, p.text) for _, p in shown] == [(2, "ฉบับอนุมัติ"), (1, "ร่างแรก")]
    assert (first.version, second.approved_by_id) == (1, approver.id)


def test_an_uncleared_user_neither_sees_nor_counts_a_classified_position(session, meeting, item):
    positions.add_position(session, actor=SYSTEM, data={"agenda_item_id": item.id, "text": "เปิดเผยได้"})
    positions.add_position(session, actor=SYSTEM, data={"agenda_item_id": item.id, "text": "ท่าทีลับ",
                                                        "classification": Clearance.SECRET})
    viewer = actor(session, Role.VIEWER)
    cleared = actor(session, Role.ANALYST, Clearance.SECRET)
    confidential = actor(session, Role.ANALYST, Clearance.CONFIDENTIAL)

    assert positions.count_positions(session, meeting_id=meeting.id, actor=viewer) == 1
    assert positions.count_positions(session, meeting_id=meeting.id, actor=confidential) == 1
    assert positions.count_positions(session, meeting_id=meeting.id, actor=cleared) == 2
    assert [p.text for _, p in positions.positions(session, meeting_id=meeting.id, actor=viewer)] == ["เปิดเผยได้"]
    assert positions.latest_positions(session, meeting_id=meeting.id, actor=viewer)[item.id].text == "เปิดเผยได้"
    assert positions.latest_positions(session, meeting_id=meeting.id, actor=cleared)[item.id].text == "ท่าทีลับ"


def test_a_user_cannot_write_a_position_above_their_clearance(session, item):
    analyst = actor(session, Role.ANALYST, Clearance.CONFIDENTIAL)
    with pytest.raises(ValidationError) as error:
        positions.add_position(session, actor=analyst, data={"agenda_item_id": item.id, "text": "x",
                                                             "classification": Clearance.SECRET})
    assert error.value.field == "classification"


def test_a_viewer_may_not_write_positions(session, item):
    from workbench.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        positions.add_position(session, actor=actor(session, Role.VIEWER), data={"agenda_item_id": item.id, "text": "x"})


def test_classified_interventions_and_summaries_are_hidden_like_missing_ones(session, meeting):
    speaker = make_person(session)
    positions.add_intervention(session, actor=SYSTEM, data={
        "meeting_id": meeting.id, "speaker_id": speaker.id, "day": dt.date(2027, 2, 1), "summary": "ลับ",
        "classification": Clearance.CONFIDENTIAL})
    summaries.write_summary(session, actor=SYSTEM, data={
        "meeting_id": meeting.id, "key_decisions": "มติลับ", "classification": Clearance.CONFIDENTIAL,
        "follow_ups": [{"action": "ติดตามเรื่องลับ", "due_date": dt.date(2027, 1, 1)}]})
    viewer = actor(session, Role.VIEWER)

    assert positions.interventions(session, meeting_id=meeting.id, actor=viewer) == []
    assert summaries.get_summary(session, meeting_id=meeting.id, actor=viewer) is None
    assert summaries.follow_ups(session, actor=viewer, today=dt.date(2027, 3, 1)) == []
    assert len(summaries.follow_ups(session, actor=SYSTEM, overdue_only=True, today=dt.date(2027, 3, 1))) == 1
    with pytest.raises(ValidationError):
        summaries.summary_view(session, meeting_id=meeting.id, actor=viewer)


def test_a_secret_summary_the_writer_may_not_see_is_as_if_there_were_none(session, meeting):
    summaries.write_summary(session, actor=SYSTEM, data={
        "meeting_id": meeting.id, "key_decisions": "มติลับ", "classification": Clearance.SECRET})
    officer = actor(session, Role.PROTOCOL_OFFICER)  # not cleared for it
    cleared = actor(session, Role.PROTOCOL_OFFICER, Clearance.SECRET)

    mine = summaries.write_summary(session, actor=officer, data={
        "meeting_id": meeting.id, "key_decisions": "มติที่เปิดเผยได้",
        "follow_ups": [{"action": "แจ้งข้อมติ", "due_date": dt.date(2027, 3, 1)}]})

    assert summaries.get_summary(session, meeting_id=meeting.id, actor=officer).id == mine.id
    assert summaries.get_summary(session, meeting_id=meeting.id, actor=cleared).key_decisions == "มติลับ"
    with pytest.raises(ValidationError) as again:  # one summary per meeting that a writer sees
        summaries.write_summary(session, actor=officer, data={"meeting_id": meeting.id, "key_decisions": "อีกฉบับ"})
    assert "มีสรุปผลแล้ว" in again.value.bilingual()
    with pytest.raises(ValidationError):
        summaries.write_summary(session, actor=cleared, data={"meeting_id": meeting.id, "key_decisions": "อีกฉบับ"})
    assert [f.action for f in summaries.follow_ups(session, actor=cleared, meeting_id=meeting.id)] == ["แจ้งข้อมติ"]


def test_a_meeting_whose_delegation_travels_on_a_secret_visit_is_as_missing(session):
    from tests.visit_factories import country_id
    from workbench.db import transaction
    from workbench.errors import NotFound
    from workbench.services.interparliamentary import calendar as ip_calendar
    from workbench.services.interparliamentary import exchanges
    from workbench.services.visits import get_visit

    org = meetings.organization_by_code(session, "IPU")

    meeting = meetings.create_meeting(session, actor=SYSTEM, data={
        "organization_id": org.id, "kind": "workshop", "title_th": "สัมมนาเชิงปฏิบัติการ", "country_id": country_id(session),
        "start_date": dt.date(2027, 2, 1), "end_date": dt.date(2027, 2, 2)})
    visit_id = meetings.ensure_visit(session, meeting_id=meeting.id, actor=SYSTEM)
    exchanges.log_coordination(session, actor=SYSTEM, data={
        "meeting_id": meeting.id, "asked_on": dt.date(2027, 1, 5), "asked_by": "สภาผู้แทนราษฎร", "question": "สัดส่วน"})
    summaries.write_summary(session, actor=SYSTEM, data={
        "meeting_id": meeting.id, "key_decisions": "มติ", "follow_ups": [{"action": "รายงาน"}]})
    visit = get_visit(session, visit_id=visit_id, actor=SYSTEM)
    with transaction(session, actor=SYSTEM):  # the trip is classified afterwards
        visit.classification = Clearance.SECRET
        session.add(visit)
    viewer = actor(session, Role.PROTOCOL_OFFICER)
    window = dict(first=dt.date(2027, 1, 1), last=dt.date(2027, 2, 28))

    for call in (lambda m: meetings.get_meeting(session, meeting_id=m, actor=viewer),
                 lambda m: meetings.agenda(session, meeting_id=m, actor=viewer),
                 lambda m: exchanges.documents(session, meeting_id=m, actor=viewer),
                 lambda m: summaries.get_summary(session, meeting_id=m, actor=viewer)):
        with pytest.raises(NotFound) as hidden:
            call(meeting.id)
        with pytest.raises(NotFound) as missing:
            call(987654)
        assert hidden.value.bilingual().replace(str(meeting.id), "#") == missing.value.bilingual().replace("987654", "#")
    assert meeting.id not in {r.id for r in meetings.list_meetings(session, actor=viewer, **window)}
    assert all(i.record_id != meeting.id for i in ip_calendar.calendar_items(session, actor=viewer, **window))
    assert exchanges.coordination_log(session, actor=viewer) == []
    assert summaries.follow_ups(session, actor=viewer) == []
    cleared = actor(session, Role.PROTOCOL_OFFICER, Clearance.SECRET)
    assert meeting.id in {r.id for r in meetings.list_meetings(session, actor=cleared, **window)}
    assert len(exchanges.coordination_log(session, actor=cleared)) == 1
