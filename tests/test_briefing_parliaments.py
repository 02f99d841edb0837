"""Parliaments in IPU Parline's shape: Thailand's National Assembly is reference data; chamber figures are dated
snapshots, the newest one current; chosen countries compare with Thailand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.briefing_factories import analyst, country, viewer
from workbench.db import SYSTEM, transaction
from workbench.errors import ValidationError
from workbench.models.briefing import ChamberType, Designation, Structure
from workbench.services import countries


def thai_parliament(session):
    return countries.parliament_of(session, country_id=country(session, "TH").id, actor=viewer(session))


def test_thailand_has_a_bicameral_national_assembly_from_reference_data(session):
    view = thai_parliament(session)

    assert view.parliament.structure == Structure.BICAMERAL
    assert view.parliament.name_en == "National Assembly"
    assert [c.chamber.chamber_type for c in view.chambers] == [ChamberType.LOWER, ChamberType.UPPER]


def test_the_senate_has_200_seats_selected_for_five_years_and_the_house_500(session):
    house, senate = (c.latest for c in thai_parliament(session).chambers)

    assert (senate.statutory_seats, senate.designation, senate.term_years) == (200, Designation.SELECTED, 5)
    assert (house.statutory_seats, house.designation, house.term_years) == (500, Designation.ELECTED, 4)
    assert senate.source and senate.as_of and "to confirm" in senate.note


def test_new_figures_are_a_new_snapshot_and_become_current(session):
    senate = thai_parliament(session).chambers[1]

    countries.record_chamber_figures(session, actor=analyst(session), data={
        "chamber_id": senate.chamber.id, "as_of": dt.date(2027, 1, 1), "source": "สำนักงานเลขาธิการวุฒิสภา",
        "statutory_seats": 200, "current_members": 199, "women_members": 40})

    latest = thai_parliament(session).chambers[1].latest
    assert (latest.current_members, latest.as_of) == (199, dt.date(2027, 1, 1))
    assert countries.women_share(latest) == Decimal("20.10")


def test_more_members_than_seats_is_refused(session):
    senate = thai_parliament(session).chambers[1]

    with pytest.raises(ValidationError) as error:
        countries.record_chamber_figures(session, actor=analyst(session), data={
            "chamber_id": senate.chamber.id, "as_of": dt.date(2027, 1, 1), "source": "ทดสอบ",
            "statutory_seats": 200, "current_members": 201})

    assert error.value.field == "current_members"


def test_women_percentage_above_100_is_refused(session):
    senate = thai_parliament(session).chambers[1]

    with pytest.raises(ValidationError) as error:
        countries.record_chamber_figures(session, actor=analyst(session), data={
            "chamber_id": senate.chamber.id, "as_of": dt.date(2027, 1, 1), "source": "ทดสอบ", "women_pct": "120"})

    assert error.value.field == "women_pct"


def test_comparison_puts_thailand_first_and_marks_countries_without_data(session):
    japan = country(session, "JP")
    with transaction(session, actor=SYSTEM):
        parliament = countries.ensure_parliament(session, country_id=japan.id, structure="bicameral",
                                                 name_en="National Diet")
        countries.ensure_chamber(session, parliament_id=parliament.id, chamber_type="lower",
                                 name_en="House of Representatives")

    rows = countries.comparison_rows(session, iso2_codes=["jp", "FR"], actor=viewer(session))

    assert [(r["iso2"], r["chamber_type"]) for r in rows] == [
        ("TH", ChamberType.LOWER), ("TH", ChamberType.UPPER), ("JP", ChamberType.LOWER), ("FR", None)]
    assert rows[1]["statutory_seats"] == 200


def test_an_unknown_country_code_is_refused(session):
    with pytest.raises(ValidationError) as error:
        countries.comparison_rows(session, iso2_codes=["XX"], actor=viewer(session))

    assert error.value.field == "country_id"
