"""MeetingCalendarDetail: what the visit calendar shows when an inter-parliamentary meeting or one of its
preparation deadlines is clicked: the meeting, its host and its preparation timeline."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.i18n import t
from workbench.services.interparliamentary import calendar as ip_calendar
from workbench.services.interparliamentary import meetings
from workbench.thai import format_date
from workbench.ui.interparliamentary.tables import html_table


def find_row(engine: Engine, user: Any, item: Any) -> meetings.MeetingRow | None:
    """The meeting behind a calendar item (a meeting or one of its deadlines)."""
    with new_session(engine) as session:
        if item.record_id:
            return meetings.meeting_row(session, meeting_id=item.record_id, actor=user)
        day = item.start.date()
        rows = meetings.list_meetings(session, actor=user, first=day - dt.timedelta(days=10),
                                      last=day + dt.timedelta(days=ip_calendar.LOOKAHEAD_DAYS))
    return next((r for r in rows if item.uid.startswith(ip_calendar._uid(r))), None)  # noqa: SLF001


class MeetingCalendarDetail(widgets.VBox):
    def __init__(self, engine: Engine, user: Any, item: Any, *, today: dt.date,
                 on_close: Callable[[], None] | None = None) -> None:
        self.row = find_row(engine, user, item)
        self.body = widgets.HTML()
        self.close_button = widgets.Button(description=t("form.close") if _has("form.close") else "×")
        self.close_button.on_click(lambda _b: (on_close or (lambda: None))())
        super().__init__([self.body, self.close_button])
        self.add_class("wb-ip-calendar-detail")
        if self.row is None:
            self.body.value = f"<p>{html.escape(t('ip.no_meetings'))}</p>"
            return
        row = self.row
        from workbench.documents.meeting_summary import date_range

        host = ", ".join(p for p in (row.city, row.country_th) if p) or "-"
        predicted = f" <i>({html.escape(t('ip.predicted'))})</i>" if row.projected else ""
        steps = [[s.label(), format_date(s.due), "✓" if s.done else (t("ip.overdue") if s.overdue(today) else "")]
                 for s in row.prep]
        self.body.value = (
            f"<h3>{html.escape(row.title())}{predicted}</h3>"
            f"<p>{html.escape(row.organization)} · {html.escape(date_range(row.start, row.end))} · {html.escape(host)}</p>"
            f"<h4>{html.escape(t('ip.calendar_detail'))}</h4>"
            + html_table([t("ip.col.step"), t("ip_doc.col_due"), t("ip_doc.col_status")], steps,
                         css_class="wb-ip-timeline"))

    def reset(self) -> None:
        self.body.value = ""


def _has(key: str) -> bool:
    from workbench.i18n import catalogue

    return key in catalogue()
