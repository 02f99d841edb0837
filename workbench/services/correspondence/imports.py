"""Import a register from a CSV or XLSX file: all rows or none. Every bad row is reported, with its row number
(as numbered in the file), its column and the reason, before anything is written; a good file is registered in
file order in one transaction, each row taking the next number of its register.

Columns are found by their field name (``subject``) or their Thai or English label (``เรื่อง``, ``Subject``);
choices may be given as their value (``very_urgent``) or their Thai or English label (``ด่วนมาก``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session

from workbench import clock
from workbench.bulk import bulk_insert
from workbench.db import transaction
from workbench.errors import ValidationError, WorkbenchError
from workbench.i18n import catalogue
from workbench.models.base import Clearance
from workbench.models.correspondence import (
    ActionRequested,
    Correspondence,
    CorrespondenceCreate,
    CorrespondenceRead,
    CorrespondenceStatus,
    DocumentType,
    Register,
    RoutingAction,
    RoutingStep,
    Urgency,
)
from workbench.services.access import Actor, require
from workbench.services.common import field_labels
from workbench.services.correspondence import rules
from workbench.services.correspondence.registers import check_create, display_number, search_text, take_numbers
from workbench.thai import parse_date

FIELDS = ["register", "registered_at", "doc_number", "doc_date", "sender", "recipient", "subject", "doc_type",
          "urgency", "classification", "action_requested", "work_group", "remarks", "visit_id", "engagement_id"]
REQUIRED = {"register", "subject"}
CHOICES: dict[str, tuple[type, str]] = {
    "register": (Register, "register."),
    "doc_type": (DocumentType, "document_type."),
    "urgency": (Urgency, "urgency."),
    "action_requested": (ActionRequested, "action_requested."),
}
CLEARANCE_WORDS = {"": 0, "0": 0, "none": 0, "ปกติ": 0, "ไม่มี": 0, "-": 0, "1": 1, "confidential": 1, "ลับ": 1,
                   "2": 2, "secret": 2, "ลับมาก": 2, "3": 3, "top_secret": 3, "top secret": 3, "ลับที่สุด": 3}


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    th: str
    en: str

    def text(self, lang: str = "th") -> str:
        if lang == "th":
            return f"แถวที่ {self.row} คอลัมน์ '{self.column}': {self.th}"
        return f"row {self.row}, column '{self.column}': {self.en}"


class ImportRejected(ValidationError):
    """The file was refused and nothing was written; ``problems`` lists every bad cell."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = problems[:50]
        more_th = f"\n… และอีก {len(problems) - 50} รายการ" if len(problems) > 50 else ""
        more_en = f"\n… and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(
            f"ไม่ได้นำเข้าแม้แต่แถวเดียว พบข้อผิดพลาด {len(problems)} รายการ:\n"
            + "\n".join(p.text("th") for p in shown) + more_th,
            f"nothing was imported; {len(problems)} problem(s):\n" + "\n".join(p.text("en") for p in shown) + more_en,
            field="file", field_th="ไฟล์ทะเบียน", field_en="register file")


def _norm(text: Any) -> str:
    return " ".join(re.sub(r"[()\[\]/…:]+", " ", str(text or "").strip().lower()).split())


def _header_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for name in FIELDS:
        th, en = field_labels(name)
        for alias in (name, th, en):
            names[_norm(alias)] = name
    names[_norm("ที่")] = "doc_number"
    names[_norm("ชั้นความลับ")] = "classification"
    return names


def _choice_words(enum_type: type, prefix: str) -> dict[str, Any]:
    labels = catalogue()
    words: dict[str, Any] = {}
    for member in enum_type:
        th, en = labels.get(prefix + member.value, (member.value, member.value))
        for alias in (member.value, th, en):
            words[_norm(alias)] = member
    return words


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"ไม่พบไฟล์ {path}", f"file {path} not found", field="file")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - an unreadable workbook is one clear message
            raise ValidationError(f"อ่านไฟล์ Excel ไม่ได้ ({type(exc).__name__})",
                                  f"cannot read the Excel file ({type(exc).__name__})", field="file") from None
        try:
            raw = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    elif suffix == ".csv":
        try:
            text = path.read_text("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("ไฟล์ CSV ต้องเข้ารหัส UTF-8", "the CSV file must be UTF-8 encoded",
                                  field="file") from None
        raw = list(csv.reader(io.StringIO(text)))
    else:
        raise ValidationError(f"รองรับเฉพาะไฟล์ .csv และ .xlsx (ได้รับ {path.suffix or 'ไม่มีนามสกุล'})",
                              f"only .csv and .xlsx files are read (got {path.suffix or 'no extension'})",
                              field="file")
    if not raw:
        raise ValidationError("ไฟล์ว่างเปล่า", "the file is empty", field="file")
    headers = [str(cell or "").strip() for cell in raw[0]]
    rows = [(number, cells) for number, cells in enumerate(raw[1:], start=2)
            if any(str(c if c is not None else "").strip() for c in cells)]
    return headers, rows


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return parse_date(text)


def _moment(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(9, 0))
    text = _text(value)
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    match = re.match(r"^(.*?)[ ,]+(\d{1,2})[:.](\d{2})(?:\s*น\.?)?$", text)
    if match:
        return dt.datetime.combine(parse_date(match.group(1)), dt.time(int(match.group(2)), int(match.group(3))))
    return dt.datetime.combine(parse_date(text), dt.time(9, 0))


def _columns(headers: list[str]) -> dict[str, tuple[int, str]]:
    """Which column holds which field; raises ImportRejected for unknown or missing columns."""
    names = _header_names()
    columns: dict[str, tuple[int, str]] = {}
    problems: list[Problem] = []
    for index, header in enumerate(headers):
        name = names.get(_norm(header))
        if name and name not in columns:
            columns[name] = (index, header)
        elif header and name is None:
            problems.append(Problem(1, header, "ไม่รู้จักคอลัมน์นี้", "unknown column"))
    for name in sorted(REQUIRED - set(columns)):
        problems.append(Problem(1, field_labels(name)[0], "ไม่มีคอลัมน์ที่ต้องมี", "a required column is missing"))
    if problems:
        raise ImportRejected(problems)
    return columns


def _cell(name: str, raw: Any, choices: dict[str, dict[str, Any]]) -> Any:
    """The value of one cell for field ``name``; ValueError("choice") or ValueError for what cannot be read."""
    if name in choices:
        text = _norm(raw)
        if not text:
            return _MISSING
        if text not in choices[name]:
            raise ValueError("choice")
        return choices[name][text]
    if name == "classification":
        text = _norm(raw)
        if text not in CLEARANCE_WORDS:
            raise ValueError("choice")
        return Clearance(CLEARANCE_WORDS[text])
    if name == "doc_date":
        return _day(raw)
    if name == "registered_at":
        return _moment(raw)
    if name in ("visit_id", "engagement_id"):
        text = _text(raw)
        return int(text) if text else None
    text = _text(raw)
    if "\x00" in text:  # PostgreSQL refuses it: the bulk path writes what is checked here
        raise ValueError("nul")
    return text


_MISSING = object()


def _check_row(session: Session, number: int, cells: list[Any], columns: dict[str, tuple[int, str]],
               headers: list[str], choices: dict[str, dict[str, Any]], actor: Actor,
               ready: list[CorrespondenceCreate]) -> list[Problem]:
    values: dict[str, Any] = {}
    row_problems: list[Problem] = []
    for name, (index, header) in columns.items():
        raw = cells[index] if index < len(cells) else None
        try:
            value = _cell(name, raw, choices)
        except ValueError as exc:
            if str(exc) == "nul":
                row_problems.append(Problem(number, header, "มีอักขระควบคุม (NUL) ที่บันทึกไม่ได้",
                                            "holds a NUL character, which cannot be stored"))
            elif str(exc) == "choice":
                row_problems.append(Problem(number, header, f"'{_text(raw)}' ไม่อยู่ในตัวเลือกที่กำหนด",
                                            f"'{_text(raw)}' is not one of the allowed choices"))
            else:
                row_problems.append(Problem(number, header, f"'{_text(raw)}' อ่านไม่ได้",
                                            f"'{_text(raw)}' cannot be read"))
            continue
        if value is not _MISSING:
            values[name] = value
    for name in sorted(REQUIRED):
        index, header = columns[name]
        if name not in values and not any(p.column == header for p in row_problems) or values.get(name) == "":
            row_problems.append(Problem(number, header, "ต้องกรอก", "is required"))
    row_problems.sort(key=lambda p: headers.index(p.column) if p.column in headers else 0)
    if not row_problems:
        try:
            ready.append(check_create(session, actor=actor, data=values))
        except WorkbenchError as error:
            column = columns.get(error.field or "", (0, error.field_th or error.field or ""))[1]
            row_problems.append(Problem(number, column, error.th, error.en))
    return row_problems


def check_file(session: Session, *, path: Path, actor: Actor) -> list[CorrespondenceCreate]:
    """Every row checked; raises ImportRejected listing every problem, or returns the rows ready to register."""
    headers, rows = read_rows(path)
    columns = _columns(headers)
    if not rows:
        raise ValidationError("ไม่มีแถวข้อมูลในไฟล์", "the file has no data rows", field="file")
    choices = {name: _choice_words(*spec) for name, spec in CHOICES.items()}
    ready: list[CorrespondenceCreate] = []
    problems: list[Problem] = []
    for number, cells in rows:
        problems.extend(_check_row(session, number, cells, columns, headers, choices, actor, ready))
    if problems:
        raise ImportRejected(problems)
    return ready


def import_register_file(session: Session, *, path: Path, actor: Actor) -> list[CorrespondenceRead]:
    """Register every row of the file, or none of them: in file order, each row taking the next number of its
    register, written through the bulk path (batched inserts, one audit entry per row) in one transaction."""
    require(actor, "correspondence.write")
    ready = check_file(session, path=path, actor=actor)
    with transaction(session, actor=actor):
        return _register_all(session, ready, actor)


def _register_all(session: Session, ready: list[CorrespondenceCreate], actor: Actor) -> list[CorrespondenceRead]:
    """Checked rows stored as ``register_document`` stores each (number, due time, status, search text, the
    assignment step of a row given a work group), each register's numbers of a year taken at once."""
    now = clock.now()
    rows = []
    for checked in ready:
        registered_at = (checked.registered_at or now).replace(microsecond=0)
        routed = bool(checked.assignee_id or checked.work_group)
        rows.append({**checked.model_dump(exclude={"registered_at"}), "year": registered_at.year,
                     "registered_at": registered_at, "due_at": rules.due_at(registered_at, checked.urgency),
                     "status": CorrespondenceStatus.ROUTED if routed else CorrespondenceStatus.REGISTERED,
                     "registered_by_id": getattr(actor, "id", None)})
    wanted = Counter((row["register"], row["year"]) for row in rows)
    numbers = {key: iter(take_numbers(session, register=key[0], year=key[1], count=count))
               for key, count in wanted.items()}
    for row in rows:
        row["number"] = next(numbers[(row["register"], row["year"])])
        row["search_text"] = search_text(row)
    ids = bulk_insert(session, Correspondence, rows)
    bulk_insert(session, RoutingStep, [
        {"correspondence_id": key, "action": RoutingAction.ASSIGN, "by_id": getattr(actor, "id", None),
         "by_name": getattr(actor, "username", ""), "to_user_id": row["assignee_id"], "to_group": row["work_group"],
         "note": "", "at": row["registered_at"]}
        for key, row in zip(ids, rows, strict=True) if row["status"] == CorrespondenceStatus.ROUTED])
    return [CorrespondenceRead.model_validate({**row, "id": key, "display_number": display_number(row["register"],
                                                                                                  row["number"])})
            for key, row in zip(ids, rows, strict=True)]
