"""JupyterHub for the office: a real Hub (``deploy/jupyterhub_config.py``, its proxy ``configurable-http-proxy``
from npm), staff reaching the dashboards as a Hub service through the Hub's sign-in, an analyst's JupyterLab, and
the identity that reaches the services — always the one the Hub's OAuth names, never one a browser claims.

The Hub runs with a shared-password authenticator (any name signs in to the Hub with the test password: the
workbench must refuse names it does not know) and the simple local spawner (JupyterLab as this account).
Outside CI a missing node proxy or ``jupyterhub`` skips these tests with the reason; in CI it fails them.
"""

from __future__ import annotations

import os
import shutil
import signal
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
from sqlalchemy.engine import Engine
from sqlmodel import select

from tests.browser import IN_CI, TIMEOUT_MS, _free_port, chromium_path
from tests.conftest import DEMO_TODAY
from workbench.config import PROJECT_ROOT
from workbench.db import SYSTEM, make_engine, new_session, transaction
from workbench.i18n import t
from workbench.models.audit import AuditEntry
from workbench.models.base import Clearance
from workbench.services import auth, monitoring, people, users

pytestmark = [pytest.mark.browser, pytest.mark.hub]

PASSWORD = "hub-test-password"
START_TIMEOUT_S = 150
PROXY_NAME = "configurable-http-proxy"


def _missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(reason)
    pytest.skip(reason)


def proxy_path() -> str:
    """The Hub's proxy from npm: ``WORKBENCH_HUB_PROXY``, ``.venv/node/`` (``make hub-proxy``), or the PATH."""
    for candidate in (os.environ.get("WORKBENCH_HUB_PROXY"),
                      str(PROJECT_ROOT / ".venv/node/node_modules/.bin" / PROXY_NAME), shutil.which(PROXY_NAME)):
        if candidate and Path(candidate).is_file() and shutil.which("node"):
            return candidate
    _missing(f"{PROXY_NAME} (npm) or node not found: run `make hub-proxy` (needs Debian's nodejs and npm)")


@dataclass
class Hub:
    url: str
    engine: Engine
    log_path: Path
    process: subprocess.Popen

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def status_and_location(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=10) as reply:
            return reply.status, reply.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


def _wait_for_service(hub: Hub) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            raise RuntimeError(f"jupyterhub exited with {hub.process.returncode}:\n{hub.log()[-4000:]}")
        try:
            status, location = status_and_location(f"{hub.url}/services/workbench/login")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            status, location = 0, ""
        if status == 302 and "/hub/api/oauth2/authorize" in location:
            return
        time.sleep(0.5)
    raise RuntimeError(f"the Hub's workbench service did not answer within {START_TIMEOUT_S} s:\n{hub.log()[-4000:]}")


def _add_analyst(engine: Engine) -> None:
    """An analyst cleared only to confidential: what the notebook shows tells whose identity it used."""
    with new_session(engine) as session, transaction(session, actor=SYSTEM):
        person = people.create_person(session, actor=SYSTEM, data={"given_name_th": "สมชาย", "family_name_th": "ใจดี"})
        users.create_user(session, actor=SYSTEM, data={
            "username": "somchai", "person_id": person.id, "role": "analyst",
            "clearance": Clearance.CONFIDENTIAL, "password": "a-long-enough-password"})


@pytest.fixture(scope="module")
def hub(backend, demo_template, tmp_path_factory) -> Iterator[Hub]:
    chromium_path()
    proxy = proxy_path()
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        _missing("jupyterhub is not installed (pip install -e '.[test]')")
    name = f"hub{uuid.uuid4().hex[:10]}"
    database_url = backend.clone(demo_template, name)
    engine = make_engine(database_url)
    _add_analyst(engine)
    workdir = tmp_path_factory.mktemp("hub")
    shutil.copytree(PROJECT_ROOT / "notebooks", workdir / "lab" / "notebooks")
    port = _free_port()
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("WORKBENCH_", "JUPYTERHUB_", "VOILA_", "JPY_")) or k == "WORKBENCH_CHROMIUM"}
    environment.update({
        "WORKBENCH_DATABASE_URL": database_url, "WORKBENCH_TODAY": DEMO_TODAY.isoformat(),
        "WORKBENCH_DASHBOARDS_DIR": str(PROJECT_ROOT / "dashboards"), "PYTHONUNBUFFERED": "1",
        "WORKBENCH_HUB_PORT": str(port), "WORKBENCH_HUB_API_PORT": str(_free_port()),
        "WORKBENCH_HUB_PROXY_API_PORT": str(_free_port()), "WORKBENCH_HUB_SERVICE_PORT": str(_free_port()),
        "WORKBENCH_HUB_STATE_DIR": str(workdir / "state"), "WORKBENCH_HUB_PROXY": proxy,
        "WORKBENCH_HUB_AUTHENTICATOR": "shared-password", "WORKBENCH_HUB_SHARED_PASSWORD": PASSWORD,
        "WORKBENCH_HUB_SPAWNER": "simple", "WORKBENCH_HUB_NOTEBOOK_DIR": str(workdir / "lab"),
        "WORKBENCH_HUB_SERVICE_ARGS": "--no-preheat",  # a 2-core CI machine: no nine pre-heated kernels
        "WORKBENCH_TEST_HUB_RUN": name,  # handed on to the proxy, the service and JupyterLab: found at the end
    })
    log_path = workdir / "hub.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(PROJECT_ROOT / "deploy" / "jupyterhub_config.py")],
            cwd=workdir, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    server = Hub(url=f"http://127.0.0.1:{port}", engine=engine, log_path=log_path, process=process)
    try:
        _wait_for_service(server)
        yield server
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # the Hub stops its proxy, the service and the JupyterLabs
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        _stop_left_behind(name)  # a Hub that failed at start leaves its proxy and service running
        engine.dispose()
        backend.drop(name)


def _stop_left_behind(run: str) -> None:
    import psutil

    left = []
    for found in psutil.process_iter():
        try:
            if found.environ().get("WORKBENCH_TEST_HUB_RUN") == run:
                left.append(found)
                found.terminate()
        except (psutil.Error, OSError):
            continue
    _, alive = psutil.wait_procs(left, timeout=20)
    for found in alive:
        found.kill()


@pytest.fixture
def hub_page(browser, hub):
    context = browser.new_context(locale="th-TH", viewport={"width": 1366, "height": 900})
    context.set_default_timeout(3 * TIMEOUT_MS)
    page = context.new_page()
    page.foreign_requests = []  # type: ignore[attr-defined]
    page.on("request", lambda r: None if r.url.startswith((hub.url, "data:", "blob:", "about:"))
            else page.foreign_requests.append(r.url))
    yield page
    context.close()


def hub_sign_in(page, hub: Hub, username: str) -> None:
    """Sign in on the Hub's own login page; the Hub sends the browser where that user belongs."""
    page.goto(f"{hub.url}/hub/login")
    page.locator("#username_input").fill(username)
    page.locator("#password_input").fill(PASSWORD)
    with page.expect_navigation(wait_until="commit"):
        page.locator("#login_submit").click()


def audit(hub: Hub, action: str) -> list[AuditEntry]:
    with new_session(hub.engine) as session:
        return list(session.exec(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)))


def test_staff_sign_in_at_the_hub_and_reach_the_dashboards_as_themselves(hub, hub_page):
    page = hub_page
    with new_session(hub.engine) as session:
        officer = auth.identity_of(session, users.get_active_user(session, username="officer"))

    hub_sign_in(page, hub, "officer")
    page.locator(".wb-app").first.wait_for()

    assert page.url.startswith(f"{hub.url}/services/workbench/voila/render/home.ipynb")
    page.get_by_text(officer.display_name("th")).first.wait_for()  # the kernel's user, from the server
    logins = [e for e in audit(hub, "login") if e.entity == "web_session"]
    assert [e.actor_name for e in logins] == ["officer"]
    assert page.foreign_requests == []

    page.goto(f"{hub.url}/services/workbench/logout")  # the dashboards' sign-out ends the Hub's sign-in too
    page.locator("#username_input").wait_for()
    assert "/hub/login" in page.url
    page.goto(f"{hub.url}/services/workbench/")  # signed out of both: the Hub asks again
    page.locator("#username_input").wait_for()


def test_a_hub_user_unknown_to_the_workbench_is_refused_dashboards_and_jupyterlab(hub, hub_page):
    page = hub_page

    hub_sign_in(page, hub, "stranger")
    page.get_by_text("stranger has no active workbench account").wait_for()

    assert "/services/workbench/" in page.url
    assert page.locator(".wb-app").count() == 0
    assert any(e.changes.get("username") == "stranger" for e in audit(hub, "hub_login_refused"))
    page.goto(f"{hub.url}/hub/spawn/stranger")
    page.get_by_text("stranger may not start JupyterLab").first.wait_for()
    assert page.locator(".jp-LabShell").count() == 0
    page.goto(f"{hub.url}/services/workbench/")  # refused again; the page offers the Hub's sign-out
    page.get_by_role("link", name=t("signin.hub_sign_out", "th")).click()
    page.locator("#username_input").wait_for()


def test_no_header_cookie_or_forged_callback_names_the_user(hub):
    claims = {"X-Forwarded-User": "admin", "Remote-User": "admin", "X-Remote-User": "admin",
              "Cookie": "jupyterhub-user=admin; workbench_session=admin", "Authorization": "token admin"}

    status, location = status_and_location(f"{hub.url}/services/workbench/voila/render/home.ipynb", claims)
    forged, _ = status_and_location(f"{hub.url}/services/workbench/oauth_callback?code=abc&state=xyz")

    assert status == 302 and location.startswith("/services/workbench/login")
    assert forged == 403
    assert status_and_location(f"{hub.url}/services/workbench/api/kernels/{uuid.uuid4()}", claims)[0] in (401, 403)


def test_an_analyst_gets_jupyterlab_and_the_notebook_works_as_the_hub_user(hub, hub_page):
    page = hub_page
    with new_session(hub.engine) as session:
        somchai = auth.identity_of(session, users.get_active_user(session, username="somchai"))
        visible = len(monitoring.list_notes(session, actor=somchai))
        everything = len(monitoring.list_notes(session, actor=SYSTEM))
    assert visible < everything  # the notebook's default user ("analyst") would see more

    hub_sign_in(page, hub, "somchai")
    page.wait_for_url("**/user/somchai/lab**")
    page.goto(f"{hub.url}/user/somchai/lab/tree/notebooks/monitoring_notes.ipynb")
    page.get_by_text("JUPYTERHUB_USER").first.wait_for()
    page.locator(".jp-Notebook").first.click()
    page.get_by_role("menuitem", name="Run").click()
    page.get_by_text("Run All Cells", exact=True).click()

    page.locator(".jp-OutputArea-output").get_by_text(t("notes.count", n=visible), exact=True).wait_for()
    assert page.locator(".jp-OutputArea-output").get_by_text(t("notes.count", n=everything), exact=True).count() == 0
