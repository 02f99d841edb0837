"""Work plans per fiscal year: plan items with a measure (a figure of the quarterly statistics) and a target."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.models.administration import WorkPlanItem, WorkPlanItemCreate, WorkPlanItemRead
from workbench.services.access import Actor, require
from workbench.services.common import field_error, validate

READ, WRITE = "administration.read", "administration.write"


def add_plan_item(session: Session, *, data: WorkPlanItemCreate | dict[str, Any], actor: Actor) -> WorkPlanItemRead:
    require(actor, WRITE)
    data = validate(WorkPlanItemCreate, data)
    if not 2500 <= data.fiscal_year <= 2700:
        raise field_error("fiscal_year", "ต้องเป็นปีพุทธศักราช เช่น 2570", "must be a B.E. year such as 2570")
    duplicate = session.exec(select(WorkPlanItem).where(WorkPlanItem.fiscal_year == data.fiscal_year,
                                                        WorkPlanItem.code == data.code)).first()
    if duplicate is not None:
        raise field_error("code", f"ปี {data.fiscal_year} มีรหัส {data.code} แล้ว",
                          f"code {data.code} is already used in {data.fiscal_year}")
    with transaction(session, actor=actor):
        item = WorkPlanItem(**data.model_dump())
        session.add(item)
        session.flush()
        return WorkPlanItemRead.model_validate(item)


def plan(session: Session, *, fiscal_year: int, actor: Actor) -> list[WorkPlanItemRead]:
    require(actor, READ)
    return [WorkPlanItemRead.model_validate(item)
            for item in session.exec(select(WorkPlanItem).where(WorkPlanItem.fiscal_year == fiscal_year)
                                     .order_by(col(WorkPlanItem.code))).all()]
