"""The demo office: deterministic, fictional, with every role, and built only into an empty database."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from tests.conftest import DEMO_TODAY
from workbench.demo import DEMO_PASSWORD, build_demo
from workbench.errors import ValidationError
from workbench.models.people import Membership, Organization, OrgClassification, Person
from workbench.models.users import Role, User
from workbench.services import people, users


def test_demo_has_the_three_principals_on_the_day(demo_session):
    codes = [post.code for post, _ in people.principals(demo_session, on=DEMO_TODAY)]
    assert codes[:3] == ["senate-president", "senate-first-vice-president", "senate-second-vice-president"]


def test_demo_has_a_user_of_every_role_who_can_sign_in(demo_session):
    roles = {user.role for user in demo_session.exec(select(User)).all()}
    assert roles == {role.value for role in Role}
    assert users.authenticate(demo_session, username="protocol", password=DEMO_PASSWORD).role == "protocol_officer"


def test_demo_people_are_marked_fictional(demo_session):
    for person in demo_session.exec(select(Person)).all():
        assert "fictional" in person.biography


def test_every_demo_embassy_has_exactly_one_current_ambassador(demo_session):
    embassies = demo_session.exec(select(Organization).where(
        Organization.classification == OrgClassification.EMBASSY)).all()
    assert len(embassies) >= 20
    for embassy in embassies:
        current = [m for m in demo_session.exec(select(Membership).where(
            Membership.organization_id == embassy.id)).all() if m.active_on(DEMO_TODAY)]
        assert len(current) == 1, embassy.name_en


def test_demo_is_deterministic(engine, backend):
    from tests.conftest import _engine_from
    from workbench.db import new_session

    def fingerprint(eng):
        with new_session(eng) as s:
            build_demo(s, seed=7, years=1, today=DEMO_TODAY)
            return [(p.given_name_th, p.family_name_th, p.given_name_en)
                    for p in s.exec(select(Person).order_by(Person.id))]

    other = _engine_from(backend, "reference_template")
    second_engine = next(other)
    try:
        assert fingerprint(engine) == fingerprint(second_engine)
    finally:
        other.close()


def test_demo_refuses_a_database_that_holds_people(demo_session):
    with pytest.raises(ValidationError) as caught:
        build_demo(demo_session, seed=1, years=1, today=DEMO_TODAY)
    assert caught.value.field == "database"


def test_more_years_make_more_history(session):
    build_demo(session, seed=3, years=3, today=DEMO_TODAY)
    ambassadors = session.exec(
        select(func.count()).select_from(Membership).where(Membership.role_en == "Ambassador")).one()
    assert ambassadors > 26  # several ambassadors in turn per embassy over three years


def test_demo_year_of_visits_calls_receptions_and_records(demo_session):
    from workbench.db import SYSTEM
    from workbench.models.visits import ConversationRecord, Engagement, Visit
    from workbench.services.records import overdue_records

    visits = demo_session.exec(select(Visit)).all()
    assert {v.direction for v in visits} == {"inbound", "outbound"}
    kinds = {e.kind for e in demo_session.exec(select(Engagement)).all()}
    assert {"courtesy_call", "meeting", "reception", "airport_welcome"} <= kinds
    assert len(demo_session.exec(select(ConversationRecord)).all()) >= 5
    import datetime as dt
    assert overdue_records(demo_session, actor=SYSTEM, now=dt.datetime(2026, 11, 25, 12), due_days=7)


def test_demo_receptions_seat_hosts_and_guests_alternately(demo_session):
    from workbench.db import SYSTEM
    from workbench.models.visits import Engagement
    from workbench.services.protocol import reception_summary, seating_plan

    reception = demo_session.exec(select(Engagement).where(Engagement.kind == "reception")).first()
    seats = seating_plan(demo_session, engagement_id=reception.id, actor=SYSTEM)
    assert [s.side for s in seats[:4]] == ["host", "guest", "host", "guest"]
    assert seats[0].person_id == reception.host_id
    assert reception_summary(demo_session, engagement_id=reception.id, actor=SYSTEM).guests >= 3
