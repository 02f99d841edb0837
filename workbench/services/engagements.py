"""Engagements (courtesy calls, meetings, receptions, site visits, airport welcomes and farewells).

A Senate principal cannot be booked into two overlapping engagements: the error names the one that clashes.
An engagement inside a visit falls within the visit's dates.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from sqlmodel import Session, col, select

from workbench.db import lock_for_rule, transaction
from workbench.errors import ConflictError
from workbench.models.base import Clearance
from workbench.models.countries import Country
from workbench.models.people import Organization, Person
from workbench.models.visits import (
    Engagement,
    EngagementCreate,
    EngagementKind,
    EngagementParticipant,
    EngagementRead,
    EngagementStatus,
    EngagementUpdate,
    Side,
    Visit,
)
from workbench.services.access import Actor, can_see, require
from workbench.services.common import check_transition, choice, field_error, get_or_404, get_visible, validate
from workbench.services.precedence import default_precedences
from workbench.thai import format_datetime


def _read(session: Session, engagement: Engagement) -> EngagementRead:
    rows = session.exec(select(EngagementParticipant).where(
        EngagementParticipant.engagement_id == engagement.id)).all()
    return _as_read(engagement, rows)


def _as_read(engagement: Engagement, rows: Any) -> EngagementRead:
    return EngagementRead.model_validate({
        **engagement.model_dump(),
        "principal_ids": sorted(r.person_id for r in rows if r.is_principal),
        "guest_ids": sorted(r.person_id for r in rows if r.side == Side.GUEST),
    })


def get_engagement(session: Session, *, engagement_id: int, actor: Actor) -> Engagement:
    return get_visible(session, Engagement, engagement_id, actor=actor, permission="visits.read",
                       field="engagement_id")


def read_engagement(session: Session, *, engagement_id: int, actor: Actor) -> EngagementRead:
    return _read(session, get_engagement(session, engagement_id=engagement_id, actor=actor))


def _check(session: Session, values: dict[str, Any], *, start: dt.datetime, end: dt.datetime, actor: Actor) -> int:
    """Check the engagement's values; the classification it must carry (at least its visit's)."""
    if end <= start:
        raise field_error("end", "ต้องหลังเวลาเริ่ม", "must be after the start")
    level = int(values.get("classification") or 0)
    for key, model in (("country_id", Country), ("organization_id", Organization), ("host_id", Person)):
        if values.get(key) is not None:
            get_or_404(session, model, values[key], field=key)
    for key in ("principal_ids", "guest_ids"):
        for person_id in values.get(key) or []:
            get_or_404(session, Person, person_id, field=key)
    if values.get("visit_id") is not None:
        # a visit the actor may not see is missing: no link to it, and no hint of its dates
        visit = get_visible(session, Visit, values["visit_id"], actor=actor, permission="visits.read",
                            field="visit_id")
        if not (visit.start_date <= start.date() and end.date() <= visit.end_date):
            raise field_error("start", "ต้องอยู่ในช่วงวันของการเยือน", "must fall within the visit's dates")
        level = max(level, int(visit.classification))
    if values.get("cost_estimate") is not None and values["cost_estimate"] < 0:
        raise field_error("cost_estimate", "ต้องไม่ติดลบ", "must not be negative")
    return level


def _refuse_clash(session: Session, *, principal_ids: list[int], start: dt.datetime, end: dt.datetime, actor: Actor,
                  ignore_id: int | None = None) -> None:
    """Refuse when a principal already has a (not cancelled) engagement overlapping [start, end).

    The message names a clashing engagement the actor may see; a clash with one it may not see is refused all
    the same (the principal is busy) but says nothing of it: no subject, no id, only the requested times."""
    if not principal_ids:
        return
    statement = (
        select(Engagement, EngagementParticipant.person_id)
        .join(EngagementParticipant, col(EngagementParticipant.engagement_id) == col(Engagement.id))
        .where(col(EngagementParticipant.person_id).in_(principal_ids), col(EngagementParticipant.is_principal),
               Engagement.status != EngagementStatus.CANCELLED, Engagement.start < end, Engagement.end > start)
        .order_by(col(Engagement.start))
    )
    clashes = [(e, person_id) for e, person_id in session.exec(statement).all() if e.id != ignore_id]
    if not clashes:
        return
    shown = [(e, person_id) for e, person_id in clashes if can_see(actor, e.classification)]
    engagement, person_id = (shown or clashes)[0]
    person = session.get(Person, person_id)
    who_th, who_en = (person.display_name("th"), person.display_name("en")) if person else ("?", "?")
    if not shown:
        raise ConflictError(
            f"{who_th} ไม่ว่างในช่วงเวลาที่ขอ ({format_datetime(start)} – {format_datetime(end)})",
            f"{who_en} is not free at the requested time ({start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M})",
            field="principal_ids", field_th="ผู้บริหารที่ร่วม", field_en="principals",
        )
    raise ConflictError(
        f"{who_th} มีกิจกรรมซ้อนเวลา: #{engagement.id} «{engagement.title_th}» {format_datetime(engagement.start)}",
        f"{who_en} is already booked: #{engagement.id} «{engagement.title_en or engagement.title_th}» "
        f"at {engagement.start:%Y-%m-%d %H:%M}",
        field="principal_ids", field_th="ผู้บริหารที่ร่วม", field_en="principals",
    )


def _set_participants(session: Session, engagement: Engagement, *, principal_ids: list[int],
                      guest_ids: list[int], replace: bool = True) -> None:
    if replace:
        for row in session.exec(select(EngagementParticipant).where(
                EngagementParticipant.engagement_id == engagement.id)).all():
            session.delete(row)
        session.flush()
    host_side = list(dict.fromkeys(principal_ids))
    if engagement.host_id is not None and engagement.host_id not in host_side:
        host_side.insert(0, engagement.host_id)
    guests = [person_id for person_id in dict.fromkeys(guest_ids) if person_id not in host_side]
    ranks = default_precedences(session, host_side + guests, engagement.start.date())
    for person_id in host_side:
        session.add(EngagementParticipant(engagement_id=engagement.id, person_id=person_id, side=Side.HOST,
                                          is_principal=person_id in principal_ids, precedence_code=ranks[person_id]))
    for person_id in guests:
        session.add(EngagementParticipant(engagement_id=engagement.id, person_id=person_id, side=Side.GUEST,
                                          precedence_code=ranks[person_id]))


def create_engagement(session: Session, *, data: EngagementCreate | dict[str, Any], actor: Actor) -> EngagementRead:
    require(actor, "visits.write")
    data = validate(EngagementCreate, data)
    if not data.title_th.strip():
        raise field_error("title_th", "ต้องกรอก", "is required")
    values = data.model_dump()
    level = _check(session, values, start=data.start, end=data.end, actor=actor)
    with transaction(session, actor=actor):
        lock_for_rule(session, Person, data.principal_ids)  # a principal's time: one writer at a time
        _refuse_clash(session, principal_ids=data.principal_ids, start=data.start, end=data.end, actor=actor)
        engagement = Engagement(**{**data.model_dump(exclude={"principal_ids", "guest_ids"}),
                                   "classification": Clearance(level)})
        session.add(engagement)
        session.flush()
        _set_participants(session, engagement, principal_ids=data.principal_ids, guest_ids=data.guest_ids,
                          replace=False)
        session.flush()
        return _read(session, engagement)


def update_engagement(session: Session, *, engagement_id: int, data: EngagementUpdate | dict[str, Any],
                      actor: Actor) -> EngagementRead:
    require(actor, "visits.write")
    data = validate(EngagementUpdate, data)
    engagement = get_engagement(session, engagement_id=engagement_id, actor=actor)
    current = _read(session, engagement)
    changes = data.model_dump(exclude_unset=True)
    principal_ids = changes.pop("principal_ids", None)
    guest_ids = changes.pop("guest_ids", None)
    merged = {**current.model_dump(), **changes}
    if principal_ids is not None:
        merged["principal_ids"] = principal_ids
    if guest_ids is not None:
        merged["guest_ids"] = guest_ids
    level = _check(session, merged, start=merged["start"], end=merged["end"], actor=actor)
    if level != int(engagement.classification) or "classification" in changes:
        changes["classification"] = Clearance(level)
    with transaction(session, actor=actor):
        lock_for_rule(session, Person, merged["principal_ids"])
        if engagement.status != EngagementStatus.CANCELLED:
            _refuse_clash(session, principal_ids=merged["principal_ids"], start=merged["start"], end=merged["end"],
                          actor=actor, ignore_id=engagement.id)
        for key, value in changes.items():
            setattr(engagement, key, value)
        session.add(engagement)
        session.flush()
        if principal_ids is not None or guest_ids is not None or "host_id" in changes:
            _set_participants(session, engagement, principal_ids=merged["principal_ids"],
                              guest_ids=merged["guest_ids"])
            session.flush()
        return _read(session, engagement)


E = EngagementStatus
# planned → held or cancelled; a cancelled engagement may be planned again (if its principals are free);
# a held one stays held (its record of conversation hangs on it).
ENGAGEMENT_TRANSITIONS: dict[EngagementStatus, frozenset[EngagementStatus]] = {
    E.PLANNED: frozenset({E.HELD, E.CANCELLED}),
    E.CANCELLED: frozenset({E.PLANNED}),
    E.HELD: frozenset(),
}


def set_engagement_status(session: Session, *, engagement_id: int, status: EngagementStatus | str,
                          actor: Actor) -> EngagementRead:
    """Mark an engagement held or cancelled, or plan a cancelled one again (only ENGAGEMENT_TRANSITIONS)."""
    require(actor, "visits.write")
    engagement = get_engagement(session, engagement_id=engagement_id, actor=actor)
    try:
        target = EngagementStatus(status)
    except ValueError:
        raise field_error("status", f"ไม่รู้จักสถานะ '{status}'", f"unknown status '{status}'") from None
    check_transition(ENGAGEMENT_TRANSITIONS, EngagementStatus(engagement.status), target)
    with transaction(session, actor=actor):
        if engagement.status == EngagementStatus.CANCELLED and target != EngagementStatus.CANCELLED:
            principal_ids = _read(session, engagement).principal_ids
            lock_for_rule(session, Person, principal_ids)
            _refuse_clash(session, principal_ids=principal_ids, start=engagement.start, end=engagement.end,
                          actor=actor, ignore_id=engagement.id)
        engagement.status = target
        session.add(engagement)
        session.flush()
        return _read(session, engagement)


def list_engagements(session: Session, *, actor: Actor, start: dt.datetime | None = None,
                     end: dt.datetime | None = None, visit_id: int | None = None,
                     kind: str | None = None) -> list[EngagementRead]:
    """Engagements overlapping [start, end) that the actor may see, earliest first.

    Two queries whatever the number of rows: the engagements' columns, then all their participants' (no query per
    row, and no ORM object per row: 2,000 engagements and their 7,000 participants at twenty years)."""
    require(actor, "visits.read")
    conditions: list[Any] = []
    if start is not None:
        conditions.append(Engagement.end > start)
    if end is not None:
        conditions.append(Engagement.start < end)
    if visit_id is not None:
        conditions.append(Engagement.visit_id == visit_id)
    if kind:
        conditions.append(Engagement.kind == choice(EngagementKind, kind, "kind"))
    shown = [column for column in Engagement.__table__.c if column.key in EngagementRead.model_fields]
    keys = [column.key for column in shown]
    rows = session.execute(select(*shown).where(*conditions).order_by(col(Engagement.start), col(Engagement.id)))
    found = [row for row in map(dict, map(functools.partial(zip, keys), rows))
             if can_see(actor, row["classification"])]
    if not found:
        return []
    principals: dict[int, list[int]] = {}
    guests: dict[int, list[int]] = {}
    chosen = select(Engagement.id).where(*conditions)
    for engagement_id, person_id, side, is_principal in session.execute(
            select(EngagementParticipant.engagement_id, EngagementParticipant.person_id, EngagementParticipant.side,
                   EngagementParticipant.is_principal).where(col(EngagementParticipant.engagement_id).in_(chosen))):
        if is_principal:
            principals.setdefault(engagement_id, []).append(person_id)
        if side == Side.GUEST:
            guests.setdefault(engagement_id, []).append(person_id)
    return [EngagementRead.model_validate({**row, "principal_ids": sorted(principals.get(row["id"], [])),
                                           "guest_ids": sorted(guests.get(row["id"], []))}) for row in found]
