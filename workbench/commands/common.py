"""Helpers shared by domain sub-commands: the database, dates in ISO or Thai form, the acting user, table output."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import re
from collections.abc import Sequence
from typing import Any

from workbench.errors import ValidationError


def parse_day(text: str) -> dt.date:
    """2026-12-01, or a Thai date such as 1/12/2569 or 1 ธันวาคม 2569 (``thai.parse_date`` with ``foreign=True``)."""
    import sys

    from workbench.thai import christian_year_read, format_date, parse_date

    try:
        day = parse_date(text, foreign=True)
    except (ValueError, TypeError, OverflowError) as error:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use 2026-12-01 or 1/12/2569): {error}") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"{text!r} is outside the years the workbench keeps "
                                         f"({FIRST_DAY.year + 543}–{LAST_DAY.year + 543} B.E.)")
    if christian_year_read(text):  # read as evidently meant, and said so
        print(f"อ่าน {text} เป็นวันที่ {format_date(day)} (ปี ค.ศ. {day.year}) / read {text} as {day.isoformat()} "
              f"(Christian year {day.year})", file=sys.stderr)
    return day


FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2199, 12, 31)  # dates given on the command line
BE_YEARS = (2443, 2742)  # B.E. years given on the command line (C.E. 1900–2199)
INT_LIMIT = 2**31 - 1  # an id or count beyond a PostgreSQL INTEGER is refused before it reaches the database
BOUNDS = {"fy": BE_YEARS, "year": BE_YEARS, "port": (1, 65535), "within": (0, 3650), "years": (1, 50),
          "quarter": (1, 4), "period": (1, 12)}


def bounded_int(name: str) -> Any:
    """An argparse type for the integer option ``name``: ASCII or Thai digits only (no ``1_000``, no ``²``), within
    BOUNDS[name] (a B.E. year, a port …) or else a PostgreSQL INTEGER; the error names the range."""
    low, high = BOUNDS.get(name, (-INT_LIMIT, INT_LIMIT))

    def parse(text: str) -> int:
        from workbench.thai import to_arabic_digits

        cleaned = to_arabic_digits(str(text)).strip()
        if not re.fullmatch(r"[+-]?[0-9]+", cleaned):
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
        value = int(cleaned)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r} is out of range ({low}–{high})")
        return value

    parse.__name__ = "int"  # argparse names the type in its messages
    return parse


def host_name(text: str) -> str:
    """An argparse type for ``--host``: an IP address or a host name (letters, digits, dots and hyphens)."""
    import ipaddress

    cleaned = text.strip()
    try:
        ipaddress.ip_address(cleaned)
        return cleaned
    except ValueError:
        pass
    labels = cleaned.split(".")
    if cleaned and len(cleaned) <= 253 and all(re.fullmatch(r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?", label)
                                               for label in labels):
        return cleaned
    raise argparse.ArgumentTypeError(f"not an address or host name: {text!r} (e.g. 127.0.0.1 or 0.0.0.0)")


def bound_integer_options(parser: argparse.ArgumentParser) -> None:
    """Give every ``type=int`` option of ``parser`` and its sub-commands a ``bounded_int`` type (done once, by the
    command line, for every command registered)."""
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its actions here
        if action.type is int:
            action.type = bounded_int(action.dest)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                bound_integer_options(sub)


def open_engine(*, any_schema: bool = False) -> Any:
    """The configured database, its connection checked first (an unreachable database is one clear error), then
    its schema: a command that reads or writes data needs the newest one (an empty or older database is refused
    with the advice to run ``workbench init``); ``any_schema`` is for the commands that create, upgrade, back up
    or restore a schema. A schema written by a newer workbench is always refused with a clear message."""
    from workbench.db import check_connection, get_engine
    from workbench.migrate import check_current, check_not_newer

    engine = get_engine()
    check_connection(engine)
    (check_not_newer if any_schema else check_current)(engine)
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


@functools.lru_cache(maxsize=8192)
def text_width(text: str) -> int:
    """Columns a text takes in a terminal: Thai vowels and tone marks above or below a letter take none. (Cached:
    a long table repeats its dates, states and names.)"""
    import unicodedata

    if text.isascii():
        return len(text)
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


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["th", "en"],
                        help="language of the table: headers, codes, names and dates (default: WORKBENCH_LANG)")


def table_lang(args: argparse.Namespace) -> str:
    from workbench.config import get_settings

    return getattr(args, "lang", None) or get_settings().lang


def print_rows(args: argparse.Namespace, rows: Sequence[dict[str, Any]], keys: Sequence[str], *,
               codes: dict[str, str] | None = None, headers: dict[str, str] | None = None) -> None:
    """``--format json``: the rows as they are (codes, ISO dates). Else a table in the user's language
    (``--lang``, default WORKBENCH_LANG): headers from the labels ``cli.col.<key>``, the codes of a column named in
    ``codes`` by their labels ``<prefix>.<code>`` (``{"status": "correspondence_status"}``); ``headers`` names
    another label for a column's header (``{"number": "cli.col.session"}``); dates in B.E. in Thai
    (ISO in English), yes/no in words; numbers and amounts right-aligned."""
    if getattr(args, "format", "table") == "json":
        print_json(rows)
        return
    from workbench.i18n import catalogue, t
    from workbench.thai import format_date

    lang, labels, codes = table_lang(args), catalogue(), codes or {}

    def cell(key: str, value: Any) -> Any:
        code = getattr(value, "value", value)
        if key in codes and code not in (None, "") and f"{codes[key]}.{code}" in labels:
            return t(f"{codes[key]}.{code}", lang)
        if isinstance(value, bool):
            return t(f"cli.{'yes' if value else 'no'}", lang)
        if isinstance(value, dt.datetime):
            return (f"{format_date(value.date(), style='abbr')} {value:%H.%M} น." if lang == "th"
                    else f"{value:%Y-%m-%d %H:%M}")
        if isinstance(value, dt.date):
            return format_date(value, style="abbr") if lang == "th" else value.isoformat()
        return "" if value is None else value

    named = {key: (headers or {}).get(key, f"cli.col.{key}") for key in keys}
    print_table([{key: cell(key, row.get(key)) for key in keys} for row in rows],
                [(key, t(named[key], lang) if named[key] in labels else key) for key in keys])
