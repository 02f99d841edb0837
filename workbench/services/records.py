"""Records of conversation (บันทึกการสนทนา) after courtesy calls and meetings, and their follow-ups.

A record is written once per engagement; a correction is an amendment appended to it (nothing is overwritten).
A courtesy call or meeting that has ended without a record for more than ``record_due_days`` is overdue.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.models.base import utcnow
from workbench.models.people import Person
from workbench.models.visits import (
    ConversationRecord,
    ConversationRecordCreate,
    ConversationRecordRead,
    Engagement,
    EngagementKind,
    EngagementRead,
    EngagementStatus,
    FollowUp,
    FollowUpRead,
)
from workbench.services.access import Actor, can_see, require
from workbench.services.common import field_error, get_or_404, get_visible, validate
from workbench.services.engagements import get_engagement, read_engagement

RECORDED_KINDS = frozenset({EngagementKind.COURTESY_CALL, EngagementKind.MEETING})


def record_conversation(session: Session, *, data: ConversationRecordCreate | dict[str, Any],
                        actor: Actor) -> ConversationRecordRead:
    """Write the record of a courtesy call or meeting; the engagement becomes 'held'."""
    require(actor, "records.write")
    data = validate(ConversationRecordCreate, data)
    engagement = get_engagement(session, engagement_id=data.engagement_id, actor=actor)
    if engagement.kind not in RECORDED_KINDS:
        raise field_error("engagement_id", "บันทึกการสนทนาใช้กับการเข้าเยี่ยมคารวะหรือการประชุมเท่านั้น",
                          "records of conversation are for courtesy calls and meetings only")
    if engagement.status == EngagementStatus.CANCELLED:
        raise field_error("engagement_id", "กิจกรรมนี้ถูกยกเลิกแล้ว", "this engagement was cancelled")
    if not data.summary.strip():
        raise field_error("summary", "ต้องกรอก", "is required")
    if session.exec(select(ConversationRecord).where(ConversationRecord.engagement_id == engagement.id)).first():
        raise field_error("engagement_id", "กิจกรรมนี้มีบันทึกการสนทนาแล้ว (แก้ไขโดยเพิ่มข้อความเพิ่มเติม)",
                          "this engagement already has a record (add an amendment instead)")
    if data.classification < engagement.classification:
        raise field_error("classification", "ชั้นความลับต้องไม่ต่ำกว่าของกิจกรรม",
                          "must not be lower than the engagement's classification")
    for follow_up in data.follow_ups:
        if follow_up.owner_id is not None:
            get_or_404(session, Person, follow_up.owner_id, field="owner_id")
    with transaction(session, actor=actor):
        record = ConversationRecord(**data.model_dump(exclude={"follow_ups"}),
                                    recorded_by_id=getattr(actor, "id", None))
        session.add(record)
        session.flush()
        for follow_up in data.follow_ups:
            session.add(FollowUp(record_id=record.id, **follow_up.model_dump()))
        engagement.status = EngagementStatus.HELD
        session.add(engagement)
        session.flush()
        return ConversationRecordRead.model_validate(record)


def amend_record(session: Session, *, record_id: int, text: str, actor: Actor) -> ConversationRecordRead:
    """Append a dated amendment to a record's summary; the original text stays as it was."""
    require(actor, "records.write")
    record = get_record(session, record_id=record_id, actor=actor)
    if not text.strip():
        raise field_error("summary", "ต้องกรอกข้อความเพิ่มเติม", "the amendment text is required")
    with transaction(session, actor=actor):
        stamp = utcnow().strftime("%Y-%m-%d %H:%M UTC")
        who = getattr(actor, "username", "?")
        record.summary = f"{record.summary}\n\n[{stamp} {who}] {text.strip()}"
        session.add(record)
        session.flush()
        return ConversationRecordRead.model_validate(record)


def _record_visible(session: Session, record: ConversationRecord, actor: Actor) -> bool:
    engagement = session.get(Engagement, record.engagement_id)
    return can_see(actor, record.classification) and (engagement is None or can_see(actor, engagement.classification))


def get_record(session: Session, *, record_id: int, actor: Actor) -> ConversationRecord:
    """The record if the actor may see it and its engagement; otherwise exactly as if it did not exist."""
    return get_visible(session, ConversationRecord, record_id, actor=actor, permission="visits.read",
                       field="record_id", visible=lambda record: _record_visible(session, record, actor))


def record_for(session: Session, *, engagement_id: int, actor: Actor) -> ConversationRecordRead | None:
    get_engagement(session, engagement_id=engagement_id, actor=actor)
    record = session.exec(select(ConversationRecord).where(
        ConversationRecord.engagement_id == engagement_id)).first()
    if record is None or not can_see(actor, record.classification):
        return None
    return ConversationRecordRead.model_validate(record)


def follow_ups(session: Session, *, record_id: int, actor: Actor) -> list[FollowUpRead]:
    get_record(session, record_id=record_id, actor=actor)
    return [FollowUpRead.model_validate(item) for item in session.exec(
        select(FollowUp).where(FollowUp.record_id == record_id).order_by(col(FollowUp.id))).all()]


def complete_follow_up(session: Session, *, follow_up_id: int, actor: Actor) -> FollowUpRead:
    item = get_visible(session, FollowUp, follow_up_id, actor=actor, permission="records.write",
                       field="follow_up_id", visible=lambda item: _record_visible(
                           session, session.get(ConversationRecord, item.record_id), actor))
    with transaction(session, actor=actor):
        item.done, item.done_at = True, utcnow()
        session.add(item)
        session.flush()
        return FollowUpRead.model_validate(item)


def overdue_records(session: Session, *, actor: Actor, now: dt.datetime, due_days: int) -> list[EngagementRead]:
    """Courtesy calls and meetings that ended more than ``due_days`` ago, not cancelled, with no record."""
    require(actor, "visits.read")
    recorded = select(ConversationRecord.engagement_id)
    rows = session.exec(
        select(Engagement).where(
            col(Engagement.kind).in_([k.value for k in RECORDED_KINDS]),
            Engagement.status != EngagementStatus.CANCELLED,
            Engagement.end < now - dt.timedelta(days=due_days),
            col(Engagement.id).not_in(recorded),
        ).order_by(col(Engagement.end))
    ).all()
    return [read_engagement(session, engagement_id=e.id, actor=actor) for e in rows if can_see(actor, e.classification)]


def overdue_follow_ups(session: Session, *, actor: Actor, today: dt.date) -> list[FollowUpRead]:
    require(actor, "visits.read")
    rows = session.exec(select(FollowUp, ConversationRecord)
                        .join(ConversationRecord, col(ConversationRecord.id) == col(FollowUp.record_id))
                        .where(col(FollowUp.done).is_(False), col(FollowUp.due_date).is_not(None),
                               col(FollowUp.due_date) < today)
                        .order_by(col(FollowUp.due_date))).all()
    return [FollowUpRead.model_validate(f) for f, record in rows if can_see(actor, record.classification)]
