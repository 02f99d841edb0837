"""The correspondence rules that are data, read from ``data/correspondence_*.csv`` (under ``WORKBENCH_DATA_DIR``):
retention per document type, urgency -> hours until due, and the attachment types with their size limits."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from workbench.errors import ConfigurationError
from workbench.models.correspondence import DocumentType, Urgency


@dataclass(frozen=True)
class Retention:
    doc_type: DocumentType
    years: int
    permanent: bool


@dataclass(frozen=True)
class FileRule:
    extension: str
    content_type: str
    max_bytes: int


def _data_dir() -> Path:
    from workbench.config import get_settings

    return get_settings().data_dir


def _rows(name: str) -> list[dict[str, str]]:
    path = _data_dir() / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except OSError as exc:
        raise ConfigurationError(f"อ่านไฟล์ข้อมูลอ้างอิง {path} ไม่ได้", f"cannot read the reference file {path}",
                                 field="WORKBENCH_DATA_DIR") from exc


@lru_cache(maxsize=4)
def _retention(data_dir: Path) -> dict[DocumentType, Retention]:
    table = {}
    for row in _rows("correspondence_retention.csv"):
        kind = DocumentType(row["doc_type"].strip())
        table[kind] = Retention(kind, int(row["retention_years"] or 0), row["permanent"].strip().lower() == "yes")
    missing = set(DocumentType) - set(table)
    if missing:
        raise ConfigurationError(f"ไม่มีอายุการเก็บของ {sorted(missing)}", f"no retention for {sorted(missing)}",
                                 field="correspondence_retention.csv")
    return table


def retention_table() -> dict[DocumentType, Retention]:
    return _retention(_data_dir())


@lru_cache(maxsize=4)
def _due_hours(data_dir: Path) -> dict[Urgency, int]:
    table = {Urgency(row["urgency"].strip()): int(row["due_hours"]) for row in _rows("correspondence_urgency.csv")}
    missing = set(Urgency) - set(table)
    if missing:
        raise ConfigurationError(f"ไม่มีกำหนดเวลาของ {sorted(missing)}", f"no due time for {sorted(missing)}",
                                 field="correspondence_urgency.csv")
    return table


def due_hours() -> dict[Urgency, int]:
    return _due_hours(_data_dir())


def due_at(registered_at: dt.datetime, urgency: Urgency) -> dt.datetime:
    """When a document of this urgency registered at ``registered_at`` must have been dealt with."""
    return registered_at + dt.timedelta(hours=due_hours()[Urgency(urgency)])


@lru_cache(maxsize=4)
def _file_rules(data_dir: Path) -> dict[str, FileRule]:
    return {row["extension"].strip().lower(): FileRule(row["extension"].strip().lower(), row["content_type"].strip(),
                                                       int(row["max_bytes"]))
            for row in _rows("correspondence_attachments.csv")}


def file_rules() -> dict[str, FileRule]:
    return _file_rules(_data_dir())
