"""ResolutionForm: a resolution the meeting adopted (title, agenda item, text or link, how it was adopted and
Thailand's vote)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbench.models.interparliamentary import ResolutionCreate
from workbench.ui.interparliamentary.agenda_linked_form import AgendaLinkedForm, Guard


class ResolutionForm(AgendaLinkedForm):
    """``save(values)`` stores a ``ResolutionCreate``-shaped dict (without meeting_id) and raises on bad input;
    ``set_agenda([(label, id)])`` offers the meeting's agenda items."""

    def __init__(self, *, save: Callable[[dict[str, Any]], None], on_saved: Callable[[str], None] | None = None,
                 guard: Guard = lambda f: f) -> None:
        super().__init__(ResolutionCreate, labels="ip.resolution", first=("title_th", "title_en", "agenda_item_id"),
                         css_class="wb-ip-resolution-form", save=save, on_saved=on_saved, guard=guard)
