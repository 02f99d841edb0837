"""Calendar items: visits and engagements in a range, filters, clearance, warnings, and the iCalendar export."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from tests.factories import make_user, user_model
from tests.visit_factories import country_id, make_engagement, make_principal, make_visit
from workbench.db import SYSTEM
from workbench.documents import calendar_table
from workbench.documents.ics import calendar_to_ics
from workbench.models.base import Clearance
from workbench.models.users import Role
from workbench.services.calendar import CalendarFilter, calendar_items, schedule_warnings

DEC = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))


@pytest.fixture(autouse=True)
def _visits_and_engagements_only(monkeypatch):
    """These tests are about visits and engagements: the items other features put on the calendar (such as the
    inter-parliamentary meetings the reference data predicts every month) are tested in their own files."""
    monkeypatch.setattr("workbench.services.calendar.PROVIDERS", [])


def test_items_in_a_month_in_order(session):
    make_visit(session, title_th="เยือน")
    make_engagement(session, title_th="คารวะ")
    make_engagement(session, title_th="มกรา", start=dt.datetime(2027, 1, 3, 9), end=dt.datetime(2027, 1, 3, 10))
    items = calendar_items(session, actor=SYSTEM, first=DEC[0], last=DEC[1])
    assert [i.title_th for i in items] == ["เยือน", "คารวะ"]
    visit = items[0]
    assert visit.all_day and visit.covers(dt.date(2026, 12, 4)) and not visit.covers(dt.date(2026, 12, 5))


def test_filters_by_direction_kind_principal_country_region_and_status(session):
    president = make_principal(session)
    make_visit(session, title_th="ขาออก", direction="outbound", country_id=country_id(session, "FR"))
    make_engagement(session, title_th="คารวะ", principal_ids=[president.id], country_id=country_id(session, "KE"))

    def titles(wanted):
        return [i.title_th for i in calendar_items(session, actor=SYSTEM, first=DEC[0], last=DEC[1], wanted=wanted)]

    assert titles(CalendarFilter(direction="outbound")) == ["ขาออก"]
    assert titles(CalendarFilter(kinds=frozenset({"courtesy_call"}))) == ["คารวะ"]
    assert titles(CalendarFilter(principal_id=president.id)) == ["คารวะ"]
    assert titles(CalendarFilter(region="europe")) == ["ขาออก"]
    assert titles(CalendarFilter(country_id=country_id(session, "KE"))) == ["คารวะ"]
    assert titles(CalendarFilter(statuses=frozenset({"proposed"}))) == ["ขาออก"]


def test_classified_items_never_reach_an_uncleared_user(session):
    make_engagement(session, title_th="เรื่องลับ", classification=Clearance.CONFIDENTIAL)
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    assert calendar_items(session, actor=viewer, first=DEC[0], last=DEC[1]) == []


def test_warning_when_a_principal_abroad_is_booked_at_home(session):
    president = make_principal(session)
    make_visit(session, direction="outbound", principal_id=president.id, title_th="เยือนฝรั่งเศส")
    make_engagement(session, title_th="คารวะที่รัฐสภา", principal_ids=[president.id])
    [warning] = schedule_warnings(session, actor=SYSTEM, first=DEC[0], last=DEC[1])
    assert "คารวะที่รัฐสภา" in warning.th and "เยือนฝรั่งเศส" in warning.th


def test_ics_export_parses_with_times_in_bangkok_and_all_day_visits(session):
    make_visit(session, title_th="เยือน")
    make_engagement(session, title_th="คารวะ <b>")
    payload = calendar_to_ics(calendar_items(session, actor=SYSTEM, first=DEC[0], last=DEC[1]))
    events = Calendar.from_ical(payload).walk("VEVENT")
    by_title = {str(e["SUMMARY"]): e for e in events}
    assert set(by_title) == {"เยือน", "คารวะ <b>"}
    call = by_title["คารวะ <b>"].decoded("DTSTART")
    assert (call.hour, str(call.tzinfo)) == (10, "Asia/Bangkok")
    visit = by_title["เยือน"]
    assert visit.decoded("DTSTART") == dt.date(2026, 12, 1) and visit.decoded("DTEND") == dt.date(2026, 12, 5)


def test_calendar_table_rows_show_buddhist_era_dates(session):
    make_visit(session, title_th="เยือน")
    [row] = calendar_table.rows(calendar_items(session, actor=SYSTEM, first=DEC[0], last=DEC[1]), "th")
    assert row["start"] == "1 ธันวาคม 2569" and row["kind"] == "การเยือนอย่างเป็นทางการ"
