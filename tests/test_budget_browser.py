"""The budget dashboard in Chromium, as an administration officer meets it: the demo year against its targets,
a trip estimated and turned into a commitment, an overspend refused with the figures."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sqlmodel import select

from tests.browser import click, fill, open_dashboard, sign_in, wait_for_text
from workbench.db import new_session
from workbench.models.budget import Commitment

pytestmark = pytest.mark.browser


def choose(page, label: str, option: str) -> None:
    """Pick the option whose text contains ``option`` in the drop-down labelled ``label``."""
    box = page.locator(".widget-dropdown").filter(has=page.locator("label", has_text=re.compile(
        rf"^\s*{re.escape(label)}\s*$")))
    select = box.locator("select").first
    wanted = [text for text in select.locator("option").all_inner_texts() if option in text]
    assert wanted, f"no option containing {option!r} in {label!r}"
    select.select_option(label=wanted[0])


def set_date(page, label: str, iso: str) -> None:
    box = page.locator(".wb-date-input").filter(has=page.locator("label", has_text=label))
    box.locator("input").first.fill(iso)
    box.locator("input").first.dispatch_event("change")


def test_an_officer_sees_the_year_estimates_a_trip_commits_it_and_is_refused_an_overspend(page, voila_server):
    open_dashboard(page, voila_server, "/voila/render/budget.ipynb")
    sign_in(page, "officer")
    page.locator(".wb-budget").wait_for()

    # the demo year against its targets
    wait_for_text(page, "2570-FA01")
    wait_for_text(page, "15,200,000.00")
    assert page.locator(".wb-budget-chart img").is_visible()
    wait_for_text(page, "ต่ำกว่าเป้าหมาย")  # disbursement lags the pro-rata target
    wait_for_text(page, "วิธีคาดการณ์")

    # estimate a trip to Japan: 2 grade A and 1 grade B travellers, 10-14 January 2570
    choose(page, "ประเทศปลายทาง", "ญี่ปุ่น")
    set_date(page, "วันเดินทางไป", "2027-01-10")
    set_date(page, "วันเดินทางกลับ", "2027-01-14")
    fill(page, "ประเภท ก (ผู้บริหาร/สมาชิกวุฒิสภา): จำนวนคน", "2")
    fill(page, "ประเภท ข (ข้าราชการและเจ้าหน้าที่): จำนวนคน", "1")
    click(page, "คำนวณประมาณการ")
    wait_for_text(page, "รวมประมาณการ 259,500.00 บาท (สองแสนห้าหมื่นเก้าพันห้าร้อยบาทถ้วน)")

    # turn it into a commitment: a draft in one click, then posted
    choose(page, "ร่างผูกพันในรายการ", "2570-FA01")
    click(page, "สร้างร่างรายการผูกพัน")
    wait_for_text(page, "สร้างร่างรายการผูกพันหมายเลข")
    draft = page.locator(".wb-budget-drafts option", has_text="259,500.00").first
    draft.wait_for(state="attached")
    page.locator(".wb-budget-drafts select").select_option(label=draft.inner_text())
    click(page, "บันทึกผ่านรายการ")
    wait_for_text(page, "บันทึกรายการผูกพันหมายเลข")
    with new_session(voila_server.engine) as session:
        posted = session.exec(select(Commitment).where(Commitment.amount == Decimal("259500.00"))).one()
        assert posted.status == "posted"

    # an overspend on the gifts line (11,500.00 left) is refused with the figures
    choose(page, "รายการงบประมาณ", "2570-FA06")
    fill(page, "จำนวนเงิน", "50,000")
    click(page, "บันทึก")
    wait_for_text(page, "เกินยอดคงเหลือของรายการ 2570-FA06")
    wait_for_text(page, "คงเหลือ 11,500.00 บาท")
    with new_session(voila_server.engine) as session:
        assert session.exec(select(Commitment).where(Commitment.amount == Decimal("50000.00"))).all() == []
    assert "Traceback" not in page.content()
