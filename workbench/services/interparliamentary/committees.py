"""The Thai national groups' executive committees and Thailand's seats on the organisations' committees and
working bodies: Popolo organisations with dated memberships (``models/people.py``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from workbench.models.people import Membership, Organization, Person, Post
from workbench.services.access import Actor, require
from workbench.services.interparliamentary.meetings import READ, organization_by_code

NATIONAL_GROUPS = ("ipu-thai-group", "appf-thai-group", "aipa-thai-group")


@dataclass(frozen=True)
class Seat:
    membership_id: int
    organization_id: int
    organization_th: str
    organization_en: str
    person_id: int
    person_th: str
    person_en: str
    post_th: str
    post_en: str
    start: dt.date
    end: dt.date | None
    precedence: int = 100


def _seats(session: Session, organization_ids: list[int], day: dt.date | None) -> list[Seat]:
    rows = session.exec(select(Membership, Person, Organization)
                        .join(Person, col(Person.id) == col(Membership.person_id))
                        .join(Organization, col(Organization.id) == col(Membership.organization_id))
                        .where(col(Membership.organization_id).in_(organization_ids))).all()
    posts = {p.id: p for p in session.exec(select(Post)).all()}
    seats = []
    for membership, person, org in rows:
        if day is not None and not membership.active_on(day):
            continue
        post = posts.get(membership.post_id) if membership.post_id else None
        seats.append(Seat(
            membership_id=membership.id, organization_id=org.id, organization_th=org.name_th,
            organization_en=org.name_en, person_id=person.id, person_th=person.display_name("th"),
            person_en=person.display_name("en"), post_th=post.label_th if post else membership.role_th,
            post_en=post.label_en if post else membership.role_en, start=membership.start_date,
            end=membership.end_date, precedence=post.precedence if post else 100))
    return sorted(seats, key=lambda s: (s.organization_id, s.precedence, s.start, s.person_th))


def executive_committee(session: Session, *, actor: Actor, group_code: str, on: dt.date | None = None) -> list[Seat]:
    """Who sat on the national group's executive committee on day ``on`` (every membership when None)."""
    require(actor, READ)
    committee = organization_by_code(session, f"{group_code}-excom" if not group_code.endswith("-excom") else group_code)
    return _seats(session, [committee.id], on)


def thai_seats(session: Session, *, actor: Actor, organization_code: str, on: dt.date | None = None) -> list[Seat]:
    """Thailand's seats on the committees and working bodies of an organisation (children of it), on a day."""
    require(actor, READ)
    parent = organization_by_code(session, organization_code)
    children = [o.id for o in session.exec(select(Organization).where(Organization.parent_id == parent.id)).all()
                if not (o.code or "").endswith("thai-group")]
    return _seats(session, children, on) if children else []
