"""SignInForm: username, password and a button. It collects; the injected ``authenticate`` decides."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from traitlets import Int, Unicode

from workbench.i18n import t
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice


class SignInForm(widgets.VBox):
    """A sign-in form. ``authenticate(username, password)`` returns the identity or raises a WorkbenchError
    (shown on the form's notice); on success ``on_signed_in(identity)`` is called.

    Public state: ``signed_in_as`` (the username last signed in, or "") and ``failures`` (refused attempts).
    """

    signed_in_as = Unicode("")
    failures = Int(0)

    def __init__(self, *, authenticate: Callable[[str, str], Any],
                 on_signed_in: Callable[[Any], None]) -> None:
        self._authenticate = authenticate
        self._on_signed_in = on_signed_in
        self.heading = widgets.HTML(f"<h3>{_escape(t('signin.heading'))}</h3>")
        self.username = widgets.Text(description=t("field.username"), style={"description_width": "8em"})
        self.password = widgets.Password(description=t("field.password"), style={"description_width": "8em"})
        self.submit = widgets.Button(description=t("signin.submit"), button_style="primary")
        self.notice = Notice()
        super().__init__([self.heading, self.username, self.password, self.submit, self.notice])
        self.add_class("wb-signin")
        self.submit.on_click(guarded(self.notice)(self._submit))

    def _submit(self, _button: Any = None) -> None:
        username, password = self.username.value, self.password.value
        self.password.value = ""
        try:
            identity = self._authenticate(username, password)
        except Exception:
            self.failures += 1
            raise
        self.signed_in_as = identity.username
        self.notice.reset()
        self._on_signed_in(identity)

    def reset(self) -> None:
        self.username.value = ""
        self.password.value = ""
        self.signed_in_as = ""
        self.failures = 0
        self.notice.reset()


def _escape(text: str) -> str:
    import html

    return html.escape(text)
