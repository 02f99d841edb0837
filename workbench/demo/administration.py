"""Demo office administration: the office's staff in the registry (linked to their accounts), absences around
"today", supplies and souvenirs with movements (one item down to its low-stock threshold), equipment with
custodians, gifts given to visiting delegations from stock and gifts received (one above the NACC threshold
and not yet reported), and the work plan of the current fiscal year. Everything through the services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import col, select

from workbench.demo import DemoContext, demo_builder
from workbench.models.visits import Direction, Engagement, EngagementKind, Visit
from workbench.services.administration import gifts, plans, staff, stock
from workbench.thai import fiscal_year, fiscal_year_bounds

GROUPS = {"fao": "general_administration", "fao-admin": "general_administration",
          "fao-protocol": "diplomatic_protocol", "fao-ir": "international_relations"}
POSITIONS = {
    "general_administration": ["เจ้าพนักงานธุรการชำนาญงาน", "นักจัดการงานทั่วไปชำนาญการ", "นักวิเคราะห์นโยบายและแผนปฏิบัติการ",
                               "เจ้าพนักงานพัสดุปฏิบัติงาน"],
    "diplomatic_protocol": ["นักวิเทศสัมพันธ์ชำนาญการพิเศษ", "นักวิเทศสัมพันธ์ชำนาญการ", "นักวิเทศสัมพันธ์ปฏิบัติการ"],
    "international_relations": ["นักวิเทศสัมพันธ์ชำนาญการพิเศษ", "นักวิเทศสัมพันธ์ชำนาญการ", "นักวิเทศสัมพันธ์ปฏิบัติการ",
                                "นักแปลชำนาญการ"],
}
LANGUAGES = ["en:fluent", "en:fluent, fr:good", "en:good, zh:basic", "en:fluent, ja:good", "en:good",
             "en:fluent, de:basic", "en:good, ko:good", "en:fluent, es:basic"]
# code, Thai name, English name, unit, category, threshold, unit value, stock received, monthly use
ITEMS = [
    ("SUP-001", "กระดาษถ่ายเอกสาร A4 80 แกรม", "A4 copy paper 80 g", "รีม", "supplies", 20, "115.00", 150, 18),
    ("SUP-002", "ตลับหมึกเครื่องพิมพ์เลเซอร์", "Laser printer toner", "ตลับ", "supplies", 3, "2850.00", 14, 2),
    ("SUP-003", "ซองจดหมายตราครุฑ", "Garuda envelopes", "กล่อง", "supplies", 5, "320.00", 30, 3),
    ("SUP-004", "แฟ้มเอกสาร", "Document folders", "โหล", "supplies", 4, "240.00", 25, 2),
    ("SOU-001", "ผ้าไหมไทยในกล่องตราวุฒิสภา", "Thai silk in a Senate box", "ชิ้น", "souvenir", 10, "1800.00", 40, 0),
    ("SOU-002", "หนังสือภาพรัฐสภาไทย", "Photo book of the Thai Parliament", "เล่ม", "souvenir", 8, "650.00", 30, 0),
    ("SOU-003", "เข็มกลัดตราวุฒิสภา", "Senate lapel pin", "ชิ้น", "souvenir", 25, "150.00", 200, 0),
    ("EQP-001", "เครื่องฉายภาพ", "Projector", "เครื่อง", "equipment", 0, "28500.00", 2, 0),
]
EQUIPMENT = [
    ("7440-001-0001/2569", "คอมพิวเตอร์โน้ตบุ๊กสำหรับงานประชุมต่างประเทศ", "ห้องกลุ่มงานความสัมพันธ์ระหว่างประเทศ", "32000.00"),
    ("7440-001-0002/2569", "คอมพิวเตอร์โน้ตบุ๊กสำหรับงานพิธีการ", "ห้องกลุ่มงานพิธีการทูต", "32000.00"),
    ("6730-002-0001/2568", "เครื่องฉายภาพ", "ห้องรับรองชั้น 3", "28500.00"),
    ("6720-003-0001/2567", "กล้องถ่ายภาพดิจิทัล", "ห้องกลุ่มงานบริหารทั่วไป", "45000.00"),
]
RECEIVED = [  # days before today, gift, from, value, where kept, reported days after (None: not yet)
    (150, "แจกันเซรามิกพร้อมฐานไม้", "เอกอัครราชทูต (สมมติ) ในนามสถานเอกอัครราชทูต", "2500.00", "ห้องรับรองชั้น 3", None),
    (95, "ชุดน้ำชากระเบื้องเคลือบ", "ประธานรัฐสภาของคณะผู้แทนที่มาเยือน (สมมติ)", "6800.00", "ตู้เก็บของที่ระลึก ห้อง 301", 12),
    (40, "หนังสือประวัติรัฐสภา", "เลขาธิการรัฐสภาของคณะผู้แทน (สมมติ)", "900.00", "ห้องสมุดสำนักงาน", None),
    (10, "ภาพวาดสีน้ำมันทิวทัศน์เมืองหลวง", "ประธานวุฒิสภาของคณะผู้แทนที่มาเยือน (สมมติ)", "4500.00",
     "ตู้เก็บของที่ระลึก ห้อง 301", None),
]
PLAN = [  # code, Thai title, English title, measure, target, work group
    ("P01", "ต้อนรับคณะผู้แทนต่างประเทศที่มาเยือนวุฒิสภา", "Receive foreign delegations visiting the Senate",
     "inbound_visits", "12", "diplomatic_protocol"),
    ("P02", "จัดคณะผู้แทนวุฒิสภาเยือนต่างประเทศ", "Send Senate delegations abroad", "outbound_visits", "8",
     "international_relations"),
    ("P03", "จัดการเข้าเยี่ยมคารวะผู้บริหารวุฒิสภา", "Arrange courtesy calls on the Senate's principals",
     "courtesy_calls", "40", "diplomatic_protocol"),
    ("P04", "จัดงานเลี้ยงรับรองคณะผู้แทน", "Hold receptions for delegations", "receptions", "12", "diplomatic_protocol"),
    ("P05", "จัดทำข้อมูลประกอบการสนทนา", "Prepare conversation briefs", "briefs", "30", "international_relations"),
    ("P06", "เบิกจ่ายงบประมาณตามเป้าหมาย", "Disburse the budget on target", "budget_disbursed_percent", "100",
     "general_administration"),
]


@demo_builder("administration", order=60)
def build_administration(context: DemoContext) -> None:
    members = _staff(context)
    _absences(context, members)
    items = _stock(context, members)
    _equipment(context, members)
    _gifts(context, items, members)
    _plan(context)


def _staff(context: DemoContext) -> list:
    users = {u.person_id: u.id for u in context.refs.get("users", {}).values()}
    members = []
    for group_code, persons in context.refs.get("staff", {}).items():
        group = GROUPS.get(group_code)
        if group is None:
            continue
        for number, person in enumerate(persons):
            members.append(staff.add_staff(context.session, actor=context.actor, data={
                "person_id": person.id, "work_group": group,
                "position_th": "ผู้อำนวยการสำนักงานต่างประเทศ" if group_code == "fao" and number == 0
                else POSITIONS[group][number % len(POSITIONS[group])],
                "user_id": users.get(person.id), "office_phone": f"0 2831 {9100 + len(members):04d}",
                "office_email": f"fao.staff{len(members) + 1}@senate.example",
                "languages": context.rng.choice(LANGUAGES)}))
    return members


def _absences(context: DemoContext, members: list) -> None:
    today = context.today
    if len(members) < 3:
        return
    staff.record_absence(context.session, actor=context.actor, data={
        "staff_id": members[1].id, "kind": "leave", "start_date": today - dt.timedelta(days=1),
        "end_date": today + dt.timedelta(days=2), "reason": "ลาพักผ่อน"})
    staff.record_absence(context.session, actor=context.actor, data={
        "staff_id": members[-1].id, "kind": "training", "start_date": today + dt.timedelta(days=7),
        "end_date": today + dt.timedelta(days=9), "reason": "อบรมหลักสูตรภาษาอังกฤษเพื่อการประชุม"})
    outbound = context.session.exec(select(Visit).where(Visit.direction == Direction.OUTBOUND,
                                                        Visit.start_date <= today + dt.timedelta(days=60),
                                                        Visit.start_date >= today - dt.timedelta(days=60))
                                    .order_by(col(Visit.start_date))).first()
    if outbound is not None:
        staff.record_absence(context.session, actor=context.actor, data={
            "staff_id": members[-2].id, "kind": "travel", "start_date": outbound.start_date,
            "end_date": outbound.end_date, "reason": outbound.title_th[:300], "visit_id": outbound.id})


def _stock(context: DemoContext, members: list) -> dict:
    first = max(fiscal_year_bounds(fiscal_year(context.today))[0], context.today - dt.timedelta(days=300))
    keeper = members[0].person_id if members else None
    items = {}
    for code, name_th, name_en, unit, category, threshold, value, received, monthly in ITEMS:
        item = stock.add_item(context.session, actor=context.actor, data={
            "code": code, "name_th": name_th, "name_en": name_en, "unit": unit, "category": category,
            "low_stock_threshold": threshold, "unit_value": value})
        stock.move(context.session, actor=context.actor, data={
            "stock_item_id": item.id, "kind": "in", "quantity": received, "moved_on": first,
            "reason": "รับเข้าตามใบสั่งซื้อ (สมมติ)", "person_id": keeper})
        day = first + dt.timedelta(days=30)
        while monthly and day <= context.today:
            stock.move(context.session, actor=context.actor, data={
                "stock_item_id": item.id, "kind": "out", "quantity": monthly, "moved_on": day,
                "reason": "เบิกใช้ประจำเดือน", "person_id": context.rng.choice(members).person_id})
            day += dt.timedelta(days=30)
        items[code] = item
    # the toner is drawn down to its threshold: the low-stock warning shows it
    toner = stock.get_item(context.session, stock_item_id=items["SUP-002"].id, actor=context.actor)
    if toner.on_hand > toner.low_stock_threshold:
        stock.move(context.session, actor=context.actor, data={
            "stock_item_id": toner.id, "kind": "out", "quantity": toner.on_hand - toner.low_stock_threshold,
            "moved_on": context.today, "reason": "เบิกใช้สำหรับพิมพ์เอกสารการประชุม",
            "person_id": members[0].person_id if members else None})
    return items


def _equipment(context: DemoContext, members: list) -> None:
    for number, (asset, name, location, value) in enumerate(EQUIPMENT):
        stock.add_equipment(context.session, actor=context.actor, data={
            "asset_number": asset, "name_th": name, "location": location, "value_baht": value,
            "custodian_id": members[number % len(members)].person_id if members else None,
            "acquired_on": dt.date(int(asset[-4:]) - 543, 1, 15)})


def _gifts(context: DemoContext, items: dict, members: list) -> None:
    today = context.today
    calls = context.session.exec(
        select(Engagement).where(Engagement.kind == EngagementKind.COURTESY_CALL,
                                 Engagement.start < dt.datetime.combine(today, dt.time.min))
        .order_by(col(Engagement.start).desc()).limit(6)).all()
    for number, call in enumerate(reversed(calls)):
        item = items["SOU-001" if number % 2 == 0 else "SOU-002"]
        gifts.record_gift(context.session, actor=context.actor, data={
            "direction": "given", "gift_date": call.start.date(), "description_th": item.name_th,
            "counterpart": f"ผู้เข้าเยี่ยมคารวะ: {call.title_th}"[:300], "country_id": call.country_id,
            "visit_id": call.visit_id, "engagement_id": call.id, "stock_item_id": item.id, "quantity": 1,
            "value_baht": item.unit_value, "occasion": call.title_th[:300]})
    recipient = members[0].person_id if members else None
    for days, what, giver, value, kept, reported_after in RECEIVED:
        gift = gifts.record_gift(context.session, actor=context.actor, data={
            "direction": "received", "gift_date": today - dt.timedelta(days=days), "description_th": what,
            "counterpart": giver, "value_baht": value, "kept_at": kept, "recipient_person_id": recipient,
            "occasion": "การเข้าเยี่ยมคารวะประธานวุฒิสภา (สมมติ)"})
        if reported_after is not None and gift.report_due is not None:
            gifts.mark_reported(context.session, actor=context.actor, gift_id=gift.id,
                                reported_on=gift.gift_date + dt.timedelta(days=reported_after),
                                reference="บันทึกข้อความ สว 0010/ของขวัญ (สมมติ)")


def _plan(context: DemoContext) -> None:
    year = fiscal_year(context.today)
    for code, title_th, title_en, measure, target, group in PLAN:
        plans.add_plan_item(context.session, actor=context.actor, data={
            "fiscal_year": year, "code": code, "title_th": title_th, "title_en": title_en, "measure": measure,
            "target": Decimal(target), "work_group": group})

