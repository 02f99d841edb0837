"""What every reference loader shares: the load report, reading a CSV, checked cell values, upsert."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session, SQLModel, select

from workbench.errors import ValidationError


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


def read_date(value: str, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"วันที่ไม่ถูกต้อง '{value}' ใน {where}", f"bad date '{value}' in {where}",
                              field="as_of") from None


def read_choice(enum_type: Any, value: str, where: str, column: str) -> str:
    try:
        return enum_type(value).value
    except ValueError:
        raise ValidationError(f"ค่า '{value}' ไม่ถูกต้องใน {where}", f"value '{value}' is not allowed in {where}",
                              field=column) from None


def read_bool(value: str) -> bool:
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


def read_int(value: str, where: str, column: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise ValidationError(f"ต้องเป็นจำนวนเต็ม: '{value}' ({where})", f"must be a whole number: '{value}' ({where})",
                              field=column) from None
