"""Logging from dashboard kernels to the server's log (the terminal of ``workbench serve``), never the browser.

Inside a kernel, ``sys.stderr`` is a stream the kernel forwards to the page; its ``fileno()`` is still the
process's original standard error, which is the Voila server's. The ``workbench`` logger writes there directly.
"""

from __future__ import annotations

import logging
import os
import sys

_FORMAT = "[workbench %(asctime)s %(levelname)s %(name)s] %(message)s"


def configure_server_logging() -> None:
    """Send the ``workbench`` loggers to the server's standard error (once per process)."""
    logger = logging.getLogger("workbench")
    if any(getattr(handler, "_workbench_server_log", False) for handler in logger.handlers):
        return
    try:
        stream = open(os.dup(sys.stderr.fileno()), "w", buffering=1, encoding="utf-8", closefd=True)  # noqa: SIM115
    except (OSError, ValueError, AttributeError):
        stream = sys.__stderr__
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._workbench_server_log = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
