"""What the visit calendar shows of inter-parliamentary work, asked for by ``services.calendar`` through its list of
providers: the entered meetings with each of their preparation deadlines, and the meetings the series' cadence
predicts (not yet entered) with the preparation timeline they would have, for any month years ahead.

A predicted meeting is marked as such: its status is ``predicted`` and its title starts "(คาดการณ์) " (so a month
cell, which cuts long titles, still shows it), its uid
is ``ip-predicted-<series>-<year>-<place>``; once staff enter it, the entered meeting takes its place (never both)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from workbench import clock
from workbench.i18n import t
from workbench.services.access import Actor, has_permission
from workbench.services.interparliamentary.meetings import READ, MeetingRow, list_meetings

LOOKAHEAD_DAYS = 400  # the longest lead time is well inside this: deadlines of meetings opening later show up
MEETING_KIND, DEADLINE_KIND = "ip_meeting", "ip_deadline"
PREDICTED = "predicted"


def _uid(row: MeetingRow) -> str:
    return f"ip-meeting-{row.id}" if row.id is not None else f"ip-predicted-{row.key.replace(':', '-')}"


def _marks(row: MeetingRow) -> tuple[str, str]:
    """What a predicted meeting's (and its deadlines') Thai and English titles start with; nothing when entered."""
    if not row.projected:
        return "", ""
    return f"({t('ip.predicted_short', 'th')}) ", f"({t('ip.predicted_short', 'en')}) "


def calendar_items(session: Session, *, actor: Actor, first: dt.date, last: dt.date) -> list[Any]:
    from workbench.services.calendar import CalendarItem

    if not has_permission(actor, READ):
        return []
    today = clock.today()
    items = []
    for row in list_meetings(session, actor=actor, first=first, last=last, lookahead_days=LOOKAHEAD_DAYS):
        direction = "outbound" if row.country_id and row.country_en != "Thailand" else None
        status = PREDICTED if row.projected else ("held" if row.end < today else "planned")
        mark_th, mark_en = _marks(row)
        title_th, title_en = mark_th + row.title_th, mark_en + (row.title_en or row.title_th)
        if row.start <= last:
            items.append(CalendarItem(
                uid=_uid(row), item_type=MEETING_KIND, record_id=row.id or 0, title_th=title_th,
                title_en=title_en, start=dt.datetime.combine(row.start, dt.time()),
                end=dt.datetime.combine(row.end, dt.time()), all_day=True, kind=MEETING_KIND, direction=direction,
                status=status, country_id=row.country_id, country_th=row.country_th, country_en=row.country_en,
                venue=row.city, visit_id=row.visit_id))
        for step in row.prep:
            if first <= step.due <= last:
                items.append(CalendarItem(
                    uid=f"{_uid(row)}-{step.code}", item_type=DEADLINE_KIND, record_id=row.id or 0,
                    title_th=mark_th + f"{step.label_th}: {row.title_th}",
                    title_en=mark_en + f"{step.label_en or step.label_th}: {row.title_en or row.title_th}",
                    start=dt.datetime.combine(step.due, dt.time()), end=dt.datetime.combine(step.due, dt.time()),
                    all_day=True, kind=DEADLINE_KIND, direction=direction,
                    status=PREDICTED if row.projected else ("held" if step.done else "planned"),
                    country_id=row.country_id, country_th=row.country_th, country_en=row.country_en,
                    venue=row.city, visit_id=row.visit_id))
    return items
