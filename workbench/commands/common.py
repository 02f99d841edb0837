"""Helpers shared by domain sub-commands: the database, dates in ISO or Thai form, the acting user, table output."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from workbench.errors import ValidationError


def parse_day(text: str) -> dt.date:
    """2026-12-01, or a Thai date such as 1/12/2569 or 1 ธันวาคม 2569 (``thai.parse_date`` with ``foreign=True``)."""
    import sys

    from workbench.thai import christian_year_read, format_date, parse_date

    try:
        day = parse_date(text, foreign=True)
    except (ValueError, TypeError) as error:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use 2026-12-01 or 1/12/2569): {error}") from None
    if christian_year_read(text):  # read as evidently meant, and said so
        print(f"อ่าน {text} เป็นวันที่ {format_date(day)} (ปี ค.ศ. {day.year}) / read {text} as {day.isoformat()} "
              f"(Christian year {day.year})", file=sys.stderr)
    return day


def open_engine() -> Any:
    """The configured database, its connection checked first (an unreachable database is one clear error)."""
    from workbench.db import check_connection, get_engine

    engine = get_engine()
    check_connection(engine)
    return engine


def add_actor_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="as_user", metavar="USERNAME",
                        help="act as this user (their role and clearance decide what is shown); default: the "
                             "system operator, who sees everything")


def actor(session: Any, args: argparse.Namespace) -> Any:
    from workbench.db import SYSTEM
    from workbench.services.users import get_active_user

    if not getattr(args, "as_user", None):
        return SYSTEM
    try:
        return get_active_user(session, username=args.as_user)
    except ValidationError as exc:
        raise ValidationError(exc.th, exc.en, field="--as") from None


def text_width(text: str) -> int:
    """Columns a text takes in a terminal: Thai vowels and tone marks above or below a letter take none."""
    import unicodedata

    return sum(1 for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch) != "Mn")


def _pad(text: str, width: int, *, right: bool = False) -> str:
    fill = " " * max(0, width - text_width(text))
    return fill + text if right else text + fill


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]]) -> None:
    """A plain aligned text table: Thai is measured by the columns it takes on screen (marks above and below a
    letter take none), and numbers (ints, amounts) are right-aligned."""
    import re
    from decimal import Decimal

    def number(value: Any) -> bool:  # 5, 1,250.00, -3.5 or 12.50 %
        return isinstance(value, (int, float, Decimal)) or bool(
            isinstance(value, str) and re.fullmatch(r"-?[\d,]+(\.\d+)?\s?%?", value.strip()))

    numeric = {key for key, _ in columns if rows and any(number(row.get(key)) for row in rows)
               and all(number(row.get(key)) or row.get(key) in (None, "", "–", "-") for row in rows)}
    widths = [max([text_width(header)] + [text_width(str(row.get(key, ""))) for row in rows]) for key, header in columns]
    print("  ".join(_pad(header, width, right=key in numeric)
                    for (key, header), width in zip(columns, widths, strict=True)).rstrip())
    for row in rows:
        cells = (_pad(str(row.get(key, "")), width, right=key in numeric)
                 for (key, _), width in zip(columns, widths, strict=True))
        print("  ".join(cells).rstrip())


def print_json(rows: Sequence[dict[str, Any]]) -> None:
    from workbench.models.base import jsonable

    print(json.dumps(jsonable(list(rows)), ensure_ascii=False, indent=2))


def write_output(path: Any, payload: bytes) -> None:
    """Write an exported file, creating its folder; an unwritable path is one clear error naming --out."""
    from workbench.errors import ConfigurationError

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(payload)
    except OSError as exc:
        raise ConfigurationError(f"เขียนไฟล์ {path} ไม่ได้ ({exc.strerror})", f"cannot write {path} ({exc.strerror})",
                                 field="--out") from None
