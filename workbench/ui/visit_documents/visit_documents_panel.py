"""VisitDocuments: the programme (language, DOCX or PDF) and the trip report / visit summary (the analyst's
narrative, DOCX or PDF, then "reported") of one visit, with the issued versions listed and the latest marked.
Every file is made by the services and documents; this widget only collects choices and offers the file."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench.db import new_session
from workbench.i18n import t
from workbench.services import visit_documents
from workbench.services.access import has_permission
from workbench.thai import format_datetime
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.download_link import DownloadLink
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.schema_form import field_label

MEDIA = {"pdf": "application/pdf",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


class VisitDocuments(widgets.VBox):
    """``visit_id`` is the visit. Children: ``lang``, ``programme_buttons`` (docx, pdf), ``summary``,
    ``outcomes``, ``recommendations``, ``save_button``, ``report_buttons``, ``reported_button``, ``link``,
    ``versions``. Callback: ``on_changed()`` after a write (a new version, the status)."""

    visit_id = Int(None, allow_none=True)

    def __init__(self, engine: Engine, user: Any, *, notice: Notice | None = None,
                 on_changed: Callable[[], None] | None = None) -> None:
        self.engine, self.user = engine, user
        self._on_changed = on_changed or (lambda: None)
        self.notice = notice or Notice()
        self.lang = widgets.Dropdown(description=t("vdoc.ui.lang"), style=DESCRIPTION_STYLE, value="th",
                                     options=[(t(f"vdoc.ui.lang_{k}"), k) for k in ("th", "en", "both")])
        self.programme_buttons = {kind: widgets.Button(description=t(f"vdoc.ui.programme_{kind}"),
                                                       layout=widgets.Layout(width="auto")) for kind in ("docx", "pdf")}
        self.report_buttons = {kind: widgets.Button(description=t(f"vdoc.ui.report_{kind}"),
                                                    layout=widgets.Layout(width="auto")) for kind in ("docx", "pdf")}
        area = widgets.Layout(width="95%")
        self.summary = widgets.Textarea(description=field_label("summary"), rows=3, style=DESCRIPTION_STYLE, layout=area)
        self.outcomes = widgets.Textarea(description=field_label("outcomes"), rows=2, style=DESCRIPTION_STYLE,
                                         layout=area)
        self.recommendations = widgets.Textarea(description=field_label("recommendations"), rows=2,
                                                style=DESCRIPTION_STYLE, layout=area)
        self.save_button = widgets.Button(description=t("vdoc.ui.save_narrative"), layout=widgets.Layout(width="auto"))
        self.reported_button = widgets.Button(description=t("vdoc.ui.mark_reported"), layout=widgets.Layout(width="auto"))
        self.link = DownloadLink()
        self.versions = widgets.HTML()
        self.can_narrate = has_permission(user, "records.write") or has_permission(user, "visits.write")
        self.can_write = has_permission(user, "visits.write")
        guard = guarded(self.notice)
        for kind, button in self.programme_buttons.items():
            button.add_class(f"wb-programme-{kind}")
            button.on_click(guard(lambda _b, kind=kind: self.programme(kind)))
        for kind, button in self.report_buttons.items():
            button.add_class(f"wb-report-{kind}")
            button.on_click(guard(lambda _b, kind=kind: self.report(kind)))
        self.save_button.on_click(guard(lambda _b: self.save_narrative()))
        self.reported_button.on_click(guard(lambda _b: self.mark_reported()))
        narrative = [self.summary, self.outcomes, self.recommendations, self.save_button] if self.can_narrate else []
        super().__init__([
            widgets.HTML(f"<h4>{html.escape(t('vdoc.ui.documents'))}</h4>"),
            widgets.HTML(f"<b>{html.escape(t('vdoc.ui.programme_heading'))}</b>"),
            widgets.HBox([self.lang, *self.programme_buttons.values()], layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HTML(f"<b>{html.escape(t('vdoc.ui.report_heading'))}</b>"), *narrative,
            widgets.HBox([*self.report_buttons.values(), *([self.reported_button] if self.can_write else [])],
                         layout=widgets.Layout(flex_flow="row wrap")),
            self.link, self.versions,
        ])
        self.add_class("wb-visit-documents")

    def show(self, visit_id: int) -> None:
        self.visit_id = visit_id
        self.link.reset()
        with new_session(self.engine) as session:
            narrative = visit_documents.latest_narrative(session, visit_id=visit_id, actor=self.user)
        self.summary.value = narrative.summary if narrative else ""
        self.outcomes.value = narrative.outcomes if narrative else ""
        self.recommendations.value = narrative.recommendations if narrative else ""
        self.refresh_versions()

    def refresh_versions(self) -> None:
        with new_session(self.engine) as session:
            rows = [v for kind in ("programme", "trip_report")
                    for v in visit_documents.document_versions(session, visit_id=self.visit_id, kind=kind,
                                                               actor=self.user)]
        names = {"programme": t("vdoc.programme"), "trip_report": t("vdoc.ui.report_heading")}
        lines = [t("vdoc.ui.version_line", kind=names[v.kind], number=v.number,
                   when=format_datetime(v.created_at, style="abbr"),
                   latest=t("vdoc.ui.latest_mark") if v.latest else "") for v in rows]
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines) or f"<li>{html.escape(t('vdoc.ui.no_versions'))}</li>"
        self.versions.value = f"<div class='wb-doc-versions'><b>{html.escape(t('vdoc.ui.versions'))}</b><ul>{items}</ul></div>"

    def _offer(self, payload: bytes, name: str, kind: str) -> None:
        self.link.offer(payload, filename=name, media_type=MEDIA[kind], text=t("vdoc.ui.save_file", name=name))
        self.notice.success(t("vdoc.ui.made", name=self.link.filename))

    def programme(self, kind: str) -> None:
        from workbench.documents.programme import export_programme

        self.link.reset()
        with new_session(self.engine) as session:
            programme = visit_documents.issue_programme(session, visit_id=self.visit_id, lang=self.lang.value,
                                                        actor=self.user)
        payload = export_programme(programme, kind)
        self._offer(payload, f"programme-visit{self.visit_id}-{self.lang.value}-v{programme.version or 0}.{kind}", kind)
        self.refresh_versions()
        self._on_changed()

    def report(self, kind: str) -> None:
        from workbench.documents.trip_report import export_report

        self.link.reset()
        with new_session(self.engine) as session:
            report = visit_documents.issue_report(session, visit_id=self.visit_id, actor=self.user)
        payload = export_report(report, kind)
        name = "trip-report" if report.outbound else "visit-summary"
        self._offer(payload, f"{name}-visit{self.visit_id}-v{report.version or 0}.{kind}", kind)
        self.refresh_versions()
        self._on_changed()

    def save_narrative(self) -> None:
        with new_session(self.engine) as session:
            saved = visit_documents.save_narrative(session, visit_id=self.visit_id, actor=self.user, data={
                "summary": self.summary.value, "outcomes": self.outcomes.value,
                "recommendations": self.recommendations.value})
            number = saved.version
        self.notice.success(t("vdoc.ui.narrative_saved", number=number))

    def mark_reported(self) -> None:
        with new_session(self.engine) as session:
            visit_documents.mark_reported(session, visit_id=self.visit_id, actor=self.user)
        self.notice.success(t("vdoc.ui.reported"))
        self._on_changed()

    def reset(self) -> None:
        self.visit_id = None
        self.link.reset()
        self.versions.value = ""
        for area in (self.summary, self.outcomes, self.recommendations):
            area.value = ""
