"""DateField: dates typed day/month/B.E. year and 24-hour times, the same in every browser, read back in B.E."""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets

from workbench.ui.date_field import DateField


def test_an_empty_field_says_from_the_start_how_to_type_a_date():
    field = DateField("วันที่")
    assert field.value is None
    assert field.be.value == "พิมพ์วัน/เดือน/ปี พ.ศ. เช่น 25/11/2569"
    assert field.date.placeholder == "วว/ดด/ปปปป (พ.ศ.)"
    assert not any(isinstance(child, (widgets.DatePicker, widgets.TimePicker)) for child in field.children)


def test_a_day_typed_in_the_buddhist_era_is_read_and_repeated_in_words():
    field = DateField("วันที่")
    field.date.value = "25/11/2569"
    assert field.value == dt.date(2026, 11, 25)
    assert field.be.value == "วันที่ (พ.ศ.): 25 พฤศจิกายน 2569"


def test_christian_era_iso_and_thai_digits_are_read_too():
    field = DateField("วันที่")
    for text in ("25/11/2026", "2026-11-25", "๒๕/๑๑/๒๕๖๙", "25 พฤศจิกายน 2569"):
        field.date.value = text
        assert field.value == dt.date(2026, 11, 25), text


def test_an_unreadable_day_empties_the_value_and_says_why():
    field = DateField("วันที่", value=dt.date(2026, 11, 25))
    field.date.value = "31/02/2569"
    assert field.value is None
    assert field.be.value.startswith('อ่านวันที่ "31/02/2569" ไม่ได้')
    assert "wb-date-problem" in field.be._dom_classes


def test_a_date_time_takes_a_24_hour_time():
    field = DateField("เริ่ม", with_time=True)
    assert "24 ชั่วโมง" in field.be.value
    field.date.value = "1/12/2569"
    assert field.value is None  # no time yet
    field.time.value = "14.30"
    assert field.value == dt.datetime(2026, 12, 1, 14, 30)
    field.time.value = "9:05"
    assert field.value == dt.datetime(2026, 12, 1, 9, 5)
    field.time.value = "2.30 PM"
    assert field.value is None and "24 ชั่วโมง" in field.be.value


def test_a_value_set_by_the_program_is_shown_as_the_user_would_type_it():
    field = DateField("เริ่ม", with_time=True, value=dt.datetime(2026, 12, 1, 7, 0))
    assert (field.date.value, field.time.value) == ("01/12/2569", "07.00")
    assert field.be.value == "วันที่ (พ.ศ.): 1 ธันวาคม 2569"
    field.reset()
    assert (field.value, field.date.value, field.time.value) == (None, "", "")
