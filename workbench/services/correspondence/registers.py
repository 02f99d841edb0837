"""The registers (ทะเบียนหนังสือรับ / ส่ง / ภายใน) and their numbering.

Numbering: one unbroken sequence per register per calendar year (C.E. year of the registration date, Bangkok
time), allocated inside the registering transaction. A counter row per (register, year) is created if missing
(``INSERT … ON CONFLICT DO NOTHING``) and incremented with ``UPDATE … SET last = last + 1 RETURNING last``:

* PostgreSQL: the UPDATE locks the counter row until the transaction ends, so concurrent writers queue and each
  reads the value its predecessor committed; a rolled-back registration rolls its number back too (no gap).
* SQLite: the database write lock is taken first (``BEGIN IMMEDIATE`` when the connection has no transaction yet;
  a connection that has written already holds it), so writers queue on the busy timeout instead of failing on a
  stale read snapshot.

The unique constraint on (register, year, number) is the last guard. A caller service (travel's passport and visa
letters) may call ``register_document`` inside its own ``transaction()``: the nested transaction joins the outer
one, so the letter and its number are committed, or rolled back, together.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, func, select

from workbench import clock
from workbench.db import record_event, transaction
from workbench.errors import ConflictError
from workbench.models.base import Clearance
from workbench.models.budget import Commitment
from workbench.models.correspondence import (
    Correspondence,
    CorrespondenceAttachment,
    CorrespondenceCounter,
    CorrespondenceCreate,
    CorrespondenceRead,
    CorrespondenceStatus,
    Disposal,
    Register,
    RoutingAction,
    RoutingStep,
    Urgency,
)
from workbench.models.users import User
from workbench.models.visits import Engagement, Visit
from workbench.services.access import Actor, can_see, require
from workbench.services.common import field_error, get_or_404, get_visible, not_found, validate
from workbench.services.correspondence import rules

OPEN_STATUSES = (CorrespondenceStatus.REGISTERED, CorrespondenceStatus.ROUTED, CorrespondenceStatus.RETURNED)


def fold(text: str) -> str:
    """Text as search compares it: Unicode NFC, case-folded (Thai unchanged)."""
    return unicodedata.normalize("NFC", text or "").casefold()


def like_pattern(text: str) -> str:
    escaped = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def office_code() -> str:
    from workbench.config import get_settings

    return get_settings().office_code


def display_number(register: Register | str, number: int) -> str:
    """How a register number is written: outgoing ``สว 0010/1234`` (office code from settings), else ``1234``."""
    if Register(register) == Register.OUTGOING:
        return f"{office_code()}/{number}"
    return str(number)


# --- numbering -----------------------------------------------------------------------------------------

def _take_sqlite_write_lock(connection: sa.Connection) -> None:
    raw = connection.connection.dbapi_connection
    if raw is not None and not raw.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def next_number(session: Session, *, register: Register, year: int) -> int:
    """The next number of ``register`` in calendar year ``year`` (C.E.), taken inside the session's transaction.

    Call only inside ``transaction()``: the number is final when that transaction commits, and returns to the
    pool (no gap) when it rolls back."""
    return take_numbers(session, register=register, year=year, count=1)[0]


def take_numbers(session: Session, *, register: Register, year: int, count: int) -> list[int]:
    """The next ``count`` numbers of ``register`` in year ``year``, in order, taken at once (imports and the demo
    office register many documents in one transaction); as ``next_number`` otherwise."""
    connection = session.connection()
    table = CorrespondenceCounter.__table__
    dialect = connection.dialect.name
    if dialect == "sqlite":
        _take_sqlite_write_lock(connection)
        insert = sqlite.insert(table)
    elif dialect == "postgresql":
        insert = postgresql.insert(table)
    else:  # pragma: no cover - the workbench runs on SQLite and PostgreSQL only
        raise NotImplementedError(dialect)
    connection.execute(insert.values(register=Register(register).value, year=year, last=0).on_conflict_do_nothing())
    last = connection.execute(
        sa.update(table)
        .where(table.c.register == Register(register).value, table.c.year == year)
        .values(last=table.c.last + count)
        .returning(table.c.last)
    ).scalar_one()
    return list(range(last - count + 1, last + 1))


# --- registering ---------------------------------------------------------------------------------------

def _search_text(doc: Correspondence) -> str:
    return search_text(doc.model_dump())


def search_text(values: dict[str, Any]) -> str:
    """What search reads of a register entry (its fields by name): number, document number, subject, sender,
    recipient, remarks and work group, case-folded."""
    parts = [display_number(values["register"], values["number"])] + [
        values.get(name) for name in ("doc_number", "subject", "sender", "recipient", "remarks", "work_group")]
    return "\n".join(fold(part) for part in parts if part)


def _check_links(session: Session, checked: CorrespondenceCreate, actor: Actor) -> None:
    if checked.visit_id is not None:
        visit = session.get(Visit, checked.visit_id)
        if visit is None or not can_see(actor, getattr(visit, "classification", 0)):
            raise not_found("visit_id", checked.visit_id)
    if checked.engagement_id is not None:
        engagement = session.get(Engagement, checked.engagement_id)
        if engagement is None or not can_see(actor, getattr(engagement, "classification", 0)):
            raise not_found("engagement_id", checked.engagement_id)
    if checked.commitment_id is not None:
        get_or_404(session, Commitment, checked.commitment_id, field="commitment_id")
    if checked.assignee_id is not None:
        user = session.get(User, checked.assignee_id)
        if user is None or not user.is_active:
            raise field_error("assignee_id", f"ไม่พบผู้ใช้หมายเลข {checked.assignee_id}",
                              f"no active user with id {checked.assignee_id}")
        if not can_see(user, checked.classification):
            raise field_error("assignee_id", "ผู้รับผิดชอบไม่มีสิทธิ์เข้าถึงชั้นความลับของหนังสือนี้",
                              "the assignee is not cleared for this document's secrecy class")
    if checked.reply_to_id is not None:
        original = session.get(Correspondence, checked.reply_to_id)
        if original is None or not can_see(actor, original.classification):
            raise not_found("reply_to_id", checked.reply_to_id)


def check_create(session: Session, *, actor: Actor, data: CorrespondenceCreate | dict[str, Any]) -> CorrespondenceCreate:
    """``data`` validated against the schema and the rules; raises the first problem, writes nothing."""
    checked = validate(CorrespondenceCreate, data)
    if not checked.subject.strip():
        raise field_error("subject", "ต้องไม่เว้นว่าง", "must not be empty")
    if not can_see(actor, checked.classification):
        raise field_error("classification", "สูงกว่าชั้นความลับที่ท่านเข้าถึงได้", "is above your own secrecy clearance")
    if checked.classification >= Clearance.TOP_SECRET:
        raise field_error("classification", "หนังสือลับที่สุดต้องไม่ลงทะเบียนในระบบอิเล็กทรอนิกส์",
                          "top secret documents stay off electronic channels")
    now = clock.now()
    if checked.registered_at is not None and checked.registered_at > now + dt.timedelta(minutes=5):
        raise field_error("registered_at", "ต้องไม่เป็นเวลาในอนาคต", "must not be in the future")
    if checked.doc_date is not None and checked.doc_date > (checked.registered_at or now).date() + dt.timedelta(days=1) \
            and checked.register == Register.INCOMING:
        raise field_error("doc_date", "หนังสือรับต้องลงวันที่ไม่หลังวันลงรับ",
                          "an incoming document cannot be dated after it was received")
    _check_links(session, checked, actor)
    return checked


def register_document(session: Session, *, actor: Actor, data: CorrespondenceCreate | dict[str, Any],
                      permission: str = "correspondence.write") -> CorrespondenceRead:
    """Register a document and give it the next number of its register for the year of its registration.

    ``permission`` is the permission the actor must hold: registering staff need ``correspondence.write``; a
    service that issues letters of its own (travel's passport and visa letters) passes the permission that
    guards its own action. Inside the caller's ``transaction()`` the number and the caller's rows are one
    atomic step."""
    require(actor, permission)
    checked = check_create(session, actor=actor, data=data)
    registered_at = (checked.registered_at or clock.now()).replace(microsecond=0)
    values = checked.model_dump(exclude={"registered_at"})
    with transaction(session, actor=actor):
        number = next_number(session, register=checked.register, year=registered_at.year)
        doc = Correspondence(**values, year=registered_at.year, number=number, registered_at=registered_at,
                             due_at=rules.due_at(registered_at, checked.urgency),
                             status=(CorrespondenceStatus.ROUTED if checked.assignee_id or checked.work_group
                                     else CorrespondenceStatus.REGISTERED),
                             registered_by_id=getattr(actor, "id", None))
        doc.search_text = _search_text(doc)
        session.add(doc)
        try:
            session.flush()
        except sa.exc.IntegrityError as exc:  # the last guard: never a duplicate number
            raise ConflictError(f"เลขทะเบียน {number} ของปี {registered_at.year + 543} ถูกใช้แล้ว",
                                f"register number {number} of {registered_at.year} is taken") from exc
        if checked.assignee_id or checked.work_group:
            _first_step(session, doc=doc, actor=actor)
        return to_read(session, doc)


def _first_step(session: Session, *, doc: Correspondence, actor: Actor, note: str = "") -> RoutingStep:
    """The assignment made when a document is registered already assigned."""
    step = RoutingStep(correspondence_id=doc.id, action=RoutingAction.ASSIGN, by_id=getattr(actor, "id", None),
                       by_name=getattr(actor, "username", ""), to_user_id=doc.assignee_id, to_group=doc.work_group,
                       note=note, at=doc.registered_at)
    session.add(step)
    session.flush()
    return step


# --- reading -------------------------------------------------------------------------------------------

def to_read(session: Session, doc: Correspondence) -> CorrespondenceRead:
    assignee = session.get(User, doc.assignee_id) if doc.assignee_id else None
    attachments = session.exec(select(func.count()).select_from(CorrespondenceAttachment).where(
        CorrespondenceAttachment.correspondence_id == doc.id)).one()
    return CorrespondenceRead.model_validate({
        **doc.model_dump(), "display_number": display_number(doc.register, doc.number),
        "assignee_name": _user_name(assignee, session), "attachment_count": attachments,
    })


def _user_name(user: User | None, session: Session | None = None) -> str:
    """The officer's Thai name (given and family name), else the user name."""
    if user is None:
        return ""
    if session is not None:
        from workbench.models.people import Person

        person = session.get(Person, user.person_id)
        if person is not None and person.given_name_th:
            return f"{person.given_name_th} {person.family_name_th}".strip()
    return user.username


def _document(session: Session, *, document_id: int, actor: Actor, audit_open: bool = True) -> Correspondence:
    """The register entry's row if the actor may see it (else NotFound, as if missing), for the services that
    change it or hang something on it. Opening a classified entry is recorded in the audit trail."""
    doc = get_visible(session, Correspondence, document_id, actor=actor, permission="correspondence.read",
                      field="correspondence_id")
    if audit_open and doc.classification > Clearance.NONE:
        with transaction(session, actor=actor):
            record_event(session, actor=actor, entity="correspondence", entity_id=str(doc.id), action="open",
                         details={"classification": int(doc.classification)})
    return doc


def get_document(session: Session, *, document_id: int, actor: Actor, audit_open: bool = True) -> CorrespondenceRead:
    """The register entry if the actor may see it (else NotFound, as if missing). Opening a classified entry is
    recorded in the audit trail (unless ``audit_open`` is False: a service only checking a link)."""
    return to_read(session, _document(session, document_id=document_id, actor=actor, audit_open=audit_open))


def read_document(session: Session, *, document_id: int, actor: Actor) -> CorrespondenceRead:
    """The register entry as a dashboard opens it (the opening of a classified one is audited)."""
    return get_document(session, document_id=document_id, actor=actor)


def _filtered(statement: Any, *, actor: Actor, register: Register | str | None = None, year: int | None = None,
              query: str = "", status: CorrespondenceStatus | str | None = None, urgency: Urgency | str | None = None,
              assignee_id: int | None = None, visit_id: int | None = None, overdue_at: dt.datetime | None = None,
              classified_only: bool = False) -> Any:
    statement = statement.where(col(Correspondence.classification) <= int(getattr(actor, "clearance", 0)))
    if register:
        statement = statement.where(Correspondence.register == Register(register))
    if year:
        statement = statement.where(Correspondence.year == year)
    if query and query.strip():
        for word in query.split():
            statement = statement.where(col(Correspondence.search_text).like(like_pattern(word), escape="\\"))
    if status:
        statement = statement.where(Correspondence.status == CorrespondenceStatus(status))
    if urgency:
        statement = statement.where(Correspondence.urgency == Urgency(urgency))
    if assignee_id is not None:
        statement = statement.where(Correspondence.assignee_id == assignee_id)
    if visit_id is not None:
        statement = statement.where(Correspondence.visit_id == visit_id)
    if overdue_at is not None:
        statement = statement.where(col(Correspondence.status).in_(OPEN_STATUSES),
                                    col(Correspondence.due_at) < overdue_at)
    if classified_only:
        statement = statement.where(col(Correspondence.classification) > 0)
    return statement


def list_documents(session: Session, *, actor: Actor, limit: int | None = None, offset: int = 0,
                   **filters: Any) -> list[CorrespondenceRead]:
    """Register entries the actor may see, newest first (filters: register, year, query, status, urgency,
    assignee_id, visit_id, overdue_at). A classified entry above the actor's clearance is never returned."""
    require(actor, "correspondence.read")
    statement = _filtered(select(Correspondence), actor=actor, **filters).order_by(
        col(Correspondence.registered_at).desc(), col(Correspondence.id).desc()).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    docs = session.exec(statement).all()
    return _reads(session, docs)


def register_page(session: Session, *, actor: Actor, register: Register | str, year: int) -> list[CorrespondenceRead]:
    """One register of one calendar year in number order (the printed register's order)."""
    require(actor, "correspondence.read")
    statement = _filtered(select(Correspondence), actor=actor, register=register, year=year).order_by(
        col(Correspondence.number))
    return _reads(session, session.exec(statement).all())


def count_documents(session: Session, *, actor: Actor, **filters: Any) -> int:
    require(actor, "correspondence.read")
    return session.exec(_filtered(select(func.count()).select_from(Correspondence), actor=actor, **filters)).one()


def count_registered(session: Session, *, start: dt.date, end: dt.date, actor: Actor) -> tuple[int, int]:
    """Documents registered (every register) from ``start`` to ``end`` inclusive that the actor may see, and the
    highest classification among them: the quarterly statistics' "documents registered"."""
    require(actor, "correspondence.read")
    first = dt.datetime.combine(start, dt.time.min)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min)
    count, level = session.exec(_filtered(
        select(func.count(), func.max(Correspondence.classification)).select_from(Correspondence), actor=actor)
        .where(Correspondence.registered_at >= first, Correspondence.registered_at < after)).one()
    return int(count), int(level or 0)


def _reads(session: Session, docs: list[Correspondence]) -> list[CorrespondenceRead]:
    ids = [d.id for d in docs]
    counts: dict[int, int] = {}
    if ids:
        counts = dict(session.exec(select(CorrespondenceAttachment.correspondence_id, func.count())
                                   .where(col(CorrespondenceAttachment.correspondence_id).in_(ids))
                                   .group_by(CorrespondenceAttachment.correspondence_id)).all())
    names = _user_names(session, {d.assignee_id for d in docs if d.assignee_id})
    return [CorrespondenceRead.model_validate({
        **d.model_dump(), "display_number": display_number(d.register, d.number),
        "assignee_name": names.get(d.assignee_id, "") if d.assignee_id else "",
        "attachment_count": counts.get(d.id, 0),
    }) for d in docs]


def _user_names(session: Session, user_ids: set[int]) -> dict[int, str]:
    """``_user_name`` of many users in one query (users joined to their people)."""
    from workbench.models.people import Person

    if not user_ids:
        return {}
    rows = session.exec(select(User.id, User.username, Person.given_name_th, Person.family_name_th)
                        .outerjoin(Person, col(Person.id) == col(User.person_id))
                        .where(col(User.id).in_(user_ids))).all()
    return {key: f"{given} {family or ''}".strip() if given else username for key, username, given, family in rows}


def years(session: Session, *, actor: Actor) -> list[int]:
    """Calendar years (C.E.) that have register entries the actor may see, newest first."""
    require(actor, "correspondence.read")
    rows = session.exec(_filtered(select(Correspondence.year).distinct(), actor=actor)).all()
    return sorted(rows, reverse=True)


def is_overdue(doc: Correspondence | CorrespondenceRead, now: dt.datetime | None = None) -> bool:
    return (doc.status in OPEN_STATUSES and doc.disposal == Disposal.KEPT and doc.due_at is not None
            and doc.due_at < (now or clock.now()))
