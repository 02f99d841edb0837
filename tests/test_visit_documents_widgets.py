"""The visit documents' buttons in the visits dashboard (issue 19), without a browser: set values, click, read the
file offered and the database."""

from __future__ import annotations

import base64
import datetime as dt
import re

from sqlmodel import select

from tests.factories import make_person, make_user, user_model
from tests.visit_documents_helpers import docx_text, pdf_pages, pdf_text
from tests.visit_factories import make_engagement, make_principal, make_visit
from workbench.db import SYSTEM
from workbench.models.users import Role
from workbench.models.visit_documents import ReportNarrative
from workbench.models.visits import ChecklistItem, Visit
from workbench.services import protocol, visits
from workbench.ui.visits.dashboard import VisitsApp

TODAY = dt.date(2026, 12, 10)


def payload_of(link_html: str) -> bytes:
    return base64.b64decode(re.search(r'href="data:[^;]+;base64,([^"]+)"', link_html).group(1))


def _visit(session):
    host, guest = make_principal(session), make_person(session)
    trip = make_visit(session)
    dinner = make_engagement(session, visit_id=trip.id, kind="reception", title_th="งานเลี้ยงรับรอง", title_en="Dinner",
                             start=dt.datetime(2026, 12, 2, 18, 30), end=dt.datetime(2026, 12, 2, 21, 0),
                             host_id=host.id, principal_ids=[host.id], guest_ids=[guest.id])
    protocol.set_precedence(session, engagement_id=dinner.id, person_id=guest.id,
                            rank_code="foreign-parliamentarian", actor=SYSTEM)
    return trip, dinner


def test_the_visit_panel_offers_the_english_programme_and_lists_its_version(engine, session):
    trip, _ = _visit(session)
    officer = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))
    app = VisitsApp(engine, officer, today=TODAY)
    app.open_item("visit", trip.id)
    panel = app.visit_detail.documents
    assert panel.visit_id == trip.id
    panel.lang.value = "en"
    panel.programme_buttons["docx"].click()
    assert panel.link.filename == f"programme-visit{trip.id}-en-v1.docx"
    text = docx_text(payload_of(panel.link.value))
    assert "Programme" in text and "Dinner" in text and "18:30–21:00" in text
    assert "ฉบับที่ 1 · " in panel.versions.value and "(ล่าสุด)" in panel.versions.value


def test_the_analyst_writes_the_narrative_issues_the_report_and_the_checklist_is_ticked(engine, session):
    trip, _ = _visit(session)
    analyst = user_model(session, make_user(session, role=Role.ANALYST))
    app = VisitsApp(engine, analyst, today=TODAY)
    app.open_item("visit", trip.id)
    panel = app.visit_detail.documents
    panel.summary.value = "การเยือนบรรลุวัตถุประสงค์"
    panel.recommendations.value = "ควรเชิญกลับ"
    panel.save_button.click()
    assert session.exec(select(ReportNarrative.summary).where(ReportNarrative.visit_id == trip.id)).all() == [
        "การเยือนบรรลุวัตถุประสงค์"]
    panel.report_buttons["docx"].click()
    text = docx_text(payload_of(panel.link.value))
    assert "สรุปผลการเยือน" in text and "การเยือนบรรลุวัตถุประสงค์" in text and "ควรเชิญกลับ" in text
    session.expire_all()
    item = session.exec(select(ChecklistItem).where(ChecklistItem.visit_id == trip.id,
                                                    ChecklistItem.code == "report")).one()
    assert item.done
    ticked = [box for box in app.visit_detail.checklist.children if box.value]
    assert ticked, "the panel shows the report item ticked"


def test_mark_reported_is_refused_without_the_report_then_works(engine, session):
    trip, _ = _visit(session)
    for status in ("approved", "confirmed", "completed"):
        visits.change_status(session, visit_id=trip.id, status=status, actor=SYSTEM)
    officer = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))
    app = VisitsApp(engine, officer, today=TODAY)
    app.open_item("visit", trip.id)
    panel = app.visit_detail.documents
    panel.reported_button.click()
    assert "ยังไม่ได้ออกรายงานผลการเดินทาง" in app.visit_detail.notice.label.value
    session.expire_all()
    assert session.get(Visit, trip.id).status == "completed"
    panel.report_buttons["docx"].click()
    panel.reported_button.click()
    session.expire_all()
    assert session.get(Visit, trip.id).status == "reported"


def test_the_engagement_panel_offers_the_seating_plan_and_place_cards(engine, session):
    trip, dinner = _visit(session)
    officer = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))
    app = VisitsApp(engine, officer, today=TODAY)
    app.open_item("engagement", dinner.id)
    documents = app.engagement_detail.documents
    assert documents.layout.display is None and documents.shape.value == "round"
    documents.shape.value = "long"
    documents.seating_button.click()
    plan = payload_of(documents.link.value)
    assert documents.link.filename == f"seating-plan-engagement{dinner.id}.pdf" and pdf_pages(plan) == 1
    assert "โต๊ะยาว" in pdf_text(plan)
    documents.cards_button.click()
    cards = payload_of(documents.link.value)
    assert pdf_pages(cards) == 2 and "ประธานวุฒิสภา" in pdf_text(cards)


def test_a_reception_without_guests_shows_no_document_buttons_and_a_refusal_writes_no_link(engine, session):
    host = make_principal(session)
    lonely = make_engagement(session, kind="reception", title_th="งานเลี้ยงไม่มีแขก", host_id=host.id,
                             principal_ids=[host.id])
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    app = VisitsApp(engine, viewer, today=TODAY)
    app.open_item("engagement", lonely.id)
    documents = app.engagement_detail.documents
    assert documents.layout.display == "none"
    documents.seating_button.click()  # even if reached, the service refuses it and nothing is offered
    assert documents.link.value == "" and "ยังไม่มีรายชื่อแขก" in app.engagement_detail.notice.label.value


def test_the_protocol_officer_sets_the_dress_code_and_contact_that_the_english_programme_shows(engine, session):
    trip, dinner = _visit(session)
    contact = make_person(session, given_name_th="สมใจ", family_name_th="ประสานงาน", given_name_en="Somjai",
                          family_name_en="Prasanngan")
    officer = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))
    app = VisitsApp(engine, officer, today=TODAY)
    app.open_item("engagement", dinner.id)
    form = app.engagement_detail.programme
    assert form.layout.display is None and form.dress_th.value == "" and form.contact.value == []
    form.dress_th.value = "ชุดสากลนิยม"
    form.dress_en.value = "Lounge suit"
    form.contact.query.value = "Somjai"
    form.contact.choices.value = contact.id
    form.save_button.click()
    assert "บันทึกรายละเอียดในกำหนดการแล้ว" in app.engagement_detail.notice.label.value

    app.open_item("visit", trip.id)
    panel = app.visit_detail.documents
    panel.lang.value = "en"
    panel.programme_buttons["docx"].click()
    text = docx_text(payload_of(panel.link.value))
    assert "Lounge suit" in text and "Somjai" in text and "ชุดสากลนิยม" not in text

    # what was saved comes back when the engagement is opened again; a viewer sees it but cannot change it
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    again = VisitsApp(engine, viewer, today=TODAY)
    again.open_item("engagement", dinner.id)
    shown = again.engagement_detail.programme
    assert (shown.dress_th.value, shown.dress_en.value, shown.contact.value) == (
        "ชุดสากลนิยม", "Lounge suit", [contact.id])
    assert shown.dress_th.disabled and shown.save_button not in shown.children
