"""CoordinationForm: an entry of the coordination log with the House of Representatives' secretariat: who asked
what and when, the answer (and its day) and the decision."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import t
from workbench.models.interparliamentary import CoordinationCreate
from workbench.ui.schema_form import SchemaForm, field_label

Guard = Callable[[Callable[..., Any]], Callable[..., Any]]


class CoordinationForm(widgets.VBox):
    """``save(values)`` stores a ``CoordinationCreate``-shaped dict and raises on bad input; ``set_meetings``
    offers the meetings an entry may be about."""

    def __init__(self, *, save: Callable[[dict[str, Any]], None], on_saved: Callable[[str], None] | None = None,
                 guard: Guard = lambda f: f) -> None:
        self._save = save
        self._on_saved = on_saved or (lambda _m: None)
        self.meeting = widgets.Dropdown(description=field_label("meeting_id"), options=[(t("form.none"), None)])
        self.form = SchemaForm(CoordinationCreate, exclude=("organization_id",), overrides={"meeting_id": self.meeting},
                               first=("meeting_id", "asked_on", "asked_by", "question", "answer", "answered_on"))
        for name in ("question", "answer", "decision"):  # long answers: text areas
            old = self.form.inputs[name]
            if not isinstance(old, widgets.Textarea):
                area = widgets.Textarea(description=old.description, rows=2, layout=widgets.Layout(width="95%"),
                                        style={"description_width": "initial"})
                area.add_class(f"wb-field-{name}")
                self.form.inputs[name] = area
        self.form.children = tuple(self.form.inputs.values())
        self.save_button = widgets.Button(description=t("ip.coordination.save"), button_style="primary",
                                          layout=widgets.Layout(width="auto", align_self="flex-start"))
        self.save_button.on_click(lambda _b: guard(self.submit)())
        super().__init__([widgets.HTML(f"<h4>{t('ip.coordination.save')}</h4>"), self.form, self.save_button])
        self.add_class("wb-ip-coordination-form")

    def set_meetings(self, meetings: list[tuple[str, int]]) -> None:
        current = self.meeting.value
        self.meeting.options = [(t("form.none"), None), *meetings]
        self.meeting.value = current if current in [m[1] for m in meetings] else None

    def submit(self) -> None:
        self._save(self.form.values())
        self.reset()
        self._on_saved(t("ip.coordination.saved"))

    def reset(self) -> None:
        self.form.reset()
        self.meeting.value = None
