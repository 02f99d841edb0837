"""Office administration services: the staff registry and who is away, stock movements that never take the stock
below zero and warn at each item's threshold, the gift register with the NACC reporting rule, work plans."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import select

from tests.factories import make_person, make_user, user_model
from workbench.errors import ConflictError, PermissionDenied, ValidationError
from workbench.models.administration import Gift, StockItem, StockMovement
from workbench.models.audit import AuditEntry
from workbench.models.users import Role
from workbench.services.administration import gifts, plans, staff, stock

DAY = dt.date(2026, 11, 2)


@pytest.fixture
def officer(session):
    return user_model(session, make_user(session, role=Role.ADMIN_OFFICER))


def make_item(session, officer, *, threshold=5, received=0, code="SUP-T1"):
    item = stock.add_item(session, actor=officer, data={
        "code": code, "name_th": "กระดาษ A4", "unit": "รีม", "category": "supplies", "low_stock_threshold": threshold,
        "unit_value": "115.00"})
    if received:
        stock.move(session, actor=officer, data={"stock_item_id": item.id, "kind": "in", "quantity": received,
                                                  "moved_on": DAY, "reason": "ซื้อ"})
    return item


# --- staff ---------------------------------------------------------------------------------------------------

def test_an_officer_is_registered_with_group_languages_and_account(session, officer):
    person = make_person(session)
    account = make_user(session, role=Role.PROTOCOL_OFFICER, person_id=person.id)
    member = staff.add_staff(session, actor=officer, data={
        "person_id": person.id, "position_th": "นักวิเทศสัมพันธ์ชำนาญการ", "work_group": "diplomatic_protocol",
        "user_id": account.id, "languages": "en:fluent; fr:basic", "office_phone": "0 2831 9000"})

    listed = staff.list_staff(session, actor=officer)
    assert [(r.id, r.work_group.value, r.languages, r.user_id) for r in listed] == [
        (member.id, "diplomatic_protocol", "en:fluent, fr:basic", account.id)]
    assert staff.parse_languages(member.languages)[1][0] == "fr"


def test_a_language_level_outside_the_list_is_refused_naming_the_field(session, officer):
    with pytest.raises(ValidationError) as error:
        staff.add_staff(session, actor=officer, data={"person_id": make_person(session).id, "position_th": "x",
                                                      "work_group": "diplomatic_protocol", "languages": "en:superb"})
    assert error.value.field == "languages" and "superb" in error.value.en


def test_an_account_of_another_person_cannot_be_linked(session, officer):
    other = make_user(session)
    with pytest.raises(ValidationError) as error:
        staff.add_staff(session, actor=officer, data={"person_id": make_person(session).id, "position_th": "x",
                                                      "work_group": "general_administration", "user_id": other.id})
    assert error.value.field == "user_id"


def test_who_is_away_on_a_day_and_overlapping_absences_are_refused(session, officer):
    member = staff.add_staff(session, actor=officer, data={"person_id": make_person(session).id,
                                                           "position_th": "นักวิเทศสัมพันธ์", "work_group": "international_relations"})
    staff.record_absence(session, actor=officer, data={"staff_id": member.id, "kind": "leave", "start_date": DAY,
                                                       "end_date": DAY + dt.timedelta(days=2)})

    assert [r["kind"].value for r in staff.away_on(session, day=DAY + dt.timedelta(days=1), actor=officer)] == ["leave"]
    assert staff.away_on(session, day=DAY + dt.timedelta(days=3), actor=officer) == []
    assert staff.list_staff(session, actor=officer, on=DAY)[0].away == "leave"
    with pytest.raises(ConflictError):
        staff.record_absence(session, actor=officer, data={"staff_id": member.id, "kind": "travel",
                                                           "start_date": DAY + dt.timedelta(days=2),
                                                           "end_date": DAY + dt.timedelta(days=5)})


def test_a_viewer_may_not_write_the_registry(session):
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    with pytest.raises(PermissionDenied):
        staff.add_staff(session, actor=viewer, data={"person_id": make_person(session).id, "position_th": "x",
                                                     "work_group": "general_administration"})


# --- stock ---------------------------------------------------------------------------------------------------

def test_moving_stock_below_its_threshold_shows_the_warning(session, officer):
    item = make_item(session, officer, threshold=5, received=12)
    assert stock.low_stock(session, actor=officer) == []

    stock.move(session, actor=officer, data={"stock_item_id": item.id, "kind": "out", "quantity": 8, "moved_on": DAY,
                                              "reason": "เบิกใช้ในการประชุม"})

    low = stock.low_stock(session, actor=officer)
    assert [(i.code, i.on_hand, i.low) for i in low] == [("SUP-T1", 4, True)]


def test_stock_cannot_go_negative_and_nothing_is_written(session, officer):
    item = make_item(session, officer, received=3)
    before = session.exec(select(StockMovement)).all()

    with pytest.raises(ConflictError) as error:
        stock.move(session, actor=officer, data={"stock_item_id": item.id, "kind": "out", "quantity": 4,
                                                  "moved_on": DAY, "reason": "เบิก"})

    assert "3" in error.value.th and error.value.field == "quantity"
    session.expire_all()
    assert session.get(StockItem, item.id).on_hand == 3
    assert len(session.exec(select(StockMovement)).all()) == len(before)


def test_a_correction_is_a_new_adjust_movement_and_the_balance_is_the_sum(session, officer):
    item = make_item(session, officer, received=10)
    stock.move(session, actor=officer, data={"stock_item_id": item.id, "kind": "out", "quantity": 4, "moved_on": DAY,
                                              "reason": "เบิก"})
    stock.move(session, actor=officer, data={"stock_item_id": item.id, "kind": "adjust", "quantity": -1,
                                              "moved_on": DAY, "reason": "ตรวจนับพบชำรุด 1 รีม"})

    rows = stock.movements(session, stock_item_id=item.id, actor=officer)
    assert [(m.kind.value, m.change, m.balance_after) for m in rows] == [("in", 10, 10), ("out", -4, 6),
                                                                         ("adjust", -1, 5)]
    assert session.get(StockItem, item.id).on_hand == sum(m.change for m in rows) == 5
    audited = session.exec(select(AuditEntry).where(AuditEntry.entity == "admin_stock_movement")).all()
    assert len(audited) == 3 and {a.actor_id for a in audited} == {officer.id}


@pytest.mark.parametrize("kind, quantity", [("in", 0), ("out", -2), ("adjust", 0)])
def test_pointless_quantities_are_refused(session, officer, kind, quantity):
    item = make_item(session, officer, received=5)
    with pytest.raises(ValidationError) as error:
        stock.move(session, actor=officer, data={"stock_item_id": item.id, "kind": kind, "quantity": quantity,
                                                  "moved_on": DAY, "reason": "x"})
    assert error.value.field == "quantity"


def test_equipment_has_a_unique_asset_number_and_a_custodian(session, officer):
    keeper = make_person(session)
    stock.add_equipment(session, actor=officer, data={"asset_number": "7440-001-0001/2569", "name_th": "โน้ตบุ๊ก",
                                                      "custodian_id": keeper.id, "location": "ห้อง 301",
                                                      "value_baht": "32000.00"})
    with pytest.raises(ValidationError) as error:
        stock.add_equipment(session, actor=officer, data={"asset_number": "7440-001-0001/2569", "name_th": "อื่น"})
    assert error.value.field == "asset_number"
    listed = stock.list_equipment(session, actor=officer)
    assert listed[0]["custodian"] == keeper.display_name("th") and listed[0]["value_baht"] == Decimal("32000.00")


# --- gifts ---------------------------------------------------------------------------------------------------

def received(session, officer, value, day=DAY):
    return gifts.record_gift(session, actor=officer, data={
        "direction": "received", "gift_date": day, "description_th": "ภาพวาดสีน้ำมัน", "counterpart": "ประธานรัฐสภา (สมมติ)",
        "value_baht": value, "kept_at": "ตู้ห้อง 301"})


def test_a_gift_received_worth_4500_baht_is_flagged_with_its_30_day_deadline(session, officer):
    gift = received(session, officer, "4,500")

    assert gift.value_baht == Decimal("4500.00") and gift.threshold == Decimal("3000.00")
    assert gift.must_report and gift.unreported and gift.report_due == DAY + dt.timedelta(days=30)
    listed = gifts.unreported(session, actor=officer, today=DAY + dt.timedelta(days=31))
    assert [(g.id, g.overdue) for g in listed] == [(gift.id, True)]


def test_a_gift_at_the_threshold_is_not_flagged(session, officer):
    gift = received(session, officer, "3000.00")
    assert not gift.must_report and gifts.unreported(session, actor=officer) == []


def test_a_reported_gift_leaves_the_unreported_list(session, officer):
    gift = received(session, officer, "6800.00")
    gifts.mark_reported(session, actor=officer, gift_id=gift.id, reported_on=DAY + dt.timedelta(days=5),
                        reference="บันทึกที่ 12/2569")
    assert gifts.unreported(session, actor=officer) == []
    assert session.get(Gift, gift.id).report_reference == "บันทึกที่ 12/2569"


@pytest.mark.parametrize("value, field", [(4500.0, "value_baht"), ("-1", "value_baht"), ("สามพัน", "value_baht")])
def test_amounts_are_decimal_and_validated(session, officer, value, field):
    with pytest.raises(ValidationError) as error:
        received(session, officer, value)
    assert error.value.field == field
    assert session.exec(select(Gift)).all() == []


def test_a_gift_given_from_stock_takes_it_out_of_stock_in_the_same_transaction(session, officer):
    item = make_item(session, officer, threshold=1, received=2, code="SOU-T1")
    gifts.record_gift(session, actor=officer, data={
        "direction": "given", "gift_date": DAY, "description_th": "ผ้าไหม", "counterpart": "หัวหน้าคณะผู้แทน",
        "stock_item_id": item.id, "quantity": 2, "value_baht": "3600.00"})
    assert session.get(StockItem, item.id).on_hand == 0

    with pytest.raises(ConflictError):
        gifts.record_gift(session, actor=officer, data={
            "direction": "given", "gift_date": DAY, "description_th": "ผ้าไหม", "counterpart": "อีกคณะ",
            "stock_item_id": item.id, "quantity": 1, "value_baht": "1800.00"})
    assert len(session.exec(select(Gift)).all()) == 1


# --- work plans ----------------------------------------------------------------------------------------------

def test_a_plan_item_code_is_unique_within_its_year(session, officer):
    data = {"fiscal_year": 2570, "code": "P01", "title_th": "ต้อนรับคณะ", "measure": "inbound_visits", "target": "12",
            "work_group": "diplomatic_protocol"}
    plans.add_plan_item(session, actor=officer, data=data)
    with pytest.raises(ValidationError) as error:
        plans.add_plan_item(session, actor=officer, data=data)
    assert error.value.field == "code"
    assert [i.target for i in plans.plan(session, fiscal_year=2570, actor=officer)] == [Decimal("12.00")]
