"""Compatibility only: the dashboard registry is now ``workbench.registry`` (a name that cannot be confused with
the ``dashboards/`` folder of notebooks). Add new dashboards there. This re-export stays until every branch that
imports ``workbench.dashboards`` (ui/app.py, tests/test_auth.py, new features) has been merged and switched."""

from workbench.registry import DASHBOARDS, HOME, Dashboard, get, may_open, open_to, require_open

__all__ = ["DASHBOARDS", "HOME", "Dashboard", "get", "may_open", "open_to", "require_open"]
