"""The audit trail: one row per written record and action, with the changed fields before and after."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from workbench.models.base import datetime_column, utcnow


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True, sa_type=datetime_column())
    actor_id: int | None = Field(default=None, foreign_key="app_user.id")
    actor_name: str = Field(max_length=60)
    entity: str = Field(max_length=60, index=True)
    entity_id: str = Field(max_length=60, index=True)
    action: str = Field(max_length=30, description="create, update, delete, or an event such as login_failed")
    changes: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
