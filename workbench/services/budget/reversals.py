"""Corrections: each ``reverse_*`` writes a linked entry with the opposite sign (posted entries are never edited)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from workbench.db import transaction
from workbench.models.budget import (
    Allotment,
    Commitment,
    CommitmentStatus,
    Disbursement,
    Transfer,
)
from workbench.models.people import Person
from workbench.services.access import require
from workbench.services.budget.ledger import (
    TRANSFER,
    Ledger,
    Overspend,
    _check_room,
    _check_use,
    _entry,
    _in_year,
    _lock,
    _not_before,
    _not_reversed,
    _original_posted,
    _reason,
    baht,
    field_error,
    money,
)


def reverse_commitment(session: Session, *, commitment_id: int, entry_date: dt.date, reason: str, actor: Any,
                       amount: Any = None) -> Commitment:
    """Release what remains of a commitment (or part of it) with a reversing entry linked to it."""
    require(actor, "budget.write")
    reason = _reason(reason)
    with transaction(session, actor=actor):
        original = _entry(session, Commitment, commitment_id, "commitment_id", actor)
        _original_posted(original, "commitment_id")
        line = _lock(session, [original.line_id], actor)[original.line_id]
        _in_year(line.fiscal_year, entry_date)
        _not_before(entry_date, original.entry_date)
        outstanding = Ledger.load(session, [line.id]).outstanding(original)
        value = outstanding if amount is None else money(amount)
        if value <= 0 or value > outstanding:
            raise field_error(
                "amount",
                f"กลับรายการได้ไม่เกินยอดผูกพันคงเหลือของรายการหมายเลข {original.id} ({baht(outstanding)} บาท)",
                f"at most what remains of commitment {original.id} can be reversed ({baht(outstanding)} baht)",
                kind=Overspend,
            )
        reversal = Commitment(
            line_id=original.line_id, kind=original.kind, status=CommitmentStatus.POSTED, amount=-value,
            entry_date=entry_date, description=reason, document_no=original.document_no,
            counterparty=original.counterparty, visit_id=original.visit_id, engagement_id=original.engagement_id,
            classification=original.classification, reverses_id=original.id, created_by_id=getattr(actor, "id", None),
        )
        session.add(reversal)
        session.flush()
        return reversal


def reverse_disbursement(session: Session, *, disbursement_id: int, entry_date: dt.date, reason: str,
                         actor: Any) -> Disbursement:
    """Cancel a payment with a reversing entry; a payment against a commitment restores that commitment."""
    require(actor, "budget.write")
    reason = _reason(reason)
    with transaction(session, actor=actor):
        original = _entry(session, Disbursement, disbursement_id, "disbursement_id", actor)
        _original_posted(original, "disbursement_id")
        line = _lock(session, [original.line_id], actor)[original.line_id]
        _in_year(line.fiscal_year, entry_date)
        _not_before(entry_date, original.entry_date)
        _not_reversed(session, Disbursement, original, "disbursement_id")
        reversal = Disbursement(
            line_id=original.line_id, commitment_id=original.commitment_id, amount=-original.amount,
            entry_date=entry_date, description=reason, document_no=original.document_no, payee=original.payee,
            reverses_id=original.id, created_by_id=getattr(actor, "id", None),
        )
        session.add(reversal)
        session.flush()
        return reversal


def reverse_allotment(session: Session, *, allotment_id: int, entry_date: dt.date, reason: str,
                      actor: Any) -> Allotment:
    """Withdraw an allotment with a reversing entry; refused if the money is already used."""
    require(actor, "budget.write")
    reason = _reason(reason)
    with transaction(session, actor=actor):
        original = _entry(session, Allotment, allotment_id, "allotment_id", actor)
        _original_posted(original, "allotment_id")
        line = _lock(session, [original.line_id], actor)[original.line_id]
        _in_year(line.fiscal_year, entry_date)
        _not_before(entry_date, original.entry_date)
        _not_reversed(session, Allotment, original, "allotment_id")
        _check_room(Ledger.load(session, [line.id]), line, original.amount, entry_date, ("การถอนเงินงวด", "withdrawal"))
        reversal = Allotment(line_id=original.line_id, period_no=original.period_no, period_end=original.period_end,
                             amount=-original.amount, entry_date=entry_date, description=reason,
                             document_no=original.document_no, reverses_id=original.id,
                             created_by_id=getattr(actor, "id", None))
        session.add(reversal)
        session.flush()
        return reversal


def reverse_transfer(session: Session, *, transfer_id: int, entry_date: dt.date, reason: str, approver_id: int,
                     actor: Any) -> Transfer:
    """Undo a transfer with a reversing entry (approved again); refused if the money has been used."""
    require(actor, "budget.write")
    reason = _reason(reason)
    if approver_id is None or session.get(Person, approver_id) is None:
        raise field_error("approver_id", f"ไม่พบบุคคลหมายเลข {approver_id}", f"no person with id {approver_id}")
    with transaction(session, actor=actor):
        original = _entry(session, Transfer, transfer_id, "transfer_id", actor)
        _original_posted(original, "transfer_id")
        lines = _lock(session, [original.from_line_id, original.to_line_id], actor)
        target = lines[original.to_line_id]
        _in_year(target.fiscal_year, entry_date)
        _not_before(entry_date, original.entry_date)
        _not_reversed(session, Transfer, original, "transfer_id")
        _check_use(Ledger.load(session, [target.id]), target, original.amount, entry_date, TRANSFER)
        reversal = Transfer(from_line_id=original.from_line_id, to_line_id=original.to_line_id,
                            amount=-original.amount, approver_id=approver_id, entry_date=entry_date,
                            description=reason, document_no=original.document_no, reverses_id=original.id,
                            created_by_id=getattr(actor, "id", None))
        session.add(reversal)
        session.flush()
        return reversal
