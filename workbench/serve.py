"""``python -m workbench.serve DASHBOARDS_DIR [voila options]``: the server behind ``workbench serve``.

Standalone Voila with the workbench's sign-in in front of every route and kernels bound to the web session that
took them; the pieces, and why each exists, are in ``workbench.serving`` (``serving/app.py`` first).
"""

from __future__ import annotations

from workbench.serving.app import WorkbenchVoila, main
from workbench.serving.handlers import HOME_NOTEBOOK

__all__ = ["HOME_NOTEBOOK", "WorkbenchVoila", "main"]

if __name__ == "__main__":
    main()
