"""ProgrammeDetailsForm: what the visit's programme (กำหนดการ) shows about one engagement beyond the engagement
itself — the dress code in Thai and in English, and the contact officer. Saved through
``visit_documents.set_programme_details``; read-only for users who may not edit visits."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench.db import new_session
from workbench.i18n import t
from workbench.services import visit_documents
from workbench.services.access import has_permission
from workbench.ui.choices import Choices
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.person_picker import PersonPicker


class ProgrammeDetailsForm(widgets.VBox):
    """``engagement_id`` is the engagement. Children: ``dress_th``, ``dress_en``, ``contact`` (a person picker),
    ``save_button``."""

    engagement_id = Int(None, allow_none=True)

    def __init__(self, engine: Engine, user: Any, choices: Choices, *, notice: Notice | None = None) -> None:
        self.engine, self.user = engine, user
        self.notice = notice or Notice()
        self.can_write = has_permission(user, "visits.write")
        self.dress_th = widgets.Text(description=t("vdoc.ui.dress_th"), placeholder=t("vdoc.ui.dress_th_hint"),
                                     style=DESCRIPTION_STYLE, layout=widgets.Layout(width="95%"))
        self.dress_en = widgets.Text(description=t("vdoc.ui.dress_en"), placeholder=t("vdoc.ui.dress_en_hint"),
                                     style=DESCRIPTION_STYLE, layout=widgets.Layout(width="95%"))
        self.contact = PersonPicker(t("vdoc.ui.contact"), search=choices.search_people, names=choices.person_labels,
                                    multiple=False)
        self.save_button = widgets.Button(description=t("vdoc.ui.save_details"), button_style="primary",
                                          layout=widgets.Layout(width="auto"))
        self.save_button.add_class("wb-programme-details-save")
        self.save_button.on_click(guarded(self.notice)(lambda _b: self.save()))
        for part in (self.dress_th, self.dress_en, self.contact.query, self.contact.choices, self.save_button):
            part.disabled = not self.can_write
        super().__init__([widgets.HTML(f"<h4>{html.escape(t('vdoc.ui.details_heading'))}</h4>"),
                          self.dress_th, self.dress_en, self.contact,
                          *([self.save_button] if self.can_write else [])])
        self.add_class("wb-programme-details")

    def show(self, engagement_id: int) -> None:
        self.engagement_id = engagement_id
        with new_session(self.engine) as session:
            current = visit_documents.programme_details(session, engagement_id=engagement_id, actor=self.user)
        self.dress_th.value = current.dress_code_th
        self.dress_en.value = current.dress_code_en
        self.contact.value = [current.contact_person_id] if current.contact_person_id else []

    def save(self) -> None:
        chosen = list(self.contact.value)
        with new_session(self.engine) as session:
            visit_documents.set_programme_details(session, engagement_id=self.engagement_id, actor=self.user, data={
                "dress_code_th": self.dress_th.value, "dress_code_en": self.dress_en.value,
                "contact_person_id": chosen[0] if chosen else None})
        self.notice.success(t("vdoc.ui.details_saved"))

    def reset(self) -> None:
        self.engagement_id = None
        self.dress_th.value = self.dress_en.value = ""
        self.contact.value = []
