"""One country look-up (``services.countries.find_country``): an ISO code or an English or Thai name, however a
file, a form or the command line spells it, means one country; an unknown one is refused naming the field."""

from __future__ import annotations

import pytest

from workbench.errors import ValidationError
from workbench.services import countries


@pytest.mark.parametrize("given", ["JP", "jp", " JPN ", "Japan", "JAPAN", "ญี่ปุ่น"])
def test_a_code_or_a_name_finds_the_country(session, given):
    assert countries.find_country(session, given).iso2 == "JP"


def test_punctuation_and_spaces_are_folded(session):
    assert countries.find_country(session, "south-korea").iso2 == "KR"
    assert countries.find_country(session, "  South   Korea ").iso2 == "KR"


@pytest.mark.parametrize("given", ["XX", "Atlantis", "", None])
def test_an_unknown_or_empty_code_finds_nothing(session, given):
    assert countries.find_country(session, given) is None


def test_an_index_answers_many_rows_alike(session):
    index = countries.country_index(session)
    for given in ("TH", "tha", "Thailand", "ไทย"):
        assert countries.find_country(session, given, index=index) == countries.find_country(session, given)
    assert countries.find_country(session, "XX", index=index) is None


def test_requiring_an_unknown_code_names_the_field_and_the_row(session):
    with pytest.raises(ValidationError) as caught:
        countries.require_country_code(session, "ZZ", field="country_iso2", where="organizations.csv:7")
    assert caught.value.field == "country_iso2"
    assert "ZZ" in caught.value.th and "organizations.csv:7" in caught.value.en
    assert countries.require_country_code(session, "fr").iso2 == "FR"
