"""CalendarExport: the range the calendar shows, as an iCalendar file (.ics) or a spreadsheet (.xlsx)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import ipywidgets as widgets

from workbench.documents import calendar_table
from workbench.documents.ics import calendar_to_ics
from workbench.documents.spreadsheet import to_xlsx
from workbench.i18n import current_lang, t
from workbench.services.calendar import CalendarItem
from workbench.ui.download_link import DownloadLink
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

ICS = "text/calendar"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class CalendarExport(widgets.VBox):
    """``shown()`` returns (first, last, items) of what the calendar shows; a button makes the file and offers it
    in ``link`` (a DownloadLink; the browser saves it when the link is clicked)."""

    def __init__(self, shown: Callable[[], tuple[dt.date, dt.date, list[CalendarItem]]]) -> None:
        self._shown = shown
        self.heading = widgets.HTML(f"<b>{html.escape(t('export.heading'))}</b>")
        self.ics_button = widgets.Button(description=t("export.ics"),
                                         layout=widgets.Layout(width="auto"))
        self.xlsx_button = widgets.Button(description=t("export.xlsx"),
                                          layout=widgets.Layout(width="auto"))
        self.link = DownloadLink()
        self.notice = Notice()
        super().__init__([self.heading, widgets.HBox([self.ics_button, self.xlsx_button, self.link],
                                                     layout=widgets.Layout(align_items="center")), self.notice])
        self.add_class("wb-calendar-export")
        guard = guarded(self.notice)
        self.ics_button.on_click(guard(lambda _b: self.export_ics()))
        self.xlsx_button.on_click(guard(lambda _b: self.export_xlsx()))

    def _name(self, first: dt.date, last: dt.date, suffix: str) -> str:
        return f"visit-calendar-{first:%Y-%m-%d}-{last:%Y-%m-%d}.{suffix}"

    def export_ics(self) -> bytes:
        first, last, items = self._shown()
        lang = current_lang()
        payload = calendar_to_ics(items, lang=lang, name=t("dash.visits.title", lang))
        name = self._name(first, last, "ics")
        self.link.offer(payload, filename=name, media_type=ICS, text=t("export.ready", filename=name))
        return payload

    def export_xlsx(self) -> bytes:
        first, last, items = self._shown()
        lang = current_lang()
        payload = to_xlsx(calendar_table.rows(items, lang, typed=True), calendar_table.columns(lang),
                          sheet=t("export.sheet", lang))
        name = self._name(first, last, "xlsx")
        self.link.offer(payload, filename=name, media_type=XLSX, text=t("export.ready", filename=name))
        return payload

    def reset(self) -> None:
        self.link.reset()
        self.notice.reset()
