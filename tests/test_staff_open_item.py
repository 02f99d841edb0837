"""An item opened from elsewhere (the home page's search hit ``?open=kind:id``, the attention panel) shows its
detail and the calendar moves to that item's month; an item already on screen leaves the calendar where it is."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import make_user, user_model
from tests.visit_factories import make_engagement, make_visit
from workbench.models.users import Role
from workbench.ui.visits.dashboard import VisitsApp

TODAY = dt.date(2026, 12, 10)


@pytest.fixture
def protocol(session):
    return user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))


def test_opening_a_visit_of_another_month_moves_the_calendar_there(engine, session, protocol):
    visit = make_visit(session, title_th="คณะผู้แทนเยือนเดือนมีนาคม", start_date=dt.date(2027, 3, 8),
                       end_date=dt.date(2027, 3, 12))
    app = VisitsApp(engine, protocol, today=TODAY)
    assert (app.calendar.first, app.calendar.last) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    app.open_item("visit", visit.id)
    assert (app.calendar.first, app.calendar.last) == (dt.date(2027, 3, 1), dt.date(2027, 3, 31))
    assert "มีนาคม 2570" in app.calendar.title
    assert app.panel.children[0] is app.visit_detail
    assert "คณะผู้แทนเยือนเดือนมีนาคม" in app.calendar.titles_on(dt.date(2027, 3, 8))


def test_opening_an_engagement_on_screen_keeps_the_month(engine, session, protocol):
    call = make_engagement(session, title_th="เข้าเยี่ยมคารวะในเดือนนี้")  # 2 December
    earlier = make_engagement(session, title_th="เข้าเยี่ยมคารวะเมื่อเดือนกันยายน",
                              start=dt.datetime(2026, 9, 15, 10, 0), end=dt.datetime(2026, 9, 15, 11, 0))
    app = VisitsApp(engine, protocol, today=TODAY)
    app.open_item("engagement", call.id)
    assert app.calendar.first == dt.date(2026, 12, 1)
    app.open_item("engagement", earlier.id)
    assert app.calendar.first == dt.date(2026, 9, 1) and app.panel.children[0] is app.engagement_detail


def test_a_visit_that_began_last_month_and_shows_in_this_one_keeps_the_month(engine, session, protocol):
    visit = make_visit(session, title_th="คณะผู้แทนข้ามเดือน", start_date=dt.date(2026, 11, 28),
                       end_date=dt.date(2026, 12, 2))
    app = VisitsApp(engine, protocol, today=TODAY)
    app.open_item("visit", visit.id)  # as a click on it in December does
    assert app.calendar.first == dt.date(2026, 12, 1)
