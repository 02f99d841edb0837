"""iCalendar (RFC 5545) export of calendar items, readable by Outlook, Google Calendar and Thunderbird."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from workbench import __version__
from workbench.i18n import t
from workbench.services.calendar import CalendarItem

BANGKOK = ZoneInfo("Asia/Bangkok")
UID_DOMAIN = "senate-fa-workbench"


def _event(item: CalendarItem, lang: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", f"{item.uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    if item.classification:  # the marking in the summary, as on every page of a classified document
        event.add("summary", f"[{t(f'clearance.{item.classification}', lang)}] {item.title(lang)}")
        event.add("class", "CONFIDENTIAL")
    else:
        event.add("summary", item.title(lang))
        event.add("class", "PUBLIC")
    if item.all_day:  # DTEND of an all-day event is exclusive
        event.add("dtstart", item.start.date())
        event.add("dtend", item.end.date() + dt.timedelta(days=1))
    else:
        event.add("dtstart", item.start.replace(tzinfo=BANGKOK))
        event.add("dtend", item.end.replace(tzinfo=BANGKOK))
    kind_key = ("visit_kind." if item.item_type == "visit" else "engagement_kind.") + str(item.kind)
    event.add("categories", [t(kind_key, lang)])
    if item.venue:
        event.add("location", item.venue)
    details = [t(kind_key, lang)]
    if item.country_th or item.country_en:
        details.append(item.country_th if lang == "th" else item.country_en)
    if item.principal_names:
        details.append(", ".join(item.principal_names))
    event.add("description", "\n".join(details))
    status = str(item.status)
    event.add("status", "CANCELLED" if status == "cancelled" else
              "TENTATIVE" if status in ("proposed", "postponed") else "CONFIRMED")
    return event


def calendar_to_ics(items: Iterable[CalendarItem], *, lang: str = "th", name: str = "") -> bytes:
    """One VCALENDAR holding an event per item (times in Asia/Bangkok, all-day visits as dates)."""
    calendar = Calendar()
    calendar.add("prodid", f"-//Senate Foreign Affairs Workbench//{__version__}//TH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name or t("app.title", lang))
    calendar.add("x-wr-timezone", "Asia/Bangkok")
    calendar.add_component(bangkok_timezone())  # the TZID the times name, for clients without a zone database
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for item in items:
        calendar.add_component(_event(item, lang, stamp))
    return calendar.to_ical()


def bangkok_timezone() -> Timezone:
    """VTIMEZONE of Asia/Bangkok: UTC+07:00 all year, no daylight saving (written out, not read from the
    machine's zone files, so every export says the same)."""
    zone = Timezone()
    zone.add("tzid", "Asia/Bangkok")
    zone.add("x-lic-location", "Asia/Bangkok")
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", dt.timedelta(hours=7))
    standard.add("tzoffsetto", dt.timedelta(hours=7))
    standard.add("tzname", "+07")
    zone.add_component(standard)
    return zone
