"""Pre-heating: what a dashboard's kernel imports and warms before anyone asks for the page.

``workbench serve`` keeps one kernel per dashboard running its notebook ahead of the request; ``dashboard_app``
calls ``preheat(name)`` there, before it waits for the request. A dashboard that draws charts gets matplotlib
imported, the Agg canvas loaded and the Sarabun font registered and laid out once, so the first chart a user
sees costs the drawing only (about half a second less on the first build). Dashboards without charts import
nothing more (their kernels stay small).

Every dashboard's kernel also gets its data model ready (the mappers of every table configured, the labels read)
and, when pre-heated (``VOILA_PREHEAT``), the database engine connected with one read of the path every page takes
first (whose web session is this: session id 0 is nobody's, nothing is written). Measured at twenty years of data
on the visits dashboard: the user's identity 1.4 s → 0.05 s and the first build 2.5 s → 1.4 s once the request
arrives.
"""

from __future__ import annotations

import io
import logging
import os

log = logging.getLogger("workbench.ui.preheat")

#: dashboards (registry names) whose first screen or first action draws a matplotlib chart
CHART_DASHBOARDS = frozenset({"budget", "briefing", "interparliamentary", "administration"})


def preheat(name: str) -> bool:
    """Warm what dashboard ``name`` will need; True when its charts were warmed. Never fails the dashboard."""
    _warm_model()
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        _warm_database()
    if name not in CHART_DASHBOARDS:
        return False
    try:
        import fontpkg_sarabun
        import matplotlib

        matplotlib.use("Agg", force=False)
        from matplotlib import font_manager
        from matplotlib.figure import Figure

        for style in ("Regular", "Bold"):
            font_manager.fontManager.addfont(str(fontpkg_sarabun.ROOT / "files" / f"Sarabun-{style}.ttf"))
        figure = Figure(figsize=(1, 1), dpi=20)
        figure.add_subplot().set_title("ก", family=fontpkg_sarabun.FAMILY)
        figure.savefig(io.BytesIO(), format="png")
    except Exception:  # noqa: BLE001 - warming is an optimisation: the chart itself reports real problems
        log.warning("pre-heating %s failed", name, exc_info=True)
        return False
    return True


def _warm_model() -> None:
    """Every table's mapper configured and the labels read (the first query and the first label pay it else)."""
    try:
        from sqlalchemy.orm import configure_mappers

        from workbench.i18n import t
        from workbench.models import load_all

        load_all()  # every table (the package loads its models lazily), so that the mappers configure once, here
        configure_mappers()
        t("signin.go")
    except Exception:  # noqa: BLE001 - warming is an optimisation
        log.warning("pre-heating the data model failed", exc_info=True)


def _warm_database() -> None:
    """The process's engine connected (its pool keeps the connection) and the identity read compiled, by asking
    for web session 0, which is nobody's: nothing is read of anyone, nothing is written."""
    try:
        from workbench.db import get_engine, new_session
        from workbench.services import auth

        with new_session(get_engine()) as session:
            auth.resolve_identity(session, hub_user=None, web_user="-", web_session_id=0)
    except Exception:  # noqa: BLE001 - warming is an optimisation: the page reports real database problems
        log.warning("pre-heating the database failed", exc_info=True)
