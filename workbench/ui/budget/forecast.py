"""BudgetForecastPanel: the linear year-end forecast in words, with its method stated."""

from __future__ import annotations

import ipywidgets as widgets
from traitlets import Unicode

from workbench.i18n import t
from workbench.services.budget_reports import Forecast
from workbench.thai import format_baht, format_date


class BudgetForecastPanel(widgets.VBox):
    """Public state: ``text`` (the forecast sentence) and ``method`` (how it is computed). Labels only: text."""

    text = Unicode("")
    method = Unicode("")

    def __init__(self) -> None:
        self.heading = widgets.HTML("")
        self.sentence = widgets.Label("")
        self.method_label = widgets.Label("")
        super().__init__([self.heading, self.sentence, self.method_label])
        self.add_class("wb-budget-forecast")

    def show(self, forecast: Forecast) -> None:
        import html

        self.heading.value = f"<h3>{html.escape(t('budget.forecast.heading'))}</h3>"
        self.text = t("budget.forecast.text", disbursed=format_baht(forecast.projected_disbursed),
                      percent=forecast.projected_disbursed_percent, unspent=format_baht(forecast.unspent))
        self.method = t("budget.forecast.method", elapsed=forecast.days_elapsed, days=forecast.days_in_year,
                        date=format_date(forecast.on))
        self.sentence.value, self.method_label.value = self.text, self.method

    def reset(self) -> None:
        self.text = self.method = ""
        self.sentence.value = self.method_label.value = ""
