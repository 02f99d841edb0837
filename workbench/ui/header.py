"""AppHeader: who is signed in (name and role), a button home and a button to sign out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import current_lang, t


class AppHeader(widgets.HBox):
    """Shows the identity as text (a Label, so a name is never read as HTML). Callbacks are injected."""

    def __init__(self, identity: Any, *, on_home: Callable[[], None] | None,
                 on_sign_out: Callable[[], None]) -> None:
        self.identity = identity
        self.who = widgets.Label(t("header.signed_in_as", name=identity.display_name(current_lang()),
                                   role=t(f"role.{identity.role}")))
        self.home = widgets.Button(description=t("header.home"))
        self.sign_out = widgets.Button(description=t("header.sign_out"))
        self.home.on_click(lambda _b: on_home() if on_home else None)
        self.sign_out.on_click(lambda _b: on_sign_out())
        buttons = [self.home, self.sign_out] if on_home else [self.sign_out]
        super().__init__([self.who, *buttons], layout=widgets.Layout(justify_content="space-between",
                                                                    align_items="center"))
        self.add_class("wb-header")
