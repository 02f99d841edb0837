"""AdministrationDashboard: warnings (low stock, gifts to report) above tabs for the quarter's statistics (with
the quarterly report), staff, stock and equipment, and gifts. Built from ``(engine, user)`` by
``dashboards/administration.ipynb``; ``today`` is injectable for tests."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench import clock
from workbench.db import new_session
from workbench.i18n import t
from workbench.services.administration import gifts, stock
from workbench.ui.administration.gifts_panel import GiftsPanel
from workbench.ui.administration.staff_panel import StaffPanel
from workbench.ui.administration.statistics_panel import StatisticsPanel
from workbench.ui.administration.stock_panel import StockPanel
from workbench.ui.administration.warnings import AdminWarnings
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice


class AdministrationDashboard(widgets.VBox):
    def __init__(self, engine: Engine, user: Any, *, today: dt.date | None = None) -> None:
        self.engine, self.user = engine, user
        self.today = today or clock.today()
        self.notice = Notice()
        self.warnings = AdminWarnings()
        common = {"notice": self.notice, "today": self.today}
        self.statistics = StatisticsPanel(engine, user, **common)
        self.staff = StaffPanel(engine, user, **common)
        self.stock = StockPanel(engine, user, on_changed=self.refresh_warnings, **common)
        self.gifts = GiftsPanel(engine, user, on_changed=self.refresh_warnings, **common)
        self.tabs = widgets.Tab([self.statistics, self.staff, self.stock, self.gifts])
        for index, key in enumerate(("admin.tab.statistics", "admin.tab.staff", "admin.tab.stock", "admin.tab.gifts")):
            self.tabs.set_title(index, t(key))
        super().__init__([widgets.HTML(f"<h2>{html.escape(t('dash.administration.title'))}</h2>"), self.notice,
                          self.warnings, self.tabs])
        self.add_class("wb-administration")
        guarded(self.notice)(self.refresh)()

    def refresh(self) -> None:
        self.refresh_warnings()
        for panel in (self.statistics, self.staff, self.stock, self.gifts):
            panel.refresh()

    def refresh_warnings(self) -> None:
        with new_session(self.engine) as session:
            self.warnings.show(low=stock.low_stock(session, actor=self.user),
                               unreported=gifts.unreported(session, actor=self.user, today=self.today))
