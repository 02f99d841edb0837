"""Every dashboard notebook is ``dashboard_app("name", Builder)``: sign-in, permission, header, then the widget.

``dashboard_app`` waits for the browser's request (with pre-heated kernels, the notebook runs before anyone asks;
nothing here touches data until the request has arrived), then ``AppShell``:

1. resolves who is there (``services.auth.resolve_identity``: JUPYTERHUB_USER, else a ``?handoff=`` token, else
   nobody) and shows the sign-in form when nobody;
2. checks that the user may open this dashboard (``workbench.dashboards.require_open``);
3. builds the dashboard with ``build(engine, identity)`` under a header (name, role, home, sign out).

A dashboard widget that links to other dashboards exposes a ``requested`` Unicode trait: setting it to a
dashboard's name makes the shell issue a fresh hand-over token and move the browser there.
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Unicode

from workbench import dashboards
from workbench.db import new_session
from workbench.i18n import t
from workbench.services import auth
from workbench.ui.guard import guarded
from workbench.ui.header import AppHeader
from workbench.ui.notice import Notice
from workbench.ui.server_log import configure_server_logging
from workbench.ui.signin import SignInForm

log = logging.getLogger("workbench.ui.app")

Builder = Callable[[Engine, Any], widgets.Widget]


class AppShell(widgets.VBox):
    """The frame of a dashboard. Public state: ``username`` (signed-in user, "" when nobody) and ``dashboard``."""

    username = Unicode("")
    dashboard = Unicode("")

    def __init__(self, engine: Engine, *, dashboard: str, build: Builder, query_string: str | None = None,
                 hub_user: str | None = None) -> None:
        self.engine = engine
        self.dashboard = dashboard
        self._build = build
        self._hub_user = hub_user
        self.identity: Any = None
        self.header = widgets.Box()
        self.notice = Notice()
        self.navigator = widgets.HTML("")
        self.body = widgets.VBox()
        super().__init__([self.header, self.notice, self.navigator, self.body])
        self.add_class("wb-app")
        self._guard = guarded(self.notice)
        self._guard(self._start)(query_string)

    def __repr__(self) -> str:  # the page's text/plain fallback: never the widgets' values
        return f"<workbench dashboard {self.dashboard}>"

    # --- flow ------------------------------------------------------------------------------------------

    def _start(self, query_string: str | None) -> None:
        with new_session(self.engine) as session:
            found = auth.resolve_identity(session, hub_user=self._hub_user, query_string=query_string,
                                          target=self.dashboard)
        if found.identity is not None:
            self.enter(found.identity)
            return
        if found.problem is not None:
            self.notice.error(found.problem)
        if found.allow_sign_in:
            self.show_sign_in()

    def show_sign_in(self) -> None:
        self.header.children = ()
        self.body.children = (SignInForm(authenticate=self._authenticate, on_signed_in=self.enter),)

    def _authenticate(self, username: str, password: str) -> Any:
        with new_session(self.engine) as session:
            return auth.sign_in(session, username=username, password=password)

    def enter(self, identity: Any) -> None:
        """Show the dashboard to ``identity``, or (on the shell's notice) why not."""
        self._guard(self._enter)(identity)

    def _enter(self, identity: Any) -> None:
        self.identity = identity
        self.username = identity.username
        self.notice.reset()
        on_home = None
        if self.dashboard != dashboards.HOME:
            on_home = self._guard(lambda: self.open_dashboard(dashboards.HOME))
        self.header.children = (AppHeader(identity, on_home=on_home, on_sign_out=self._guard(self.sign_out)),)
        self.body.children = ()
        dashboards.require_open(identity, self.dashboard)
        content = self._build(self.engine, identity)
        if content.has_trait("requested"):
            content.observe(self._guard(self._on_requested), names="requested")
        self.body.children = (content,)

    def _on_requested(self, change: dict) -> None:
        if change["new"]:
            self.open_dashboard(change["new"])

    def open_dashboard(self, name: str) -> None:
        """Move the browser to dashboard ``name`` with a fresh single-use hand-over token."""
        target = dashboards.require_open(self.identity, name)
        with new_session(self.engine) as session:
            link = auth.handoff_link(session, actor=self.identity, target=target.name, notebook=target.notebook)
        url = html.escape(link, quote=True)
        title = html.escape(t("nav.opening", title=t(target.title_key)))
        self.navigator.value = (f'<meta http-equiv="refresh" content="0; url={url}">'
                                f'<span>{title}</span> <a href="{url}">{html.escape(t("nav.fallback"))}</a>')

    def sign_out(self) -> None:
        if self.identity is not None:
            with new_session(self.engine) as session:
                auth.sign_out(session, identity=self.identity)
        self.identity = None
        self.username = ""
        self.body.children = ()
        self.show_sign_in()
        self.notice.show(t("signin.signed_out"), "info")


def request_query_string() -> str | None:
    """The query string of the page's request, or None outside Voila.

    A pre-heated kernel (``VOILA_PREHEAT=True``) runs the notebook before anyone asks, so this blocks until
    Voila hands it the request over its ``voila/query/<kernel id>`` websocket, exactly as
    ``voila.utils.wait_for_request`` does. That function is not imported because importing ``voila.utils``
    pulls in the whole Jupyter server and costs several seconds in every kernel; the protocol is five
    environment variables and one message.
    """
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        _wait_for_voila_request()
    return os.environ.get("QUERY_STRING")


def _wait_for_voila_request() -> None:
    import json

    from websockets.sync.client import connect

    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    host = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    url = f"{protocol}://{host}:{port}{base}voila/query/{os.environ.get('VOILA_KERNEL_ID', '')}"
    try:
        with connect(url, open_timeout=5, max_size=2**20) as websocket:
            info = json.loads(websocket.recv())
    except (OSError, TimeoutError, ValueError) as exc:
        log.warning("could not receive the request from Voila at %s: %s", url, exc)
        return
    for key, value in info.items():
        os.environ[str(key)] = str(value)


def dashboard_app(name: str, build: Builder, *, engine: Engine | None = None) -> AppShell:
    """The dashboard ``name``: wait for the request, resolve who is there, and show ``build(engine, identity)``."""
    configure_server_logging()
    query_string = request_query_string()
    if engine is None:
        from workbench.db import get_engine

        engine = get_engine()
    return AppShell(engine, dashboard=name, build=build, query_string=query_string,
                    hub_user=os.environ.get("JUPYTERHUB_USER") or None)
