"""Reception seating by order of precedence: hosts and guests alternate; the same input gives the same plan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories import make_person
from tests.visit_factories import make_engagement, make_principal
from workbench.db import SYSTEM
from workbench.errors import ValidationError
from workbench.services import protocol


def reception(session, **extra):
    president = make_principal(session, "senate-president", given_name_en="President")
    vice = make_principal(session, "senate-first-vice-president", given_name_en="Vice")
    senator = make_principal(session, "senator", given_name_en="Senator")
    guests = [make_person(session, given_name_en=f"Guest{n}") for n in range(3)]
    event = make_engagement(session, kind="reception", host_id=president.id,
                            principal_ids=[senator.id, vice.id, president.id], guest_ids=[g.id for g in guests],
                            start=dt.datetime(2026, 12, 2, 18, 30), end=dt.datetime(2026, 12, 2, 21, 0),
                            cost_estimate=Decimal("60000.00"), **extra)
    return event, (president, vice, senator), guests


def test_hosts_are_ranked_by_their_posts_and_sides_alternate(session):
    event, (president, vice, senator), guests = reception(session)
    protocol.set_precedence(session, engagement_id=event.id, person_id=guests[2].id, rank_code="foreign-speaker",
                            actor=SYSTEM)
    protocol.set_precedence(session, engagement_id=event.id, person_id=guests[0].id, rank_code="ambassador",
                            actor=SYSTEM)
    seats = protocol.seating_plan(session, engagement_id=event.id, actor=SYSTEM)
    assert [s.side for s in seats] == ["host", "guest", "host", "guest", "host", "guest"]
    assert [s.person_id for s in seats if s.side == "host"] == [president.id, vice.id, senator.id]
    assert [s.person_id for s in seats if s.side == "guest"] == [guests[2].id, guests[0].id, guests[1].id]
    assert [s.number for s in seats] == [1, 2, 3, 4, 5, 6]


def test_the_same_input_always_gives_the_same_plan(session):
    event, _, _ = reception(session)
    first = protocol.seating_plan(session, engagement_id=event.id, actor=SYSTEM)
    assert protocol.seating_plan(session, engagement_id=event.id, actor=SYSTEM) == first


def test_an_unknown_rank_is_refused(session):
    event, _, guests = reception(session)
    with pytest.raises(ValidationError) as caught:
        protocol.set_precedence(session, engagement_id=event.id, person_id=guests[0].id, rank_code="emperor",
                                actor=SYSTEM)
    assert caught.value.field == "precedence_code"


def test_reception_summary_counts_guests_and_dietary_needs(session):
    event, _, guests = reception(session)
    protocol.set_dietary(session, engagement_id=event.id, person_id=guests[0].id, dietary="Halal", actor=SYSTEM)
    protocol.set_dietary(session, engagement_id=event.id, person_id=guests[1].id, dietary="halal", actor=SYSTEM)
    summary = protocol.reception_summary(session, engagement_id=event.id, actor=SYSTEM)
    assert (summary.hosts, summary.guests, summary.dietary) == (3, 3, {"halal": 2})
    assert summary.cost_estimate == Decimal("60000.00")
