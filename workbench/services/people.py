"""People, organisations and dated memberships (who holds which post, and since when)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, or_, select

from workbench import clock
from workbench.db import transaction
from workbench.models.countries import Country
from workbench.models.people import (
    Membership,
    MembershipCreate,
    Organization,
    OrganizationCreate,
    OrgClassification,
    Person,
    PersonCreate,
    PersonUpdate,
    Post,
)
from workbench.services.access import Actor, require
from workbench.services.common import field_error, get_or_404, validate


def create_person(session: Session, *, data: PersonCreate | dict[str, Any], actor: Actor) -> Person:
    """A new person; a Thai or English given name is required."""
    require(actor, "people.write")
    data = validate(PersonCreate, data)
    if not (data.given_name_th.strip() or data.given_name_en.strip()):
        raise field_error("given_name_th", "ต้องกรอกชื่อภาษาไทยหรือภาษาอังกฤษ", "a Thai or English given name is required")
    if data.nationality_id is not None:
        get_or_404(session, Country, data.nationality_id, field="nationality_id")
    with transaction(session, actor=actor):
        person = Person(**data.model_dump())
        session.add(person)
        session.flush()
        return person


def update_person(session: Session, *, person_id: int, data: PersonUpdate | dict[str, Any], actor: Actor) -> Person:
    require(actor, "people.write")
    data = validate(PersonUpdate, data)
    person = get_or_404(session, Person, person_id, field="person_id")
    changes = data.model_dump(exclude_unset=True)
    if changes.get("nationality_id") is not None:
        get_or_404(session, Country, changes["nationality_id"], field="nationality_id")
    with transaction(session, actor=actor):
        for key, value in changes.items():
            setattr(person, key, value)
        if not (person.given_name_th.strip() or person.given_name_en.strip()):
            raise field_error("given_name_th", "ต้องกรอกชื่อภาษาไทยหรือภาษาอังกฤษ",
                              "a Thai or English given name is required")
        session.add(person)
        return person


def create_organization(session: Session, *, data: OrganizationCreate | dict[str, Any], actor: Actor) -> Organization:
    require(actor, "people.write")
    data = validate(OrganizationCreate, data)
    if data.parent_id is not None:
        get_or_404(session, Organization, data.parent_id, field="parent_id")
    if data.country_id is not None:
        get_or_404(session, Country, data.country_id, field="country_id")
    with transaction(session, actor=actor):
        org = Organization(**data.model_dump())
        session.add(org)
        session.flush()
        return org


def add_membership(session: Session, *, data: MembershipCreate | dict[str, Any], actor: Actor) -> Membership:
    """A person joins an organisation (optionally in a post) from a date; a post is held by one person at a time."""
    require(actor, "people.write")
    data = validate(MembershipCreate, data)
    if data.end_date is not None and data.end_date < data.start_date:
        raise field_error("end_date", "ต้องไม่ก่อนวันเริ่มต้น", "must not be before the start date")
    get_or_404(session, Person, data.person_id, field="person_id")
    get_or_404(session, Organization, data.organization_id, field="organization_id")
    if data.post_id is not None:
        post = get_or_404(session, Post, data.post_id, field="post_id")
        if post.organization_id != data.organization_id:
            raise field_error("post_id", "ตำแหน่งนี้ไม่ได้อยู่ในหน่วยงานที่เลือก",
                              "this post does not belong to the chosen organisation")
        _refuse_overlapping_holder(session, data)
    with transaction(session, actor=actor):
        membership = Membership(**data.model_dump())
        session.add(membership)
        session.flush()
        return membership


def _refuse_overlapping_holder(session: Session, data: MembershipCreate, *, other_than: int | None = None) -> None:
    """A single-holder post (such as the Senate President) cannot have two holders at once."""
    post = session.get(Post, data.post_id)
    if post is None or not post.single_holder:
        return
    end = data.end_date or dt.date.max
    clash = session.exec(
        select(Membership).where(
            Membership.post_id == data.post_id,
            Membership.start_date <= end,
            or_(col(Membership.end_date).is_(None), col(Membership.end_date) >= data.start_date),
            Membership.id != (other_than if other_than is not None else -1),
        )
    ).first()
    if clash is not None:
        raise field_error("post_id", f"ตำแหน่งนี้มีผู้ดำรงอยู่แล้วในช่วงเวลาดังกล่าว (สมาชิกภาพหมายเลข {clash.id})",
                          f"this post already has a holder in that period (membership {clash.id})")


def end_membership(session: Session, *, membership_id: int, end_date: dt.date, actor: Actor) -> Membership:
    require(actor, "people.write")
    membership = get_or_404(session, Membership, membership_id, field="membership_id")
    if end_date < membership.start_date:
        raise field_error("end_date", "ต้องไม่ก่อนวันเริ่มต้น", "must not be before the start date")
    if membership.post_id is not None:  # a later end may not run into the next holder's term
        _refuse_overlapping_holder(session, MembershipCreate.model_validate(
            {**membership.model_dump(), "end_date": end_date}), other_than=membership.id)
    with transaction(session, actor=actor):
        membership.end_date = end_date
        session.add(membership)
        return membership


def holders(session: Session, *, post_code: str, on: dt.date | None = None) -> list[Person]:
    """Who holds the post with this code on a day (default today)."""
    day = on or clock.today()
    statement = (
        select(Person)
        .join(Membership, col(Membership.person_id) == col(Person.id))
        .join(Post, col(Post.id) == col(Membership.post_id))
        .where(Post.code == post_code, Membership.start_date <= day,
               or_(col(Membership.end_date).is_(None), col(Membership.end_date) >= day))
        .order_by(col(Membership.start_date))
    )
    return list(session.exec(statement).all())


def principals(session: Session, *, on: dt.date | None = None) -> list[tuple[Post, Person]]:
    """Holders of single-holder posts of the Senate and its Secretariat on a day, senior first (post precedence).
    Posts in inter-parliamentary bodies (a national group's president) are single-holder too, but their holders
    are principals through their Senate posts, not through those."""
    day = on or clock.today()
    statement = (
        select(Post, Person)
        .join(Membership, col(Membership.post_id) == col(Post.id))
        .join(Person, col(Person.id) == col(Membership.person_id))
        .join(Organization, col(Organization.id) == col(Post.organization_id))
        .where(col(Post.single_holder), col(Organization.classification) != OrgClassification.INTERPARLIAMENTARY,
               Membership.start_date <= day,
               or_(col(Membership.end_date).is_(None), col(Membership.end_date) >= day))
        .order_by(col(Post.precedence), col(Post.id))
    )
    return [(post, person) for post, person in session.exec(statement).all()]


def organization_by_code(session: Session, code: str) -> Organization | None:
    return session.exec(select(Organization).where(Organization.code == code)).first()


# --- look-ups for pickers ----------------------------------------------------------------------------

def search_people(session: Session, *, text: str = "", limit: int = 30) -> list[Person]:
    """People whose Thai or English name contains ``text`` (case-insensitive), by Thai then English name."""
    statement = select(Person)
    for word in text.split():
        pattern = f"%{word.lower()}%"
        statement = statement.where(or_(*(_lower(column).like(pattern) for column in (
            Person.given_name_th, Person.family_name_th, Person.given_name_en, Person.family_name_en))))
    statement = statement.order_by(col(Person.given_name_th), col(Person.given_name_en), col(Person.id))
    return list(session.exec(statement.limit(max(limit, 0))).all())


def get_people(session: Session, *, ids: list[int]) -> list[Person]:
    """The people with these ids, in the order asked (unknown ids are left out)."""
    if not ids:
        return []
    found = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(ids))).all()}
    return [found[i] for i in dict.fromkeys(ids) if i in found]


def _lower(column: Any) -> Any:
    from sqlmodel import func

    return func.lower(col(column))
