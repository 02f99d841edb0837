"""BudgetTopItems: the visits and receptions that cost the most in the year."""

from __future__ import annotations

import html

import ipywidgets as widgets
from traitlets import List

from workbench.i18n import t
from workbench.services.budget_reports import CostItem
from workbench.thai import format_baht, format_date
from workbench.ui.record_table import RecordTable

KEYS = ("kind", "title", "date", "committed", "disbursed")


class BudgetTopItems(widgets.VBox):
    """Public state: ``rows`` (kind, title, date, committed, disbursed as shown). Escaped text only."""

    rows = List()

    def __init__(self) -> None:
        self.heading = widgets.HTML(f"<h3>{html.escape(t('budget.top.heading'))}</h3>")
        self.table = RecordTable([(k, t(f"budget.top.col.{k}")) for k in KEYS], numeric={"committed", "disbursed"},
                                 empty=t("budget.top.none"))
        super().__init__([self.heading, self.table])
        self.add_class("wb-budget-top")

    def show(self, items: list[CostItem]) -> None:
        self.rows = [{"kind": t(f"budget.top.{i.kind}"), "title": i.title, "date": format_date(i.day, style="abbr"),
                      "committed": format_baht(i.committed), "disbursed": format_baht(i.disbursed)} for i in items]
        self.table.show(self.rows)

    def reset(self) -> None:
        self.rows = []
        self.table.reset()
