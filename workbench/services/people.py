"""People, organisations and dated memberships (who holds which post, and since when)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, or_, select

from workbench import clock
from workbench.db import transaction
from workbench.models.countries import Country
from workbench.models.people import (
    Membership,
    MembershipCreate,
    MembershipRead,
    Organization,
    OrganizationCreate,
    OrganizationRead,
    OrgClassification,
    Person,
    PersonCreate,
    PersonRead,
    PersonUpdate,
    Post,
    PostRead,
)
from workbench.services.access import Actor, require
from workbench.services.common import field_error, get_or_404, validate


def create_person(session: Session, *, data: PersonCreate | dict[str, Any], actor: Actor) -> PersonRead:
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
        return PersonRead.model_validate(person)


def update_person(session: Session, *, person_id: int, data: PersonUpdate | dict[str, Any], actor: Actor) -> PersonRead:
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
        session.flush()
        return PersonRead.model_validate(person)


def create_organization(session: Session, *, data: OrganizationCreate | dict[str, Any], actor: Actor) -> OrganizationRead:
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
        return OrganizationRead.model_validate(org)


def add_membership(session: Session, *, data: MembershipCreate | dict[str, Any], actor: Actor) -> MembershipRead:
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
        return MembershipRead.model_validate(membership)


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


def end_membership(session: Session, *, membership_id: int, end_date: dt.date, actor: Actor) -> MembershipRead:
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
        session.flush()
        return MembershipRead.model_validate(membership)


def holders(session: Session, *, post_code: str, on: dt.date | None = None) -> list[PersonRead]:
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
    return [PersonRead.model_validate(person) for person in session.exec(statement).all()]


def principals(session: Session, *, on: dt.date | None = None) -> list[tuple[PostRead, PersonRead]]:
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
    return [(PostRead.model_validate(post), PersonRead.model_validate(person))
            for post, person in session.exec(statement).all()]


def organization_by_code(session: Session, code: str) -> OrganizationRead | None:
    org = session.exec(select(Organization).where(Organization.code == code)).first()
    return OrganizationRead.model_validate(org) if org is not None else None


# --- look-ups for pickers ----------------------------------------------------------------------------

def search_people(session: Session, *, text: str = "", limit: int = 30, on: dt.date | None = None) -> list[PersonRead]:
    """People whose Thai or English name, or the post, role or organisation of a membership they hold on ``on``
    (default today), contains every word of ``text`` (case-insensitive), by Thai then English name."""
    day = on or clock.today()
    statement = select(Person)
    for word in text.split():
        pattern = f"%{word.lower()}%"
        statement = statement.where(or_(*(_lower(column).like(pattern) for column in (
            Person.given_name_th, Person.family_name_th, Person.given_name_en, Person.family_name_en)),
            col(Person.id).in_(_holding(pattern, day))))
    statement = statement.order_by(col(Person.given_name_th), col(Person.given_name_en), col(Person.id))
    return [PersonRead.model_validate(person) for person in session.exec(statement.limit(max(limit, 0))).all()]


def get_people(session: Session, *, ids: list[int]) -> list[PersonRead]:
    """The people with these ids, in the order asked (unknown ids are left out)."""
    if not ids:
        return []
    found = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(ids))).all()}
    return [PersonRead.model_validate(found[i]) for i in dict.fromkeys(ids) if i in found]


def _holding(pattern: str, day: dt.date) -> Any:
    """Ids of people with a membership on ``day`` whose post, role or organisation matches ``pattern``."""
    return (
        select(col(Membership.person_id))
        .join(Organization, col(Organization.id) == col(Membership.organization_id))
        .outerjoin(Post, col(Post.id) == col(Membership.post_id))
        .where(Membership.start_date <= day, or_(col(Membership.end_date).is_(None), col(Membership.end_date) >= day),
               or_(*(_lower(column).like(pattern) for column in (
                   Organization.name_th, Organization.name_en, Organization.abbreviation, Post.label_th,
                   Post.label_en, Membership.role_th, Membership.role_en))))
    )


@dataclass(frozen=True)
class PersonChoice:
    """What a person picker shows of one person: title and name, position and organisation (on a day)."""

    person_id: int
    name: str
    position: str = ""
    organization: str = ""

    @property
    def label(self) -> str:
        """'นายสมชาย ใจดี — สมาชิกวุฒิสภา, วุฒิสภา' (the name alone when nothing else is known)."""
        where = ", ".join(part for part in (self.position, self.organization) if part)
        return f"{self.name} — {where}" if where else self.name


def describe_people(session: Session, *, ids: list[int], on: dt.date | None = None,
                    lang: str = "th") -> list[PersonChoice]:
    """The people with these ids (in the order asked, unknown ids left out) as a picker shows them: the title and
    name, and the position and organisation of their most senior membership on ``on`` (default today) — a post
    before a role, the more senior post first, then the latest joined; without one, their nationality's country."""
    found = get_people(session, ids=ids)
    if not found:
        return []
    day = on or clock.today()
    rows = session.exec(
        select(Membership, Organization, Post)
        .join(Organization, col(Organization.id) == col(Membership.organization_id))
        .outerjoin(Post, col(Post.id) == col(Membership.post_id))
        .where(col(Membership.person_id).in_([p.id for p in found]), Membership.start_date <= day,
               or_(col(Membership.end_date).is_(None), col(Membership.end_date) >= day))
    ).all()
    best: dict[int, tuple[Any, str, str]] = {}
    for membership, org, post in rows:
        position = _text(post.label_th, post.label_en, lang) if post else _text(membership.role_th,
                                                                                 membership.role_en, lang)
        rank = (post is None, post.precedence if post else 0, -membership.start_date.toordinal(), membership.id or 0)
        current = best.get(membership.person_id)
        if current is None or rank < current[0]:
            best[membership.person_id] = (rank, position, org.display_name(lang))
    countries = {c.id: c for c in session.exec(select(Country).where(
        col(Country.id).in_({p.nationality_id for p in found if p.nationality_id is not None}))).all()}
    choices = []
    for person in found:
        if person.id in best:
            _rank, position, organization = best[person.id]
        else:
            country = countries.get(person.nationality_id)
            position, organization = "", (_text(country.name_th, country.name_en, lang) if country else "")
        choices.append(PersonChoice(person.id, person.display_name(lang), position, organization))
    return choices


def _text(th: str, en: str, lang: str) -> str:
    return (th if lang == "th" else en) or th or en


def _lower(column: Any) -> Any:
    from sqlmodel import func

    return func.lower(col(column))
