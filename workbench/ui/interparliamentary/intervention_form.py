"""InterventionForm: a statement by a member of the Thai delegation (speaker, day, agenda item, summary and its
classification)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import t
from workbench.models.interparliamentary import InterventionCreate
from workbench.ui.choices import Choices
from workbench.ui.person_picker import PersonPicker
from workbench.ui.schema_form import SchemaForm, field_label

Guard = Callable[[Callable[..., Any]], Callable[..., Any]]


class InterventionForm(widgets.VBox):
    """``save(values)`` stores an ``InterventionCreate``-shaped dict (without meeting_id) and raises on bad input;
    ``set_agenda([(label, id)])`` offers the meeting's agenda items."""

    def __init__(self, choices: Choices, *, save: Callable[[dict[str, Any]], None],
                 on_saved: Callable[[str], None] | None = None, guard: Guard = lambda f: f) -> None:
        self._save = save
        self._on_saved = on_saved or (lambda _m: None)
        self.speaker = PersonPicker(field_label("speaker_id") + " *", search=choices.search_people,
                                    names=choices.person_names, multiple=False)
        self.agenda_item = widgets.Dropdown(description=field_label("agenda_item_id"), options=[(t("form.none"), None)])
        self.form = SchemaForm(InterventionCreate, exclude=("meeting_id",),
                               overrides={"speaker_id": self.speaker, "agenda_item_id": self.agenda_item},
                               first=("speaker_id", "day", "agenda_item_id", "summary"))
        self.save_button = widgets.Button(description=t("ip.intervention.save"), button_style="primary",
                                          layout=widgets.Layout(width="auto", align_self="flex-start"))
        self.save_button.on_click(lambda _b: guard(self.submit)())
        super().__init__([self.form, self.save_button])
        self.add_class("wb-ip-intervention-form")

    def set_agenda(self, items: list[tuple[str, int]]) -> None:
        self.agenda_item.options = [(t("form.none"), None), *items]
        self.agenda_item.value = None

    def submit(self) -> None:
        self._save(self.form.values())
        self.reset()
        self._on_saved(t("ip.intervention.saved"))

    def reset(self) -> None:
        self.form.reset()
        self.agenda_item.value = None
