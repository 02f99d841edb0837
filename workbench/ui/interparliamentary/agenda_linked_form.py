"""AgendaLinkedForm: what the resolution and intervention forms share — a schema form of one meeting's record with
an agenda-item drop-down (offered by ``set_agenda``), a save button, and a reset after each save."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import t
from workbench.ui.schema_form import SchemaForm, field_label

Guard = Callable[[Callable[..., Any]], Callable[..., Any]]


class AgendaLinkedForm(widgets.VBox):
    """``save(values)`` stores a ``model``-shaped dict (without meeting_id) and raises on bad input;
    ``set_agenda([(label, id)])`` offers the meeting's agenda items. ``labels`` is the catalogue prefix of the
    save button's text (``<labels>.save``) and of the saved message (``<labels>.saved``)."""

    def __init__(self, model: type, *, labels: str, first: tuple[str, ...], css_class: str,
                 save: Callable[[dict[str, Any]], None], on_saved: Callable[[str], None] | None = None,
                 guard: Guard = lambda f: f, overrides: dict[str, widgets.Widget] | None = None) -> None:
        self._save = save
        self._on_saved = on_saved or (lambda _m: None)
        self._labels = labels
        self.agenda_item = widgets.Dropdown(description=field_label("agenda_item_id"), options=[(t("form.none"), None)])
        self.form = SchemaForm(model, exclude=("meeting_id",),
                               overrides={**(overrides or {}), "agenda_item_id": self.agenda_item}, first=first)
        self.save_button = widgets.Button(description=t(f"{labels}.save"), button_style="primary",
                                          layout=widgets.Layout(width="auto", align_self="flex-start"))
        self.save_button.on_click(lambda _b: guard(self.submit)())
        super().__init__([self.form, self.save_button])
        self.add_class(css_class)

    def set_agenda(self, items: list[tuple[str, int]]) -> None:
        self.agenda_item.options = [(t("form.none"), None), *items]
        self.agenda_item.value = None

    def submit(self) -> None:
        self._save(self.form.values())
        self.reset()
        self._on_saved(t(f"{self._labels}.saved"))

    def reset(self) -> None:
        self.form.reset()
        self.agenda_item.value = None
