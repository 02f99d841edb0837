"""Factories for valid objects, made through the services (so they are audited like real writes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from workbench.db import SYSTEM
from workbench.models.base import Clearance
from workbench.models.people import PersonRead
from workbench.models.users import Role, UserRead
from workbench.services import people, users

_counter = iter(range(1, 1_000_000))


def make_person(session: Session, **overrides: Any) -> PersonRead:
    number = next(_counter)
    data = {"given_name_th": f"ทดสอบ{number}", "family_name_th": "ตัวอย่าง", "given_name_en": f"Test{number}",
            "family_name_en": "Example"}
    return people.create_person(session, actor=SYSTEM, data={**data, **overrides})


def make_user(session: Session, *, role: Role = Role.VIEWER, clearance: Clearance = Clearance.NONE,
              password: str = "correct horse", **overrides: Any) -> UserRead:
    person = make_person(session)
    data = {"username": f"user{next(_counter)}", "person_id": person.id, "role": role, "clearance": clearance,
            "password": password}
    return users.create_user(session, actor=SYSTEM, data={**data, **overrides})


def user_model(session: Session, user: UserRead):  # the table row, for use as an actor
    from workbench.models.users import User

    return session.get(User, user.id)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
