"""Thailand's positions per agenda item (versions, who approved; classification-aware), resolutions adopted and
Thailand's interventions. A classified position or intervention an actor may not see is neither shown nor counted."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, func, select

from workbench.db import transaction
from workbench.models.interparliamentary import (
    AgendaItem,
    AgendaItemRead,
    Intervention,
    InterventionCreate,
    InterventionRead,
    Position,
    PositionCreate,
    PositionRead,
    Resolution,
    ResolutionCreate,
    ResolutionRead,
)
from workbench.models.people import Person, PersonRead
from workbench.services.access import Actor, can_see, require
from workbench.services.common import field_error, get_or_404, validate
from workbench.services.interparliamentary.meetings import READ, WRITE, get_meeting


def _visible_levels(actor: Actor) -> list[int]:
    return [level for level in range(4) if can_see(actor, level)]


def add_position(session: Session, *, data: PositionCreate | dict[str, Any], actor: Actor) -> PositionRead:
    """A new version of Thailand's position on an agenda item; earlier versions stay as they were."""
    require(actor, WRITE)
    data = validate(PositionCreate, data)
    if not data.text.strip():
        raise field_error("text", "ต้องกรอก", "is required")
    if not can_see(actor, data.classification):
        raise field_error("classification", "ชั้นความลับสูงกว่าสิทธิ์ของผู้ใช้", "classified above the user's clearance")
    item = get_or_404(session, AgendaItem, data.agenda_item_id, field="agenda_item_id")
    get_meeting(session, meeting_id=item.meeting_id, actor=actor)
    if data.approved_by_id is not None:
        get_or_404(session, Person, data.approved_by_id, field="approved_by_id")
    if data.approved_on is not None and data.approved_by_id is None:
        raise field_error("approved_by_id", "ต้องระบุผู้อนุมัติเมื่อระบุวันที่อนุมัติ", "an approval date needs an approver")
    last = session.exec(select(func.max(Position.version)).where(Position.agenda_item_id == item.id)).one()
    with transaction(session, actor=actor):
        position = Position(**data.model_dump(), version=(last or 0) + 1, created_by_id=getattr(actor, "id", None))
        session.add(position)
        session.flush()
        return PositionRead.model_validate(position)


def positions(session: Session, *, meeting_id: int, actor: Actor) -> list[tuple[AgendaItemRead, PositionRead]]:
    """Every version the actor may see, per agenda item in agenda order, newest version first."""
    require(actor, READ)
    get_meeting(session, meeting_id=meeting_id, actor=actor)
    rows = session.exec(select(AgendaItem, Position).join(Position, col(Position.agenda_item_id) == col(AgendaItem.id))
                        .where(AgendaItem.meeting_id == meeting_id,
                               col(Position.classification).in_(_visible_levels(actor)))
                        .order_by(col(AgendaItem.sort_order), col(AgendaItem.id), col(Position.version).desc())).all()
    return [(AgendaItemRead.model_validate(item), PositionRead.model_validate(position)) for item, position in rows]


def latest_positions(session: Session, *, meeting_id: int, actor: Actor) -> dict[int, PositionRead]:
    """The newest version the actor may see of each agenda item's position."""
    latest: dict[int, PositionRead] = {}
    for item, position in positions(session, meeting_id=meeting_id, actor=actor):
        latest.setdefault(item.id, position)
    return latest


def count_positions(session: Session, *, meeting_id: int, actor: Actor) -> int:
    """How many position versions of the meeting the actor may see (counted in the database)."""
    require(actor, READ)
    get_meeting(session, meeting_id=meeting_id, actor=actor)
    return session.exec(select(func.count()).select_from(Position)
                        .join(AgendaItem, col(AgendaItem.id) == col(Position.agenda_item_id))
                        .where(AgendaItem.meeting_id == meeting_id,
                               col(Position.classification).in_(_visible_levels(actor)))).one()


def add_resolution(session: Session, *, data: ResolutionCreate | dict[str, Any], actor: Actor) -> ResolutionRead:
    require(actor, WRITE)
    data = validate(ResolutionCreate, data)
    if not data.title_th.strip():
        raise field_error("title_th", "ต้องกรอก", "is required")
    get_meeting(session, meeting_id=data.meeting_id, actor=actor)
    if data.agenda_item_id is not None:
        item = get_or_404(session, AgendaItem, data.agenda_item_id, field="agenda_item_id")
        if item.meeting_id != data.meeting_id:
            raise field_error("agenda_item_id", "วาระนี้ไม่ใช่ของการประชุมนี้", "this agenda item belongs to another meeting")
    with transaction(session, actor=actor):
        resolution = Resolution(**data.model_dump())
        session.add(resolution)
        session.flush()
        return ResolutionRead.model_validate(resolution)


def resolutions(session: Session, *, meeting_id: int, actor: Actor) -> list[ResolutionRead]:
    get_meeting(session, meeting_id=meeting_id, actor=actor)
    return [ResolutionRead.model_validate(resolution) for resolution in session.exec(
        select(Resolution).where(Resolution.meeting_id == meeting_id).order_by(col(Resolution.id))).all()]


def add_intervention(session: Session, *, data: InterventionCreate | dict[str, Any], actor: Actor) -> InterventionRead:
    require(actor, WRITE)
    data = validate(InterventionCreate, data)
    if not data.summary.strip():
        raise field_error("summary", "ต้องกรอก", "is required")
    if not can_see(actor, data.classification):
        raise field_error("classification", "ชั้นความลับสูงกว่าสิทธิ์ของผู้ใช้", "classified above the user's clearance")
    get_meeting(session, meeting_id=data.meeting_id, actor=actor)
    get_or_404(session, Person, data.speaker_id, field="speaker_id")
    with transaction(session, actor=actor):
        intervention = Intervention(**data.model_dump())
        session.add(intervention)
        session.flush()
        return InterventionRead.model_validate(intervention)


def interventions(session: Session, *, meeting_id: int, actor: Actor) -> list[tuple[InterventionRead, PersonRead]]:
    get_meeting(session, meeting_id=meeting_id, actor=actor)
    rows = session.exec(select(Intervention, Person).join(Person, col(Person.id) == col(Intervention.speaker_id))
                        .where(Intervention.meeting_id == meeting_id,
                               col(Intervention.classification).in_(_visible_levels(actor)))
                        .order_by(col(Intervention.day), col(Intervention.id))).all()
    return [(InterventionRead.model_validate(i), PersonRead.model_validate(p)) for i, p in rows]
