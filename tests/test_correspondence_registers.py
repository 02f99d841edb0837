"""Register entries: the fields of the regulation, validated with clear messages naming the field; links to
visits; secrecy in every list, search, count and export; opening a classified document is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.correspondence_factories import clerk, letter
from tests.visit_factories import make_visit
from workbench.db import SYSTEM
from workbench.documents.correspondence_register import render_html, render_xlsx
from workbench.errors import NotFound, ValidationError
from workbench.models.audit import AuditEntry
from workbench.models.base import Clearance
from workbench.models.correspondence import Correspondence
from workbench.services import correspondence as corr
from workbench.services import search


def test_an_incoming_letter_is_registered_with_every_field(session):
    visit = make_visit(session)
    officer = clerk(session)
    doc = corr.register_document(session, actor=officer, data=letter(
        doc_date=dt.date(2026, 3, 1), urgency="very_urgent", action_requested="for_action",
        work_group="กลุ่มงานพิธีการ", remarks="ต้นฉบับเก็บที่แฟ้ม 3", visit_id=visit.id,
        registered_at=dt.datetime(2026, 3, 2, 10, 15)))

    assert doc.register == "incoming" and doc.number == 1 and doc.year == 2026
    assert doc.doc_number == "กต 0201/1234" and doc.doc_date == dt.date(2026, 3, 1)
    assert doc.urgency == "very_urgent" and doc.action_requested == "for_action"
    assert doc.visit_id == visit.id
    assert doc.due_at == dt.datetime(2026, 3, 3, 10, 15)  # ด่วนมาก: 24 hours (data/correspondence_urgency.csv)
    assert doc.status == "routed"  # registered straight to a work group
    assert corr.list_documents(session, actor=officer, visit_id=visit.id)[0].id == doc.id


@pytest.mark.parametrize(("changes", "field"), [
    ({"subject": ""}, "subject"),
    ({"doc_type": "memo"}, "doc_type"),
    ({"urgency": "tomorrow"}, "urgency"),
    ({"register": "archive"}, "register"),
    ({"classification": 3}, "classification"),
    ({"doc_date": dt.date(2026, 5, 1), "registered_at": dt.datetime(2026, 4, 1, 9, 0)}, "doc_date"),
])
def test_bad_input_names_its_field_and_writes_nothing(session, changes, field):
    with pytest.raises(ValidationError) as error:
        corr.register_document(session, actor=SYSTEM, data=letter(**changes))
    assert error.value.field == field
    assert error.value.th and error.value.en
    assert session.exec(select(Correspondence)).all() == []


def test_a_link_to_a_missing_visit_is_not_found_and_writes_nothing(session):
    """As every link to a record: missing and not visible read the same (``not_found``), naming the field."""
    with pytest.raises(NotFound) as error:
        corr.register_document(session, actor=SYSTEM, data=letter(visit_id=99999))
    assert error.value.field == "visit_id" and "99999" in error.value.en
    assert session.exec(select(Correspondence)).all() == []


def test_nobody_registers_above_their_own_clearance(session):
    officer = clerk(session, clearance=Clearance.NONE)
    with pytest.raises(ValidationError) as error:
        corr.register_document(session, actor=officer, data=letter(classification=1))
    assert error.value.field == "classification"


def test_an_uncleared_viewer_never_finds_a_confidential_document(session):
    secret = corr.register_document(session, actor=SYSTEM, data=letter(subject="ท่าทีลับเรื่องทะเลจีนใต้",
                                                                      classification=1))
    corr.register_document(session, actor=SYSTEM, data=letter(subject="ท่าทีทั่วไปเรื่องการค้า"))
    viewer = clerk(session, role="viewer")
    cleared = clerk(session, role="viewer", clearance=Clearance.CONFIDENTIAL)

    assert [d.subject for d in corr.list_documents(session, actor=viewer)] == ["ท่าทีทั่วไปเรื่องการค้า"]
    assert corr.list_documents(session, actor=viewer, query="ทะเลจีน") == []
    assert corr.count_documents(session, actor=viewer) == 1
    assert corr.count_documents(session, actor=viewer, query="ท่าที") == 1
    assert all(h.id != secret.id for h in search.search(session, actor=viewer, query="ท่าที"))
    page = corr.register_page(session, actor=viewer, register="incoming", year=secret.year)
    assert "ทะเลจีน" not in render_html(page, register="incoming", year_ce=secret.year)
    assert b"secret" not in render_xlsx(page, register="incoming")
    assert len(page) == 1
    with pytest.raises(NotFound) as missing:
        corr.read_document(session, document_id=secret.id, actor=viewer)
    with pytest.raises(NotFound) as really_missing:
        corr.read_document(session, document_id=999999, actor=viewer)
    assert missing.value.th.replace(str(secret.id), "N") == really_missing.value.th.replace("999999", "N")

    assert corr.count_documents(session, actor=cleared) == 2
    assert [h.id for h in search.search(session, actor=cleared, query="ทะเลจีน")] == [secret.id]


def test_opening_a_classified_document_is_audited(session):
    secret = corr.register_document(session, actor=SYSTEM, data=letter(classification=2))
    analyst = clerk(session, role="analyst", clearance=Clearance.SECRET)

    corr.read_document(session, document_id=secret.id, actor=analyst)

    opened = session.exec(select(AuditEntry).where(AuditEntry.entity == "correspondence",
                                                   AuditEntry.action == "open")).all()
    assert [(e.actor_name, e.entity_id) for e in opened] == [(analyst.username, str(secret.id))]


def test_search_finds_any_thai_or_latin_fragment(session):
    doc = corr.register_document(session, actor=SYSTEM, data=letter(
        subject="ขอเชิญประชุม Inter-Parliamentary Union ณ นครเจนีวา", sender="IPU Secretariat"))

    for fragment in ("เจนีวา", "ประชุม", "inter-PARL", "ipu secre", "นคร"):
        assert [d.id for d in corr.list_documents(session, actor=SYSTEM, query=fragment)] == [doc.id], fragment
    assert corr.list_documents(session, actor=SYSTEM, query="โตเกียว") == []


def test_an_outgoing_reply_points_at_the_letter_it_answers(session):
    incoming = corr.register_document(session, actor=SYSTEM, data=letter())
    reply = corr.register_document(session, actor=SYSTEM, data=letter(
        register="outgoing", subject="ตอบรับคำเชิญประชุมหารือ", reply_to_id=incoming.id))
    assert reply.reply_to_id == incoming.id
    assert reply.display_number.startswith("สว 0010/")


def test_the_register_must_be_named(session):
    data = letter()
    del data["register"]
    with pytest.raises(ValidationError) as error:
        corr.register_document(session, actor=SYSTEM, data=data)
    assert error.value.field == "register"
