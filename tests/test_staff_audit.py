"""The audit page answers "who changed this?": filters, Thai labels, Bangkok time in the B.E., before and after,
paging over the whole trail, sign-ins folded away unless asked for, classified opens shown."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.correspondence_factories import clerk, letter
from tests.factories import make_person, make_user, user_model
from workbench.errors import PermissionDenied
from workbench.models.base import Clearance
from workbench.models.users import Role
from workbench.services import audit, auth, people
from workbench.services.correspondence import registers
from workbench.ui.audit.labels import format_when
from workbench.ui.audit.table import AuditTable


@pytest.fixture
def admin(session):
    return user_model(session, make_user(session, role=Role.ADMINISTRATOR, clearance=Clearance.TOP_SECRET,
                                         username="auditor"))


def test_a_change_is_shown_with_who_when_in_bangkok_time_and_the_values_before_and_after(engine, session, admin):
    officer = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER, username="somchai"))
    person = make_person(session, given_name_th="สมหญิง")
    people.update_person(session, person_id=person.id, data={"given_name_th": "สมศรี"}, actor=officer)

    page = AuditTable(engine, admin)
    page.filters.who.value = "somchai"
    page.filters.kind.value = "person"
    page.filters.search_button.click()
    assert "หน้า 1 จาก 1 · 1 รายการ" == page.position.value
    html = page.table.value
    assert "บุคคล #" in html and "แก้ไข" in html and "somchai" in html
    assert "<s>สมหญิง</s> → สมศรี" in html
    assert "ชื่อ (ภาษาไทย)" in html  # the field's Thai label, not given_name_th
    assert "2569" in html and "น." in html  # B.E. and the Thai clock
    assert "(UTC)" not in html


def test_bangkok_time_is_seven_hours_after_the_stored_utc():
    assert format_when(dt.datetime(2026, 11, 30, 20, 15, 0)) == "1 ธ.ค. 2569 03.15.00 น."


def test_the_record_and_date_filters_narrow_the_trail(engine, session, admin):
    first = make_person(session)
    make_person(session)
    page = AuditTable(engine, admin)
    page.filters.kind.value = "person"
    page.filters.record.value = str(first.id)
    page.filters.search_button.click()
    assert page.position.value.endswith("· 1 รายการ")
    page.filters.date_to.date.value = "01/01/2560"  # long before
    page.filters.search_button.click()
    assert page.position.value.endswith("· 0 รายการ") and "ยังไม่มีรายการ" in page.table.value
    page.filters.clear_button.click()
    assert page.filters.kind.value == "" and page.filters.kind.index == 0


def test_paging_walks_the_whole_trail(engine, session, admin):
    for _ in range(7):
        make_person(session)
    found = audit.audit_page(session, actor=admin, entity="person", page_size=3)
    page = AuditTable(engine, admin, page_size=3)
    page.filters.kind.value = "person"
    page.filters.search_button.click()
    assert page.pages == found.pages >= 3 and page.previous_button.disabled
    seen = set()
    for number in range(1, page.pages + 1):
        assert page.position.value.startswith(f"หน้า {number} จาก {page.pages}")
        seen |= {row.id for row in audit.audit_page(session, actor=admin, entity="person", page=number,
                                                   page_size=3).rows}
        page.next_button.click()
    assert len(seen) == found.total and page.next_button.disabled


def test_sign_ins_are_folded_away_unless_asked_for(engine, session, admin):
    user = make_user(session, role=Role.VIEWER, username="visitor", password="correct horse")
    identity = auth.sign_in(session, username="visitor", password="correct horse")
    auth.start_web_session(session, identity=identity)
    assert user.id
    page = AuditTable(engine, admin)
    page.filters.who.value = "visitor"
    page.filters.search_button.click()
    assert "เข้าสู่ระบบ" not in page.table.value
    page.filters.sign_ins.value = True
    page.filters.search_button.click()
    assert "เข้าสู่ระบบ" in page.table.value


def test_opening_a_classified_document_is_recorded_and_shown(engine, session, admin):
    registrar = clerk(session, clearance=Clearance.SECRET)
    doc = registers.register_document(session, actor=registrar, data=letter(classification=2))
    registers.get_document(session, document_id=doc.id, actor=registrar)
    page = AuditTable(engine, admin)
    page.filters.kind.value = "correspondence"
    page.filters.search_button.click()
    assert "เปิดดู" in page.table.value and "หนังสือ (งานสารบรรณ)" in page.table.value


def test_a_reader_without_clearance_does_not_see_the_classified_record_in_the_trail(session):
    registrar = clerk(session, clearance=Clearance.SECRET)
    doc = registers.register_document(session, actor=registrar, data=letter(classification=2))
    registers.get_document(session, document_id=doc.id, actor=registrar)
    uncleared = user_model(session, make_user(session, role=Role.ADMINISTRATOR))
    found = audit.audit_page(session, actor=uncleared, entity="correspondence", include_sign_in=True)
    assert all(row.entity_id != str(doc.id) for row in found.rows)


def test_only_those_who_may_read_the_trail_get_it(session):
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    with pytest.raises(PermissionDenied):
        audit.audit_page(session, actor=viewer)
