"""One headless Chromium per process, kept for every PDF the process prints (briefing packs, letters, programmes,
registers, reports): the first print starts it (~1 s), later prints reuse it.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: file descriptors 3 and 4,
JSON messages ended by a NUL byte), so no port is opened and nothing else can reach it. Each print opens a fresh
page (a target of its own), loads the document from a local file, waits for its load event and for its fonts,
prints it with ``Page.printToPDF`` and closes the page, so a print never sees the previous one.

Robustness, from what crashed a kept browser in this container before:

* the renderer writes its shared memory to a temporary file rather than ``/dev/shm``
  (``--disable-dev-shm-usage``) and, as root, runs without the sandbox and the zygote (``--no-sandbox
  --no-zygote``): a kept zygote outliving the pages was what lost its renderers;
* one print at a time per process (a lock: kernels and the server print from threads);
* a browser that died (killed, out of memory, a crashed renderer) or stopped answering is killed and started
  again once, and the print is retried; a second failure is reported as a ``ConfigurationError``;
* the browser ends with the process (``atexit``), after IDLE_S seconds without a print (a dashboard kernel does
  not keep it for one PDF) and, should the process die first, when its pipe closes.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from workbench.errors import ConfigurationError

TIMEOUT_S = 120
CHROMIUM_FLAGS = [
    "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--disable-default-apps", "--run-all-compositor-stages-before-draw", "--mute-audio", "--hide-scrollbars",
    "--disable-features=Translate,MediaRouter,OptimizationHints", "--remote-debugging-pipe",
]
# Page.printToPDF as `chromium --print-to-pdf --no-pdf-header-footer` prints: the document's own @page size and
# margins, backgrounds as the print stylesheet asks
PRINT_OPTIONS = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False}


class BrowserGone(Exception):
    """The kept Chromium died or stopped answering."""


def _above_nine(fd: int) -> int:
    """The same pipe end on a descriptor number of at least 10 (the original is closed)."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


class Browser:
    """A headless Chromium on a DevTools pipe."""

    def __init__(self, executable: str) -> None:
        self.executable = executable
        self.folder = tempfile.mkdtemp(prefix="wb-chromium-")
        self._log = open(Path(self.folder) / "chromium.log", "wb")  # noqa: SIM115 - open while Chromium runs
        to_browser_read, self._write_fd = os.pipe()
        self._read_fd, from_browser_write = os.pipe()
        # the child's ends above 9, so that putting them on 3 and 4 never overwrites one with the other
        to_browser_read, from_browser_write = _above_nine(to_browser_read), _above_nine(from_browser_write)
        command = [executable, *CHROMIUM_FLAGS, f"--user-data-dir={Path(self.folder) / 'profile'}", "about:blank"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command[1:1] = ["--no-sandbox", "--no-zygote"]  # Chromium refuses to run as root with its sandbox

        # the browser reads commands on fd 3 and answers on fd 4: bash puts the pipe's ends there just before it
        # becomes Chromium (subprocess closes every other descriptor after a preexec_fn; dash takes only
        # one-digit descriptors)
        plumbing = f'exec "$0" "$@" 3<&{to_browser_read} 4>&{from_browser_write} {to_browser_read}<&- {from_browser_write}>&-'
        self.process = subprocess.Popen(  # noqa: S603 - our own Chromium through bash with fixed arguments
            ["/bin/bash", "-c", plumbing, *command], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=self._log, pass_fds=(to_browser_read, from_browser_write),
            env={**os.environ, "HOME": self.folder}, start_new_session=True)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self._prints = 0
        self._events: list[dict[str, Any]] = []

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._write_fd)
        with contextlib.suppress(OSError):
            os.close(self._read_fd)
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def last_complaint(self) -> str:
        """The last line Chromium wrote to its standard error (for the error message of a failed print)."""
        with contextlib.suppress(OSError):
            lines = (Path(self.folder) / "chromium.log").read_text("utf-8", "replace").strip().splitlines()
            return lines[-1][-200:] if lines else ""
        return ""

    # --- the protocol --------------------------------------------------------------------------------------

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self._read_fd], [], [], min(left, 1.0))
            if not ready:
                if not self.alive():
                    raise BrowserGone("Chromium exited")
                continue
            chunk = os.read(self._read_fd, 1 << 20)
            if not chunk:
                raise BrowserGone("Chromium closed its pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            os.write(self._write_fd, json.dumps(message).encode() + b"\0")
        except OSError as exc:
            raise BrowserGone(str(exc)) from exc
        return self._next_id

    def wait_for(self, *, deadline: float, id: int | None = None, event: str | None = None,  # noqa: A002
                 session: str | None = None) -> dict[str, Any]:
        """The answer to command ``id`` or the first ``event`` of ``session``; other messages are dropped. A
        crashed page (``Inspector.targetCrashed``) is a gone browser: it is started again."""
        if event is not None:
            for seen in self._events:
                if seen.get("method") == event and seen.get("sessionId") == session:
                    self._events.remove(seen)
                    return seen.get("params", {})
        while True:
            message = self._receive(deadline)
            if message.get("method") == "Inspector.targetCrashed" and message.get("sessionId") == session:
                raise BrowserGone("the page's renderer crashed")
            if id is not None and message.get("id") == id:
                if "error" in message:
                    raise BrowserGone(str(message["error"].get("message", message["error"])))
                return message.get("result", {})
            if event is not None and message.get("method") == event and message.get("sessionId") == session:
                return message.get("params", {})
            if message.get("method") == "Page.loadEventFired":  # may come before the answer it follows
                self._events = [*self._events[-20:], message]

    def call(self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None,
             deadline: float) -> dict[str, Any]:
        return self.wait_for(deadline=deadline, id=self.send(method, params, session=session))

    # --- printing ----------------------------------------------------------------------------------------

    def print_pdf(self, document: str, *, timeout: float = TIMEOUT_S) -> bytes:
        deadline = time.monotonic() + timeout
        self._prints += 1
        source = Path(self.folder) / f"print-{self._prints}.html"
        source.write_text(document, "utf-8")
        target = None
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"}, deadline=deadline)["targetId"]
            session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True},
                                deadline=deadline)["sessionId"]
            self.call("Page.enable", session=session, deadline=deadline)
            self.call("Inspector.enable", session=session, deadline=deadline)
            navigated = self.call("Page.navigate", {"url": source.as_uri()}, session=session, deadline=deadline)
            if navigated.get("errorText"):
                raise BrowserGone(navigated["errorText"])
            self.wait_for(deadline=deadline, event="Page.loadEventFired", session=session)
            self.call("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)",
                                           "awaitPromise": True}, session=session, deadline=deadline)
            printed = self.call("Page.printToPDF", PRINT_OPTIONS, session=session, deadline=deadline)
            return base64.b64decode(printed["data"])
        finally:
            with contextlib.suppress(BrowserGone, TimeoutError, OSError):
                if target is not None and self.alive():
                    self.call("Target.closeTarget", {"targetId": target}, deadline=time.monotonic() + 10)
            source.unlink(missing_ok=True)


IDLE_S = 300  # a browser unused this long is closed (a dashboard kernel does not keep ~150 MB for one print)
_lock = threading.Lock()
_browser: Browser | None = None
_idle: threading.Timer | None = None


def _close_if_idle(browser: Browser) -> None:
    with _lock:
        if _browser is browser:
            _shutdown()


def _arm_idle_timer() -> None:
    global _idle
    if _idle is not None:
        _idle.cancel()
    if _browser is not None:
        _idle = threading.Timer(IDLE_S, _close_if_idle, args=(_browser,))
        _idle.daemon = True
        _idle.start()


def _shutdown() -> None:
    global _browser
    if _browser is not None:
        _browser.close()
        _browser = None


atexit.register(_shutdown)


def print_pdf(executable: str, document: str, *, timeout: float = TIMEOUT_S) -> bytes:
    """Print ``document`` (HTML) to PDF with the process's kept Chromium, starting it (again) when needed."""
    global _browser
    with _lock:
        for attempt in (1, 2):
            if _browser is None or not _browser.alive() or _browser.executable != executable:
                _shutdown()
                _browser = Browser(executable)
            try:
                printed = _browser.print_pdf(document, timeout=timeout)
                _arm_idle_timer()
                return printed
            except TimeoutError:
                _shutdown()
                raise ConfigurationError(f"Chromium สร้าง PDF ไม่เสร็จภายใน {timeout:.0f} วินาที",
                                         f"Chromium did not finish the PDF within {timeout:.0f} s",
                                         field="WORKBENCH_CHROMIUM") from None
            except (BrowserGone, OSError, ValueError, KeyError) as exc:
                reason = f"{exc}: {_browser.last_complaint()}"[:200]
                _shutdown()
                if attempt == 2:
                    raise ConfigurationError(f"Chromium สร้าง PDF ไม่ได้ ({reason})",
                                             f"Chromium could not make the PDF ({reason})",
                                             field="WORKBENCH_CHROMIUM") from exc
    raise AssertionError("unreachable")  # pragma: no cover


def running_browser() -> int | None:
    """The process id of the kept Chromium, if one is running (for tests and ``make bench``)."""
    return _browser.process.pid if _browser is not None and _browser.alive() else None
