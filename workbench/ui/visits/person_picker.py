"""PersonPicker: find people by part of their name and choose one or several."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from traitlets import Int, List

from workbench.i18n import t
from workbench.ui.date_field import DESCRIPTION_STYLE

Choice = tuple[str, int]  # (name shown, person id)


class PersonPicker(widgets.VBox):
    """``value`` is the list of chosen person ids (at most one unless ``multiple``).

    ``search(text)`` returns choices for a search text; ``names(ids)`` returns the choices of given ids, so
    that people already chosen stay listed (and chosen) whatever is searched next. Names are shown as text.
    """

    value = List(Int())

    def __init__(self, description: str, *, search: Callable[[str], list[Choice]],
                 names: Callable[[list[int]], list[Choice]], multiple: bool = True, rows: int = 5) -> None:
        self._search = search
        self._names = names
        self.multiple = multiple
        self.query = widgets.Text(description=t("form.search"), placeholder=t("form.search_hint"),
                                  continuous_update=False, style=DESCRIPTION_STYLE)
        if multiple:
            self.choices = widgets.SelectMultiple(description=description, rows=rows, style=DESCRIPTION_STYLE)
        else:
            self.choices = widgets.Dropdown(description=description, style=DESCRIPTION_STYLE)
        for part in (self.query, self.choices):
            part.layout.width = "95%"
        super().__init__([self.choices, self.query])
        self.add_class("wb-person-picker")
        self._syncing = False
        self.query.observe(lambda _c: self.refresh(), names="value")
        self.choices.observe(self._chosen, names="value")
        self.observe(self._value_set, names="value")
        self.refresh()

    def refresh(self) -> None:
        """List the people matching the search text, keeping those already chosen."""
        chosen = list(self.value)
        found = self._names(chosen) + [c for c in self._search(self.query.value.strip()) if c[1] not in chosen]
        self._syncing = True
        try:
            if self.multiple:
                self.choices.options = found
                self.choices.value = tuple(chosen)
            else:
                self.choices.options = [(t("form.none"), None), *found]
                self.choices.value = chosen[0] if chosen else None
        finally:
            self._syncing = False

    def _chosen(self, change: dict) -> None:
        if self._syncing:
            return
        new = change["new"]
        self._syncing = True
        try:
            self.value = list(new) if self.multiple else ([new] if new is not None else [])
        finally:
            self._syncing = False

    def _value_set(self, _change: Any) -> None:
        if not self._syncing:
            self.refresh()

    def reset(self) -> None:
        self.query.value = ""
        self.value = []
