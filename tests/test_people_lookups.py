"""Look-ups behind the pickers of forms: countries by Thai name, people found by part of a name."""

from __future__ import annotations

from tests.factories import make_person
from workbench.services import countries, people


def test_countries_come_sorted_by_thai_name(session):
    names = [c.name_th for c in countries.list_countries(session)]
    assert len(names) > 200 and names == sorted(names)


def test_people_are_found_by_part_of_a_thai_or_english_name(session):
    somchai = make_person(session, given_name_th="สมชาย", family_name_th="ใจดี", given_name_en="Somchai")
    make_person(session, given_name_th="สมหญิง", given_name_en="Somying")
    assert [p.id for p in people.search_people(session, text="ใจดี")] == [somchai.id]
    assert [p.id for p in people.search_people(session, text="somCHAI")] == [somchai.id]
    assert len(people.search_people(session, text="สม")) == 2


def test_search_results_are_limited(session):
    for _ in range(5):
        make_person(session)
    assert len(people.search_people(session, text="", limit=3)) == 3


def test_get_people_keeps_the_order_asked_and_skips_unknown_ids(session):
    first, second = make_person(session), make_person(session)
    assert [p.id for p in people.get_people(session, ids=[second.id, 999999, first.id])] == [second.id, first.id]
