"""Checks on the reference data CSVs in data/ (countries, organisations, posts)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"

COUNTRY_COLUMNS = ["iso2", "iso3", "numeric", "name_en", "name_th", "region", "source", "as_of"]
ORG_COLUMNS = [
    "code", "abbreviation", "name_th", "name_en", "classification",
    "parent_code", "country_iso2", "source", "as_of", "note",
]
POST_COLUMNS = ["code", "organization_code", "label_th", "label_en", "precedence", "single_holder", "source", "as_of",
                "note"]

REGIONS = {"europe", "americas", "south_pacific", "asia", "africa"}
CLASSIFICATIONS = {
    "senate_office", "standing_committee", "secretariat_unit", "foreign_parliament",
    "embassy", "interparliamentary", "international_organization", "government_agency",
}
MANDATE_ABBREVIATIONS = ["IPU", "APPF", "AIPA", "AFPPD", "APPCED", "AAPP", "UN", "WTO", "APEC"]


def read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    return read("countries.csv")[1]


@pytest.fixture(scope="module")
def countries_by_iso2(countries) -> dict[str, dict[str, str]]:
    return {row["iso2"]: row for row in countries}


@pytest.fixture(scope="module")
def organizations() -> list[dict[str, str]]:
    return read("organizations.csv")[1]


@pytest.fixture(scope="module")
def posts() -> list[dict[str, str]]:
    return read("posts.csv")[1]


@pytest.mark.parametrize(
    "name, columns",
    [("countries.csv", COUNTRY_COLUMNS), ("organizations.csv", ORG_COLUMNS), ("posts.csv", POST_COLUMNS)],
)
def test_headers(name, columns):
    assert read(name)[0] == columns


def test_rows_have_all_fields():
    for name in ("countries.csv", "organizations.csv", "posts.csv"):
        for row in read(name)[1]:
            assert None not in row and None not in row.values(), (name, row)


# --- countries -------------------------------------------------------------------------------


def test_every_pycountry_country_once(countries):
    pycountry = pytest.importorskip("pycountry")
    counts = Counter(row["iso2"] for row in countries)
    assert [code for code, n in counts.items() if n > 1] == []
    assert set(counts) == {c.alpha_2 for c in pycountry.countries}
    by_iso2 = {row["iso2"]: row for row in countries}
    for c in pycountry.countries:
        assert by_iso2[c.alpha_2]["iso3"] == c.alpha_3
        assert by_iso2[c.alpha_2]["numeric"] == c.numeric


def test_countries_sorted_and_unique(countries):
    codes = [row["iso2"] for row in countries]
    assert codes == sorted(set(codes))
    assert len({row["iso3"] for row in countries}) == len(countries)
    assert len({row["numeric"] for row in countries}) == len(countries)


def test_thailand(countries_by_iso2):
    th = countries_by_iso2["TH"]
    assert th["name_th"] == "ไทย"
    assert th["region"] == "asia"
    assert th["iso3"] == "THA"


@pytest.mark.parametrize(
    "iso2, region",
    [
        ("FR", "europe"), ("BR", "americas"), ("FJ", "south_pacific"), ("KE", "africa"),
        ("RU", "europe"), ("SA", "asia"), ("AQ", "south_pacific"), ("US", "americas"),
        ("AU", "south_pacific"), ("EG", "africa"), ("JM", "americas"), ("TR", "asia"),
    ],
)
def test_known_regions(countries_by_iso2, iso2, region):
    assert countries_by_iso2[iso2]["region"] == region


def test_every_region_valid_and_used(countries):
    regions = {row["region"] for row in countries}
    assert regions == REGIONS


def test_country_required_fields(countries):
    for row in countries:
        for field in ("iso2", "iso3", "numeric", "name_en", "name_th", "source", "as_of"):
            assert row[field].strip(), (row["iso2"], field)
        assert len(row["iso2"]) == 2 and len(row["iso3"]) == 3 and len(row["numeric"]) == 3


def test_country_as_of_is_iso_date(countries):
    for row in countries:
        dt.date.fromisoformat(row["as_of"])


def _without_versions(text: str) -> str:
    """The CSV with the package and CLDR versions in its source column and the pycountry release date (``as_of``)
    blanked: the data must agree, whichever release of pycountry/babel is installed."""
    text = re.sub(r"(pycountry|CLDR|babel) [0-9][0-9.]*", r"\1 #", text)
    return re.sub(r",[0-9]{4}-[0-9]{2}-[0-9]{2}$", ",#", text, flags=re.MULTILINE)


def test_countries_csv_matches_generator():
    """The CSV on disk is what data/build_countries.py produces with the installed packages: the same codes, names
    and regions (the versions named in the source column may be older than those installed; a newer pycountry or
    CLDR that changes a name or adds a country fails here, to be reviewed and regenerated)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_countries", DATA / "build_countries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.render(module.build_rows())
    on_disk = (DATA / "countries.csv").read_text(encoding="utf-8")
    assert _without_versions(built) == _without_versions(on_disk)


# --- organisations ---------------------------------------------------------------------------


def test_organization_codes_unique_and_slugs(organizations):
    codes = [row["code"] for row in organizations]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert code == code.lower() and code.strip() and " " not in code and "_" not in code, code


def test_organization_parents_exist(organizations):
    codes = {row["code"] for row in organizations}
    for row in organizations:
        if row["parent_code"]:
            assert row["parent_code"] in codes, row["code"]
            assert row["parent_code"] != row["code"]


def test_organization_parents_have_no_cycles(organizations):
    parent = {row["code"]: row["parent_code"] for row in organizations}
    for code in parent:
        seen = set()
        while code:
            assert code not in seen, f"cycle through {code}"
            seen.add(code)
            code = parent[code]


def test_organization_classification_valid(organizations):
    for row in organizations:
        assert row["classification"] in CLASSIFICATIONS, row["code"]


def test_organization_country_in_countries(organizations, countries_by_iso2):
    for row in organizations:
        if row["country_iso2"]:
            assert row["country_iso2"] in countries_by_iso2, row["code"]


def test_organization_required_fields(organizations):
    for row in organizations:
        for field in ("code", "name_th", "name_en", "classification", "source", "as_of"):
            assert row[field].strip(), (row["code"], field)
        dt.date.fromisoformat(row["as_of"])


def test_mandate_organizations_present(organizations):
    abbreviations = Counter(row["abbreviation"] for row in organizations)
    for abbreviation in MANDATE_ABBREVIATIONS:
        assert abbreviations[abbreviation] == 1, abbreviation


def test_core_organizations(organizations):
    by_code = {row["code"]: row for row in organizations}
    assert by_code["senate"]["name_th"] == "วุฒิสภา"
    assert by_code["senate"]["classification"] == "senate_office"
    assert by_code["senate-secretariat"]["name_th"] == "สำนักงานเลขาธิการวุฒิสภา"
    assert by_code["fao"]["parent_code"] == "senate-secretariat"
    for group in ("fao-admin", "fao-protocol", "fao-ir"):
        assert by_code[group]["parent_code"] == "fao"
    assert by_code["mfa-consular"]["parent_code"] == "mfa"
    committees = [row for row in organizations if row["classification"] == "standing_committee"]
    assert any(row["name_th"] == "คณะกรรมาธิการการต่างประเทศ" for row in committees)
    for row in committees:
        assert row["parent_code"] == "senate"
        assert "to confirm" in row["note"]


def test_no_embassies_or_foreign_parliaments(organizations):
    assert not [r for r in organizations if r["classification"] in {"embassy", "foreign_parliament"}]


# --- posts -----------------------------------------------------------------------------------


def test_posts_refer_to_organizations(posts, organizations):
    codes = {row["code"] for row in organizations}
    for row in posts:
        assert row["organization_code"] in codes, row["code"]


def test_posts_codes_unique_and_precedence_integer(posts):
    codes = [row["code"] for row in posts]
    assert len(codes) == len(set(codes))
    for row in posts:
        assert row["precedence"].strip().lstrip("-").isdigit(), row["code"]
        int(row["precedence"])
        assert row["label_th"].strip() and row["label_en"].strip()
        dt.date.fromisoformat(row["as_of"])


def test_senate_principals_order(posts):
    precedence = {row["code"]: int(row["precedence"]) for row in posts}
    assert precedence["senate-president"] == 1
    assert (
        precedence["senate-president"]
        < precedence["senate-first-vice-president"]
        < precedence["senate-second-vice-president"]
        < precedence["senator"]
    )
