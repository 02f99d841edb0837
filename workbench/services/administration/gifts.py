"""The gift register: gifts given (to whom, on which visit or reception, item from stock, value) and received
(from whom, occasion, estimated value, where kept).

NACC rule (``data/administration_gift_rules.csv``): a gift received worth more than the threshold (3,000 baht per
occasion) must be reported to the head of the agency within 30 days. The rule valid on the day of the gift is
applied when it is recorded: its threshold and the reporting deadline are stored on the gift, which stays
flagged until it is marked reported."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.errors import ConfigurationError
from workbench.models.administration import (
    Gift,
    GiftCreate,
    GiftDirection,
    GiftRead,
    MovementKind,
    StockItem,
)
from workbench.models.countries import Country
from workbench.models.people import Person
from workbench.models.visits import Engagement, Visit
from workbench.services.access import Actor, can_see, require
from workbench.services.administration import stock
from workbench.services.common import classification_of, field_error, get_or_404, get_visible, validate

READ, WRITE = "administration.read", "administration.write"
RULES_FILE = "administration_gift_rules.csv"


@dataclass(frozen=True)
class GiftRule:
    threshold: Decimal
    report_within_days: int
    valid_from: dt.date
    source: str
    as_of: dt.date | None


def rules(data_dir: Path | None = None) -> list[GiftRule]:
    """The NACC gift rules from the data folder, oldest first."""
    if data_dir is None:
        from workbench.config import get_settings

        data_dir = get_settings().data_dir
    path = Path(data_dir) / RULES_FILE
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        found = [GiftRule(Decimal(r["threshold"]), int(r["report_within_days"]),
                          dt.date.fromisoformat(r["valid_from"]), r.get("source", ""),
                          dt.date.fromisoformat(r["as_of"]) if r.get("as_of") else None) for r in rows]
    except (OSError, KeyError, ValueError, InvalidOperation) as exc:
        raise ConfigurationError(f"อ่านเกณฑ์ของขวัญใน {path} ไม่ได้ ({exc})", f"cannot read the gift rules in {path} ({exc})",
                                 field="WORKBENCH_DATA_DIR") from None
    return sorted(found, key=lambda r: r.valid_from)


def rule_on(day: dt.date) -> GiftRule | None:
    valid = [r for r in rules() if r.valid_from <= day]
    return valid[-1] if valid else None


def _read(gift: Gift, today: dt.date | None = None) -> GiftRead:
    must = gift.report_due is not None
    unreported = must and gift.reported_on is None
    overdue = unreported and today is not None and today > gift.report_due
    return GiftRead(**gift.model_dump(), must_report=must, unreported=unreported, overdue=overdue)


def _check_links(session: Session, data: GiftCreate, actor: Actor) -> None:
    for name, model in (("counterpart_person_id", Person), ("recipient_person_id", Person), ("country_id", Country),
                        ("stock_item_id", StockItem)):
        if getattr(data, name) is not None:
            get_or_404(session, model, getattr(data, name), field=name)
    for name, model in (("visit_id", Visit), ("engagement_id", Engagement)):  # classified: as if missing
        if getattr(data, name) is not None:
            get_visible(session, model, getattr(data, name), actor=actor, permission=WRITE, field=name)
    if data.direction == GiftDirection.RECEIVED and data.stock_item_id is not None:
        raise field_error("stock_item_id", "ของขวัญที่ได้รับไม่ตัดจากคลัง", "a gift received is not taken from stock")


def _visible(session: Session, gift: Gift, actor: Actor) -> bool:
    """A gift of a visit or engagement the actor may not see is left out, as the record it hangs on."""
    return all(link is None or can_see(actor, classification_of(session.get(model, link)))
               for link, model in ((gift.visit_id, Visit), (gift.engagement_id, Engagement)))


def record_gift(session: Session, *, data: GiftCreate | dict[str, Any], actor: Actor) -> GiftRead:
    """Register a gift. A gift given from stock takes its quantity out of stock in the same transaction; a gift
    received above the NACC threshold gets its reporting deadline."""
    require(actor, WRITE)
    data = validate(GiftCreate, data)
    if data.value_baht < 0:
        raise field_error("value_baht", "ต้องไม่ติดลบ", "must not be negative")
    if not data.counterpart.strip():
        raise field_error("counterpart", "ต้องไม่เว้นว่าง", "must not be empty")
    _check_links(session, data, actor)
    values = data.model_dump()
    if data.direction == GiftDirection.RECEIVED:
        rule = rule_on(data.gift_date)
        if rule is not None:
            values["threshold"] = rule.threshold
            if data.value_baht > rule.threshold:
                values["report_due"] = data.gift_date + dt.timedelta(days=rule.report_within_days)
    with transaction(session, actor=actor):
        gift = Gift(**values, created_by_id=getattr(actor, "id", None))
        session.add(gift)
        session.flush()
        if data.direction == GiftDirection.GIVEN and data.stock_item_id is not None:
            stock.move(session, actor=actor, gift_id=gift.id, data={
                "stock_item_id": data.stock_item_id, "kind": MovementKind.OUT, "quantity": data.quantity,
                "moved_on": data.gift_date, "reason": f"มอบเป็นของที่ระลึกแก่ {data.counterpart}"[:300]})
    return _read(gift)


def mark_reported(session: Session, *, gift_id: int, reported_on: dt.date, reference: str = "", actor: Actor) -> GiftRead:
    """The gift was reported to the head of the agency on ``reported_on`` (memo number in ``reference``)."""
    gift = get_visible(session, Gift, gift_id, actor=actor, permission=WRITE, field="gift_id",
                       visible=lambda found: _visible(session, found, actor))
    if gift.report_due is None:
        raise field_error("gift_id", "ของขวัญนี้ไม่ต้องรายงาน", "this gift need not be reported")
    if gift.reported_on is not None:
        raise field_error("reported_on", "รายงานแล้วเมื่อ " + gift.reported_on.isoformat(),
                          "already reported on " + gift.reported_on.isoformat())
    if reported_on < gift.gift_date:
        raise field_error("reported_on", "ต้องไม่ก่อนวันที่ได้รับ", "must not be before the day it was received")
    with transaction(session, actor=actor):
        gift.reported_on, gift.report_reference = reported_on, reference.strip()[:200]
        session.add(gift)
    return _read(gift)


def list_gifts(session: Session, *, actor: Actor, direction: GiftDirection | str | None = None,
               unreported: bool = False, start: dt.date | None = None, end: dt.date | None = None,
               today: dt.date | None = None) -> list[GiftRead]:
    require(actor, READ)
    query = select(Gift).order_by(col(Gift.gift_date).desc(), col(Gift.id).desc())
    if direction:
        query = query.where(Gift.direction == GiftDirection(direction))
    if unreported:
        query = query.where(col(Gift.report_due).is_not(None), col(Gift.reported_on).is_(None))
    if start:
        query = query.where(Gift.gift_date >= start)
    if end:
        query = query.where(Gift.gift_date <= end)
    return [_read(g, today) for g in session.exec(query).all() if _visible(session, g, actor)]


def unreported(session: Session, *, actor: Actor, today: dt.date | None = None) -> list[GiftRead]:
    """Received gifts above the threshold not yet reported, the nearest deadline first."""
    rows = list_gifts(session, actor=actor, unreported=True, today=today)
    return sorted(rows, key=lambda g: g.report_due)
