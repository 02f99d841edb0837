"""Notice: a line of feedback (info, success, error) shown as text, never as HTML."""

from __future__ import annotations

import logging
import weakref

import ipywidgets as widgets

from workbench.errors import WorkbenchError
from workbench.i18n import current_lang, t

log = logging.getLogger("workbench.ui")

STYLES = {"info": "#1f4e79", "success": "#1b5e20", "error": "#b71c1c"}
_shown: weakref.WeakSet[Notice] = weakref.WeakSet()  # the notices of this kernel showing something


class Notice(widgets.HBox):
    """Shows one message. Text goes into a Label's ``value`` so anything a user typed stays text."""

    def __init__(self) -> None:
        self.label = widgets.Label(value="")
        super().__init__([self.label])
        self.add_class("wb-notice")
        self.kind = "info"

    def show(self, message: str, kind: str = "info") -> None:
        """Show ``message``; a refusal clears any older "saved" still shown elsewhere on the page, so a red
        message never sits beside a stale green one. (The text wraps: workbench.css.)"""
        if kind == "error":
            for other in list(_shown):
                if other is not self and other.kind == "success":
                    other.reset()
        self.kind = kind
        self.label.value = message
        self.label.style.text_color = STYLES.get(kind, STYLES["info"])
        if message:
            _shown.add(self)
        else:
            _shown.discard(self)

    def error(self, exc: BaseException) -> None:
        """A service error in the user's language; anything unforeseen as a short notice, logged in full."""
        if isinstance(exc, WorkbenchError):
            self.show(exc.message(current_lang()), "error")
        else:
            log.exception("unexpected error in a dashboard callback", exc_info=exc)
            self.show(t("notice.error"), "error")

    def success(self, message: str) -> None:
        self.show(message, "success")

    def reset(self) -> None:
        self.show("", "info")
