"""What a browser may say to a dashboard's widgets: checked in the kernel, message by message.

The browser talks to the widgets over comm messages. The page's own widget manager only ever sends a few kinds:
the new ``value`` (or ``index``, ``selected_index``) of an input the user changed, a ``click`` of a button, and
requests for the widgets' states. A hostile client that reached the kernel's websocket could send anything else:
write the ``value`` of an HTML widget (script in the page), enable a disabled button and click it, open new
widget models. So ``install()`` (called by ``dashboard_app``) puts a check in front of the kernel's comm handlers
(``kernel.shell_handlers`` — ipykernel's documented table of message handlers, not a patch of ipywidgets):

* ``comm_open`` from the browser: only the widget manager's control channel (``jupyter.widget.control``);
* ``comm_msg`` ``update``: only to an input widget listed in ``INPUT_KEYS``, only its listed keys, and never
  while the widget is disabled; nothing to display-only widgets (HTML, Label, Output, boxes, layout, style);
* ``comm_msg`` ``custom``: only ``{"event": "click"}`` to an enabled Button;
* ``comm_msg`` ``request_state`` / ``request_states``: allowed (they read what the page already shows).

Refusals are dropped and logged (``workbench.ui.comm_guard``); the widget never sees them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

log = logging.getLogger("workbench.ui.comm_guard")

CONTROL_TARGET = "jupyter.widget.control"


def _classes(*names: str) -> tuple[type, ...]:
    return tuple(getattr(widgets, name) for name in names if hasattr(widgets, name))


#: (widget classes, the keys the browser may write to them). Subclasses count (Password is a Text).
INPUT_KEYS: tuple[tuple[tuple[type, ...], frozenset[str]], ...] = (
    (_classes("Text", "Textarea", "Combobox", "IntText", "BoundedIntText", "FloatText", "BoundedFloatText",
              "IntSlider", "FloatSlider", "IntRangeSlider", "FloatRangeSlider", "Checkbox", "ToggleButton",
              "DatePicker", "DatetimePicker", "NaiveDatetimePicker", "TimePicker", "ColorPicker", "FileUpload"),
     frozenset({"value"})),
    (_classes("Dropdown", "Select", "RadioButtons", "ToggleButtons", "SelectionSlider", "SelectionRangeSlider",
              "SelectMultiple"),
     frozenset({"index"})),
    (_classes("Tab", "Accordion", "Stack"), frozenset({"selected_index"})),
)


def allowed_keys(widget: Any) -> frozenset[str]:
    """The state keys the browser may write to ``widget`` now (empty: none)."""
    if getattr(widget, "disabled", False):
        return frozenset()
    for classes, keys in INPUT_KEYS:
        if isinstance(widget, classes):
            return keys
    return frozenset()


def refusal(widget: Any, data: Any) -> str | None:
    """Why the comm message ``data`` from the browser may not reach ``widget`` (None: it may)."""
    if not isinstance(data, dict):
        return "not a widget message"
    method = data.get("method")
    if method in ("request_state", "request_states"):
        return None
    if widget is None:
        return f"{method!r} to no widget"
    if method == "update":
        state = data.get("state")
        if not isinstance(state, dict) or not state:
            return "empty update"
        keys = set(state) | {str(path[0]) for path in data.get("buffer_paths") or [] if path}
        extra = keys - allowed_keys(widget)
        if extra:
            return f"update of {sorted(extra)} on {type(widget).__name__}"
        return None
    if method == "custom":
        content = data.get("content")
        if isinstance(widget, widgets.Button) and not widget.disabled and content == {"event": "click"}:
            return None
        return f"custom message to {type(widget).__name__}"
    return f"method {method!r}"


def _widget(comm_id: str) -> Any:
    from ipywidgets.widgets.widget import _instances

    return _instances.get(comm_id)


def guard_comm_msg(handler: Callable[..., Any], comm_manager: Any) -> Callable[..., Any]:
    """``handler`` (the kernel's ``comm_msg``) behind the check above."""

    def checked(stream: Any, ident: Any, msg: dict) -> Any:
        content = msg.get("content") or {}
        comm_id = content.get("comm_id")
        comm = comm_manager.get_comm(comm_id) if comm_id else None
        if comm is None:
            return None
        data = content.get("data")
        if getattr(comm, "target_name", None) == CONTROL_TARGET:
            reason = None if isinstance(data, dict) and data.get("method") == "request_states" else "control method"
        else:
            reason = refusal(_widget(comm_id), data)
        if reason:
            log.warning("refused a comm message from the browser: %s", reason)
            return None
        return handler(stream, ident, msg)

    return checked


def guard_comm_open(handler: Callable[..., Any]) -> Callable[..., Any]:
    """``handler`` (the kernel's ``comm_open``) accepting only the widget manager's control channel."""

    def checked(stream: Any, ident: Any, msg: dict) -> Any:
        target = (msg.get("content") or {}).get("target_name")
        if target != CONTROL_TARGET:
            log.warning("refused a comm_open from the browser for target %r", target)
            return None
        return handler(stream, ident, msg)

    return checked


def install(kernel: Any = None) -> bool:
    """Put the checks in front of the running kernel's comm handlers (once). False outside a kernel."""
    if kernel is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython comes with ipykernel
            return False
        shell = get_ipython()
        kernel = getattr(shell, "kernel", None)
    handlers = getattr(kernel, "shell_handlers", None)
    if handlers is None or "comm_msg" not in handlers:
        return False
    if getattr(kernel, "_workbench_comm_guard", False):
        return True
    handlers["comm_msg"] = guard_comm_msg(handlers["comm_msg"], kernel.comm_manager)
    handlers["comm_open"] = guard_comm_open(handlers["comm_open"])
    kernel._workbench_comm_guard = True
    return True
