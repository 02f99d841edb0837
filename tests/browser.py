"""Browser harness: a real ``workbench serve`` on a free port, Debian's Chromium driven by Playwright.

Enabled from ``tests/conftest.py`` (``pytest_plugins``). Fixtures:

* ``voila_server`` (one per test module): ``python -m workbench serve`` against this module's own database,
  cloned from the demo template; stopped after the module. ``voila_server.engine`` arranges data through the
  services; ``voila_server.log()`` is the server's log (kernels' errors land there).
* ``browser`` (one per session) and ``page`` (one per test, its own cookies): Chromium from
  ``WORKBENCH_CHROMIUM`` or ``/usr/bin/chromium``, never downloaded. Outside CI a missing Chromium skips the
  browser tests with the reason; in CI it fails them. A failing test leaves a screenshot in ``test-artifacts/``.
* helpers: ``open_dashboard``, ``sign_in`` (through the server's HTTP sign-in page), ``fill``, ``click``,
  ``wait_for_text``.

Every request the page makes to anything but the server is recorded in ``page.foreign_requests`` (the workbench
makes no network fetches at run time).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from sqlalchemy.engine import Engine

from tests.conftest import DEMO_TODAY
from workbench.config import PROJECT_ROOT
from workbench.db import make_engine

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    "--disable-default-apps", "--disable-extensions",
]
START_TIMEOUT_S = 90
TIMEOUT_MS = 30_000


def chromium_path() -> str:
    """Chromium's path, or skip (outside CI) / fail (in CI) the test that needs it."""
    wanted = os.environ.get("WORKBENCH_CHROMIUM") or "/usr/bin/chromium"
    found = wanted if Path(wanted).is_file() else shutil.which(wanted)
    if found:
        return found
    reason = f"Chromium not found at {wanted} (install Debian's chromium or set WORKBENCH_CHROMIUM)"
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class VoilaServer:
    url: str
    engine: Engine
    database_url: str
    log_path: Path
    process: subprocess.Popen

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace")


def _wait_until_serving(server: VoilaServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"workbench serve exited with {server.process.returncode}:\n{server.log()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{server.url}/login", timeout=2):
                pass
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
            continue
        if "--no-preheat" in server.process.args or "Kernel pool of home.ipynb is filled" in server.log():
            return
        time.sleep(0.25)
    raise RuntimeError(f"workbench serve did not answer within {START_TIMEOUT_S} s:\n{server.log()[-3000:]}")


def start_server(backend, template: str, workdir: Path, *, extra_args: tuple[str, ...] = (),
                 env: dict[str, str] | None = None) -> VoilaServer:
    name = f"srv{uuid.uuid4().hex[:10]}"
    database_url = backend.clone(template, name)
    port = _free_port()
    log_path = workdir / "serve.log"
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("WORKBENCH_", "JUPYTERHUB_", "VOILA_")) or k == "WORKBENCH_CHROMIUM"}
    # the demo office is built around DEMO_TODAY: the served dashboards see that day as today
    environment.update({"WORKBENCH_TODAY": DEMO_TODAY.isoformat(),
                        "WORKBENCH_DATABASE_URL": database_url, "WORKBENCH_DASHBOARDS_DIR":
                        str(PROJECT_ROOT / "dashboards"), "PYTHONUNBUFFERED": "1", **(env or {})})
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "workbench", "serve", "--port", str(port), *extra_args],
            cwd=workdir, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    server = VoilaServer(url=f"http://127.0.0.1:{port}", engine=make_engine(database_url),
                         database_url=database_url, log_path=log_path, process=process)
    server.backend_name = name  # type: ignore[attr-defined]
    try:
        _wait_until_serving(server)
    except BaseException:
        stop_server(server, backend)
        raise
    return server


def stop_server(server: VoilaServer, backend) -> None:
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait(timeout=10)
    server.engine.dispose()
    backend.drop(server.backend_name)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def voila_server(backend, demo_template, tmp_path_factory) -> Iterator[VoilaServer]:
    """``workbench serve`` (pre-heated kernels, as shipped) on this module's own copy of the demo office."""
    chromium_path()  # no browser, no point starting a server
    server = start_server(backend, demo_template, tmp_path_factory.mktemp("serve"))
    yield server
    stop_server(server, backend)


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def page(browser, request, voila_server):
    """A fresh browser context and page (Thai locale) for one test; a screenshot is kept if the test fails."""
    context = browser.new_context(locale="th-TH", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.foreign_requests = []  # type: ignore[attr-defined]
    page.on("request", lambda r: None if r.url.startswith((voila_server.url, "data:", "blob:", "about:"))
            else page.foreign_requests.append(r.url))
    page.dialogs = []  # type: ignore[attr-defined]

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-150:]
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception:  # noqa: BLE001 - a failed screenshot must not hide the test's own failure
            pass
    context.close()


# --- helpers ------------------------------------------------------------------------------------------

SIGNED_IN_OR_REFUSED = ".wb-app, .wb-signin-page .notice.error"


def open_dashboard(page, server: VoilaServer, path: str = "/") -> None:
    """Load ``path`` and wait until the dashboard's frame is on screen, or the sign-in page the server sends a
    browser without a session to (``sign_in`` then continues to ``path``)."""
    # A dashboard page streams until its kernel has run the notebook: on a busy two-core CI machine that can take
    # longer than one default time-out, so wait for the first byte, then for the frame, with the sign-in's margin.
    page.goto(f"{server.url}{path}", wait_until="commit", timeout=3 * TIMEOUT_MS)
    page.locator(".wb-app, .wb-signin-page").first.wait_for(timeout=3 * TIMEOUT_MS)


def fill(page, label: str, value: str) -> None:
    """Type ``value`` into the text or password widget whose label reads exactly ``label``."""
    box = page.locator(".widget-inline-hbox").filter(has=page.locator("label", has_text=re.compile(
        rf"^\s*{re.escape(label)}\s*$")))
    box.locator("input").first.fill(value)


def click(page, text: str) -> None:
    """Click the button whose text is exactly ``text``."""
    page.get_by_role("button", name=text, exact=True).first.click()


def wait_for_text(page, text: str, timeout_ms: int | None = None) -> None:
    """Wait for ``text`` on the page (by default as long as the page's own default timeout, which a test on a busy
    machine may raise); on time-out, say which notices the page was showing instead, so a CI log tells why."""
    try:
        page.get_by_text(text, exact=False).first.wait_for(timeout=timeout_ms)
    except PlaywrightTimeoutError as error:
        try:
            shown = [t.strip() for t in page.locator(".notice, .wb-notice").all_inner_texts() if t.strip()]
        except Exception:  # noqa: BLE001 - the page may be gone; the original time-out is what matters
            shown = []
        raise AssertionError(f"{text!r} did not appear; the page's notices were: {shown!r}") from error


def sign_out(page) -> None:
    """Press the header's sign-out button and wait until the browser has arrived on the sign-in page (the notice
    shows on the dashboard a moment before the page moves, so waiting for the text alone races the move)."""
    click(page, "ออกจากระบบ")
    page.wait_for_url(re.compile(r"/login\?signed_out=1$"), timeout=3 * TIMEOUT_MS)
    page.locator(".wb-signin-page form").wait_for()


def sign_in(page, username: str, password: str = "demo-password") -> None:
    """Sign in on the server's HTTP sign-in page (going there first when the page is elsewhere), then wait for
    the dashboard the page was heading to, or for the page's refusal."""
    if page.locator(".wb-signin-page form").count() == 0:
        origin = re.match(r"^https?://[^/]+", page.url).group(0)
        page.goto(f"{origin}/login")
    page.locator("#username").fill(username)
    page.locator("#password").fill(password)
    with page.expect_navigation(wait_until="commit"):  # a dashboard page streams until its kernel has run
        page.locator(".wb-signin-page button[type=submit]").click()
    page.locator(SIGNED_IN_OR_REFUSED).first.wait_for(timeout=3 * TIMEOUT_MS)  # a shared CI machine is slow
