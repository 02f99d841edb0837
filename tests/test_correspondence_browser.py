"""The correspondence dashboard in Chromium, as a new user meets it: register an incoming letter and an outgoing
reply, find the first by a Thai fragment from the home page's search box, route it and sign it off; a viewer
without clearance never finds a ลับ document (search, register list, count)."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from tests.browser import click, fill, open_dashboard, sign_in, wait_for_text
from workbench.db import SYSTEM, new_session
from workbench.models.base import Clearance
from workbench.models.correspondence import Correspondence
from workbench.services import correspondence as corr

pytestmark = pytest.mark.browser

SUBJECT = "ขอเชิญคณะผู้แทนวุฒิสภาร่วมประชุมสมัชชารัฐสภาเอเชียแปซิฟิก"
REPLY = "ตอบรับคำเชิญร่วมประชุมสมัชชารัฐสภาเอเชียแปซิฟิก"
SECRET = "ท่าทีลับของคณะผู้แทนต่อประเด็นหมู่เกาะพาราเซล"


def choose(page, scope: str, label: str, option: str) -> None:
    """Pick the option containing ``option`` in the drop-down labelled ``label`` inside ``scope``."""
    box = page.locator(f"{scope} .widget-dropdown").filter(has=page.locator("label", has_text=re.compile(
        rf"^\s*{re.escape(label)}\s*$")))
    select = box.locator("select").first
    wanted = [text for text in select.locator("option").all_inner_texts() if option in text]
    assert wanted, f"no option containing {option!r} in {label!r}"
    select.select_option(label=wanted[0])


def tab(page, title: str) -> None:
    page.locator(".lm-TabBar-tab", has_text=title).first.click()


def test_register_reply_find_from_home_route_and_sign_off(page, voila_server):
    page.set_default_navigation_timeout(120_000)  # a loaded shared machine can take long to serve a page
    open_dashboard(page, voila_server, "/voila/render/correspondence.ipynb")
    sign_in(page, "officer")
    page.locator(".wb-correspondence").wait_for(timeout=180_000)

    # an incoming letter, from the form generated from the schema
    tab(page, "ลงทะเบียนหนังสือ")
    choose(page, ".wb-corr-register-form", "ทะเบียน *", "ทะเบียนหนังสือรับ")
    fill(page, "เรื่อง *", SUBJECT)
    fill(page, "ที่ (เลขที่หนังสือ)", "APPF 2569/14")
    fill(page, "จาก", "สำนักเลขาธิการ APPF")
    choose(page, ".wb-corr-register-form", "ชั้นความเร็ว", "ด่วน")
    click(page, "ลงทะเบียนและออกเลข")
    wait_for_text(page, "ลงทะเบียนแล้ว เลขทะเบียน")
    with new_session(voila_server.engine) as session:
        incoming = session.exec(select(Correspondence).where(Correspondence.subject == SUBJECT)).one()

    # the outgoing reply, pointing at it; its number carries the office code
    choose(page, ".wb-corr-register-form", "ทะเบียน *", "ทะเบียนหนังสือส่ง")
    fill(page, "เรื่อง *", REPLY)
    fill(page, "ถึง", "สำนักเลขาธิการ APPF")
    choose(page, ".wb-corr-register-form", "ตอบหนังสือเลขทะเบียน", SUBJECT[:30])
    click(page, "ลงทะเบียนและออกเลข")
    wait_for_text(page, "ลงทะเบียนแล้ว เลขทะเบียน สว 0010/")
    with new_session(voila_server.engine) as session:
        reply = session.exec(select(Correspondence).where(Correspondence.subject == REPLY)).one()
        assert reply.reply_to_id == incoming.id and reply.register == "outgoing"

    # home page: the search box finds the first letter by a Thai fragment, and opens it in its dashboard
    click(page, "หน้าหลัก")
    page.locator(".wb-search-box").wait_for(timeout=180_000)
    box = page.locator(".wb-search-query input").first
    box.fill("สมัชชารัฐสภาเอเชีย")
    box.press("Enter")
    hit = page.locator(".wb-search-hit-correspondence", has_text=SUBJECT)
    hit.wait_for()
    hit.get_by_role("button", name="เปิด").click()
    page.locator(".wb-correspondence").wait_for(timeout=180_000)  # a fresh kernel on a loaded machine
    page.locator(".wb-corr-detail h3", has_text=SUBJECT).wait_for()  # the letter itself is open
    assert f"open=correspondence%3A{incoming.id}" in page.url

    # route it to an officer with a note, then sign it off
    choose(page, ".wb-corr-detail", "การดำเนินการ", "มอบหมาย")
    choose(page, ".wb-corr-detail", "ผู้รับผิดชอบ", "(protocol)")
    page.locator(".wb-corr-detail textarea").first.fill("โปรดเตรียมรายชื่อคณะผู้แทน")
    click(page, "บันทึกการเสนอแฟ้ม")
    wait_for_text(page, "โปรดเตรียมรายชื่อคณะผู้แทน")
    choose(page, ".wb-corr-detail", "การดำเนินการ", "ลงนาม/สั่งการ")
    click(page, "บันทึกการเสนอแฟ้ม")
    wait_for_text(page, "ลงนาม/สั่งการ หนังสือเลขทะเบียน")
    with new_session(voila_server.engine) as session:
        assert session.get(Correspondence, incoming.id).status == "signed_off"
        steps = corr.history(session, document_id=incoming.id, actor=SYSTEM)
        assert [s.action.value for s in steps] == ["assign", "sign_off"]
    assert "Traceback" not in page.content()


def test_a_viewer_without_clearance_never_finds_a_confidential_document(page, voila_server):
    with new_session(voila_server.engine) as session:
        corr.register_document(session, actor=SYSTEM, data={"register": "incoming", "subject": SECRET,
                                                             "classification": Clearance.CONFIDENTIAL})
        visible = corr.count_documents(session, actor=_viewer(session))
    page.set_default_navigation_timeout(120_000)
    open_dashboard(page, voila_server, "/")
    sign_in(page, "viewer")
    box = page.locator(".wb-search-query input").first
    box.wait_for(timeout=180_000)
    box.fill("พาราเซล")
    box.press("Enter")
    wait_for_text(page, "ไม่พบรายการที่ตรงกัน")

    page.locator(".wb-dashboard-correspondence button").first.click()
    page.locator(".wb-correspondence").wait_for(timeout=180_000)
    wait_for_text(page, f"พบ {visible:,} รายการ")
    fill(page, "ค้นหา", "พาราเซล")
    page.keyboard.press("Enter")
    wait_for_text(page, "พบ 0 รายการ")
    assert "พาราเซล" not in page.locator(".wb-corr-rows").first.inner_text()
    assert "Traceback" not in page.content()


def _viewer(session):
    from workbench.models.users import User

    return session.exec(select(User).where(User.username == "viewer")).one()
