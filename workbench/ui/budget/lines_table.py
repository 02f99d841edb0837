"""BudgetLinesTable: per line allocated / allotted / committed / disbursed / available, with the year's total."""

from __future__ import annotations

import html

import ipywidgets as widgets
from traitlets import List

from workbench.documents.budget_export import COLUMNS, MONEY_COLUMNS, headers, summary_rows
from workbench.i18n import t
from workbench.services.budget_reports import YearSummary
from workbench.thai import format_baht
from workbench.ui.record_table import RecordTable

SHOWN = [c for c in COLUMNS if c not in ("category", "expense_type")]


class BudgetLinesTable(widgets.VBox):
    """Shows a ``YearSummary``. Public state: ``rows`` (the shown cells as text, totals last). Every cell is
    escaped text; amounts in baht with Thai grouping (1,234.50)."""

    rows = List()

    def __init__(self) -> None:
        self.heading = widgets.HTML(f"<h3>{html.escape(t('budget.lines.heading'))}</h3>")
        names = dict(zip(COLUMNS, headers(), strict=True))
        self.table = RecordTable([(c, names[c]) for c in SHOWN], numeric={*MONEY_COLUMNS, "disbursed_percent"},
                                 empty=t("budget.lines.none"), css_class="wb-budget-table")
        super().__init__([self.heading, self.table])
        self.add_class("wb-budget-lines")

    def show(self, summary: YearSummary) -> None:
        if not summary.lines:
            self.rows = []
            self.table.show([])
            return
        rows = []
        for row in summary_rows(summary):
            rows.append({c: format_baht(row[c]) if c in MONEY_COLUMNS else
                         f"{row[c]}%" if c == "disbursed_percent" else str(row[c]) for c in SHOWN})
        rows[-1]["code"] = ""
        self.rows = rows
        self.table.show(rows[:-1], total=rows[-1])

    def reset(self) -> None:
        self.rows = []
        self.table.reset()
