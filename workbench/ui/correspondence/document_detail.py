"""DocumentDetail: one register entry — its fields, where it is now, every routing step, its attachments
(upload; download checked against the stored SHA-256) and the routing controls (assign, forward, return, sign
off). The services decide who may do what; this widget collects and shows, escaped."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import t
from workbench.models.correspondence import CorrespondenceRead, RoutingAction, RoutingStepRead
from workbench.thai import format_date, format_datetime
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.download_link import DownloadLink
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.record_table import fields_html

MEDIA_TYPE_FALLBACK = "application/octet-stream"


class DocumentDetail(widgets.VBox):
    """Injected calls: ``load(id) -> (read, steps, attachments)``, ``route(id, action, to_user_id, to_group, note)``,
    ``attach(id, filename, content)``, ``download(attachment_id) -> Download``; ``on_changed()`` after a write."""

    def __init__(self, *, officers: list[tuple[str, int]], load: Callable[[int], tuple[Any, list, list]],
                 route: Callable[..., CorrespondenceRead], attach: Callable[[int, str, bytes], Any],
                 download: Callable[[int], Any], on_changed: Callable[[], None] | None = None) -> None:
        self._load, self._route, self._attach, self._download = load, route, attach, download
        self._on_changed = on_changed or (lambda: None)
        self.document_id: int | None = None
        self.notice = Notice()
        self.summary = widgets.HTML("")
        self.steps = widgets.HTML("")
        self.files = widgets.VBox()
        self.download = DownloadLink()
        self.upload = widgets.FileUpload(description=t("corr.upload"), multiple=False, accept="")
        self.action = widgets.Dropdown(description=t("corr.route.action"), style=DESCRIPTION_STYLE,
                                       options=[(t(f"routing_action.{a.value}"), a.value) for a in RoutingAction])
        self.to_user = widgets.Dropdown(description=t("field.assignee_id"), style=DESCRIPTION_STYLE,
                                        options=[(t("form.none"), None), *officers], value=None)
        self.to_group = widgets.Text(description=t("field.work_group"), style=DESCRIPTION_STYLE)
        self.note = widgets.Textarea(description=t("field.note"), style=DESCRIPTION_STYLE, rows=2,
                                     layout=widgets.Layout(width="95%"))
        self.route_button = widgets.Button(description=t("corr.route.do"), button_style="primary")
        self.routing = widgets.VBox([widgets.HTML(f"<h4>{html.escape(t('corr.route.heading'))}</h4>"),
                                     widgets.HBox([self.action, self.to_user], layout=widgets.Layout(flex_flow="row wrap")),
                                     self.to_group, self.note, self.route_button])
        super().__init__([self.notice, self.summary, self.routing,
                          widgets.HTML(f"<h4>{html.escape(t('corr.steps'))}</h4>"), self.steps,
                          widgets.HTML(f"<h4>{html.escape(t('corr.attachments'))}</h4>"), self.files,
                          widgets.HBox([self.upload]), self.download])
        self.add_class("wb-corr-detail")
        self.layout.display = "none"
        guard = guarded(self.notice)
        self._guard = guard
        self.route_button.on_click(guard(lambda _b: self.do_route()))
        self.upload.observe(guard(lambda _c: self.do_upload()), names="value")

    def show(self, document_id: int) -> None:
        self.document_id = document_id
        self.notice.reset()
        self.download.reset()
        self.layout.display = ""
        self._render()

    def _render(self) -> None:
        doc, steps, attachments = self._load(self.document_id)
        self.summary.value = _summary(doc)
        self.steps.value = _steps(steps)
        self.files.children = [self._file_row(a) for a in attachments] or [widgets.Label(t("corr.no_attachments"))]
        self.routing.layout.display = "none" if doc.status.value == "signed_off" else ""

    def _file_row(self, attachment: Any) -> widgets.Widget:
        button = widgets.Button(description=t("corr.download"), tooltip=attachment.filename)
        button.add_class("wb-corr-download")
        button.on_click(self._guard(lambda _b, a=attachment: self.do_download(a.id)))
        size = f"{attachment.size / 1024:,.1f} KB"
        return widgets.HBox([button, widgets.Label(f"{attachment.filename} · {size} · SHA-256 {attachment.sha256[:12]}…")])

    def do_route(self) -> None:
        read = self._route(self.document_id, self.action.value, self.to_user.value, self.to_group.value,
                           self.note.value)
        self.notice.success(t("corr.route.done", action=t(f"routing_action.{self.action.value}"),
                              number=read.display_number))
        self.note.value = ""
        self.to_group.value = ""
        self.to_user.value = None
        self._render()
        self._on_changed()

    def do_upload(self) -> None:
        files = self.upload.value
        if not files:
            return
        item = files[0] if isinstance(files, (list, tuple)) else next(iter(files.values()))
        name = item["name"] if isinstance(item, dict) else item.name
        content = bytes(item["content"] if isinstance(item, dict) else item.content)
        self._attach(self.document_id, name, content)
        self.notice.success(t("corr.attached", name=name))
        self.upload.value = ()
        self._render()
        self._on_changed()

    def do_download(self, attachment_id: int) -> None:
        file = self._download(attachment_id)
        media = file.content_type if "/" in file.content_type else MEDIA_TYPE_FALLBACK
        self.download.offer(file.content, filename=file.filename, media_type=media,
                            text=t("corr.download_ready", name=file.filename))

    def reset(self) -> None:
        self.document_id = None
        self.summary.value = ""
        self.steps.value = ""
        self.files.children = ()
        self.download.reset()
        self.notice.reset()
        self.layout.display = "none"


def _summary(doc: CorrespondenceRead) -> str:
    def row(label_key: str, value: str) -> tuple[str, str]:
        return t(label_key), value

    mark = ""
    if doc.classification:
        mark = f"<div style='color:#b71c1c;font-weight:700'>{html.escape(t(f'clearance.{int(doc.classification)}'))}</div>"
    rows = [
        row("field.register", t(f"register.{doc.register.value}")),
        row("corr.col.number", doc.display_number),
        row("field.registered_at", format_datetime(doc.registered_at)),
        row("field.doc_number", doc.doc_number),
        row("field.doc_date", format_date(doc.doc_date) if doc.doc_date else ""),
        row("field.sender", doc.sender), row("field.recipient", doc.recipient),
        row("field.doc_type", t(f"document_type.{doc.doc_type.value}")),
        row("field.urgency", t(f"urgency.{doc.urgency.value}")),
        row("field.action_requested", t(f"action_requested.{doc.action_requested.value}")),
        row("field.status", t(f"correspondence_status.{doc.status.value}")),
        row("corr.due", format_datetime(doc.due_at) if doc.due_at else ""),
        row("field.work_group", doc.work_group), row("field.assignee_id", doc.assignee_name),
        row("field.remarks", doc.remarks),
        row("disposal.heading", t(f"disposal.{doc.disposal.value}")),
    ]
    return (f"{mark}<h3>{html.escape(doc.display_number)} · {html.escape(doc.subject)}</h3>"
            + fields_html(rows, css_class="wb-corr-fields"))


def _steps(steps: list[RoutingStepRead]) -> str:
    if not steps:
        return f"<p>{html.escape(t('corr.no_steps'))}</p>"
    items = []
    for s in steps:
        target = " ".join(part for part in (s.to_group, s.to_name) if part)
        items.append(f"<li>{html.escape(format_datetime(s.at, style='abbr'))} · "
                     f"<b>{html.escape(t(f'routing_action.{s.action.value}'))}</b> "
                     f"{html.escape(t('corr.by'))} {html.escape(s.by_name)}"
                     + (f" → {html.escape(target)}" if target else "")
                     + (f" — {html.escape(s.note)}" if s.note else "") + "</li>")
    return f"<ol class='wb-corr-steps'>{''.join(items)}</ol>"
