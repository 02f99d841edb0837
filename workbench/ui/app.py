"""Every dashboard notebook is ``dashboard_app("name", Builder)``: who is there, permission, header, the widget.

``dashboard_app`` waits for the browser's request (with pre-heated kernels, the notebook runs before anyone asks;
nothing here reads anyone's data until the request has arrived), then ``AppShell``:

1. takes the user from the server, never from the page: ``workbench serve`` signs people in on its own HTTP page
   and hands the kernel the signed-in user and web session id with the request (``request_info``); the shell
   accepts them only while that web session is open (``services.auth.resolve_identity``, which also cross-checks
   ``JUPYTERHUB_USER`` behind JupyterHub). Nobody known: a notice and a link to the sign-in page, no form here;
2. checks that the user may open this dashboard (``workbench.registry.require_open``);
3. builds the dashboard with ``build(engine, identity)`` under a header (name, role, home, sign out).

A dashboard widget that links to other dashboards exposes a ``requested`` Unicode trait: setting it to a
dashboard's name moves the browser there with a plain link (the session cookie carries the user). Sign-out ends
the web session and sends the browser to the server's ``logout`` route, which shuts down the session's kernels.
``comm_guard.install()`` checks every comm message the browser sends to this kernel's widgets.
"""

from __future__ import annotations

import html
import logging
import os
import re
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Unicode

from workbench import registry
from workbench.db import new_session
from workbench.i18n import t
from workbench.kernel_protocol import PROOF_HEADER, WEB_SESSION, WEB_USER, kernel_proof
from workbench.services import auth
from workbench.ui import comm_guard, visible_choice
from workbench.ui.guard import guarded
from workbench.ui.header import AppHeader
from workbench.ui.notice import Notice
from workbench.ui.preheat import preheat
from workbench.ui.server_log import configure_server_logging

log = logging.getLogger("workbench.ui.app")

Builder = Callable[[Engine, Any], widgets.Widget]


class AppShell(widgets.VBox):
    """The frame of a dashboard. Public state: ``username`` (signed-in user, "" when nobody) and ``dashboard``."""

    username = Unicode("")
    dashboard = Unicode("")

    def __init__(self, engine: Engine, *, dashboard: str, build: Builder, request: dict[str, str] | None = None,
                 hub_user: str | None = None) -> None:
        self.engine = engine
        self.dashboard = dashboard
        self._build = build
        self._hub_user = hub_user
        self._request = request or {}
        self.identity: Any = None
        self.web_session_id: int | None = None
        self.header = widgets.Box()
        self.notice = Notice()
        self.navigator = widgets.HTML("")
        self.body = widgets.VBox()
        super().__init__([self.header, self.notice, self.navigator, self.body])
        self.add_class("wb-app")
        self._guard = guarded(self.notice)
        self._guard(self._start)()

    def __repr__(self) -> str:  # the page's text/plain fallback: never the widgets' values
        return f"<workbench dashboard {self.dashboard}>"

    # --- flow ------------------------------------------------------------------------------------------

    def _start(self) -> None:
        web_user = self._request.get(WEB_USER) or None
        raw_id = self._request.get(WEB_SESSION) or ""
        self.web_session_id = int(raw_id) if raw_id.isdigit() else None
        with new_session(self.engine) as session:
            found = auth.resolve_identity(session, hub_user=self._hub_user, web_user=web_user,
                                          web_session_id=self.web_session_id)
        if found.identity is not None:
            self.enter(found.identity)
            return
        self.show_signed_out(found.problem)

    def show_signed_out(self, problem: Any = None) -> None:
        """Nobody (any more): no header, no content, the reason and a plain link to the sign-in page."""
        self.header.children = ()
        self.body.children = ()
        if problem is not None:
            self.notice.error(problem)
        link = html.escape(_server_path("login"), quote=True)
        self.navigator.value = f'<a href="{link}">{html.escape(t("signin.go"))}</a>'

    def enter(self, identity: Any) -> None:
        """Show the dashboard to ``identity``, or (on the shell's notice) why not."""
        self._guard(self._enter)(identity)

    def _enter(self, identity: Any) -> None:
        self.identity = identity
        self.username = identity.username
        self.notice.reset()
        on_home = None
        if self.dashboard != registry.HOME:
            on_home = self._guard(lambda: self.open_dashboard(registry.HOME))
        self.header.children = (AppHeader(identity, on_home=on_home, on_sign_out=self._guard(self.sign_out)),)
        self.body.children = ()
        registry.require_open(identity, self.dashboard)
        content = self._build(self.engine, identity)
        if content.has_trait("requested"):
            content.observe(self._guard(self._on_requested), names="requested")
        self.body.children = (content,)
        item = opened_item(self._request.get("QUERY_STRING", ""))
        if item and callable(getattr(content, "open_item", None)):
            content.open_item(*item)  # a record the user may not see is refused as missing, on the notice

    def _on_requested(self, change: dict) -> None:
        if change["new"]:
            self.open_dashboard(change["new"])

    def open_dashboard(self, name: str) -> None:
        """Move the browser to dashboard ``name`` (a plain link: the session cookie carries the user); ``name`` may
        ask for one record in it, ``name?open=kind:id``, which that dashboard then opens."""
        name, _, query = name.partition("?")
        target = registry.require_open(self.identity, name)
        item = opened_item(query)
        suffix = f"?open={item[0]}%3A{item[1]}" if item else ""
        self._move_browser(_server_path(f"voila/render/{target.notebook}{suffix}"),
                           t("nav.opening", title=t(target.title_key)))

    def _move_browser(self, path: str, title: str) -> None:
        url = html.escape(path, quote=True)
        fallback = html.escape(t("nav.fallback"))
        self.navigator.value = (f'<meta http-equiv="refresh" content="0; url={url}">'
                                f'<span>{html.escape(title)}</span> <a href="{url}">{fallback}</a>')

    def sign_out(self) -> None:
        """End the web session (so nothing of it works any more) and send the browser to the server's sign-out,
        which shuts down the session's kernels and clears the cookie."""
        if self.identity is not None:
            with new_session(self.engine) as session:
                auth.sign_out(session, identity=self.identity, web_session_id=self.web_session_id)
        self.identity = None
        self.username = ""
        self.header.children = ()
        self.body.children = ()
        self.notice.show(t("signin.signed_out"), "info")
        self._move_browser(_server_path("logout"), t("signin.signed_out"))


def opened_item(query: str) -> tuple[str, int] | None:
    """The record a page's query string asks its dashboard to open (``open=kind:id``), or None."""
    from urllib.parse import parse_qs

    value = (parse_qs(query).get("open") or [""])[0]
    match = re.fullmatch(r"([a-z_]{1,40}):(\d{1,12})", value)
    return (match.group(1), int(match.group(2))) if match else None


def _server_path(path: str) -> str:
    base = os.environ.get("VOILA_BASE_URL") or "/"
    return f"{base.rstrip('/')}/{path}"


def request_info() -> dict[str, str]:
    """The page's request as the server describes it (its query string, and the signed-in user and web session
    that ``workbench serve`` adds), or {} outside Voila.

    A pre-heated kernel (``VOILA_PREHEAT=True``) runs the notebook before anyone asks, so this blocks until the
    server hands the request over its ``voila/query/<kernel id>`` websocket. The server answers only a client that
    proves it is this kernel (``kernel_proof``). ``voila.utils.wait_for_request`` is not used: importing
    ``voila.utils`` pulls in the whole Jupyter server and costs several seconds in every kernel, and it cannot
    send the proof. A kernel started on request (no pre-heating) has the same values in its environment.
    """
    keys = ("QUERY_STRING", WEB_USER, WEB_SESSION)
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        info = _wait_for_voila_request()
        return {key: str(info.get(key, "")) for key in keys}
    return {key: os.environ.get(key, "") for key in keys if key in os.environ}


def _kernel_key() -> bytes:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return b""
    kernel = getattr(get_ipython(), "kernel", None)
    return bytes(getattr(getattr(kernel, "session", None), "key", b"") or b"")


def _wait_for_voila_request() -> dict:
    import json

    from websockets.sync.client import connect

    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    host = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    kernel_id = os.environ.get("VOILA_KERNEL_ID", "")
    url = f"{protocol}://{host}:{port}{base}voila/query/{kernel_id}"
    headers = {PROOF_HEADER: kernel_proof(kernel_id, _kernel_key())}
    try:
        with connect(url, open_timeout=5, max_size=2**20, additional_headers=headers) as websocket:
            return dict(json.loads(websocket.recv()))
    except (OSError, TimeoutError, ValueError) as exc:
        log.warning("could not receive the request from the server at %s: %s", url, exc)
        return {}


def dashboard_app(name: str, build: Builder, *, engine: Engine | None = None) -> AppShell:
    """The dashboard ``name``: check the browser's messages, wait for the request, take the user the server
    signed in, and show ``build(engine, identity)``."""
    configure_server_logging()
    comm_guard.install()
    visible_choice.install()
    preheat(name)  # before the wait: a pre-heated kernel does this ahead of the request
    request = request_info()
    if engine is None:
        from workbench.db import get_engine

        engine = get_engine()
    return AppShell(engine, dashboard=name, build=build, request=request,
                    hub_user=os.environ.get("JUPYTERHUB_USER") or None)
