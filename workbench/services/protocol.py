"""Receptions: guest lists, dietary summary, cost estimate, and the seating plan by order of precedence.

Seating: each side (host, guest) is ordered by precedence rank (data/precedence.csv), then by the person's name
and id, so the same input always gives the same plan. Seat 1 is the senior host; seat 2 the senior guest at the
host's right; sides then alternate (host, guest, host, guest...). When one side runs out, the other continues.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session, col, select

from workbench import clock
from workbench.db import transaction
from workbench.models.people import Person
from workbench.models.visits import (
    EngagementKind,
    EngagementParticipant,
    PrecedenceRank,
    Side,
)
from workbench.services.access import Actor, require
from workbench.services.common import field_error
from workbench.services.engagements import get_engagement
from workbench.services.precedence import default_precedences

UNRANKED = 999


def default_precedence(session: Session, person_id: int, on: dt.date | None = None) -> str | None:
    """One person's default rank (see default_precedences)."""
    return default_precedences(session, [person_id], on or clock.today())[person_id]


@dataclass(frozen=True)
class Seat:
    number: int
    side: str
    person_id: int
    name_th: str
    name_en: str
    rank_code: str | None
    rank: int


def seating_plan(session: Session, *, engagement_id: int, actor: Actor) -> list[Seat]:
    engagement = get_engagement(session, engagement_id=engagement_id, actor=actor)
    ranks = {r.code: r.rank for r in session.exec(select(PrecedenceRank)).all()}
    rows = session.exec(select(EngagementParticipant, Person)
                        .join(Person, col(Person.id) == col(EngagementParticipant.person_id))
                        .where(EngagementParticipant.engagement_id == engagement.id)).all()

    def ordered(side: Side) -> list[tuple[EngagementParticipant, Person]]:
        members = [(p, person) for p, person in rows if p.side == side]
        return sorted(members, key=lambda item: (ranks.get(item[0].precedence_code or "", UNRANKED),
                                                 item[1].display_name("en"), item[1].id))

    hosts, guests = ordered(Side.HOST), ordered(Side.GUEST)
    if engagement.host_id is not None:  # the host of the reception sits first, whatever the ranks say
        hosts.sort(key=lambda item: item[1].id != engagement.host_id)
    seats: list[Seat] = []
    for index in range(max(len(hosts), len(guests))):
        for side_list in (hosts, guests):
            if index < len(side_list):
                participant, person = side_list[index]
                seats.append(Seat(number=len(seats) + 1, side=participant.side, person_id=person.id,
                                  name_th=person.display_name("th"), name_en=person.display_name("en"),
                                  rank_code=participant.precedence_code,
                                  rank=ranks.get(participant.precedence_code or "", UNRANKED)))
    return seats


def set_precedence(session: Session, *, engagement_id: int, person_id: int, rank_code: str | None,
                   actor: Actor) -> None:
    """Override one participant's rank for this engagement (protocol officers know best)."""
    require(actor, "visits.write")
    get_engagement(session, engagement_id=engagement_id, actor=actor)
    known = rank_code is None or session.exec(
        select(PrecedenceRank).where(PrecedenceRank.code == rank_code)).first() is not None
    if not known:
        raise field_error("precedence_code", f"ไม่รู้จักลำดับ '{rank_code}'", f"unknown rank '{rank_code}'")
    participant = session.get(EngagementParticipant, (engagement_id, person_id))
    if participant is None:
        raise field_error("person_id", "บุคคลนี้ไม่ได้ร่วมกิจกรรม", "this person does not take part")
    with transaction(session, actor=actor):
        participant.precedence_code = rank_code
        session.add(participant)


def set_dietary(session: Session, *, engagement_id: int, person_id: int, dietary: str, actor: Actor) -> None:
    require(actor, "visits.write")
    get_engagement(session, engagement_id=engagement_id, actor=actor)
    participant = session.get(EngagementParticipant, (engagement_id, person_id))
    if participant is None:
        raise field_error("person_id", "บุคคลนี้ไม่ได้ร่วมกิจกรรม", "this person does not take part")
    with transaction(session, actor=actor):
        participant.dietary = dietary.strip()
        session.add(participant)


@dataclass(frozen=True)
class ReceptionSummary:
    engagement_id: int
    host_id: int | None
    guests: int
    hosts: int
    dietary: dict[str, int]
    cost_estimate: Decimal | None


def reception_summary(session: Session, *, engagement_id: int, actor: Actor) -> ReceptionSummary:
    engagement = get_engagement(session, engagement_id=engagement_id, actor=actor)
    if engagement.kind != EngagementKind.RECEPTION:
        raise field_error("engagement_id", "กิจกรรมนี้ไม่ใช่งานเลี้ยงรับรอง", "this engagement is not a reception")
    rows = session.exec(select(EngagementParticipant).where(
        EngagementParticipant.engagement_id == engagement.id)).all()
    dietary = Counter(r.dietary.strip().lower() for r in rows if r.dietary.strip())
    return ReceptionSummary(engagement_id=engagement.id, host_id=engagement.host_id,
                            guests=sum(r.side == Side.GUEST for r in rows),
                            hosts=sum(r.side == Side.HOST for r in rows), dietary=dict(sorted(dietary.items())),
                            cost_estimate=engagement.cost_estimate)

