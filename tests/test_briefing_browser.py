"""The briefing dashboard as an analyst meets it in Chromium: pick a demo courtesy call, get the pack, reword a
talking point, save it, download the DOCX and the PDF and read them."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from docx import Document
from sqlmodel import select

from tests.browser import click, open_dashboard, sign_in, wait_for_text
from tests.conftest import IN_CI
from workbench.db import new_session
from workbench.models.briefing import BriefingPack, BriefingPackPoint

pytestmark = pytest.mark.browser

NEW_WORDING = "ขอบคุณที่สนับสนุนการประชุมสมัชชารัฐสภา (แก้ไขในเบราว์เซอร์)"


def download(page, text):
    click(page, text)
    link = page.locator(".wb-download-link")
    link.wait_for()
    with page.expect_download() as event:
        link.click()
    return event.value


def pdf_text(path):
    if shutil.which("pdftotext") is None:
        if IN_CI:
            pytest.fail("pdftotext missing (poppler-utils)")
        pytest.skip("pdftotext missing (poppler-utils)")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_an_analyst_prepares_and_downloads_a_brief(page, voila_server, tmp_path):
    open_dashboard(page, voila_server, "/voila/render/briefing.ipynb")
    sign_in(page, "analyst")
    page.locator(".wb-briefing").wait_for()

    picker = page.locator(".wb-briefing select").first
    call = picker.locator("option").nth(1).inner_text()
    assert "เข้าเยี่ยมคารวะ" in call or "ประชุม" in call
    picker.select_option(index=1)
    preview = page.locator(".wb-pack-preview")
    for heading in ("ประวัติผู้เข้าเยี่ยม", "รัฐสภาเปรียบเทียบกับรัฐสภาไทย", "สถานการณ์ล่าสุด", "ประเด็นการสนทนา"):
        preview.get_by_text(heading).first.wait_for()

    wording = page.locator(".wb-point textarea").first
    wording.fill(NEW_WORDING)
    wording.press("Tab")
    preview.get_by_text(NEW_WORDING).first.wait_for()

    click(page, "บันทึกประเด็นการสนทนา")
    wait_for_text(page, "บันทึกเป็นฉบับที่ 1 แล้ว")
    with new_session(voila_server.engine) as session:
        pack = session.exec(select(BriefingPack)).one()
        saved = [p.text for p in session.exec(select(BriefingPackPoint).where(BriefingPackPoint.pack_id == pack.id))]
    assert NEW_WORDING in saved

    docx_file = tmp_path / "pack.docx"
    download(page, "ดาวน์โหลด DOCX").save_as(docx_file)
    paragraphs = [p.text for p in Document(io.BytesIO(docx_file.read_bytes())).paragraphs]
    assert NEW_WORDING in paragraphs and "ข้อมูลประกอบการสนทนา" in paragraphs

    pdf_file = tmp_path / "pack.pdf"
    pdf = download(page, "ดาวน์โหลด PDF")
    assert pdf.suggested_filename.endswith(".pdf")
    pdf.save_as(pdf_file)
    text = pdf_text(pdf_file)
    assert "ข้อมูลประกอบการสนทนา" in text and "ประเด็นการสนทนา" in text
    assert "Traceback" not in page.content()
    assert page.foreign_requests == []


def test_a_viewer_reads_the_brief_but_cannot_save(page, voila_server):
    open_dashboard(page, voila_server, "/voila/render/briefing.ipynb")
    sign_in(page, "viewer")
    page.locator(".wb-briefing select").first.select_option(index=1)
    page.locator(".wb-pack-preview").get_by_text("ประเด็นการสนทนา").first.wait_for()

    assert page.get_by_role("button", name="บันทึกประเด็นการสนทนา").is_disabled()
    assert page.get_by_text("ชั้นความลับ:").count() == 0
