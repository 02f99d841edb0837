"""Thai-government formatting: B.E. dates, Thai digits, the fiscal year (1 Oct – 30 Sep) and baht in words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.thai import (
    THAI_MONTHS,
    THAI_MONTHS_ABBR,
    THAI_WEEKDAYS,
    baht_text,
    be_year,
    ce_year,
    fiscal_month_index,
    fiscal_quarter,
    fiscal_quarter_bounds,
    fiscal_year,
    fiscal_year_bounds,
    format_baht,
    format_date,
    format_datetime,
    format_month_year,
    parse_baht_text,
    parse_date,
    to_arabic_digits,
    to_thai_digits,
)

STYLES = ("full", "abbr", "numeric")
DAY = dt.date(2020, 1, 31)  # 31 มกราคม 2563
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2300, 12, 31))


# --- calendar names ----------------------------------------------------------------------------------


def test_month_names_are_indexed_like_date_month():
    assert (THAI_MONTHS[1], THAI_MONTHS[12]) == ("มกราคม", "ธันวาคม")
    assert (THAI_MONTHS_ABBR[1], THAI_MONTHS_ABBR[4], THAI_MONTHS_ABBR[12]) == ("ม.ค.", "เม.ย.", "ธ.ค.")
    assert len(THAI_MONTHS) == len(THAI_MONTHS_ABBR) == 13


def test_weekdays_start_on_monday_like_date_weekday():
    assert len(THAI_WEEKDAYS) == 7
    assert THAI_WEEKDAYS[DAY.weekday()] == "ศุกร์"  # 31 January 2020 was a Friday
    assert (THAI_WEEKDAYS[0], THAI_WEEKDAYS[6]) == ("จันทร์", "อาทิตย์")


# --- years and digits ----------------------------------------------------------------------------------


def test_buddhist_era_is_543_years_ahead():
    assert be_year(2020) == 2563
    assert ce_year(2563) == 2020


def test_thai_digits_both_ways():
    assert to_thai_digits("31/01/2563") == "๓๑/๐๑/๒๕๖๓"
    assert to_arabic_digits("๓๑ มกราคม ๒๕๖๓") == "31 มกราคม 2563"


def test_digit_conversion_accepts_int_and_leaves_other_characters():
    assert to_thai_digits(2569) == "๒๕๖๙"
    assert to_arabic_digits(42) == "42"
    assert to_thai_digits("ปี 2569 (FY)") == "ปี ๒๕๖๙ (FY)"


# --- dates -----------------------------------------------------------------------------------------


def test_full_date():
    assert format_date(DAY) == "31 มกราคม 2563"


def test_abbreviated_date():
    assert format_date(DAY, style="abbr") == "31 ม.ค. 2563"


def test_numeric_date():
    assert format_date(DAY, style="numeric") == "31/01/2563"


def test_date_in_thai_digits():
    assert format_date(DAY, thai_digits=True) == "๓๑ มกราคม ๒๕๖๓"
    assert format_date(DAY, style="numeric", thai_digits=True) == "๓๑/๐๑/๒๕๖๓"


def test_day_has_no_leading_zero_except_in_numeric_style():
    assert format_date(dt.date(2025, 10, 1)) == "1 ตุลาคม 2568"
    assert format_date(dt.date(2025, 10, 1), style="abbr") == "1 ต.ค. 2568"
    assert format_date(dt.date(2025, 10, 1), style="numeric") == "01/10/2568"


def test_unknown_date_style_is_refused():
    with pytest.raises(ValueError, match="style"):
        format_date(DAY, style="long")  # type: ignore[arg-type]


def test_datetime_adds_thai_time():
    assert format_datetime(dt.datetime(2020, 1, 31, 14, 30)) == "31 มกราคม 2563 เวลา 14.30 น."
    assert format_datetime(dt.datetime(2020, 1, 31, 9, 5), style="abbr") == "31 ม.ค. 2563 เวลา 09.05 น."
    assert format_datetime(dt.datetime(2020, 1, 31, 14, 30), thai_digits=True) == "๓๑ มกราคม ๒๕๖๓ เวลา ๑๔.๓๐ น."


def test_month_year_for_calendar_headers():
    assert format_month_year(2020, 1) == "มกราคม 2563"
    assert format_month_year(2020, 1, abbr=True) == "ม.ค. 2563"
    assert format_month_year(2020, 12, thai_digits=True) == "ธันวาคม ๒๕๖๓"
    with pytest.raises(ValueError):
        format_month_year(2020, 13)


@pytest.mark.parametrize("text", [
    "31 มกราคม 2563", "31 ม.ค. 2563", "31/01/2563", "31/1/2563",
    "๓๑ มกราคม ๒๕๖๓", "๓๑/๐๑/๒๕๖๓",
    "31 มกราคม พ.ศ. 2563", "31 ม.ค. พ.ศ. 2563", "31 มกราคม พ.ศ.2563",
    "  31   มกราคม   2563 ", "31 ม.ค.2563", "31\u00a0มกราคม\u00a02563",
])
def test_parse_date_reads_every_style(text):
    assert parse_date(text) == DAY


@pytest.mark.parametrize("text", [
    "", "2020-01-31", "31 January 2563", "31 มกรา 2563", "มกราคม 2563", "31/13/2563", "30 กุมภาพันธ์ 2563",
    "31 มกราคม", "31-01/2563", "31/01/2020", "2563-01-31",
])
def test_parse_date_refuses_anything_else_in_both_languages(text):
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert "อ่านวันที่ไม่ได้" in str(caught.value) and "cannot read date" in str(caught.value)


@settings(deadline=None)
@given(dates, st.sampled_from(STYLES), st.booleans())
def test_dates_round_trip(day, style, thai_digits):
    assert parse_date(format_date(day, style=style, thai_digits=thai_digits)) == day


# --- fiscal year --------------------------------------------------------------------------------------


def test_fiscal_year_changes_on_1_october():
    assert fiscal_year(dt.date(2025, 9, 30)) == 2568
    assert fiscal_year(dt.date(2025, 10, 1)) == 2569


def test_fiscal_year_does_not_change_on_1_january():
    assert fiscal_year(dt.date(2025, 12, 31)) == fiscal_year(dt.date(2026, 1, 1)) == 2569
    assert (fiscal_quarter(dt.date(2025, 12, 31)), fiscal_quarter(dt.date(2026, 1, 1))) == (1, 2)


def test_quarters_and_months_around_the_boundaries():
    assert (fiscal_quarter(dt.date(2025, 9, 30)), fiscal_quarter(dt.date(2025, 10, 1))) == (4, 1)
    assert (fiscal_month_index(dt.date(2025, 10, 1)), fiscal_month_index(dt.date(2025, 9, 30))) == (1, 12)
    assert fiscal_month_index(dt.date(2026, 1, 15)) == 4


def test_29_february_is_in_the_second_quarter():
    leap_day = dt.date(2024, 2, 29)
    assert (fiscal_year(leap_day), fiscal_quarter(leap_day), fiscal_month_index(leap_day)) == (2567, 2, 5)
    assert fiscal_quarter_bounds(2567, 2) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))


def test_fiscal_year_bounds():
    assert fiscal_year_bounds(2569) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))


def test_fiscal_quarter_bounds():
    assert fiscal_quarter_bounds(2569, 1) == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert fiscal_quarter_bounds(2569, 4) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    with pytest.raises(ValueError):
        fiscal_quarter_bounds(2569, 5)


@settings(deadline=None)
@given(dates)
def test_a_date_lies_within_its_fiscal_year_and_quarter(day):
    first, last = fiscal_year_bounds(fiscal_year(day))
    assert first <= day <= last
    assert fiscal_year(first) == fiscal_year(last) == fiscal_year(day)
    q_first, q_last = fiscal_quarter_bounds(fiscal_year(day), fiscal_quarter(day))
    assert q_first <= day <= q_last
    assert fiscal_quarter(day) == (fiscal_month_index(day) - 1) // 3 + 1


@settings(deadline=None)
@given(st.integers(min_value=2443, max_value=2843))
def test_quarters_partition_the_fiscal_year(fy):
    quarters = [fiscal_quarter_bounds(fy, q) for q in (1, 2, 3, 4)]
    assert (quarters[0][0], quarters[-1][1]) == fiscal_year_bounds(fy)
    for (_, end), (next_start, _) in zip(quarters, quarters[1:], strict=False):
        assert next_start == end + dt.timedelta(days=1)  # no gap, no overlap
    assert all(start <= end for start, end in quarters)
    assert fiscal_year_bounds(fy + 1)[0] == fiscal_year_bounds(fy)[1] + dt.timedelta(days=1)


# --- baht in words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("amount", "words"), [
    (0, "ศูนย์บาทถ้วน"),
    (1, "หนึ่งบาทถ้วน"),
    (10000, "หนึ่งหมื่นบาทถ้วน"),
    (11, "สิบเอ็ดบาทถ้วน"),
    (20, "ยี่สิบบาทถ้วน"),
    (21, "ยี่สิบเอ็ดบาทถ้วน"),
    (101, "หนึ่งร้อยเอ็ดบาทถ้วน"),
    (1000001, "หนึ่งล้านเอ็ดบาทถ้วน"),
    (11000000, "สิบเอ็ดล้านบาทถ้วน"),
    (1000000000000, "หนึ่งล้านล้านบาทถ้วน"),
    (Decimal("0.50"), "ห้าสิบสตางค์"),
    (Decimal("1.25"), "หนึ่งบาทยี่สิบห้าสตางค์"),
    (Decimal("3100.75"), "สามพันหนึ่งร้อยบาทเจ็ดสิบห้าสตางค์"),
])
def test_baht_text_as_excel_bahttext(amount, words):
    assert baht_text(amount) == words
    assert parse_baht_text(words) == Decimal(amount)


def test_baht_text_accepts_strings():
    assert baht_text("3100.75") == "สามพันหนึ่งร้อยบาทเจ็ดสิบห้าสตางค์"
    assert baht_text("1,000,001") == "หนึ่งล้านเอ็ดบาทถ้วน"
    assert baht_text("1.10") == baht_text(Decimal("1.1")) == "หนึ่งบาทสิบสตางค์"
    assert baht_text("0.01") == "หนึ่งสตางค์"


def test_ed_follows_any_higher_digit_a_million_group_included():
    assert baht_text(1000001000000) == "หนึ่งล้านเอ็ดล้านบาทถ้วน"
    assert baht_text(1000000) == "หนึ่งล้านบาทถ้วน"
    assert baht_text(10) == "สิบบาทถ้วน"


def test_money_is_never_float():
    with pytest.raises(TypeError):
        baht_text(1.25)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_baht(1.25)  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", [-1, Decimal("-0.01"), "1.255", Decimal("0.001"), "abc", "NaN", "Infinity"])
def test_baht_text_refuses_negative_or_sub_satang_amounts(amount):
    with pytest.raises(ValueError):
        baht_text(amount)


@pytest.mark.parametrize("text", [
    "", "บาทถ้วน", "หนึ่งบาท", "เอ็ดบาทถ้วน", "สองสิบบาทถ้วน", "หนึ่งร้อยสตางค์", "ล้านบาทถ้วน", "one baht",
])
def test_parse_baht_text_refuses_malformed_words(text):
    with pytest.raises(ValueError):
        parse_baht_text(text)


def test_parse_baht_text_also_reads_hnueng_for_ed_and_ignores_spaces():
    assert parse_baht_text("หนึ่งร้อยหนึ่งบาทถ้วน") == Decimal("101.00")
    assert parse_baht_text("(สามพันหนึ่งร้อยบาท เจ็ดสิบห้าสตางค์)") == Decimal("3100.75")


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**17 - 1))
def test_baht_text_round_trips(satang):
    amount = Decimal(f"{satang // 100}.{satang % 100:02d}")
    assert parse_baht_text(baht_text(amount)) == amount


# --- baht in figures -----------------------------------------------------------------------------------


def test_format_baht():
    assert format_baht(Decimal("1234567.5")) == "1,234,567.50"
    assert format_baht(0) == "0.00"
    assert format_baht("999.99", symbol=True) == "999.99 บาท"
    assert format_baht(1234567, thai_digits=True) == "๑,๒๓๔,๕๖๗.๐๐"
    assert format_baht(Decimal("-20.5")) == "-20.50"
    with pytest.raises(ValueError):
        format_baht("1.001")


# --- digits ---------------------------------------------------------------------------------------------


@settings(deadline=None)
@given(st.text(alphabet="0123456789"))
def test_digits_round_trip(digits):
    assert to_arabic_digits(to_thai_digits(digits)) == digits
    assert not any(ch in "0123456789" for ch in to_thai_digits(digits))


@settings(deadline=None)
@given(st.text())
def test_digit_conversion_touches_only_digits(text):
    assert to_arabic_digits(to_thai_digits(text)) == to_arabic_digits(text)
    assert len(to_thai_digits(text)) == len(text)


# --- one date parser for imported files and the command line ------------------------------------------


@pytest.mark.parametrize("text", [
    "2020-01-31", "2020-01-31 00:00:00", "31/01/2020", "31.01.2020", "31-01-2020", "31 January 2020", "31 Jan 2020",
    "January 31, 2020", "Jan. 31, 2020", "31/01/2563", "31 มกราคม 2563", "31 ม.ค. พ.ศ. 2563", "๓๑/๐๑/๒๕๖๓",
])
def test_foreign_dates_are_read_too_with_years_from_2400_as_buddhist_era(text):
    assert parse_date(text, foreign=True) == DAY


@pytest.mark.parametrize("text", ["30/02/2020", "2020-13-01", "Smarch 3, 2020", "31 มกรา 2563", "yesterday"])
def test_foreign_dates_refuse_impossible_or_unknown_ones_in_both_languages(text):
    with pytest.raises(ValueError) as caught:
        parse_date(text, foreign=True)
    assert "อ่านวันที่ไม่ได้" in str(caught.value) and "cannot read date" in str(caught.value)
