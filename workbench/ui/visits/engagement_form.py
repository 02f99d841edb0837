"""EngagementForm: create or edit a courtesy call, meeting, reception, site visit or airport welcome/farewell.

Inputs come from ``EngagementCreate`` / ``EngagementUpdate``; the service refuses double bookings and bad times,
and its message (naming the clashing engagement) is shown on the form's notice.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench.db import new_session
from workbench.i18n import t
from workbench.models.visits import EngagementCreate, EngagementRead, EngagementUpdate
from workbench.services import engagements, visits
from workbench.thai import format_date
from workbench.ui.choices import Choices
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.person_picker import PersonPicker
from workbench.ui.schema_form import SchemaForm, field_label

FIRST = ("kind", "title_th", "title_en", "start", "end", "principal_ids", "guest_ids", "venue", "country_id",
         "visit_id", "host_id")
EXCLUDE = ("organization_id",)  # no organisation picker yet
CREATE = EngagementCreate
VISITS_AROUND = (dt.timedelta(days=62), dt.timedelta(days=124))  # visits offered: before and after the start


class EngagementForm(widgets.VBox):
    """``record_id`` is None while creating, else the engagement being edited; ``on_saved(EngagementRead)``."""

    record_id = Int(None, allow_none=True)

    def __init__(self, engine: Engine, user: Any, choices: Choices, *,
                 on_saved: Callable[[EngagementRead], None] | None = None,
                 on_close: Callable[[], None] | None = None) -> None:
        self.engine, self.user, self.choices = engine, user, choices
        self._on_saved = on_saved or (lambda _e: None)
        self._on_close = on_close or (lambda: None)
        self.heading = widgets.HTML()
        self.notice = Notice()
        self.save_button = widgets.Button(description=t("form.save"), button_style="primary")
        self.close_button = widgets.Button(description=t("form.cancel"))
        self.buttons = widgets.HBox([self.save_button, self.close_button])
        self.fields = SchemaForm(EngagementCreate, exclude=EngagementCreate.model_fields)
        super().__init__([self.heading, self.fields, self.notice, self.buttons])
        self.add_class("wb-engagement-form")
        guard = guarded(self.notice)
        self.save_button.on_click(guard(lambda _b: self.save()))
        self.close_button.on_click(guard(lambda _b: self._on_close()))
        self.new()

    def _visit_options(self, around: dt.date) -> list[tuple[str, int | None]]:
        with new_session(self.engine) as session:
            found = visits.list_visits(session, actor=self.user, start=around - VISITS_AROUND[0],
                                       end=around + VISITS_AROUND[1])
        return [(t("form.none"), None)] + [
            (f"{v.title_th if self.choices.lang == 'th' else v.title_en or v.title_th} "
             f"({format_date(v.start_date, style='abbr')})", v.id) for v in found]

    def _build(self, schema: type, around: dt.date) -> SchemaForm:
        principals = self.choices.principals
        overrides = {
            "visit_id": widgets.Dropdown(description=field_label("visit_id"), style=DESCRIPTION_STYLE,
                                         options=self._visit_options(around)),
            "country_id": widgets.Dropdown(description=field_label("country_id"), style=DESCRIPTION_STYLE,
                                           options=[(t("form.none"), None), *self.choices.countries]),
            "host_id": widgets.Dropdown(description=field_label("host_id"), style=DESCRIPTION_STYLE,
                                        options=[(t("form.none"), None), *principals]),
            "principal_ids": widgets.SelectMultiple(description=field_label("principal_ids"), options=principals,
                                                    rows=min(6, max(len(principals), 1)), style=DESCRIPTION_STYLE),
            "guest_ids": PersonPicker(field_label("guest_ids"), search=self.choices.search_people,
                                      names=self.choices.person_labels),
        }
        return SchemaForm(schema, overrides=overrides, exclude=EXCLUDE, first=FIRST, nullable_from=CREATE)

    def _show(self, schema: type, heading_key: str, around: dt.date) -> None:
        if self.fields.schema is schema and self.fields.inputs:  # the same form again: clear, not rebuild
            self.fields.reset()
            self.fields.inputs["visit_id"].options = self._visit_options(around)
        else:
            self.fields = self._build(schema, around)
        self.heading.value = f"<h3>{html.escape(t(heading_key))}</h3>"
        self.children = (self.heading, self.fields, self.notice, self.buttons)
        self.notice.reset()

    def new(self, **preset: Any) -> None:
        """An empty form for a new engagement; ``preset`` fills inputs (``start``, ``visit_id``, ``kind``...)."""
        self.record_id = None
        start = preset.get("start")
        around = start.date() if isinstance(start, dt.datetime) else self.choices.today
        self._show(EngagementCreate, "form.new_engagement", around)
        self.fields.set(**preset)

    def edit(self, engagement_id: int) -> None:
        with new_session(self.engine) as session:
            current = engagements.read_engagement(session, engagement_id=engagement_id, actor=self.user)
        self._show(EngagementUpdate, "form.edit_engagement", current.start.date())
        self.record_id = engagement_id
        self.fields.load(current)
        if "visit_id" in self.fields.inputs:  # not in the update schema today; shown read-only if it ever is
            self.fields.inputs["visit_id"].disabled = True

    def save(self) -> EngagementRead:
        values = self.fields.values()
        with new_session(self.engine) as session:
            if self.record_id is None:
                saved = engagements.create_engagement(session, data=values, actor=self.user)
            else:
                saved = engagements.update_engagement(session, engagement_id=self.record_id, data=values,
                                                      actor=self.user)
        self.record_id = saved.id
        self.notice.success(t("form.saved_engagement", title=saved.title_th))
        self._on_saved(saved)
        return saved

    def reset(self) -> None:
        self.new()
