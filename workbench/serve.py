"""The Voila server behind ``workbench serve``: standalone Voila, with ``/`` landing on the home dashboard.

Run as ``python -m workbench.serve DASHBOARDS_DIR [voila options]``; ``workbench serve`` builds that command line
(``workbench.cli.voila_command``) with the workbench's fixed safety options.

Why a small subclass of ``voila.app.Voila`` rather than a template: standalone Voila serves its file tree at
``/``, and the only clean way to change what ``/`` does is a route. A Voila template can restyle the tree page but
would still be the tree (and a template override is more code to keep in step with Voila). So this module adds one
tornado ``RedirectHandler`` in front of Voila's own handlers: ``/`` (and the tree page ``/voila/tree``) redirect to
``voila/render/home.ipynb``, keeping the query string (so ``/?handoff=…`` still carries a hand-over token). Every
other route, and every safety property of standalone Voila, is Voila's own:

* the browser cannot run code: Voila's kernel manager only lets ``comm_*``, ``kernel_info_request`` and
  ``shutdown_request`` through the kernel websocket; an ``execute_request`` is dropped (verified in
  ``tests/test_security_browser.py``);
* sources are stripped and tracebacks hidden (options set by ``workbench serve``).

One more departure, also by configuration rather than patching: ``voila_template/index.html.j2`` is put first on
Voila's template path. It extends Voila's own "lab" page and only removes the two Font Awesome stylesheets that page
loads from a CDN: the workbench must work without internet, and a blocked CDN stylesheet delays every page.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from jupyter_server.utils import url_path_join
from tornado.web import RedirectHandler
from voila.app import Voila

HOME_NOTEBOOK = "home.ipynb"
TEMPLATE_DIR = Path(__file__).parent / "voila_template"


class WorkbenchVoila(Voila):
    """Standalone Voila whose front door is the workbench home page instead of the file tree."""

    name = "workbench-serve"

    def setup_template_dirs(self) -> None:
        super().setup_template_dirs()
        if self.voila_configuration.template == "lab":
            self.template_paths.insert(0, str(TEMPLATE_DIR))

    def init_handlers(self) -> list:
        handlers = super().init_handlers()
        if self.notebook_path:  # serving a single notebook: Voila already shows it at /
            return handlers
        home = url_path_join(self.server_url, "voila/render", HOME_NOTEBOOK)
        front = [
            (self.server_url, RedirectHandler, {"url": home, "permanent": False}),
            (url_path_join(self.server_url, r"/voila/tree/?"), RedirectHandler, {"url": home, "permanent": False}),
        ]
        return front + handlers


def main(argv: Sequence[str] | None = None) -> None:
    WorkbenchVoila.launch_instance(argv=list(argv) if argv is not None else sys.argv[1:])


if __name__ == "__main__":
    main()
