"""Date input that cannot be misread: a B.E. year in an ISO date or a Christian year in a Thai date is refused with
the form to use (or, on the command line, read as evidently meant and said so), never silently read as the year
2569 C.E. or 1483; the other ways Thai officials write a date are read."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest

from workbench.commands.common import parse_day
from workbench.thai import christian_year_read, parse_date

DAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize("text", [
    "1/12/2569", "1-12-2569", "1.12.2569", "01.12.2569", "1/12/69", "วันที่ 1 ธันวาคม 2569", "วันที่ 1/12/2569",
    "1 ธ.ค. 69", "๑/๑๒/๖๙", "วันที่ ๑ ธันวาคม พ.ศ. ๒๕๖๙",
])
def test_the_ways_thai_officials_write_a_date_are_read(text):
    assert parse_date(text) == DAY
    assert parse_date(text, foreign=True) == DAY


def test_a_christian_year_in_a_thai_date_is_refused_naming_the_form_to_use():
    with pytest.raises(ValueError) as caught:
        parse_date("1/12/2026")
    message = str(caught.value)

    assert "คริสต์ศักราช" in message and "Christian-era" in message
    assert "1/12/2569" in message and "2026-12-01" in message


def test_an_iso_date_with_a_buddhist_year_is_refused_naming_the_form_to_use():
    for foreign in (True, False):
        with pytest.raises(ValueError) as caught:
            parse_date("2569-12-01", foreign=foreign)
        assert "2026-12-01" in str(caught.value) and "1/12/2569" in str(caught.value)


@pytest.mark.parametrize("text", ["1/12/26", "1/12/40", "1/12/2"])
def test_a_two_digit_year_that_could_be_either_era_is_refused(text):
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert "อ่านวันที่ไม่ได้" in str(caught.value) and "cannot read date" in str(caught.value)


def test_mixed_separators_and_odd_years_are_refused():
    for text in ("1/12-2569", "1/12/569", "1/12/25690"):
        with pytest.raises(ValueError):
            parse_date(text)


def test_imported_files_and_the_command_line_read_a_christian_year_and_say_so(capsys):
    assert parse_date("1/12/2026", foreign=True) == DAY
    assert christian_year_read("1/12/2026") and not christian_year_read("1/12/2569")

    assert parse_day("1/12/2026") == DAY
    said = capsys.readouterr().err
    assert "1 ธันวาคม 2569" in said and "2026-12-01" in said
    assert parse_day("1/12/2569") == DAY and capsys.readouterr().err == ""


def test_the_command_line_refuses_an_iso_date_with_a_buddhist_year_saying_why():
    with pytest.raises(argparse.ArgumentTypeError) as caught:
        parse_day("2569-12-01")
    assert "2026-12-01" in str(caught.value)
