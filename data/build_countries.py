"""Generate ``data/countries.csv`` from pycountry and babel (offline, deterministic).

The application never runs this script: it only reads the CSV it produces.
Rerun it after upgrading pycountry or babel, from the project root::

    python data/build_countries.py            # writes data/countries.csv
    python data/build_countries.py --check    # exit 1 if the CSV on disk is out of date

then run the tests (``python -m pytest tests/test_reference_data.py -q``) and
``workbench init`` to reload the reference data into the database.

What goes into each column:

* ``iso2``, ``iso3``, ``numeric``: ISO 3166-1 entries from pycountry (all of them).
* ``name_en``: pycountry ``common_name`` when present (e.g. "Taiwan", "South Korea"),
  else ``name``.
* ``name_th``: CLDR Thai territory name from babel (``babel.Locale("th").territories``);
  if CLDR has none, pycountry's Thai gettext translation of the ISO name.
* ``region``: one of the office's five monitoring regions (mandate item 7: Europe, the
  Americas, the South Pacific, Asia, Africa), derived from the UN M49 continent. babel does
  not ship CLDR's territory containment data, so the M49 continent of each code is written
  out by hand below (``M49_CONTINENT``). Mapping: Africa -> africa; Americas (incl. the
  Caribbean) -> americas; Asia (incl. Western/Central Asia, Cyprus, Türkiye, the Caucasus)
  -> asia; Europe (incl. Russia) -> europe; Oceania -> south_pacific. Antarctica and the
  sub-antarctic territories (``SUB_ANTARCTIC``) -> south_pacific, overriding M49; each such
  row says so in its ``source``.
* ``source``: versions of the data used; ``as_of``: the pycountry data version as a date
  (pycountry versions are release dates, YY.M.D).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gettext
import importlib.metadata
import io
import sys
from pathlib import Path

import babel
import pycountry

OUT = Path(__file__).resolve().parent / "countries.csv"
COLUMNS = ["iso2", "iso3", "numeric", "name_en", "name_th", "region", "source", "as_of"]

# UN M49 continent (region 1st level) of each ISO 3166-1 alpha-2 code, written by hand.
# Taiwan is not listed by M49; it is placed in Eastern Asia as CLDR does.
_M49 = {
    "africa": """
        DZ EG LY MA SD TN EH
        BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW IO TF
        AO CM CF TD CG CD GQ GA ST
        BW SZ LS NA ZA
        BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG
    """,
    "americas": """
        AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI
        BZ CR SV GT HN MX NI PA
        AR BO BR CL CO EC FK GF GY PY PE SR UY VE BV GS
        BM CA GL PM US
    """,
    "asia": """
        KZ KG TJ TM UZ
        CN HK MO KP JP MN KR TW
        BN KH ID LA MY MM PH SG TH TL VN
        AF BD BT IN IR MV NP PK LK
        AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE
    """,
    "europe": """
        BY BG CZ HU PL MD RO RU SK UA
        AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB
        AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES
        AT BE FR DE LI LU MC NL CH
    """,
    "oceania": """
        AU NZ NF CC CX HM
        FJ NC PG SB VU
        GU KI MH FM NR MP PW UM
        AS CK PF NU PN WS TK TO TV WF
    """,
    "antarctica": "AQ",  # no M49 continent
}
M49_CONTINENT: dict[str, str] = {
    code: continent for continent, codes in _M49.items() for code in codes.split()
}

CONTINENT_TO_REGION = {
    "africa": "africa",
    "americas": "americas",
    "asia": "asia",
    "europe": "europe",
    "oceania": "south_pacific",
    "antarctica": "south_pacific",
}

# Antarctica and sub-antarctic territories: always south_pacific, whatever M49 says.
SUB_ANTARCTIC = {"AQ", "BV", "GS", "HM", "TF"}

REGIONS = ("europe", "americas", "south_pacific", "asia", "africa")


def region_of(iso2: str) -> str:
    if iso2 in SUB_ANTARCTIC:
        return "south_pacific"
    return CONTINENT_TO_REGION[M49_CONTINENT[iso2]]


MFA_NAMES = Path(__file__).with_name("country_names_mfa.csv")
MFA_SOURCE = "Thai name MFA (country_names_mfa.csv)"


def mfa_names() -> dict[str, str]:
    """iso2 -> the short Thai name the Ministry of Foreign Affairs writes (see country_names_mfa.csv)."""
    if not MFA_NAMES.exists():
        return {}
    with MFA_NAMES.open(encoding="utf-8", newline="") as handle:
        # a row with no short name gives only the long forms (letters): CLDR's short name stays
        return {row["iso2"]: row["name_th"] for row in csv.DictReader(handle) if row["name_th"].strip()}


def build_rows() -> list[dict[str, str]]:
    pycountry_version = importlib.metadata.version("pycountry")
    yy, mm, dd = (int(p) for p in pycountry_version.split(".")[:3])
    as_of = dt.date(2000 + yy, mm, dd).isoformat()
    try:
        cldr = "CLDR " + babel.core.get_global("cldr")["version"]
    except Exception:  # babel internals: the version key is not public API
        cldr = "CLDR"
    base_source = f"ISO 3166-1 via pycountry {pycountry_version}"
    th_cldr = f"Thai name {cldr} via babel {babel.__version__}"
    th_gettext = f"Thai name pycountry iso3166-1 gettext {pycountry_version}"

    territories_th = babel.Locale("th").territories
    gettext_th = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["th"], fallback=True
    )

    codes = {c.alpha_2 for c in pycountry.countries}
    unknown = sorted(codes - M49_CONTINENT.keys())
    stale = sorted(M49_CONTINENT.keys() - codes)
    if unknown or stale:
        raise SystemExit(
            f"M49 mapping out of date: unmapped {unknown}, not in pycountry {stale}"
        )

    mfa = mfa_names()
    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name_en = getattr(c, "common_name", None) or c.name
        name_th = territories_th.get(c.alpha_2)
        th_source = th_cldr
        if c.alpha_2 in mfa:  # the Ministry of Foreign Affairs' own short name wins over CLDR's
            name_th, th_source = mfa[c.alpha_2], MFA_SOURCE
        if not name_th:
            name_th = gettext_th.gettext(c.name)
            th_source = th_gettext
        if not name_th or name_th == c.name:
            raise SystemExit(f"no Thai name for {c.alpha_2}")
        region = region_of(c.alpha_2)
        region_source = "region UN M49 continent"
        if c.alpha_2 in SUB_ANTARCTIC:
            m49 = M49_CONTINENT[c.alpha_2]
            region_source = (
                "region override: Antarctica/sub-antarctic -> south_pacific"
                + ("" if m49 == "antarctica" else f" (UN M49: {m49})")
            )
        rows.append(
            {
                "iso2": c.alpha_2,
                "iso3": c.alpha_3,
                "numeric": c.numeric,
                "name_en": name_en,
                "name_th": name_th,
                "region": region,
                "source": f"{base_source}; {th_source}; {region_source}",
                "as_of": as_of,
            }
        )
    return rows


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    text = render(build_rows())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date; rerun without --check", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
