"""Thai-government formatting: Buddhist-era dates, Thai digits, the fiscal year and baht in words.

Dates are written the way Thai official documents write them ("31 มกราคม 2563", "31 ม.ค. 2563",
"31/01/2563", times as "14.30 น."), and ``parse_date`` reads all of them back. The fiscal year runs
1 October – 30 September and is named by the B.E. year in which it ends. ``baht_text`` spells an amount
the way Excel's BAHTTEXT does. Money is ``int``, ``Decimal`` or ``str``, never ``float``.
Errors are ``ValueError``/``TypeError`` whose message gives Thai, then English ("ไทย / English").
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Literal

__all__ = [
    "THAI_MONTHS", "THAI_MONTHS_ABBR", "THAI_WEEKDAYS", "DateStyle", "Amount",
    "be_year", "ce_year", "to_thai_digits", "to_arabic_digits",
    "format_date", "format_datetime", "format_month_year", "parse_date",
    "fiscal_year", "fiscal_quarter", "fiscal_month_index", "fiscal_year_bounds", "fiscal_quarter_bounds",
    "baht_text", "parse_baht_text", "format_baht",
]

# --------------------------------------------------------------------------------------------------
# Calendar names
# --------------------------------------------------------------------------------------------------

#: Full month names; index 1..12 like ``date.month`` (index 0 is empty).
THAI_MONTHS: tuple[str, ...] = (
    "", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
#: Abbreviated month names; index 1..12 (index 0 is empty).
THAI_MONTHS_ABBR: tuple[str, ...] = (
    "", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
#: Weekday names, Monday first, indexed like ``date.weekday()``.
THAI_WEEKDAYS: tuple[str, ...] = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")

BE_OFFSET = 543
DateStyle = Literal["full", "abbr", "numeric"]
_STYLES: tuple[str, ...] = ("full", "abbr", "numeric")

# --------------------------------------------------------------------------------------------------
# Years and digits
# --------------------------------------------------------------------------------------------------

_THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_THAI = str.maketrans("0123456789", _THAI_DIGITS)
_TO_ARABIC = str.maketrans(_THAI_DIGITS, "0123456789")


def be_year(ce_year: int) -> int:
    """Buddhist-era year of a Common-era year (2020 → 2563)."""
    return ce_year + BE_OFFSET


def ce_year(be_year: int) -> int:
    """Common-era year of a Buddhist-era year (2563 → 2020)."""
    return be_year - BE_OFFSET


def _digits_text(text: str | int) -> str:
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise TypeError(f"ต้องเป็นข้อความหรือจำนวนเต็ม / expected str or int, got {type(text).__name__}")
    return str(text)


def to_thai_digits(text: str | int) -> str:
    """Replace 0-9 with ๐-๙; every other character is kept."""
    return _digits_text(text).translate(_TO_THAI)


def to_arabic_digits(text: str | int) -> str:
    """Replace ๐-๙ with 0-9; every other character is kept."""
    return _digits_text(text).translate(_TO_ARABIC)


# --------------------------------------------------------------------------------------------------
# Dates: formatting
# --------------------------------------------------------------------------------------------------


def _digits(text: str, thai_digits: bool) -> str:
    return to_thai_digits(text) if thai_digits else text


def format_date(d: date, *, style: DateStyle = "full", thai_digits: bool = False) -> str:
    """The date with its B.E. year: "31 มกราคม 2563" (full), "31 ม.ค. 2563" (abbr), "31/01/2563" (numeric)."""
    year = be_year(d.year)
    if style == "full":
        text = f"{d.day} {THAI_MONTHS[d.month]} {year}"
    elif style == "abbr":
        text = f"{d.day} {THAI_MONTHS_ABBR[d.month]} {year}"
    elif style == "numeric":
        text = f"{d.day:02d}/{d.month:02d}/{year}"
    else:
        raise ValueError(f"ไม่รู้จักรูปแบบวันที่ {style!r} / unknown date style {style!r}: use one of {_STYLES}")
    return _digits(text, thai_digits)


def format_datetime(dt: datetime, *, style: DateStyle = "full", thai_digits: bool = False) -> str:
    """The date as ``format_date`` writes it, then " เวลา 14.30 น." (24-hour clock)."""
    text = f"{format_date(dt, style=style)} เวลา {dt.hour:02d}.{dt.minute:02d} น."
    return _digits(text, thai_digits)


def format_month_year(year_ce: int, month: int, *, abbr: bool = False, thai_digits: bool = False) -> str:
    """Calendar header such as "มกราคม 2563" (or "ม.ค. 2563" with ``abbr``)."""
    if not 1 <= month <= 12:
        raise ValueError(f"เดือนต้องอยู่ระหว่าง 1 ถึง 12 / month must be 1..12, got {month}")
    names = THAI_MONTHS_ABBR if abbr else THAI_MONTHS
    return _digits(f"{names[month]} {be_year(year_ce)}", thai_digits)


# --------------------------------------------------------------------------------------------------
# Dates: parsing
# --------------------------------------------------------------------------------------------------

_BE = r"(?:พ\s*\.\s*ศ\s*\.\s*)?"  # optional "พ.ศ." before the year
_TEXT_DATE = re.compile(rf"(?:วันที่\s*)?(\d{{1,2}})\s*([^\d\s][^\d]*?)\s*{_BE}(\d{{2}}|\d{{4}})")
_NUMERIC_DATE = re.compile(rf"(?:วันที่\s*)?(\d{{1,2}})\s*([/.\-])\s*(\d{{1,2}})\s*\2\s*{_BE}(\d{{2}}|\d{{4}})")
_EXAMPLES = "31 มกราคม 2563, 31 ม.ค. 2563, 31/01/2563"
SHORT_YEAR_WINDOW = 30  # a two-digit year is read only when one reading alone lies within this many years of today


def _month_key(name: str) -> str:
    return re.sub(r"[\s.]", "", name)


_MONTH_NUMBERS: dict[str, int] = {
    _month_key(name): number
    for names in (THAI_MONTHS, THAI_MONTHS_ABBR)
    for number, name in enumerate(names)
    if name
}


def _unreadable_date(text: str, reason_th: str = "", reason_en: str = "") -> ValueError:
    th = f"อ่านวันที่ไม่ได้: {text!r}{reason_th} (ใช้รูปแบบ เช่น {_EXAMPLES})"
    en = f"cannot read date {text!r}{reason_en} (expected e.g. {_EXAMPLES})"
    return ValueError(f"{th} / {en}")


_ENGLISH_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate([(), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
                                    ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
                                    ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
                                    ("december", "dec")])
    for name in names
}
_FOREIGN_NUMERIC = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_ENGLISH_DAY_FIRST = re.compile(r"(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})")
_ENGLISH_MONTH_FIRST = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
BE_YEARS_FROM = 2400  # with ``foreign=True`` a year from 2400 on is B.E., an earlier one C.E.


def parse_date(text: str, *, foreign: bool = False) -> date:
    """Read a date written by ``format_date`` (any style, Thai or Arabic digits, optional "พ.ศ."); the year is B.E.

    With ``foreign=True`` (imported files, the command line) also ISO ``2023-05-14``, ``14/05/2023``,
    ``14.05.2023``, ``14-05-2023``, ``14 May 2023`` and ``May 14, 2023``; there a year from 2400 on is B.E. and an
    earlier one C.E., so both ``1/12/2569`` and ``1/12/2026`` are 1 December 2026 (``christian_year_read`` says
    when a C.E. year was read), but an ISO date with a B.E. year (``2569-12-01``) is refused.

    The Thai forms also take ``1-12-2569``, ``1.12.2569``, "วันที่ 1 ธันวาคม 2569" and a two-digit B.E. year
    (``1/12/69``) when only the B.E. reading is a year near today; a four-digit year before 2400 (``1/12/2026``)
    is refused there, naming the form to use: never read as the year 1483.
    """
    if not isinstance(text, str):
        raise TypeError(f"ต้องเป็นข้อความ / expected str, got {type(text).__name__}")
    cleaned = to_arabic_digits(text.replace("\u200b", "")).strip()
    if foreign:
        return _parse_foreign(text, cleaned)
    _refuse_buddhist_iso(text, cleaned)
    if match := _NUMERIC_DATE.fullmatch(cleaned):
        day, month, digits = int(match.group(1)), int(match.group(3)), match.group(4)
    elif match := _TEXT_DATE.fullmatch(cleaned):
        day, digits = int(match.group(1)), match.group(3)
        month = _MONTH_NUMBERS.get(_month_key(match.group(2)), 0)
        if not month:
            raise _unreadable_date(text, f" ไม่รู้จักเดือน {match.group(2)!r}", f": unknown month {match.group(2)!r}")
    else:
        raise _unreadable_date(text)
    return _calendar_day(text, _thai_year(text, digits), month, day)


def _thai_year(text: str, digits: str) -> int:
    """The C.E. year of a Thai date's year: four digits are B.E. (a Christian year is refused, never read as the
    year 1483); two digits ("1/12/69") are B.E. 25xx only when that alone is a near year (not also 19xx/20xx)."""
    year = int(digits)
    if len(digits) == 4:
        if year < BE_YEARS_FROM:
            raise _unreadable_date(
                text, f" ปี {year} เป็นปีคริสต์ศักราช: วันที่แบบไทยใช้ปีพุทธศักราช เช่น 1/12/{be_year(year)}"
                      f" (หรือเขียนแบบ ISO {year}-12-01)",
                f": {year} is a Christian-era year; a Thai date takes the B.E. year, e.g. 1/12/{be_year(year)}"
                f" (or write ISO {year}-12-01)")
        return ce_year(year)
    now = date.today().year
    readings = [ce_year(2500 + year), 2000 + year, 1900 + year]
    near = [reading for reading in readings if abs(reading - now) <= SHORT_YEAR_WINDOW]
    if len(near) != 1 or near[0] != readings[0]:
        raise _unreadable_date(
            text, f" ปี {digits} อ่านได้หลายแบบ: เขียนปีพุทธศักราชเต็มสี่หลัก เช่น 1/12/{be_year(now)}",
            f": the year {digits} is ambiguous; write the full B.E. year, e.g. 1/12/{be_year(now)}")
    return readings[0]


_ISO_TIME_TAIL = re.compile(r"([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?")


def _parse_foreign(text: str, cleaned: str) -> date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned[:10]):  # ISO, perhaps followed by a time (nothing else)
        if not _ISO_TIME_TAIL.fullmatch(cleaned[10:]):
            raise _unreadable_date(text)
        _refuse_buddhist_iso(text, cleaned)
        try:
            return date.fromisoformat(cleaned[:10])
        except ValueError:
            raise _unreadable_date(text, " ไม่มีวันนี้ในปฏิทิน", ": no such day in the calendar") from None
    lowered = cleaned.lower()
    if match := _FOREIGN_NUMERIC.fullmatch(lowered):
        day, month, year = (int(group) for group in match.groups())
    elif (match := _ENGLISH_DAY_FIRST.fullmatch(lowered)) and match.group(2) in _ENGLISH_MONTHS:
        day, month, year = int(match.group(1)), _ENGLISH_MONTHS[match.group(2)], int(match.group(3))
    elif (match := _ENGLISH_MONTH_FIRST.fullmatch(lowered)) and match.group(1) in _ENGLISH_MONTHS:
        day, month, year = int(match.group(2)), _ENGLISH_MONTHS[match.group(1)], int(match.group(3))
    else:
        return parse_date(text)  # the Thai forms, where the year is always B.E.
    return _calendar_day(text, ce_year(year) if year >= BE_YEARS_FROM else year, month, day)


def _refuse_buddhist_iso(text: str, cleaned: str) -> None:
    """An ISO date with a B.E. year (``2569-12-01``) is refused: never read as the year 2569 C.E."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned[:10]) or int(cleaned[:4]) < BE_YEARS_FROM:
        return
    year = int(cleaned[:4])
    raise _unreadable_date(
        text, f" วันที่แบบ ISO ใช้ปีคริสต์ศักราช: เขียน {ce_year(year)}{cleaned[4:10]}"
              f" หรือ {int(cleaned[8:10])}/{int(cleaned[5:7])}/{year}",
        f": an ISO date takes the Christian year: write {ce_year(year)}{cleaned[4:10]}"
        f" or {int(cleaned[8:10])}/{int(cleaned[5:7])}/{year}")


def christian_year_read(text: str) -> bool:
    """Whether ``parse_date(text, foreign=True)`` reads a day/month/year whose year is Christian (``1/12/2026``),
    so that a command can say how it read it."""
    match = _FOREIGN_NUMERIC.fullmatch(to_arabic_digits(text).strip().lower())
    return bool(match) and int(match.group(3)) < BE_YEARS_FROM


def _calendar_day(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _unreadable_date(text, " ไม่มีวันนี้ในปฏิทิน", ": no such day in the calendar") from None


# --------------------------------------------------------------------------------------------------
# Fiscal year (1 October – 30 September, named by the B.E. year in which it ends)
# --------------------------------------------------------------------------------------------------

# Quarter → (year offset from the fiscal year's last CE year, start month/day, end month/day).
_QUARTERS: dict[int, tuple[int, tuple[int, int], tuple[int, int]]] = {
    1: (-1, (10, 1), (12, 31)),
    2: (0, (1, 1), (3, 31)),
    3: (0, (4, 1), (6, 30)),
    4: (0, (7, 1), (9, 30)),
}


def fiscal_year(d: date) -> int:
    """B.E. fiscal year containing ``d`` (1 Oct 2025 → 2569; 30 Sep 2025 → 2568)."""
    return be_year(d.year + 1 if d.month >= 10 else d.year)


def fiscal_month_index(d: date) -> int:
    """Month of the fiscal year: October = 1 … September = 12."""
    return (d.month - 10) % 12 + 1


def fiscal_quarter(d: date) -> int:
    """Quarter of the fiscal year, 1..4 (October–December = 1)."""
    return (fiscal_month_index(d) - 1) // 3 + 1


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day of the fiscal year (2569 → 1 Oct 2025, 30 Sep 2026)."""
    last = ce_year(fy_be)
    return date(last - 1, 10, 1), date(last, 9, 30)


def fiscal_quarter_bounds(fy_be: int, q: int) -> tuple[date, date]:
    """First and last day of quarter ``q`` (1..4) of the fiscal year."""
    if q not in _QUARTERS:
        raise ValueError(f"ไตรมาสต้องเป็น 1 ถึง 4 / fiscal quarter must be 1..4, got {q!r}")
    offset, (start_month, start_day), (end_month, end_day) = _QUARTERS[q]
    year = ce_year(fy_be) + offset
    return date(year, start_month, start_day), date(year, end_month, end_day)


# --------------------------------------------------------------------------------------------------
# Money: amounts
# --------------------------------------------------------------------------------------------------

Amount = int | Decimal | str
_MAX_BAHT_DIGITS = 36  # amounts must be below 10**36 baht
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def _as_decimal(amount: Amount) -> Decimal:
    if isinstance(amount, float):
        raise TypeError("จำนวนเงินห้ามเป็น float / money is never float: pass int, Decimal or str")
    if isinstance(amount, bool) or not isinstance(amount, (int, Decimal, str)):
        raise TypeError(f"จำนวนเงินต้องเป็น int, Decimal หรือ str / expected int, Decimal or str, "
                        f"got {type(amount).__name__}")
    if isinstance(amount, str):
        text = to_arabic_digits(amount).strip()
        if "," in text and _GROUPED.fullmatch(text):
            text = text.replace(",", "")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"อ่านจำนวนเงินไม่ได้ / not an amount: {amount!r}") from None
    return Decimal(amount)


def _to_satang(amount: Amount, *, allow_negative: bool = False) -> int:
    """The amount in satang, exactly; refuses more than 2 decimal places, NaN, infinity and (usually) < 0."""
    value = _as_decimal(amount)
    if not value.is_finite():
        raise ValueError(f"จำนวนเงินต้องเป็นตัวเลขจำกัด / amount must be finite: {amount!r}")
    sign, digit_tuple, exponent = value.as_tuple()
    digits = list(digit_tuple)
    while exponent < -2 and digits and digits[-1] == 0:  # 1.250 is 1.25
        digits.pop()
        exponent += 1
    if not any(digits):
        return 0
    if exponent < -2:
        raise ValueError(f"จำนวนเงินมีทศนิยมเกิน 2 ตำแหน่ง / more than 2 decimal places: {amount!r}")
    if len(digits) + exponent > _MAX_BAHT_DIGITS:
        raise ValueError(f"จำนวนเงินมากเกินไป / amount too large (limit 10**{_MAX_BAHT_DIGITS}): {amount!r}")
    if sign and not allow_negative:
        raise ValueError(f"จำนวนเงินติดลบไม่ได้ / amount must not be negative: {amount!r}")
    satang = int("".join(map(str, digits))) * 10 ** (exponent + 2)
    return -satang if sign else satang


def format_baht(amount: Amount, *, thai_digits: bool = False, symbol: bool = False) -> str:
    """Amount in figures, "1,234,567.50" (two decimals, grouping commas); " บาท" appended when ``symbol``."""
    satang = _to_satang(amount, allow_negative=True)
    baht, rest = divmod(abs(satang), 100)
    text = f"{'-' if satang < 0 else ''}{baht:,}.{rest:02d}" + (" บาท" if symbol else "")
    return _digits(text, thai_digits)


# --------------------------------------------------------------------------------------------------
# Money: baht in words (as Excel's BAHTTEXT)
# --------------------------------------------------------------------------------------------------

_DIGIT_WORDS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_PLACES = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")  # within a group of six digits
_MILLION, _ED, _TWENTY = "ล้าน", "เอ็ด", "ยี่"
_BAHT, _SATANG, _EXACT = "บาท", "สตางค์", "ถ้วน"


def _group_words(group: int, *, after_higher: bool) -> str:
    """Words for 0..999,999; a final 1 reads เอ็ด after any non-zero digit (here or in higher groups)."""
    words = []
    for place in range(5, -1, -1):
        digit = group // 10**place % 10
        if digit == 0:
            continue
        if place == 1:
            words.append({1: "", 2: _TWENTY}.get(digit, _DIGIT_WORDS[digit]) + _PLACES[1])
        elif place == 0 and digit == 1 and (after_higher or group > 1):
            words.append(_ED)
        else:
            words.append(_DIGIT_WORDS[digit] + _PLACES[place])
    return "".join(words)


def _number_words(number: int) -> str:
    """Thai words for a whole number ≥ 0, groups of six digits joined by ล้าน."""
    if number == 0:
        return _DIGIT_WORDS[0]
    groups: list[int] = []
    while number:
        number, group = divmod(number, 10**6)
        groups.insert(0, group)
    words, seen_non_zero = [], False
    for group in groups:
        words.append(_group_words(group, after_higher=seen_non_zero))
        seen_non_zero = seen_non_zero or group != 0
    return _MILLION.join(words)


def baht_text(amount: Amount) -> str:
    """Amount in words as BAHTTEXT writes it: 3100.75 → "สามพันหนึ่งร้อยบาทเจ็ดสิบห้าสตางค์"."""
    baht, satang = divmod(_to_satang(amount), 100)
    if satang == 0:
        return _number_words(baht) + _BAHT + _EXACT
    if baht == 0:
        return _number_words(satang) + _SATANG
    return _number_words(baht) + _BAHT + _number_words(satang) + _SATANG


# --------------------------------------------------------------------------------------------------
# Money: reading baht in words back
# --------------------------------------------------------------------------------------------------

_ONE_TO_NINE = "|".join(_DIGIT_WORDS[1:])
_GROUP_PATTERN = re.compile(
    "".join(rf"(?:(?P<p{place}>{_ONE_TO_NINE}){_PLACES[place]})?" for place in range(5, 1, -1))
    + rf"(?P<tens>(?P<p1>{_TWENTY}|{'|'.join(_DIGIT_WORDS[3:])})?{_PLACES[1]})?"
    + rf"(?P<p0>{_ED}|{_ONE_TO_NINE})?"
)
_WORD_VALUES = {word: value for value, word in enumerate(_DIGIT_WORDS)} | {_TWENTY: 2, _ED: 1}


def _unreadable_baht(text: str, reason_th: str = "", reason_en: str = "") -> ValueError:
    th = f"อ่านจำนวนเงินตัวอักษรไม่ได้: {text!r}{reason_th}"
    return ValueError(f"{th} / cannot read baht text {text!r}{reason_en}")


def _parse_group(words: str, *, after_higher: bool, original: str) -> int:
    match = _GROUP_PATTERN.fullmatch(words)
    if not match:
        raise _unreadable_baht(original)
    value = sum(_WORD_VALUES[match[f"p{place}"]] * 10**place for place in (5, 4, 3, 2) if match[f"p{place}"])
    if match["tens"]:
        value += 10 * _WORD_VALUES.get(match["p1"] or "", 1)
    if match["p0"] == _ED and not (after_higher or value):
        raise _unreadable_baht(original, " (เอ็ดต้องตามหลังตัวเลขอื่น)", ": เอ็ด must follow another digit")
    return value + (_WORD_VALUES[match["p0"]] if match["p0"] else 0)


def _parse_number(words: str, original: str) -> int:
    if words == _DIGIT_WORDS[0]:
        return 0
    groups = words.split(_MILLION)
    if not groups[0]:
        raise _unreadable_baht(original)
    number = 0
    for group in groups:
        number = number * 10**6 + _parse_group(group, after_higher=number > 0, original=original)
    return number


def parse_baht_text(text: str) -> Decimal:
    """Inverse of ``baht_text`` (also reads หนึ่ง for เอ็ด): "หนึ่งบาทยี่สิบห้าสตางค์" → Decimal("1.25")."""
    if not isinstance(text, str):
        raise TypeError(f"ต้องเป็นข้อความ / expected str, got {type(text).__name__}")
    words = re.sub(r"\s+", "", text.replace("\u200b", ""))
    if words.startswith("(") and words.endswith(")"):
        words = words[1:-1]
    baht_words: str | None
    satang_words: str | None = None
    if words.endswith(_BAHT + _EXACT):
        baht_words = words[: -len(_BAHT + _EXACT)]
    elif words.endswith(_SATANG):
        baht_words, separator, satang_words = words[: -len(_SATANG)].rpartition(_BAHT)
        baht_words = baht_words if separator else None
    else:
        raise _unreadable_baht(text, " (ต้องลงท้ายด้วย บาทถ้วน หรือ สตางค์)", ": must end in บาทถ้วน or สตางค์")
    baht = 0 if baht_words is None else _parse_number(baht_words, text)
    satang = 0 if satang_words is None else _parse_number(satang_words, text)
    if satang_words is not None and not 1 <= satang <= 99:
        raise _unreadable_baht(text, " (สตางค์ต้องอยู่ระหว่าง 1 ถึง 99)", ": satang must be 1..99")
    return Decimal(f"{baht}.{satang:02d}")
