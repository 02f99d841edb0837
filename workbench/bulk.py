"""The bulk path for the demo builder and imports: many new rows of a table in batches, one ``executemany`` per
batch and one for its audit entries (one entry per row, on the hash chain, exactly as the audit hook of
``workbench.db`` writes them), with the same text rules as every flush (no NUL, no text over its column)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from workbench.db import REDACTED_FIELDS, check_text
from workbench.models.audit import GENESIS_HASH, AuditChain, AuditEntry, canonical_json, chain_texts
from workbench.models.base import utcnow

BULK_BATCH = 2000


def bulk_insert(session: Session, model: Any, rows: Any, *, batch: int = BULK_BATCH) -> list[Any]:
    """Insert many new rows of a table model in batches: one executemany INSERT per batch and one for its audit
    entries, one entry per row exactly as the ``after_flush`` hook writes them (for the demo builder and imports).

    Inside ``transaction(session, actor=...)`` only. Each row is a dict of field values; the model's defaults
    fill the rest. Returns the new primary keys in the order of ``rows``. The session's pending changes are
    flushed first, so rows may refer to records made before. No ORM object is built: the rows go to the driver
    as tuples, converted by the columns' own types; each entry's changes are serialised once, and that one text
    is both hashed on the chain and stored.
    """
    actor = session.info.get("actor")
    if actor is None:
        raise RuntimeError("writes must go through workbench.db.transaction(session, actor=...)")
    session.flush()
    table = model.__table__
    mapper = sa.inspect(model)
    [key_column] = mapper.primary_key
    fields = [(attr.key, attr.columns[0]) for attr in mapper.column_attrs]
    constants, factories = _field_defaults(model, [key for key, _ in fields])
    connection = session.connection()
    keys: list[Any] = []
    pending = rows if isinstance(rows, list) else list(rows)
    names = [key for key, _ in fields]
    redacted = [key for key in names if key in REDACTED_FIELDS]
    for first in range(0, len(pending), batch):
        chunk = pending[first:first + batch]
        stamp = utcnow()  # ``created_at`` and other times of creation: one moment per batch, as in one flush
        base = {**constants, **{key: stamp for key, factory in factories.items() if factory is utcnow}}
        others = {key: factory for key, factory in factories.items() if factory is not utcnow}
        filled = []  # the rows as the table stores them: given values, else the model's defaults
        for row in chunk:
            made = {key: factory() for key, factory in others.items() if key not in row} if others else {}
            filled.append({**base, **made, **row})
        _check_texts(fields, filled, first)
        new_keys = _insert_rows(connection, table, key_column, fields, filled)
        keys += new_keys
        items = []
        for key, values in zip(new_keys, filled, strict=True):
            for name in redacted:
                if values.get(name) is not None:
                    values[name] = "***"
            get = values.get
            items.append((str(key), canonical_json({name: [None, get(name)] for name in names})))
        _append_texts(connection, actor=actor, entity=table.name, action="create", items=items)
    return keys


def _field_defaults(model: Any, keys: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The model's default of each column field: constants, and factories (``created_at``: ``utcnow``)."""
    from pydantic_core import PydanticUndefined

    constants: dict[str, Any] = {}
    factories: dict[str, Any] = {}
    for key in keys:
        field = model.model_fields.get(key)
        if field is None:
            constants[key] = None
        elif field.default_factory is not None:
            factories[key] = field.default_factory
        else:
            constants[key] = None if field.default is PydanticUndefined else field.default
    return constants, factories


def _check_texts(fields: list[tuple[str, sa.Column]], filled: list[dict[str, Any]], first: int) -> None:
    """The text rules of every write (``db.check_text``), naming the row and field."""
    for key, column in fields:
        length = getattr(column.type, "length", None)
        for number, value in enumerate((row.get(key) for row in filled), start=first + 1):
            if isinstance(value, str):
                check_text(value, length, field=key, row=number)


def _placeholders(connection: Any, count: int) -> str:
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    return ", ".join([mark] * count)


def _converters(connection: Any, columns: list[sa.Column]) -> list[Any]:
    """Each column's own conversion of a Python value for this database (dates as SQLite text, enums…)."""
    dialect = connection.dialect
    return [column.type.dialect_impl(dialect).bind_processor(dialect) for column in columns]


def _insert_rows(connection: Any, table: sa.Table, key_column: sa.Column, fields: list[tuple[str, sa.Column]],
                 filled: list[dict[str, Any]]) -> list[Any]:
    """One executemany INSERT of ``filled`` (a dict per row, by attribute key); the new keys in row order.

    The keys are given explicitly after the highest one (on PostgreSQL the key sequence hands them out, one
    ``nextval`` for the whole batch): the transaction writes exactly these keys or fails whole (a concurrent
    writer cannot slip in between unnoticed: it would break the primary key, not share it)."""
    given = [row.get(key_column.key) for row in filled]
    if any(key is not None for key in given):
        if any(key is None for key in given):
            raise ValueError("bulk rows give their primary key all or none")
        keys = given
    else:
        keys = _new_keys(connection, table, key_column, len(filled))
    for key, row in zip(keys, filled, strict=True):
        row[key_column.key] = key
    columns = [column for _, column in fields]
    cells = []  # column by column: each column's conversion mapped over its values
    for (key, _), convert in zip(fields, _converters(connection, columns), strict=True):
        values = [row.get(key) for row in filled]
        cells.append(list(map(convert, values)) if convert else values)
    params = list(zip(*cells, strict=True))
    names = ", ".join(connection.dialect.identifier_preparer.quote(column.name) for column in columns)
    sql = f"INSERT INTO {connection.dialect.identifier_preparer.format_table(table)} ({names}) VALUES ({_placeholders(connection, len(columns))})"
    connection.exec_driver_sql(sql, params)
    return keys


def _new_keys(connection: Any, table: sa.Table, key_column: sa.Column, count: int) -> list[int]:
    if connection.dialect.name == "postgresql":
        sequence = connection.exec_driver_sql(
            f"SELECT pg_get_serial_sequence('{table.name}', '{key_column.name}')").scalar()
        if sequence:  # take ``count`` numbers of the sequence at once, as one INSERT … RETURNING would
            return list(connection.exec_driver_sql(
                "SELECT nextval(%s) FROM generate_series(1, %s)", (sequence, count)).scalars())
    highest = connection.execute(sa.select(sa.func.max(key_column))).scalar() or 0
    return list(range(highest + 1, highest + 1 + count))


def _append_texts(connection: Any, *, actor: Any, entity: str, action: str, items: list[tuple[str, str]]) -> None:
    """Append one audit entry per (entity id, changes text) at the end of the hash chain: the head row locked as
    in ``append_audit``, the entries hashed by ``chain_texts`` and written by one executemany."""
    chain = AuditChain.__table__
    head = connection.execute(sa.select(chain.c.last_seq, chain.c.last_hash).where(chain.c.id == 1)
                              .with_for_update()).first()
    if head is None:
        connection.execute(sa.insert(chain).values(id=1, last_seq=0, last_hash=GENESIS_HASH))
        head = (0, GENESIS_HASH)
    seq, last = head
    now = utcnow()
    at = now.astimezone(dt.UTC).replace(tzinfo=None) if now.tzinfo is not None else now
    chained = chain_texts(last, seq, at=at, actor_id=actor.id, actor_name=actor.username, entity=entity,
                          action=action, items=items)
    if not chained:
        return
    table = AuditEntry.__table__
    [stamp] = _converters(connection, [table.c.at])
    fixed = (stamp(at) if stamp else at, actor.id, actor.username, entity, action)
    names = "at, actor_id, actor_name, entity, action, seq, entity_id, changes, prev_hash, hash"
    marks = _placeholders(connection, 10)
    if connection.dialect.name == "postgresql":  # the changes arrive as text: the JSON column takes it as JSON
        marks = "%s, %s, %s, %s, %s, %s, %s, CAST(%s AS JSON), %s, %s"
    connection.exec_driver_sql(f"INSERT INTO audit_entry ({names}) VALUES ({marks})",
                               [(*fixed, *entry) for entry in chained])
    connection.execute(sa.update(chain).where(chain.c.id == 1).values(last_seq=chained[-1][0],
                                                                       last_hash=chained[-1][4]))
