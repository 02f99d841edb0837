"""Reference loaders of travel documents (appended to ``workbench.reference.LOADERS``): the numeric rules
(passport validity margin, expiry window), lead times counted back from departure, the passport type by post and
the visa requirements per destination and passport type. Every row is matched on its natural key."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlmodel import Session

from workbench.errors import ValidationError
from workbench.models.travel import (
    PassportType,
    PassportTypeRule,
    TravelLeadTime,
    TravelRule,
    VisaRequirement,
    VisaRule,
)
from workbench.reference import common
from workbench.reference.common import LoadReport


def _provenance(row: dict[str, str], where: str) -> dict[str, Any]:
    return {"source": row.get("source", ""), "as_of": common.read_date(row.get("as_of", ""), where),
            "note": row.get("note", "")}


def load_rules(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    ref = common
    for number, row in enumerate(rows, start=2):
        where = f"travel_rules.csv:{number}"
        unit = row.get("unit") or "days"
        if unit not in ("days", "months"):
            raise ValidationError(f"หน่วยต้องเป็น days หรือ months ({where})", f"unit must be days or months ({where})",
                                  field="unit")
        ref.upsert(session, report, TravelRule, "code", {
            "code": row["code"], "value": ref.read_int(row["value"], where, "value"), "unit": unit,
            "label_th": row.get("label_th", ""), "label_en": row.get("label_en", ""), **_provenance(row, where)})


def load_lead_times(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    ref = common
    for number, row in enumerate(rows, start=2):
        where = f"travel_lead_times.csv:{number}"
        ref.upsert(session, report, TravelLeadTime, "code", {
            "code": row["code"], "label_th": row["label_th"], "label_en": row.get("label_en", ""),
            "days_before": ref.read_int(row["days_before"], where, "days_before"), **_provenance(row, where)})


def load_passport_types(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    ref = common
    for number, row in enumerate(rows, start=2):
        where = f"travel_passport_types.csv:{number}"
        ref.upsert(session, report, PassportTypeRule, "post_code", {
            "post_code": row["post_code"],
            "passport_type": ref.read_choice(PassportType, row["passport_type"], where, "passport_type"),
            **_provenance(row, where)})


def load_visa_requirements(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    ref = common
    for number, row in enumerate(rows, start=2):
        where = f"travel_visa_requirements.csv:{number}"
        iso2 = row["iso2"].upper()
        if iso2 != "*" and len(iso2) != 2:
            raise ValidationError(f"รหัสประเทศไม่ถูกต้อง '{iso2}' ({where})", f"bad country code '{iso2}' ({where})",
                                  field="iso2")
        stay = row.get("max_stay_days", "")
        ref.upsert(session, report, VisaRequirement, ("iso2", "passport_type"), {
            "iso2": iso2, "passport_type": ref.read_choice(PassportType, row["passport_type"], where, "passport_type"),
            "rule": ref.read_choice(VisaRule, row["rule"], where, "rule"),
            "max_stay_days": ref.read_int(stay, where, "max_stay_days") if stay else None, **_provenance(row, where)})


LOADERS = [
    ("travel_rules.csv", load_rules),
    ("travel_lead_times.csv", load_lead_times),
    ("travel_passport_types.csv", load_passport_types),
    ("travel_visa_requirements.csv", load_visa_requirements),
]
