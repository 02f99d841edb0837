"""Reference data: the CSV files under ``data/`` (each with source and as-of columns) loaded into tables.

Loading is idempotent: rows are matched on their natural key (ISO code, organisation code, post code); only
changed values are written, so loading twice changes nothing and writes no audit entries the second time.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session, SQLModel, select

from workbench.db import transaction
from workbench.errors import ValidationError
from workbench.models.base import Region
from workbench.models.countries import Country
from workbench.models.people import Organization, OrgClassification, Post
from workbench.reference_briefing import LOADERS as BRIEFING_LOADERS
from workbench.reference_budget import LOADERS as BUDGET_LOADERS
from workbench.reference_interparliamentary import LOADERS as INTERPARLIAMENTARY_LOADERS
from workbench.reference_travel import LOADERS as TRAVEL_LOADERS


@dataclass
class LoadReport:
    """What a load did, per table: how many rows were inserted, updated and left as they were."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, table: str, outcome: str) -> None:
        row = self.counts.setdefault(table, {"inserted": 0, "updated": 0, "unchanged": 0})
        row[outcome] += 1

    @property
    def changed(self) -> int:
        return sum(c["inserted"] + c["updated"] for c in self.counts.values())


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        raise ValidationError(f"ไม่พบไฟล์ข้อมูลอ้างอิง {path}", f"reference file {path} is missing", field=path.name)
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _date(value: str, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"วันที่ไม่ถูกต้อง '{value}' ใน {where}", f"bad date '{value}' in {where}",
                              field="as_of") from None


def _choice(enum_type: Any, value: str, where: str, column: str) -> str:
    try:
        return enum_type(value).value
    except ValueError:
        raise ValidationError(f"ค่า '{value}' ไม่ถูกต้องใน {where}", f"value '{value}' is not allowed in {where}",
                              field=column) from None


def _bool(value: str) -> bool:
    return value.strip().lower() not in {"0", "false", "no", "n"} if value else True


def update_in_place(session: Session, report: LoadReport, table: str, record: Any, values: dict[str, Any]) -> None:
    """Write only the values that differ, and count the row as updated or unchanged."""
    changed = {k: v for k, v in values.items() if getattr(record, k) != v}
    for name, value in changed.items():
        setattr(record, name, value)
    if changed:
        session.add(record)
    report.add(table, "updated" if changed else "unchanged")


def upsert(session: Session, report: LoadReport, model: type[SQLModel], key: str | tuple[str, ...],
           values: dict[str, Any]) -> Any:
    """The row of ``model`` matched on its natural key (one column or several): inserted, updated or left as is."""
    statement = select(model)
    for column in (key,) if isinstance(key, str) else key:
        statement = statement.where(getattr(model, column) == values[column])
    record = session.exec(statement).first()
    if record is None:
        record = model(**values)
        session.add(record)
        session.flush()
        report.add(model.__tablename__, "inserted")
        return record
    update_in_place(session, report, model.__tablename__, record, values)
    return record


def _country_values(row: dict[str, str], where: str) -> dict[str, Any]:
    return {
        "iso2": row["iso2"].upper(), "iso3": row["iso3"].upper(), "numeric": row.get("numeric", ""),
        "name_en": row["name_en"], "name_th": row["name_th"],
        "region": _choice(Region, row["region"], where, "region"),
        "source": row.get("source", ""), "as_of": _date(row.get("as_of", ""), where),
    }


def load_countries(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    for number, row in enumerate(rows, start=2):
        upsert(session, report, Country, "iso2", _country_values(row, f"countries.csv:{number}"))


def load_organizations(session: Session, rows: list[dict[str, str]], report: LoadReport) -> None:
    countries = {c.iso2: c.id for c in session.exec(select(Country)).all()}
    pending = list(enumerate(rows, start=2))
    while pending:  # parents before children, whatever the file's order
        codes = {o.code: o.id for o in session.exec(select(Organization)).all() if o.code}
        ready = [(n, r) for n, r in pending if not r.get("parent_code") or r["parent_code"] in codes]
        if not ready:
            number, row = pending[0]
            raise ValidationError(f"ไม่พบหน่วยงานแม่ '{row['parent_code']}' (organizations.csv:{number})",
                                  f"unknown parent_code '{row['parent_code']}' (organizations.csv:{number})",
                                  field="parent_code")
        for number, row in ready:
            where = f"organizations.csv:{number}"
            iso2 = row.get("country_iso2", "").upper()
            if iso2 and iso2 not in countries:
                raise ValidationError(f"ไม่รู้จักประเทศ '{iso2}' ({where})", f"unknown country '{iso2}' ({where})",
                                      field="country_iso2")
            upsert(session, report, Organization, "code", {
                "code": row["code"], "abbreviation": row.get("abbreviation", ""), "name_th": row["name_th"],
                "name_en": row.get("name_en", ""),
                "classification": _choice(OrgClassification, row["classification"], where, "classification"),
                "parent_id": codes.get(row.get("parent_code", "")) if row.get("parent_code") else None,
                "country_id": countries.get(iso2) if iso2 else None,
                "source": row.get("source", ""), "as_of": _date(row.get("as_of", ""), where),
                "note": row.get("note", ""),
            })
        pending = [(n, r) for n, r in pending if (n, r) not in ready]


def load_posts(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    codes = {o.code: o.id for o in session.exec(select(Organization)).all() if o.code}
    for number, row in enumerate(rows, start=2):
        where = f"posts.csv:{number}"
        if row["organization_code"] not in codes:
            raise ValidationError(f"ไม่รู้จักหน่วยงาน '{row['organization_code']}' ({where})",
                                  f"unknown organization_code '{row['organization_code']}' ({where})",
                                  field="organization_code")
        try:
            precedence = int(row.get("precedence") or 100)
        except ValueError:
            raise ValidationError(f"ลำดับอาวุโสต้องเป็นตัวเลข ({where})", f"precedence must be a number ({where})",
                                  field="precedence") from None
        upsert(session, report, Post, "code", {
            "code": row["code"], "organization_id": codes[row["organization_code"]], "label_th": row["label_th"],
            "label_en": row.get("label_en", ""), "precedence": precedence,
            "single_holder": _bool(row.get("single_holder", "")),
            "source": row.get("source", ""), "as_of": _date(row.get("as_of", ""), where),
            "note": row.get("note", ""),
        })


def load_precedence(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    from workbench.models.visits import PrecedenceRank

    for number, row in enumerate(rows, start=2):
        where = f"precedence.csv:{number}"
        upsert(session, report, PrecedenceRank, "code", {
            "code": row["code"], "label_th": row["label_th"], "label_en": row.get("label_en", ""),
            "rank": _int(row.get("rank", ""), where, "rank"), "post_code": row.get("post_code") or None,
            "source": row.get("source", ""), "as_of": _date(row.get("as_of", ""), where),
        })


def load_checklist_template(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    from workbench.models.visits import ChecklistTemplateItem

    for number, row in enumerate(rows, start=2):
        where = f"protocol_checklist.csv:{number}"
        direction = row.get("direction", "both") or "both"
        if direction not in {"inbound", "outbound", "both"}:
            raise ValidationError(f"ทิศทาง '{direction}' ไม่ถูกต้อง ({where})", f"bad direction '{direction}' ({where})",
                                  field="direction")
        upsert(session, report, ChecklistTemplateItem, "code", {
            "code": row["code"], "label_th": row["label_th"], "label_en": row.get("label_en", ""),
            "days_before": _int(row.get("days_before", ""), where, "days_before"), "direction": direction,
            "sort_order": _int(row.get("sort_order") or "0", where, "sort_order"),
            "source": row.get("source", ""), "as_of": _date(row.get("as_of", ""), where),
        })


def _int(value: str, where: str, column: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValidationError(f"ต้องเป็นจำนวนเต็ม: '{value}' ({where})", f"must be a whole number: '{value}' ({where})",
                              field=column) from None


# File name -> loader, in load order. Later features append their own reference files here.
LOADERS: list[tuple[str, Callable[[Session, Any, LoadReport], None]]] = [
    ("countries.csv", load_countries),
    ("organizations.csv", load_organizations),
    ("posts.csv", load_posts),
    ("precedence.csv", load_precedence),
    ("protocol_checklist.csv", load_checklist_template),
    *BUDGET_LOADERS,
    *BRIEFING_LOADERS,
    *TRAVEL_LOADERS,
    *INTERPARLIAMENTARY_LOADERS,
]


def load_reference_data(session: Session, *, data_dir: Path, actor: Any) -> LoadReport:
    """Load every reference CSV in one transaction: all of it, or (on any bad row) none of it."""
    report = LoadReport()
    with transaction(session, actor=actor):
        for filename, loader in LOADERS:
            loader(session, read_csv(data_dir / filename), report)
    return report
