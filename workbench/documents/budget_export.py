"""A fiscal year's per-line figures as rows, CSV, JSON-able records or an XLSX workbook, all written by
``documents/spreadsheet.py`` (the one writer of CSV and XLSX, which keeps user text from becoming a formula)."""

from __future__ import annotations

from typing import Any

from workbench.documents import spreadsheet
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
    """Machine-readable CSV: English column keys, plain decimal amounts; line names guarded against formulas."""
    return spreadsheet.csv_text(summary_rows(summary, lang="en"), [(c, c) for c in COLUMNS], lineterminator="\n")


def summary_xlsx(summary: YearSummary, *, lang: str | None = None) -> bytes:
    """A workbook with one sheet: title, as-of date (B.E.), column headers in the interface language, the lines
    and the totals; amounts as numbers formatted #,##0.00; names always text, never formulas."""
    return spreadsheet.to_xlsx(
        summary_rows(summary, lang=lang), list(zip(COLUMNS, headers(lang), strict=True)),
        sheet=f"FY{summary.fiscal_year}",
        title_rows=[t("budget.export_title", lang, year=summary.fiscal_year),
                    t("budget.as_of", lang, date=format_date(summary.on))],
        number_formats=dict.fromkeys(MONEY_COLUMNS, "#,##0.00"), bold_last_row=True, widths={"name": 48},
        percent_columns=["disbursed_percent"])
