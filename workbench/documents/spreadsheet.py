"""Spreadsheet exports (XLSX and CSV) of any list, with Thai headers, the way staff already work."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

Column = tuple[str, str]  # (key in each row, header shown)
# Date cells stay dates (sortable, filterable) and show their B.E. year: Excel's calendar code 07 (Thai Buddhist)
BE_DATE_FORMAT = "[$-107041E]d mmm yyyy;@"
BE_DATETIME_FORMAT = "[$-107041E]d mmm yyyy hh:mm;@"
PERCENT_FORMAT = "0.00%"


def _cell(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, (str, int, float, Decimal, dt.date, dt.datetime)):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: Any) -> Any:
    """Text that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a carriage return)
    is prefixed with ' so it stays text (CSV/formula injection). Numbers and dates are left as they are, so
    they stay typed cells (a negative amount is a number, not text)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


_safe_text = safe_text  # the name older callers used


def _values(row: dict[str, Any], columns: Sequence[Column]) -> list[Any]:
    return [safe_text(_cell(row.get(key))) for key, _ in columns]


def to_xlsx(rows: Iterable[dict[str, Any]], columns: Sequence[Column], *, sheet: str = "Sheet1",
            title_rows: Sequence[str] = (), number_formats: dict[str, str] | None = None,
            bold_last_row: bool = False, widths: dict[str, int] | None = None,
            percent_columns: Iterable[str] = ()) -> bytes:
    """An XLSX workbook with one sheet: optional title lines, bold headers, frozen header row, sensible column
    widths. Every text cell is written as text (never a formula); ``number_formats`` maps a column key to an
    Excel number format (e.g. ``#,##0.00``) for its numeric cells. Dates are date cells shown with their B.E.
    year; a column in ``percent_columns`` holds percentages (12.5 for 12.5 %), written as numbers (0.125) with a
    percent format.

    This module is the only place the workbench writes XLSX or CSV (a test checks it)."""
    number_formats = number_formats or {}
    percents = set(percent_columns)
    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    for line in title_rows:
        ws.append([safe_text(line)])
        _as_text(ws.cell(row=ws.max_row, column=1))
    ws.append([safe_text(header) for _, header in columns])
    header_row = ws.max_row
    for cell in ws[header_row]:
        _as_text(cell)
        cell.font = Font(bold=True, name="Sarabun")
    lengths = [len(header) for _, header in columns]
    for row in rows:
        values = _values(row, columns)
        ws.append(values)
        for index, ((key, _), value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = ws.cell(row=ws.max_row, column=index)
            if isinstance(value, str):
                _as_text(cell)
            elif key in percents and isinstance(value, (int, float, Decimal)):
                cell.value = value / 100
                cell.number_format = PERCENT_FORMAT
            elif key in number_formats and isinstance(value, (int, float, Decimal)):
                cell.number_format = number_formats[key]
            elif isinstance(value, dt.datetime):
                cell.number_format = number_formats.get(key, BE_DATETIME_FORMAT)
            elif isinstance(value, dt.date):
                cell.number_format = number_formats.get(key, BE_DATE_FORMAT)
        lengths = [max(w, min(60, len(str(v)) if v is not None else 0)) for w, v in zip(lengths, values, strict=True)]
    if bold_last_row and ws.max_row > header_row:
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True, name="Sarabun")
    for index, ((key, _), width) in enumerate(zip(columns, lengths, strict=True), start=1):
        ws.column_dimensions[get_column_letter(index)].width = (widths or {}).get(key, width + 2)
    ws.freeze_panes = f"A{header_row + 1}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _as_text(cell: Any) -> None:
    """Keep a cell's value a string whatever it looks like (openpyxl would otherwise store '=…' as a formula)."""
    if isinstance(cell.value, str):
        cell.data_type = "s"


def csv_text(rows: Iterable[dict[str, Any]], columns: Sequence[Column], *, lineterminator: str = "\r\n") -> str:
    """CSV as text: a header row, then one row per record, with user text guarded against formulas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=lineterminator)
    writer.writerow([safe_text(header) for _, header in columns])
    for row in rows:
        writer.writerow(_values(row, columns))
    return buffer.getvalue()


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[Column]) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel opens Thai text correctly."""
    return ("\ufeff" + csv_text(rows, columns)).encode("utf-8")


def frame_to_xlsx(frame: Any, path: Any, *, sheet: str = "Sheet1") -> None:
    """A pandas DataFrame written as an XLSX file through ``to_xlsx`` (for notebooks)."""
    from pathlib import Path

    columns = [(str(c), str(c)) for c in frame.columns]
    Path(path).write_bytes(to_xlsx(_frame_rows(frame), columns, sheet=sheet))


def frame_to_csv(frame: Any, path: Any) -> None:
    """A pandas DataFrame written as a UTF-8 CSV file (with BOM) through ``to_csv`` (for notebooks)."""
    from pathlib import Path

    columns = [(str(c), str(c)) for c in frame.columns]
    Path(path).write_bytes(to_csv(_frame_rows(frame), columns))


def _frame_rows(frame: Any) -> list[dict[str, Any]]:
    rows = []
    for record in frame.to_dict(orient="records"):
        rows.append({str(k): (None if _is_missing(v) else _plain(v)) for k, v in record.items()})
    return rows


def _plain(value: Any) -> Any:
    item = getattr(value, "item", None)  # numpy scalars -> Python numbers
    return item() if callable(item) and not isinstance(value, (str, bytes)) else value


def _is_missing(value: Any) -> bool:
    try:
        return value != value  # NaN
    except Exception:  # noqa: BLE001 - anything that cannot be compared is a value
        return False
