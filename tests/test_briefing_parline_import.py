"""`workbench import parline`: a user-supplied Parline export (CSV or XLSX) is loaded all-or-nothing; a bad file is
refused with a message naming the row and the column."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sqlmodel import func, select

from tests.briefing_factories import analyst, country, viewer
from workbench.errors import PermissionDenied
from workbench.models.briefing import ChamberSnapshot, ChamberType, Designation, Structure
from workbench.services import countries
from workbench.services.parline import ParlineError, import_parline_file

HEADER = ("ISO Code,Country,Structure,Chamber type,Chamber,Statutory number of members,Current number of members,"
          "Percentage of women,Members' designation,Term (years),Speaker,Last election,As of")
ROWS = [
    "JP,Japan,Bicameral,Lower chamber,House of Representatives,465,465,15.7,Directly elected,4,Speaker A,"
    "2024-10-27,2026-10-01",
    "JP,Japan,Bicameral,Upper chamber,House of Councillors,248,247,29.1,Directly elected,6,Speaker B,"
    "2025-07-20,2026-10-01",
    "SG,Singapore,Unicameral,Unicameral,Parliament,,108,32.4,Mixed,5,Speaker C,03/05/2025,2026-10-01",
]


def write_csv(tmp_path, lines, name="parline.csv"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def snapshots(session):
    return session.exec(select(func.count()).select_from(ChamberSnapshot)).one()


def test_a_good_csv_creates_parliaments_chambers_and_dated_snapshots(session, tmp_path):
    report = import_parline_file(session, path=write_csv(tmp_path, [HEADER, *ROWS]), actor=analyst(session))

    assert (report.rows, report.parliaments_created, report.chambers_created, report.snapshots_added) == (3, 2, 3, 3)
    japan = countries.parliament_of(session, country_id=country(session, "JP").id, actor=viewer(session))
    assert japan.parliament.structure == Structure.BICAMERAL
    lower, upper = japan.chambers
    assert (lower.chamber.chamber_type, lower.latest.statutory_seats, lower.latest.women_pct) == (
        ChamberType.LOWER, 465, Decimal("15.70"))
    assert (upper.latest.term_years, upper.latest.last_election) == (6, dt.date(2025, 7, 20))
    assert upper.latest.source == "IPU Parline export (parline.csv)"
    singapore = countries.parliament_of(session, country_id=country(session, "SG").id, actor=viewer(session))
    assert singapore.chambers[0].latest.designation == Designation.MIXED
    assert singapore.chambers[0].latest.last_election == dt.date(2025, 5, 3)


def test_an_xlsx_export_with_a_title_row_is_read_too(session, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Parline export: women in parliament"])
    sheet.append(["Country", "Chamber type", "Percentage of women", "Current number of members", "Date"])
    sheet.append(["Japan", "Lower chamber", 15.7, 465, dt.datetime(2026, 10, 1)])
    path = tmp_path / "parline.xlsx"
    book.save(path)

    report = import_parline_file(session, path=path, actor=analyst(session))

    assert report.snapshots_added == 1
    japan = countries.parliament_of(session, country_id=country(session, "JP").id, actor=viewer(session))
    assert japan.chambers[0].latest.as_of == dt.date(2026, 10, 1)


def test_importing_the_same_file_again_adds_nothing(session, tmp_path):
    path = write_csv(tmp_path, [HEADER, *ROWS])
    import_parline_file(session, path=path, actor=analyst(session))
    before = snapshots(session)

    report = import_parline_file(session, path=path, actor=analyst(session))

    assert (report.snapshots_added, report.unchanged) == (0, 3)
    assert snapshots(session) == before


@pytest.mark.parametrize("bad_row,row,column,words", [
    ("JP,Japan,Bicameral,Lower chamber,HoR,465,465,lots,Directly elected,4,A,2024-10-27,2026-10-01",
     3, "Percentage of women", "not a percentage"),
    ("XX,Narnia,Bicameral,Lower chamber,HoR,465,465,10,Directly elected,4,A,2024-10-27,2026-10-01",
     3, "ISO Code", "unknown country"),
    ("JP,Japan,Bicameral,Middle chamber,HoR,465,465,10,Directly elected,4,A,2024-10-27,2026-10-01",
     3, "Chamber type", "unknown value"),
    ("JP,Japan,Bicameral,Lower chamber,HoR,465,470,10,Directly elected,4,A,2024-10-27,2026-10-01",
     3, "Current number of members", "more than the statutory"),
    ("JP,Japan,Bicameral,Lower chamber,HoR,465,465,10,Directly elected,4,A,yesterday,2026-10-01",
     3, "Last election", "not a date"),
    ("JP,Japan,Bicameral,Lower chamber,HoR,465,465,10,Elected by lot,4,A,2024-10-27,2026-10-01",
     3, "Members' designation", "unknown value"),
])
def test_a_bad_value_names_row_and_column_and_nothing_is_written(session, tmp_path, bad_row, row, column, words):
    path = write_csv(tmp_path, [HEADER, ROWS[2], bad_row])
    before = snapshots(session)

    with pytest.raises(ParlineError) as error:
        import_parline_file(session, path=path, actor=analyst(session))

    assert (error.value.row, error.value.column) == (row, column)
    assert f"row {row}, column '{column}'" in error.value.en and words in error.value.en
    assert f"แถวที่ {row} คอลัมน์ '{column}'" in error.value.th
    assert snapshots(session) == before


def test_the_same_chamber_twice_for_one_date_is_refused(session, tmp_path):
    with pytest.raises(ParlineError) as error:
        import_parline_file(session, path=write_csv(tmp_path, [HEADER, ROWS[0], ROWS[0]]), actor=analyst(session))

    assert error.value.row == 3 and "repeats row 2" in error.value.en


def test_a_file_without_dates_needs_an_as_of_day(session, tmp_path):
    path = write_csv(tmp_path, ["Country,Chamber type,Percentage of women", "Japan,Lower chamber,15.7"])

    with pytest.raises(ParlineError) as error:
        import_parline_file(session, path=path, actor=analyst(session))
    assert "--as-of" in error.value.en

    report = import_parline_file(session, path=path, actor=analyst(session), as_of=dt.date(2026, 9, 1))
    assert report.snapshots_added == 1


def test_a_file_without_a_country_column_is_refused(session, tmp_path):
    with pytest.raises(ParlineError) as error:
        import_parline_file(session, path=write_csv(tmp_path, ["Name,Seats", "x,1"]), actor=analyst(session))

    assert "country column" in error.value.en


def test_other_file_kinds_are_refused(session, tmp_path):
    path = tmp_path / "parline.pdf"
    path.write_bytes(b"%PDF-1.4")

    with pytest.raises(ParlineError) as error:
        import_parline_file(session, path=path, actor=analyst(session))

    assert ".csv" in error.value.en and ".xlsx" in error.value.en


def test_only_analysts_and_administrators_import(session, tmp_path):
    with pytest.raises(PermissionDenied):
        import_parline_file(session, path=write_csv(tmp_path, [HEADER, *ROWS]), actor=viewer(session))
