"""BudgetWarnings: lines near exhaustion and lagging disbursement, one line of text each."""

from __future__ import annotations

import html
from decimal import Decimal

import ipywidgets as widgets
from traitlets import List

from workbench.i18n import t
from workbench.services.budget_reports import Warning
from workbench.thai import format_baht


def _shown(value: object) -> object:
    return format_baht(value) if isinstance(value, Decimal) and value.as_tuple().exponent == -2 else value


class BudgetWarnings(widgets.VBox):
    """Public state: ``messages`` (the warnings as shown, in order)."""

    messages = List()

    def __init__(self) -> None:
        self.heading = widgets.HTML(f"<h3>{html.escape(t('budget.warn.heading'))}</h3>")
        self.items = widgets.VBox()
        super().__init__([self.heading, self.items])
        self.add_class("wb-budget-warnings")

    def show(self, warnings: list[Warning]) -> None:
        messages = []
        for warning in warnings:
            values = {k: (_shown(v) if k not in ("percent", "target") else v) for k, v in warning.values.items()}
            messages.append(t(f"budget.warn.{warning.kind}", **values))
        self.messages = messages
        labels = [widgets.Label(f"⚠ {m}", style={"text_color": "#b71c1c"}) for m in messages]
        self.items.children = labels or [widgets.Label(t("budget.warn.none"))]

    def reset(self) -> None:
        self.messages = []
        self.items.children = ()
