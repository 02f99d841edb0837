"""Corrections: each ``reverse_*`` writes a linked entry with the opposite sign (posted entries are never edited).

The four share one skeleton, :func:`_reverse`: permission, reason, the original entry the actor may see (posted,
not itself a reversal), its line(s) locked, the date inside the line's fiscal year and not before the original,
then the kind's own check, which says how much to reverse, and the reversing entry copying the original's fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from workbench.db import transaction
from workbench.models.budget import (
    Allotment,
    AllotmentRead,
    BudgetLine,
    Commitment,
    CommitmentRead,
    CommitmentStatus,
    Disbursement,
    DisbursementRead,
    Transfer,
    TransferRead,
)
from workbench.models.people import Person
from workbench.services.access import Actor, require
from workbench.services.budget.entries import _commitment_read
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

# The kind's own check: (session, original, the line whose year counts) -> the positive amount to reverse.
Check = Callable[[Session, Any, BudgetLine], Decimal]


def _reverse(session: Session, model: Any, entry_id: int, name: str, *, entry_date: dt.date, reason: str,
             actor: Actor, check: Check, copied: tuple[str, ...], read: Callable[[Any], Any],
             line_ids: Callable[[Any], list[int]] | None = None, **extra: Any) -> Any:
    """The skeleton every reversal follows; ``line_ids`` lists the lines to lock, the first one's year counts;
    ``read`` turns the reversing entry into what the caller gets (its *Read model)."""
    require(actor, "budget.write")
    reason = _reason(reason)
    with transaction(session, actor=actor):
        original = _entry(session, model, entry_id, name, actor)
        _original_posted(original, name)
        ids = line_ids(original) if line_ids else [original.line_id]
        line = _lock(session, ids, actor)[ids[0]]
        _in_year(line.fiscal_year, entry_date)
        _not_before(entry_date, original.entry_date)
        amount = check(session, original, line)
        reversal = model(**{field: getattr(original, field) for field in (*copied, "document_no")}, **extra,
                         amount=-amount, entry_date=entry_date, description=reason, reverses_id=original.id,
                         created_by_id=getattr(actor, "id", None))
        session.add(reversal)
        session.flush()
        return read(reversal)


def _once(model: Any, name: str, then: Check | None = None) -> Check:
    """The whole original amount, refused when the entry was reversed already (and by ``then``, if given)."""
    def check(session: Session, original: Any, line: BudgetLine) -> Decimal:
        _not_reversed(session, model, original, name)
        if then is not None:
            then(session, original, line)
        return original.amount
    return check


def reverse_commitment(session: Session, *, commitment_id: int, entry_date: dt.date, reason: str, actor: Actor,
                       amount: Any = None) -> CommitmentRead:
    """Release what remains of a commitment (or part of it) with a reversing entry linked to it."""
    def check(session: Session, original: Commitment, line: BudgetLine) -> Decimal:
        outstanding = Ledger.load(session, [line.id]).outstanding(original)
        value = outstanding if amount is None else money(amount)
        if value <= 0 or value > outstanding:
            raise field_error(
                "amount",
                f"กลับรายการได้ไม่เกินยอดผูกพันคงเหลือของรายการหมายเลข {original.id} ({baht(outstanding)} บาท)",
                f"at most what remains of commitment {original.id} can be reversed ({baht(outstanding)} baht)",
                kind=Overspend,
            )
        return value

    return _reverse(session, Commitment, commitment_id, "commitment_id", entry_date=entry_date, reason=reason,
                    actor=actor, check=check, status=CommitmentStatus.POSTED, read=_commitment_read,
                    copied=("line_id", "kind", "counterparty", "visit_id", "engagement_id", "classification"))


def reverse_disbursement(session: Session, *, disbursement_id: int, entry_date: dt.date, reason: str,
                         actor: Actor) -> DisbursementRead:
    """Cancel a payment with a reversing entry; a payment against a commitment restores that commitment."""
    return _reverse(session, Disbursement, disbursement_id, "disbursement_id", entry_date=entry_date, reason=reason,
                    actor=actor, check=_once(Disbursement, "disbursement_id"), read=DisbursementRead.model_validate,
                    copied=("line_id", "commitment_id", "payee"))


def reverse_allotment(session: Session, *, allotment_id: int, entry_date: dt.date, reason: str,
                      actor: Actor) -> AllotmentRead:
    """Withdraw an allotment with a reversing entry; refused if the money is already used."""
    def room(session: Session, original: Allotment, line: BudgetLine) -> Decimal:
        _check_room(Ledger.load(session, [line.id]), line, original.amount, entry_date,
                    ("การถอนเงินงวด", "withdrawal"))
        return original.amount

    return _reverse(session, Allotment, allotment_id, "allotment_id", entry_date=entry_date, reason=reason,
                    actor=actor, check=_once(Allotment, "allotment_id", room), read=AllotmentRead.model_validate,
                    copied=("line_id", "period_no", "period_end"))


def reverse_transfer(session: Session, *, transfer_id: int, entry_date: dt.date, reason: str, approver_id: int,
                     actor: Actor) -> TransferRead:
    """Undo a transfer with a reversing entry (approved again); refused if the money has been used."""
    require(actor, "budget.write")
    reason = _reason(reason)
    if approver_id is None or session.get(Person, approver_id) is None:
        raise field_error("approver_id", f"ไม่พบบุคคลหมายเลข {approver_id}", f"no person with id {approver_id}")

    def use(session: Session, original: Transfer, target: BudgetLine) -> Decimal:
        _check_use(Ledger.load(session, [target.id]), target, original.amount, entry_date, TRANSFER)
        return original.amount

    return _reverse(session, Transfer, transfer_id, "transfer_id", entry_date=entry_date, reason=reason,
                    actor=actor, check=_once(Transfer, "transfer_id", use), approver_id=approver_id,
                    read=TransferRead.model_validate,
                    line_ids=lambda original: [original.to_line_id, original.from_line_id],
                    copied=("from_line_id", "to_line_id"))
