"""AdminWarnings: items at or below their low-stock threshold, and gifts received above the NACC threshold that
are not yet reported (with their deadline; overdue ones first)."""

from __future__ import annotations

import html

import ipywidgets as widgets
from traitlets import List

from workbench.i18n import t
from workbench.models.administration import GiftRead, StockItemRead
from workbench.thai import format_baht, format_date


class AdminWarnings(widgets.VBox):
    """Public state: ``messages`` (the warning lines shown, as text)."""

    messages = List()

    def __init__(self) -> None:
        self.box = widgets.HTML("")
        super().__init__([self.box])
        self.add_class("wb-admin-warnings")

    def show(self, *, low: list[StockItemRead], unreported: list[GiftRead]) -> None:
        lines = [t("admin.warn.low", name=i.name_th, on_hand=i.on_hand, unit=i.unit, threshold=i.low_stock_threshold)
                 for i in low]
        for gift in sorted(unreported, key=lambda g: (not g.overdue, g.report_due)):
            key = "admin.warn.gift_overdue" if gift.overdue else "admin.warn.gift"
            lines.append(t(key, what=gift.description_th, value=format_baht(gift.value_baht),
                           due=format_date(gift.report_due)))
        self.messages = lines
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        self.box.value = (f'<div style="border-left:4px solid #b71c1c;padding:2px 10px;color:#b71c1c">'
                          f"<b>{html.escape(t('admin.warn.heading'))}</b><ul>{items}</ul></div>") if lines else ""

    def reset(self) -> None:
        self.messages = []
        self.box.value = ""
