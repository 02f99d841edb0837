"""Inter-parliamentary work in Chromium, as a protocol officer meets it (issue 15's "done when"): the next IPU
Assembly is on the visit calendar with its preparation timeline; record the Thai delegation and an observer;
write a summary with two follow-ups; export it and read it back."""

from __future__ import annotations

import base64
import io
import re

import pytest
from docx import Document
from sqlmodel import select

from tests.browser import click, open_dashboard, sign_in, wait_for_text
from workbench.db import new_session
from workbench.models.correspondence import Correspondence
from workbench.models.interparliamentary import Meeting, MeetingDocument, MeetingSummary, Observer, SummaryFollowUp
from workbench.models.visits import DelegationMember

pytestmark = pytest.mark.browser

NEXT_IPU = "การประชุมสมัชชาสหภาพรัฐสภา ครั้งที่ 154"
ACTIONS = ("ส่งรายงานผลการประชุมถึงประธานวุฒิสภา", "แจ้งข้อมติต่อคณะกรรมาธิการการต่างประเทศ")
LETTER = "หนังสือแจ้งรายชื่อคณะผู้แทนไทย"


def pick_person(page, box, text: str, chosen_box) -> str:
    """Search people in the picker inside ``box`` and choose the first one found; returns the name chosen (without
    the position and organisation the option shows beside it).

    The picker first lists everyone (its empty search): an option matching ``text`` may be there before the
    search's own list replaces it, and a choice made on the old list would land on another row (a drop-down
    sends the row's index). So wait until every option is a search result, choose, then wait for the panel to
    echo the name in ``chosen_box`` (the kernel holds the choice; the add button is enabled from then on)."""
    query = box.locator("input[type=text]").first
    query.fill(text)
    query.press("Enter")
    select = box.locator("select").first
    page.wait_for_function(
        """([select, text]) => { const names = [...select.options].slice(1).map(o => o.textContent);
                                  return names.length > 0 && names.every(n => n.includes(text)); }""",
        arg=[select.element_handle(), text])
    name = [o for o in select.locator("option").all_inner_texts() if text in o][0]
    select.select_option(label=name)
    name = name.replace("\xa0", " ").split(" — ")[0]  # "นาย… — position, organisation": the name, on one line
    chosen_box.filter(has_text=name.split()[0]).wait_for()
    return name


def test_the_next_ipu_assembly_from_calendar_to_exported_summary(page, voila_server, tmp_path):
    page.set_default_timeout(120_000)  # a shared, busy test machine: speed is not what this test checks
    page.set_default_navigation_timeout(120_000)
    # the next IPU Assembly's preparation timeline is on the visit calendar, months ahead
    open_dashboard(page, voila_server, "/voila/render/visits.ipynb")
    sign_in(page, "protocol")
    page.locator(".wb-calendar-grid").wait_for()
    click(page, "ถัดไป ▶")
    click(page, "ถัดไป ▶")
    wait_for_text(page, "มกราคม 2570")
    deadline = page.locator(".wb-kind-ip_deadline", has_text=NEXT_IPU).first
    deadline.click()
    detail = page.locator(".wb-ip-calendar-detail")
    detail.wait_for()
    for step in ("ขออนุมัติองค์ประกอบคณะผู้แทน", "ลงทะเบียนผู้เข้าร่วมประชุม", "หนังสือเดินทางและการตรวจลงตรา",
                 "เอกสารท่าทีไทย", "15 มกราคม 2570", "15–19 เมษายน 2570"):
        assert step in detail.inner_text()

    # the dashboard opens on the next meeting: record the delegation and an observer
    page.set_viewport_size({"width": 1366, "height": 900})
    open_dashboard(page, voila_server, "/voila/render/interparliamentary.ipynb")  # still signed in: no form
    page.locator(".wb-ip-dashboard").wait_for()
    wait_for_text(page, NEXT_IPU)
    delegation = page.locator(".wb-ip-delegation")
    pickers = delegation.locator(".wb-person-picker")
    head = pick_person(page, pickers.nth(0), "รัตนพันธ์", delegation.locator(".wb-ip-delegate-chosen"))
    delegation.locator(".wb-ip-role select").select_option(label="หัวหน้าคณะ")
    click(page, "เพิ่มในคณะผู้แทน")
    wait_for_text(page, "บันทึกสมาชิกคณะผู้แทนแล้ว")
    observer = pick_person(page, pickers.nth(1), "วงศ์ประเสริฐ", delegation.locator(".wb-ip-observer-chosen"))
    click(page, "เพิ่มผู้สังเกตการณ์")
    wait_for_text(page, "บันทึกผู้สังเกตการณ์แล้ว")
    table = page.locator(".wb-ip-delegation-table")
    assert head in table.inner_text() and observer in table.inner_text()

    # write the summary with two follow-ups
    form = page.locator(".wb-ip-summary-form")
    form.locator("textarea").nth(1).fill("ที่ประชุมรับรองข้อมติสองฉบับ")
    for number, action in enumerate(ACTIONS):
        click(page, "เพิ่มงานที่ต้องติดตาม")
        row = form.locator(".wb-schema-form").nth(number)
        row.locator(".wb-field-action input, .wb-field-action textarea").first.fill(action)
        due = row.locator(".wb-field-due_date .wb-date-input input").first
        due.fill(f"2027-05-{10 + number}")
        due.dispatch_event("change")
    page.screenshot(path=str(tmp_path / "summary_form.png"), full_page=True)
    click(page, "บันทึกสรุปผลการประชุม")
    wait_for_text(page, "บันทึกสรุปผลการประชุมแล้ว")

    # a letter sent for the meeting, registered in the outgoing register from the dashboard
    page.locator(".wb-ip-records .jupyter-widget-Collapse-header",
                 has_text="หนังสือรับ–ส่งเกี่ยวกับการประชุม").click()  # open the form's section
    letter = page.locator(".wb-ip-document-form")
    letter.locator(".wb-field-direction select").select_option(label="หนังสือส่ง")
    letter.locator(".wb-field-title input").fill(LETTER)
    day = letter.locator(".wb-field-day .wb-date-input input").first
    day.fill("2027-02-01")
    day.dispatch_event("change")
    letter.get_by_role("button", name="ลงทะเบียนใหม่ในทะเบียนหนังสือ").click()
    letter.locator(".wb-ip-counterpart input").fill("สำนักงานเลขาธิการสหภาพรัฐสภา")
    page.screenshot(path=str(tmp_path / "document_form.png"), full_page=True)
    click(page, "บันทึกหนังสือ")
    wait_for_text(page, "บันทึกหนังสือแล้ว")
    row = page.locator(".wb-ip-documents tr", has_text=LETTER)
    row.wait_for()
    assert re.search(r"/\d+", row.inner_text())  # its outgoing register number, e.g. สว 0010/3

    # export it and read it back
    click(page, "ดาวน์โหลด DOCX")
    link = page.locator(".wb-download-link").first
    link.wait_for()
    payload = base64.b64decode(re.search(r"base64,(.+)$", link.get_attribute("href")).group(1))
    document = Document(io.BytesIO(payload))
    cells = [c.text for row in document.tables[-1].rows[1:] for c in row.cells]
    assert ACTIONS[0] in cells and ACTIONS[1] in cells and "10 พฤษภาคม 2570" in cells
    assert document.paragraphs[0].text == "สรุปผลการประชุม"
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=False)

    with new_session(voila_server.engine) as session:
        meeting = session.exec(select(Meeting).where(Meeting.number == 154)).one()
        members = session.exec(select(DelegationMember).where(DelegationMember.visit_id == meeting.visit_id)).all()
        summary = session.exec(select(MeetingSummary).where(MeetingSummary.meeting_id == meeting.id)).one()
        follow_ups = session.exec(select(SummaryFollowUp).where(SummaryFollowUp.summary_id == summary.id)).all()
        assert [m.role for m in members] == ["head"]
        assert session.exec(select(Observer).where(Observer.meeting_id == meeting.id)).first() is not None
        assert sorted(f.action for f in follow_ups) == sorted(ACTIONS)
        document = session.exec(select(MeetingDocument).where(MeetingDocument.title == LETTER,
                                                              MeetingDocument.meeting_id == meeting.id)).one()
        entry = session.get(Correspondence, document.correspondence_id)
        assert (entry.register, entry.subject) == ("outgoing", LETTER)
    assert not page.foreign_requests
