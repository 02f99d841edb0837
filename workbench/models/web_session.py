"""Web sessions of `workbench serve`: one row per browser sign-in, ended by sign-out, idleness or age.

The browser holds a random token in a signed cookie; only its SHA-256 digest is stored here, so a copy of the
database does not let anyone into a running server. ``last_seen_at`` is touched by the server at most once a
minute (a plain UPDATE, not audited: it is bookkeeping, not a business write); creating and ending a session are
audited like every row change.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from workbench.models.base import created_at_field, datetime_column


class WebSession(SQLModel, table=True):
    __tablename__ = "web_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    created_at: dt.datetime = created_at_field()
    last_seen_at: dt.datetime = Field(sa_type=datetime_column())
    expires_at: dt.datetime = Field(sa_type=datetime_column())  # absolute end: created + WORKBENCH_SESSION_MAX_HOURS
    ended_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())
    end_reason: str | None = Field(default=None, max_length=20)  # sign_out, idle, expired, user_disabled
