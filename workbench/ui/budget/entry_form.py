"""BudgetEntryForm: post a commitment or a disbursement on a line; refusals (with the figures) on its notice."""

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
from workbench.services import budget
from workbench.services.budget_reports import as_of
from workbench.thai import format_baht
from workbench.ui.date_field import DateField
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

WIDE = {"description_width": "13em"}


class BudgetEntryForm(widgets.VBox):
    """Public state: ``fiscal_year`` and ``posted_id`` (the entry posted last, 0 before any).
    ``on_posted(entry)`` is called after each posting."""

    fiscal_year = Int(0)
    posted_id = Int(0)

    def __init__(self, engine: Engine, user: Any, *, fiscal_year: int, today: dt.date,
                 on_posted: Callable[[Any], None] | None = None) -> None:
        self.engine, self.user, self.today, self.on_posted = engine, user, today, on_posted
        self.heading = widgets.HTML(f"<h3>{html.escape(t('budget.entry.heading'))}</h3>")
        self.kind = widgets.ToggleButtons(options=[(t("budget.entry.commitment"), "commitment"),
                                                   (t("budget.entry.disbursement"), "disbursement")],
                                          value="commitment")
        self.line = widgets.Dropdown(description=t("budget.field.line_id"), style=WIDE,
                                     layout=widgets.Layout(width="46em"))
        self.commitment = widgets.Dropdown(description=t("budget.field.commitment_id"), style=WIDE,
                                           layout=widgets.Layout(width="46em"))
        self.commitment_kind = widgets.Dropdown(
            description=t("budget.field.kind"), style=WIDE,
            options=[(t(f"budget.commitment_kind.{k}"), k) for k in ("approved_request", "order", "contract")])
        self.amount = widgets.Text(description=t("budget.field.amount"), style=WIDE, placeholder="0.00")
        self.entry_date = DateField(t("budget.field.entry_date"))
        self.document_no = widgets.Text(description=t("budget.field.document_no"), style=WIDE)
        self.description = widgets.Text(description=t("budget.field.description"), style=WIDE,
                                        layout=widgets.Layout(width="46em"))
        self.post_button = widgets.Button(description=t("budget.entry.post"), button_style="primary")
        self.notice = Notice()
        super().__init__([self.heading, self.kind, self.line, self.commitment_kind, self.amount, self.entry_date,
                          self.document_no, self.description, self.post_button, self.notice])
        self.add_class("wb-budget-entry")
        guard = guarded(self.notice)
        self.kind.observe(guard(lambda _c: self._show_kind()), names="value")
        self.line.observe(guard(lambda _c: self._load_commitments()), names="value")
        self.post_button.on_click(guard(lambda _b: self.post()))
        self.fiscal_year = fiscal_year
        guard(self.load)()

    def load(self) -> None:
        with new_session(self.engine) as session:
            lines = budget.list_lines(session, fiscal_year=self.fiscal_year, actor=self.user)
        self.line.options = [(f"{line.code} · {line.name_th}", line.id) for line in lines]
        self.entry_date.value = as_of(self.fiscal_year, self.today)
        self._load_commitments()

    def _load_commitments(self) -> None:
        options: list[tuple[str, Any]] = [(t("budget.entry.no_commitment"), None)]
        if self.line.value is not None:
            with new_session(self.engine) as session:
                rows = budget.commitments(session, fiscal_year=self.fiscal_year, actor=self.user,
                                          line_id=self.line.value, include_drafts=False)
            options += [(f"#{c.id} · {c.description[:60]} · {t('budget.entry.remains')} {format_baht(c.outstanding)}",
                         c.id) for c in rows if c.outstanding > 0]
        self.commitment.options = options

    def _show_kind(self) -> None:
        middle = [self.commitment] if self.kind.value == "disbursement" else [self.commitment_kind]
        self.children = [self.heading, self.kind, self.line, *middle, self.amount, self.entry_date,
                         self.document_no, self.description, self.post_button, self.notice]

    def post(self) -> None:
        self.notice.reset()
        common = {"entry_date": self.entry_date.value, "amount": self.amount.value.strip(),
                  "document_no": self.document_no.value.strip(), "description": self.description.value.strip()}
        with new_session(self.engine) as session:
            if self.kind.value == "commitment":
                entry = budget.post_commitment(session, actor=self.user, data={
                    **common, "line_id": self.line.value, "kind": self.commitment_kind.value})
            else:
                entry = budget.disburse(session, actor=self.user, data={
                    **common, "line_id": self.line.value, "commitment_id": self.commitment.value})
        self.posted_id = entry.id
        self.notice.success(t("budget.entry.posted", id=entry.id, amount=format_baht(entry.amount)))
        self.amount.value = self.document_no.value = self.description.value = ""
        self._load_commitments()
        if self.on_posted:
            self.on_posted(entry)

    def reset(self) -> None:
        self.amount.value = self.document_no.value = self.description.value = ""
        self.entry_date.value = as_of(self.fiscal_year, self.today)
        self.notice.reset()
