"""The dashboards as staff meet them: `workbench serve` in Chromium, in Thai, signed in on the sign-in page."""

from __future__ import annotations

import re

import pytest

from tests.browser import click, open_dashboard, sign_in, sign_out, wait_for_text

pytestmark = pytest.mark.browser

ROLES = [("admin", "ผู้ดูแลระบบ"), ("protocol", "เจ้าหน้าที่พิธีการทูต"), ("analyst", "นักวิเคราะห์"),
         ("officer", "เจ้าหน้าที่บริหารทั่วไป"), ("viewer", "ผู้ดูข้อมูล")]
AUDIT_TITLE = "ประวัติการบันทึกข้อมูล"


def test_the_front_door_is_the_thai_sign_in_page_then_the_home_page(page, voila_server):
    open_dashboard(page, voila_server, "/")
    assert re.search(r"/login\?next=%2F$", page.url)
    wait_for_text(page, "ลงชื่อเข้าใช้")
    assert page.get_by_role("button", name="เข้าสู่ระบบ").is_visible()
    assert page.locator("label", has_text="ชื่อผู้ใช้").is_visible()
    sign_in(page, "viewer")
    assert re.search(r"/voila/render/home\.ipynb$", page.url)
    page.locator(".wb-home").wait_for()


def test_each_demo_role_signs_in_and_sees_the_dashboards_its_role_allows(page, voila_server):
    open_dashboard(page, voila_server)
    for username, role in ROLES:
        sign_in(page, username)
        wait_for_text(page, f"· {role}")
        wait_for_text(page, "แดชบอร์ดที่ท่านเปิดได้")
        listed = page.locator(".wb-dashboard-audit").count()
        assert listed == (1 if username == "admin" else 0), username
        page.locator(".wb-dashboard-budget").first.wait_for()  # every role reads the budget
        sign_out(page)
        wait_for_text(page, "ออกจากระบบแล้ว")


def test_a_wrong_password_fails_cleanly_and_the_form_stays(page, voila_server):
    open_dashboard(page, voila_server)
    sign_in(page, "protocol", "not-the-password")
    wait_for_text(page, "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง หรือบัญชีถูกระงับ")
    assert page.get_by_role("button", name="เข้าสู่ระบบ").is_visible()
    assert page.locator("#username").input_value() == "protocol" and page.locator("#password").input_value() == ""
    assert page.get_by_text("ผู้ใช้:").count() == 0
    assert "Traceback" not in page.content()


def test_links_between_dashboards_are_plain_and_the_session_carries_the_user(page, voila_server):
    open_dashboard(page, voila_server)
    sign_in(page, "admin")
    page.locator(".wb-dashboard-audit button").click()
    page.wait_for_url(re.compile(r"/audit\.ipynb$"))
    page.locator(".wb-audit").wait_for()
    wait_for_text(page, "ผู้ทำรายการ")  # the audit table, no sign-in on the way

    click(page, "หน้าหลัก")
    page.wait_for_url(re.compile(r"/home\.ipynb$"))
    page.locator(".wb-home").wait_for()

    sign_out(page)
    open_dashboard(page, voila_server, "/voila/render/audit.ipynb")  # the same link, signed out
    assert "/login?next=" in page.url and page.locator(".wb-audit").count() == 0
