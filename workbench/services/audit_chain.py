"""Checking the audit trail's hash chain: every entry's hash covers the entry before it, so an entry changed,
removed or slipped in afterwards (by raw SQL, outside the workbench) breaks the chain at that point.

``verify_chain`` walks the entries in chain order and names the first broken link (its sequence number and entry
id); the chain's head row (``audit_chain``) tells whether entries were removed from the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from workbench.models.audit import GENESIS_HASH, AuditChain, AuditEntry, entry_hash
from workbench.services.access import Actor, require

BATCH = 5_000


@dataclass(frozen=True)
class ChainReport:
    """The outcome of a walk along the chain: ``ok``, how many entries were checked, and the first broken link."""

    ok: bool
    checked: int
    seq: int | None = None
    entry_id: int | None = None
    reason_th: str = ""
    reason_en: str = ""

    def message(self, lang: str = "en") -> str:
        if self.ok:
            return (f"ห่วงโซ่บันทึกการตรวจสอบถูกต้อง ({self.checked:,} รายการ)" if lang == "th"
                    else f"audit chain intact ({self.checked:,} entries verified)")
        where = f"seq {self.seq}, entry id {self.entry_id}"
        return (f"ห่วงโซ่ขาดที่รายการลำดับ {self.seq} (รหัส {self.entry_id}): {self.reason_th}" if lang == "th"
                else f"audit chain broken at {where}: {self.reason_en}")


def _broken(checked: int, row: Any, th: str, en: str) -> ChainReport:
    return ChainReport(ok=False, checked=checked, seq=row.seq, entry_id=row.id, reason_th=th, reason_en=en)


def verify_chain(session: Session, *, actor: Actor) -> ChainReport:
    """Walk the whole chain (administrators and the system); the first broken link, or ``ok``."""
    require(actor, "audit.read")
    table = AuditEntry.__table__
    connection = session.connection()
    outside = connection.execute(sa.select(table.c.id).where(table.c.seq.is_(None)).order_by(table.c.id)
                                 .limit(1)).first()
    expected_seq, last, checked, last_seen = 1, GENESIS_HASH, 0, -1
    while True:
        rows = connection.execute(sa.select(table).where(table.c.seq > last_seen).order_by(table.c.seq)
                                  .limit(BATCH)).all()
        if not rows:
            break
        for row in rows:
            if row.seq != expected_seq:
                return ChainReport(ok=False, checked=checked, seq=expected_seq, entry_id=None,
                                   reason_th=f"ไม่พบรายการลำดับ {expected_seq} (ถูกลบ) ก่อนรายการรหัส {row.id}",
                                   reason_en=f"entry {expected_seq} is missing (deleted) before entry id {row.id}")
            if row.prev_hash != last:
                return _broken(checked, row, "ค่าแฮชของรายการก่อนหน้าไม่ตรง (มีรายการก่อนหน้าถูกแก้ไขหรือแทรก)",
                               "its previous-hash does not match the entry before it (an entry before was "
                               "changed or slipped in)")
            values = {**row._asdict(), "changes": row.changes if row.changes is not None else {}}
            if entry_hash(last, values) != row.hash:
                return _broken(checked, row, "เนื้อหาของรายการถูกแก้ไขหลังบันทึก", "the entry was changed after it "
                               "was written (its fields no longer match its hash)")
            last, expected_seq, checked, last_seen = row.hash, expected_seq + 1, checked + 1, row.seq
    if outside is not None:
        return ChainReport(ok=False, checked=checked, seq=None, entry_id=outside.id,
                           reason_th="รายการนี้ไม่ได้อยู่ในห่วงโซ่ (ถูกแทรกนอกระบบ)",
                           reason_en="the entry is outside the chain (inserted outside the workbench)")
    head = session.get(AuditChain, 1)
    if head is not None and (head.last_seq != checked or head.last_hash != last):
        return ChainReport(ok=False, checked=checked, seq=checked + 1 if head.last_seq > checked else checked,
                           entry_id=None,
                           reason_th=f"หัวห่วงโซ่บันทึกไว้ {head.last_seq} รายการ แต่พบ {checked} รายการ "
                                     "(รายการท้ายถูกลบ)",
                           reason_en=f"the chain's head records {head.last_seq} entries but {checked} were found "
                                     "(entries at the end were deleted)")
    return ChainReport(ok=True, checked=checked)
