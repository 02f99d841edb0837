"""The programme of a visit (issue 19): day by day as in the database, B.E. dates in Thai, English for the guests,
both side by side, versions with the latest marked and the changes listed, refusals that write nothing."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlmodel import select

from tests.factories import make_person, make_user, user_model
from tests.visit_documents_helpers import docx_header_text, docx_text, pdf_text
from tests.visit_factories import make_engagement, make_principal, make_visit
from workbench.cli import main
from workbench.db import SYSTEM
from workbench.documents.programme import export_programme
from workbench.errors import NotFound, ValidationError
from workbench.models.base import Clearance
from workbench.models.users import Role
from workbench.models.visit_documents import VisitDocumentVersion
from workbench.models.visits import Engagement
from workbench.services import engagements, visit_documents


def _visit_with_programme(session, **visit):
    principal = make_principal(session)
    guest = make_person(session)
    officer = make_person(session)
    trip = make_visit(session, officer_ids=[officer.id], **visit)
    calls = [
        make_engagement(session, visit_id=trip.id, kind="meeting", title_th="หารือข้อราชการ", title_en="Talks",
                        start=dt.datetime(2026, 12, 2, 10, 0), end=dt.datetime(2026, 12, 2, 11, 30),
                        venue="ห้องรับรอง 1", principal_ids=[principal.id], guest_ids=[guest.id]),
        make_engagement(session, visit_id=trip.id, kind="airport_welcome", title_th="ต้อนรับที่สนามบิน",
                        title_en="Airport welcome", start=dt.datetime(2026, 12, 1, 9, 0),
                        end=dt.datetime(2026, 12, 1, 10, 0), venue="สุวรรณภูมิ"),
        make_engagement(session, visit_id=trip.id, kind="reception", title_th="งานเลี้ยงรับรอง", title_en="Dinner",
                        start=dt.datetime(2026, 12, 2, 18, 30), end=dt.datetime(2026, 12, 2, 21, 0),
                        host_id=principal.id, principal_ids=[principal.id], guest_ids=[guest.id]),
    ]
    visit_documents.set_programme_details(session, engagement_id=calls[2].id, actor=SYSTEM, data={
        "dress_code_th": "ชุดไทยพระราชทาน", "dress_code_en": "National dress"})
    return trip, calls, officer


def _times(text: str, pattern: str) -> list[str]:
    return re.findall(pattern, text)


def test_the_thai_programme_lists_days_and_times_in_order_as_in_the_database(session):
    trip, _, officer = _visit_with_programme(session)
    programme = visit_documents.issue_programme(session, visit_id=trip.id, lang="th", actor=SYSTEM)
    text = docx_text(export_programme(programme, "docx"))
    stored = session.exec(select(Engagement).where(Engagement.visit_id == trip.id).order_by(Engagement.start)).all()
    assert _times(text, r"(\d\d\.\d\d) – (\d\d\.\d\d) น\.") == [
        (f"{e.start:%H.%M}", f"{e.end:%H.%M}") for e in stored]
    assert text.index("วันอังคารที่ 1 ธันวาคม 2569") < text.index("วันพุธที่ 2 ธันวาคม 2569")
    assert "กำหนดการ" in text and "ฉบับที่ 1 (ฉบับล่าสุด)" in text
    assert "ชุดไทยพระราชทาน" in text and officer.display_name("th") in text


def test_the_english_programme_for_the_guests_is_a_pdf_with_the_same_times(session):
    trip, _, _ = _visit_with_programme(session)
    programme = visit_documents.issue_programme(session, visit_id=trip.id, lang="en", actor=SYSTEM)
    text = pdf_text(export_programme(programme, "pdf"))
    assert _times(text, r"(\d\d:\d\d)–\s*(\d\d:\d\d)") == [("09:00", "10:00"), ("10:00", "11:30"), ("18:30", "21:00")]
    assert text.index("Tuesday 1 December 2026") < text.index("Wednesday 2 December 2026")
    assert "National" in text and "Dinner" in text and "Programme" in text


def test_both_languages_side_by_side(session):
    trip, _, _ = _visit_with_programme(session)
    text = docx_text(export_programme(visit_documents.issue_programme(session, visit_id=trip.id, lang="both",
                                                                      actor=SYSTEM), "docx"))
    row = next(line for line in text.splitlines() if "หารือข้อราชการ" in line)
    assert "| Talks |" in row
    assert "กำหนดการ / Programme" in text


def test_an_unchanged_programme_keeps_its_version_a_changed_one_is_the_next_with_its_changes(session):
    trip, calls, _ = _visit_with_programme(session)
    first = visit_documents.issue_programme(session, visit_id=trip.id, lang="th", actor=SYSTEM)
    again = visit_documents.issue_programme(session, visit_id=trip.id, lang="en", actor=SYSTEM)
    assert (first.version, again.version) == (1, 1)
    engagements.update_engagement(session, engagement_id=calls[0].id, actor=SYSTEM, data={"venue": "ห้องประชุม 2"})
    make_engagement(session, visit_id=trip.id, kind="site_visit", title_th="ศึกษาดูงาน", title_en="Site visit",
                    start=dt.datetime(2026, 12, 3, 9, 0), end=dt.datetime(2026, 12, 3, 11, 0))
    second = visit_documents.issue_programme(session, visit_id=trip.id, lang="th", actor=SYSTEM)
    assert second.version == 2 and second.latest
    assert [(c.what, c.title_th) for c in second.changes] == [("changed", "หารือข้อราชการ"), ("added", "ศึกษาดูงาน")]
    text = docx_text(export_programme(second, "docx"))
    assert "ฉบับที่ 2 (ฉบับล่าสุด)" in text and "แก้ไข: หารือข้อราชการ (สถานที่)" in text and "เพิ่ม: ศึกษาดูงาน" in text
    listed = visit_documents.document_versions(session, visit_id=trip.id, kind="programme", actor=SYSTEM)
    assert [(v.number, v.latest) for v in listed] == [(2, True), (1, False)]


def test_a_viewer_gets_an_unnumbered_draft_and_saves_no_version(session):
    trip, _, _ = _visit_with_programme(session)
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    programme = visit_documents.issue_programme(session, visit_id=trip.id, lang="th", actor=viewer)
    assert programme.version is None
    assert "ร่าง" in docx_text(export_programme(programme, "docx"))
    assert session.exec(select(VisitDocumentVersion)).all() == []


def test_a_classified_engagement_appears_only_for_the_cleared_and_marks_the_programme(session):
    trip, calls, _ = _visit_with_programme(session)
    engagements.update_engagement(session, engagement_id=calls[0].id, actor=SYSTEM,
                                  data={"classification": Clearance.CONFIDENTIAL})
    plain = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))
    cleared = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER, clearance=Clearance.SECRET))
    hidden = visit_documents.issue_programme(session, visit_id=trip.id, lang="th", actor=plain)
    assert "หารือข้อราชการ" not in docx_text(export_programme(hidden, "docx")) and hidden.classification == 0
    shown = visit_documents.issue_programme(session, visit_id=trip.id, lang="th", actor=cleared)
    payload = export_programme(shown, "docx")
    assert "หารือข้อราชการ" in docx_text(payload)
    assert docx_header_text(payload).count("ชั้นความลับ: ลับ") == 2  # top and bottom of every page
    pdf = pdf_text(export_programme(shown, "pdf"))
    assert pdf.count("ชั้นความลับ: ลับ") >= 2


def test_a_visit_without_engagements_is_refused_by_name_and_no_file_is_written(session, engine, tmp_path, capsys):
    trip = make_visit(session)
    with pytest.raises(ValidationError) as caught:
        visit_documents.issue_programme(session, visit_id=trip.id, lang="en", actor=SYSTEM)
    assert "ยังไม่มีกิจกรรม" in caught.value.th and "has no engagements" in caught.value.en
    out = tmp_path / "p.pdf"
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "programme", "--visit", str(trip.id), "--lang", "en", "--out", str(out)]) != 0
    assert not out.exists()
    assert "has no engagements" in capsys.readouterr().err


def test_an_engagement_without_an_english_title_is_named_for_the_english_programme(session):
    trip, calls, _ = _visit_with_programme(session)
    engagements.update_engagement(session, engagement_id=calls[1].id, actor=SYSTEM, data={"title_en": ""})
    with pytest.raises(ValidationError) as caught:
        visit_documents.issue_programme(session, visit_id=trip.id, lang="en", actor=SYSTEM)
    assert "ต้อนรับที่สนามบิน" in caught.value.en


def test_the_cli_writes_docx_and_pdf(session, engine, tmp_path, capsys):
    trip, _, _ = _visit_with_programme(session)
    url = engine.url.render_as_string(hide_password=False)
    for name, lang in (("p.docx", "th"), ("p.pdf", "both")):
        assert main(["--database", url, "programme", "--visit", str(trip.id), "--lang", lang,
                     "--out", str(tmp_path / name)]) == 0
    assert "หารือข้อราชการ" in docx_text((tmp_path / "p.docx").read_bytes())
    assert "Talks" in pdf_text((tmp_path / "p.pdf").read_bytes())
    with pytest.raises(NotFound):
        visit_documents.issue_programme(session, visit_id=99999, lang="th", actor=SYSTEM)
