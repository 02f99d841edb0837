"""``WorkbenchVoila``: standalone Voila with a sign-in in front of every route and kernels bound to their owner.

Run as ``python -m workbench.serve DASHBOARDS_DIR [voila options]`` (``workbench serve`` builds that command line,
``workbench.cli.voila_command``). What it changes in Voila 0.5 / jupyter_server 2, and why:

* **Who is asking** — ``identity_provider_class`` is ``handlers.WorkbenchIdentityProvider`` (jupyter_server's own
  extension point): Jupyter handlers know a user only through a live web session cookie. Its ``get_handlers``
  adds the public sign-in page, sign-out and the page's assets (``handlers.sign_in_routes``).
* **Every route needs a session** — ``init_handlers`` takes Voila's route table and replaces or wraps each
  entry: the page handler, kernel websocket, kernel API, shutdown and ``voila/query`` by the subclasses in
  ``handlers``; every other route (static files, templates, themes, labextensions, files) by
  ``handlers.require_session(...)``, so an unknown future route is closed too. ``voila/api/contents`` (a file
  listing) and the tree pages are removed: ``/`` and ``/voila/tree`` redirect to the home dashboard.
* **Kernels bound to their owner** — ``settings["workbench_kernel_owners"]`` (``sessions.KernelOwners``) maps each
  kernel a page took to that page's web session; a periodic reaper shuts down the kernels of ended sessions.
* **Local accounts** — the process umask is 077 (``main``): connection files and Voila's connection folder are
  the server account's alone (jupyter_client writes them 0600 in a 0700 folder as well).
* **JupyterHub** — with ``hub_service`` (``workbench serve --hub``, started by the Hub as a service) the sign-in
  page hands the browser to the Hub's OAuth, and the callback signs in the user the Hub names (``hub``); the
  service's API token is taken out of the environment before any kernel starts.
* **Cookies** — the cookie secret is Voila's, random at each start (a restart signs everyone out); the xsrf
  cookie is SameSite=Strict.
* ``voila_template/index.html.j2`` is first on Voila's template path: Voila's "lab" page without the two Font
  Awesome stylesheets it fetches from a CDN (the workbench fetches nothing from the internet).

What stays Voila's own: the browser cannot run code (Voila lets only ``comm_*``, ``kernel_info_request`` and
``shutdown_request`` through the kernel websocket), sources are stripped, tracebacks hidden (options set by
``workbench serve``). Inside the kernel, ``workbench.ui.comm_guard`` checks every comm message.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from jupyter_server.services.kernels.handlers import KernelHandler
from jupyter_server.utils import url_path_join
from tornado.ioloop import PeriodicCallback
from tornado.web import RedirectHandler
from traitlets import Bool, default
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from workbench.serving import handlers, hub, sessions

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "voila_template"
REAP_EVERY_MS = 30_000

REPLACED = {
    TornadoVoilaHandler: handlers.WorkbenchVoilaHandler,
    VoilaKernelWebsocketHandler: handlers.OwnedKernelWebsocketHandler,
    KernelHandler: handlers.OwnedKernelHandler,
    VoilaShutdownKernelHandler: handlers.OwnedShutdownHandler,
    RequestInfoSocketHandler: handlers.KernelQueryHandler,
}
REMOVED = (VoilaContentsHandler, TornadoVoilaTreeHandler)


class _HomeRedirect(RedirectHandler):
    """``/`` and ``/voila/tree``: the home dashboard (the query string is dropped; nothing is carried in it)."""


class WorkbenchVoila(Voila):
    """Standalone Voila behind the workbench's sign-in (see module)."""

    name = "workbench-serve"
    hub_service = Bool(False, config=True, help="run as a JupyterHub service: users signed in by the Hub's OAuth")

    @default("identity_provider_class")
    def _default_identity_provider_class(self) -> type:
        return handlers.WorkbenchIdentityProvider

    @default("tornado_settings")
    def _default_tornado_settings(self) -> dict:
        return {"xsrf_cookie_kwargs": {"samesite": "Strict"}, "allow_unauthenticated_access": False}

    def setup_template_dirs(self) -> None:
        super().setup_template_dirs()
        if self.voila_configuration.template == "lab":
            self.template_paths.insert(0, str(TEMPLATE_DIR))

    def init_settings(self) -> dict:
        settings = super().init_settings()
        settings["workbench_kernel_owners"] = sessions.KernelOwners()
        settings["workbench_hub"] = hub.hub_oauth() if self.hub_service else None
        return settings

    def init_handlers(self) -> list:
        routes = []
        public = {route[1] for route in handlers.sign_in_routes(self.base_url)}
        for route in super().init_handlers():
            pattern, handler_class, *rest = route
            if handler_class in REMOVED:
                continue
            if handler_class in public:
                routes.append(route)
            elif handler_class in REPLACED:
                routes.append((pattern, REPLACED[handler_class], *rest))
            else:
                routes.append((pattern, handlers.require_session(handler_class), *rest))
        home = handlers.home_url(self.server_url)
        redirect = handlers.require_session(_HomeRedirect, page=True)
        front = [(self.server_url, redirect, {"url": home, "permanent": False})]
        if not self.notebook_path:
            front.append((url_path_join(self.server_url, r"/voila/tree.*"), redirect,
                          {"url": home, "permanent": False}))
        self._start_reaper()
        return front + routes

    def _start_reaper(self) -> None:
        settings = self.app.settings

        def tick() -> None:
            asyncio.ensure_future(handlers.reap(settings))

        self._reaper = PeriodicCallback(tick, REAP_EVERY_MS)
        self._reaper.start()


def main(argv: Sequence[str] | None = None) -> None:
    os.umask(0o077)
    WorkbenchVoila.launch_instance(argv=list(argv) if argv is not None else sys.argv[1:])
