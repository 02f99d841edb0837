"""MonitoringNotes: analysts search and record political, economic and social developments per country.

Search finds any part of a word in Thai or Latin text (the service does the matching and the clearance filter);
results show as a table of escaped text and export to XLSX; the form records a new note through the service.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench import clock
from workbench.db import new_session
from workbench.documents.spreadsheet import to_xlsx
from workbench.i18n import current_lang, t
from workbench.models.briefing import NoteCategory
from workbench.services import monitoring
from workbench.services.access import classifications_for, has_permission
from workbench.services.countries import list_countries
from workbench.thai import format_date
from workbench.ui.date_field import DateField
from workbench.ui.download_link import DownloadLink
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.record_table import RecordTable

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = ("noted_on", "country", "category", "title", "tags", "classification")


class MonitoringNotes(widgets.VBox):
    """Search box, country and category filters, a results table with XLSX export, and (for writers) a form."""

    def __init__(self, engine: Engine, user: Any) -> None:
        self.engine, self.user, self.lang = engine, user, current_lang()
        with new_session(engine) as session:
            self.countries = {c.id: c for c in list_countries(session)}
        country_options = [(c.display_name(self.lang), c.id) for c in self.countries.values()]
        categories = [(t(f"note_category.{c.value}"), c.value) for c in NoteCategory]
        self.notice = Notice()
        self.query = widgets.Text(description=t("notes.search"), placeholder=t("notes.search_hint"),
                                  continuous_update=False)
        self.country = widgets.Dropdown(description=t("field.country_id"),
                                        options=[(t("notes.all"), 0), *country_options])
        self.category = widgets.Dropdown(description=t("notes.category"), options=[(t("notes.all"), ""), *categories])
        self.search_button = widgets.Button(description=t("notes.search_button"), button_style="primary")
        self.results = RecordTable([(key, t(f"notes.col.{key}")) for key in COLUMNS], badge="classification",
                                   empty=t("notes.none"), caption=lambda n: t("notes.count", n=n),
                                   css_class="wb-notes")
        self.export_button = widgets.Button(description=t("notes.export"))
        self.download = DownloadLink()
        self.rows: list[dict[str, Any]] = []
        self.form = _NoteForm(country_options, categories, self.user)
        guard = guarded(self.notice)
        self.search_button.on_click(guard(lambda _b: self.search()))
        self.query.observe(guard(lambda _change: self.search()), names="value")
        self.export_button.on_click(guard(lambda _b: self.export()))
        self.form.save_button.on_click(guard(lambda _b: self.save()))
        children = [widgets.HTML(f"<h3>{html.escape(t('notes.heading'))}</h3>"),
                    widgets.HBox([self.query, self.country, self.category, self.search_button]), self.notice,
                    self.results, widgets.HBox([self.export_button, self.download])]
        if has_permission(user, "briefing.write"):
            children += [widgets.HTML(f"<h4>{html.escape(t('notes.new'))}</h4>"), self.form]
        super().__init__(children)
        self.add_class("wb-monitoring-notes")
        guard(self.search)()

    def search(self) -> None:
        with new_session(self.engine) as session:
            notes = monitoring.search_notes(session, query=self.query.value, actor=self.user,
                                            country_id=self.country.value or None, category=self.category.value or None)
        self.rows = [self._row(note) for note in notes]
        self.download.reset()
        self.results.show(self.rows)

    def _row(self, note: Any) -> dict[str, Any]:
        country = self.countries.get(note.country_id)
        return {"noted_on": format_date(note.noted_on) if self.lang == "th" else note.noted_on.isoformat(),
                "country": country.display_name(self.lang) if country else "",
                "category": t(f"note_category.{note.category}"), "title": note.title, "tags": note.tags,
                "classification": t(f"clearance.{int(note.classification)}") if note.classification else ""}

    def export(self) -> None:
        columns = [(key, t(f"notes.col.{key}")) for key in COLUMNS]
        self.download.offer(to_xlsx(self.rows, columns, sheet="notes"), filename="monitoring-notes.xlsx",
                            media_type=XLSX, text=t("notes.download"))

    def save(self) -> None:
        with new_session(self.engine) as session:
            note = monitoring.create_note(session, data=self.form.values(), actor=self.user)
        self.notice.success(t("notes.saved", title=note.title))
        self.form.reset()
        self.search()


class _NoteForm(widgets.VBox):
    """The fields of a new monitoring note; classification offered only up to the user's clearance."""

    def __init__(self, countries: list[tuple[str, int]], categories: list[tuple[str, str]], user: Any) -> None:
        self.country = widgets.Dropdown(description=t("field.country_id"), options=countries)
        self.noted_on = DateField(t("notes.noted_on"), value=clock.today())
        self.category = widgets.Dropdown(description=t("notes.category"), options=categories)
        self.title = widgets.Text(description=t("notes.title"))
        self.summary = widgets.Textarea(description=t("notes.summary"), layout=widgets.Layout(width="60%"))
        self.source_url = widgets.Text(description=t("notes.source_url"), placeholder="https://…")
        self.tags = widgets.Text(description=t("notes.tags"), placeholder=t("notes.tags_hint"))
        self.classification = widgets.Dropdown(
            description=t("field.classification"),
            options=[(t(f"clearance.{int(level)}"), int(level)) for level in classifications_for(user)])
        self.save_button = widgets.Button(description=t("notes.save"), button_style="primary")
        super().__init__([self.country, self.noted_on, self.category, self.title, self.summary, self.source_url,
                          self.tags, self.classification, self.save_button])

    def values(self) -> dict[str, Any]:
        return {"country_id": self.country.value, "noted_on": self.noted_on.value,
                "category": self.category.value, "title": self.title.value, "summary": self.summary.value,
                "source_url": self.source_url.value, "tags": self.tags.value,
                "classification": self.classification.value}

    def reset(self) -> None:
        for box in (self.title, self.summary, self.source_url, self.tags):
            box.value = ""
