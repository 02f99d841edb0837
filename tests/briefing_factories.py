"""Factories for the briefing feature: analysts, notes, talking points, agreements, made through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, select

from tests.factories import make_user, user_model
from workbench.db import SYSTEM
from workbench.models.base import Clearance
from workbench.models.countries import Country
from workbench.models.users import Role
from workbench.services import monitoring


def country(session: Session, iso2: str = "JP") -> Country:
    return session.exec(select(Country).where(Country.iso2 == iso2)).one()


def analyst(session: Session, clearance: Clearance = Clearance.NONE):
    return user_model(session, make_user(session, role=Role.ANALYST, clearance=clearance))


def viewer(session: Session, clearance: Clearance = Clearance.NONE):
    return user_model(session, make_user(session, role=Role.VIEWER, clearance=clearance))


def make_note(session: Session, *, actor: Any = SYSTEM, **overrides: Any):
    data = {"country_id": overrides.pop("country_id", None) or country(session).id,
            "noted_on": dt.date(2026, 11, 1), "category": "political", "title": "การเลือกตั้งสภาสูง",
            "summary": "พรรครัฐบาลได้ที่นั่งเพิ่มขึ้น", "tags": "election"}
    return monitoring.create_note(session, actor=actor, data={**data, **overrides})


def make_point(session: Session, *, actor: Any = SYSTEM, approve: bool = True, **overrides: Any):
    data = {"country_id": overrides.pop("country_id", None) or country(session).id, "topic": "การค้า",
            "text_th": "ยินดีที่การค้าทวิภาคีเพิ่มขึ้น", "text_en": "Welcome the growth of bilateral trade",
            "valid_from": dt.date(2026, 1, 1)}
    point = monitoring.create_talking_point(session, actor=actor, data={**data, **overrides})
    if approve:
        point = monitoring.approve_talking_point(session, point_id=point.id, actor=actor)
    return point
