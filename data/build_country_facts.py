"""Generate ``data/country_facts.csv``: the seed of every country profile, from offline package data.

The application never runs this script: it only reads the CSV it produces (``workbench init`` loads it).
Rerun it from the project root after upgrading babel or countryinfo::

    pip install countryinfo                      # only this script needs it
    python data/build_country_facts.py           # writes data/country_facts.csv
    python data/build_country_facts.py --check   # exit 1 if the CSV on disk is out of date

What goes into it, per ISO country of ``data/countries.csv``:

* ``capital``, ``area_km2``, ``population``: from ``countryinfo`` (MIT). The capital's Thai name (``value_th``)
  is CLDR's Thai name of the time-zone city of the same English name in that country, via babel, where there is
  one (Vientiane → เวียงจันทน์); else empty, and a Thai briefing pack marks the English name "(ภาษาอังกฤษ)". Its figures carry no date, so ``as_of`` is
  empty and the profile shows the date as unknown; analysts record newer, dated figures in the workbench.
* ``languages``: official languages (de facto ones included) from CLDR via babel, Thai name then English name.
* ``currency``: the legal tender in use on ``CURRENCY_DAY`` from CLDR via babel, Thai name and ISO 4217 code.

Government system and heads of state and government are not in any offline package: analysts enter them.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.metadata
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "country_facts.csv"
CURRENCY_DAY = dt.date(2026, 2, 16)  # the data version of countries.csv
HEADER = ["iso2", "key", "value", "value_th", "source", "as_of", "note"]


def _countryinfo_rows(iso2: str, version: str) -> list[list[str]]:
    from countryinfo import CountryInfo

    try:
        info = CountryInfo(iso2).info()
    except Exception:  # noqa: BLE001 - countryinfo raises its own error for codes it does not know
        return []
    source = f"countryinfo {version}"
    rows = []
    for key, raw in (("capital", info.get("capital")), ("area_km2", info.get("area")),
                     ("population", info.get("population"))):
        if raw in (None, "", 0):
            continue
        value = str(raw)
        if isinstance(raw, float) and raw.is_integer():
            value = str(int(raw))
        thai = (THAI_CAPITALS.get(iso2) or thai_capital(iso2, value)) if key == "capital" else ""
        named_by = THAI_CAPITALS_SOURCE if iso2 in THAI_CAPITALS else THAI_CITY_SOURCE
        rows.append([iso2, key, value, thai, f"{source}; {named_by}" if thai else source, "",
                     "figure without a date (as of unknown)"])
    return rows


THAI_CITY_SOURCE = "Thai name: CLDR time-zone city via babel"
# Capitals the office often writes that CLDR has no Thai city name for (or a short one), as the Ministry of Foreign
# Affairs writes them (compiled by the project, to confirm)
THAI_CAPITALS = {"TH": "กรุงเทพมหานคร", "AU": "แคนเบอร์รา", "BN": "บันดาร์เสรีเบกาวัน", "BR": "บราซิเลีย",
                 "CA": "ออตตาวา", "CH": "เบิร์น", "CN": "ปักกิ่ง", "IN": "นิวเดลี", "MM": "เนปยีดอ",
                 "NZ": "เวลลิงตัน", "TR": "อังการา", "VN": "ฮานอย", "US": "วอชิงตัน ดี.ซี."}
THAI_CAPITALS_SOURCE = "Thai name: Ministry of Foreign Affairs usage, compiled by the project (to confirm)"


def thai_capital(iso2: str, capital: str) -> str:
    """CLDR's Thai name of the city ``capital`` of the country ``iso2`` (a time-zone city), or ""."""
    from babel import Locale
    from babel.core import get_global

    thai, english = Locale("th").time_zones, Locale("en").time_zones
    wanted = capital.strip().casefold()
    for zone, territory in get_global("zone_territories").items():
        if territory != iso2:
            continue
        city_en = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        if city_en.casefold() == wanted and thai.get(zone, {}).get("city"):
            return thai[zone]["city"]
    return ""


def _babel_rows(iso2: str, version: str) -> list[list[str]]:
    from babel import Locale
    from babel.languages import get_official_languages
    from babel.numbers import get_territory_currencies

    thai, english = Locale("th"), Locale("en")
    source = f"CLDR via babel {version}"
    rows = []
    languages = get_official_languages(iso2, regional=False, de_facto=True)
    if languages:
        names = [f"{thai.languages.get(code, code)} ({english.languages.get(code, code)})" for code in languages]
        rows.append([iso2, "languages", ", ".join(names), "", source, "", "official languages, de facto ones included"])
    currencies = get_territory_currencies(iso2, CURRENCY_DAY, tender=True)
    if currencies:
        names = [f"{thai.currencies.get(code, code)} ({code})" for code in currencies]
        rows.append([iso2, "currency", ", ".join(names), "", source, CURRENCY_DAY.isoformat(),
                     "legal tender on that day"])
    return rows


def build() -> str:
    countryinfo_version = importlib.metadata.version("countryinfo")
    babel_version = importlib.metadata.version("babel")
    with (HERE / "countries.csv").open(encoding="utf-8", newline="") as handle:
        codes = [row["iso2"] for row in csv.DictReader(handle)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for iso2 in codes:
        for row in _countryinfo_rows(iso2, countryinfo_version) + _babel_rows(iso2, babel_version):
            writer.writerow(row)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if data/country_facts.csv is out of date")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        current = TARGET.read_text("utf-8") if TARGET.exists() else ""
        print("up to date" if current == text else "out of date: run python data/build_country_facts.py")
        return 0 if current == text else 1
    TARGET.write_text(text, "utf-8")
    print(f"wrote {TARGET} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
