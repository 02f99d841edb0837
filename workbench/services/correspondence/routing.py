"""Routing (การเสนอแฟ้ม): assign a document to a work group or an officer with a note, forward it, return it,
sign it off. Every step is kept with who and when; the entry shows where the document is now.

Who may route: registering staff (``correspondence.route``) any document they may see; any other officer the
documents on their own desk. A document goes only to an officer cleared for its secrecy class.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from workbench import clock
from workbench.db import transaction
from workbench.errors import PermissionDenied
from workbench.models.correspondence import (
    Correspondence,
    CorrespondenceRead,
    CorrespondenceStatus,
    Disposal,
    RoutingAction,
    RoutingStep,
    RoutingStepRead,
)
from workbench.models.users import User
from workbench.services.access import Actor, can_see, has_permission, require
from workbench.services.common import field_error
from workbench.services.correspondence.registers import OPEN_STATUSES, _document, list_documents, to_read

NEXT_STATUS = {
    RoutingAction.ASSIGN: CorrespondenceStatus.ROUTED,
    RoutingAction.FORWARD: CorrespondenceStatus.ROUTED,
    RoutingAction.RETURN: CorrespondenceStatus.RETURNED,
    RoutingAction.SIGN_OFF: CorrespondenceStatus.SIGNED_OFF,
}


def _target_user(session: Session, user_id: int | None, doc: Correspondence) -> User | None:
    if user_id is None:
        return None
    user = session.get(User, user_id)
    if user is None or not user.is_active:
        raise field_error("assignee_id", f"ไม่พบผู้ใช้หมายเลข {user_id}", f"no active user with id {user_id}")
    if not can_see(user, doc.classification):
        raise field_error("assignee_id", "ผู้รับไม่มีสิทธิ์เข้าถึงชั้นความลับของหนังสือนี้",
                          "that officer is not cleared for this document's secrecy class")
    return user


def _may_route(actor: Actor, doc: Correspondence) -> None:
    if has_permission(actor, "correspondence.route"):
        return
    require(actor, "correspondence.read")
    if doc.assignee_id is None or doc.assignee_id != getattr(actor, "id", None):
        raise PermissionDenied(
            f"ผู้ใช้ {getattr(actor, 'username', '?')} ส่งต่อได้เฉพาะหนังสือที่อยู่บนโต๊ะของตน",
            f"user {getattr(actor, 'username', '?')} may route only the documents on their own desk")


def route(session: Session, *, document_id: int, actor: Actor, action: RoutingAction | str,
          to_user_id: int | None = None, to_group: str = "", note: str = "",
          at: dt.datetime | None = None) -> CorrespondenceRead:
    """One routing step (``at``: when it happened, default now; for loading past steps). ``assign``/``forward`` need an officer or a work group; ``return`` sends the document
    back to whoever passed it on; ``sign_off`` closes it."""
    try:
        action = RoutingAction(action)
    except ValueError:
        raise field_error("action", "ไม่อยู่ในตัวเลือกที่กำหนด", "is not one of the allowed choices") from None
    doc = _document(session, document_id=document_id, actor=actor, audit_open=False)
    _may_route(actor, doc)
    note = " ".join((note or "").split())
    to_group = " ".join((to_group or "").split())
    if len(note) > 1000:
        raise field_error("note", "ยาวเกินกำหนด", "is too long")
    if doc.disposal != Disposal.KEPT:
        raise field_error("status", "หนังสือนี้ถูกจำหน่ายแล้ว", "this document has been disposed of")
    if doc.status == CorrespondenceStatus.SIGNED_OFF:
        raise field_error("status", "หนังสือนี้ลงนาม/สั่งการเสร็จแล้ว", "this document is already signed off")
    steps = history(session, document_id=doc.id, actor=actor, audit_open=False)
    if action in (RoutingAction.ASSIGN, RoutingAction.FORWARD):
        if to_user_id is None and not to_group:
            raise field_error("assignee_id", "ต้องระบุผู้รับผิดชอบหรือกลุ่มงาน", "name an officer or a work group")
        _target_user(session, to_user_id, doc)
    elif action == RoutingAction.RETURN:
        passed_on = [s for s in steps if s.action in (RoutingAction.ASSIGN, RoutingAction.FORWARD)]
        if not passed_on:
            raise field_error("action", "ยังไม่มีผู้ส่งมาจึงส่งคืนไม่ได้", "nobody passed it on: nothing to return to")
        if not note:
            raise field_error("note", "ต้องระบุเหตุผลที่ส่งคืน", "say why it is returned")
        to_user_id, to_group = passed_on[-1].by_id, ""
    else:
        to_user_id, to_group = doc.assignee_id, doc.work_group
    with transaction(session, actor=actor):
        step = RoutingStep(correspondence_id=doc.id, action=action, by_id=getattr(actor, "id", None),
                           by_name=getattr(actor, "username", ""), to_user_id=to_user_id, to_group=to_group,
                           note=note, at=(at or clock.now()).replace(microsecond=0))
        session.add(step)
        doc.status = NEXT_STATUS[action]
        if action != RoutingAction.SIGN_OFF:
            doc.assignee_id = to_user_id
            doc.work_group = to_group
        session.add(doc)
        session.flush()
        return to_read(session, doc)


def history(session: Session, *, document_id: int, actor: Actor,
            audit_open: bool = False) -> list[RoutingStepRead]:
    """Every routing step of a document the actor may see, oldest first."""
    doc = _document(session, document_id=document_id, actor=actor, audit_open=audit_open)
    return [RoutingStepRead.model_validate(step, from_attributes=True) for step in session.exec(
        select(RoutingStep).where(RoutingStep.correspondence_id == doc.id)
        .order_by(col(RoutingStep.at), col(RoutingStep.id))).all()]


def my_desk(session: Session, *, actor: Actor) -> list[CorrespondenceRead]:
    """Open documents assigned to the signed-in user, oldest due first."""
    docs = [d for d in list_documents(session, actor=actor, assignee_id=getattr(actor, "id", -1))
            if d.status in OPEN_STATUSES and d.disposal == Disposal.KEPT]
    return sorted(docs, key=lambda d: (d.due_at or dt.datetime.max, d.id))


def overdue(session: Session, *, actor: Actor, now: dt.datetime | None = None) -> list[CorrespondenceRead]:
    """Open documents past the due time their urgency gives (data), most overdue first."""
    docs = list_documents(session, actor=actor, overdue_at=now or clock.now())
    return sorted([d for d in docs if d.disposal == Disposal.KEPT], key=lambda d: (d.due_at, d.id))


def officers(session: Session, *, actor: Actor) -> list[tuple[str, int]]:
    """Active users a document may be routed to, as (label, id): Thai name and user name."""
    from workbench.models.people import Person
    from workbench.models.users import Role

    require(actor, "correspondence.read")
    rows = session.exec(select(User, Person).join(Person, col(Person.id) == col(User.person_id)).where(
        col(User.is_active), User.role != Role.VIEWER).order_by(col(User.username))).all()
    return [(f"{p.given_name_th} {p.family_name_th} ({u.username})", u.id) for u, p in rows]


def steps_view(session: Session, *, document_id: int, actor: Actor) -> list[RoutingStepRead]:
    """The routing steps with the receiving officer's name (``to_name``), for display."""
    steps = history(session, document_id=document_id, actor=actor)
    names = {uid: label for label, uid in officers(session, actor=actor)}
    return [step.model_copy(update={"to_name": names.get(step.to_user_id, "")}) for step in steps]
