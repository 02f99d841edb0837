"""Import of an IPU Parline export that a user supplies (CSV or XLSX): all of it, or nothing.

Parline's data is public but its licence may be non-commercial, so the workbench ships none of it: a user
exports what they need from Parline and imports the file. Exports differ by page and year, so columns are found
by name (case, punctuation and order do not matter; see ``COLUMNS``). Each row is one chamber of one country as of
a date; it becomes a dated snapshot of that chamber (earlier snapshots stay). The whole file is checked first; the
first problem is reported with its row number and column name and nothing is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from workbench.bulk import bulk_insert
from workbench.db import transaction
from workbench.errors import ValidationError
from workbench.models.briefing import (
    ChamberSnapshot,
    ChamberSnapshotCreate,
    ChamberType,
    Designation,
    Origin,
    Structure,
)
from workbench.models.countries import Country
from workbench.services import countries
from workbench.services.access import Actor, require
from workbench.thai import parse_date

# field -> the column names (normalised: lower case, letters and digits, "%" read as "percent") that carry it
COLUMNS: dict[str, tuple[str, ...]] = {
    "iso": ("iso code", "iso", "iso2", "iso3", "iso alpha 2", "iso alpha 3", "country code", "country iso code"),
    "country": ("country", "country name", "country territory"),
    "parliament": ("parliament", "parliament name", "name of parliament", "parliament official name"),
    "structure": ("structure", "structure of parliament", "parliament structure", "structure of the parliament"),
    "chamber_type": ("chamber type", "type of chamber", "chamber level"),
    "chamber": ("chamber", "chamber name", "name of chamber", "house", "chamber official name"),
    "statutory_seats": ("statutory number of members", "statutory members", "statutory seats",
                        "statutory number of seats", "number of seats statutory"),
    "current_members": ("current number of members", "current members", "members", "seats", "number of members",
                        "current number of seats"),
    "women_members": ("women", "number of women", "current number of women", "women members", "seats held by women"),
    "women_pct": ("percentage of women", "women percent", "percent women", "percent of women", "women percentage",
                  "share of women", "percent women in parliament"),
    "electoral_system": ("electoral system", "type of electoral system", "electoral system type",
                         "voting system"),
    "designation": ("members designation", "mode of designation", "designation", "members designation mode",
                    "mode of designation of members"),
    "term_years": ("term", "term years", "parliamentary term", "parliamentary term years", "term of office",
                   "term of office years", "term in years", "mandate years"),
    "speaker": ("speaker", "president", "presiding officer", "speaker name", "name of speaker"),
    "last_election": ("last election", "last elections", "date of last election", "date of last elections",
                      "last election date", "last renewal", "date of last renewal"),
    "next_election": ("next election", "next elections", "expected date of next elections",
                      "expected date of next election", "next election date", "date of next election"),
    "as_of": ("as of", "data as of", "date", "date from", "as of date", "data date", "last updated", "updated on",
              "reference date"),
    "notes": ("notes", "note", "comments", "remarks"),
}
ALIASES = {alias: name for name, aliases in COLUMNS.items() for alias in aliases}

CHAMBER_WORDS = {
    ChamberType.UPPER: ("upper", "upper chamber", "upper house", "senate", "สภาสูง", "วุฒิสภา"),
    ChamberType.LOWER: ("lower", "lower chamber", "lower house", "สภาล่าง", "สภาผู้แทนราษฎร"),
    ChamberType.UNICAMERAL: ("unicameral", "single chamber", "single house", "unicameral parliament", "สภาเดียว"),
}
STRUCTURE_WORDS = {
    Structure.UNICAMERAL: ("unicameral", "single chamber", "สภาเดียว", "ระบบสภาเดียว"),
    Structure.BICAMERAL: ("bicameral", "two chambers", "สองสภา", "ระบบสองสภา"),
}
DESIGNATION_WORDS = {
    Designation.ELECTED: ("elected", "directly elected", "direct election", "direct elections", "เลือกตั้ง",
                          "เลือกตั้งโดยตรง"),
    Designation.INDIRECTLY_ELECTED: ("indirectly elected", "indirect election", "indirect elections",
                                     "เลือกตั้งทางอ้อม"),
    Designation.APPOINTED: ("appointed", "appointment", "แต่งตั้ง"),
    Designation.SELECTED: ("selected", "selection", "เลือกกันเอง", "คัดเลือก"),
    Designation.MIXED: ("mixed", "elected and appointed", "directly and indirectly elected", "partly elected",
                        "elected appointed", "ผสม"),
}
def normalise_header(text: Any) -> str:
    text = str(text or "").replace("%", " percent ").lower()
    text = re.sub(r"[^0-9a-z\u0e00-\u0e7f]+", " ", text)
    return " ".join(text.split())


def _word(text: Any) -> str:
    return " ".join(re.sub(r"[^0-9a-z\u0e00-\u0e7f]+", " ", str(text or "").lower()).split())


@dataclass
class ImportReport:
    rows: int = 0
    parliaments_created: int = 0
    chambers_created: int = 0
    snapshots_added: int = 0
    unchanged: int = 0
    countries: list[str] = field(default_factory=list)


class ParlineError(ValidationError):
    """A problem in the supplied file: names the row (as numbered in the file) and the column."""

    def __init__(self, row: int | None, column: str | None, th: str, en: str) -> None:
        where_th = " ".join(part for part in (f"แถวที่ {row}" if row else "", f"คอลัมน์ '{column}'" if column else "")
                            if part)
        where_en = ", ".join(part for part in (f"row {row}" if row else "", f"column '{column}'" if column else "")
                             if part)
        self.row, self.column = row, column
        super().__init__(f"{where_th}: {th}" if where_th else th, f"{where_en}: {en}" if where_en else en,
                         field="file", field_th="ไฟล์ Parline", field_en="Parline file")


# --- Reading the file ----------------------------------------------------------------------------------

def read_table(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """Header and data rows (with their row numbers in the file) of a CSV or XLSX file. The header is the first
    row, among the first ten, that names a country column; rows above it (titles) are skipped."""
    path = Path(path)
    if not path.is_file():
        raise ParlineError(None, None, f"ไม่พบไฟล์ {path}", f"file {path} not found")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw = _read_xlsx(path)
    elif suffix in (".csv", ".txt"):
        raw = _read_csv(path)
    else:
        raise ParlineError(None, None, f"รองรับเฉพาะไฟล์ .csv และ .xlsx (ได้รับ {path.suffix or 'ไม่มีนามสกุล'})",
                           f"only .csv and .xlsx files are read (got {path.suffix or 'no extension'})")
    for index, row in enumerate(raw[:10]):
        names = {ALIASES.get(normalise_header(cell)) for cell in row}
        if names & {"iso", "country"}:
            headers = [str(cell or "").strip() for cell in row]
            data = [(number, cells) for number, cells in enumerate(raw[index + 1:], start=index + 2)
                    if any(str(c or "").strip() for c in cells)]
            return headers, data
    raise ParlineError(1, None, "ไม่พบแถวหัวตารางที่มีคอลัมน์ประเทศ (Country หรือ ISO code)",
                       "no header row with a country column (Country or ISO code) in the first ten rows")


def _read_csv(path: Path) -> list[list[str]]:
    try:
        text = path.read_text("utf-8-sig")
    except UnicodeDecodeError:
        raise ParlineError(None, None, "ไฟล์ CSV ต้องเข้ารหัส UTF-8", "the CSV file must be UTF-8 encoded") from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is one clear message
        raise ParlineError(None, None, f"อ่านไฟล์ Excel ไม่ได้ ({type(exc).__name__})",
                           f"cannot read the Excel file ({type(exc).__name__})") from None
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


# --- Checking values -----------------------------------------------------------------------------------

def _int(value: Any, row: int, column: str) -> int | None:
    if value is None or str(value).strip() in ("", "-", "–", "n/a", "N/A"):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value or value in (float("inf"), float("-inf")) or float(value) != int(value) or value < 0 \
                or value > 2**31 - 1:
            raise ParlineError(row, column, f"'{value}' ไม่ใช่จำนวนเต็มบวก", f"'{value}' is not a whole number >= 0")
        return int(value)
    text = str(value).strip().replace(",", "").replace(" ", "")
    if not re.fullmatch(r"[0-9]{1,9}", text):  # ASCII digits only: "²" or "๓" is not a seat count
        raise ParlineError(row, column, f"'{value}' ไม่ใช่จำนวนเต็ม", f"'{value}' is not a whole number")
    return int(text)


def _percent(value: Any, row: int, column: str) -> Decimal | None:
    if value is None or str(value).strip() in ("", "-", "–", "n/a", "N/A"):
        return None
    text = str(value).strip().rstrip("%").strip().replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ParlineError(row, column, f"'{value}' ไม่ใช่ตัวเลขร้อยละ", f"'{value}' is not a percentage") from None
    if not (0 <= number <= 100):
        raise ParlineError(row, column, f"'{value}' ต้องอยู่ระหว่าง 0 ถึง 100", f"'{value}' must be between 0 and 100")
    return number.quantize(Decimal("0.01"))


def parse_day(value: Any, row: int | None, column: str | None) -> dt.date | None:
    """A cell's date (see ``thai.parse_date`` with ``foreign=True``: ISO, day/month/year in C.E. or B.E.,
    "14 May 2023", "May 14, 2023", Thai forms); an empty cell or a dash is no date."""
    if value is None or str(value).strip() in ("", "-", "–", "n/a", "N/A"):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value).strip(), foreign=True)
    except ValueError:
        raise ParlineError(row, column, f"'{value}' ไม่ใช่วันที่ (ใช้รูปแบบ 2023-05-14 หรือ 14/05/2023)",
                           f"'{value}' is not a date (use 2023-05-14 or 14/05/2023)") from None


def _choice(words: dict[Any, tuple[str, ...]], value: Any, row: int, column: str) -> Any:
    if value is None or not str(value).strip():
        return None
    key = _word(value)
    for choice, spellings in words.items():
        if key in spellings or key == str(choice):
            return choice
    allowed = ", ".join(spellings[0] for spellings in words.values())
    raise ParlineError(row, column, f"ไม่รู้จักค่า '{value}' (ใช้ได้: {allowed})",
                       f"unknown value '{value}' (allowed: {allowed})")


# --- Import --------------------------------------------------------------------------------------------

@dataclass
class _Row:
    number: int
    country: Country
    structure: Structure
    chamber_type: ChamberType
    parliament_name: str
    chamber_name: str
    snapshot: dict[str, Any]


def _columns(headers: list[str]) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for index, header in enumerate(headers):
        name = ALIASES.get(normalise_header(header))
        if name and name not in found:
            found[name] = (index, header)
    return found


class _Cells:
    """One row's cells, read by column name: ``cells("iso")`` is (stripped value or None, the file's header)."""

    def __init__(self, columns: dict[str, tuple[int, str]], cells: list[Any]) -> None:
        self.columns, self.cells = columns, cells

    def __call__(self, name: str) -> tuple[Any, str]:
        if name not in self.columns:
            return None, name
        index, header = self.columns[name]
        value = self.cells[index] if index < len(self.cells) else None
        return (value.strip() if isinstance(value, str) else value), header


def _check_headers(columns: dict[str, tuple[int, str]], as_of: dt.date | None) -> None:
    if "iso" not in columns and "country" not in columns:
        raise ParlineError(1, None, "ไม่มีคอลัมน์ประเทศ (Country หรือ ISO code)", "no country column (Country or ISO code)")
    if "chamber_type" not in columns and "structure" not in columns and "chamber" not in columns:
        raise ParlineError(1, None, "ไม่มีคอลัมน์ประเภทสภา (Chamber type) หรือโครงสร้างรัฐสภา (Structure)",
                           "no chamber type (Chamber type) or structure (Structure) column")
    if "as_of" not in columns and as_of is None:
        raise ParlineError(1, None, "ไฟล์ไม่มีคอลัมน์วันที่ของข้อมูล (As of / Date) ให้ระบุ --as-of",
                           "the file has no date column (As of / Date): give --as-of")


def _row_country(session: Session, cell: _Cells, lookup: dict[str, Country], number: int) -> Country:
    for name in ("iso", "country"):
        value, header = cell(name)
        if value:
            country = countries.find_country(session, value, index=lookup)
            if country is None:
                raise ParlineError(number, header, f"ไม่รู้จักประเทศ '{value}'", f"unknown country '{value}'")
            return country
    header = cell.columns.get("iso", cell.columns.get("country"))[1]
    raise ParlineError(number, header, "ไม่ได้ระบุประเทศ", "no country given")


def _row_chamber(cell: _Cells, number: int) -> tuple[Structure, ChamberType]:
    columns = cell.columns
    structure_value, structure_header = cell("structure")
    structure = _choice(STRUCTURE_WORDS, structure_value, number, structure_header)
    type_value, type_header = cell("chamber_type")
    chamber_type = _choice(CHAMBER_WORDS, type_value, number, type_header)
    if chamber_type is None:
        name_value, _ = cell("chamber")
        chamber_type = ChamberType.UNICAMERAL if structure == Structure.UNICAMERAL else None
        for choice, spellings in CHAMBER_WORDS.items():
            if chamber_type is None and _word(name_value) in spellings:
                chamber_type = choice
        if chamber_type is None:
            raise ParlineError(number, type_header if "chamber_type" in columns else None,
                               "ไม่ทราบว่าเป็นสภาสูง สภาล่าง หรือสภาเดียว",
                               "cannot tell whether this is an upper, lower or unicameral chamber")
    if structure is None:
        structure = Structure.UNICAMERAL if chamber_type == ChamberType.UNICAMERAL else Structure.BICAMERAL
    if (structure == Structure.UNICAMERAL) != (chamber_type == ChamberType.UNICAMERAL):
        raise ParlineError(number, type_header if "chamber_type" in columns else structure_header,
                           "ประเภทสภาไม่สอดคล้องกับโครงสร้างรัฐสภา", "the chamber type contradicts the structure")
    return structure, chamber_type


def _row_values(cell: _Cells, number: int, *, as_of: dt.date | None, source: str) -> dict[str, Any]:
    columns = cell.columns
    day_value, day_header = cell("as_of")
    day = parse_day(day_value, number, day_header) or as_of
    if day is None:
        raise ParlineError(number, day_header, "ไม่มีวันที่ของข้อมูล", "no date for this row's data")
    values: dict[str, Any] = {"as_of": day, "source": source}
    for name in ("statutory_seats", "current_members", "women_members", "term_years"):
        value, header = cell(name)
        values[name] = _int(value, number, header)
    value, header = cell("women_pct")
    values["women_pct"] = _percent(value, number, header)
    value, header = cell("designation")
    values["designation"] = _choice(DESIGNATION_WORDS, value, number, header)
    value, header = cell("last_election")
    values["last_election"] = parse_day(value, number, header)
    value, header = cell("next_election")
    try:
        next_day = parse_day(value, number, header)
    except ParlineError:
        next_day = None
    values["next_election"] = next_day.isoformat() if next_day else str(value or "").strip()[:60]
    for name, limit in (("electoral_system", 300), ("speaker", 200), ("notes", 500)):
        value, header = cell(name)
        text = str(value or "").strip()
        if len(text) > limit:
            raise ParlineError(number, header, f"ยาวเกิน {limit} ตัวอักษร", f"longer than {limit} characters")
        values["note" if name == "notes" else name] = text
    for name, (low, high) in (("term_years", (0, 99)),):
        if values[name] is not None and not (low <= values[name] <= high):
            raise ParlineError(number, columns[name][1], f"ต้องอยู่ระหว่าง {low} ถึง {high}",
                               f"must be between {low} and {high}")
    try:
        countries.check_snapshot(ChamberSnapshotCreate(chamber_id=0, **values))
    except ValidationError as exc:
        column = columns.get(exc.field, (0, exc.field))[1] if exc.field else None
        raise ParlineError(number, column, exc.th, exc.en) from None
    return values


def check_rows(session: Session, headers: list[str], rows: list[tuple[int, list[Any]]], *,
               as_of: dt.date | None, source: str) -> list[_Row]:
    """Every row checked and turned into what will be written; the first problem raises ParlineError."""
    columns = _columns(headers)
    _check_headers(columns, as_of)
    lookup = countries.country_index(session)
    checked: list[_Row] = []
    seen: dict[tuple[int, ChamberType, dt.date], int] = {}
    for number, cells in rows:
        cell = _Cells(columns, cells)
        country = _row_country(session, cell, lookup, number)
        structure, chamber_type = _row_chamber(cell, number)
        values = _row_values(cell, number, as_of=as_of, source=source)
        key = (country.id, chamber_type, values["as_of"])
        if key in seen:
            raise ParlineError(number, None, f"ซ้ำกับแถวที่ {seen[key]} (ประเทศ สภา และวันที่เดียวกัน)",
                               f"repeats row {seen[key]} (same country, chamber and date)")
        seen[key] = number
        parliament_name, _ = cell("parliament")
        chamber_name, _ = cell("chamber")
        checked.append(_Row(number=number, country=country, structure=structure, chamber_type=chamber_type,
                            parliament_name=str(parliament_name or ""), chamber_name=str(chamber_name or ""),
                            snapshot=values))
    if not checked:
        raise ParlineError(None, None, "ไฟล์ไม่มีข้อมูล", "the file holds no data rows")
    return checked


def import_parline_file(session: Session, *, path: Path, actor: Actor, as_of: dt.date | None = None,
                        source: str | None = None) -> ImportReport:
    """Load a Parline export into parliaments, chambers and dated chamber snapshots, in one transaction."""
    require(actor, "briefing.write")
    headers, rows = read_table(Path(path))
    source = (source or f"IPU Parline export ({Path(path).name})").strip()[:300]
    checked = check_rows(session, headers, rows, as_of=as_of, source=source)
    report = ImportReport(rows=len(checked))
    snapshots: list[dict[str, Any]] = []
    with transaction(session, actor=actor):
        for row in checked:
            existed = countries.parliament_exists(session, row.country.id)
            parliament = countries.ensure_parliament(
                session, country_id=row.country.id, structure=row.structure, name_en=row.parliament_name,
                source=source, as_of=row.snapshot["as_of"])
            report.parliaments_created += 0 if existed else 1
            had_chamber = countries.chamber_exists(session, parliament.id, row.chamber_type)
            chamber = countries.ensure_chamber(session, parliament_id=parliament.id, chamber_type=row.chamber_type,
                                               name_en=row.chamber_name)
            report.chambers_created += 0 if had_chamber else 1
            if _same_snapshot_exists(session, chamber.id, row.snapshot):
                report.unchanged += 1
                continue
            snapshots.append({"chamber_id": chamber.id, "origin": Origin.IMPORT,
                              "entered_by_id": getattr(actor, "id", None), **row.snapshot})
            report.snapshots_added += 1
            if row.country.iso2 not in report.countries:
                report.countries.append(row.country.iso2)
        bulk_insert(session, ChamberSnapshot, snapshots)  # a file holds each (chamber, date) once: checked above
    return report


def _same_snapshot_exists(session: Session, chamber_id: int, values: dict[str, Any]) -> bool:
    existing = session.exec(select(ChamberSnapshot).where(ChamberSnapshot.chamber_id == chamber_id,
                                                          ChamberSnapshot.as_of == values["as_of"])).all()
    return any(all(getattr(snapshot, key) == value for key, value in values.items()) for snapshot in existing)
