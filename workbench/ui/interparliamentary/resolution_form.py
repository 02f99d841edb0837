"""ResolutionForm: a resolution the meeting adopted (title, agenda item, text or link, how it was adopted and
Thailand's vote)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import t
from workbench.models.interparliamentary import ResolutionCreate
from workbench.ui.schema_form import SchemaForm, field_label

Guard = Callable[[Callable[..., Any]], Callable[..., Any]]


class ResolutionForm(widgets.VBox):
    """``save(values)`` stores a ``ResolutionCreate``-shaped dict (without meeting_id) and raises on bad input;
    ``set_agenda([(label, id)])`` offers the meeting's agenda items."""

    def __init__(self, *, save: Callable[[dict[str, Any]], None], on_saved: Callable[[str], None] | None = None,
                 guard: Guard = lambda f: f) -> None:
        self._save = save
        self._on_saved = on_saved or (lambda _m: None)
        self.agenda_item = widgets.Dropdown(description=field_label("agenda_item_id"), options=[(t("form.none"), None)])
        self.form = SchemaForm(ResolutionCreate, exclude=("meeting_id",), overrides={"agenda_item_id": self.agenda_item},
                               first=("title_th", "title_en", "agenda_item_id"))
        self.save_button = widgets.Button(description=t("ip.resolution.save"), button_style="primary",
                                          layout=widgets.Layout(width="auto", align_self="flex-start"))
        self.save_button.on_click(lambda _b: guard(self.submit)())
        super().__init__([self.form, self.save_button])
        self.add_class("wb-ip-resolution-form")

    def set_agenda(self, items: list[tuple[str, int]]) -> None:
        self.agenda_item.options = [(t("form.none"), None), *items]
        self.agenda_item.value = None

    def submit(self) -> None:
        self._save(self.form.values())
        self.reset()
        self._on_saved(t("ip.resolution.saved"))

    def reset(self) -> None:
        self.form.reset()
        self.agenda_item.value = None
