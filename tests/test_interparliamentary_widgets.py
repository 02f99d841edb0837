"""The inter-parliamentary dashboard without a browser: set values, click buttons, read the database."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re

import openpyxl
from docx import Document
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from workbench.models.interparliamentary import Meeting, MeetingSummary, Observer, SummaryFollowUp
from workbench.models.visits import DelegationMember
from workbench.services.users import get_user
from workbench.ui.interparliamentary.dashboard import InterparliamentaryDashboard


def payload_of(link_html: str) -> bytes:
    return base64.b64decode(re.search(r"base64,([^\"]+)\"", link_html).group(1))


def dashboard(engine, session, username="protocol"):
    return InterparliamentaryDashboard(engine, get_user(session, username=username), today=DEMO_TODAY)


def next_ipu(session) -> Meeting:
    return session.exec(select(Meeting).where(Meeting.number == 154)).one()


def test_upcoming_meetings_show_preparation_status_and_predicted_ones(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)

    table = app.upcoming.table.value
    assert "การประชุมสมัชชาสหภาพรัฐสภา ครั้งที่ 154" in table and "0/6 ขั้นตอน" in table
    assert any("APPF" in label for label, _ in app.upcoming.predicted.options)  # APPF-35, January 2027


def test_entering_a_predicted_meeting_from_the_list(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)
    key = next(k for label, k in app.upcoming.predicted.options if "APPF" in label)

    app.upcoming.predicted.value = key
    app.upcoming.enter_button.click()

    demo_session.expire_all()
    entered = demo_session.exec(select(Meeting).where(Meeting.number == 35)).one()
    assert app.panel.meeting.value == entered.id
    assert key not in [k for _, k in app.upcoming.predicted.options]


def test_recording_the_delegation_and_an_observer(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)
    meeting = next_ipu(demo_session)
    app.panel.meeting.value = meeting.id
    senator = app.panel.delegation.delegate
    senator.query.value = "ไทย"
    person_id = senator.choices.options[1][1]

    senator.value = [person_id]
    app.panel.delegation.role.value = "head"
    app.panel.delegation.add_delegate_button.click()
    app.panel.delegation.observer.query.value = "เจ้าหน้าที่"  # found by their role in the office
    observer_id = app.panel.delegation.observer.choices.options[1][1]
    app.panel.delegation.observer.value = [observer_id]
    app.panel.delegation.add_observer_button.click()

    demo_session.expire_all()
    meeting = next_ipu(demo_session)
    assert meeting.visit_id is not None  # the delegation abroad is an outbound visit
    members = demo_session.exec(select(DelegationMember).where(DelegationMember.visit_id == meeting.visit_id)).all()
    assert [(m.person_id, m.role) for m in members] == [(person_id, "head")]
    assert demo_session.exec(select(Observer).where(Observer.meeting_id == meeting.id,
                                                    Observer.person_id == observer_id)).first()
    assert "หัวหน้าคณะ" in app.panel.delegation.table.value and "ผู้สังเกตการณ์" in app.panel.delegation.table.value
    assert app.notice.kind == "success"


def test_adding_nobody_is_a_clear_message_and_writes_nothing(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)
    app.panel.meeting.value = next_ipu(demo_session).id

    app.panel.delegation.add_delegate_button.click()

    assert app.notice.kind == "error" and "บุคคล" in app.notice.label.value
    assert next_ipu(demo_session).visit_id is None


def test_writing_a_summary_with_two_follow_ups_and_exporting_it(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)
    meeting = next_ipu(demo_session)
    app.panel.meeting.value = meeting.id
    form = app.panel.summary_form
    form.key_decisions.value = "ที่ประชุมรับรองข้อมติสองฉบับ"
    for action, due in (("ส่งรายงานถึงประธานวุฒิสภา", dt.date(2027, 5, 1)), ("แจ้งคณะกรรมาธิการ", dt.date(2027, 5, 15))):
        row = form.follow_ups.add_row()
        row.set(action=action, due_date=due)

    form.save_button.click()

    demo_session.expire_all()
    summary = demo_session.exec(select(MeetingSummary).where(MeetingSummary.meeting_id == meeting.id)).one()
    actions = [f.action for f in demo_session.exec(select(SummaryFollowUp).where(SummaryFollowUp.summary_id == summary.id))]
    assert actions == ["ส่งรายงานถึงประธานวุฒิสภา", "แจ้งคณะกรรมาธิการ"]
    app.panel.downloads.docx_button.click()
    text = "\n".join(c.text for t in Document(io.BytesIO(payload_of(app.panel.downloads.link.value))).tables
                     for r in t.rows for c in r.cells)
    assert "ส่งรายงานถึงประธานวุฒิสภา" in text and "1 พฤษภาคม 2570" in text


def test_a_summary_without_key_decisions_names_the_field_and_writes_nothing(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)
    meeting = next_ipu(demo_session)
    app.panel.meeting.value = meeting.id

    app.panel.summary_form.save_button.click()

    assert app.notice.kind == "error" and "ข้อมติและผลการประชุมที่สำคัญ" in app.notice.label.value
    assert demo_session.exec(select(MeetingSummary).where(MeetingSummary.meeting_id == meeting.id)).first() is None


def test_open_follow_ups_overdue_first_and_exported(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)

    rows = app.follow_ups.rows
    assert rows and rows[0].overdue and not rows[-1].overdue
    app.follow_ups.export_button.click()
    sheet = openpyxl.load_workbook(io.BytesIO(payload_of(app.follow_ups.link.value))).active
    assert sheet.max_row == len(rows) + 1


def test_the_committee_on_a_chosen_day(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session)
    now = app.committee.table.value

    app.committee.day.value = DEMO_TODAY - dt.timedelta(days=300)

    assert app.committee.table.value != now and "ประธานคณะกรรมการบริหาร" in app.committee.table.value


def test_a_viewer_cannot_enter_meetings(demo_engine, demo_session):
    app = dashboard(demo_engine, demo_session, username="viewer")
    assert app.upcoming.enter_button.disabled
