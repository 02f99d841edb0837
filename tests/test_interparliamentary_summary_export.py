"""The meeting summary (สรุปผลการประชุม) exported as DOCX and PDF reads back as written: headings, B.E. dates, the
follow-ups equal to the database, TH Sarabun New 16 pt with the complex-script font set, and the classification
at the top and bottom of every page when (and only when) the reader may see classified items."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from sqlmodel import select

from workbench.db import SYSTEM
from workbench.documents import meeting_summary
from workbench.models.interparliamentary import Meeting, MeetingSummary, SummaryFollowUp
from workbench.models.people import Person
from workbench.services.interparliamentary import summaries
from workbench.services.users import get_user
from workbench.thai import format_date


def recent_ipu(session) -> Meeting:
    return session.exec(select(Meeting).where(Meeting.number == 153)).one()


def db_follow_ups(session, meeting):
    summary = session.exec(select(MeetingSummary).where(MeetingSummary.meeting_id == meeting.id)).one()
    rows = session.exec(select(SummaryFollowUp).where(SummaryFollowUp.summary_id == summary.id)
                        .order_by(SummaryFollowUp.id)).all()
    return [(f.action, session.get(Person, f.owner_id).display_name("th"), format_date(f.due_date)) for f in rows]


def docx_text(payload: bytes) -> tuple[Document, str]:
    document = Document(io.BytesIO(payload))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return document, "\n".join(parts)


def test_the_docx_reads_back_with_headings_be_dates_and_the_follow_ups_of_the_database(demo_session):
    meeting = recent_ipu(demo_session)
    view = summaries.summary_view(demo_session, meeting_id=meeting.id, actor=SYSTEM)

    document, text = docx_text(meeting_summary.render_docx(view))

    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["คณะผู้แทนไทย", "ผู้สังเกตการณ์จากสำนักงาน"]
    assert {"ข้อมติและผลการประชุมที่สำคัญ", "ท่าทีของไทยในแต่ละวาระ", "เรื่องที่ต้องดำเนินการต่อ"} <= set(headings)
    assert document.paragraphs[0].text == "สรุปผลการประชุม"
    assert "การประชุมสมัชชาสหภาพรัฐสภา ครั้งที่ 153" in text
    assert "15–19 ตุลาคม 2569" in text  # B.E. year
    table = document.tables[-1]
    rows = [(r.cells[1].text, r.cells[2].text, r.cells[3].text) for r in table.rows[1:]]
    assert rows == db_follow_ups(demo_session, meeting)
    assert [r.cells[4].text for r in table.rows[1:]] == ["ดำเนินการแล้ว", "ยังไม่ดำเนินการ", "ยังไม่ดำเนินการ"]


def test_the_docx_uses_th_sarabun_new_16_pt_for_thai_runs(demo_session):
    view = summaries.summary_view(demo_session, meeting_id=recent_ipu(demo_session).id, actor=SYSTEM)
    document, _ = docx_text(meeting_summary.render_docx(view))

    normal = document.styles["Normal"]
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "TH Sarabun New" and normal.font.size.pt == 16
    run = next(p for p in document.paragraphs if p.text.startswith("1. ")).runs[0]
    assert run._element.rPr.find(qn("w:rFonts")).get(qn("w:cs")) == "TH Sarabun New"  # noqa: SLF001
    assert run._element.rPr.find(qn("w:szCs")).get(qn("w:val")) == "32"  # noqa: SLF001
    title = document.paragraphs[0].runs[0]
    assert title.bold and title._element.rPr.find(qn("w:bCs")) is not None  # noqa: SLF001 - Thai bold


def test_a_cleared_reader_gets_the_classification_on_every_page_an_uncleared_one_not_even_the_item(demo_session):
    meeting = recent_ipu(demo_session)
    analyst, viewer = get_user(demo_session, username="analyst"), get_user(demo_session, username="viewer")

    cleared = summaries.summary_view(demo_session, meeting_id=meeting.id, actor=analyst)
    plain = summaries.summary_view(demo_session, meeting_id=meeting.id, actor=viewer)

    secret_document, secret_text = docx_text(meeting_summary.render_docx(cleared))
    header = secret_document.sections[0].header.paragraphs[0].text
    footer = secret_document.sections[0].footer.paragraphs[0].text
    assert header == footer == "ชั้นความลับ: ลับ"
    assert "ท่าทีลับ" in secret_text
    plain_document, plain_text = docx_text(meeting_summary.render_docx(plain))
    assert plain_document.sections[0].header.paragraphs[0].text == ""
    assert "ท่าทีลับ" not in plain_text and "ลับ:" not in plain_text
    assert "ไทยสนับสนุนร่างข้อมติ" in plain_text  # the earlier, unclassified version stays visible


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils (pdftotext) is not installed")
def test_the_pdf_reads_back_with_the_same_content_and_the_classification_on_every_page(demo_session, tmp_path):
    meeting = recent_ipu(demo_session)
    analyst = get_user(demo_session, username="analyst")
    view = summaries.summary_view(demo_session, meeting_id=meeting.id, actor=analyst)
    path = tmp_path / "summary.pdf"
    path.write_bytes(meeting_summary.render_pdf(view))

    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout

    assert "สรุปผลการประชุม" in text and "15–19 ตุลาคม 2569" in text
    plain = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True, text=True).stdout
    squashed = "".join(plain.split())  # table cells wrap: compare without white space
    for action, owner, due in db_follow_ups(demo_session, meeting):
        assert all("".join(value.split()) in squashed for value in (action, owner, due))
    pages = text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")
    assert all(page.count("ชั้นความลับ: ลับ") == 2 for page in pages if page.strip())
    assert "Sarabun" in fonts


def test_user_text_stays_text_in_the_html(demo_session):
    view = summaries.summary_view(demo_session, meeting_id=recent_ipu(demo_session).id, actor=SYSTEM)
    view.key_decisions = "<script>alert(1)</script>"

    page = meeting_summary.render_html(view, fonts="none")

    assert "<script>" not in page and "&lt;script&gt;" in page
