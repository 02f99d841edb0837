"""BudgetDashboard: one fiscal year at a glance (lines, curve against targets, forecast, warnings, biggest visits
and receptions, XLSX export) and, for those who may write, the estimator, the entry form and the drafts."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench import clock
from workbench.db import new_session
from workbench.documents import budget_export
from workbench.i18n import t
from workbench.services import budget_reports
from workbench.services.access import has_permission
from workbench.thai import format_date
from workbench.ui.budget.chart import BudgetCurveChart
from workbench.ui.budget.drafts import BudgetDrafts
from workbench.ui.budget.entry_form import BudgetEntryForm
from workbench.ui.budget.estimator import BudgetEstimator
from workbench.ui.budget.export_button import BudgetExportButton
from workbench.ui.budget.forecast import BudgetForecastPanel
from workbench.ui.budget.lines_table import BudgetLinesTable
from workbench.ui.budget.top_items import BudgetTopItems
from workbench.ui.budget.warnings import BudgetWarnings
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice


class BudgetDashboard(widgets.VBox):
    """Public state: ``fiscal_year`` (B.E.; choosing another year redraws everything). Built from
    ``(engine, user)`` by ``dashboards/budget.ipynb``; ``today`` is injectable for tests."""

    fiscal_year = Int(0)

    def __init__(self, engine: Engine, user: Any, *, today: dt.date | None = None) -> None:
        self.engine, self.user = engine, user
        self.today = today or clock.today()
        self.summary: budget_reports.YearSummary | None = None
        with new_session(engine) as session:
            years = budget_reports.year_choices(session, actor=user, today=self.today)
        current = budget_reports.current_fiscal_year(self.today)
        self.heading = widgets.HTML(f"<h2>{html.escape(t('budget.title'))}</h2>")
        self.year = widgets.Dropdown(description=t("budget.year"), options=[(str(y), y) for y in years],
                                     value=current)
        self.as_of = widgets.Label("")
        self.notice = Notice()
        self.lines = BudgetLinesTable()
        self.chart = BudgetCurveChart()
        self.forecast = BudgetForecastPanel()
        self.warnings = BudgetWarnings()
        self.top = BudgetTopItems()
        self.export = BudgetExportButton(self._xlsx, self.notice)
        self.estimator = BudgetEstimator(engine, user, fiscal_year=current, today=self.today,
                                         on_drafted=lambda _draft: self.refresh())
        parts: list[widgets.Widget] = [self.heading, widgets.HBox([self.year, self.as_of]), self.notice,
                                       self.warnings, self.lines, self.export, self.chart, self.forecast, self.top,
                                       self.estimator]
        self.drafts = self.entry = None
        if has_permission(user, "budget.write"):
            self.drafts = BudgetDrafts(engine, user, fiscal_year=current, on_changed=self.refresh)
            self.entry = BudgetEntryForm(engine, user, fiscal_year=current, today=self.today,
                                         on_posted=lambda _entry: self.refresh())
            parts += [self.drafts, self.entry]
        else:
            parts.append(widgets.Label(t("budget.read_only")))
        super().__init__(parts)
        self.add_class("wb-budget")
        guard = guarded(self.notice)
        self.year.observe(guard(self._year_chosen), names="value")
        self.fiscal_year = current
        guard(self.refresh)()

    def _year_chosen(self, change: dict) -> None:
        self.fiscal_year = change["new"]
        for part in (self.estimator, self.drafts, self.entry):
            if part is not None:
                part.fiscal_year = self.fiscal_year
                part.load()
        self.refresh()

    def refresh(self) -> None:
        """Read the year again and redraw every panel."""
        with new_session(self.engine) as session:
            summary = budget_reports.year_summary(session, fiscal_year=self.fiscal_year, actor=self.user,
                                                  today=self.today)
            targets = budget_reports.targets(session, fiscal_year=self.fiscal_year)
            curve = budget_reports.disbursement_curve(session, summary=summary)
            biggest = budget_reports.biggest(session, fiscal_year=self.fiscal_year, actor=self.user)
        self.summary = summary
        forecast = budget_reports.forecast(summary)
        self.as_of.value = t("budget.as_of", date=format_date(summary.on))
        self.lines.show(summary)
        self.chart.show(summary, curve, targets, forecast)
        self.forecast.show(forecast)
        self.warnings.show(budget_reports.warnings(summary, targets))
        self.top.show(biggest)
        if self.drafts is not None:
            self.drafts.load()
        self.export.reset()

    def _xlsx(self) -> tuple[bytes, str]:
        assert self.summary is not None
        return budget_export.summary_xlsx(self.summary), f"budget-{self.fiscal_year}.xlsx"
