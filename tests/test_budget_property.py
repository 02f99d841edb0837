"""Property: no sequence of accepted ledger operations ever makes a line's available amount negative, nor spends
money before it is allotted. The figures are recomputed here from the raw tables (not with the service's code)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from tests.factories import make_person
from workbench.db import SYSTEM
from workbench.errors import ValidationError
from workbench.models.budget import Allotment, BudgetLine, Commitment, Disbursement, Transfer
from workbench.services import budget

FIRST_DAY = dt.date(2025, 10, 1)  # fiscal year 2569
_codes = count(1)

OPS = ["allot", "commit", "pay_line", "pay_commitment", "reverse_commitment", "reverse_disbursement", "transfer",
       "reverse_transfer", "reverse_allotment", "draft_then_post"]
operation = st.tuples(
    st.sampled_from(OPS),
    st.integers(0, 2),  # line
    st.integers(0, 2),  # other line / which earlier entry
    st.integers(1, 6_000_000),  # amount in satang (up to 60,000.00 baht)
    st.integers(0, 364),  # day of the fiscal year
)


def _baht(satang: int) -> str:
    return str(Decimal(satang) / 100)


def _apply(session, lines, approver, op) -> None:
    kind, i, j, satang, offset = op
    line, other, day, amount = lines[i], lines[j], FIRST_DAY + dt.timedelta(days=offset), _baht(satang)
    posted = lambda model: session.exec(select(model).where(model.reverses_id.is_(None))  # noqa: E731
                                        .order_by(model.id)).all()
    pick = lambda rows: rows[j % len(rows)] if rows else None  # noqa: E731
    if kind == "allot":
        budget.add_allotment(session, actor=SYSTEM, data={"line_id": line.id, "period_no": 1 + offset // 92,
                                                          "entry_date": day, "amount": amount})
    elif kind in ("commit", "draft_then_post"):
        made = budget.post_commitment(session, actor=SYSTEM, draft=kind != "commit", data={
            "line_id": line.id, "entry_date": day, "amount": amount})
        if kind == "draft_then_post":
            budget.post_draft(session, actor=SYSTEM, commitment_id=made.id)
    elif kind == "pay_line":
        budget.disburse(session, actor=SYSTEM, data={"line_id": line.id, "entry_date": day, "amount": amount})
    elif kind == "pay_commitment" and (c := pick([c for c in posted(Commitment) if c.status == "posted"])):
        budget.disburse(session, actor=SYSTEM, data={"commitment_id": c.id, "entry_date": day, "amount": amount})
    elif kind == "reverse_commitment" and (c := pick([c for c in posted(Commitment) if c.status == "posted"])):
        budget.reverse_commitment(session, actor=SYSTEM, commitment_id=c.id, entry_date=day, reason="p",
                                  amount=amount if satang % 2 else None)
    elif kind == "reverse_disbursement" and (d := pick(posted(Disbursement))):
        budget.reverse_disbursement(session, actor=SYSTEM, disbursement_id=d.id, entry_date=day, reason="p")
    elif kind == "transfer":
        budget.transfer(session, actor=SYSTEM, data={"from_line_id": line.id, "to_line_id": other.id,
                                                     "amount": amount, "approver_id": approver.id, "entry_date": day})
    elif kind == "reverse_transfer" and (t := pick(posted(Transfer))):
        budget.reverse_transfer(session, actor=SYSTEM, transfer_id=t.id, entry_date=day, reason="p",
                                approver_id=approver.id)
    elif kind == "reverse_allotment" and (a := pick(posted(Allotment))):
        budget.reverse_allotment(session, actor=SYSTEM, allotment_id=a.id, entry_date=day, reason="p")


def _raw_check(session, line: BudgetLine) -> None:
    """available ≥ 0 and, on every day with an entry, used ≤ allotted — from the raw rows."""
    def rows(model, *conditions):
        return session.exec(select(model).where(*conditions)).all()

    transfers_in = rows(Transfer, Transfer.to_line_id == line.id)
    transfers_out = rows(Transfer, Transfer.from_line_id == line.id)
    commitments = [c for c in rows(Commitment, Commitment.line_id == line.id) if c.status == "posted"]
    disbursements = rows(Disbursement, Disbursement.line_id == line.id)
    allotments = rows(Allotment, Allotment.line_id == line.id)
    allocated = line.allocated + sum(t.amount for t in transfers_in) - sum(t.amount for t in transfers_out)
    paid_against = {c.id: sum(d.amount for d in disbursements if d.commitment_id == c.id)
                    for c in commitments if c.reverses_id is None}
    for c in commitments:
        if c.reverses_id is None:
            remains = c.amount + sum(r.amount for r in commitments if r.reverses_id == c.id) - paid_against[c.id]
            assert remains >= 0, (c.id, remains)
    committed = sum(c.amount for c in commitments) - sum(paid_against.values())
    disbursed = sum(d.amount for d in disbursements)
    assert allocated - committed - disbursed >= 0
    days = {e.entry_date for e in [*transfers_in, *transfers_out, *commitments, *disbursements, *allotments]}
    for day in days:
        allotted = (sum(a.amount for a in allotments if a.entry_date <= day)
                    + sum(t.amount for t in transfers_in if t.entry_date <= day)
                    - sum(t.amount for t in transfers_out if t.entry_date <= day))
        used = (sum(c.amount for c in commitments if c.entry_date <= day)
                + sum(d.amount for d in disbursements if d.commitment_id is None and d.entry_date <= day))
        assert used <= allotted, (line.code, day, used, allotted)
    assert allotted_total(allotments, transfers_in, transfers_out) <= allocated


def allotted_total(allotments, transfers_in, transfers_out) -> Decimal:
    return (sum(a.amount for a in allotments) + sum(t.amount for t in transfers_in)
            - sum(t.amount for t in transfers_out))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(allocations=st.lists(st.integers(0, 10_000_000), min_size=3, max_size=3),
       operations=st.lists(operation, max_size=30))
def test_no_sequence_of_accepted_operations_makes_available_negative(session, allocations, operations):
    lines = [budget.create_line(session, actor=SYSTEM, data={
        "fiscal_year": 2569, "code": f"P{next(_codes)}", "name_th": "ทดสอบ", "category": "operations",
        "expense_type": "services", "allocated": _baht(max(allocation, 1))}) for allocation in allocations]
    approver = make_person(session)
    for op in operations:
        try:
            _apply(session, lines, approver, op)
        except ValidationError:
            pass  # refused: nothing was written
        for line in lines:
            _raw_check(session, session.get(BudgetLine, line.id))
            assert budget.line_figures(session, line_id=line.id, actor=SYSTEM).available >= 0
