"""BudgetDrafts: draft commitments made from estimates, to post (counted from then on) or discard."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int, List

from workbench.db import new_session
from workbench.i18n import t
from workbench.services import budget
from workbench.thai import format_baht, format_date
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice


class BudgetDrafts(widgets.VBox):
    """Public state: ``fiscal_year`` and ``drafts`` (the draft ids listed). ``on_changed()`` after a post/discard."""

    fiscal_year = Int(0)
    drafts = List()

    def __init__(self, engine: Engine, user: Any, *, fiscal_year: int,
                 on_changed: Callable[[], None] | None = None) -> None:
        self.engine, self.user, self.on_changed = engine, user, on_changed
        self.heading = widgets.HTML(f"<h3>{html.escape(t('budget.drafts.heading'))}</h3>")
        self.choice = widgets.Select(rows=4, layout=widgets.Layout(width="46em"))
        self.post_button = widgets.Button(description=t("budget.drafts.post"), button_style="primary")
        self.discard_button = widgets.Button(description=t("budget.drafts.discard"), button_style="warning")
        self.notice = Notice()
        super().__init__([self.heading, self.choice, widgets.HBox([self.post_button, self.discard_button]),
                          self.notice])
        self.add_class("wb-budget-drafts")
        guard = guarded(self.notice)
        self.post_button.on_click(guard(lambda _b: self.post()))
        self.discard_button.on_click(guard(lambda _b: self.discard()))
        self.fiscal_year = fiscal_year
        guard(self.load)()

    def load(self) -> None:
        with new_session(self.engine) as session:
            rows = [c for c in budget.commitments(session, fiscal_year=self.fiscal_year, actor=self.user)
                    if c.status == "draft"]
            codes = {line.id: line.code for line in budget.list_lines(session, fiscal_year=self.fiscal_year,
                                                                       actor=self.user)}
        self.choice.options = [(f"#{c.id} · {codes.get(c.line_id, '')} · {format_baht(c.amount)} · "
                                f"{format_date(c.entry_date, style='abbr')} · {c.description[:70]}", c.id)
                               for c in rows]
        self.drafts = [c.id for c in rows]
        self.post_button.disabled = self.discard_button.disabled = not rows

    def post(self) -> None:
        self.notice.reset()
        with new_session(self.engine) as session:
            posted = budget.post_draft(session, commitment_id=self.choice.value, actor=self.user)
        self.notice.success(t("budget.drafts.posted", id=posted.id, amount=format_baht(posted.amount)))
        self._changed()

    def discard(self) -> None:
        self.notice.reset()
        with new_session(self.engine) as session:
            dropped = budget.discard_draft(session, commitment_id=self.choice.value, actor=self.user)
        self.notice.success(t("budget.drafts.discarded", id=dropped.id))
        self._changed()

    def _changed(self) -> None:
        self.load()
        if self.on_changed:
            self.on_changed()

    def reset(self) -> None:
        self.choice.value = None
        self.notice.reset()
