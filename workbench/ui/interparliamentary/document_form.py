"""DocumentForm: a document received or sent for a meeting, left unlinked, linked to an existing entry of the
correspondence register by its number, or registered there now (the register gives it the next number)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import t
from workbench.models.interparliamentary import MeetingDocumentCreate
from workbench.ui.schema_form import SchemaForm, field_label

Guard = Callable[[Callable[..., Any]], Callable[..., Any]]
NONE, EXISTING, NEW = "none", "existing", "new"


class DocumentForm(widgets.VBox):
    """``save(values, link)`` stores the document: ``values`` is ``MeetingDocumentCreate``-shaped (without
    meeting_id); ``link`` is ``{"mode": "none"}``, ``{"mode": "existing", "register_no", "register_year_be"}`` or
    ``{"mode": "new", "counterpart", "doc_number"}``."""

    def __init__(self, *, save: Callable[[dict[str, Any], dict[str, Any]], None], this_year_be: int,
                 on_saved: Callable[[str], None] | None = None, guard: Guard = lambda f: f) -> None:
        self._save = save
        self._on_saved = on_saved or (lambda _m: None)
        self.this_year_be = this_year_be
        self.form = SchemaForm(MeetingDocumentCreate, exclude=("meeting_id", "correspondence_id"),
                               first=("direction", "title", "day"))
        self.mode = widgets.ToggleButtons(
            description=t("ip.document.link"), style={"description_width": "initial", "button_width": "auto"},
            options=[(t("ip.document.link_none"), NONE), (t("ip.document.link_existing"), EXISTING),
                     (t("ip.document.link_new"), NEW)])
        self.register_no = widgets.Text(description=field_label("register_no"), style={"description_width": "initial"})
        self.register_year = widgets.BoundedIntText(description=field_label("register_year_be"), value=this_year_be,
                                                    min=2500, max=2700, style={"description_width": "initial"})
        self.counterpart = widgets.Text(description=t("ip.document.counterpart"), style={"description_width": "initial"},
                                        layout=widgets.Layout(width="60%"))
        self.doc_number = widgets.Text(description=field_label("doc_number"), style={"description_width": "initial"})
        for widget, name in ((self.register_no, "register-no"), (self.register_year, "register-year"),
                             (self.counterpart, "counterpart"), (self.doc_number, "doc-number")):
            widget.add_class(f"wb-ip-{name}")
        self.existing_box = widgets.HBox([self.register_no, self.register_year])
        self.new_box = widgets.HBox([self.counterpart, self.doc_number])
        self.link_box = widgets.VBox()
        self.save_button = widgets.Button(description=t("ip.document.save"), button_style="primary",
                                          layout=widgets.Layout(width="auto", align_self="flex-start"))
        self.save_button.on_click(lambda _b: guard(self.submit)())
        self.mode.observe(lambda _c: self._show_link(), names="value")
        super().__init__([self.form, self.mode, self.link_box,
                          self.save_button])
        self.add_class("wb-ip-document-form")
        self._show_link()

    def _show_link(self) -> None:
        self.link_box.children = {EXISTING: (self.existing_box,), NEW: (self.new_box,)}.get(self.mode.value, ())

    def link(self) -> dict[str, Any]:
        if self.mode.value == EXISTING:
            text = self.register_no.value.strip()
            return {"mode": EXISTING, "register_no": int(text) if text.isdigit() else text,
                    "register_year_be": self.register_year.value}
        if self.mode.value == NEW:
            return {"mode": NEW, "counterpart": self.counterpart.value, "doc_number": self.doc_number.value}
        return {"mode": NONE}

    def submit(self) -> None:
        self._save(self.form.values(), self.link())
        self.reset()
        self._on_saved(t("ip.document.saved"))

    def reset(self) -> None:
        self.form.reset()
        self.mode.value = NONE
        for box in (self.register_no, self.counterpart, self.doc_number):
            box.value = ""
        self.register_year.value = self.this_year_be
