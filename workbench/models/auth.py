"""Sign-in support: short-lived, single-use tokens that carry a signed-in user from one dashboard to the next.

Only a SHA-256 digest of each token is stored; the token itself exists only in the link handed to the browser.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from workbench.models.base import created_at_field, datetime_column


class SignInToken(SQLModel, table=True):
    __tablename__ = "sign_in_token"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    purpose: str = Field(default="handoff", max_length=30)
    created_at: dt.datetime = created_at_field()
    expires_at: dt.datetime = Field(sa_type=datetime_column())
    used_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())
