"""Shared pieces of every model: enums stored as plain strings/integers, timestamps, JSON-able values."""

from __future__ import annotations

import datetime as dt
import enum
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import sqlalchemy as sa
from pydantic import BeforeValidator
from sqlmodel import Field


def utcnow() -> dt.datetime:
    """Now in UTC, naive (stored the same way on SQLite and PostgreSQL)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class StrEnumType(sa.types.TypeDecorator):
    """A ``StrEnum`` stored as a plain VARCHAR (no database enum types to migrate), read back as the enum."""

    impl = sa.String
    cache_ok = True

    def __init__(self, enum_type: type[enum.StrEnum], length: int = 30) -> None:
        super().__init__(length)
        self.enum_type = enum_type

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else self.enum_type(value).value

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        member = self.enum_type._value2member_map_.get(value)  # a dict look-up: lists read thousands of these
        return member if member is not None else self.enum_type(value)


class ClearanceType(sa.types.TypeDecorator):
    """A secrecy level stored as an INTEGER and read back as ``Clearance``."""

    impl = sa.Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> int | None:
        return None if value is None else int(value)

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        if value is None:
            return None
        member = Clearance._value2member_map_.get(value)
        return member if member is not None else Clearance(value)


def enum_column(enum_type: type[enum.StrEnum] | int, length: int = 30) -> Any:
    """The column type of a ``StrEnum`` field: ``enum_column(Region, 20)``."""
    if isinstance(enum_type, int):  # plain string column of that length
        return sa.String(enum_type)
    return StrEnumType(enum_type, length)


def clearance_column() -> Any:
    return ClearanceType()


def datetime_column() -> Any:
    """Naive timestamps: audit and record times in UTC, event times in the office's local time (Bangkok)."""
    return sa.DateTime()


def created_at_field() -> Any:
    return Field(default_factory=utcnow, nullable=False, sa_type=datetime_column())


class Region(enum.StrEnum):
    """The office's monitoring regions (mandate duty 7); every country belongs to one."""

    EUROPE = "europe"
    AMERICAS = "americas"
    SOUTH_PACIFIC = "south_pacific"
    ASIA = "asia"
    AFRICA = "africa"


class Clearance(enum.IntEnum):
    """Secrecy levels (ระเบียบว่าด้วยการรักษาความลับของทางราชการ พ.ศ. 2544), used both as a user's clearance
    and as a record's classification. A user sees a record when clearance >= classification."""

    NONE = 0
    CONFIDENTIAL = 1  # ลับ
    SECRET = 2  # ลับมาก
    TOP_SECRET = 3  # ลับที่สุด


_PLAIN_TYPES = frozenset({str, int, float, bool, type(None)})


def jsonable(value: Any) -> Any:
    """A value as JSON can hold it (for audit entries and exports)."""
    if type(value) in _PLAIN_TYPES:  # the common case first (not their subclasses: an enum is a str or an int)
        return value
    if value is None or isinstance(value, (bool, int, float, str)):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return str(value)


# --- Money: one type for schemas and services ----------------------------------------------------------------

CENT = Decimal("0.01")
MONEY_LIMIT = Decimal("1000000000000")  # NUMERIC(14, 2) holds less than a trillion baht
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def plain_number(text: str) -> str:
    """``text`` as a plain decimal number (Thai digits and thousands commas allowed, surrounding blanks dropped);
    ValueError for anything else: ``1_000``, ``1e5``, ``NaN``, ``Infinity``, ``12abc``."""
    from workbench.thai import to_arabic_digits

    cleaned = to_arabic_digits(text).replace(",", "").strip()
    if not _PLAIN_NUMBER.fullmatch(cleaned):
        raise ValueError("must be a number such as 1500 or 1,500.50")
    return cleaned


def money_value(value: Any) -> Decimal:
    """An amount of baht: text (Thai digits and thousands commas allowed), an integer or a Decimal, finite, with at
    most two decimals (satang). Never a float: 0.1 + 0.2 is not 0.3 in floating point. Sign and size are the
    services' business (a reversing entry is negative)."""
    if isinstance(value, (float, bool)):
        raise ValueError("money is never a float: give text, an integer or a Decimal")
    if isinstance(value, str):
        value = plain_number(value)  # no 1_000, 1e5, NaN, Infinity or stray characters
    try:
        amount = value if isinstance(value, Decimal) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValueError("must be a number") from None
    if not amount.is_finite():
        raise ValueError("must be a finite number (not NaN or Infinity)")
    if abs(amount) >= MONEY_LIMIT:
        raise ValueError("is too large (money columns hold less than a trillion baht)")
    if amount != amount.quantize(CENT):
        raise ValueError("may have at most two decimals (satang)")
    return amount


Money = Annotated[Decimal, BeforeValidator(money_value)]
