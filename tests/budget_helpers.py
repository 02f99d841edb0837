"""Helpers shared by the budget tests: an administration officer and valid lines, made through the services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import count

from sqlmodel import Session

from tests.factories import make_user
from workbench.models.budget import BudgetLineRead
from workbench.models.users import Role
from workbench.services import budget

_codes = count(1)


def officer(session: Session, **overrides):
    return make_user(session, role=Role.ADMIN_OFFICER, **overrides)


def make_line(session: Session, actor, *, allocated: str = "500000.00", fiscal_year: int = 2569,
              allot: str | None = None, on: dt.date | None = None, **overrides) -> BudgetLineRead:
    """A line of ``fiscal_year``; with ``allot`` also an allotment of that amount on the year's first day (or
    ``on``)."""
    data = {"fiscal_year": fiscal_year, "code": f"L{next(_codes):04d}", "name_th": "ค่าใช้จ่ายเดินทางไปต่างประเทศ",
            "category": "operations", "expense_type": "services", "allocated": allocated, **overrides}
    line = budget.create_line(session, data=data, actor=actor)
    if allot is not None:
        first = dt.date(fiscal_year - 544, 10, 1)
        budget.add_allotment(session, actor=actor, data={
            "line_id": line.id, "period_no": 1, "entry_date": on or first, "amount": allot})
    return line


def figures(session: Session, line: BudgetLineRead, actor) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal]:
    """(allocated, allotted, committed, disbursed, available) of a line."""
    f = budget.line_figures(session, line_id=line.id, actor=actor)
    return f.allocated, f.allotted, f.committed, f.disbursed, f.available


def D(text: str) -> Decimal:  # noqa: N802 - reads like a literal
    return Decimal(text)
