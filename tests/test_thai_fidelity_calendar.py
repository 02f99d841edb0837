"""The calendar file as Outlook and Thunderbird need it: a VTIMEZONE for Asia/Bangkok that every event's TZID
names, and a classified engagement marked CLASS:CONFIDENTIAL with the Thai marking in its summary, for a user who
may see it only."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from tests.factories import make_user, user_model
from tests.visit_factories import make_engagement, make_visit
from workbench.db import SYSTEM
from workbench.documents.ics import calendar_to_ics
from workbench.models.base import Clearance
from workbench.models.users import Role
from workbench.services.calendar import calendar_items


@pytest.fixture(autouse=True)
def _visits_and_engagements_only(monkeypatch):
    """These tests are about visits and engagements: the items other features put on the calendar (such as the
    inter-parliamentary meetings the reference data predicts every month) are tested in their own files."""
    monkeypatch.setattr("workbench.services.calendar.PROVIDERS", [])


DEC = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))


def exported(session, actor=SYSTEM, lang="th"):
    return Calendar.from_ical(calendar_to_ics(calendar_items(session, actor=actor, first=DEC[0], last=DEC[1]),
                                              lang=lang))


def test_every_time_names_a_vtimezone_of_bangkok_at_utc_plus_7(session):
    make_visit(session, title_th="เยือน")
    make_engagement(session, title_th="คารวะ")
    calendar = exported(session)
    [zone] = calendar.walk("VTIMEZONE")
    [standard] = zone.walk("STANDARD")

    assert str(zone["TZID"]) == "Asia/Bangkok"
    assert standard.decoded("TZOFFSETTO") == standard.decoded("TZOFFSETFROM") == dt.timedelta(hours=7)
    assert not zone.walk("DAYLIGHT")
    defined = {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}
    timed = [e for e in calendar.walk("VEVENT") if isinstance(e.decoded("DTSTART"), dt.datetime)]
    assert timed and all(e["DTSTART"].params["TZID"] in defined and e["DTEND"].params["TZID"] in defined
                         for e in timed)
    start = timed[0].decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=7)
    assert calendar.to_ical().index(b"BEGIN:VTIMEZONE") < calendar.to_ical().index(b"BEGIN:VEVENT")


def test_a_classified_engagement_is_confidential_and_marked_in_thai(session):
    make_engagement(session, title_th="หารือลับ", classification=Clearance.SECRET)
    make_engagement(session, title_th="คารวะ", start=dt.datetime(2026, 12, 3, 10, 0),
                    end=dt.datetime(2026, 12, 3, 11, 0))
    events = {str(e["SUMMARY"]): e for e in exported(session).walk("VEVENT")}

    assert str(events["[ลับมาก] หารือลับ"]["CLASS"]) == "CONFIDENTIAL"
    assert str(events["คารวะ"]["CLASS"]) == "PUBLIC"


def test_a_user_who_may_not_see_it_gets_nothing_of_it(session):
    make_engagement(session, title_th="หารือลับ", classification=Clearance.CONFIDENTIAL)
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    payload = calendar_to_ics(calendar_items(session, actor=viewer, first=DEC[0], last=DEC[1]))

    assert b"VEVENT" not in payload and b"CONFIDENTIAL" not in payload
    assert "หารือลับ".encode() not in payload and "ลับ".encode() not in payload
