"""Factories for visits and engagements, made through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, select

from tests.factories import make_person
from workbench.db import SYSTEM
from workbench.models.countries import Country
from workbench.models.people import Post
from workbench.services import engagements, people, visits


def country_id(session: Session, iso2: str = "JP") -> int:
    return session.exec(select(Country).where(Country.iso2 == iso2)).one().id


def make_principal(session: Session, post_code: str = "senate-president", **overrides: Any):
    person = make_person(session, **overrides)
    post = session.exec(select(Post).where(Post.code == post_code)).one()
    people.add_membership(session, actor=SYSTEM, data={
        "person_id": person.id, "organization_id": post.organization_id, "post_id": post.id,
        "start_date": "2024-07-10"})
    return person


def make_visit(session: Session, *, actor: Any = SYSTEM, **overrides: Any):
    data = {"direction": "inbound", "kind": "official_visit", "title_th": "การเยือนอย่างเป็นทางการ",
            "title_en": "Official visit", "country_id": country_id(session), "start_date": dt.date(2026, 12, 1),
            "end_date": dt.date(2026, 12, 4)}
    return visits.schedule_visit(session, actor=actor, data={**data, **overrides})


def make_engagement(session: Session, *, actor: Any = SYSTEM, **overrides: Any):
    data = {"kind": "courtesy_call", "title_th": "เอกอัครราชทูตเข้าเยี่ยมคารวะ", "title_en": "Courtesy call",
            "start": dt.datetime(2026, 12, 2, 10, 0), "end": dt.datetime(2026, 12, 2, 11, 0),
            "country_id": country_id(session)}
    return engagements.create_engagement(session, actor=actor, data={**data, **overrides})
