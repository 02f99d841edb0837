"""Visits: scheduling, the status workflow, delegation members and the per-visit protocol checklist.

Status workflow (only these transitions are allowed; postponing or cancelling needs a reason):
proposed → approved → confirmed → completed → reported; proposed/approved/confirmed → postponed or cancelled;
postponed → proposed (re-planned) or cancelled.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.models.countries import Country
from workbench.models.people import Organization, Person, PersonRead
from workbench.models.visits import (
    ChecklistItem,
    ChecklistItemRead,
    ChecklistTemplateItem,
    DelegationMember,
    DelegationMemberCreate,
    DelegationMemberRead,
    Direction,
    Visit,
    VisitCreate,
    VisitOfficer,
    VisitRead,
    VisitStatus,
    VisitUpdate,
)
from workbench.services.access import Actor, can_see, require
from workbench.services.common import check_transition, choice, field_error, get_or_404, get_visible, validate

S = VisitStatus
TRANSITIONS: dict[VisitStatus, frozenset[VisitStatus]] = {
    S.PROPOSED: frozenset({S.APPROVED, S.POSTPONED, S.CANCELLED}),
    S.APPROVED: frozenset({S.CONFIRMED, S.POSTPONED, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.COMPLETED, S.POSTPONED, S.CANCELLED}),
    S.COMPLETED: frozenset({S.REPORTED}),
    S.REPORTED: frozenset(),
    S.POSTPONED: frozenset({S.PROPOSED, S.CANCELLED}),
    S.CANCELLED: frozenset(),
}
NEEDS_REASON = frozenset({S.POSTPONED, S.CANCELLED})


def _read(session: Session, visit: Visit) -> VisitRead:
    officers = session.exec(select(VisitOfficer.person_id).where(VisitOfficer.visit_id == visit.id)).all()
    return VisitRead.model_validate({**visit.model_dump(), "officer_ids": sorted(officers)})


def get_visit(session: Session, *, visit_id: int, actor: Actor) -> Visit:
    """The visit, if it exists and the actor may see it (a classified visit is 'not found' to others)."""
    return get_visible(session, Visit, visit_id, actor=actor, permission="visits.read", field="visit_id")


def _visit_visible(session: Session, visit_id: int | None, actor: Actor) -> bool:
    visit = session.get(Visit, visit_id) if visit_id is not None else None
    return visit is not None and can_see(actor, visit.classification)


def _check_references(session: Session, values: dict[str, Any]) -> None:
    if values.get("country_id") is not None:
        get_or_404(session, Country, values["country_id"], field="country_id")
    for key in ("principal_id",):
        if values.get(key) is not None:
            get_or_404(session, Person, values[key], field=key)
    if values.get("organization_id") is not None:
        get_or_404(session, Organization, values["organization_id"], field="organization_id")
    for person_id in values.get("officer_ids") or []:
        get_or_404(session, Person, person_id, field="officer_ids")


def _check_dates(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise field_error("end_date", "ต้องไม่ก่อนวันเริ่มต้น", "must not be before the start date")


def schedule_visit(session: Session, *, data: VisitCreate | dict[str, Any], actor: Actor) -> VisitRead:
    """A new visit (status proposed) with its protocol checklist made from the template."""
    require(actor, "visits.write")
    data = validate(VisitCreate, data)
    if not data.title_th.strip():
        raise field_error("title_th", "ต้องกรอก", "is required")
    _check_dates(data.start_date, data.end_date)
    _check_references(session, data.model_dump())
    with transaction(session, actor=actor):
        visit = Visit(**data.model_dump(exclude={"officer_ids"}), created_by_id=getattr(actor, "id", None))
        session.add(visit)
        session.flush()
        for person_id in sorted(set(data.officer_ids)):
            session.add(VisitOfficer(visit_id=visit.id, person_id=person_id))
        _make_checklist(session, visit, owner_id=data.officer_ids[0] if data.officer_ids else None)
        session.flush()
        return _read(session, visit)


def _make_checklist(session: Session, visit: Visit, *, owner_id: int | None) -> None:
    template = session.exec(select(ChecklistTemplateItem).order_by(col(ChecklistTemplateItem.sort_order))).all()
    for item in template:
        if item.direction not in ("both", visit.direction):
            continue
        due = (visit.start_date - dt.timedelta(days=item.days_before) if item.days_before >= 0
               else visit.end_date + dt.timedelta(days=-item.days_before))
        session.add(ChecklistItem(visit_id=visit.id, code=item.code, label_th=item.label_th, label_en=item.label_en,
                                  owner_id=owner_id, due_date=due))


def update_visit(session: Session, *, visit_id: int, data: VisitUpdate | dict[str, Any], actor: Actor) -> VisitRead:
    """Change a visit's details (not its status: see change_status). Dates stay in order."""
    require(actor, "visits.write")
    data = validate(VisitUpdate, data)
    visit = get_visit(session, visit_id=visit_id, actor=actor)
    changes = data.model_dump(exclude_unset=True)
    _check_references(session, changes)
    _check_dates(changes.get("start_date") or visit.start_date, changes.get("end_date") or visit.end_date)
    if "title_th" in changes and not (changes["title_th"] or "").strip():
        raise field_error("title_th", "ต้องกรอก", "is required")
    with transaction(session, actor=actor):
        officers = changes.pop("officer_ids", None)
        for key, value in changes.items():
            setattr(visit, key, value)
        session.add(visit)
        if officers is not None:
            for link in session.exec(select(VisitOfficer).where(VisitOfficer.visit_id == visit.id)).all():
                session.delete(link)
            session.flush()
            for person_id in sorted(set(officers)):
                session.add(VisitOfficer(visit_id=visit.id, person_id=person_id))
        session.flush()
        return _read(session, visit)


def change_status(session: Session, *, visit_id: int, status: VisitStatus | str, reason: str = "",
                  actor: Actor) -> VisitRead:
    """Move a visit along its workflow; anything out of order is refused, naming both states."""
    require(actor, "visits.write")
    visit = get_visit(session, visit_id=visit_id, actor=actor)
    try:
        target = VisitStatus(status)
    except ValueError:
        raise field_error("status", f"ไม่รู้จักสถานะ '{status}'", f"unknown status '{status}'") from None
    check_transition(TRANSITIONS, VisitStatus(visit.status), target)
    if target == S.REPORTED:
        _require_report(session, visit_id=visit.id)
    if target in NEEDS_REASON and not reason.strip():
        raise field_error("status_reason", "ต้องระบุเหตุผลเมื่อเลื่อนหรือยกเลิก", "a reason is required to postpone or cancel")
    with transaction(session, actor=actor):
        visit.status = target
        visit.status_reason = reason.strip()
        session.add(visit)
        session.flush()
        return _read(session, visit)


def add_delegation_member(session: Session, *, data: DelegationMemberCreate | dict[str, Any],
                          actor: Actor) -> DelegationMemberRead:
    require(actor, "visits.write")
    data = validate(DelegationMemberCreate, data)
    get_visit(session, visit_id=data.visit_id, actor=actor)
    get_or_404(session, Person, data.person_id, field="person_id")
    if data.arrival and data.departure and data.departure < data.arrival:
        raise field_error("departure", "ต้องไม่ก่อนวันเวลาเดินทางมาถึง", "must not be before the arrival")
    if session.exec(select(DelegationMember).where(DelegationMember.visit_id == data.visit_id,
                                                   DelegationMember.person_id == data.person_id)).first():
        raise field_error("person_id", "บุคคลนี้อยู่ในคณะแล้ว", "this person is already in the delegation")
    with transaction(session, actor=actor):
        member = DelegationMember(**data.model_dump())
        session.add(member)
        session.flush()
        return DelegationMemberRead.model_validate(member)


def delegation(session: Session, *, visit_id: int, actor: Actor) -> list[tuple[DelegationMemberRead, PersonRead]]:
    get_visit(session, visit_id=visit_id, actor=actor)
    rows = session.exec(select(DelegationMember, Person).join(Person, col(Person.id) == col(DelegationMember.person_id))
                        .where(DelegationMember.visit_id == visit_id).order_by(col(DelegationMember.id))).all()
    return [(DelegationMemberRead.model_validate(member), PersonRead.model_validate(person)) for member, person in rows]


def checklist(session: Session, *, visit_id: int, actor: Actor) -> list[ChecklistItemRead]:
    get_visit(session, visit_id=visit_id, actor=actor)
    return [ChecklistItemRead.model_validate(item) for item in session.exec(
        select(ChecklistItem).where(ChecklistItem.visit_id == visit_id)
        .order_by(col(ChecklistItem.due_date), col(ChecklistItem.id))).all()]


def set_checklist_item(session: Session, *, item_id: int, done: bool | None = None, owner_id: int | None = None,
                       actor: Actor) -> ChecklistItemRead:
    # an item of a visit the actor may not see is missing, with the same words as an id that never existed
    item = get_visible(session, ChecklistItem, item_id, actor=actor, permission="visits.write", field="item_id",
                       visible=lambda item: _visit_visible(session, item.visit_id, actor))
    if owner_id is not None:
        get_or_404(session, Person, owner_id, field="owner_id")
    with transaction(session, actor=actor):
        if done is not None and done != item.done:
            from workbench.models.base import utcnow

            item.done, item.done_at = done, (utcnow() if done else None)
        if owner_id is not None:
            item.owner_id = owner_id
        session.add(item)
        session.flush()
        return ChecklistItemRead.model_validate(item)


def complete_checklist_items(session: Session, *, visit_id: int, item_ids: list[int], actor: Actor) -> int:
    """Tick several items of one visit's checklist at once; returns how many changed."""
    require(actor, "visits.write")
    get_visit(session, visit_id=visit_id, actor=actor)
    from workbench.models.base import utcnow

    items = session.exec(select(ChecklistItem).where(ChecklistItem.visit_id == visit_id,
                                                     col(ChecklistItem.id).in_(item_ids))).all()
    if len(items) != len(set(item_ids)):
        raise field_error("item_id", "มีรายการที่ไม่อยู่ในรายการตรวจสอบของการเยือนนี้",
                          "some items are not on this visit's checklist")
    with transaction(session, actor=actor):
        changed = 0
        for item in items:
            if not item.done:
                item.done, item.done_at, changed = True, utcnow(), changed + 1
                session.add(item)
        return changed


def overdue_checklist(session: Session, *, actor: Actor, today: dt.date) -> list[tuple[ChecklistItemRead, VisitRead]]:
    """Checklist items past their due date and not done, of visits still going ahead."""
    require(actor, "visits.read")
    rows = session.exec(
        select(ChecklistItem, Visit).join(Visit, col(Visit.id) == col(ChecklistItem.visit_id))
        .where(col(ChecklistItem.done).is_(False), ChecklistItem.due_date < today,
               col(Visit.status).not_in([S.CANCELLED.value, S.POSTPONED.value]))
        .order_by(col(ChecklistItem.due_date))
    ).all()
    visible = [(item, visit) for item, visit in rows if can_see(actor, visit.classification)]
    reads = {visit.id: _read(session, visit) for visit in {visit.id: visit for _, visit in visible}.values()}
    return [(ChecklistItemRead.model_validate(item), reads[visit.id]) for item, visit in visible]


def list_visits(session: Session, *, actor: Actor, start: dt.date | None = None, end: dt.date | None = None,
                direction: str | None = None, status: str | None = None) -> list[VisitRead]:
    """Visits overlapping [start, end] that the actor may see, earliest first.

    Two queries whatever the number of rows: the visits' columns, then all their officers (no query per row, and no
    ORM object per row)."""
    require(actor, "visits.read")
    conditions: list[Any] = []
    if start is not None:
        conditions.append(Visit.end_date >= start)
    if end is not None:
        conditions.append(Visit.start_date <= end)
    if direction:
        conditions.append(Visit.direction == choice(Direction, direction, "direction"))
    if status:
        conditions.append(Visit.status == choice(VisitStatus, status, "status"))
    shown = [column for column in Visit.__table__.c if column.key in VisitRead.model_fields]
    keys = [column.key for column in shown]
    rows = session.execute(select(*shown).where(*conditions).order_by(col(Visit.start_date), col(Visit.id)))
    found = [row for row in map(dict, map(functools.partial(zip, keys), rows))
             if can_see(actor, row["classification"])]
    if not found:
        return []
    officers: dict[int, list[int]] = {}
    chosen = select(Visit.id).where(*conditions)
    for visit_id, person_id in session.execute(select(VisitOfficer.visit_id, VisitOfficer.person_id)
                                               .where(col(VisitOfficer.visit_id).in_(chosen))):
        officers.setdefault(visit_id, []).append(person_id)
    return [VisitRead.model_validate({**row, "officer_ids": sorted(officers.get(row["id"], []))}) for row in found]


def read_visit(session: Session, *, visit_id: int, actor: Actor) -> VisitRead:
    """The visit as forms and detail panels show it (with its responsible officers), if the actor may see it."""
    return _read(session, get_visit(session, visit_id=visit_id, actor=actor))


def _require_report(session: Session, *, visit_id: int) -> None:
    """The rule of the "reported" status: the visit's trip report (visit summary) has been issued
    (``services/visit_documents.py`` issues it)."""
    from workbench.models.visit_documents import VisitDocumentKind, VisitDocumentVersion

    issued = session.exec(select(VisitDocumentVersion.id).where(
        VisitDocumentVersion.visit_id == visit_id, VisitDocumentVersion.kind == VisitDocumentKind.TRIP_REPORT)).first()
    if issued is None:
        raise field_error("status", "ยังไม่ได้ออกรายงานผลการเดินทาง/สรุปผลการเยือน: ออกรายงานก่อนจึงเปลี่ยนเป็น reported",
                          "the trip report (visit summary) has not been issued yet: issue it before marking the visit "
                          "reported")
