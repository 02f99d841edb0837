"""The documents of a visit in Chromium, as a protocol officer meets them (issue 19's "done when"): for a demo
inbound visit download the English programme, then the seating plan and the place cards of its dinner; for a
demo outbound visit produce the trip report. Every file is read back."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from tests.browser import open_dashboard, sign_in, wait_for_text
from tests.visit_documents_helpers import pdf_pages, pdf_text
from workbench.db import SYSTEM, new_session
from workbench.models.visits import Engagement, EngagementKind, Visit
from workbench.services import visit_documents

pytestmark = pytest.mark.browser

PATH = "/voila/render/visits.ipynb"
INBOUND = "คณะผู้แทนสภาที่ปรึกษาแห่งญี่ปุ่นเยือนวุฒิสภา"  # 28 Oct – 1 Nov 2026 in the demo office
OUTBOUND = "ประธานวุฒิสภาเยือนสิงคโปร์อย่างเป็นทางการ"  # 24 – 29 Oct 2026


def download(page, scope: str, button: str) -> tuple[str, bytes]:
    """Click ``button`` in the panel ``scope``, then the file's link; the name and bytes the browser saved."""
    panel = page.locator(scope)
    panel.get_by_role("button", name=button, exact=True).click()
    link = panel.locator("a.wb-download-link")
    link.wait_for()
    with page.expect_download() as caught:
        link.click()
    saved = caught.value
    return saved.suggested_filename, open(saved.path(), "rb").read()


def test_programme_seating_and_cards_for_an_inbound_visit_and_a_trip_report_for_an_outbound_one(
        page, voila_server, tmp_path):
    page.set_viewport_size({"width": 1366, "height": 900})
    open_dashboard(page, voila_server, PATH)
    sign_in(page, "protocol")
    page.locator(".wb-calendar-grid").wait_for()
    with new_session(voila_server.engine) as session:
        inbound = session.exec(select(Visit).where(Visit.title_th == INBOUND)).one()
        outbound = session.exec(select(Visit).where(Visit.title_th == OUTBOUND)).one()
        dinner = session.exec(select(Engagement).where(Engagement.visit_id == inbound.id,
                                                       Engagement.kind == EngagementKind.RECEPTION)).one()
        seats = visit_documents.seating_layout(session, engagement_id=dinner.id, actor=SYSTEM).seats

    # the inbound visit: its English programme
    page.locator(".wb-calendar-item", has_text=INBOUND).first.click()
    page.locator(".wb-visit-documents").wait_for()
    page.locator(".wb-visit-documents select").first.select_option(label="อังกฤษ")
    name, payload = download(page, ".wb-visit-documents", "กำหนดการ PDF")
    assert name == f"programme-visit{inbound.id}-en-v1.pdf"
    text = pdf_text(payload)
    assert "Programme" in text and "Official dinner" in text and "Wednesday 28 October 2026" in text
    wait_for_text(page, "ฉบับที่ 1")
    page.locator(".wb-visit-detail").screenshot(path=str(tmp_path / "visit-detail.png"))
    page.screenshot(path=str(tmp_path / "visits-1366x900.png"))
    print(f"\nscreenshots in {tmp_path}")

    # its dinner: the seating plan (one page) and the place cards (one per seat at the table)
    page.locator(".wb-visit-detail").get_by_role("button", name=re.compile("งานเลี้ยงรับรองอย่างเป็นทางการ")).click()
    page.locator(".wb-engagement-documents").wait_for()
    name, plan = download(page, ".wb-engagement-documents", "แผนผังที่นั่ง PDF")
    assert name == f"seating-plan-engagement{dinner.id}.pdf" and pdf_pages(plan) == 1
    assert "แผนผังที่นั่ง" in pdf_text(plan)
    page.locator(".wb-engagement-detail").screenshot(path=str(tmp_path / "engagement-detail.png"))
    name, cards = download(page, ".wb-engagement-documents", "ป้ายชื่อ PDF")
    assert name == f"place-cards-engagement{dinner.id}.pdf" and pdf_pages(cards) == len(seats)

    # the outbound visit, in October too: opening the dinner (29 October) moved the calendar to its month
    page.locator(".wb-calendar").get_by_text("ตุลาคม 2569", exact=True).wait_for()
    page.locator(".wb-calendar-item", has_text=OUTBOUND).first.click()
    page.locator(".wb-visit-documents").wait_for()
    wait_for_text(page, OUTBOUND)
    name, report = download(page, ".wb-visit-documents", "รายงาน PDF")
    assert name == f"trip-report-visit{outbound.id}-v1.pdf"
    text = pdf_text(report)
    assert "รายงานผลการเดินทาง" in text and "ค่าใช้จ่ายเทียบกับประมาณการ" in text and "2569" in text
    (tmp_path / "programme-en.pdf").write_bytes(payload)
    (tmp_path / "seating.pdf").write_bytes(plan)
    (tmp_path / "cards.pdf").write_bytes(cards)
    (tmp_path / "report.pdf").write_bytes(report)
    assert "Traceback" not in page.content()
    assert page.foreign_requests == []
