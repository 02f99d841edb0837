"""Domain sub-commands of ``workbench``: each module here has ``register(commands, add)`` and is listed below.

``add(name, handler, help_text, into=commands)`` creates a sub-parser whose handler gets the parsed arguments
and returns an exit code; raise ``WorkbenchError`` for a clear one-line error.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

MODULES: list[str] = [
    "workbench.commands.visits",
    "workbench.commands.budget",
    "workbench.commands.briefing",
    "workbench.commands.correspondence",
    "workbench.commands.travel",
    "workbench.commands.interparliamentary",
    "workbench.commands.visit_documents",
    "workbench.commands.administration",
    "workbench.commands.reliability",
]


def register_all(commands: Any, add: Any) -> None:
    for name in MODULES:
        import_module(name).register(commands, add)
