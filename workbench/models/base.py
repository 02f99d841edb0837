"""Shared pieces of every model: enums stored as plain strings/integers, timestamps, JSON-able values."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field


def utcnow() -> dt.datetime:
    """Now in UTC, naive (stored the same way on SQLite and PostgreSQL)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def enum_column(length: int = 30) -> Any:
    """Store a ``StrEnum`` as a plain VARCHAR: no database enum types to migrate."""
    return sa.String(length)


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


def jsonable(value: Any) -> Any:
    """A value as JSON can hold it (for audit entries and exports)."""
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
