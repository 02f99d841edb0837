"""The browser part of `make bench`: `workbench serve` on the 20-year office, Debian's Chromium driven by Playwright.

* navigation → content for every dashboard (from `page.goto` to the dashboard's frame ``.wb-app`` on screen, the
  home page to ``.wb-home``), with pre-heated kernels and without (``--no-preheat``), against a one-button Voila
  page (``onebutton.ipynb``: one ipywidgets button) served by the same server in the same run;
* interaction latencies through the browser: next month and open a detail (visits), switch fiscal year (budget),
  pick an engagement (briefing): from the click to the changed content on screen;
* peak kernel memory: the highest ``VmHWM`` (peak resident set) of the server's kernels after the walk.

The dashboards are copied with the one-button page into a temporary folder the server serves; the database is the
benchmark's own. Nothing here is a test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_MS = 180_000
ONE_BUTTON = {
    "cells": [{"cell_type": "code", "id": "one-button", "metadata": {}, "execution_count": None, "outputs": [],
               "source": ["import ipywidgets\n", "ipywidgets.Button(description='OK')"]}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                 "language_info": {"name": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
                 "--disable-extensions"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``workbench serve`` over a folder holding the dashboards and the one-button page."""

    def __init__(self, database_url: str, *, preheat: bool) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="wb-bench-serve-"))
        pages = self.folder / "dashboards"
        pages.mkdir()
        for notebook in (ROOT / "dashboards").glob("*.ipynb"):
            shutil.copy(notebook, pages / notebook.name)
        (pages / "onebutton.ipynb").write_text(json.dumps(ONE_BUTTON), "utf-8")
        self.notebooks = sorted(p.name for p in pages.glob("*.ipynb"))
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.folder / "serve.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("WORKBENCH_", "JUPYTERHUB_", "VOILA_"))}
        env.update({"WORKBENCH_DATABASE_URL": database_url, "WORKBENCH_DASHBOARDS_DIR": str(pages),
                    "WORKBENCH_TODAY": os.environ.get("WORKBENCH_TODAY", "2026-11-30"), "PYTHONUNBUFFERED": "1"})
        args = [sys.executable, "-m", "workbench", "serve", "--port", str(self.port)]
        if not preheat:
            args.append("--no-preheat")
        self.preheat = preheat
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(args, cwd=self.folder, env=env, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        self._wait()

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace")

    def fills(self, name: str) -> int:
        """How many times the pool of ``name`` was (re)filled with a pre-heated kernel so far."""
        return len(re.findall(rf"Kernel pool of (?:\S*/)?{re.escape(name)} is filled", self.log()))

    def wait_for_pools(self, wanted: dict[str, int] | None = None, timeout: float = 600) -> None:
        """Until every notebook's pool was filled (``wanted``: at least that many times each)."""
        if not self.preheat:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(self.fills(name) >= (wanted or {}).get(name, 1) for name in self.notebooks):
                return
            time.sleep(0.5)

    def _wait(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"workbench serve exited:\n{self.log()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/login", timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        raise RuntimeError(f"workbench serve did not answer:\n{self.log()[-2000:]}")

    def kernel_peak_mib(self) -> float:
        """The highest peak resident set (VmHWM) among the server's kernel processes (its descendants running
        ipykernel; kernels run in sessions of their own), in MiB."""
        parents: dict[int, int] = {}
        kernels: dict[int, int] = {}
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
                command = (status.parent / "cmdline").read_bytes()
            except OSError:
                continue
            pid = int(status.parent.name)
            parent = re.search(r"PPid:\s+(\d+)", text)
            parents[pid] = int(parent.group(1)) if parent else 0
            peak = re.search(r"VmHWM:\s+(\d+) kB", text)
            if b"ipykernel" in command and peak:
                kernels[pid] = int(peak.group(1))

        def served(pid: int) -> bool:
            while pid > 1:
                if pid == self.process.pid:
                    return True
                pid = parents.get(pid, 0)
            return False

        return max((kib for pid, kib in kernels.items() if served(pid)), default=0) / 1024

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def sign_in(page, server: Server, username: str = "admin", password: str = "demo-password") -> None:
    page.goto(f"{server.url}/login")
    page.locator("#username").fill(username)
    page.locator("#password").fill(password)
    with page.expect_navigation(wait_until="commit"):
        page.locator(".wb-signin-page button[type=submit]").click()
    page.locator(".wb-app").first.wait_for(timeout=TIMEOUT_MS)


def navigate(page, server: Server, notebook: str) -> float:
    """Seconds from navigation to the page's content on screen."""
    marker = ".widget-button" if notebook == "onebutton.ipynb" else ".wb-app"
    started = time.perf_counter()
    page.goto(f"{server.url}/voila/render/{notebook}", wait_until="commit", timeout=TIMEOUT_MS)
    page.locator(marker).first.wait_for(timeout=TIMEOUT_MS)
    return time.perf_counter() - started


def changed(page, selector: str, act: Callable[[], None], *, settle: str | None = None) -> float:
    """Seconds from ``act`` (a click, a choice) until the text of ``selector`` differs from before (and
    ``settle``, when given, is on screen)."""
    before = page.locator(selector).first.inner_text()
    started = time.perf_counter()
    act()
    page.wait_for_function("([s, b]) => { const e = document.querySelector(s); return e && e.innerText !== b; }",
                           arg=[selector, before], timeout=TIMEOUT_MS)
    if settle:
        page.locator(settle).first.wait_for(timeout=TIMEOUT_MS)
    return time.perf_counter() - started


def interactions(page, server: Server, repeat: int, found: dict[str, list[float]]) -> None:
    """Each interaction ``repeat`` times into ``found`` (what was measured stays there if a later one fails)."""
    found.update({"next month": [], "open a detail": [], "switch fiscal year": [], "pick an engagement": []})
    navigate(page, server, "visits.ipynb")
    page.locator(".wb-calendar-grid").first.wait_for(timeout=TIMEOUT_MS)
    for _ in range(repeat):
        found["next month"].append(changed(page, ".wb-calendar-grid", lambda: page.get_by_role(
            "button", name="ถัดไป ▶", exact=True).first.click()))
    items = page.locator(".wb-calendar-grid button.wb-calendar-item")
    for number in range(repeat if items.count() else 0):
        found["open a detail"].append(changed(page, ".wb-app", lambda n=number: items.nth(
            n % items.count()).click(), settle=".wb-visit-detail, .wb-engagement-detail"))
    navigate(page, server, "budget.ipynb")
    year = page.locator(".wb-budget select").first
    year.wait_for(timeout=TIMEOUT_MS)
    options = year.locator("option").count()
    for _ in range(repeat if options > 1 else 0):
        other = (year.evaluate("e => e.selectedIndex") + 1) % options  # another year than the one shown
        found["switch fiscal year"].append(changed(page, ".wb-budget", lambda o=other: year.select_option(
            index=o)))
    navigate(page, server, "briefing.ipynb")
    picker = page.locator(".wb-briefing select").first
    picker.wait_for(timeout=TIMEOUT_MS)
    for _ in range(repeat if picker.locator("option").count() > 1 else 0):
        other = picker.evaluate("e => e.selectedIndex") % (picker.locator("option").count() - 1) + 1  # not "—"
        found["pick an engagement"].append(changed(page, ".wb-briefing", lambda o=other: picker.select_option(
            index=o), settle=".wb-pack-preview"))


def measure(database_url: str, repeat: int) -> tuple[dict[str, dict[str, list[float]]], dict[str, list[float]],
                                                      float]:
    """Navigation times per notebook for ``preheat`` and ``no preheat``, interaction latencies (pre-heated
    server) and the kernels' peak memory in MiB."""
    from playwright.sync_api import sync_playwright

    navigation: dict[str, dict[str, list[float]]] = {}
    latencies: dict[str, list[float]] = {}
    peak = 0.0
    executable = os.environ.get("WORKBENCH_CHROMIUM") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for label, preheat in (("pre-heated", True), ("no pre-heat", False)):
            server = Server(database_url, preheat=preheat)
            try:
                context = browser.new_context(locale="th-TH", viewport={"width": 1366, "height": 900})
                page = context.new_page()
                server.wait_for_pools()
                sign_in(page, server)
                times: dict[str, list[float]] = {name: [] for name in server.notebooks}
                for _ in range(repeat):
                    for name in server.notebooks:
                        filled = {n: server.fills(n) for n in server.notebooks}
                        times[name].append(navigate(page, server, name))
                        # the kernel just used is replaced by a new pre-heated one before the next navigation
                        server.wait_for_pools({**filled, name: filled[name] + 1}, timeout=180)
                navigation[label] = times
                if preheat:
                    try:
                        interactions(page, server, repeat, latencies)
                    except Exception as error:  # noqa: BLE001 - the table says what could not be measured
                        print(f"interactions stopped: {str(error).splitlines()[0]}", file=sys.stderr)
                    peak = server.kernel_peak_mib()
                context.close()
            finally:
                server.stop()
        browser.close()
    return navigation, latencies, peak
