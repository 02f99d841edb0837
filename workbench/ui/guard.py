"""``guarded(notice)``: every widget callback runs inside it, so an error becomes a notice, never a dead page.

A ``WorkbenchError`` (bad input, no permission) is shown in the user's language. Anything unforeseen shows a short
notice and is logged with its traceback to the server log (``workbench.ui.server_log``), never to the browser.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from workbench.ui.notice import Notice

F = TypeVar("F", bound=Callable[..., Any])


def guarded(notice: Notice) -> Callable[[F], F]:
    """Decorate a callback so that any exception it raises is shown on ``notice`` (and logged if unforeseen)."""

    def decorate(callback: F) -> F:
        @functools.wraps(callback)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return callback(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - the page must stay usable whatever happens
                notice.error(exc)
                return None

        return run  # type: ignore[return-value]

    return decorate
