"""RegisterForm: register an incoming, outgoing or internal document. The inputs are generated from
``CorrespondenceCreate`` by SchemaForm; pickers replace the id fields (officer, visit, engagement, the letter being
answered). The secrecy class offers only what the user is cleared for (never ลับที่สุด: it stays off electronic
registers). The service allocates the number and checks everything."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import t
from workbench.models.base import Clearance
from workbench.models.correspondence import CorrespondenceCreate, CorrespondenceRead
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.schema_form import SchemaForm, field_label

FIRST = ("register", "subject", "doc_number", "doc_date", "sender", "recipient", "doc_type", "urgency",
         "classification", "action_requested", "work_group", "assignee_id", "visit_id", "engagement_id",
         "reply_to_id", "remarks")
EXCLUDE = ("registered_at", "commitment_id")


def _picker(name: str, options: list[tuple[str, Any]]) -> widgets.Dropdown:
    return widgets.Dropdown(description=field_label(name), options=[(t("form.none"), None), *options],
                            value=None, style=DESCRIPTION_STYLE)


class RegisterForm(widgets.VBox):
    """``register(values) -> CorrespondenceRead`` is the injected service call; ``on_registered(read)`` follows."""

    def __init__(self, *, clearance: int, officers: list[tuple[str, int]], visits: list[tuple[str, int]],
                 engagements: list[tuple[str, int]], replies: list[tuple[str, int]],
                 register: Callable[[dict[str, Any]], CorrespondenceRead],
                 on_registered: Callable[[CorrespondenceRead], None] | None = None) -> None:
        self._register = register
        self._on_registered = on_registered or (lambda _d: None)
        levels = [level for level in Clearance if level <= clearance and level < Clearance.TOP_SECRET]
        self.classification = widgets.Dropdown(description=field_label("classification"),
                                               options=[(t(f"clearance.{int(level)}"), int(level)) for level in levels],
                                               value=0, style=DESCRIPTION_STYLE)
        self.fields = SchemaForm(CorrespondenceCreate, first=FIRST, exclude=EXCLUDE, overrides={
            "classification": self.classification,
            "assignee_id": _picker("assignee_id", officers),
            "visit_id": _picker("visit_id", visits),
            "engagement_id": _picker("engagement_id", engagements),
            "reply_to_id": _picker("reply_to_id", replies),
        })
        self.notice = Notice()
        self.result = widgets.HTML("")
        self.save_button = widgets.Button(description=t("corr.form.save"), button_style="primary")
        self.clear_button = widgets.Button(description=t("corr.form.clear"))
        super().__init__([self.fields, widgets.HBox([self.save_button, self.clear_button]), self.notice, self.result])
        self.add_class("wb-corr-register-form")
        guard = guarded(self.notice)
        self.save_button.on_click(guard(lambda _b: self.save()))
        self.clear_button.on_click(guard(lambda _b: self.reset()))

    @property
    def inputs(self) -> dict[str, widgets.Widget]:
        return self.fields.inputs

    def set_replies(self, options: list[tuple[str, int]]) -> None:
        picker = self.inputs["reply_to_id"]
        picker.options = [(t("form.none"), None), *options]
        picker.value = None

    def save(self) -> CorrespondenceRead:
        read = self._register(self.fields.values())
        self.notice.success(t("corr.form.saved", number=read.display_number, subject=read.subject))
        self.fields.reset()
        self.classification.value = 0
        self._on_registered(read)
        return read

    def reset(self) -> None:
        self.fields.reset()
        self.classification.value = 0
        self.notice.reset()
