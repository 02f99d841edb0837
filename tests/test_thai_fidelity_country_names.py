"""Country names as the Ministry of Foreign Affairs writes them: the short form in countries.csv (and so in the
database, tables and packs), the long form beside it in country_names_mfa.csv, each with its source."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlmodel import select

from workbench.models.countries import Country

DATA = Path(__file__).resolve().parents[1] / "data"
MFA = {"KR": "สาธารณรัฐเกาหลี", "MM": "เมียนมา", "TR": "ทูร์เคีย", "PS": "รัฐปาเลสไตน์", "BN": "บรูไนดารุสซาลาม",
       "VA": "นครรัฐวาติกัน", "CD": "สาธารณรัฐประชาธิปไตยคองโก", "CG": "สาธารณรัฐคองโก"}


def rows(name):
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return {row["iso2"]: row for row in csv.DictReader(handle)}


def test_the_ministrys_names_have_a_short_and_a_long_form_and_a_source():
    names = rows("country_names_mfa.csv")

    assert {code: row["name_th"] for code, row in names.items() if row["name_th"]} == MFA
    assert names["MM"]["name_th_long"] == "สาธารณรัฐแห่งสหภาพเมียนมา" and names["TR"]["name_th_long"] == "สาธารณรัฐทูร์เคีย"
    assert all(row["name_th_long"] and row["source"] and row["as_of"] for row in names.values())


def test_countries_csv_carries_the_short_form_and_says_where_it_comes_from():
    countries = rows("countries.csv")

    for code, name in MFA.items():
        assert countries[code]["name_th"] == name
        assert "Thai name MFA" in countries[code]["source"]


def test_the_loaded_reference_data_uses_the_ministrys_names(session):
    loaded = {c.iso2: c.name_th for c in session.exec(select(Country).where(Country.iso2.in_(list(MFA)))).all()}

    assert loaded == MFA
