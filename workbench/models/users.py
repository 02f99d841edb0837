"""Users of the workbench: a staff Person, a role and a secrecy clearance. Passwords only as scrypt hashes."""

from __future__ import annotations

import datetime as dt
import enum

from sqlmodel import Field, SQLModel

from workbench.models.base import Clearance, clearance_column, created_at_field, datetime_column, enum_column


class Role(enum.StrEnum):
    ADMINISTRATOR = "administrator"
    PROTOCOL_OFFICER = "protocol_officer"
    ANALYST = "analyst"
    ADMIN_OFFICER = "admin_officer"
    VIEWER = "viewer"


class UserBase(SQLModel):
    username: str = Field(min_length=2, max_length=60)
    person_id: int = Field(foreign_key="person.id")
    role: Role = Field(sa_type=enum_column(Role, 30))
    clearance: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())
    is_active: bool = True


class UserCreate(UserBase):
    password: str = Field(min_length=1, max_length=200)


class UserUpdate(SQLModel):
    role: Role | None = None
    clearance: Clearance | None = None
    is_active: bool | None = None


class User(UserBase, table=True):
    __tablename__ = "app_user"  # "user" is reserved in PostgreSQL

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=60, unique=True, index=True)
    password_hash: str = Field(max_length=300)
    failed_logins: int = 0
    last_failed_login_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())
    last_login_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())
    created_at: dt.datetime = created_at_field()


class UserRead(UserBase):
    """What the UI may see of a user: never the password hash."""

    id: int
    last_login_at: dt.datetime | None = None
