"""The visit calendar in Chromium, as a protocol officer meets it (issue 4's "done when"): create a courtesy call
for the Senate President, see it on the calendar, be refused a clashing second one with a clear message, record
the conversation, export the month to .ics and parse it."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from icalendar import Calendar
from sqlmodel import select

from tests.browser import click, fill, open_dashboard, sign_in, wait_for_text
from tests.conftest import DEMO_TODAY
from workbench.db import SYSTEM, new_session
from workbench.models.visits import ConversationRecord, Engagement
from workbench.services import engagements

pytestmark = pytest.mark.browser

PATH = "/voila/render/visits.ipynb"
TITLE = "เอกอัครราชทูตทดสอบเข้าเยี่ยมคารวะประธานวุฒิสภา"
CLASH = "การเข้าเยี่ยมคารวะที่ซ้อนเวลา"
DAY = "2026-11-29"  # a Sunday: no demo engagement for the President at 07.00


def set_date_time(page, field: str, day: str, clock: str) -> None:
    box = page.locator(f".wb-field-{field}")
    for selector, value in ((".wb-date-input input", day), (".wb-time-input input", clock)):
        target = box.locator(selector).first
        target.fill(value)
        target.dispatch_event("change")


def choose_option(page, field: str, contains: str) -> None:
    """Pick the option containing ``contains`` in the drop-down of ``field`` (once the form has drawn it)."""
    select = page.locator(f".wb-field-{field} select").first
    select.locator("option", has_text=contains).first.wait_for(state="attached")
    wanted = [text for text in select.locator("option").all_inner_texts() if contains in text]
    select.select_option(label=wanted[0])


def open_calendar(page, server, username: str = "protocol") -> float:
    open_dashboard(page, server, PATH)
    sign_in(page, username)
    started = time.monotonic()
    page.locator(".wb-calendar-grid").wait_for()
    page.locator(".wb-calendar-day").first.wait_for()
    return time.monotonic() - started


def choose_guest(page, search: str, label_contains: str) -> str:
    """Search the guest picker and pick the first person whose option contains ``label_contains``; its label."""
    box = page.locator(".wb-field-guest_ids")
    query = box.locator(".wb-person-picker input[type=text], input[type=text]").first
    query.fill(search)
    query.press("Enter")
    select = box.locator("select").first
    page.wait_for_function("([box, wanted]) => [...document.querySelectorAll(box + ' select option')].some("
                           "o => o.textContent.replace(/\\u00a0/g, ' ').includes(wanted))",
                           arg=[".wb-field-guest_ids", label_contains])
    labels = select.locator("option").all_inner_texts()  # the browser shows spaces as no-break spaces
    wanted = next(text for text in labels if label_contains in text.replace("\xa0", " "))
    select.select_option(label=wanted)
    return wanted.replace("\xa0", " ")


def new_call(page, title: str, start: str, end: str, guest: tuple[str, str] | None = None) -> str:
    click(page, "สร้างกิจกรรมใหม่")
    page.locator(".wb-engagement-form").wait_for()
    # the form is reused: wait until the kernel's reset has reached the page (an empty title), or the reset could
    # arrive after the values typed below and clear some of them (seen on a loaded CI machine)
    page.wait_for_function("() => { const box = document.querySelector("
                           "'.wb-engagement-form .wb-field-title_th input, .wb-engagement-form .wb-field-title_th "
                           "textarea'); return box !== null && box.value === ''; }")
    choose_option(page, "kind", "เข้าเยี่ยมคารวะ")
    fill(page, "ชื่อเรื่อง (ภาษาไทย) *", title)
    set_date_time(page, "start", DAY, start)
    set_date_time(page, "end", DAY, end)
    choose_option(page, "principal_ids", "(ประธานวุฒิสภา)")
    chosen = choose_guest(page, *guest) if guest else ""
    click(page, "บันทึก")
    return chosen


def test_a_protocol_officer_books_a_call_is_refused_a_clash_records_it_and_exports_the_month(page, voila_server):
    shown_in = open_calendar(page, voila_server)
    print(f"\nmonth grid on screen {shown_in:.2f} s after signing in")

    # create a courtesy call for the Senate President and see it on the calendar
    # the guest picker tells people apart: title, name, position and organisation, found by the organisation
    guest = new_call(page, TITLE, "07:00", "07:45", guest=("ญี่ปุ่น", "— เอกอัครราชทูต, สถานเอกอัครราชทูตญี่ปุ่น"))
    assert guest.startswith("ฯพณฯ ") and guest.endswith("— เอกอัครราชทูต, สถานเอกอัครราชทูตญี่ปุ่นประจำประเทศไทย")
    wait_for_text(page, f"บันทึกกิจกรรม «{TITLE}» แล้ว")
    page.get_by_role("button", name=f"07.00 น. {TITLE}").first.wait_for()
    wait_for_text(page, "พฤศจิกายน 2569")
    with new_session(voila_server.engine) as session:
        call = session.exec(select(Engagement).where(Engagement.title_th == TITLE)).one()
        assert len(engagements.read_engagement(session, engagement_id=call.id, actor=SYSTEM).guest_ids) == 1
    assert (call.kind, call.start) == ("courtesy_call", dt.datetime(2026, 11, 29, 7, 0))

    # a second call overlapping it is refused, naming the first; nothing is written
    new_call(page, CLASH, "07:30", "08:15")
    wait_for_text(page, "มีกิจกรรมซ้อนเวลา")
    wait_for_text(page, f"#{call.id} «{TITLE}»")
    with new_session(voila_server.engine) as session:
        assert session.exec(select(Engagement).where(Engagement.title_th == CLASH)).all() == []

    # record the conversation from the call's detail
    click(page, "ปิด")
    page.get_by_role("button", name=f"07.00 น. {TITLE}").first.click()
    click(page, "เขียนบันทึกการสนทนา")
    page.locator(".wb-record-form").wait_for()
    page.locator(".wb-record-form .wb-field-summary textarea").fill("หารือความร่วมมือด้านรัฐสภา (ทดสอบ)")
    page.locator(".wb-record-form .wb-field-topics textarea").fill("การแลกเปลี่ยนระหว่างรัฐสภา")
    page.locator(".wb-record-form").get_by_role("button", name="บันทึก", exact=True).click()
    wait_for_text(page, "บันทึกการสนทนาแล้ว")
    wait_for_text(page, "หารือความร่วมมือด้านรัฐสภา (ทดสอบ)")
    with new_session(voila_server.engine) as session:
        record = session.exec(select(ConversationRecord).where(ConversationRecord.engagement_id == call.id)).one()
    assert record.summary == "หารือความร่วมมือด้านรัฐสภา (ทดสอบ)"

    # export the month to iCalendar: the browser receives a file a calendar parser reads
    click(page, "ส่งออกปฏิทิน (.ics)")
    link = page.locator("a.wb-download-link")
    link.wait_for()
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert download.suggested_filename == "visit-calendar-2026-11-01-2026-11-30.ics"
    events = Calendar.from_ical(open(download.path(), "rb").read()).walk("VEVENT")
    ours = [e for e in events if str(e["SUMMARY"]) == TITLE]
    assert len(ours) == 1 and ours[0].decoded("DTSTART").hour == 7

    # moving a month on rebuilds the grid once
    started = time.monotonic()
    click(page, "ถัดไป ▶")
    wait_for_text(page, "ธันวาคม 2569")
    print(f"next month on screen {time.monotonic() - started:.2f} s after the click")
    assert "Traceback" not in page.content()
    assert page.foreign_requests == []


def test_a_title_with_markup_is_shown_as_text(page, voila_server):
    hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    early = dt.datetime.combine(DEMO_TODAY, dt.time(5, 0))  # the served calendar opens on the demo office's today
    with new_session(voila_server.engine) as session:
        engagements.create_engagement(session, actor=SYSTEM, data={
            "kind": "meeting", "title_th": hostile, "start": early, "end": early + dt.timedelta(minutes=30)})
    open_calendar(page, voila_server, "viewer")
    button = page.locator(".wb-calendar-item", has_text="<script>alert(2)</script>")
    button.first.click()
    page.locator(".wb-engagement-detail h3").wait_for()
    assert hostile in page.locator(".wb-engagement-detail h3").inner_text()
    assert page.locator(".wb-calendar img, .wb-engagement-detail img").count() == 0
    assert page.dialogs == []
    assert page.get_by_role("button", name="สร้างกิจกรรมใหม่").count() == 0  # a viewer has no write buttons
