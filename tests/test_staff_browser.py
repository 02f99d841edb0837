"""Staff in the browser: every drop-down shows its value, dates are typed day/month/B.E. year whatever the
browser's language, and the audit page answers "who changed this?"."""

from __future__ import annotations

import time

import pytest

from tests.browser import TIMEOUT_MS, open_dashboard, sign_in, wait_for_text
from workbench.registry import DASHBOARDS

pytestmark = pytest.mark.browser

BLANK_SELECTS = """() => Array.from(document.querySelectorAll('.wb-app select'))
  .filter(s => !s.multiple && s.size <= 1 && s.options.length > 0 && s.selectedIndex < 0)
  .map(s => { const box = s.closest('.widget-dropdown');
              const label = box && box.querySelector('label');
              return (label && label.innerText.trim()) || s.options[0].text; })"""
BROWSER_DATES = "input[type=date], input[type=time], input[type=datetime-local]"


def settled(page, selector: str = ".wb-app select, .wb-app input", quiet_s: float = 1.5,
            limit_s: float = 30) -> None:
    """Wait until the dashboard stops adding widgets (the count of ``selector`` stays the same a moment)."""
    deadline = time.monotonic() + limit_s
    count, since = -1, time.monotonic()
    while time.monotonic() < deadline:
        now = page.locator(selector).count()
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return
        time.sleep(0.25)


@pytest.mark.parametrize("username", ["protocol", "analyst", "admin"])
def test_every_select_of_every_dashboard_shows_a_value_and_no_date_is_left_to_the_browser(page, voila_server,
                                                                                          username):
    open_dashboard(page, voila_server)
    sign_in(page, username)
    opened = 0
    for dashboard in DASHBOARDS:
        # a page streams until its kernel has run: wait for the dashboard, not for "load"
        page.goto(f"{voila_server.url}/voila/render/{dashboard.notebook}", wait_until="commit")
        page.locator(".wb-app").first.wait_for(timeout=4 * TIMEOUT_MS)
        if page.locator(".wb-app .wb-notice", has_text="ไม่มีสิทธิ์").count():
            continue
        settled(page)
        opened += 1
        assert page.evaluate(BLANK_SELECTS) == [], f"{dashboard.name}: blank drop-downs"
        assert page.locator(BROWSER_DATES).count() == 0, f"{dashboard.name}: a date drawn by the browser"
    assert opened >= 4


def test_a_date_is_typed_in_the_buddhist_era_in_an_english_browser(browser, voila_server):
    context = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        open_dashboard(page, voila_server, "/voila/render/travel.ipynb")
        sign_in(page, "protocol")
        form = page.locator(".wb-travel-passport-form")
        field = form.locator(".wb-date-field").first
        field.wait_for()
        assert "พิมพ์วัน/เดือน/ปี พ.ศ. เช่น 25/11/2569" in field.inner_text()  # before anything is typed
        assert field.locator(".wb-date-input input").get_attribute("placeholder") == "วว/ดด/ปปปป (พ.ศ.)"
        box = field.locator(".wb-date-input input")
        box.fill("20/11/2569")
        box.dispatch_event("change")
        wait_for_text(page, "วันที่ (พ.ศ.): 20 พฤศจิกายน 2569")
        box.fill("11/20/2026")  # month first, as an English browser would write it
        box.dispatch_event("change")
        wait_for_text(page, 'อ่านวันที่ "11/20/2026" ไม่ได้')
    finally:
        context.close()


def test_the_audit_page_filters_pages_and_speaks_thai(page, voila_server):
    open_dashboard(page, voila_server, "/voila/render/audit.ipynb")
    sign_in(page, "admin")
    page.locator(".wb-audit-table").wait_for()
    wait_for_text(page, "เวลา (เวลาประเทศไทย)")
    wait_for_text(page, "ค่าเดิม → ค่าใหม่")
    assert page.locator(".wb-audit-table td", has_text="2569").count() > 0
    assert page.locator(".wb-audit-table td", has_text="เข้าสู่ระบบ").count() == 0  # sign-ins folded away
    position = page.locator(".wb-audit-pager .widget-label").first
    assert position.inner_text().startswith("หน้า 1 จาก ")
    page.get_by_role("button", name="หน้าถัดไป ›").click()
    wait_for_text(page, "หน้า 2 จาก ")

    page.locator(".wb-audit-filters label", has_text="แสดงการเข้าและออกจากระบบด้วย").click()
    page.get_by_role("button", name="ค้นหา", exact=True).click()
    page.locator(".wb-audit-table td", has_text="เข้าสู่ระบบ").first.wait_for()
    assert "Traceback" not in page.content()
