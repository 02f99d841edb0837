"""Loaders of the budget's reference data (``data/budget_*.csv``): disbursement targets and the dated rate
tables of the trip and reception cost estimator. Appended to ``workbench.reference.LOADERS``.

Rows are matched on their natural key (for dated rates: the key plus ``valid_from``), so loading twice changes
nothing. A new rate is a new row with a later ``valid_from``: estimates use the newest row valid on the first day
of the trip, and older estimates keep the rates they were made with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlmodel import Session

from workbench.errors import ValidationError
from workbench.models.base import Region
from workbench.models.budget import (
    AccommodationRate,
    AllowanceRate,
    CountryRateGroup,
    DisbursementTarget,
    TravelCostDefault,
    TravelGrade,
)
from workbench.models.visits import MemberRole
from workbench.reference.common import LoadReport, read_date, read_int, upsert

CABINS = {"economy", "business", "first"}
def _required_date(value: str, where: str, column: str) -> dt.date:
    day = read_date(value, where)
    if day is None:
        raise ValidationError(f"ต้องมีวันที่ใน {column} ({where})", f"{column} needs a date ({where})", field=column)
    return day


def _amount(value: str, where: str, column: str) -> Decimal:
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValidationError(f"จำนวนเงินไม่ถูกต้อง '{value}' ({where})", f"bad amount '{value}' ({where})",
                              field=column) from None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(f"จำนวนเงินต้องไม่ติดลบและมีทศนิยมไม่เกิน 2 ตำแหน่ง '{value}' ({where})",
                              f"amount must be >= 0 with at most 2 decimals: '{value}' ({where})", field=column)
    return amount.quantize(Decimal("0.01"))


def _provenance(row: dict[str, str], where: str) -> dict[str, Any]:
    return {"source": row.get("source", ""), "as_of": read_date(row.get("as_of", ""), where),
            "note": row.get("note", "")}


def load_disbursement_targets(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    seen: dict[int, list[tuple[int, Decimal]]] = {}
    for number, row in enumerate(rows, start=2):
        where = f"budget_disbursement_targets.csv:{number}"
        year, quarter = read_int(row["fiscal_year"], where, "fiscal_year"), read_int(row["quarter"], where, "quarter")
        percent = _amount(row["cumulative_percent"], where, "cumulative_percent")
        if quarter not in (1, 2, 3, 4) or percent > 100:
            raise ValidationError(f"ไตรมาสต้องเป็น 1–4 และร้อยละไม่เกิน 100 ({where})",
                                  f"quarter must be 1-4 and the percentage at most 100 ({where})", field="quarter")
        seen.setdefault(year, []).append((quarter, percent))
        upsert(session, report, DisbursementTarget, ("fiscal_year", "quarter"), {
            "fiscal_year": year, "quarter": quarter, "cumulative_percent": percent, **_provenance(row, where)})
    for year, targets in seen.items():
        ordered = [p for _, p in sorted(targets)]
        if ordered != sorted(ordered):
            raise ValidationError(f"เป้าหมายสะสมของปี {year} ต้องไม่ลดลง", f"cumulative targets of {year} must not fall",
                                  field="cumulative_percent")


def load_travel_grades(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    roles = {r.value for r in MemberRole}
    for number, row in enumerate(rows, start=2):
        where = f"budget_travel_grades.csv:{number}"
        unknown = set(row.get("member_roles", "").split()) - roles
        if unknown or row.get("cabin", "economy") not in CABINS:
            raise ValidationError(f"บทบาทหรือชั้นโดยสารไม่ถูกต้อง ({where})",
                                  f"unknown member role {sorted(unknown)} or cabin ({where})", field="member_roles")
        upsert(session, report, TravelGrade, ("code",), {
            "code": row["code"], "label_th": row["label_th"], "label_en": row.get("label_en", ""),
            "member_roles": " ".join(row.get("member_roles", "").split()), "cabin": row.get("cabin") or "economy",
            **_provenance(row, where)})


def load_allowance_rates(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    for number, row in enumerate(rows, start=2):
        where = f"budget_allowance_rates.csv:{number}"
        upsert(session, report, AllowanceRate, ("grade_code", "valid_from"), {
            "grade_code": row["grade_code"], "valid_from": _required_date(row["valid_from"], where, "valid_from"),
            "daily_amount": _amount(row["daily_amount"], where, "daily_amount"), **_provenance(row, where)})


def load_accommodation_rates(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    for number, row in enumerate(rows, start=2):
        where = f"budget_accommodation_rates.csv:{number}"
        upsert(session, report, AccommodationRate, ("grade_code", "country_group", "valid_from"), {
            "grade_code": row["grade_code"], "country_group": row["country_group"],
            "valid_from": _required_date(row["valid_from"], where, "valid_from"),
            "actual_ceiling": _amount(row["actual_ceiling"], where, "actual_ceiling"),
            "flat_rate": _amount(row["flat_rate"], where, "flat_rate"), **_provenance(row, where)})


def load_country_groups(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    for number, row in enumerate(rows, start=2):
        where = f"budget_country_groups.csv:{number}"
        iso2 = row["iso2"].upper()
        if iso2 != "*" and len(iso2) != 2:
            raise ValidationError(f"รหัสประเทศไม่ถูกต้อง '{iso2}' ({where})", f"bad country code '{iso2}' ({where})",
                                  field="iso2")
        upsert(session, report, CountryRateGroup, ("iso2",), {
            "iso2": iso2, "country_group": row["country_group"],
            "visa_fee": _amount(row["visa_fee"], where, "visa_fee"), **_provenance(row, where)})


def load_cost_defaults(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    regions = {r.value for r in Region}
    for number, row in enumerate(rows, start=2):
        where = f"budget_cost_defaults.csv:{number}"
        parts = row["code"].split(":")
        if parts[0] == "airfare" and (len(parts) != 3 or parts[1] not in regions or parts[2] not in CABINS):
            raise ValidationError(f"รหัสค่าโดยสารไม่ถูกต้อง '{row['code']}' ({where})",
                                  f"airfare codes are airfare:<region>:<cabin>, not '{row['code']}' ({where})",
                                  field="code")
        upsert(session, report, TravelCostDefault, ("code", "valid_from"), {
            "code": row["code"], "label_th": row["label_th"], "label_en": row.get("label_en", ""),
            "valid_from": _required_date(row["valid_from"], where, "valid_from"),
            "amount": _amount(row["amount"], where, "amount"), **_provenance(row, where)})


LOADERS = [
    ("budget_disbursement_targets.csv", load_disbursement_targets),
    ("budget_travel_grades.csv", load_travel_grades),
    ("budget_allowance_rates.csv", load_allowance_rates),
    ("budget_accommodation_rates.csv", load_accommodation_rates),
    ("budget_country_groups.csv", load_country_groups),
    ("budget_cost_defaults.csv", load_cost_defaults),
]
