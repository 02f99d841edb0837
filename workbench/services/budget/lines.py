"""Budget lines: create, update, read, list, and their figures for a day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.errors import NotFound
from workbench.models.budget import (
    BudgetLine,
    BudgetLineCreate,
    BudgetLineRead,
    BudgetLineUpdate,
)
from workbench.models.people import Organization
from workbench.services.access import Actor, can_see, require
from workbench.services.budget.ledger import Ledger, LineFigures, _labels, _lock, field_error, money, validate
from workbench.services.common import get_visible


def create_line(session: Session, *, data: BudgetLineCreate | dict[str, Any], actor: Actor) -> BudgetLineRead:
    """A budget line of a fiscal year with its allocation (code unique within the year)."""
    require(actor, "budget.write")
    data = validate(BudgetLineCreate, data)
    allocated = money(data.allocated, name="allocated")
    if not 2400 <= data.fiscal_year <= 2700:
        raise field_error("fiscal_year", "ต้องเป็นปีพุทธศักราช เช่น 2570", "must be a B.E. year such as 2570")
    if data.work_group_id is not None and session.get(Organization, data.work_group_id) is None:
        raise field_error("work_group_id", f"ไม่พบหน่วยงานหมายเลข {data.work_group_id}",
                          f"no organisation with id {data.work_group_id}")
    code = data.code.strip()
    if not code or not data.name_th.strip():
        raise field_error("code" if not code else "name_th", "ต้องไม่เว้นว่าง", "must not be blank")
    if session.exec(select(BudgetLine).where(BudgetLine.fiscal_year == data.fiscal_year,
                                             BudgetLine.code == code)).first():
        raise field_error("code", f"มีรายการรหัส {code} ในปีงบประมาณ {data.fiscal_year} แล้ว",
                          f"fiscal year {data.fiscal_year} already has a line coded {code}")
    with transaction(session, actor=actor):
        line = BudgetLine(**{**data.model_dump(), "code": code, "allocated": allocated},
                          created_by_id=getattr(actor, "id", None))
        session.add(line)
        session.flush()
        return BudgetLineRead.model_validate(line)


def update_line(session: Session, *, line_id: int, data: BudgetLineUpdate | dict[str, Any], actor: Actor) -> BudgetLineRead:
    """Change a line's names or owning group (never its amount: that moves only by transfers)."""
    require(actor, "budget.write")
    data = validate(BudgetLineUpdate, data)
    changes = data.model_dump(exclude_unset=True)
    if changes.get("name_th") is not None and not changes["name_th"].strip():
        raise field_error("name_th", "ต้องไม่เว้นว่าง", "must not be empty")
    if changes.get("work_group_id") is not None and session.get(Organization, changes["work_group_id"]) is None:
        raise field_error("work_group_id", f"ไม่พบหน่วยงานหมายเลข {changes['work_group_id']}",
                          f"no organisation with id {changes['work_group_id']}")
    with transaction(session, actor=actor):
        line = _lock(session, [line_id], actor)[line_id]
        for key, value in changes.items():
            if value is not None:
                setattr(line, key, value)
        session.add(line)
        session.flush()
        return BudgetLineRead.model_validate(line)


def get_line(session: Session, *, line_id: int, actor: Actor) -> BudgetLine:
    return get_visible(session, BudgetLine, line_id, actor=actor, permission="budget.read", field="line_id",
                       labels=_labels("line_id"))


def line_by_code(session: Session, *, fiscal_year: int, code: str, actor: Actor) -> BudgetLine:
    require(actor, "budget.read")
    line = session.exec(select(BudgetLine).where(BudgetLine.fiscal_year == fiscal_year,
                                                 BudgetLine.code == code)).first()
    if line is None or not can_see(actor, line.classification):
        raise field_error("code", f"ไม่พบรายการรหัส {code} ในปีงบประมาณ {fiscal_year}",
                          f"fiscal year {fiscal_year} has no line coded {code}", kind=NotFound)
    return line


def list_lines(session: Session, *, fiscal_year: int, actor: Actor) -> list[BudgetLineRead]:
    """The year's lines the actor may see, by code."""
    require(actor, "budget.read")
    lines = session.exec(select(BudgetLine).where(BudgetLine.fiscal_year == fiscal_year)
                         .order_by(col(BudgetLine.code))).all()
    return [BudgetLineRead.model_validate(line) for line in lines if can_see(actor, line.classification)]


def fiscal_years(session: Session, *, actor: Actor) -> list[int]:
    """Fiscal years that have budget lines, newest first."""
    require(actor, "budget.read")
    rows = session.exec(select(BudgetLine.fiscal_year, BudgetLine.classification)).all()
    return sorted({year for year, level in rows if can_see(actor, level)}, reverse=True)


def line_figures(session: Session, *, line_id: int, actor: Actor, on: dt.date | None = None) -> LineFigures:
    """Allocated, allotted (by ``on``), committed, disbursed and available of one line."""
    line = get_line(session, line_id=line_id, actor=actor)
    return Ledger.load(session, [line.id]).figures(line.id, on)


def year_figures(session: Session, *, fiscal_year: int, actor: Actor, on: dt.date | None = None) -> list[LineFigures]:
    """Figures of every line of the year the actor may see (entries up to ``on``; all when ``on`` is None)."""
    lines = list_lines(session, fiscal_year=fiscal_year, actor=actor)
    ledger = Ledger.load(session, [line.id for line in lines])
    return [ledger.figures(line.id, on) for line in lines]
