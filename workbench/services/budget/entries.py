"""Posting entries: allotments, commitments (and their drafts), disbursements, transfers, and a line's entries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlmodel import Session

from workbench.db import transaction
from workbench.models.budget import (
    Allotment,
    AllotmentCreate,
    AllotmentRead,
    BudgetLine,
    Commitment,
    CommitmentCreate,
    CommitmentRead,
    CommitmentStatus,
    Disbursement,
    DisbursementCreate,
    DisbursementRead,
    Transfer,
    TransferCreate,
    TransferRead,
)
from workbench.models.people import Person
from workbench.services.access import Actor, can_see, require
from workbench.services.budget.ledger import (
    DISBURSEMENT,
    TRANSFER,
    ZERO,
    Ledger,
    Overspend,
    _check_use,
    _entry,
    _in_year,
    _links,
    _lock,
    _not_before,
    _original_posted,
    baht,
    entry_visible,
    field_error,
    money,
    validate,
)
from workbench.services.budget.lines import get_line, list_lines


def add_allotment(session: Session, *, data: AllotmentCreate | dict[str, Any], actor: Actor) -> AllotmentRead:
    """An allotment period's money released to a line; allotments never exceed the line's allocation."""
    require(actor, "budget.write")
    data = validate(AllotmentCreate, data)
    amount = money(data.amount)
    with transaction(session, actor=actor):
        line = _lock(session, [data.line_id], actor)[data.line_id]
        _in_year(line.fiscal_year, data.entry_date)
        if data.period_end is not None:
            _in_year(line.fiscal_year, data.period_end, "period_end")
            if data.period_end < data.entry_date:
                raise field_error("period_end", "ต้องไม่ก่อนวันเริ่มงวด", "must not be before the period's start")
        figures = Ledger.load(session, [line.id]).figures(line.id)
        if figures.allotted + amount > figures.allocated:
            raise field_error(
                "amount",
                f"เงินงวด {baht(amount)} บาท ทำให้ยอดจัดสรรงวดรวมเกินงบที่ได้รับของรายการ {line.code} "
                f"(ได้รับงบ {baht(figures.allocated)} − จัดสรรงวดแล้ว {baht(figures.allotted)} "
                f"= จัดสรรได้อีก {baht(figures.allocated - figures.allotted)} บาท)",
                f"an allotment of {baht(amount)} baht would take line {line.code} beyond its allocation "
                f"(allocated {baht(figures.allocated)} − allotted {baht(figures.allotted)} = "
                f"{baht(figures.allocated - figures.allotted)} baht left to allot)",
                kind=Overspend,
            )
        allotment = Allotment(**{**data.model_dump(), "amount": amount}, created_by_id=getattr(actor, "id", None))
        session.add(allotment)
        session.flush()
        return AllotmentRead.model_validate(allotment)


# --- commitments -----------------------------------------------------------------------------------------------


COMMITMENT = ("ยอดผูกพัน", "commitment")


def _commitment_read(commitment: Commitment) -> CommitmentRead:
    """A commitment just written: all of a posted original is outstanding (nothing can have been paid against it
    yet); a draft, a discarded draft or a reversing entry has nothing outstanding."""
    whole = commitment.status == CommitmentStatus.POSTED and commitment.reverses_id is None
    return CommitmentRead.model_validate(commitment, update={"outstanding": commitment.amount if whole else ZERO})


def post_commitment(session: Session, *, data: CommitmentCreate | dict[str, Any], actor: Actor,
                    estimate: dict[str, Any] | None = None, draft: bool = False) -> CommitmentRead:
    """A commitment (approved request, order, contract) on a line, optionally for a visit or a reception.

    Refused beyond what is available or allotted by its date. With ``draft=True`` it is checked the same way but
    saved as a draft: not counted until ``post_draft``.
    """
    require(actor, "budget.write")
    data = validate(CommitmentCreate, data)
    amount = money(data.amount)
    classification = _links(session, data, actor)
    with transaction(session, actor=actor):
        line = _lock(session, [data.line_id], actor)[data.line_id]
        _in_year(line.fiscal_year, data.entry_date)
        _check_use(Ledger.load(session, [line.id]), line, amount, data.entry_date, COMMITMENT)
        commitment = Commitment(
            **{**data.model_dump(), "amount": amount, "classification": classification},
            status=CommitmentStatus.DRAFT if draft else CommitmentStatus.POSTED, estimate=estimate,
            created_by_id=getattr(actor, "id", None),
        )
        session.add(commitment)
        session.flush()
        return _commitment_read(commitment)


def _locked_draft(session: Session, commitment_id: int, actor: Actor) -> tuple[Commitment, BudgetLine]:
    """The draft and its line, the line locked first and the draft's status read after the lock: a post or a
    discard of the same draft by another writer has committed by then (or waits for this one)."""
    commitment = _entry(session, Commitment, commitment_id, "commitment_id", actor)
    line = _lock(session, [commitment.line_id], actor)[commitment.line_id]
    session.refresh(commitment)
    if commitment.status != CommitmentStatus.DRAFT:
        raise field_error("commitment_id", f"รายการผูกพันหมายเลข {commitment_id} ไม่ใช่ร่าง",
                          f"commitment {commitment_id} is not a draft")
    return commitment, line


def post_draft(session: Session, *, commitment_id: int, actor: Actor, entry_date: dt.date | None = None) -> CommitmentRead:
    """Post a draft commitment (checked again against today's figures); from then on it is counted."""
    require(actor, "budget.write")
    with transaction(session, actor=actor):
        commitment, line = _locked_draft(session, commitment_id, actor)
        day = entry_date or commitment.entry_date
        _in_year(line.fiscal_year, day)
        _check_use(Ledger.load(session, [line.id]), line, commitment.amount, day, COMMITMENT)
        commitment.status, commitment.entry_date = CommitmentStatus.POSTED, day
        session.add(commitment)
        session.flush()
        return _commitment_read(commitment)


def discard_draft(session: Session, *, commitment_id: int, actor: Actor) -> CommitmentRead:
    """Drop a draft commitment; it stays on record as discarded and is never counted."""
    require(actor, "budget.write")
    with transaction(session, actor=actor):
        commitment, _ = _locked_draft(session, commitment_id, actor)
        commitment.status = CommitmentStatus.DISCARDED
        session.add(commitment)
        session.flush()
        return _commitment_read(commitment)


def commitments(session: Session, *, fiscal_year: int, actor: Actor, line_id: int | None = None,
                include_drafts: bool = True) -> list[CommitmentRead]:
    """Original commitments (not their reversals) of the year the actor may see, with what remains of each."""
    lines = {line.id: line for line in list_lines(session, fiscal_year=fiscal_year, actor=actor)}
    ids = [line_id] if line_id is not None else list(lines)
    ledger = Ledger.load(session, [i for i in ids if i in lines])
    rows = [c for c in ledger.commitments if c.reverses_id is None] + (ledger.drafts if include_drafts else [])
    result = []
    for c in sorted(rows, key=lambda c: (c.entry_date, c.id)):
        if not can_see(actor, c.classification):
            continue
        outstanding = ledger.outstanding(c) if c.status == CommitmentStatus.POSTED else ZERO
        result.append(CommitmentRead.model_validate(c, update={"outstanding": outstanding}))
    return result


# --- disbursements ---------------------------------------------------------------------------------------------


def disburse(session: Session, *, data: DisbursementCreate | dict[str, Any], actor: Actor) -> DisbursementRead:
    """A payment against a commitment (releasing it) or directly against a line."""
    require(actor, "budget.write")
    data = validate(DisbursementCreate, data)
    amount = money(data.amount)
    commitment = None
    if data.commitment_id is not None:
        commitment = _entry(session, Commitment, data.commitment_id, "commitment_id", actor)
        _original_posted(commitment, "commitment_id")
        if data.line_id is not None and data.line_id != commitment.line_id:
            raise field_error("line_id", "ไม่ตรงกับรายการงบประมาณของยอดผูกพัน",
                              "does not match the commitment's budget line")
    elif data.line_id is None:
        raise field_error("line_id", "ต้องระบุรายการงบประมาณหรือยอดผูกพัน", "give a budget line or a commitment")
    line_id = commitment.line_id if commitment else data.line_id
    with transaction(session, actor=actor):
        line = _lock(session, [line_id], actor)[line_id]
        _in_year(line.fiscal_year, data.entry_date)
        ledger = Ledger.load(session, [line.id])
        if commitment is not None:
            _not_before(data.entry_date, commitment.entry_date)
            outstanding = ledger.outstanding(commitment)
            if amount > outstanding:
                raise field_error(
                    "amount",
                    f"ยอดเบิกจ่าย {baht(amount)} บาท เกินยอดผูกพันคงเหลือของรายการหมายเลข {commitment.id} "
                    f"({baht(outstanding)} บาท) ส่วนที่เกินให้เบิกจากรายการงบประมาณโดยตรง",
                    f"the disbursement of {baht(amount)} baht exceeds what remains of commitment {commitment.id} "
                    f"({baht(outstanding)} baht); pay any excess directly from the line",
                    kind=Overspend,
                )
        else:
            _check_use(ledger, line, amount, data.entry_date, DISBURSEMENT)
        disbursement = Disbursement(**{**data.model_dump(), "amount": amount, "line_id": line.id},
                                    created_by_id=getattr(actor, "id", None))
        session.add(disbursement)
        session.flush()
        return DisbursementRead.model_validate(disbursement)


# --- transfers -------------------------------------------------------------------------------------------------


def transfer(session: Session, *, data: TransferCreate | dict[str, Any], actor: Actor) -> TransferRead:
    """Move allotted, unused money from one line to another of the same year, approved by a named person."""
    require(actor, "budget.write")
    data = validate(TransferCreate, data)
    amount = money(data.amount)
    if data.approver_id is None:
        raise field_error("approver_id", "การโอนต้องมีผู้อนุมัติ", "a transfer needs an approver")
    if session.get(Person, data.approver_id) is None:
        raise field_error("approver_id", f"ไม่พบบุคคลหมายเลข {data.approver_id}", f"no person with id {data.approver_id}")
    if data.from_line_id == data.to_line_id:
        raise field_error("to_line_id", "ต้องเป็นคนละรายการกับรายการต้นทาง", "must differ from the source line")
    with transaction(session, actor=actor):
        lines = _lock(session, [data.from_line_id, data.to_line_id], actor)
        source, target = lines[data.from_line_id], lines[data.to_line_id]
        if source.fiscal_year != target.fiscal_year:
            raise field_error("to_line_id", "โอนได้เฉพาะภายในปีงบประมาณเดียวกัน",
                              "transfers stay within one fiscal year")
        _in_year(source.fiscal_year, data.entry_date)
        ledger = Ledger.load(session, [source.id])
        _check_use(ledger, source, amount, data.entry_date, TRANSFER)
        moved = Transfer(**{**data.model_dump(), "amount": amount}, created_by_id=getattr(actor, "id", None))
        session.add(moved)
        session.flush()
        return TransferRead.model_validate(moved)


def entries(session: Session, *, line_id: int, actor: Actor) -> list[dict[str, Any]]:
    """Every posted entry of a line in date order, as rows for a register (kind, date, amount, links)."""
    line = get_line(session, line_id=line_id, actor=actor)
    ledger = Ledger.load(session, [line.id])
    rows: list[dict[str, Any]] = []
    for a in ledger.allotments:
        rows.append({"kind": "allotment", "id": a.id, "entry_date": a.entry_date, "amount": a.amount,
                     "document_no": a.document_no, "description": a.description, "reverses_id": a.reverses_id})
    for c in ledger.commitments:
        if can_see(actor, c.classification):
            rows.append({"kind": "commitment", "id": c.id, "entry_date": c.entry_date, "amount": c.amount,
                         "document_no": c.document_no, "description": c.description, "reverses_id": c.reverses_id})
    hidden = {c.id for c in ledger.commitments + ledger.drafts if not can_see(actor, c.classification)}
    for d in ledger.disbursements:
        if d.commitment_id in hidden:
            continue
        rows.append({"kind": "disbursement", "id": d.id, "entry_date": d.entry_date, "amount": d.amount,
                     "document_no": d.document_no, "description": d.description, "reverses_id": d.reverses_id})
    for t in ledger.transfers:
        if not entry_visible(session, t, actor):
            continue
        sign = -1 if t.from_line_id == line.id else 1
        rows.append({"kind": "transfer_out" if sign < 0 else "transfer_in", "id": t.id, "entry_date": t.entry_date,
                     "amount": t.amount * sign, "document_no": t.document_no, "description": t.description,
                     "reverses_id": t.reverses_id})
    order = defaultdict(int, {"allotment": 0, "transfer_in": 1, "transfer_out": 2, "commitment": 3, "disbursement": 4})
    return sorted(rows, key=lambda r: (r["entry_date"], order[r["kind"]], r["id"]))
