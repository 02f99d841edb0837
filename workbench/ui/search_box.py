"""SearchBox: the home page's one search box. Any Thai or Latin fragment finds letters, monitoring notes, records
of conversation, visits and engagements the user may see (``services.search``), ranked; each hit has a button
that opens the dashboard at that record (``on_open(dashboard name, "kind:id")``) — a monitoring note, which no
dashboard shows, opens right under its hit. All text is shown escaped."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.i18n import current_lang, t
from workbench.services import countries, monitoring, search
from workbench.thai import format_date
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice


class SearchBox(widgets.VBox):
    def __init__(self, engine: Engine, user: Any, *, on_open: Callable[[str, str], None]) -> None:
        self.engine, self.user, self._on_open = engine, user, on_open
        self.notice = Notice()
        self.query = widgets.Text(placeholder=t("search.hint"), continuous_update=False,
                                  layout=widgets.Layout(width="60%"))
        self.query.add_class("wb-search-query")
        self.button = widgets.Button(description=t("search.button"), button_style="primary")
        self.count = widgets.HTML("")
        self.results = widgets.VBox()
        self.results.add_class("wb-search-results")
        self.hits: list[search.Hit] = []
        super().__init__([widgets.HTML(f"<h3>{html.escape(t('search.box'))}</h3>"),
                          widgets.HBox([self.query, self.button]), self.notice, self.count, self.results])
        self.add_class("wb-search-box")
        guard = guarded(self.notice)
        self._guard = guard
        self.button.on_click(guard(lambda _b: self.run()))
        self.query.observe(guard(lambda _c: self.run()), names="value")

    def run(self) -> None:
        text = self.query.value.strip()
        if not text:
            self.reset()
            return
        with new_session(self.engine) as session:
            self.hits = search.search(session, actor=self.user, query=text)
        self.count.value = html.escape(t("search.count", n=len(self.hits)) if self.hits else t("search.none"))
        self.results.children = [self._row(hit) for hit in self.hits]

    def _row(self, hit: search.Hit) -> widgets.Widget:
        button = widgets.Button(description=t("search.open"), tooltip=t(f"dash.{hit.dashboard}.title"),
                                layout=widgets.Layout(width="70px"))
        button.add_class("wb-search-open")
        when = format_date(hit.when.date(), style="abbr") if hit.when.year > 1 else ""
        text = (f"<span style='color:#555'>{html.escape(t(f'search.kind.{hit.kind}'))} · {html.escape(when)}</span> "
                f"<b>{html.escape(hit.title)}</b><br><span style='color:#555'>{html.escape(hit.detail)}</span>")
        row = widgets.HBox([button, widgets.HTML(text)], layout=widgets.Layout(align_items="center"))
        row.add_class(f"wb-search-hit-{hit.kind}")
        if hit.kind == "note":
            shown = widgets.HTML("")
            shown.add_class("wb-search-note")
            button.on_click(self._guard(lambda _b, number=hit.id, into=shown: self.show_note(number, into)))
            return widgets.VBox([row, shown])
        button.on_click(self._guard(lambda _b, name=hit.dashboard, target=hit.target: self._on_open(name, target)))
        return row

    def show_note(self, note_id: int, into: widgets.HTML) -> None:
        """The whole monitoring note under its hit: date, country, category, tags, summary and source."""
        with new_session(self.engine) as session:
            note = monitoring.get_note(session, note_id=note_id, actor=self.user)
            country = next((c for c in countries.list_countries(session) if c.id == note.country_id), None)
        lang = current_lang()
        facts = [format_date(note.noted_on),
                 country.display_name(lang) if country else "",
                 t(f"note_category.{note.category}"), note.tags]
        source = (f"<div>{html.escape(t('field.source_url'))}: {html.escape(note.source_url)}</div>"
                  if note.source_url else "")
        into.value = (f"<div style='margin:4px 0 10px 78px;padding:8px 12px;border-left:3px solid #1f4e79;"
                      f"background:#f6f8fb;white-space:pre-wrap'>"
                      f"<div style='color:#555'>{html.escape(' · '.join(f for f in facts if f))}</div>"
                      f"<div>{html.escape(note.summary)}</div>{source}</div>")

    def reset(self) -> None:
        self.hits = []
        self.count.value = ""
        self.results.children = ()
        self.notice.reset()
