"""Supplies, equipment and souvenirs: items, stock movements (in, out, adjust; each with who and why), equipment
with asset number, custodian and location, and low-stock warnings from each item's own threshold.

Stock never goes below zero: the item row is locked, the new balance computed and checked, and the movement
stored with the balance after it, in one transaction. Movements are never edited; a correction is a new
``adjust`` movement."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.errors import ConflictError
from workbench.models.administration import (
    Equipment,
    EquipmentCreate,
    EquipmentRead,
    MovementKind,
    StockCategory,
    StockItem,
    StockItemCreate,
    StockItemRead,
    StockMovement,
    StockMovementCreate,
    StockMovementRead,
)
from workbench.models.people import Person
from workbench.services.access import Actor, require
from workbench.services.common import field_error, get_or_404, validate

READ, WRITE = "administration.read", "administration.write"


def _read(item: StockItem) -> StockItemRead:
    return StockItemRead(**item.model_dump(), low=is_low(item))


def is_low(item: StockItem) -> bool:
    """At or below the item's own threshold (an item with threshold 0 warns only when none is left)."""
    return item.on_hand <= item.low_stock_threshold


def add_item(session: Session, *, data: StockItemCreate | dict[str, Any], actor: Actor) -> StockItemRead:
    require(actor, WRITE)
    data = validate(StockItemCreate, data)
    if session.exec(select(StockItem).where(StockItem.code == data.code)).first() is not None:
        raise field_error("code", f"มีรหัส {data.code} แล้ว", f"code {data.code} is already used")
    with transaction(session, actor=actor):
        item = StockItem(**data.model_dump())
        session.add(item)
        session.flush()
        return _read(item)


def get_item(session: Session, *, stock_item_id: int, actor: Actor) -> StockItem:
    require(actor, READ)
    return get_or_404(session, StockItem, stock_item_id, field="stock_item_id")


def list_items(session: Session, *, actor: Actor, category: StockCategory | str | None = None) -> list[StockItemRead]:
    require(actor, READ)
    query = select(StockItem).order_by(col(StockItem.category), col(StockItem.code))
    if category:
        query = query.where(StockItem.category == StockCategory(category))
    return [_read(item) for item in session.exec(query).all()]


def low_stock(session: Session, *, actor: Actor) -> list[StockItemRead]:
    """Items at or below their threshold, the emptiest first."""
    return sorted((i for i in list_items(session, actor=actor) if i.low), key=lambda i: (i.on_hand, i.code))


def _signed(data: StockMovementCreate) -> int:
    if data.kind in (MovementKind.IN, MovementKind.OUT):
        if data.quantity <= 0:
            raise field_error("quantity", "ต้องมากกว่าศูนย์", "must be greater than zero")
        return data.quantity if data.kind == MovementKind.IN else -data.quantity
    if data.quantity == 0:
        raise field_error("quantity", "การปรับยอดต้องไม่เป็นศูนย์", "an adjustment must not be zero")
    return data.quantity


def move(session: Session, *, data: StockMovementCreate | dict[str, Any], actor: Actor,
         gift_id: int | None = None) -> StockMovementRead:
    """Record one movement; refused, naming the stock on hand, when it would take the stock below zero."""
    require(actor, WRITE)
    data = validate(StockMovementCreate, data)
    if not data.reason.strip():
        raise field_error("reason", "ต้องระบุเหตุผล", "a reason is required")
    change = _signed(data)
    if data.person_id is not None:
        get_or_404(session, Person, data.person_id, field="person_id")
    with transaction(session, actor=actor):
        item = session.exec(select(StockItem).where(StockItem.id == data.stock_item_id).with_for_update()).first()
        if item is None:
            get_or_404(session, StockItem, data.stock_item_id, field="stock_item_id")
        balance = item.on_hand + change
        if balance < 0:
            raise ConflictError(
                f"คงเหลือ {item.on_hand} {item.unit} ไม่พอจ่าย {-change} {item.unit} (ยอดคงเหลือติดลบไม่ได้)",
                f"only {item.on_hand} {item.unit} on hand, cannot take {-change} (stock never goes negative)",
                field="quantity", field_th="จำนวน", field_en="Quantity")
        item.on_hand = balance
        movement = StockMovement(stock_item_id=item.id, kind=data.kind, change=change, balance_after=balance,
                                 moved_on=data.moved_on, reason=data.reason.strip(), person_id=data.person_id,
                                 gift_id=gift_id, created_by_id=getattr(actor, "id", None))
        session.add(item)
        session.add(movement)
        session.flush()
        return StockMovementRead.model_validate(movement)


def movements(session: Session, *, stock_item_id: int, actor: Actor) -> list[StockMovementRead]:
    require(actor, READ)
    get_or_404(session, StockItem, stock_item_id, field="stock_item_id")
    return [StockMovementRead.model_validate(movement)
            for movement in session.exec(select(StockMovement).where(StockMovement.stock_item_id == stock_item_id)
                                         .order_by(col(StockMovement.moved_on), col(StockMovement.id))).all()]


def add_equipment(session: Session, *, data: EquipmentCreate | dict[str, Any], actor: Actor) -> EquipmentRead:
    require(actor, WRITE)
    data = validate(EquipmentCreate, data)
    if session.exec(select(Equipment).where(Equipment.asset_number == data.asset_number)).first() is not None:
        raise field_error("asset_number", f"มีเลขครุภัณฑ์ {data.asset_number} แล้ว",
                          f"asset number {data.asset_number} is already registered")
    if data.custodian_id is not None:
        get_or_404(session, Person, data.custodian_id, field="custodian_id")
    if data.stock_item_id is not None:
        get_or_404(session, StockItem, data.stock_item_id, field="stock_item_id")
    with transaction(session, actor=actor):
        equipment = Equipment(**data.model_dump())
        session.add(equipment)
        session.flush()
        return EquipmentRead.model_validate(equipment)


def hand_over(session: Session, *, equipment_id: int, custodian_id: int | None, location: str | None = None,
              actor: Actor) -> EquipmentRead:
    """A new custodian or location (the audit trail keeps the previous ones)."""
    require(actor, WRITE)
    equipment = get_or_404(session, Equipment, equipment_id, field="equipment_id")
    if custodian_id is not None:
        get_or_404(session, Person, custodian_id, field="custodian_id")
    with transaction(session, actor=actor):
        equipment.custodian_id = custodian_id
        if location is not None:
            equipment.location = location
        session.add(equipment)
        session.flush()
        return EquipmentRead.model_validate(equipment)


def list_equipment(session: Session, *, actor: Actor) -> list[dict[str, Any]]:
    require(actor, READ)
    rows = []
    for equipment in session.exec(select(Equipment).order_by(col(Equipment.asset_number))).all():
        custodian = session.get(Person, equipment.custodian_id) if equipment.custodian_id else None
        rows.append({**equipment.model_dump(), "custodian": custodian.display_name("th") if custodian else ""})
    return rows
