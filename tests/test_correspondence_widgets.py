"""The correspondence dashboard's widgets, without a browser: register from the generated form, find and open,
route and sign off, upload and download, print and export, the home page's search box; an uncleared viewer sees
no classified entry anywhere on the page."""

from __future__ import annotations

import datetime as dt
import html
import io

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from workbench.config import get_settings
from workbench.db import SYSTEM, new_session
from workbench.models.base import Clearance
from workbench.models.correspondence import Correspondence
from workbench.models.users import User
from workbench.models.visits import ConversationRecord
from workbench.services import correspondence as corr
from workbench.services import monitoring, search
from workbench.ui.app import opened_item
from workbench.ui.correspondence.app import CorrespondenceApp
from workbench.ui.home.dashboard import HomePage


@pytest.fixture(autouse=True)
def _store(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_ATTACHMENTS_DIR", str(tmp_path / "store"))
    get_settings.cache_clear()


def user(engine, name):
    with new_session(engine) as session:
        return session.exec(select(User).where(User.username == name)).one()


def fill(app, **values):
    for name, value in values.items():
        app.form.inputs[name].value = value


def test_the_form_is_generated_from_the_schema_and_registers_with_a_number(demo_engine):
    app = CorrespondenceApp(demo_engine, user(demo_engine, "officer"))
    assert {"register", "subject", "doc_number", "doc_date", "sender", "recipient", "doc_type", "urgency",
            "classification", "action_requested", "work_group", "assignee_id", "visit_id", "remarks"} <= set(
        app.form.inputs)
    assert [v for _, v in app.form.classification.options] == [0]  # the officer holds no clearance

    fill(app, register="incoming", subject="ขอเชิญร่วมประชุมสมัชชารัฐสภาอาเซียน", doc_number="กต 0201/77",
         sender="กระทรวงการต่างประเทศ", urgency="urgent")
    app.form.save_button.click()

    assert "ขอเชิญร่วมประชุมสมัชชารัฐสภาอาเซียน" in app.form.notice.label.value, app.form.notice.label.value
    with new_session(demo_engine) as session:
        doc = session.exec(select(Correspondence).where(Correspondence.doc_number == "กต 0201/77")).one()
    assert app.detail.document_id == doc.id and "สมัชชารัฐสภาอาเซียน" in app.detail.summary.value
    assert app.form.inputs["subject"].value == ""  # cleared for the next one


def test_a_bad_form_shows_the_field_and_saves_nothing(demo_engine):
    app = CorrespondenceApp(demo_engine, user(demo_engine, "officer"))
    fill(app, register="incoming", subject="   ")
    app.form.save_button.click()
    assert app.form.notice.kind == "error" and "เรื่อง" in app.form.notice.label.value


def test_find_by_a_thai_fragment_open_route_and_sign_off(demo_engine):
    admin = user(demo_engine, "admin")
    with new_session(demo_engine) as session:
        doc = corr.register_document(session, actor=SYSTEM, data={
            "register": "incoming", "subject": "ขอความอนุเคราะห์จัดล่ามภาษาโปรตุเกส"})
    app = CorrespondenceApp(demo_engine, admin)
    app.table.query.value = "โปรตุเก"
    assert [d.id for d in app.table.rows] == [doc.id]
    assert "พบ 1 รายการ" in app.table.count.value

    open_button = app.table.rows_box.children[1].children[0]
    open_button.click()
    assert app.detail.document_id == doc.id

    officer = user(demo_engine, "officer")
    app.detail.action.value = "assign"
    app.detail.to_user.value = officer.id
    app.detail.note.value = "โปรดประสานล่าม"
    app.detail.route_button.click()
    assert "โปรดประสานล่าม" in app.detail.steps.value
    app.detail.action.value = "sign_off"
    app.detail.route_button.click()
    assert app.detail.notice.kind == "success", app.detail.notice.label.value
    with new_session(demo_engine) as session:
        assert session.get(Correspondence, doc.id).status == "signed_off"
    assert app.detail.routing.layout.display == "none"


def test_upload_and_download_an_attachment(demo_engine):
    app = CorrespondenceApp(demo_engine, user(demo_engine, "admin"))
    with new_session(demo_engine) as session:
        doc = corr.register_document(session, actor=SYSTEM, data={"register": "incoming", "subject": "มีไฟล์แนบ"})
    app.open_document(doc.id)
    app.detail.upload.value = ({"name": "กำหนดการ.pdf", "type": "application/pdf", "size": 9,
                                "content": memoryview(b"%PDF-1.4\n"), "last_modified": dt.datetime(2026, 1, 1)},)
    assert "กำหนดการ.pdf" in app.detail.notice.label.value, app.detail.notice.label.value
    download = app.detail.files.children[0].children[0]
    download.click()
    assert app.detail.download.payload == b"%PDF-1.4\n"


def test_print_and_export_the_register(demo_engine):
    app = CorrespondenceApp(demo_engine, user(demo_engine, "admin"))
    app.export.register.value = "incoming"
    app.export.year.value = 2026
    app.export.xlsx_button.click()
    sheet = load_workbook(io.BytesIO(app.export.download.payload)).active
    assert sheet.cell(1, 1).value == "เลขทะเบียนรับ" and sheet.max_row > 50
    app.export.pdf_button.click()
    assert app.export.download.payload.startswith(b"%PDF"), app.export.notice.label.value


def test_my_desk_and_overdue_are_read_when_their_tab_opens(demo_engine):
    app = CorrespondenceApp(demo_engine, user(demo_engine, "officer"))
    assert app.desk.rows == []
    app.tabs.selected_index = 1
    assert app.desk.rows and all(d.assignee_name for d in app.desk.rows)
    app.tabs.selected_index = 2
    assert app.overdue.rows and all(corr.is_overdue(d) for d in app.overdue.rows)
    assert "เกินกำหนด" in app.overdue.rows_box.children[1].children[1].value


def test_an_uncleared_viewer_sees_no_classified_entry(demo_engine):
    with new_session(demo_engine) as session:
        corr.register_document(session, actor=SYSTEM, data={
            "register": "incoming", "subject": "รายงานลับเฉพาะผู้ได้รับอนุญาต", "classification": Clearance.CONFIDENTIAL})
        total_visible = corr.count_documents(session, actor=user(demo_engine, "viewer"))
        total = corr.count_documents(session, actor=SYSTEM)
    assert total_visible < total
    app = CorrespondenceApp(demo_engine, user(demo_engine, "viewer"))
    assert app.table.total == total_visible
    assert f"{total_visible:,}" in app.table.count.value
    app.table.query.value = "รายงานลับเฉพาะ"
    assert app.table.rows == [] and app.table.total == 0
    assert not app.can_register and app.form not in app.tabs.children
    app.export.xlsx_button.click()
    assert b"\xe0\xb8\xa3\xe0\xb8\xb2\xe0\xb8\xa2\xe0\xb8\x87\xe0\xb8\xb2\xe0\xb8\x99\xe0\xb8\xa5\xe0\xb8\xb1\xe0\xb8\x9a" \
        not in app.export.download.payload


def test_the_home_search_box_finds_letters_and_opens_their_dashboard(demo_engine):
    with new_session(demo_engine) as session:
        found = corr.register_document(session, actor=SYSTEM, data={"register": "incoming",
                                                                    "subject": "ขอเชิญเยือนมองโกเลีย"})
        corr.register_document(session, actor=SYSTEM, data={
            "register": "incoming", "subject": "ท่าทีลับต่อมองโกเลีย", "classification": Clearance.CONFIDENTIAL})
    home = HomePage(demo_engine, user(demo_engine, "viewer"))
    home.search.query.value = "มองโก"
    assert [h.title for h in home.search.hits] == ["ขอเชิญเยือนมองโกเลีย"]
    home.search.results.children[0].children[0].click()
    assert home.requested == f"correspondence?open=correspondence:{found.id}"
    assert opened_item(f"open=correspondence%3A{found.id}") == ("correspondence", found.id)
    assert opened_item("open=<script>:1") is None and opened_item("") is None

    app = CorrespondenceApp(demo_engine, user(demo_engine, "viewer"))  # the page the link opens
    app.open_item("correspondence", found.id)
    assert "ขอเชิญเยือนมองโกเลีย" in app.detail.summary.value

    cleared = HomePage(demo_engine, user(demo_engine, "admin"))
    cleared.search.query.value = "มองโก"
    assert {h.title for h in cleared.search.hits} == {"ขอเชิญเยือนมองโกเลีย", "ท่าทีลับต่อมองโกเลีย"}


def test_a_search_hit_on_a_note_opens_the_note_under_it_and_a_record_opens_its_engagement(demo_engine):
    analyst = user(demo_engine, "analyst")
    home = HomePage(demo_engine, analyst)
    with new_session(demo_engine) as session:
        note = monitoring.list_notes(session, actor=analyst, limit=1)[0]
        record = session.exec(select(ConversationRecord)).first()
    home.search.query.value = note.title
    hit_rows = [row for row, hit in zip(home.search.results.children, home.search.hits, strict=True)
                if hit.kind == "note" and hit.id == note.id]
    row, shown = hit_rows[0].children
    row.children[0].click()
    assert html.escape(note.summary[:40]) in shown.value and home.requested == ""

    with new_session(demo_engine) as session:
        hits = search.search(session, actor=analyst, query=record.summary[:20])
    assert any(h.kind == "record" and h.target == f"engagement:{record.engagement_id}" for h in hits)
