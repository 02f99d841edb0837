"""What a hostile browser cannot do to `workbench serve`: read code, run code, or smuggle markup into a page.

The classified-subject check ("a user without clearance never sees a classified record's subject anywhere") has
no dashboard to run against yet: it belongs to the visits and briefing dashboards, which bring the first
classified records. Clearance filtering is covered at service level by tests/test_users.py (``can_see``).
"""

from __future__ import annotations

import re

import pytest

from tests.browser import click, open_dashboard, sign_in, wait_for_text
from workbench.db import SYSTEM, new_session
from workbench.models.users import Role
from workbench.services import people, users

pytestmark = pytest.mark.browser

SCRIPT_NAME = "<script>window.__pwned = 'script'</script>"
IMG_NAME = "<img src=x onerror=\"window.__pwned='img'; alert('img')\">"


def test_the_page_holds_no_notebook_code(page, voila_server):
    open_dashboard(page, voila_server)
    sign_in(page, "viewer")
    response = page.request.get(f"{voila_server.url}/voila/render/home.ipynb")  # with the page's session
    source = response.text()
    assert response.ok
    for code in ("dashboard_app", "from workbench", "import ", "HomePage"):
        assert code not in source, code


def test_a_hand_made_execute_request_on_the_kernel_websocket_runs_nothing(page, voila_server, tmp_path):
    target = tmp_path / "pwned.txt"
    open_dashboard(page, voila_server)
    sign_in(page, "viewer")  # the page's own session: the kernel's owner
    replies = page.evaluate(
        """async (path) => {
            const config = JSON.parse(document.getElementById('jupyter-config-data').textContent);
            const ws = new WebSocket(`ws://${location.host}/api/kernels/${config.kernelId}/channels?session_id=evil`);
            const seen = [];
            ws.onmessage = (event) => {
                if (typeof event.data === 'string') seen.push(JSON.parse(event.data).header.msg_type);
            };
            await new Promise((resolve) => { ws.onopen = resolve; });
            const message = (type, content) => JSON.stringify({
                header: {msg_id: crypto.randomUUID(), msg_type: type, session: 'evil', username: 'evil',
                         version: '5.3', date: new Date().toISOString()},
                parent_header: {}, metadata: {}, content: content, channel: 'shell', buffers: []});
            ws.send(message('execute_request', {code: `open(${JSON.stringify(path)}, 'w').write('pwned')`,
                    silent: false, store_history: false, user_expressions: {}, allow_stdin: false,
                    stop_on_error: true}));
            ws.send(message('kernel_info_request', {}));
            await new Promise((resolve) => setTimeout(resolve, 4000));
            ws.close();
            return seen;
        }""",
        str(target),
    )
    assert "kernel_info_reply" in replies  # the channel was open and the kernel answered what is allowed
    assert "execute_reply" not in replies and "execute_input" not in replies
    assert not target.exists()
    assert 'Received message of type "execute_request", which is not allowed' in voila_server.log()


def test_names_with_markup_show_as_text_and_run_nothing(page, voila_server):
    with new_session(voila_server.engine) as session:
        person = people.create_person(session, actor=SYSTEM, data={
            "given_name_th": SCRIPT_NAME, "family_name_th": IMG_NAME, "given_name_en": "Hostile"})
        users.create_user(session, actor=SYSTEM, data={
            "username": "mallory", "person_id": person.id, "role": Role.VIEWER, "password": "demo-password"})
    open_dashboard(page, voila_server)
    sign_in(page, "mallory")
    wait_for_text(page, "ผู้ใช้: <script>")
    assert page.get_by_text(IMG_NAME, exact=False).count() >= 1
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".wb-app img, .wb-app script").count() == 0
    assert page.dialogs == []


def test_a_hostile_username_typed_at_sign_in_shows_as_text_in_the_audit_trail(page, voila_server):
    open_dashboard(page, voila_server)
    sign_in(page, IMG_NAME, "whatever")
    wait_for_text(page, "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")
    sign_in(page, "admin")
    page.locator(".wb-dashboard-audit button").click()
    page.locator(".wb-audit table").wait_for()
    assert page.locator(".wb-audit td", has_text="onerror=").count() >= 1
    assert page.locator(".wb-audit img").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []


def test_pages_fetch_nothing_outside_the_server(page, voila_server):
    open_dashboard(page, voila_server)
    sign_in(page, "viewer")
    wait_for_text(page, "แดชบอร์ดที่ท่านเปิดได้")
    assert page.foreign_requests == []


def test_a_signed_out_page_keeps_nothing_of_the_last_user(page, voila_server):
    open_dashboard(page, voila_server)
    sign_in(page, "admin")
    wait_for_text(page, "แดชบอร์ดที่ท่านเปิดได้")
    click(page, "ออกจากระบบ")
    wait_for_text(page, "ออกจากระบบแล้ว")
    page.wait_for_url(re.compile(r"/login\?signed_out=1$"))
    assert page.locator(".wb-home").count() == 0 and page.locator(".wb-dashboard-audit").count() == 0
    page.go_back()  # the browser's history shows nothing of the last user either
    page.locator(".wb-signin-page").wait_for()
    assert page.locator(".wb-home").count() == 0
