"""A meeting's records on the dashboard, without a browser: resolutions adopted, Thailand's interventions, documents
received and sent (linked to or registered in the correspondence register, shown with its register number), the
coordination log with the House secretariat and a follow-up's status; the rules are the services'."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from tests.factories import make_user, user_model
from workbench.db import SYSTEM
from workbench.errors import NotFound, ValidationError
from workbench.models.base import Clearance
from workbench.models.correspondence import Correspondence
from workbench.models.interparliamentary import (
    CoordinationEntry,
    Intervention,
    Meeting,
    MeetingDocument,
    Resolution,
    SummaryFollowUp,
)
from workbench.models.users import Role
from workbench.services.correspondence import display_number, register_document
from workbench.services.interparliamentary import exchanges, meetings
from workbench.services.users import get_user
from workbench.ui.interparliamentary.dashboard import InterparliamentaryDashboard


def dashboard(engine, session, username="protocol"):
    return InterparliamentaryDashboard(engine, get_user(session, username=username), today=DEMO_TODAY)


def next_ipu(session) -> Meeting:
    return session.exec(select(Meeting).where(Meeting.number == 154)).one()


def incoming(session, subject, **extra):
    return register_document(session, actor=SYSTEM, data={
        "register": "incoming", "subject": subject, "sender": "IPU", "recipient": "สำนักการต่างประเทศ",
        "registered_at": dt.datetime(DEMO_TODAY.year, DEMO_TODAY.month, 1, 9), **extra})


def test_recording_a_resolution_and_an_intervention(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)
    meeting = next_ipu(demo_session)
    app.panel.meeting.value = meeting.id
    records = app.panel.records
    item_id = records.resolution_form.agenda_item.options[1][1]
    records.resolution_form.form.set(title_th="ข้อมติว่าด้วยสันติภาพ", outcome="รับรองโดยฉันทามติ",
                                     thailand_vote="consensus")
    records.resolution_form.agenda_item.value = item_id
    records.resolution_form.save_button.click()
    speaker = records.intervention_form.speaker
    speaker.query.value = "ไทย"
    speaker.value = [speaker.choices.options[1][1]]
    records.intervention_form.form.set(day=meeting.start_date, summary="ไทยสนับสนุนร่างข้อมติ")
    records.intervention_form.save_button.click()

    demo_session.expire_all()
    [resolution] = demo_session.exec(select(Resolution).where(Resolution.meeting_id == meeting.id)).all()
    assert (resolution.title_th, resolution.agenda_item_id, resolution.thailand_vote) == (
        "ข้อมติว่าด้วยสันติภาพ", item_id, "consensus")
    [intervention] = demo_session.exec(select(Intervention).where(Intervention.meeting_id == meeting.id)).all()
    assert intervention.summary == "ไทยสนับสนุนร่างข้อมติ" and intervention.day == meeting.start_date
    assert "ข้อมติว่าด้วยสันติภาพ" in records.resolutions.value and "ฉันทามติ" in records.resolutions.value
    assert "ไทยสนับสนุนร่างข้อมติ" in records.interventions.value
    assert app.notice.kind == "success" and records.resolution_form.form.inputs["title_th"].value == ""


def test_an_intervention_without_a_speaker_names_the_field_and_writes_nothing(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)
    app.panel.meeting.value = next_ipu(demo_session).id
    app.panel.records.intervention_form.form.set(day=DEMO_TODAY, summary="ถ้อยแถลง")

    app.panel.records.intervention_form.save_button.click()

    assert app.notice.kind == "error" and "ผู้กล่าวถ้อยแถลง" in app.notice.label.value
    assert demo_session.exec(select(Intervention).where(Intervention.summary == "ถ้อยแถลง")).first() is None


def test_a_document_linked_by_its_register_number_and_one_registered_now(demo_engine, demo_session):
    entry = incoming(demo_session, "หนังสือเชิญประชุม IPU")
    app = dashboard(demo_engine, demo_session)
    meeting = next_ipu(demo_session)
    app.panel.meeting.value = meeting.id
    form = app.panel.records.document_form
    form.form.set(direction="received", title="หนังสือเชิญเข้าร่วมประชุม", day=DEMO_TODAY)
    form.mode.value = "existing"
    form.register_no.value = str(entry.number)
    form.save_button.click()
    assert app.notice.kind == "success", app.notice.label.value
    form.form.set(direction="sent", title="หนังสือตอบรับการเข้าร่วมประชุม", day=DEMO_TODAY)
    form.mode.value = "new"
    form.counterpart.value = "สำนักงานเลขาธิการสหภาพรัฐสภา"
    form.save_button.click()

    demo_session.expire_all()
    linked, registered = demo_session.exec(select(MeetingDocument).where(
        MeetingDocument.meeting_id == meeting.id, MeetingDocument.day == DEMO_TODAY).order_by(MeetingDocument.id)).all()
    assert linked.correspondence_id == entry.id
    sent = demo_session.get(Correspondence, registered.correspondence_id)
    assert (sent.register, sent.subject, sent.recipient) == (
        "outgoing", "หนังสือตอบรับการเข้าร่วมประชุม", "สำนักงานเลขาธิการสหภาพรัฐสภา")
    table = app.panel.records.documents.value
    assert display_number("outgoing", sent.number) in table and f">{entry.number}<" in table


def test_a_register_number_must_be_of_the_matching_register_and_one_the_officer_may_see(session):
    meeting = meetings.create_meeting(session, actor=SYSTEM, data={
        "organization_id": meetings.organization_by_code(session, "IPU").id, "kind": "workshop",
        "title_th": "สัมมนา", "start_date": dt.date(2027, 3, 1), "end_date": dt.date(2027, 3, 2)})
    open_entry = incoming(session, "หนังสือเชิญ")
    secret = incoming(session, "หนังสือลับ", classification=Clearance.SECRET)
    officer = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))
    year_be = DEMO_TODAY.year + 543
    data = {"meeting_id": meeting.id, "direction": "received", "title": "หนังสือ", "day": DEMO_TODAY}

    with pytest.raises(ValidationError) as wrong:  # a sent document is in the outgoing register
        exchanges.add_document(session, actor=officer, data={**data, "direction": "sent",
                                                             "correspondence_id": open_entry.id})
    assert wrong.value.field == "correspondence_id"
    with pytest.raises(NotFound):  # by number: looked for in the outgoing register, where it is not
        exchanges.add_document(session, actor=officer, data={**data, "direction": "sent"},
                               register_no=open_entry.number, register_year_be=year_be)
    with pytest.raises(NotFound) as hidden:
        exchanges.add_document(session, actor=officer, data=data, register_no=secret.number, register_year_be=year_be)
    with pytest.raises(NotFound) as missing:
        exchanges.add_document(session, actor=officer, data=data, register_no=9999, register_year_be=year_be)
    assert hidden.value.bilingual().replace(f" {secret.number}/", " #/") == missing.value.bilingual().replace(
        " 9999/", " #/")
    with pytest.raises(ValidationError):
        exchanges.add_document(session, actor=officer, data=data, register_no="สิบ", register_year_be=year_be)
    assert session.exec(select(MeetingDocument)).all() == []

    exchanges.add_document(session, actor=SYSTEM, data=data, register_no=secret.number, register_year_be=year_be)
    [row] = exchanges.documents(session, meeting_id=meeting.id, actor=officer)
    assert (row.correspondence_id, row.register_number) == (None, "")  # the entry lends the officer nothing
    [seen] = exchanges.documents(session, meeting_id=meeting.id, actor=SYSTEM)
    assert (seen.correspondence_id, seen.register_number) == (secret.id, str(secret.number))


def test_logging_coordination_with_the_house_secretariat(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)
    meeting = next_ipu(demo_session)
    form = app.coordination_form
    form.meeting.value = meeting.id
    form.form.set(asked_on=DEMO_TODAY, asked_by="สำนักองค์การรัฐสภาระหว่างประเทศ สภาผู้แทนราษฎร",
                  question="ขอรายชื่อผู้แทนวุฒิสภา", answer="ส่งรายชื่อ 3 คน", answered_on=DEMO_TODAY,
                  decision="เห็นชอบ")

    form.save_button.click()

    entry = demo_session.exec(select(CoordinationEntry).where(CoordinationEntry.question == "ขอรายชื่อผู้แทนวุฒิสภา")).one()
    assert (entry.meeting_id, entry.answer, entry.decision) == (meeting.id, "ส่งรายชื่อ 3 คน", "เห็นชอบ")
    assert "ขอรายชื่อผู้แทนวุฒิสภา" in app.coordination.value and app.notice.kind == "success"


def test_an_answer_without_its_day_is_refused_naming_the_field(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)
    app.coordination_form.form.set(asked_on=DEMO_TODAY, asked_by="สภาผู้แทนราษฎร", question="สัดส่วน",
                                   answer="5 ต่อ 3")

    app.coordination_form.save_button.click()

    assert app.notice.kind == "error" and "วันที่ตอบ" in app.notice.label.value
    assert demo_session.exec(select(CoordinationEntry).where(CoordinationEntry.question == "สัดส่วน")).first() is None


def test_changing_a_follow_ups_status(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)
    first = app.follow_ups.rows[0]
    app.status_form.follow_up.value = first.id

    app.status_form.status.value = "done"
    app.status_form.save_button.click()

    demo_session.expire_all()
    done = demo_session.get(SummaryFollowUp, first.id)
    assert done.status == "done" and done.done_at is not None
    assert first.id not in [r.id for r in app.follow_ups.rows]  # the open list no longer holds it
    assert app.notice.kind == "success"


def test_a_viewer_sees_the_records_but_no_forms(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session, username="viewer")
    assert app.panel.records.forms.children == ()
    assert app.status_form not in app.tabs.children[1].children
    assert app.coordination_form not in app.tabs.children[3].children


def test_a_predicted_meeting_on_the_calendar_opens_its_preparation_timeline(engine, session):
    from workbench.services.calendar import calendar_items
    from workbench.ui.interparliamentary.calendar_detail import MeetingCalendarDetail

    viewer = make_user(session, role=Role.VIEWER)
    items = calendar_items(session, actor=user_model(session, viewer), first=dt.date(2030, 1, 1),
                           last=dt.date(2030, 1, 31))
    deadline = next(i for i in items if i.status == "predicted" and "ครั้งที่ 160" in i.title_th)

    detail = MeetingCalendarDetail(engine, user_model(session, viewer), deadline, today=DEMO_TODAY)

    assert detail.row is not None and detail.row.projected and detail.row.number == 160
    assert "คาดการณ์ตามรอบการประชุม" in detail.body.value
    assert "15 มกราคม 2573" in detail.body.value and "ขออนุมัติองค์ประกอบคณะผู้แทน" in detail.body.value
