"""Administration dashboard widgets without a browser, on the demo office (as of DEMO_TODAY): set values, click,
read the database and the warnings."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from workbench.db import new_session
from workbench.models.administration import Gift, StockItem
from workbench.models.users import User
from workbench.services.administration import statistics
from workbench.thai import fiscal_quarter, fiscal_year
from workbench.ui.administration.dashboard import AdministrationDashboard


def user(session, username):
    return session.exec(select(User).where(User.username == username)).one()


@pytest.fixture
def officer(demo_session):
    return user(demo_session, "officer")


@pytest.fixture
def dashboard(demo_engine, officer):
    return AdministrationDashboard(demo_engine, officer, today=DEMO_TODAY)


def test_the_dashboard_warns_of_low_stock_and_the_unreported_gift(dashboard):
    messages = dashboard.warnings.messages
    assert any("ตลับหมึก" in m and "คงเหลือ 3" in m for m in messages)
    assert any("4,500.00" in m and "ยังไม่รายงาน" in m for m in messages)
    assert dashboard.notice.label.value == ""


def test_the_quarter_shown_is_the_service_s_figures(dashboard, demo_session, officer):
    fy, quarter = fiscal_year(DEMO_TODAY), fiscal_quarter(DEMO_TODAY)
    stats = statistics.quarter_statistics(demo_session, fiscal_year=fy, quarter=quarter, actor=officer,
                                          today=DEMO_TODAY)
    shown = {row["figure"]: row["value"] for row in dashboard.statistics.table.rows}
    assert shown["การเข้าเยี่ยมคารวะ"] == str(stats.courtesy_calls)
    assert shown["คณะต่างประเทศเยือนไทย"] == str(stats.inbound_visits)
    assert shown["หนังสือที่ลงทะเบียน"].startswith("ไม่มีข้อมูล") or stats.documents_registered is not None
    assert len(dashboard.statistics.chart.value) > 1000  # a PNG chart


def test_recording_a_gift_of_4500_baht_flags_it_with_its_deadline(dashboard, demo_engine):
    form = dashboard.gifts.form
    form.inputs["direction"].value = "received"
    form.inputs["gift_date"].value = DEMO_TODAY
    form.inputs["description_th"].value = "แจกันคริสตัล"
    form.inputs["counterpart"].value = "ประธานรัฐสภาต่างประเทศ (สมมติ)"
    form.inputs["value_baht"].value = "4,500"
    form.inputs["kept_at"].value = "ห้อง 301"

    dashboard.gifts.add_button.click()

    due = DEMO_TODAY + dt.timedelta(days=30)
    with new_session(demo_engine) as session:
        gift = session.exec(select(Gift).where(Gift.description_th == "แจกันคริสตัล")).one()
    assert gift.report_due == due and gift.reported_on is None
    assert "ต้องรายงาน" in dashboard.notice.label.value
    row = next(r for r in dashboard.gifts.table.rows if r["description_th"] == "แจกันคริสตัล")
    assert row["_flag"] and "ต้องรายงานภายใน" in row["report"]
    assert any("แจกันคริสตัล" in m for m in dashboard.warnings.messages)

    dashboard.gifts.report_choice.value = gift.id
    dashboard.gifts.reported_on.value = DEMO_TODAY + dt.timedelta(days=3)
    dashboard.gifts.report_button.click()
    assert not any("แจกันคริสตัล" in m for m in dashboard.warnings.messages)


def test_moving_stock_below_its_threshold_shows_the_warning(dashboard, demo_engine):
    with new_session(demo_engine) as session:
        paper = session.exec(select(StockItem).where(StockItem.code == "SUP-001")).one()
    form = dashboard.stock.movement_form
    form.inputs["stock_item_id"].value = paper.id
    form.inputs["kind"].value = "out"
    form.inputs["quantity"].value = str(paper.on_hand - paper.low_stock_threshold + 1)
    form.inputs["moved_on"].value = DEMO_TODAY
    form.inputs["reason"].value = "เบิกพิมพ์เอกสารการประชุม"

    dashboard.stock.move_button.click()

    assert any("กระดาษถ่ายเอกสาร" in m for m in dashboard.warnings.messages)
    row = next(r for r in dashboard.stock.table.rows if r["code"] == "SUP-001")
    assert row["_flag"] and row["on_hand"] == paper.low_stock_threshold - 1


def test_taking_more_than_is_on_hand_is_refused_on_the_notice(dashboard, demo_engine):
    with new_session(demo_engine) as session:
        toner = session.exec(select(StockItem).where(StockItem.code == "SUP-002")).one()
    form = dashboard.stock.movement_form
    form.inputs["stock_item_id"].value = toner.id
    form.inputs["kind"].value = "out"
    form.inputs["quantity"].value = str(toner.on_hand + 1)
    form.inputs["moved_on"].value = DEMO_TODAY
    form.inputs["reason"].value = "เบิก"

    dashboard.stock.move_button.click()

    assert "ติดลบไม่ได้" in dashboard.notice.label.value
    with new_session(demo_engine) as session:
        assert session.get(StockItem, toner.id).on_hand == toner.on_hand


def test_each_list_exports_to_xlsx(dashboard):
    for table in (dashboard.staff.table, dashboard.stock.table, dashboard.gifts.table, dashboard.stock.equipment):
        table.export_button.click()
        sheet = load_workbook(io.BytesIO(table.link.payload)).active
        assert sheet.max_row == len(table.rows) + 1 and table.link.filename.endswith(".xlsx")


def test_the_staff_list_shows_who_is_away_and_an_absence_can_be_recorded(dashboard, demo_engine):
    away = [r for r in dashboard.staff.table.rows if r["_flag"]]
    assert away and "ลา" in dashboard.staff.away.value
    form = dashboard.staff.absence_form
    assert form.inputs["staff_id"].value is None  # nobody chosen until the officer picks one
    dashboard.staff.absence_button.click()
    assert "เจ้าหน้าที่" in dashboard.notice.label.value and dashboard.notice.kind == "error"  # names the field
    form.inputs["staff_id"].value = dashboard.staff.staff_choice.options[1][1]
    form.inputs["visit_id"].value = dashboard.staff.visit_choice.options[-1][1]  # official travel for a visit
    form.inputs["kind"].value = "training"
    form.inputs["start_date"].value = DEMO_TODAY + dt.timedelta(days=40)
    form.inputs["end_date"].value = DEMO_TODAY + dt.timedelta(days=41)
    dashboard.staff.absence_button.click()
    assert dashboard.notice.label.value == "บันทึกแล้ว"


def test_a_viewer_sees_no_forms_and_may_not_open_it(demo_session, demo_engine):
    from workbench.registry import DASHBOARDS, may_open

    entry = next(d for d in DASHBOARDS if d.name == "administration")
    assert may_open(user(demo_session, "officer"), entry) and may_open(user(demo_session, "admin"), entry)
    assert not may_open(user(demo_session, "viewer"), entry)
    assert not may_open(user(demo_session, "protocol"), entry)


def test_the_staff_register_names_languages_and_levels_in_thai(dashboard):
    languages = [r["languages"] for r in dashboard.staff.table.rows if r["languages"]]
    assert languages and any("อังกฤษ (" in text for text in languages)
    assert not [text for text in languages if ":" in text or "fluent" in text]
