"""Pre-heating: what a dashboard's kernel imports and warms before anyone asks for the page.

``workbench serve`` keeps one kernel per dashboard running its notebook ahead of the request; ``dashboard_app``
calls ``preheat(name)`` there, before it waits for the request. A dashboard that draws charts gets matplotlib
imported, the Agg canvas loaded and the Sarabun font registered and laid out once, so the first chart a user
sees costs the drawing only (about half a second less on the first build). Dashboards without charts import
nothing more (their kernels stay small).
"""

from __future__ import annotations

import io
import logging

log = logging.getLogger("workbench.ui.preheat")

#: dashboards (registry names) whose first screen or first action draws a matplotlib chart
CHART_DASHBOARDS = frozenset({"budget", "briefing", "interparliamentary", "administration"})


def preheat(name: str) -> bool:
    """Warm what dashboard ``name`` will need; True when something was warmed. Never fails the dashboard."""
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
