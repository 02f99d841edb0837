"""VisitForm: create a visit or edit one. Inputs come from ``VisitCreate`` / ``VisitUpdate``; the service decides."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench.db import new_session
from workbench.i18n import t
from workbench.models.visits import VisitCreate, VisitRead, VisitUpdate
from workbench.services import visits
from workbench.ui.choices import Choices
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.person_picker import PersonPicker
from workbench.ui.schema_form import SchemaForm, field_label

FIRST = ("direction", "kind", "title_th", "title_en", "start_date", "end_date", "principal_id", "country_id")
EXCLUDE = ("organization_id",)  # no organisation picker yet: set through the CLI or a later form
CREATE = VisitCreate


class VisitForm(widgets.VBox):
    """``record_id`` is None while creating, else the visit being edited. ``on_saved(VisitRead)`` after a save."""

    record_id = Int(None, allow_none=True)

    def __init__(self, engine: Engine, user: Any, choices: Choices, *,
                 on_saved: Callable[[VisitRead], None] | None = None,
                 on_close: Callable[[], None] | None = None) -> None:
        self.engine, self.user, self.choices = engine, user, choices
        self._on_saved = on_saved or (lambda _v: None)
        self._on_close = on_close or (lambda: None)
        self.heading = widgets.HTML()
        self.notice = Notice()
        self.save_button = widgets.Button(description=t("form.save"), button_style="primary")
        self.close_button = widgets.Button(description=t("form.cancel"))
        self.fields = SchemaForm(VisitCreate, exclude=VisitCreate.model_fields)  # built by new() / edit()
        super().__init__([self.heading, self.fields, self.notice,
                          widgets.HBox([self.save_button, self.close_button])])
        self.add_class("wb-visit-form")
        guard = guarded(self.notice)
        self.save_button.on_click(guard(lambda _b: self.save()))
        self.close_button.on_click(guard(lambda _b: self._on_close()))
        self.new()

    def _build(self, schema: type) -> SchemaForm:
        overrides = {
            "principal_id": widgets.Dropdown(description=field_label("principal_id"), style=DESCRIPTION_STYLE,
                                             options=[(t("form.none"), None), *self.choices.principals]),
            "country_id": widgets.Dropdown(description=field_label("country_id") + (" *" if schema is VisitCreate
                                                                                     else ""),
                                           style=DESCRIPTION_STYLE,
                                           options=[(t("form.none"), None), *self.choices.countries]),
            "officer_ids": PersonPicker(field_label("officer_ids"), search=self.choices.search_people,
                                        names=self.choices.person_labels),
        }
        return SchemaForm(schema, overrides=overrides, exclude=EXCLUDE, first=FIRST, nullable_from=CREATE)

    def _show(self, schema: type, heading_key: str) -> None:
        if self.fields.schema is schema and self.fields.inputs:  # same kind of form again: clear, not rebuild
            self.fields.reset()
        else:
            self.fields = self._build(schema)
        self.heading.value = f"<h3>{html.escape(t(heading_key))}</h3>"
        self.children = (self.heading, self.fields, self.notice, self.children[-1])
        self.notice.reset()

    def new(self, **preset: Any) -> None:
        """An empty form for a new visit (``preset`` fills some inputs, e.g. ``start_date``)."""
        self.record_id = None
        self._show(VisitCreate, "form.new_visit")
        self.fields.set(**preset)

    def edit(self, visit_id: int) -> None:
        with new_session(self.engine) as session:
            current = visits.read_visit(session, visit_id=visit_id, actor=self.user)
        self._show(VisitUpdate, "form.edit_visit")
        self.record_id = visit_id
        self.fields.load(current)

    def save(self) -> VisitRead:
        values = self.fields.values()
        with new_session(self.engine) as session:
            if self.record_id is None:
                saved = visits.schedule_visit(session, data=values, actor=self.user)
            else:
                saved = visits.update_visit(session, visit_id=self.record_id, data=values, actor=self.user)
        self.record_id = saved.id
        self.notice.success(t("form.saved_visit", title=saved.title_th))
        self._on_saved(saved)
        return saved

    def reset(self) -> None:
        self.new()
