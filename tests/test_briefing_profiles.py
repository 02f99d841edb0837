"""Country profiles: seeded from offline package data with source and date, corrected by analysts as new dated
values (the history stays)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.briefing_factories import analyst, country, viewer
from workbench.errors import PermissionDenied, ValidationError
from workbench.models.briefing import CountryFact, FactKey, Origin
from workbench.services import countries


def test_the_reference_profile_has_capital_population_languages_and_currency(session):
    profile = countries.country_profile(session, country_id=country(session, "JP").id, actor=viewer(session))

    assert profile.value(FactKey.CAPITAL) == "Tokyo"
    assert int(profile.value(FactKey.POPULATION)) > 100_000_000
    assert "ญี่ปุ่น" in profile.value(FactKey.LANGUAGES)
    assert "JPY" in profile.value(FactKey.CURRENCY)


def test_countryinfo_figures_name_their_source_and_have_no_date(session):
    profile = countries.country_profile(session, country_id=country(session, "JP").id, actor=viewer(session))

    population = profile.facts[FactKey.POPULATION]
    assert population.source.startswith("countryinfo")
    assert population.as_of is None
    assert population.origin == Origin.REFERENCE


def test_an_analyst_correction_becomes_the_current_value_and_the_old_one_stays(session):
    japan = country(session, "JP")
    writer = analyst(session)

    countries.record_fact(session, actor=writer, data={
        "country_id": japan.id, "key": "population", "value": "123400000", "source": "Statistics Bureau of Japan",
        "as_of": dt.date(2026, 10, 1)})

    profile = countries.country_profile(session, country_id=japan.id, actor=writer)
    assert profile.value(FactKey.POPULATION) == "123400000"
    history = countries.fact_history(session, country_id=japan.id, key="population", actor=writer)
    assert [f.source.split()[0] for f in history] == ["Statistics", "countryinfo"]


def test_an_analyst_value_without_a_date_is_dated_today(session):
    fact = countries.record_fact(session, actor=analyst(session), data={
        "country_id": country(session).id, "key": "head_of_state", "value": "ประมุขสมมติ", "source": "ทดสอบ"})

    assert fact.as_of == dt.date.today()


def test_an_older_dated_value_does_not_replace_a_newer_one(session):
    japan, writer = country(session, "JP"), analyst(session)
    for value, day in (("ผู้นำใหม่", dt.date(2026, 9, 1)), ("ผู้นำเก่า", dt.date(2024, 1, 1))):
        countries.record_fact(session, actor=writer, data={"country_id": japan.id, "key": "head_of_government",
                                                           "value": value, "source": "ทดสอบ", "as_of": day})

    profile = countries.country_profile(session, country_id=japan.id, actor=writer)
    assert profile.value(FactKey.HEAD_OF_GOVERNMENT) == "ผู้นำใหม่"


@pytest.mark.parametrize("field,value", [("value", "  "), ("source", ""), ("key", "favourite_food")])
def test_bad_facts_are_refused_naming_the_field_and_nothing_is_written(session, field, value):
    before = len(session.exec(CountryFact.__table__.select()).all())
    data = {"country_id": country(session).id, "key": "capital", "value": "Kyoto", "source": "ทดสอบ", field: value}

    with pytest.raises(ValidationError) as error:
        countries.record_fact(session, actor=analyst(session), data=data)

    assert error.value.field == field
    assert len(session.exec(CountryFact.__table__.select()).all()) == before


def test_viewers_read_profiles_but_cannot_change_them(session):
    with pytest.raises(PermissionDenied):
        countries.record_fact(session, actor=viewer(session), data={
            "country_id": country(session).id, "key": "capital", "value": "Kyoto", "source": "ทดสอบ"})
