"""Engines, sessions and the one transaction helper every service uses; every write is audited here.

* SQLite (the embedded default): ``foreign_keys=ON``, WAL journal and a busy timeout on every connection.
* PostgreSQL through psycopg 3: ``postgresql+psycopg://user:password@host/dbname``.

A write is only possible inside ``transaction(session, actor=...)``. When the session flushes, an
``after_flush`` hook writes one ``audit_entry`` row per created, changed or deleted record, naming the actor
and the changed fields before and after, in the same database transaction as the change itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from workbench.errors import ConfigurationError, ValidationError
from workbench.models import load_all as load_all_models
from workbench.models.audit import (
    GENESIS_HASH,
    HASHED_FIELDS,
    AuditChain,
    AuditEntry,
    plain_entry_hash,
)
from workbench.models.base import Clearance, jsonable, utcnow

SQLITE_BUSY_TIMEOUT_MS = 10_000
REDACTED_FIELDS = frozenset({"password_hash"})


@dataclass(frozen=True)
class SystemActor:
    """The actor of writes made by the workbench itself (``workbench init``, reference data, demo data)."""

    id: int | None = None
    username: str = "system"
    role: str = "administrator"
    clearance: int = Clearance.TOP_SECRET
    is_active: bool = True


SYSTEM = SystemActor()


def redact_secrets(text: str) -> str:
    """Any ``scheme://user:password@`` in ``text`` with the password replaced by ***."""
    return re.sub(r"(://[^:/@\s]+:)[^@\s]+@", r"\1***@", text)


def masked_url(url: str) -> str:
    """The URL with its password hidden, fit to print in an error."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is still shown without its password
        return redact_secrets(url)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine for ``url``; raises ConfigurationError (password masked) when it cannot be built."""
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as exc:
        raise ConfigurationError(
            f"รูปแบบ URL ของฐานข้อมูลไม่ถูกต้อง ({masked_url(url)})",
            f"the database URL is not valid ({masked_url(url)})", field="WORKBENCH_DATABASE_URL",
        ) from exc
    try:
        if parsed.get_backend_name() == "sqlite":
            if parsed.database and parsed.database != ":memory:":
                _ensure_parent(Path(parsed.database), url)
            engine = sa.create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = sa.create_engine(url, echo=echo, pool_pre_ping=True)
    except (sa.exc.NoSuchModuleError, ModuleNotFoundError) as exc:
        raise ConfigurationError(
            f"ไม่รู้จักชนิดฐานข้อมูลใน URL ({masked_url(url)})",
            f"unknown database kind in the URL ({masked_url(url)})", field="WORKBENCH_DATABASE_URL",
        ) from exc
    return engine


def _ensure_parent(path: Path, url: str) -> None:
    """Create the database file's own folder (``data/`` on a fresh checkout), never a chain of missing folders: a
    mistyped path is refused rather than silently creating ``/missing/dir``."""
    if not path.parent.exists() and not path.parent.parent.exists():
        raise ConfigurationError(
            f"ไม่พบโฟลเดอร์ {path.parent.parent} ของไฟล์ฐานข้อมูล ({masked_url(url)})",
            f"the folder {path.parent.parent} of the database file does not exist ({masked_url(url)})",
            field="WORKBENCH_DATABASE_URL")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigurationError(
            f"สร้างโฟลเดอร์ของไฟล์ฐานข้อมูลไม่ได้: {path.parent} ({exc.strerror})",
            f"cannot create the database folder {path.parent} ({exc.strerror})", field="WORKBENCH_DATABASE_URL",
        ) from exc


def check_connection(engine: Engine) -> None:
    """Connect once; turn driver errors into one clear ConfigurationError with the password masked."""
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except sa.exc.SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
        shown = masked_url(engine.url.render_as_string(hide_password=False))
        raise ConfigurationError(
            f"เชื่อมต่อฐานข้อมูลไม่ได้ ({shown}): {reason}",
            f"cannot connect to the database ({shown}): {reason}", field="WORKBENCH_DATABASE_URL",
        ) from exc


_factories: dict[int, sessionmaker] = {}


def session_factory(engine: Engine) -> sessionmaker:
    """A sessionmaker bound to ``engine`` whose objects stay readable after commit."""
    key = id(engine)
    if key not in _factories:
        _factories[key] = sessionmaker(bind=engine, class_=Session, expire_on_commit=False)
    return _factories[key]


_default_engine: Engine | None = None


def get_engine() -> Engine:
    """The process-wide engine for the configured database (created on first use)."""
    global _default_engine
    if _default_engine is None:
        from workbench.config import get_settings

        settings = get_settings()
        _default_engine = make_engine(settings.effective_database_url, echo=settings.echo_sql)
    return _default_engine


def reset_default_engine() -> None:
    """Forget the process-wide engine (after the settings changed; used by tests and the CLI)."""
    global _default_engine
    if _default_engine is not None:
        _default_engine.dispose()
    _default_engine = None


def new_session(engine: Engine | None = None) -> Session:
    return session_factory(engine or get_engine())()


@contextlib.contextmanager
def transaction(session: Session, *, actor: Any) -> Iterator[Session]:
    """One user action = one transaction, committed here or rolled back whole on any error.

    Nested calls (a service using another service) join the outer transaction: only the outermost commits.
    """
    if session.info.get("actor") is not None:
        yield session
        return
    session.info["actor"] = actor
    try:
        take_write_lock(session)
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info.pop("actor", None)


def take_write_lock(session: Session) -> None:
    """On SQLite, start the write transaction with ``BEGIN IMMEDIATE``: the database's write lock is taken before
    the transaction reads what its rules check (two writers can no longer both read "100,000 available" and
    both spend it). Another writer waits up to the busy timeout. pysqlite's own deferred ``BEGIN`` (emitted only
    before the first INSERT/UPDATE/DELETE) stays for writes outside ``transaction()``; reads outside a write
    transaction keep reading the newest committed data. On PostgreSQL nothing happens here: a rule locks the rows
    it depends on with ``lock_for_rule``."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    raw = connection.connection.dbapi_connection
    if raw is not None and not raw.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def lock_for_rule(session: Session, model: Any, ids: Any) -> None:
    """Lock the rows of ``model`` with these ids (``SELECT … FOR UPDATE``, in id order so two writers cannot
    deadlock) until the transaction ends. Call inside ``transaction()`` before reading what a rule depends on:
    a second writer checking the same rule waits, then reads what the first one committed. (On SQLite the whole
    database is already locked by ``take_write_lock``.)"""
    wanted = sorted({int(i) for i in ids if i is not None})
    if not wanted:
        return
    key = sa.inspect(model).mapper.primary_key[0]
    session.execute(sa.select(key).where(key.in_(wanted)).order_by(key).with_for_update())


# --- audit -------------------------------------------------------------------------------------------

def _row_values(obj: Any) -> dict[str, Any]:
    mapper = sa.inspect(obj).mapper
    return {col.key: _shown(col.key, getattr(obj, col.key)) for col in mapper.column_attrs}


def _shown(key: str, value: Any) -> Any:
    return "***" if key in REDACTED_FIELDS and value is not None else jsonable(value)


def _changed_values(obj: Any) -> dict[str, list[Any]]:
    state = sa.inspect(obj)
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if history.has_changes():
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
            if before != after:
                changes[attr.key] = [_shown(attr.key, before), _shown(attr.key, after)]
    return changes


def _entity_id(obj: Any) -> str:
    key = sa.inspect(obj).mapper.primary_key_from_instance(obj)
    return ",".join(str(part) for part in key if part is not None)


@event.listens_for(Session, "before_flush")
def _every_table_known(_session: Session, _flush_context: Any, _instances: Any) -> None:
    """A flush orders and checks rows by their foreign keys, resolved against every table: the first flush of a
    process loads every model module (a read-only command loads only the models it reads)."""
    load_all_models()


@event.listens_for(Session, "before_flush")
def _one_text_limit(session: Session, _flush_context: Any, _instances: Any) -> None:
    """The same text rules on SQLite as on PostgreSQL, before anything is written: no NUL character (PostgreSQL
    refuses it) and no text longer than its column (SQLite would store it, PostgreSQL refuses it)."""
    for obj in (*session.new, *session.dirty):
        state = sa.inspect(obj, raiseerr=False)
        if state is None or not hasattr(state, "mapper"):
            continue
        for attr in state.mapper.column_attrs:
            value = state.dict.get(attr.key)  # only what is loaded or set: no query inside the flush
            if not isinstance(value, str):
                continue
            check_text(value, getattr(attr.columns[0].type, "length", None), field=attr.key)


def check_text(value: str, length: int | None, *, field: str, row: int | None = None) -> None:
    """The text rules of every write (a flush, the bulk path): no NUL character and nothing longer than the
    column's ``length``; the error names the field (and the ``row`` of a bulk write)."""
    th_row, en_row = (f"แถวที่ {row}: ", f"row {row}: ") if row is not None else ("", "")
    if "\x00" in value:
        raise ValidationError(f"{th_row}มีอักขระควบคุม (NUL) ที่บันทึกไม่ได้",
                              f"{en_row}holds a NUL character, which cannot be stored", field=field)
    if length and len(value) > length:
        raise ValidationError(f"{th_row}ยาวเกิน {length} ตัวอักษร", f"{en_row}is longer than {length} characters",
                              field=field)


@event.listens_for(Session, "after_flush")
def _audit_after_flush(session: Session, _flush_context: Any) -> None:
    rows = []
    for action, objects in (("create", session.new), ("update", session.dirty), ("delete", session.deleted)):
        for obj in objects:
            if isinstance(obj, AuditEntry) or not hasattr(obj, "__table__"):
                continue
            if action == "create":
                changes = {k: [None, v] for k, v in _row_values(obj).items()}
            elif action == "delete":
                changes = {k: [v, None] for k, v in _row_values(obj).items()}
            else:
                changes = _changed_values(obj)
                if not changes:
                    continue
            rows.append((obj.__table__.name, _entity_id(obj), action, changes))
    if not rows:
        return
    actor = session.info.get("actor")
    if actor is None:
        raise RuntimeError("writes must go through workbench.db.transaction(session, actor=...)")
    now = utcnow()
    append_audit(session, [
        {"at": now, "actor_id": actor.id, "actor_name": actor.username, "entity": entity,
         "entity_id": entity_id, "action": action, "changes": changes}
        for entity, entity_id, action, changes in rows
    ])


def append_audit(session: Session, entries: list[dict[str, Any]]) -> None:
    """Insert audit entries at the end of the hash chain, in this transaction.

    The chain's head row is locked (``FOR UPDATE`` on PostgreSQL; SQLite's write transaction already holds the
    database) until the transaction ends, so concurrent writers append one after another and the chain never
    forks; each entry's hash covers the previous entry's hash and its own fields."""
    connection = session.connection()
    chain = AuditChain.__table__
    head = connection.execute(sa.select(chain.c.last_seq, chain.c.last_hash).where(chain.c.id == 1)
                              .with_for_update()).first()
    if head is None:
        connection.execute(sa.insert(chain).values(id=1, last_seq=0, last_hash=GENESIS_HASH))
        head = connection.execute(sa.select(chain.c.last_seq, chain.c.last_hash).where(chain.c.id == 1)
                                  .with_for_update()).one()
    seq, last = head
    rows = []
    for entry in entries:
        seq += 1
        at = entry["at"]
        if at.tzinfo is not None:  # stored naive in UTC: hash what will be read back
            at = at.astimezone(dt.UTC).replace(tzinfo=None)
        changes = jsonable(entry.get("changes") or {})
        row = {**entry, "at": at, "changes": changes, "seq": seq, "prev_hash": last}
        content = {key: jsonable(row.get(key)) for key in HASHED_FIELDS if key != "changes"}
        row["hash"] = last = plain_entry_hash(last, {**content, "changes": changes})
        rows.append(row)
    connection.execute(sa.insert(AuditEntry.__table__), rows)
    connection.execute(sa.update(chain).where(chain.c.id == 1).values(last_seq=seq, last_hash=last))


def record_event(session: Session, *, actor: Any, entity: str, entity_id: str, action: str,
                 details: dict[str, Any] | None = None, at: Any = None) -> None:
    """Audit something that is not a row change (a failed sign-in, a classified record opened)."""
    append_audit(session, [{"at": at or utcnow(), "actor_id": getattr(actor, "id", None),
                            "actor_name": getattr(actor, "username", str(actor)), "entity": entity,
                            "entity_id": entity_id, "action": action, "changes": jsonable(details or {})}])
