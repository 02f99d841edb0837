"""InterventionForm: a statement by a member of the Thai delegation (speaker, day, agenda item, summary and its
classification)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbench.models.interparliamentary import InterventionCreate
from workbench.ui.choices import Choices
from workbench.ui.interparliamentary.agenda_linked_form import AgendaLinkedForm, Guard
from workbench.ui.person_picker import PersonPicker
from workbench.ui.schema_form import field_label


class InterventionForm(AgendaLinkedForm):
    """``save(values)`` stores an ``InterventionCreate``-shaped dict (without meeting_id) and raises on bad input;
    ``set_agenda([(label, id)])`` offers the meeting's agenda items. ``speaker`` picks the member who spoke."""

    def __init__(self, choices: Choices, *, save: Callable[[dict[str, Any]], None],
                 on_saved: Callable[[str], None] | None = None, guard: Guard = lambda f: f) -> None:
        self.speaker = PersonPicker(field_label("speaker_id") + " *", search=choices.search_people,
                                    names=choices.person_labels, multiple=False)
        super().__init__(InterventionCreate, labels="ip.intervention", first=("speaker_id", "day", "agenda_item_id", "summary"),
                         css_class="wb-ip-intervention-form", save=save, on_saved=on_saved, guard=guard,
                         overrides={"speaker_id": self.speaker})
