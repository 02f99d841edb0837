"""The administration dashboard in Chromium, as an administration officer meets it: the warnings, a gift received
worth 4,500 baht recorded and flagged with its deadline, stock taken below its threshold, and the quarterly report
produced and offered for download."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sqlmodel import select

from tests.browser import click, fill, open_dashboard, sign_in, wait_for_text
from workbench.db import new_session
from workbench.models.administration import Gift

pytestmark = pytest.mark.browser


def choose(page, label: str, option: str, scope: str = "body") -> None:
    box = page.locator(scope).locator(".widget-dropdown").filter(has=page.locator("label", has_text=re.compile(
        rf"^\s*{re.escape(label)}\s*$")))
    select = box.locator("select").first
    wanted = [text for text in select.locator("option").all_inner_texts() if option in text]
    assert wanted, f"no option containing {option!r} in {label!r}"
    select.select_option(label=wanted[0])


def set_date(page, label: str, iso: str, scope: str = "body") -> None:
    box = page.locator(scope).locator(".wb-date-input").filter(has=page.locator("label", has_text=re.compile(
        rf"^\s*{re.escape(label)}")))
    box.locator("input").first.fill(iso)
    box.locator("input").first.dispatch_event("change")


def open_tab(page, title: str) -> None:
    page.get_by_role("tab", name=title).first.click()


def test_an_officer_records_a_gift_takes_stock_and_makes_the_quarterly_report(page, voila_server):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.set_default_navigation_timeout(120_000)  # a loaded CI machine starts kernels slowly
    page.set_default_timeout(90_000)
    open_dashboard(page, voila_server, "/voila/render/administration.ipynb")
    sign_in(page, "officer")
    page.locator(".wb-administration").wait_for()

    # warnings: the toner at its threshold, the demo's 4,500-baht gift not yet reported
    wait_for_text(page, "ตลับหมึกเครื่องพิมพ์เลเซอร์: คงเหลือ 3 ตลับ")
    wait_for_text(page, "มูลค่า 4,500.00 บาท ยังไม่รายงาน")
    wait_for_text(page, "การเข้าเยี่ยมคารวะ")
    assert page.locator(".wb-admin-statistics img").first.is_visible()

    # a gift received worth 4,500 baht
    open_tab(page, "ทะเบียนของขวัญ")
    choose(page, "ทิศทาง *", "ได้รับ", ".wb-admin-gifts")
    set_date(page, "วันที่มอบ/ได้รับ", "2026-11-24", ".wb-admin-gifts")
    fill(page, "รายการของขวัญ *", "ชุดกาแฟเครื่องเงิน")
    fill(page, "มอบให้/ได้รับจาก *", "ประธานรัฐสภาของคณะผู้แทน (สมมติ)")
    fill(page, "มูลค่า (บาท) *", "4,500")
    click(page, "บันทึกของขวัญ")
    wait_for_text(page, "ต้องรายงานผู้บังคับบัญชาภายใน 24 ธันวาคม 2569")
    with new_session(voila_server.engine) as session:
        gift = session.exec(select(Gift).where(Gift.description_th == "ชุดกาแฟเครื่องเงิน")).one()
    assert gift.value_baht == Decimal("4500.00") and gift.report_due.isoformat() == "2026-12-24"
    wait_for_text(page, "ชุดกาแฟเครื่องเงิน มูลค่า 4,500.00 บาท ยังไม่รายงาน")

    # stock below its threshold
    open_tab(page, "วัสดุและครุภัณฑ์")
    choose(page, "รายการพัสดุ", "SUP-003", ".wb-admin-stock")
    choose(page, "ประเภท *", "เบิกจ่าย", ".wb-admin-stock")
    fill(page, "จำนวน *", "25")  # 27 on hand, threshold 5
    set_date(page, "วันที่เคลื่อนย้าย *", "2026-11-25", ".wb-admin-stock")
    fill(page, "เหตุผล *", "เบิกส่งหนังสือเชิญ")
    click(page, "บันทึกรับเข้า/เบิกจ่าย/ปรับยอด")
    wait_for_text(page, "ซองจดหมายตราครุฑ: คงเหลือ")

    # the quarterly report, as HTML (progress, then a download link)
    open_tab(page, "สถิติรายไตรมาส")
    choose(page, "รูปแบบ", "HTML")
    click(page, "จัดทำรายงานรายไตรมาส")
    page.locator("a.wb-download-link", has_text="quarterly_statistics_2570_q1.html").first.wait_for(timeout=300_000)
    assert "Traceback" not in page.content()
    assert not page.foreign_requests
