"""What passes between the office and others about a meeting: documents received and sent (each linked to, or
registered in, the correspondence register and shown with its register number) and the coordination log with the
House of Representatives' secretariat on joint delegations.

A register entry the actor may not see lends nothing to a document row: neither its id nor its number. Documents
and coordination entries of a meeting the actor may not see (its visit is classified) are not listed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from workbench import clock
from workbench.db import transaction
from workbench.models.correspondence import Correspondence, Register
from workbench.models.interparliamentary import (
    CoordinationCreate,
    CoordinationEntry,
    CoordinationRead,
    DocumentDirection,
    MeetingDocument,
    MeetingDocumentCreate,
    MeetingDocumentRead,
)
from workbench.services.access import Actor, can_see, require
from workbench.services.common import classification_of, field_error, not_found, validate
from workbench.services.interparliamentary.meetings import READ, WRITE, _hidden_meeting_ids, get_meeting

REGISTER_OF = {DocumentDirection.RECEIVED: Register.INCOMING, DocumentDirection.SENT: Register.OUTGOING}


@dataclass(frozen=True)
class DocumentRow:
    """A meeting's document as lists show it; ``register_number`` is the register entry's number (``สว 0010/12``
    for an outgoing letter), empty when it is not linked or the actor may not see the entry."""

    id: int
    meeting_id: int
    direction: str
    title: str
    day: dt.date
    note: str
    correspondence_id: int | None
    register_number: str

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "direction": self.direction, "title": self.title, "day": self.day,
                "note": self.note, "register_number": self.register_number}


def _linked_entry(session: Session, *, correspondence_id: int, direction: DocumentDirection, actor: Actor) -> Correspondence:
    from workbench.services.correspondence import get_document

    entry = get_document(session, document_id=correspondence_id, actor=actor, audit_open=False)
    wanted = REGISTER_OF[DocumentDirection(direction)]
    if Register(entry.register) not in (wanted, Register.INTERNAL):
        raise field_error("correspondence_id", "ทะเบียนไม่ตรงกับประเภทเอกสาร (รับ: ทะเบียนหนังสือรับ, ส่ง: ทะเบียนหนังสือส่ง)",
                          "the register does not match the direction (received: incoming, sent: outgoing)")
    return entry


def _entry_by_number(session: Session, *, direction: DocumentDirection, number: int, year_be: int | None,
                     actor: Actor) -> Correspondence:
    """The register entry with this number in the register of the direction (received: incoming, sent: outgoing)
    for the B.E. year (default this year); one the actor may not see reads exactly like a missing one."""
    require(actor, "correspondence.read")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise field_error("register_no", "ต้องเป็นตัวเลขจำนวนเต็มบวก", "must be a positive whole number")
    year = (year_be - 543) if year_be else clock.today().year
    entry = session.exec(select(Correspondence).where(
        Correspondence.register == REGISTER_OF[DocumentDirection(direction)], Correspondence.year == year,
        Correspondence.number == number)).first()
    if entry is None or not can_see(actor, classification_of(entry)):
        raise not_found("register_no", f"{number}/{year + 543}")
    return entry


def add_document(session: Session, *, data: MeetingDocumentCreate | dict[str, Any], actor: Actor,
                 register_no: int | None = None, register_year_be: int | None = None) -> MeetingDocumentRead:
    """A document received or sent for a meeting, optionally linked to its entry in the correspondence register,
    given by id or by its register number and B.E. year (an entry the actor may not see is refused exactly like a
    missing one)."""
    require(actor, WRITE)
    data = validate(MeetingDocumentCreate, data)
    if not data.title.strip():
        raise field_error("title", "ต้องกรอก", "is required")
    get_meeting(session, meeting_id=data.meeting_id, actor=actor)
    if register_no is not None:
        if data.correspondence_id is not None:
            raise field_error("register_no", "ระบุเลขทะเบียนหรือรายการในทะเบียนอย่างใดอย่างหนึ่ง",
                              "give the register number or the register entry, not both")
        entry = _entry_by_number(session, direction=data.direction, number=register_no, year_be=register_year_be,
                                 actor=actor)
        data = data.model_copy(update={"correspondence_id": entry.id})
    if data.correspondence_id is not None:
        _linked_entry(session, correspondence_id=data.correspondence_id, direction=data.direction, actor=actor)
    with transaction(session, actor=actor):
        document = MeetingDocument(**data.model_dump())
        session.add(document)
        session.flush()
        return MeetingDocumentRead.model_validate(document, from_attributes=True)


def register_meeting_document(session: Session, *, data: MeetingDocumentCreate | dict[str, Any], counterpart: str,
                              doc_number: str = "", actor: Actor) -> MeetingDocumentRead:
    """Register the document in the correspondence register (a received one in the incoming register, a sent one
    in the outgoing register, with the next number) and record it for the meeting: one transaction."""
    from workbench.services.correspondence import register_document

    require(actor, WRITE)
    data = validate(MeetingDocumentCreate, data)
    if not data.title.strip():
        raise field_error("title", "ต้องกรอก", "is required")
    if not counterpart.strip():
        field = "sender" if data.direction == DocumentDirection.RECEIVED else "recipient"
        raise field_error(field, "ต้องกรอก", "is required")
    meeting = get_meeting(session, meeting_id=data.meeting_id, actor=actor)
    received = DocumentDirection(data.direction) == DocumentDirection.RECEIVED
    with transaction(session, actor=actor):
        entry = register_document(session, actor=actor, permission=WRITE, data={
            "register": REGISTER_OF[DocumentDirection(data.direction)], "subject": data.title.strip(),
            "doc_number": doc_number.strip(), "doc_date": data.day,
            "sender": counterpart.strip() if received else "สำนักการต่างประเทศ สำนักงานเลขาธิการวุฒิสภา",
            "recipient": "สำนักการต่างประเทศ สำนักงานเลขาธิการวุฒิสภา" if received else counterpart.strip(),
            "remarks": f"การประชุม: {meeting.title_th}"[:1000]})
        document = MeetingDocument(**{**data.model_dump(), "correspondence_id": entry.id})
        session.add(document)
        session.flush()
        return MeetingDocumentRead.model_validate(document, from_attributes=True)


def documents(session: Session, *, meeting_id: int, actor: Actor) -> list[DocumentRow]:
    """The meeting's documents by day, each with the register number of its entry when the actor may see it."""
    from workbench.services.correspondence import display_number

    get_meeting(session, meeting_id=meeting_id, actor=actor)
    rows = session.exec(select(MeetingDocument).where(MeetingDocument.meeting_id == meeting_id)
                        .order_by(col(MeetingDocument.day), col(MeetingDocument.id))).all()
    linked = [r.correspondence_id for r in rows if r.correspondence_id]
    entries = {e.id: e for e in session.exec(select(Correspondence).where(col(Correspondence.id).in_(linked))).all()
               if can_see(actor, classification_of(e))} if linked else {}
    result = []
    for row in rows:
        entry = entries.get(row.correspondence_id) if row.correspondence_id else None
        result.append(DocumentRow(
            id=row.id, meeting_id=row.meeting_id, direction=str(row.direction), title=row.title, day=row.day,
            note=row.note, correspondence_id=entry.id if entry else None,
            register_number=display_number(entry.register, entry.number) if entry else ""))
    return result


def log_coordination(session: Session, *, data: CoordinationCreate | dict[str, Any], actor: Actor) -> CoordinationRead:
    """Who asked the House of Representatives' secretariat (or was asked) what, when, the answer and the decision."""
    require(actor, WRITE)
    data = validate(CoordinationCreate, data)
    for name in ("asked_by", "question"):
        if not getattr(data, name).strip():
            raise field_error(name, "ต้องกรอก", "is required")
    if data.answered_on is not None and data.answered_on < data.asked_on:
        raise field_error("answered_on", "ต้องไม่ก่อนวันที่ถาม", "must not be before the day it was asked")
    if data.answer.strip() and data.answered_on is None:
        raise field_error("answered_on", "ต้องระบุวันที่ตอบเมื่อกรอกคำตอบ", "an answer needs the day it was given")
    if data.meeting_id is not None:
        get_meeting(session, meeting_id=data.meeting_id, actor=actor)
    with transaction(session, actor=actor):
        entry = CoordinationEntry(**data.model_dump(), recorded_by_id=getattr(actor, "id", None))
        session.add(entry)
        session.flush()
        return CoordinationRead.model_validate(entry, from_attributes=True)


def coordination_log(session: Session, *, actor: Actor, meeting_id: int | None = None) -> list[CoordinationRead]:
    """The coordination log, newest first (entries on a meeting the actor may not see are left out)."""
    require(actor, READ)
    statement = select(CoordinationEntry)
    if meeting_id is not None:
        get_meeting(session, meeting_id=meeting_id, actor=actor)
        statement = statement.where(CoordinationEntry.meeting_id == meeting_id)
    hidden = _hidden_meeting_ids(session, actor=actor)
    entries = session.exec(statement.order_by(col(CoordinationEntry.asked_on).desc(), col(CoordinationEntry.id))).all()
    return [CoordinationRead.model_validate(e, from_attributes=True) for e in entries if e.meeting_id not in hidden]
