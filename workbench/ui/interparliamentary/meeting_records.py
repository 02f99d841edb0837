"""MeetingRecords: what a meeting produced and what passed about it: resolutions adopted, Thailand's
interventions, and the documents received and sent with their correspondence register numbers; each with its form."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.i18n import t
from workbench.services.interparliamentary import exchanges, meetings, positions
from workbench.thai import be_year, format_date
from workbench.ui.choices import Choices
from workbench.ui.interparliamentary.document_form import EXISTING, NEW, DocumentForm
from workbench.ui.interparliamentary.intervention_form import InterventionForm
from workbench.ui.interparliamentary.resolution_form import ResolutionForm
from workbench.ui.interparliamentary.tables import html_table as _table


def html_table(headers: list[str], rows: list[list[str]], *, css_class: str) -> str:
    """The table, or a line saying there is nothing yet (a table of headers alone reads as a fault)."""
    if not rows:
        return f"<p class='{html.escape(css_class)} wb-empty' style='color:#666'>{html.escape(t('ip.nothing_yet'))}</p>"
    return _table(headers, rows, css_class=css_class)


class MeetingRecords(widgets.VBox):
    """``show(meeting_id)`` loads the meeting's records; ``may_write`` shows the forms."""

    def __init__(self, engine: Engine, user: Any, choices: Choices, *, today: Any, guard: Any,
                 on_saved: Any, may_write: bool = True) -> None:
        self.engine, self.user, self.meeting_id = engine, user, None
        self._on_saved = on_saved
        self.resolutions = widgets.HTML()
        self.interventions = widgets.HTML()
        self.documents = widgets.HTML()
        self.resolution_form = ResolutionForm(save=self._save_resolution, on_saved=self._saved, guard=guard)
        self.intervention_form = InterventionForm(choices, save=self._save_intervention, on_saved=self._saved,
                                                  guard=guard)
        self.document_form = DocumentForm(save=self._save_document, this_year_be=be_year(today.year),
                                          on_saved=self._saved, guard=guard)
        forms = [self.resolution_form, self.intervention_form, self.document_form] if may_write else []
        self.forms = widgets.Accordion(children=forms)
        for index, key in enumerate(("ip.resolutions", "ip.interventions", "ip.documents")[:len(forms)]):
            self.forms.set_title(index, t(key))
        self.forms.selected_index = None
        super().__init__([self.resolutions, self.interventions, self.documents, self.forms])
        self.add_class("wb-ip-records")

    def show(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        if meeting_id is None:
            for box in (self.resolutions, self.interventions, self.documents):
                box.value = ""
            return
        with new_session(self.engine) as session:
            agenda = [(item.title_th, item.id) for item in meetings.agenda(session, meeting_id=meeting_id, actor=self.user)]
            adopted = positions.resolutions(session, meeting_id=meeting_id, actor=self.user)
            spoken = positions.interventions(session, meeting_id=meeting_id, actor=self.user)
            documents = exchanges.documents(session, meeting_id=meeting_id, actor=self.user)
        for form in (self.resolution_form, self.intervention_form):
            form.set_agenda(agenda)
        self.resolutions.value = f"<h4>{html.escape(t('ip.resolutions'))}</h4>" + html_table(
            [t("field.title_th"), t("field.outcome"), t("field.thailand_vote")],
            [[r.title_th, r.outcome or "-", t(f"vote.{r.thailand_vote}")] for r in adopted],
            css_class="wb-ip-resolutions")
        self.interventions.value = f"<h4>{html.escape(t('ip.interventions'))}</h4>" + html_table(
            [t("field.speaker_id"), t("field.day"), t("field.summary")],
            [[p.display_name(), format_date(i.day, style="abbr"), i.summary] for i, p in spoken],
            css_class="wb-ip-interventions")
        self.documents.value = f"<h4>{html.escape(t('ip.documents'))}</h4>" + html_table(
            [t("field.direction"), t("field.title"), t("field.day"), t("ip.col.register_no"), t("field.note")],
            [[t(f"document_direction.{d.direction}"), d.title, format_date(d.day, style="abbr"),
              d.register_number or "-", d.note or "-"] for d in documents],
            css_class="wb-ip-documents")

    def _save_resolution(self, values: dict[str, Any]) -> None:
        with new_session(self.engine) as session:
            positions.add_resolution(session, actor=self.user, data={**values, "meeting_id": self.meeting_id})

    def _save_intervention(self, values: dict[str, Any]) -> None:
        with new_session(self.engine) as session:
            positions.add_intervention(session, actor=self.user, data={**values, "meeting_id": self.meeting_id})

    def _save_document(self, values: dict[str, Any], link: dict[str, Any]) -> None:
        data = {**values, "meeting_id": self.meeting_id}
        with new_session(self.engine) as session:
            if link["mode"] == NEW:
                exchanges.register_meeting_document(session, actor=self.user, data=data,
                                                    counterpart=link["counterpart"], doc_number=link["doc_number"])
            elif link["mode"] == EXISTING:
                exchanges.add_document(session, actor=self.user, data=data, register_no=link["register_no"],
                                       register_year_be=link["register_year_be"])
            else:
                exchanges.add_document(session, actor=self.user, data=data)

    def _saved(self, message: str) -> None:
        self.show(self.meeting_id)
        self._on_saved(message)

    def reset(self) -> None:
        for form in (self.resolution_form, self.intervention_form, self.document_form):
            form.reset()
        self.show(self.meeting_id)
