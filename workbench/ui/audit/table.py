"""AuditTable: the audit page — filters, one page of the trail with each change before and after, paging."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.i18n import t
from workbench.services import audit
from workbench.ui.audit.filters import AuditFilters
from workbench.ui.audit.labels import action_label, field_label, format_value, format_when, kind_label
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.record_table import Entry, RecordTable

COLUMNS = (("at", "audit.at_bangkok"), ("actor", "audit.actor"), ("record", "audit.entity"),
           ("action", "audit.action"), ("changes", "audit.changes"))
PAGE_SIZE = 50


class AuditTable(widgets.VBox):
    """Reads the audit trail through ``services.audit.audit_page`` (administrators only; the service checks).
    Every cell is escaped text."""

    def __init__(self, engine: Engine, user: object, *, page_size: int = PAGE_SIZE) -> None:
        self.engine = engine
        self.user = user
        self.page_size = page_size
        self.page = 1
        self.pages = 1
        self.filters_used: dict[str, Any] = {}
        self.heading = widgets.HTML(f"<h2>{html.escape(t('dash.audit.title'))}</h2>")
        self.notice = Notice()
        self.filters = AuditFilters(on_search=guarded(self.notice)(self.search))
        self.refresh_button = widgets.Button(description=t("audit.refresh"))
        self.previous_button = widgets.Button(description=t("audit.previous"))
        self.next_button = widgets.Button(description=t("audit.next"))
        self.position = widgets.Label("")
        self.table = RecordTable([(key, t(label)) for key, label in COLUMNS], empty=t("audit.empty"),
                                 css_class="wb-audit-table")
        pager = widgets.HBox([self.previous_button, self.position, self.next_button, self.refresh_button],
                             layout=widgets.Layout(align_items="center", flex_flow="row wrap"))
        pager.add_class("wb-audit-pager")
        super().__init__([self.heading, self.filters, self.notice, pager, self.table])
        self.add_class("wb-audit")
        self.refresh_button.on_click(guarded(self.notice)(lambda _b: self.refresh()))
        self.previous_button.on_click(guarded(self.notice)(lambda _b: self.go(self.page - 1)))
        self.next_button.on_click(guarded(self.notice)(lambda _b: self.go(self.page + 1)))
        guarded(self.notice)(self.search)(self.filters.values())

    def search(self, filters: dict[str, Any]) -> None:
        self.filters_used = dict(filters)
        self.go(1)

    def go(self, page: int) -> None:
        self.page = page
        self.refresh()

    def refresh(self) -> None:
        self.notice.reset()
        with new_session(self.engine) as session:
            found = audit.audit_page(session, actor=self.user, page=self.page, page_size=self.page_size,
                                     **self.filters_used)
        self.page, self.pages = found.page, found.pages
        self.previous_button.disabled = found.page <= 1
        self.next_button.disabled = found.page >= found.pages
        self.position.value = t("audit.position", page=found.page, pages=found.pages, total=f"{found.total:,}")
        self.table.show([_row(row) for row in found.rows])

    def reset(self) -> None:
        self.filters.reset()
        self.search(self.filters.values())


def _row(row: audit.AuditRow) -> dict[str, Any]:
    record = f"{kind_label(row.entity)} #{row.entity_id}" if row.entity_id else kind_label(row.entity)
    return {"at": format_when(row.at), "actor": row.actor, "record": record, "action": action_label(row.action),
            "changes": [_change(row.action, change) for change in row.changes]}


def _change(action: str, change: audit.AuditChange) -> Entry:
    name = field_label(change.field)
    if action == "delete":
        return Entry(name, format_value(change.before))
    if action in audit.ROW_ACTIONS and action != "create":
        return Entry(name, format_value(change.after), was=format_value(change.before))
    return Entry(name, format_value(change.after))
