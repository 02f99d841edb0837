"""Reading the audit trail (administrators only).

Row changes are listed with the names of the changed fields, never their values. A change to a record the reader
may not see (classified above their clearance, or hanging on such a record) is left out, as if it had not been
written: its id would tell that the record exists. Events (failed sign-ins, refused links) show their details,
which never hold record contents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from workbench.models.audit import AuditEntry
from workbench.services.access import Actor, can_see, require
from workbench.services.common import classification_of

ROW_ACTIONS = frozenset({"create", "update", "delete"})


@dataclass(frozen=True)
class AuditLine:
    at: dt.datetime
    actor: str
    entity: str
    entity_id: str
    action: str
    details: str


def recent_entries(session: Session, *, actor: Actor, limit: int = 100) -> list[AuditLine]:
    """The newest ``limit`` audit entries, newest first."""
    require(actor, "audit.read")
    limit = max(1, min(int(limit), 1000))
    rows = session.exec(select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(limit)).all()
    return [AuditLine(at=row.at, actor=row.actor_name, entity=row.entity, entity_id=row.entity_id,
                      action=row.action, details=_details(row)) for row in rows
            if row.action not in ROW_ACTIONS or _row_visible(session, actor, row.entity, row.entity_id)]


# rows that carry no classification of their own but hang on a record that does: (table, link attribute, parent)
def _parents() -> dict[str, tuple[str, type]]:
    from workbench.models.administration import Gift
    from workbench.models.briefing import BriefingPack
    from workbench.models.correspondence import Correspondence, CorrespondenceAttachment, RoutingStep
    from workbench.models.interparliamentary import (
        AgendaItem,
        CoordinationEntry,
        Intervention,
        Meeting,
        MeetingDocument,
        MeetingSummary,
        Observer,
        Position,
        PrepTask,
        Resolution,
        SummaryFollowUp,
    )
    from workbench.models.travel import TravelLetter, VisaRequest
    from workbench.models.visit_documents import ProgrammeDetails, ReportNarrative
    from workbench.models.visits import (
        ChecklistItem,
        ConversationRecord,
        DelegationMember,
        Engagement,
        FollowUp,
        Visit,
        VisitOfficer,
    )

    return {ChecklistItem.__tablename__: ("visit_id", Visit), DelegationMember.__tablename__: ("visit_id", Visit),
            VisitOfficer.__tablename__: ("visit_id", Visit), FollowUp.__tablename__: ("record_id", ConversationRecord),
            BriefingPack.__tablename__: ("engagement_id", Engagement),
            CorrespondenceAttachment.__tablename__: ("correspondence_id", Correspondence),
            RoutingStep.__tablename__: ("correspondence_id", Correspondence),
            TravelLetter.__tablename__: ("visit_id", Visit), VisaRequest.__tablename__: ("visit_id", Visit),
            ReportNarrative.__tablename__: ("visit_id", Visit), SummaryFollowUp.__tablename__: ("summary_id", MeetingSummary),
            Gift.__tablename__: ("visit_id", Visit), ProgrammeDetails.__tablename__: ("engagement_id", Engagement),
            # a meeting is as classified as its delegation's visit, and what hangs on it with it
            Meeting.__tablename__: ("visit_id", Visit), MeetingSummary.__tablename__: ("meeting_id", Meeting),
            **{model.__tablename__: ("meeting_id", Meeting) for model in (
                AgendaItem, CoordinationEntry, Intervention, MeetingDocument, Observer, PrepTask, Resolution)},
            Position.__tablename__: ("agenda_item_id", AgendaItem)}


def _model_of(table: str) -> type | None:
    from sqlmodel import SQLModel

    for mapper in SQLModel._sa_registry.mappers:  # noqa: SLF001 - the one registry of table models
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    return None


def _row_visible(session: Session, actor: Actor, table: str, entity_id: str) -> bool:
    """Whether the audited row (or what it hangs on) is a record the actor may see; rows gone since are kept."""
    from workbench.models.budget import Allotment, Commitment, Disbursement, Transfer
    from workbench.services.budget import entry_visible

    model = _model_of(table)
    if model is None or not str(entity_id).isdigit():
        return True
    record = session.get(model, int(entity_id))
    if record is None:
        return True
    if model in (Allotment, Commitment, Disbursement, Transfer):
        return entry_visible(session, record, actor)
    link = _parents().get(table)
    if link is not None and getattr(record, link[0]) is not None:
        parent = session.get(link[1], getattr(record, link[0]))
        if parent is not None and not _row_visible(session, actor, link[1].__tablename__, str(parent.id)):
            return False
    if table == "conversation_record":
        from workbench.models.visits import Engagement

        engagement = session.get(Engagement, record.engagement_id)
        if engagement is not None and not can_see(actor, classification_of(engagement)):
            return False
    return can_see(actor, classification_of(record))


def _details(row: AuditEntry) -> str:
    changes = row.changes or {}
    if row.action in ROW_ACTIONS:
        return ", ".join(sorted(changes))
    return ", ".join(f"{key}={value}" for key, value in sorted(changes.items()))
