"""Visits: scheduling with a protocol checklist, the status workflow, delegations, clearance."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.factories import make_person, make_user, user_model
from tests.visit_factories import country_id, make_visit
from workbench.db import SYSTEM
from workbench.errors import NotFound, PermissionDenied, ValidationError
from workbench.models.base import Clearance
from workbench.models.users import Role
from workbench.models.visits import ChecklistTemplateItem, Visit
from workbench.services import visits


def test_a_new_visit_is_proposed_with_its_officers(session):
    officer = make_person(session)
    visit = make_visit(session, officer_ids=[officer.id])
    assert visit.status == "proposed"
    assert visit.officer_ids == [officer.id]


def test_end_before_start_is_refused_and_nothing_is_written(session):
    with pytest.raises(ValidationError) as caught:
        make_visit(session, start_date=dt.date(2026, 12, 5), end_date=dt.date(2026, 12, 4))
    assert caught.value.field == "end_date"
    assert "วันสิ้นสุด" in str(caught.value) and "End date" in str(caught.value)
    assert session.exec(select(Visit)).all() == []


def test_unknown_country_is_refused(session):
    with pytest.raises(NotFound) as caught:
        make_visit(session, country_id=999_999)
    assert caught.value.field == "country_id"


def test_checklist_is_made_from_the_template_with_due_dates_relative_to_the_visit(session):
    visit = make_visit(session, direction="outbound", start_date=dt.date(2026, 12, 10), end_date=dt.date(2026, 12, 14))
    items = {item.code: item for item in visits.checklist(session, visit_id=visit.id, actor=SYSTEM)}
    template = {t.code: t for t in session.exec(select(ChecklistTemplateItem)).all()}
    assert items["programme"].due_date == dt.date(2026, 12, 10) - dt.timedelta(days=template["programme"].days_before)
    assert items["thanks"].due_date == dt.date(2026, 12, 14) + dt.timedelta(days=-template["thanks"].days_before)
    assert "passports-visas" in items and "security" not in items  # outbound only / inbound only


def test_checklist_items_are_ticked_off_and_overdue_ones_listed(session):
    visit = make_visit(session)
    items = visits.checklist(session, visit_id=visit.id, actor=SYSTEM)
    visits.set_checklist_item(session, item_id=items[0].id, done=True, actor=SYSTEM)
    overdue = visits.overdue_checklist(session, actor=SYSTEM, today=dt.date(2026, 11, 30))
    assert items[0].id not in [item.id for item, _ in overdue]
    assert any(item.code == "programme" for item, _ in overdue)


def test_the_status_workflow_in_order(session):
    from tests.visit_factories import make_engagement
    from workbench.services import visit_documents

    visit = make_visit(session)
    make_engagement(session, visit_id=visit.id)
    for status in ("approved", "confirmed", "completed"):
        visit = visits.change_status(session, visit_id=visit.id, status=status, actor=SYSTEM)
    visit_documents.issue_report(session, visit_id=visit.id, actor=SYSTEM)  # "reported" needs the report
    visit = visits.change_status(session, visit_id=visit.id, status="reported", actor=SYSTEM)
    assert visit.status == "reported"


@pytest.mark.parametrize(("path", "refused"), [
    ([], "confirmed"), ([], "completed"), (["approved"], "reported"),
    (["approved", "confirmed", "completed"], "cancelled"),
])
def test_transitions_out_of_order_are_refused(session, path, refused):
    visit = make_visit(session)
    for status in path:
        visits.change_status(session, visit_id=visit.id, status=status, actor=SYSTEM)
    with pytest.raises(ValidationError) as caught:
        visits.change_status(session, visit_id=visit.id, status=refused, actor=SYSTEM)
    assert caught.value.field == "status"
    assert session.get(Visit, visit.id).status == (path[-1] if path else "proposed")


def test_postponing_needs_a_reason_and_can_be_replanned(session):
    visit = make_visit(session)
    with pytest.raises(ValidationError):
        visits.change_status(session, visit_id=visit.id, status="postponed", actor=SYSTEM)
    visit = visits.change_status(session, visit_id=visit.id, status="postponed", reason="น้ำท่วม", actor=SYSTEM)
    assert visit.status_reason == "น้ำท่วม"
    assert visits.change_status(session, visit_id=visit.id, status="proposed", actor=SYSTEM).status == "proposed"


def test_delegation_members_with_roles_and_needs(session):
    visit = make_visit(session)
    head, interpreter = make_person(session), make_person(session)
    visits.add_delegation_member(session, actor=SYSTEM, data={"visit_id": visit.id, "person_id": head.id,
                                                              "role": "head", "dietary": "halal"})
    visits.add_delegation_member(session, actor=SYSTEM, data={"visit_id": visit.id, "person_id": interpreter.id,
                                                              "role": "interpreter", "accessibility": "wheelchair"})
    members = visits.delegation(session, visit_id=visit.id, actor=SYSTEM)
    assert [(m.role, p.id) for m, p in members] == [("head", head.id), ("interpreter", interpreter.id)]
    with pytest.raises(ValidationError):
        visits.add_delegation_member(session, actor=SYSTEM, data={"visit_id": visit.id, "person_id": head.id})


def test_only_protocol_officers_and_administrators_schedule_visits(session):
    analyst = user_model(session, make_user(session, role=Role.ANALYST))
    with pytest.raises(PermissionDenied):
        make_visit(session, actor=analyst)
    protocol = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))
    assert make_visit(session, actor=protocol).id


def test_a_classified_visit_is_invisible_without_clearance(session):
    secret = make_visit(session, title_th="ภารกิจลับ", classification=Clearance.SECRET)
    make_visit(session, title_th="เปิดเผย")
    viewer = user_model(session, make_user(session, role=Role.VIEWER, clearance=Clearance.CONFIDENTIAL))
    titles = [v.title_th for v in visits.list_visits(session, actor=viewer)]
    assert titles == ["เปิดเผย"]
    with pytest.raises(NotFound):
        visits.get_visit(session, visit_id=secret.id, actor=viewer)
    cleared = user_model(session, make_user(session, role=Role.VIEWER, clearance=Clearance.SECRET))
    assert len(visits.list_visits(session, actor=cleared)) == 2


def test_list_visits_by_range_and_direction(session):
    make_visit(session, title_th="ก", start_date=dt.date(2026, 1, 5), end_date=dt.date(2026, 1, 6))
    make_visit(session, title_th="ข", direction="outbound", country_id=country_id(session, "FR"))
    found = visits.list_visits(session, actor=SYSTEM, start=dt.date(2026, 11, 1), end=dt.date(2026, 12, 31))
    assert [v.title_th for v in found] == ["ข"]
    assert [v.title_th for v in visits.list_visits(session, actor=SYSTEM, direction="inbound")] == ["ก"]


def test_several_checklist_items_are_ticked_at_once(session):
    visit = make_visit(session)
    items = visits.checklist(session, visit_id=visit.id, actor=SYSTEM)
    assert visits.complete_checklist_items(session, visit_id=visit.id, item_ids=[i.id for i in items[:3]],
                                           actor=SYSTEM) == 3
    assert [i.done for i in visits.checklist(session, visit_id=visit.id, actor=SYSTEM)][:4] == [True, True, True, False]
    other = make_visit(session)
    with pytest.raises(ValidationError):
        visits.complete_checklist_items(session, visit_id=other.id, item_ids=[items[5].id], actor=SYSTEM)
