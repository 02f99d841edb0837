"""The travel documents dashboard in Chromium, as a protocol officer meets it (issue 14's "done when"): for the
demo delegation to Geneva, who is not ready and why; a letter refused naming the member without a passport; her
passport recorded; a draft without a number; then the passport letter and the visa note verbale issued with
consecutive outgoing numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from tests.browser import click, fill, open_dashboard, sign_in, wait_for_text
from tests.conftest import DEMO_TODAY
from workbench.db import SYSTEM, new_session
from workbench.models.correspondence import Correspondence
from workbench.models.travel import TravelLetter
from workbench.services.travel import readiness

pytestmark = pytest.mark.browser

PATH = "/voila/render/travel.ipynb"
SHOTS = Path("/tmp/travel")


def _geneva(engine):
    with new_session(engine) as session:
        trip = readiness.upcoming_outbound(session, actor=SYSTEM, today=DEMO_TODAY)[0]
        return readiness.visit_readiness(session, visit_id=trip.id, actor=SYSTEM, today=DEMO_TODAY)


def test_a_protocol_officer_sees_who_is_not_ready_and_issues_both_letters(page, voila_server):
    state = _geneva(voila_server.engine)
    [missing] = [m for m in state.members if m.passport_id is None]
    page.set_viewport_size({"width": 1366, "height": 900})
    open_dashboard(page, voila_server, PATH)
    sign_in(page, "protocol")
    page.locator(".wb-travel").wait_for()

    # who is not ready, and why
    page.locator(".wb-travel-readiness h3", has_text="IPU").wait_for()
    wait_for_text(page, "ยังไม่พร้อม")
    row = page.locator(".wb-travel-table tr", has_text=missing.name_th)
    assert "ไม่มีหนังสือเดินทางในทะเบียน" in row.inner_text()
    wait_for_text(page, "หนังสือเดินทางมีอายุไม่ถึง 6 เดือน")
    wait_for_text(page, "เลยกำหนด")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "travel-dashboard.png"))

    # a letter is refused, naming her; nothing is numbered
    with new_session(voila_server.engine) as session:
        before = session.exec(select(Correspondence.id)).all()
        last = max([e.number for e in session.exec(select(Correspondence).where(
            Correspondence.register == "outgoing", Correspondence.year == DEMO_TODAY.year)).all()], default=0)
    click(page, "ร่างหนังสือขอหนังสือเดินทาง")
    wait_for_text(page, f"{missing.name_th}: ไม่มีหนังสือเดินทางในทะเบียน")

    # her passport is recorded
    form = page.locator(".wb-travel-passport-form")
    form.locator("select").first.select_option(label=missing.name_th)
    fill(page, "เลขที่หนังสือเดินทาง", "O7700123")
    for index, day in enumerate(("2026-11-20", "2031-11-19")):
        target = form.locator(".wb-date-input input").nth(index)
        target.fill(day)
        target.dispatch_event("change")
    click(page, "บันทึกหนังสือเดินทาง")
    wait_for_text(page, "บันทึกหนังสือเดินทางเลขที่ O7700123 แล้ว")

    # a draft has no number
    click(page, "ร่างหนังสือขอหนังสือเดินทาง")
    wait_for_text(page, "ร่างหนังสือพร้อมแล้ว")
    assert page.locator(".wb-download-link", has_text="-draft.docx").count() == 1
    with new_session(voila_server.engine) as session:
        assert session.exec(select(Correspondence.id)).all() == before  # the demo office's own letters only

    # both letters issued, consecutive numbers
    page.get_by_role("button", name="PDF", exact=True).click()
    click(page, "ออกเลขหนังสือขอหนังสือเดินทาง")
    wait_for_text(page, f"ออกหนังสือเลขที่ สว 0010/{last + 1} แล้ว")
    click(page, "ออกเลขหนังสือขอวีซ่า")
    wait_for_text(page, f"ออกหนังสือเลขที่ สว 0010/{last + 2} แล้ว")
    page.locator(".wb-download-link", has_text="visa-letter").first.wait_for()
    wait_for_text(page, "ยื่นขอแล้ว")
    page.screenshot(path=str(SHOTS / "travel-dashboard-issued.png"), full_page=True)
    with new_session(voila_server.engine) as session:
        new = session.exec(select(Correspondence).where(Correspondence.id.not_in(before))
                           .order_by(Correspondence.number)).all()
        assert [e.number for e in new] == [last + 1, last + 2]
        assert [t.display_number for t in session.exec(select(TravelLetter).order_by(TravelLetter.id)).all()] == [
            f"สว 0010/{last + 1}", f"สว 0010/{last + 2}"]
    assert "Traceback" not in page.content()
    assert page.foreign_requests == []
