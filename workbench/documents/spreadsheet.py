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


def _cell(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, (str, int, float, Decimal, dt.date, dt.datetime)):
        return value
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _safe_text(value: Any) -> Any:
    """Text that a spreadsheet would take for a formula (=, +, -, @) is prefixed with ' (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def to_xlsx(rows: Iterable[dict[str, Any]], columns: Sequence[Column], *, sheet: str = "Sheet1") -> bytes:
    """An XLSX workbook with one sheet: bold headers, frozen header row, sensible column widths."""
    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    ws.append([header for _, header in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True, name="Sarabun")
    widths = [len(header) for _, header in columns]
    for row in rows:
        values = [_safe_text(_cell(row.get(key))) for key, _ in columns]
        ws.append(values)
        widths = [max(w, min(60, len(str(v)) if v is not None else 0)) for w, v in zip(widths, values, strict=True)]
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width + 2
    ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[Column]) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel opens Thai text correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([header for _, header in columns])
    for row in rows:
        writer.writerow([_safe_text(_cell(row.get(key))) for key, _ in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
