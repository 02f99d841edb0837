"""A fiscal year's per-line figures as rows, CSV, JSON-able records or an XLSX workbook (openpyxl)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from workbench.i18n import t
from workbench.services.budget_reports import YearSummary, percent
from workbench.thai import format_date

COLUMNS = ["code", "name", "category", "expense_type", "allocated", "allotted", "committed", "disbursed",
           "available", "disbursed_percent"]
MONEY_COLUMNS = {"allocated", "allotted", "committed", "disbursed", "available"}


def summary_rows(summary: YearSummary, *, lang: str | None = None) -> list[dict[str, Any]]:
    """One row per line, then a totals row (code "TOTAL"); amounts stay Decimal."""
    rows = []
    for f in summary.lines:
        name = f.line.name_th if (lang or "th") == "th" or not f.line.name_en else f.line.name_en
        rows.append({"code": f.line.code, "name": name,
                     "category": t(f"budget.category.{f.line.category}", lang),
                     "expense_type": t(f"budget.expense.{f.line.expense_type}", lang),
                     "allocated": f.allocated, "allotted": f.allotted, "committed": f.committed,
                     "disbursed": f.disbursed, "available": f.available,
                     "disbursed_percent": percent(f.disbursed, f.allocated)})
    s = summary.totals
    rows.append({"code": "TOTAL", "name": t("budget.total", lang), "category": "", "expense_type": "",
                 "allocated": s.allocated, "allotted": s.allotted, "committed": s.committed, "disbursed": s.disbursed,
                 "available": s.available, "disbursed_percent": percent(s.disbursed, s.allocated)})
    return rows


def headers(lang: str | None = None) -> list[str]:
    return [t(f"budget.col.{column}", lang) for column in COLUMNS]


def summary_csv(summary: YearSummary) -> str:
    """Machine-readable CSV: English column keys, plain decimal amounts."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in summary_rows(summary, lang="en"):
        writer.writerow({k: str(v) if isinstance(v, Decimal) else v for k, v in row.items()})
    return out.getvalue()


def summary_xlsx(summary: YearSummary, *, lang: str | None = None) -> bytes:
    """A workbook with one sheet: title, as-of date (B.E.), column headers in the interface language, the lines
    and the totals; amounts as numbers formatted #,##0.00."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"FY{summary.fiscal_year}"
    sheet.append([t("budget.export_title", lang, year=summary.fiscal_year)])
    sheet.append([t("budget.as_of", lang, date=format_date(summary.on))])
    sheet.append(headers(lang))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in summary_rows(summary, lang=lang):
        sheet.append([row[column] for column in COLUMNS])
        for index, column in enumerate(COLUMNS, start=1):
            if column in MONEY_COLUMNS:
                sheet.cell(row=sheet.max_row, column=index).number_format = "#,##0.00"
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["B"].width = 48
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
