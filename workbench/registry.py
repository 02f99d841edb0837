"""The dashboards staff open through ``workbench serve``: one entry each, in the order the home page lists them.

A new dashboard adds one ``Dashboard`` to ``DASHBOARDS`` (its notebook in ``dashboards/``, the label keys of its
title and one-line description, and the permission a user needs to open it; ``None`` means every signed-in user).
The home page lists the entries whose notebook exists and whose permission the user holds; ``require_open`` is
what a dashboard checks before it builds anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.errors import NotFound, PermissionDenied
from workbench.services.access import has_permission


@dataclass(frozen=True)
class Dashboard:
    name: str
    notebook: str
    title_key: str
    description_key: str
    permission: str | None = None


HOME = "home"

DASHBOARDS: list[Dashboard] = [
    Dashboard(HOME, "home.ipynb", "dash.home.title", "dash.home.about"),
    Dashboard("audit", "audit.ipynb", "dash.audit.title", "dash.audit.about", permission="audit.read"),
    Dashboard("briefing", "briefing.ipynb", "dash.briefing.title", "dash.briefing.about", permission="briefing.read"),
    Dashboard("budget", "budget.ipynb", "dash.budget.title", "dash.budget.about", permission="budget.read"),
    Dashboard("visits", "visits.ipynb", "dash.visits.title", "dash.visits.about", permission="visits.read"),
    Dashboard("correspondence", "correspondence.ipynb", "dash.correspondence.title", "dash.correspondence.about",
              permission="correspondence.read"),
    Dashboard("travel", "travel.ipynb", "dash.travel.title", "dash.travel.about", permission="travel.read"),
    Dashboard("interparliamentary", "interparliamentary.ipynb", "dash.interparl.title", "dash.interparl.about",
              permission="interparl.read"),
    Dashboard("administration", "administration.ipynb", "dash.administration.title", "dash.administration.about",
              permission="administration.read"),
]


def get(name: str) -> Dashboard:
    for dashboard in DASHBOARDS:
        if dashboard.name == name:
            return dashboard
    raise NotFound(f"ไม่มีแดชบอร์ดชื่อ {name}", f"there is no dashboard called {name}", field="dashboard")


def may_open(actor: Any, dashboard: Dashboard) -> bool:
    if actor is None or not getattr(actor, "is_active", False):
        return False
    return dashboard.permission is None or has_permission(actor, dashboard.permission)


def require_open(actor: Any, name: str) -> Dashboard:
    """The dashboard ``name`` if ``actor`` may open it; PermissionDenied otherwise."""
    dashboard = get(name)
    if not may_open(actor, dashboard):
        raise PermissionDenied(
            f"ผู้ใช้ {getattr(actor, 'username', '?')} ไม่มีสิทธิ์เปิดแดชบอร์ดนี้",
            f"user {getattr(actor, 'username', '?')} may not open this dashboard",
        )
    return dashboard


def open_to(actor: Any, folder: Path | None = None) -> list[Dashboard]:
    """The dashboards ``actor`` may open whose notebook exists in ``folder`` (default: the configured one)."""
    if folder is None:
        from workbench.config import get_settings

        folder = get_settings().dashboards_dir
    return [d for d in DASHBOARDS if (Path(folder) / d.notebook).is_file() and may_open(actor, d)]
