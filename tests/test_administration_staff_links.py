"""The staff registry's links to the rest of the office: an officer's passports are the passport register's own
(read from there, never copied), an absence may name the visit it is travel for (checked like any link), and who is
away is drawn on the visit calendar for those who may read the registry."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.factories import make_person, make_user, user_model
from tests.visit_factories import make_visit
from workbench.db import SYSTEM
from workbench.errors import NotFound
from workbench.models.administration import Absence
from workbench.models.base import Clearance
from workbench.models.users import Role
from workbench.services import calendar
from workbench.services.administration import staff
from workbench.services.travel import passports
from workbench.ui.administration.staff_panel import StaffPanel
from workbench.ui.notice import Notice

DAY = dt.date(2026, 12, 7)


@pytest.fixture
def officer(session):
    return user_model(session, make_user(session, role=Role.ADMIN_OFFICER))


@pytest.fixture
def member(session, officer):
    return staff.add_staff(session, actor=officer, data={
        "person_id": make_person(session).id, "position_th": "นักวิเทศสัมพันธ์ชำนาญการ",
        "work_group": "international_relations"})


def register_passport(session, person_id, number, expiry, kind="official"):
    return passports.register_passport(session, actor=SYSTEM, data={
        "person_id": person_id, "passport_type": kind, "number": number, "issue_date": dt.date(2024, 1, 5),
        "expiry_date": expiry})


# --- passports ---------------------------------------------------------------------------------------------------

def test_an_officers_passports_come_from_the_passport_register(session, officer, member):
    register_passport(session, member.person_id, "A1234567", dt.date(2029, 1, 4))
    diplomatic = register_passport(session, member.person_id, "D7654321", dt.date(2031, 6, 30), kind="diplomatic")
    register_passport(session, make_person(session).id, "A9999999", dt.date(2030, 1, 1))  # someone else's

    rows = staff.staff_passports(session, staff_id=member.id, actor=officer, today=DAY)

    assert [(r["number"], r["passport_type"].value) for r in rows] == [("D7654321", "diplomatic"),
                                                                       ("A1234567", "official")]
    assert rows[0]["passport_id"] == diplomatic.id and rows[0]["days_left"] == (dt.date(2031, 6, 30) - DAY).days
    # a move recorded in the travel register shows at once: the registry holds no copy
    passports.move_passport(session, actor=SYSTEM, data={"passport_id": diplomatic.id, "location": "holder",
                                                         "moved_on": DAY})
    assert staff.staff_passports(session, staff_id=member.id, actor=officer, today=DAY)[0]["location"] == "holder"
    passports.cancel_passport(session, passport_id=diplomatic.id, reason="ชำรุด", actor=SYSTEM)
    assert [r["number"] for r in staff.staff_passports(session, staff_id=member.id, actor=officer, today=DAY)] == [
        "A1234567"]
    assert staff.passports_by_staff(session, actor=officer, today=DAY)[member.id][0]["number"] == "A1234567"


def test_the_staff_panel_shows_each_officers_passports(engine, session, officer, member):
    register_passport(session, member.person_id, "D7654321", dt.date(2031, 6, 30), kind="diplomatic")
    panel = StaffPanel(engine, officer, notice=Notice(), today=DAY)
    panel.refresh()
    [row] = panel.table.rows
    assert "ทูต D7654321 หมดอายุ 30 มิ.ย. 2574" in row["passports"] and "(สำนักงาน)" in row["passports"]
    assert "D7654321" in panel.table.table.value


def test_passports_of_an_unknown_officer_are_not_found(session, officer):
    with pytest.raises(NotFound):
        staff.staff_passports(session, staff_id=987654, actor=officer, today=DAY)


# --- absences and their visit ----------------------------------------------------------------------------------

def test_an_absence_for_a_visit_that_does_not_exist_is_refused(session, officer, member):
    with pytest.raises(NotFound) as refused:
        staff.record_absence(session, actor=officer, data={"staff_id": member.id, "kind": "travel",
                                                           "start_date": DAY, "end_date": DAY, "visit_id": 987654})
    assert refused.value.field == "visit_id"
    assert session.exec(select(Absence)).all() == []


def test_an_absence_for_a_visit_above_the_officers_clearance_reads_as_missing(session, officer, member):
    secret = make_visit(session, classification=Clearance.SECRET)
    with pytest.raises(NotFound) as refused:
        staff.record_absence(session, actor=officer, data={"staff_id": member.id, "kind": "travel",
                                                           "start_date": DAY, "end_date": DAY, "visit_id": secret.id})
    with pytest.raises(NotFound) as missing:
        staff.record_absence(session, actor=officer, data={"staff_id": member.id, "kind": "travel",
                                                           "start_date": DAY, "end_date": DAY, "visit_id": 987654})
    assert refused.value.bilingual().replace(str(secret.id), "#") == missing.value.bilingual().replace("987654", "#")
    cleared = user_model(session, make_user(session, role=Role.ADMIN_OFFICER, clearance=Clearance.SECRET))
    absence = staff.record_absence(session, actor=cleared, data={"staff_id": member.id, "kind": "travel",
                                                                 "start_date": DAY, "end_date": DAY,
                                                                 "visit_id": secret.id})
    assert absence.visit_id == secret.id


# --- the calendar ----------------------------------------------------------------------------------------------

def test_who_is_away_is_on_the_visit_calendar(session, officer, member):
    visit = make_visit(session, direction="outbound", start_date=DAY, end_date=DAY + dt.timedelta(days=3))
    staff.record_absence(session, actor=officer, data={"staff_id": member.id, "kind": "travel", "start_date": DAY,
                                                       "end_date": DAY + dt.timedelta(days=3),
                                                       "reason": "ร่วมคณะ", "visit_id": visit.id})
    cancelled = staff.record_absence(session, actor=officer, data={
        "staff_id": member.id, "kind": "leave", "start_date": DAY + dt.timedelta(days=10),
        "end_date": DAY + dt.timedelta(days=11)})
    staff.cancel_absence(session, absence_id=cancelled.id, actor=officer)

    items = [i for i in calendar.calendar_items(session, actor=officer, first=dt.date(2026, 12, 1),
                                                last=dt.date(2026, 12, 31)) if i.item_type == "admin_absence"]

    [item] = items
    name = staff.list_staff(session, actor=officer)[0].name
    assert item.title_th == f"เดินทางไปราชการ: {name}" and item.kind == "absence_travel"
    assert (item.start.date(), item.end.date(), item.all_day) == (DAY, DAY + dt.timedelta(days=3), True)
    assert item.visit_id == visit.id and item.venue == "ร่วมคณะ"
    assert item.covers(DAY + dt.timedelta(days=2)) and not item.covers(DAY + dt.timedelta(days=4))
    outside = calendar.calendar_items(session, actor=officer, first=dt.date(2027, 1, 1), last=dt.date(2027, 1, 31))
    assert not [i for i in outside if i.item_type == "admin_absence"]


def test_only_those_who_may_read_the_registry_see_absences_on_the_calendar(session, officer, member):
    staff.record_absence(session, actor=officer, data={"staff_id": member.id, "kind": "leave", "start_date": DAY,
                                                       "end_date": DAY})
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    protocol = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))
    for actor, expected in ((officer, 1), (viewer, 0), (protocol, 0)):
        items = calendar.calendar_items(session, actor=actor, first=DAY, last=DAY)
        assert len([i for i in items if i.item_type == "admin_absence"]) == expected, actor.role


def test_the_calendars_labels_know_the_absence_kinds(session, officer, member):
    from workbench.documents.calendar_table import rows as calendar_rows

    staff.record_absence(session, actor=officer, data={"staff_id": member.id, "kind": "training", "start_date": DAY,
                                                       "end_date": DAY})
    items = [i for i in calendar.calendar_items(session, actor=officer, first=DAY, last=DAY)
             if i.item_type == "admin_absence"]
    [row] = calendar_rows(items, "th")
    assert row["kind"] == "เจ้าหน้าที่ฝึกอบรม" and row["type"] == "เจ้าหน้าที่ไม่อยู่ปฏิบัติงาน"
