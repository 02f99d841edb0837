"""Reading the audit trail (administrators only).

``recent_entries`` lists row changes with the names of the changed fields only; ``audit_page`` (the audit
dashboard) answers "who changed this?": filtered by who, kind of record, record and date range, paged over the
whole trail, each change with its values before and after (secrets such as password hashes are never stored), and
sign-in bookkeeping folded away unless asked for. A change to a record the reader
may not see (classified above their clearance, or hanging on such a record) is left out, as if it had not been
written: its id would tell that the record exists. Events (failed sign-ins, refused links) show their details,
which never hold record contents.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, col, select

from workbench.models.audit import AuditEntry
from workbench.models.base import Clearance
from workbench.services.access import Actor, can_see, clearance_of, require
from workbench.services.common import classification_of

ROW_ACTIONS = frozenset({"create", "update", "delete"})
#: sign-in bookkeeping, folded away by ``audit_page`` unless asked for
SIGN_IN_ACTIONS = frozenset({"login", "logout", "session_ended", "login_failed", "login_throttled",
                             "hub_login_refused"})
SIGN_IN_TABLES = frozenset({"web_session", "sign_in_token"})
SIGN_IN_USER_FIELDS = frozenset({"failed_logins", "last_failed_login_at", "last_login_at"})
MAX_PAGE_SIZE = 1000


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


@dataclass(frozen=True)
class AuditChange:
    field: str
    before: object
    after: object


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime  # UTC, as stored
    actor: str
    entity: str
    entity_id: str
    action: str
    changes: tuple[AuditChange, ...]


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int
    page: int
    pages: int
    page_size: int


def is_sign_in_noise(row: AuditEntry) -> bool:
    """A sign-in, sign-out or ended session, or the sign-in counters of a user (not a change anyone made)."""
    if row.entity in SIGN_IN_TABLES or row.action in SIGN_IN_ACTIONS:
        return True
    return (row.entity == "app_user" and row.action == "update"
            and bool(row.changes) and set(row.changes) <= SIGN_IN_USER_FIELDS)


def audit_page(session: Session, *, actor: Actor, who: str = "", entity: str = "", entity_id: str = "",
               date_from: dt.datetime | None = None, date_to: dt.datetime | None = None,
               include_sign_in: bool = False, page: int = 1, page_size: int = 50) -> AuditPage:
    """One page (newest first) of the entries matching the filters that ``actor`` may see.

    ``who``: part of the actor's user name; ``entity``: a table name; ``entity_id``: that record's id;
    ``date_from``/``date_to``: UTC instants, from inclusive, to exclusive.

    The page is cut in SQL (a count and one page of entries, whatever the length of the trail); a reader who may
    not see everything first has the records hidden from them looked up (one check per distinct record that can
    be classified) and left out in the same SQL."""
    require(actor, "audit.read")
    page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
    conditions: list = []
    if who.strip():
        conditions.append(col(AuditEntry.actor_name).ilike(f"%{who.strip()}%"))
    if entity.strip():
        conditions.append(AuditEntry.entity == entity.strip())
    if entity_id.strip():
        conditions.append(AuditEntry.entity_id == entity_id.strip())
    if date_from is not None:
        conditions.append(col(AuditEntry.at) >= date_from)
    if date_to is not None:
        conditions.append(col(AuditEntry.at) < date_to)
    if not include_sign_in:
        conditions.append(sa.not_(_sign_in_noise(session)))
    if clearance_of(actor) < max(Clearance):  # nothing is classified above the highest clearance
        conditions.extend(_hidden_from(session, actor, conditions))
    total = session.exec(select(sa.func.count()).select_from(AuditEntry).where(*conditions)).one()
    pages = max(1, -(-total // page_size))
    page = max(1, min(int(page), pages))
    chosen = session.exec(select(AuditEntry).where(*conditions).order_by(col(AuditEntry.id).desc())
                          .offset((page - 1) * page_size).limit(page_size)).all()
    return AuditPage(rows=[_audit_row(row) for row in chosen], total=total, page=page, pages=pages,
                     page_size=page_size)


def _sign_in_noise(session: Session):
    """``is_sign_in_noise`` as a SQL condition: sign-in tables and actions, and a user's update that changed
    nothing but the sign-in counters (its changes without those keys are empty; SQLite's and PostgreSQL's own
    JSON functions)."""
    counters = sorted(SIGN_IN_USER_FIELDS)
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import ARRAY, JSONB

        changes = sa.cast(AuditEntry.changes, JSONB)
        empty = sa.cast(sa.literal("{}"), JSONB)
        stripped = changes.op("-")(sa.cast(sa.literal(counters, ARRAY(sa.Text)), ARRAY(sa.Text)))
        only_counters = sa.and_(stripped == empty, changes != empty)
    else:
        stripped = sa.func.json_remove(AuditEntry.changes, *(f"$.{name}" for name in counters))
        only_counters = sa.and_(stripped == "{}", sa.func.json(AuditEntry.changes) != "{}")
    counters_only = (select(AuditEntry.id)  # the JSON looked at only for users' updates (the entity index)
                     .where(AuditEntry.entity == "app_user", AuditEntry.action == "update", only_counters))
    return sa.or_(col(AuditEntry.entity).in_(sorted(SIGN_IN_TABLES)),
                  col(AuditEntry.action).in_(sorted(SIGN_IN_ACTIONS)),
                  col(AuditEntry.id).in_(counters_only.scalar_subquery()))


def _hidden_from(session: Session, actor: Actor, conditions: list) -> list:
    """SQL conditions leaving out the entries of records ``actor`` may not see (events too: opening a secret
    record tells that it exists)."""
    keys = session.exec(select(AuditEntry.entity, AuditEntry.entity_id).where(*conditions).distinct()).all()
    hidden: dict[str, list[str]] = {}
    for table, record_id in keys:
        if _may_be_classified(table) and not _row_visible(session, actor, table, record_id):
            hidden.setdefault(table, []).append(record_id)
    return [sa.not_(sa.and_(AuditEntry.entity == table, col(AuditEntry.entity_id).in_(ids)))
            for table, ids in hidden.items()]


@functools.lru_cache(maxsize=256)
def _may_be_classified(table: str) -> bool:
    """Whether a row of ``table`` can be hidden from someone: it has a classification, hangs on a record that
    has one, or is a budget entry (whose line may be classified). Other rows need no look-up."""
    from workbench.models.budget import Allotment, Commitment, Disbursement, Transfer

    model = _model_of(table)
    if model is None:
        return False
    return (hasattr(model, "classification") or table in _parents() or table == "conversation_record"
            or model in (Allotment, Commitment, Disbursement, Transfer))


def _audit_row(row: AuditEntry) -> AuditRow:
    changes = []
    for name, value in sorted((row.changes or {}).items()):
        if row.action in ROW_ACTIONS and isinstance(value, list) and len(value) == 2:
            changes.append(AuditChange(name, value[0], value[1]))
        else:
            changes.append(AuditChange(name, None, value))
    return AuditRow(id=row.id or 0, at=row.at, actor=row.actor_name, entity=row.entity, entity_id=row.entity_id,
                    action=row.action, changes=tuple(changes))


# rows that carry no classification of their own but hang on a record that does: (table, link attribute, parent)
def _parents() -> dict[str, tuple[str, type]]:
    from workbench.models.administration import Absence, Gift
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
            Gift.__tablename__: ("visit_id", Visit), Absence.__tablename__: ("visit_id", Visit),
            ProgrammeDetails.__tablename__: ("engagement_id", Engagement),
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
