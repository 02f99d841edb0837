"""Trip and reception cost estimates from the rate tables, figures checked by hand; an estimate becomes a draft
commitment in one call."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.budget_helpers import D, make_line, officer
from tests.factories import make_person
from tests.visit_factories import country_id, make_engagement, make_visit
from workbench.db import SYSTEM
from workbench.errors import ValidationError
from workbench.models.budget import Commitment
from workbench.services import trip_costs, visits
from workbench.services.budget import Overspend

JAN10, JAN14 = dt.date(2026, 1, 10), dt.date(2026, 1, 14)  # 5 days, 4 nights


@pytest.fixture
def actor(session):
    return officer(session)


def trip(session, actor, iso2="JP", **extra):
    data = {"country_id": country_id(session, iso2), "start_date": JAN10, "end_date": JAN14,
            "travellers": {"a": 2, "b": 1}, **extra}
    return trip_costs.estimate_trip(session, data=data, actor=actor)


def amounts(estimate):
    return {(i.code, i.grade): i.amount for i in estimate.items}


def test_a_trip_to_a_group_a_country_item_by_item(session, actor):
    estimate = trip(session, actor)
    assert amounts(estimate) == {
        ("allowance", "a"): D("31000.00"),  # 2 × 5 days × 3,100
        ("allowance", "b"): D("10500.00"),  # 1 × 5 × 2,100
        ("accommodation", "a"): D("80000.00"),  # 2 × 4 nights × 10,000 ceiling
        ("accommodation", "b"): D("30000.00"),  # 1 × 4 × 7,500
        ("airfare", "a"): D("90000.00"),  # 2 × 45,000 Asia business
        ("airfare", "b"): D("18000.00"),  # 1 × 18,000 Asia economy (Japan: no visa fee)
    }
    assert estimate.total == D("259500.00")
    assert estimate.basis["days"] == 5 and estimate.basis["nights"] == 4


def test_actual_room_cost_is_paid_up_to_the_ceiling(session, actor):
    estimate = trip(session, actor, nightly_room_cost="9000.00")
    assert amounts(estimate)[("accommodation", "a")] == D("72000.00")  # 2 × 4 × 9,000 (below 10,000)
    assert amounts(estimate)[("accommodation", "b")] == D("30000.00")  # 1 × 4 × 7,500 (9,000 above the ceiling)


def test_flat_rate_accommodation(session, actor):
    estimate = trip(session, actor, accommodation="flat")
    assert amounts(estimate)[("accommodation", "a")] == D("64000.00")  # 2 × 4 × 8,000
    assert amounts(estimate)[("accommodation", "b")] == D("24000.00")  # 1 × 4 × 6,000


def test_an_unlisted_country_uses_the_default_group_and_visa_fee(session, actor):
    estimate = trip(session, actor, iso2="MA", travellers={"b": 2})  # Morocco: group C, Africa
    assert amounts(estimate) == {
        ("allowance", "b"): D("21000.00"),  # 2 × 5 × 2,100
        ("accommodation", "b"): D("24800.00"),  # 2 × 4 × 3,100
        ("airfare", "b"): D("96000.00"),  # 2 × 48,000 Africa economy
        ("visa", "b"): D("3000.00"),  # 2 × 1,500
    }


def test_typed_airfare_visa_and_other_costs_replace_the_defaults(session, actor):
    estimate = trip(session, actor, iso2="GB", travellers={"b": 1}, airfare_per_person="38500.50",
                    visa_per_person="0", other_costs="1200.00")
    items = amounts(estimate)
    assert items[("airfare", "b")] == D("38500.50") and ("visa", "b") not in items
    assert items[("other", "")] == D("1200.00")


def test_a_one_day_trip_has_no_accommodation(session, actor):
    estimate = trip(session, actor, end_date=JAN10, travellers={"b": 1})
    assert ("accommodation", "b") not in amounts(estimate)
    assert amounts(estimate)[("allowance", "b")] == D("2100.00")


def test_travellers_come_from_the_visits_delegation(session, actor):
    visit = make_visit(session, direction="outbound", country_id=country_id(session, "SG"), start_date=JAN10,
                       end_date=JAN14)
    for role in ("head", "member", "secretary"):
        visits.add_delegation_member(session, actor=SYSTEM, data={"visit_id": visit.id, "person_id":
                                                                  make_person(session).id, "role": role})
    estimate = trip_costs.estimate_trip(session, data={"visit_id": visit.id}, actor=actor)
    assert estimate.basis["travellers"] == {"a": 2, "b": 1}
    assert estimate.visit_id == visit.id
    assert estimate.total == D("259500.00")  # Singapore: group A, Asia, no visa fee: same figures as Japan


def test_a_visit_without_delegation_needs_traveller_counts(session, actor):
    visit = make_visit(session, direction="outbound", start_date=JAN10, end_date=JAN14)
    with pytest.raises(ValidationError) as refused:
        trip_costs.estimate_trip(session, data={"visit_id": visit.id}, actor=actor)
    assert refused.value.field == "travellers" and "delegation" in refused.value.en


def test_inbound_visits_are_not_estimated_as_trips(session, actor):
    visit = make_visit(session, direction="inbound")
    with pytest.raises(ValidationError, match="outbound"):
        trip_costs.estimate_trip(session, data={"visit_id": visit.id, "travellers": {"a": 1}}, actor=actor)


def test_the_return_date_may_not_precede_departure(session, actor):
    with pytest.raises(ValidationError) as refused:
        trip(session, actor, end_date=dt.date(2026, 1, 9))
    assert refused.value.field == "end_date"


def test_a_reception_is_estimated_from_its_guest_list(session, actor):
    host = make_person(session)
    guests = [make_person(session).id for _ in range(3)]
    reception = make_engagement(session, kind="reception", principal_ids=[host.id], guest_ids=guests)
    estimate = trip_costs.estimate_reception(session, data={"engagement_id": reception.id,
                                                            "other_costs": "2500.50"}, actor=actor)
    assert amounts(estimate) == {("catering", "guest"): D("4500.00"),  # 3 guests × 1,500
                                 ("catering", "host"): D("1500.00"),  # 1 host × 1,500
                                 ("other", ""): D("2500.50")}
    assert estimate.total == D("8500.50")


def test_an_estimate_becomes_a_draft_commitment_in_one_call(session, actor):
    line = make_line(session, actor, allocated="1000000.00", allot="1000000.00")
    draft = trip_costs.draft_from_estimate(session, actor=actor, line_id=line.id, entry_date=dt.date(2025, 12, 1),
                                           request={"country_id": country_id(session), "start_date": JAN10,
                                                    "end_date": JAN14, "travellers": {"a": 2, "b": 1}})
    assert (draft.status, draft.amount, draft.line_id) == ("draft", D("259500.00"), line.id)
    assert draft.estimate["total"] == "259500.00" and len(draft.estimate["items"]) == 6


def test_an_estimate_the_line_cannot_cover_is_refused_and_nothing_is_saved(session, actor):
    line = make_line(session, actor, allocated="200000.00", allot="200000.00")
    with pytest.raises(Overspend) as refused:
        trip_costs.draft_from_estimate(session, actor=actor, line_id=line.id, entry_date=dt.date(2025, 12, 1),
                                       request={"country_id": country_id(session), "start_date": JAN10,
                                                "end_date": JAN14, "travellers": {"a": 2, "b": 1}})
    assert "259,500.00" in refused.value.en and "200,000.00" in refused.value.en
    assert session.exec(select(Commitment)).all() == []
