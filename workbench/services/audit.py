"""Reading the audit trail (administrators only).

Row changes are listed with the names of the changed fields, never their values: a value may belong to a record
classified above the reader's clearance, and this list cannot tell. Events (failed sign-ins, refused links) show
their details, which never hold record contents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from workbench.models.audit import AuditEntry
from workbench.services.access import Actor, require

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
                      action=row.action, details=_details(row)) for row in rows]


def _details(row: AuditEntry) -> str:
    changes = row.changes or {}
    if row.action in ROW_ACTIONS:
        return ", ".join(sorted(changes))
    return ", ".join(f"{key}={value}" for key, value in sorted(changes.items()))
