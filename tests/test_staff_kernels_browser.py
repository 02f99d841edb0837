"""No kernel left behind: ten round trips home → a dashboard → home, taking every dashboard in turn, keep the
server's kernels bounded.

Voila's page shuts its kernel down when the browser leaves it (a ``beforeunload`` beacon to
``voila/api/shutdown/<id>`` carrying the page's ``_xsrf`` cookie). A browser that signed in without the sign-in
form (JupyterHub) or lost that cookie used to send no token: every shutdown was refused (403) and each visit left
a kernel behind for 15 minutes. Here the walk starts without the cookie, as such a browser does.
"""

from __future__ import annotations

import time

import psutil
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser import TIMEOUT_MS, open_dashboard, sign_in
from workbench.registry import DASHBOARDS

pytestmark = pytest.mark.browser

ROUND_TRIPS = 10  # home → dashboard → home, ten times, each dashboard in turn (all of them, then again)
OPEN_TABS = 1
SETTLE_S = 90
PAGE_TIMEOUT_MS = 8 * TIMEOUT_MS  # a shared CI machine under load starts a kernel slowly
MAX_KERNEL_RSS = 600 * 2**20  # a dashboard kernel holds ~150–300 MB; far above it is a leak


def kernels(server) -> list[psutil.Process]:
    """The kernel processes the server started (its children running ipykernel)."""
    found = []
    for child in psutil.Process(server.process.pid).children(recursive=True):
        try:
            if any("ipykernel" in part for part in child.cmdline()):
                found.append(child)
        except psutil.Error:
            continue
    return found


def rss(processes: list[psutil.Process]) -> int:
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            continue
    return total


def visit(page, server, path: str) -> None:
    """Go to ``path`` and wait for its dashboard (a page streams until its kernel has run: on a busy machine, when
    the pre-heated kernel is taken and the next one still starting, that takes a while)."""
    page.goto(f"{server.url}{path}", wait_until="commit", timeout=PAGE_TIMEOUT_MS)
    try:
        page.locator(".wb-app").first.wait_for(timeout=PAGE_TIMEOUT_MS // 2)
    except PlaywrightTimeoutError:  # a page stuck on a loaded machine: reload it, as staff would (its kernel
        print(f"reloading {path}: not drawn in {PAGE_TIMEOUT_MS // 2000} s", flush=True)  # is then shut too)
        page.reload(wait_until="commit", timeout=PAGE_TIMEOUT_MS)
        page.locator(".wb-app").first.wait_for(timeout=PAGE_TIMEOUT_MS)


def wait_for_at_most(server, bound: int) -> list[psutil.Process]:
    deadline = time.monotonic() + SETTLE_S
    alive = kernels(server)
    while len(alive) > bound and time.monotonic() < deadline:
        time.sleep(1)
        alive = kernels(server)
    return alive


def test_ten_round_trips_through_every_dashboard_leave_no_kernel_behind(page, voila_server):
    pool = len(DASHBOARDS)  # workbench serve pre-heats one kernel per dashboard
    orphaned = 1  # the page open while the test clears the cookie: its own shutdown is refused (counted below)
    bound = OPEN_TABS + pool + orphaned
    open_dashboard(page, voila_server)
    sign_in(page, "admin")  # the administrator opens every dashboard
    context = page.context
    kept = [cookie for cookie in context.cookies() if cookie["name"] != "_xsrf"]
    context.clear_cookies()
    context.add_cookies(kept)  # as a browser signed in by JupyterHub: no xsrf cookie yet

    refused_before = voila_server.log().count("argument missing from POST") + 1  # leaving the page just cleared
    most = 0
    others = DASHBOARDS[1:]
    for number in range(ROUND_TRIPS):
        dashboard = others[number % len(others)]
        visit(page, voila_server, f"/voila/render/{dashboard.notebook}")
        visit(page, voila_server, "/voila/render/home.ipynb")
        most = max(most, len(kernels(voila_server)))
        print(f"round trip {number + 1} ({dashboard.name}): {len(kernels(voila_server))} kernels alive", flush=True)

    alive = wait_for_at_most(voila_server, bound)
    memory = rss(alive)
    print(f"kernels alive after {ROUND_TRIPS} round trips: {len(alive)} (bound {bound}, most seen {most}), "
          f"{memory / 2**20:.0f} MB")
    assert voila_server.log().count("argument missing from POST") <= refused_before
    assert len(alive) <= bound
    assert memory <= bound * MAX_KERNEL_RSS
