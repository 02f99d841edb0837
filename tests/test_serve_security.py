"""The attacks on a served demo office (issue 9), replayed against a real `workbench serve`, and refused.

Raw HTTP and websocket clients (urllib, ``websockets``) play the hostile insider: no cookie, another user's
valid session, the same user's second session, a stranger on ``voila/query``; a second browser context plays a
second tab of another person. The owner's own websocket is used to send what a page never sends (a write to an
HTML widget, a new widget model), and the kernel refuses it.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from tests.browser import open_dashboard, sign_in, wait_for_text
from workbench.db import new_session
from workbench.kernel_protocol import PROOF_HEADER, kernel_proof
from workbench.models.web_session import WebSession

pytestmark = pytest.mark.browser

HOME = "/voila/render/home.ipynb"


class _Keep(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # report redirects instead of following them
        return None


class Client:
    """A raw HTTP client with its own cookies (one browser, as far as the server can tell)."""

    def __init__(self, server) -> None:
        self.server = server
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _Keep())

    def request(self, path: str, data: dict | None = None, method: str | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(f"{self.server.url}{path}", data=body, method=method)
        try:
            response = self.opener.open(request, timeout=120)
        except urllib.error.HTTPError as error:  # 3xx (not followed) and 4xx land here
            return error.code, dict(error.headers), error.read().decode("utf-8", "replace")
        return response.status, dict(response.headers), response.read().decode("utf-8", "replace")

    def sign_in(self, username: str, password: str = "demo-password", *, next_path: str = HOME):
        status, headers, body = self.request("/login")
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', body).group(1)
        status, headers, body = self.request("/login", {"_xsrf": xsrf, "username": username, "password": password,
                                                         "next": next_path})
        return status, headers, body

    def open_page(self, path: str = HOME) -> str:
        """Load a dashboard page; its kernel id (as any page holds it)."""
        status, _, body = self.request(path)
        assert status == 200, (status, body[:300])
        config = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', body, re.S)
        return json.loads(config.group(1))["kernelId"]

    @property
    def cookie(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)

    def session_token_cookie(self):
        return next(c for c in self.jar if c.name == "workbench_session")


def ws_status(server, path: str, headers: dict | None = None) -> int:
    """The HTTP status a websocket upgrade to ``path`` gets (101 when it opens)."""
    try:
        with connect(f"ws{server.url.removeprefix('http')}{path}", additional_headers=headers or {},
                     open_timeout=30):
            return 101
    except InvalidStatus as refused:
        return refused.response.status_code


@pytest.fixture(scope="module")
def admin(voila_server):
    """The administrator, signed in once for the module (each test reads its own page's kernel)."""
    client = Client(voila_server)
    status, headers, _ = client.sign_in("admin")
    assert status == 302 and headers["Location"] == HOME
    return client


@pytest.fixture(scope="module")
def admin_kernel(admin):
    """The kernel of the administrator's home page."""
    return admin.open_page()


# --- every route needs a session --------------------------------------------------------------------------

PAGES = ["/", HOME, "/voila/render/audit.ipynb", "/voila/tree", "/voila/tree/home.ipynb"]
APIS = ["/voila/static/voila.js", "/voila/templates/lab/static/index.css", "/voila/files/home.ipynb",
        "/voila/labextensions/@jupyter-widgets/jupyterlab-manager/package.json", "/voila/api/themes/light",
        "/api/kernels/00000000-0000-0000-0000-000000000000"]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_without_a_session_goes_to_the_sign_in_page_and_starts_no_kernel(voila_server, path):
    before = voila_server.log().count("Kernel started")
    status, headers, _ = Client(voila_server).request(path)
    assert status == 302
    assert headers["Location"] == "/login?" + urllib.parse.urlencode({"next": path})
    assert voila_server.log().count("Kernel started") == before


@pytest.mark.parametrize("path", APIS)
def test_files_and_apis_without_a_session_are_refused(voila_server, path):
    status, _, body = Client(voila_server).request(path)
    assert status == 401 and "Traceback" not in body


@pytest.mark.parametrize("path", ["/voila/api/contents", "/voila/api/contents/", "/voila/api/contents/home.ipynb"])
def test_the_file_listing_is_gone_even_with_a_session(admin, path):
    status, _, body = admin.request(path)
    assert status == 404 and "home.ipynb" not in body


def test_a_shutdown_request_without_a_session_is_refused(voila_server, admin, admin_kernel):
    kernel_id = admin_kernel
    status, _, _ = Client(voila_server).request(f"/voila/api/shutdown/{kernel_id}", {}, method="POST")
    assert status in (401, 403)
    assert admin.request(f"/api/kernels/{kernel_id}")[0] == 200  # still running for its owner


# --- the sign-in page -------------------------------------------------------------------------------------

def test_the_sign_in_page_is_public_thai_first_and_loads_nothing_from_elsewhere(voila_server):
    client = Client(voila_server)
    status, headers, body = client.request("/login")
    assert status == 200 and body.index("ลงชื่อเข้าใช้") < body.index("Sign in")
    assert not re.search(r'(src|href)="(https?:)?//', body)
    assert headers["X-Frame-Options"] == "DENY" and "no-store" in headers["Cache-Control"]
    css_status, _, css = client.request("/signin-assets/signin.css")
    assert css_status == 200 and "Sarabun" in css and "http" not in css
    assert client.request("/signin-assets/fonts/Sarabun-Regular.ttf")[0] == 200
    assert client.request("/signin-assets/../app.py")[0] in (403, 404)


def test_a_sign_in_post_without_the_xsrf_token_is_refused(voila_server):
    client = Client(voila_server)
    client.request("/login")
    status, headers, _ = client.request("/login", {"username": "admin", "password": "demo-password"})
    assert status == 403 and "workbench_session" not in headers.get("Set-Cookie", "")


def test_a_wrong_password_gets_the_form_again_with_a_bilingual_message_and_no_cookie(voila_server):
    client = Client(voila_server)
    status, headers, body = client.sign_in("protocol", "not-the-password")
    assert status == 401 and "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in body and "wrong username or password" in body
    assert not any(c.name == "workbench_session" for c in client.jar)


def test_the_session_cookie_is_signed_httponly_and_samesite_strict(voila_server):
    client = Client(voila_server)
    status, headers, _ = client.sign_in("viewer")
    cookie = next(v for k, v in _all_headers(client, "viewer") if k == "Set-Cookie" and "workbench_session" in v)
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "expires" not in cookie.lower()
    token = client.session_token_cookie().value
    assert token.count("|") >= 5  # tornado's signed value (version|key|timestamp|name|value|signature)
    forged = Client(voila_server)
    forged.jar.set_cookie(_copy_cookie(client.session_token_cookie(), token[:-4] + "0000"))
    assert forged.request(HOME)[0] == 302


def test_only_a_path_on_this_server_is_followed_after_sign_in(voila_server):
    client = Client(voila_server)
    status, headers, _ = client.sign_in("viewer", next_path="https://evil.example/")
    assert status == 302 and headers["Location"] == HOME


# --- kernels belong to the session that took them ---------------------------------------------------------

def test_a_raw_websocket_without_a_cookie_cannot_open_a_signed_in_users_kernel(voila_server, admin, admin_kernel):
    kernel_id = admin_kernel
    assert ws_status(voila_server, f"/api/kernels/{kernel_id}/channels") in (401, 403)
    assert ws_status(voila_server, f"/api/kernels/{kernel_id}/channels", {"Cookie": admin.cookie}) == 101


def test_another_users_valid_session_cannot_open_the_kernel_nor_its_api(voila_server, admin, admin_kernel):
    kernel_id = admin_kernel
    analyst = Client(voila_server)
    analyst.sign_in("analyst")
    assert ws_status(voila_server, f"/api/kernels/{kernel_id}/channels", {"Cookie": analyst.cookie}) == 403
    assert analyst.request(f"/api/kernels/{kernel_id}")[0] == 403
    assert analyst.request(f"/api/kernels/{kernel_id}", method="DELETE")[0] in (403,)
    assert admin.request(f"/api/kernels/{kernel_id}")[0] == 200


def test_the_same_users_second_session_cannot_open_the_kernel(voila_server, admin, admin_kernel):
    kernel_id = admin_kernel
    again = Client(voila_server)
    again.sign_in("admin")
    assert ws_status(voila_server, f"/api/kernels/{kernel_id}/channels", {"Cookie": again.cookie}) == 403
    assert ws_status(voila_server, f"/api/kernels/{kernel_id}/channels", {"Cookie": admin.cookie}) == 101


def test_voila_query_answers_only_the_kernel_itself(voila_server, admin, admin_kernel):
    kernel_id = admin_kernel
    waiting = _pool_kernel_ids(voila_server) - {kernel_id}
    for target in (kernel_id, *waiting):
        path = f"/voila/query/{target}"
        assert ws_status(voila_server, path) == 403
        assert ws_status(voila_server, path, {"Cookie": admin.cookie}) == 403
        assert ws_status(voila_server, path, {PROOF_HEADER: kernel_proof(target, b"guessed key")}) == 403
    # and the next visitor's page is not held up by those attempts
    started = time.monotonic()
    visitor = Client(voila_server)
    visitor.sign_in("viewer")
    visitor.open_page()
    assert time.monotonic() - started < 40


def test_kernel_connection_files_and_their_folder_are_the_servers_alone(voila_server, admin, admin_kernel):
    assert admin_kernel
    folder = Path(re.search(r"Storing connection files in (\S+?)\.?$", voila_server.log(), re.M).group(1))
    assert folder.stat().st_mode & 0o777 == 0o700  # (jupyter_client also sets the sticky bit)
    files = list(folder.glob("kernel-*.json"))
    assert files and all(f.stat().st_mode & 0o777 == 0o600 for f in files)


# --- what the owner's own websocket may say to the widgets ------------------------------------------------

class KernelSocket:
    """The owner's kernel websocket, speaking the Jupyter message protocol as the page does."""

    def __init__(self, server, kernel_id: str, cookie: str) -> None:
        url = f"ws{server.url.removeprefix('http')}/api/kernels/{kernel_id}/channels?session_id=probe"
        self.ws = connect(url, additional_headers={"Cookie": cookie}, open_timeout=30, max_size=2**26).__enter__()

    def send(self, msg_type: str, content: dict, metadata: dict | None = None) -> None:
        header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": "probe", "username": "probe",
                  "version": "5.3", "date": "2026-11-25T00:00:00Z"}
        self.ws.send(json.dumps({"header": header, "parent_header": {}, "metadata": metadata or {}, "content": content,
                                 "channel": "shell", "buffers": []}))

    def comm_data(self, seconds: float = 15):
        """The data of each comm message the kernel sends within ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                raw = self.ws.recv(timeout=max(0.1, deadline - time.monotonic()))
            except TimeoutError:
                return
            message = json.loads(raw if isinstance(raw, str) else _json_part(raw))
            if message["header"]["msg_type"] == "comm_msg":
                yield message["content"]["comm_id"], message["content"]["data"]

    def states(self) -> dict:
        control = uuid.uuid4().hex
        self.send("comm_open", {"comm_id": control, "target_name": "jupyter.widget.control", "data": {}},
                  {"version": "1.0.0"})
        self.send("comm_msg", {"comm_id": control, "data": {"method": "request_states"}})
        for comm_id, data in self.comm_data(60):
            if comm_id == control and data.get("method") == "update_states":
                return data["states"]
        raise AssertionError("no widget states")

    def state_of(self, model_id: str) -> dict:
        self.send("comm_msg", {"comm_id": model_id, "data": {"method": "request_state"}})
        for comm_id, data in self.comm_data(30):
            if comm_id == model_id and data.get("method") == "update":
                return data["state"]
        raise AssertionError("no state")

    def close(self) -> None:
        self.ws.close()


def test_a_comm_update_to_an_html_widget_is_refused_by_the_kernel(voila_server, admin, admin_kernel):
    kernel_id = admin_kernel
    socket = KernelSocket(voila_server, kernel_id, admin.cookie)
    try:
        states = socket.states()
        html_id = next(mid for mid, s in states.items() if s["model_name"] == "HTMLModel" and s["state"]["value"])
        before = states[html_id]["state"]["value"]
        socket.send("comm_msg", {"comm_id": html_id, "data": {"method": "update", "buffer_paths": [],
                                                              "state": {"value": "<img src=x onerror=alert(1)>"}}})
        socket.send("comm_open", {"comm_id": uuid.uuid4().hex, "target_name": "jupyter.widget", "data": {
            "state": {"_model_name": "HTMLModel", "value": "<script>alert(1)</script>"}, "buffer_paths": []}})
        assert socket.state_of(html_id)["value"] == before
    finally:
        socket.close()
    log = voila_server.log()
    assert "refused a comm message from the browser: update of ['value'] on HTML" in log
    assert "refused a comm_open from the browser for target 'jupyter.widget'" in log


def test_the_browser_cannot_change_what_a_button_is(voila_server, admin, admin_kernel):
    kernel_id = admin_kernel
    socket = KernelSocket(voila_server, kernel_id, admin.cookie)
    try:
        states = socket.states()
        buttons = {mid: s["state"] for mid, s in states.items() if s["model_name"] == "ButtonModel"}
        sign_out = next(mid for mid, s in buttons.items() if s["description"] == "ออกจากระบบ")
        socket.send("comm_msg", {"comm_id": sign_out, "data": {"method": "update", "buffer_paths": [],
                                                               "state": {"disabled": True}}})
        assert socket.state_of(sign_out)["disabled"] is False  # the browser cannot change what a button is
    finally:
        socket.close()
    assert "refused a comm message from the browser: update of ['disabled'] on Button" in voila_server.log()


# --- sign-out and expiry end the session and its kernels --------------------------------------------------

def test_sign_out_ends_the_session_and_shuts_down_its_kernels(voila_server):
    client = Client(voila_server)
    client.sign_in("officer")
    kernels = [client.open_page(), client.open_page("/voila/render/budget.ipynb")]
    cookie = client.session_token_cookie()
    status, headers, _ = client.request("/logout")
    assert status == 302 and headers["Location"] == "/login?signed_out=1"
    log = voila_server.log()
    for kernel_id in kernels:
        assert f"Kernel shutdown: {kernel_id}" in log
    old = Client(voila_server)
    assert not any(c.name == "workbench_session" for c in client.jar)  # cleared in the browser
    old.jar.set_cookie(_copy_cookie(cookie, cookie.value))  # and worthless if kept
    assert old.request(HOME)[0] == 302  # the old cookie opens nothing any more


@pytest.mark.parametrize("age", ["idle", "expired"])
def test_an_idle_or_expired_session_is_refused_and_its_kernels_are_shut_down(voila_server, age):
    client = Client(voila_server)
    client.sign_in("viewer")
    kernel_id = client.open_page()
    with new_session(voila_server.engine) as session:
        latest = session.exec(sa.select(WebSession).order_by(WebSession.id.desc())).scalars().first()
        long_ago = latest.created_at - (dt_minutes(31) if age == "idle" else dt_minutes(11 * 60))
        values = {"last_seen_at": long_ago} if age == "idle" else {"created_at": long_ago, "last_seen_at": long_ago}
        session.execute(sa.update(WebSession).where(WebSession.id == latest.id).values(**values))
        session.commit()
        session_id = latest.id
    status, headers, _ = client.request(HOME)
    assert status == 302 and headers["Location"].startswith("/login")
    assert ws_status(voila_server, f"/api/kernels/{kernel_id}/channels", {"Cookie": client.cookie}) == 401
    with new_session(voila_server.engine) as session:
        assert session.get(WebSession, session_id).end_reason == age
    deadline = time.monotonic() + 60  # the reaper runs every 30 s
    while f"Kernel shutdown: {kernel_id}" not in voila_server.log() and time.monotonic() < deadline:
        time.sleep(1)
    assert f"Kernel shutdown: {kernel_id}" in voila_server.log()


# --- a second browser ---------------------------------------------------------------------------------------

def test_a_second_browser_signed_in_as_someone_else_cannot_reach_the_first_ones_kernel(browser, voila_server, page):
    open_dashboard(page, voila_server)
    sign_in(page, "admin")
    wait_for_text(page, "แดชบอร์ดที่ท่านเปิดได้")
    kernel_id = page.evaluate("JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")

    other = browser.new_context(locale="th-TH")
    try:
        second = other.new_page()
        second.goto(f"{voila_server.url}/login")
        sign_in(second, "viewer")
        wait_for_text(second, "แดชบอร์ดที่ท่านเปิดได้")
        outcome = second.evaluate(
            """(kernelId) => new Promise((resolve) => {
                const ws = new WebSocket(`ws://${location.host}/api/kernels/${kernelId}/channels?session_id=x`);
                ws.onopen = () => { ws.close(); resolve('open'); };
                ws.onerror = () => resolve('refused');
            })""", kernel_id)
        assert outcome == "refused"
        second.goto(f"{voila_server.url}/api/kernels/{kernel_id}")
        assert "403" in second.content()
    finally:
        other.close()


def _json_part(raw: bytes) -> bytes:
    """The JSON part of a binary kernel message (a count of parts, their offsets, then the parts)."""
    count = int.from_bytes(raw[:4], "big")
    offsets = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(count)]
    return raw[offsets[0]:offsets[1] if count > 1 else len(raw)]


# --- helpers ------------------------------------------------------------------------------------------------

def dt_minutes(minutes: int):
    import datetime as dt

    return dt.timedelta(minutes=minutes)


def _copy_cookie(cookie, value: str):
    return http.cookiejar.Cookie(
        cookie.version, cookie.name, value, cookie.port, cookie.port_specified, cookie.domain,
        cookie.domain_specified, cookie.domain_initial_dot, cookie.path, cookie.path_specified, cookie.secure,
        cookie.expires, cookie.discard, cookie.comment, cookie.comment_url, {"HttpOnly": None})


def _all_headers(client: Client, username: str):
    """Every header of a fresh sign-in's response (``dict`` keeps one Set-Cookie only)."""
    fresh = Client(client.server)
    _, _, body = fresh.request("/login")
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', body).group(1)
    request = urllib.request.Request(f"{client.server.url}/login", data=urllib.parse.urlencode(
        {"_xsrf": xsrf, "username": username, "password": "demo-password"}).encode())
    try:
        fresh.opener.open(request, timeout=60)
    except urllib.error.HTTPError as error:
        return list(error.headers.items())
    raise AssertionError("sign-in did not redirect")


def _pool_kernel_ids(server) -> set[str]:
    return set(re.findall(r"Kernel started: ([0-9a-f-]{36})", server.log()))
