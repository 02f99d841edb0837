"""The wording of a briefing pack: dates in B.E., numbers as the pack prints them, years written in B.E. in a Thai
pack, and text that exists only in English marked so (a Thai reader knows it was not translated)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from workbench.i18n import t
from workbench.thai import format_date, format_datetime

THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
LATIN_LETTER = re.compile("[A-Za-z]")
CHRISTIAN_YEAR = re.compile(r"(?<![\d.])(1[89]\d\d|2[01]\d\d)(?![\d])")
BE_OFFSET = 543


def be_years(text: str, lang: str) -> str:
    """In a Thai pack, a Christian year standing alone in a short text ("2029") becomes its B.E. year ("2572")."""
    if lang != "th" or not text:
        return text
    return CHRISTIAN_YEAR.sub(lambda match: str(int(match.group(1)) + BE_OFFSET), text)


def thai_or_marked(text: str, lang: str) -> str:
    """In a Thai pack, text with Latin letters and no Thai ("Tokyo") is kept but marked "(ภาษาอังกฤษ)"."""
    if lang != "th" or not text or THAI_LETTER.search(text) or not LATIN_LETTER.search(text):
        return text
    return f"{text} {t('brief.english_mark', lang)}"


def show_date(day: dt.date | None, lang: str) -> str:
    """A B.E. date: "25 พฤศจิกายน 2569" in Thai, "25/11/2569 B.E." in English; "unknown" when there is none."""
    if day is None:
        return t("brief.unknown", lang)
    return format_date(day) if lang == "th" else f"{format_date(day, style='numeric')} B.E."


def show_datetime(moment: dt.datetime, lang: str) -> str:
    if lang == "th":
        return format_datetime(moment)
    return f"{show_date(moment.date(), lang)} {moment:%H:%M}"


def number_text(value: Any) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    try:
        number = Decimal(str(value))
    except Exception:  # noqa: BLE001 - a value that is not a number is shown as it is
        return str(value)
    return f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,}"
