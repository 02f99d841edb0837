"""Spreadsheets as a Thai official files them: dates are date cells (sortable) shown with their B.E. year,
percentages are numbers with a percent format, money numbers with two decimals."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.budget_helpers import make_line, officer
from tests.visit_factories import make_engagement, make_visit
from workbench.db import SYSTEM
from workbench.documents import budget_export, calendar_table
from workbench.documents.spreadsheet import to_xlsx
from workbench.services import budget, budget_reports
from workbench.services.calendar import calendar_items


@pytest.fixture(autouse=True)
def _visits_and_engagements_only(monkeypatch):
    """These tests are about visits and engagements: the items other features put on the calendar (such as the
    inter-parliamentary meetings the reference data predicts every month) are tested in their own files."""
    monkeypatch.setattr("workbench.services.calendar.PROVIDERS", [])


NOV15 = dt.date(2025, 11, 15)
BUDDHIST_CALENDAR = "[$-107"  # Excel's locale code with calendar 07, the Thai Buddhist calendar


def sheet_of(payload: bytes):
    return load_workbook(io.BytesIO(payload)).active


def test_dates_are_date_cells_shown_in_buddhist_era():
    columns = [("day", "วันที่"), ("at", "เวลา"), ("text", "ข้อความ")]
    sheet = sheet_of(to_xlsx([{"day": dt.date(2026, 12, 1), "at": dt.datetime(2026, 12, 1, 9, 30), "text": "1/12"}],
                             columns))
    day, moment, text = sheet[2]

    assert day.is_date and day.value.date() == dt.date(2026, 12, 1)
    assert moment.is_date and moment.value == dt.datetime(2026, 12, 1, 9, 30)
    assert day.number_format.startswith(BUDDHIST_CALENDAR) and "yyyy" in day.number_format
    assert moment.number_format.startswith(BUDDHIST_CALENDAR) and "hh:mm" in moment.number_format
    assert text.data_type == "s" and text.value == "1/12"


def test_the_calendar_export_has_date_columns(session):
    make_visit(session, title_th="เยือน")
    make_engagement(session, title_th="คารวะ")
    items = calendar_items(session, actor=SYSTEM, first=dt.date(2026, 12, 1), last=dt.date(2026, 12, 31))
    sheet = sheet_of(to_xlsx(calendar_table.rows(items, "th", typed=True), calendar_table.columns("th")))
    start, end = calendar_table.COLUMN_KEYS.index("start"), calendar_table.COLUMN_KEYS.index("end")
    rows = list(sheet.iter_rows(min_row=2))

    assert len(rows) == 2
    assert all(row[start].is_date and row[end].is_date for row in rows)
    assert all(row[start].number_format.startswith(BUDDHIST_CALENDAR) for row in rows)
    call = next(row for row in rows if row[3].value == "คารวะ")
    assert call[start].value == dt.datetime(2026, 12, 2, 10, 0)


def test_budget_percentages_are_numbers_with_a_percent_format_and_money_has_two_decimals(session):
    actor = officer(session)
    line = make_line(session, actor, allocated="1000.00", allot="1000.00", code="X1", name_th="ค่ารับรอง")
    budget.disburse(session, actor=actor, data={"line_id": line.id, "entry_date": NOV15, "amount": "250.00"})
    summary = budget_reports.year_summary(session, fiscal_year=2569, actor=actor, today=NOV15)
    sheet = sheet_of(budget_export.summary_xlsx(summary, lang="th"))
    rows = [row for row in sheet.iter_rows(min_row=4) if row[0].value == "X1"]
    [row] = rows
    percent_cell, allocated = row[-1], row[4]

    assert isinstance(percent_cell.value, (int, float, Decimal)) and percent_cell.number_format == "0.00%"
    assert Decimal(str(percent_cell.value)) == Decimal("0.25")
    assert float(allocated.value) == 1000.0 and allocated.number_format == "#,##0.00"


def test_the_correspondence_register_has_date_columns(session):
    from tests.correspondence_factories import clerk, letter
    from workbench.documents.correspondence_register import render_xlsx
    from workbench.services import correspondence as corr

    officer = clerk(session)
    corr.register_document(session, actor=officer, data=letter(
        doc_date=dt.date(2026, 3, 1), registered_at=dt.datetime(2026, 3, 2, 10, 15)))
    page = corr.register_page(session, actor=officer, register="incoming", year=2026)
    sheet = sheet_of(render_xlsx(page, register="incoming"))
    headers = [cell.value for cell in sheet[1]]
    row = sheet[2]
    registered, dated = row[headers.index("วันที่รับ")], row[headers.index("ลงวันที่")]

    assert registered.is_date and registered.value == dt.datetime(2026, 3, 2, 10, 15)
    assert dated.is_date and dated.value.date() == dt.date(2026, 3, 1)
    assert registered.number_format.startswith(BUDDHIST_CALENDAR) and "hh:mm" in registered.number_format
    assert dated.number_format.startswith(BUDDHIST_CALENDAR)
