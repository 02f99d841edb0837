"""Reference loaders of the briefing feature (appended to ``workbench.reference.LOADERS``).

* ``country_facts.csv``: the seed of the country profiles (countryinfo and CLDR figures, see the file's script);
  one reference value per country and key, updated in place when the file changes. Analysts' values are separate
  rows and are never touched.
* ``parliaments.csv``: parliaments entered as reference data (Thailand's National Assembly); one reference
  snapshot per chamber and ``as_of`` date, so a row with a new date adds a snapshot and keeps the old one.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlmodel import Session, select

from workbench.errors import ValidationError
from workbench.models.briefing import (
    ChamberSnapshot,
    ChamberSnapshotCreate,
    ChamberType,
    CountryFact,
    Designation,
    FactKey,
    Origin,
    Structure,
)
from workbench.reference.common import LoadReport, read_choice, read_date, read_int, update_in_place
from workbench.services import countries


def load_country_facts(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    codes = countries.country_index(session)
    existing = {(f.country_id, FactKey(f.key)): f for f in session.exec(
        select(CountryFact).where(CountryFact.origin == Origin.REFERENCE)).all()}
    for number, row in enumerate(rows, start=2):
        where = f"country_facts.csv:{number}"
        country_id = countries.require_country_code(session, row["iso2"], field="iso2", where=where,
                                                    index=codes).id
        key = FactKey(read_choice(FactKey, row["key"], where, "key"))
        if not row.get("value") or not row.get("source"):
            raise ValidationError(f"ต้องมีค่าและแหล่งที่มา ({where})", f"value and source are required ({where})",
                                  field="value")
        values = {"value": row["value"], "value_th": row.get("value_th", ""), "source": row["source"], "as_of": read_date(row.get("as_of", ""), where),
                  "note": row.get("note", "")}
        fact = existing.get((country_id, key))
        if fact is None:
            fact = CountryFact(country_id=country_id, key=key, origin=Origin.REFERENCE, **values)
            session.add(fact)
            existing[(country_id, key)] = fact
            report.add("country_fact", "inserted")
            continue
        update_in_place(session, report, "country_fact", fact, values)
    session.flush()


def _optional_int(value: str, where: str, column: str) -> int | None:
    return read_int(value, where, column) if value else None


def _percent(value: str, where: str) -> Decimal | None:
    if not value:
        return None
    try:
        return Decimal(value).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValidationError(f"ร้อยละไม่ถูกต้อง '{value}' ({where})", f"bad percentage '{value}' ({where})",
                              field="women_pct") from None


def load_parliaments(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    codes = countries.country_index(session)
    for number, row in enumerate(rows, start=2):
        where = f"parliaments.csv:{number}"
        country_id = countries.require_country_code(session, row["country_iso2"], field="country_iso2",
                                                    where=where, index=codes).id
        as_of = read_date(row.get("as_of", ""), where)
        if as_of is None or not row.get("source"):
            raise ValidationError(f"ต้องมีแหล่งที่มาและวันที่ ({where})", f"source and as_of are required ({where})",
                                  field="as_of")
        existed = countries.parliament_exists(session, country_id)
        parliament = countries.ensure_parliament(
            session, country_id=country_id, structure=read_choice(Structure, row["structure"], where, "structure"),
            name_th=row.get("parliament_name_th", ""), name_en=row.get("parliament_name_en", ""),
            source=row["source"], as_of=as_of)
        report.add("parliament", "unchanged" if existed else "inserted")
        chamber_type = ChamberType(read_choice(ChamberType, row["chamber_type"], where, "chamber_type"))
        chamber = countries.ensure_chamber(session, parliament_id=parliament.id, chamber_type=chamber_type,
                                           name_th=row.get("chamber_name_th", ""),
                                           name_en=row.get("chamber_name_en", ""))
        values: dict[str, Any] = {
            "as_of": as_of, "source": row["source"],
            "statutory_seats": _optional_int(row.get("statutory_seats", ""), where, "statutory_seats"),
            "current_members": _optional_int(row.get("current_members", ""), where, "current_members"),
            "women_members": _optional_int(row.get("women_members", ""), where, "women_members"),
            "women_pct": _percent(row.get("women_pct", ""), where),
            "electoral_system": row.get("electoral_system", ""),
            "electoral_system_th": row.get("electoral_system_th", ""),
            "designation": read_choice(Designation, row["designation"], where, "designation") if row.get("designation")
            else None,
            "term_years": _optional_int(row.get("term_years", ""), where, "term_years"),
            "speaker": row.get("speaker", ""), "last_election": read_date(row.get("last_election", ""), where),
            "next_election": row.get("next_election", ""), "note": row.get("note", ""),
        }
        countries.check_snapshot(ChamberSnapshotCreate(chamber_id=chamber.id, **values))
        snapshot = session.exec(select(ChamberSnapshot).where(
            ChamberSnapshot.chamber_id == chamber.id, ChamberSnapshot.origin == Origin.REFERENCE,
            ChamberSnapshot.as_of == as_of)).first()
        if snapshot is None:
            session.add(ChamberSnapshot(chamber_id=chamber.id, origin=Origin.REFERENCE, **values))
            session.flush()
            report.add("chamber_snapshot", "inserted")
            continue
        update_in_place(session, report, "chamber_snapshot", snapshot, values)


LOADERS = [
    ("country_facts.csv", load_country_facts),
    ("parliaments.csv", load_parliaments),
]
