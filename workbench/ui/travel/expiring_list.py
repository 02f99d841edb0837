"""ExpiringPassports: valid passports expiring within the window (data), soonest first, exportable to XLSX."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import List

from workbench.db import new_session
from workbench.documents.spreadsheet import to_xlsx
from workbench.i18n import t
from workbench.services.travel import passports, rules
from workbench.thai import format_date
from workbench.ui.download_link import DownloadLink
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.record_table import RecordTable

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExpiringPassports(widgets.VBox):
    """Public state: ``numbers`` (passport numbers listed, soonest expiry first)."""

    numbers = List()

    def __init__(self, engine: Engine, user: Any, *, today: dt.date, notice: Notice) -> None:
        self.engine, self.user, self.today = engine, user, today
        self.rows: list[passports.PassportRow] = []
        self.heading = widgets.HTML("")
        self.table = RecordTable([("holder", t("travel.holder")), ("type", t("field.passport_type")),
                                  ("number", t("field.passport_number")), ("expiry", t("field.expiry_date")),
                                  ("days_left", ""), ("location", t("field.location"))], empty=t("travel.none"))
        self.export = widgets.Button(description=t("travel.export"), layout=widgets.Layout(width="auto"))
        self.link = DownloadLink()
        super().__init__([self.heading, self.table, widgets.HBox([self.export, self.link])])
        self.add_class("wb-travel-expiring")
        self.export.on_click(guarded(notice)(lambda _b: self.offer_xlsx()))

    def load(self) -> None:
        with new_session(self.engine) as session:
            days = rules.expiry_window_days(session)
            self.rows = passports.expiring(session, actor=self.user, today=self.today)
        e = html.escape
        self.heading.value = f"<h3>{e(t('travel.expiring', days=days))}</h3>"
        self.table.show([{"holder": r.holder, "type": t("travel.type." + r.passport.passport_type),
                          "number": r.passport.number, "expiry": format_date(r.passport.expiry_date, style="abbr"),
                          "days_left": t("travel.days_left", days=r.days_left),
                          "location": t("travel.location." + r.passport.location)} for r in self.rows])
        self.numbers = [r.passport.number for r in self.rows]

    def offer_xlsx(self) -> None:
        columns = [("holder", t("travel.holder")), ("type", t("field.passport_type")),
                   ("number", t("field.passport_number")), ("expiry", t("field.expiry_date")),
                   ("days_left", t("travel.days_left", days="")), ("location", t("field.location"))]
        rows = [{"holder": r.holder, "type": t("travel.type." + r.passport.passport_type), "number": r.passport.number,
                 "expiry": r.passport.expiry_date, "days_left": r.days_left,
                 "location": t("travel.location." + r.passport.location)} for r in self.rows]
        filename = f"passports-expiring-{self.today.isoformat()}.xlsx"
        self.link.offer(to_xlsx(rows, columns, sheet="passports"), filename=filename, media_type=XLSX,
                        text=t("travel.download", filename=filename))

    def reset(self) -> None:
        self.rows, self.numbers = [], []
        self.table.reset()
        self.link.reset()
