"""The audit trail: one row per written record and action, with the changed fields before and after.

Each entry carries a SHA-256 hash chained to the entry before it (``seq`` orders the chain); ``audit_chain``
holds the chain's head (last sequence number and hash), so an entry removed from the end is noticed too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from workbench.models.base import datetime_column, jsonable, utcnow

GENESIS_HASH = "0" * 64


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True, sa_type=datetime_column())
    actor_id: int | None = Field(default=None, foreign_key="app_user.id")
    actor_name: str = Field(max_length=60)
    entity: str = Field(max_length=60, index=True)
    entity_id: str = Field(max_length=60, index=True)
    action: str = Field(max_length=30, description="create, update, delete, or an event such as login_failed")
    changes: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    seq: int | None = Field(default=None, unique=True, index=True, description="the entry's place in the hash chain (1, 2, …)")
    prev_hash: str | None = Field(default=None, max_length=64)
    hash: str | None = Field(default=None, max_length=64)


class AuditChain(SQLModel, table=True):
    """The head of the audit hash chain: one row (id 1), locked by every transaction that appends entries."""

    __tablename__ = "audit_chain"

    id: int = Field(default=1, primary_key=True)
    last_seq: int = Field(default=0)
    last_hash: str = Field(default=GENESIS_HASH, max_length=64)


def entry_hash(prev_hash: str, values: dict[str, Any]) -> str:
    """The hash of one entry: SHA-256 over the previous hash and the entry's fields as canonical JSON."""
    return plain_entry_hash(prev_hash, {key: jsonable(values.get(key)) for key in HASHED_FIELDS})


HASHED_FIELDS = ("seq", "at", "actor_id", "actor_name", "entity", "entity_id", "action", "changes")


def plain_entry_hash(prev_hash: str, content: dict[str, Any]) -> str:
    """``entry_hash`` of fields that are JSON values already (``jsonable`` of each of HASHED_FIELDS)."""
    return hashlib.sha256((prev_hash + canonical_json(content)).encode("utf-8")).hexdigest()


_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=jsonable)


def canonical_json(value: Any) -> str:
    """``value`` as the chain hashes it: JSON with sorted keys, no blanks, Thai as is; dates, decimals and enums
    as ``jsonable`` writes them."""
    return _CANONICAL.encode(value)


def chain_texts(prev_hash: str, seq: int, *, at: dt.datetime, actor_id: int | None, actor_name: str, entity: str,
                action: str, items: list[tuple[str, str]]) -> list[tuple[int, str, str, str, str]]:
    """Hash a run of entries that share their time, actor, entity and action (one batch of the bulk path) without
    building a dictionary per entry: ``items`` are (entity id, the changes as ``canonical_json``); each entry's
    canonical text is assembled around its changes text, byte for byte what ``entry_hash`` hashes, so the same
    changes text is hashed and stored. Returns (seq, entity id, changes text, previous hash, hash) per entry."""
    dumps = canonical_json
    head = (f'{{"action":{dumps(action)},"actor_id":{dumps(actor_id)},"actor_name":{dumps(actor_name)},'
            f'"at":{dumps(at.isoformat())},"changes":')
    entity_text = f',"entity":{dumps(entity)},"entity_id":'
    sha256, quoted = hashlib.sha256, json.encoder.encode_basestring
    out = []
    for entity_id, changes in items:
        seq += 1
        text = f'{prev_hash}{head}{changes}{entity_text}{quoted(entity_id)},"seq":{seq}}}'
        digest = sha256(text.encode("utf-8")).hexdigest()
        out.append((seq, entity_id, changes, prev_hash, digest))
        prev_hash = digest
    return out
