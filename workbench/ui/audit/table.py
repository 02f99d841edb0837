"""AuditTable: the newest audit entries as a table; every cell is escaped text."""

from __future__ import annotations

import html

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.i18n import t
from workbench.services import audit
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

COLUMNS = ("audit.at", "audit.actor", "audit.entity", "audit.action", "audit.details")


class AuditTable(widgets.VBox):
    """Reads the audit trail through ``services.audit`` (administrators only; the service checks)."""

    def __init__(self, engine: Engine, user: object, *, limit: int = 100) -> None:
        self.engine = engine
        self.user = user
        self.limit = limit
        self.heading = widgets.HTML(f"<h2>{html.escape(t('dash.audit.title'))}</h2>")
        self.refresh_button = widgets.Button(description=t("audit.refresh"))
        self.notice = Notice()
        self.table = widgets.HTML("")
        super().__init__([self.heading, self.refresh_button, self.notice, self.table])
        self.add_class("wb-audit")
        self.refresh_button.on_click(guarded(self.notice)(lambda _b: self.refresh()))
        guarded(self.notice)(self.refresh)()

    def refresh(self) -> None:
        with new_session(self.engine) as session:
            lines = audit.recent_entries(session, actor=self.user, limit=self.limit)
        if not lines:
            self.table.value = html.escape(t("audit.empty"))
            return
        head = "".join(f"<th>{html.escape(t(key))}</th>" for key in COLUMNS)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in (
                line.at.strftime("%Y-%m-%d %H:%M:%S"), line.actor, f"{line.entity} {line.entity_id}".strip(),
                line.action, line.details)) + "</tr>"
            for line in lines
        )
        self.table.value = f'<table class="wb-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
