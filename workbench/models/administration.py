"""Office administration: the staff registry (work groups, languages, absences), supplies, equipment and
souvenirs with their stock movements, the gift register (NACC rule), and work plans per fiscal year.

* **Stock** is the sum of its movements. ``StockItem.on_hand`` is kept in step by the service inside the same
  transaction (the item row is locked), every ``StockMovement`` records the balance after it, and stock never
  goes below zero. Movements are never edited: a correction is a new ``adjust`` movement.
* **Gifts received** above the NACC threshold (``data/administration_gift_rules.csv``) must be reported to the
  head of the agency within a number of days; the threshold and the due date that applied are stored on the gift
  when it is recorded, so a later change of the rule does not rewrite history.
* Money is ``Decimal`` stored as NUMERIC(14, 2), never float.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from pydantic import field_validator
from sqlmodel import Field, SQLModel

from workbench.models.base import created_at_field, enum_column

MONEY = sa.Numeric(14, 2)


class WorkGroup(enum.StrEnum):
    """The office's three work groups (กลุ่มงาน)."""

    GENERAL_ADMINISTRATION = "general_administration"  # กลุ่มงานบริหารทั่วไป
    DIPLOMATIC_PROTOCOL = "diplomatic_protocol"  # กลุ่มงานพิธีการทูต
    INTERNATIONAL_RELATIONS = "international_relations"  # กลุ่มงานความสัมพันธ์ระหว่างประเทศ


class LanguageLevel(enum.StrEnum):
    BASIC = "basic"
    GOOD = "good"
    FLUENT = "fluent"
    NATIVE = "native"


class AbsenceKind(enum.StrEnum):
    LEAVE = "leave"  # ลา
    TRAVEL = "travel"  # เดินทางไปราชการ
    TRAINING = "training"  # ฝึกอบรม


class StockCategory(enum.StrEnum):
    SUPPLIES = "supplies"  # วัสดุสำนักงาน
    EQUIPMENT = "equipment"  # ครุภัณฑ์
    SOUVENIR = "souvenir"  # ของที่ระลึก


class MovementKind(enum.StrEnum):
    IN = "in"  # รับเข้า
    OUT = "out"  # เบิกจ่าย
    ADJUST = "adjust"  # ปรับยอด (signed: a correction or a count)


class GiftDirection(enum.StrEnum):
    GIVEN = "given"  # มอบให้
    RECEIVED = "received"  # ได้รับ


class PlanMeasure(enum.StrEnum):
    """What a work plan item is measured by: each is a figure of the quarterly statistics."""

    INBOUND_VISITS = "inbound_visits"
    OUTBOUND_VISITS = "outbound_visits"
    COURTESY_CALLS = "courtesy_calls"
    RECEPTIONS = "receptions"
    BRIEFS = "briefs"
    DOCUMENTS_REGISTERED = "documents_registered"
    MEETINGS_ATTENDED = "meetings_attended"
    BUDGET_DISBURSED_PERCENT = "budget_disbursed_percent"


def _no_float(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError("money is never float: give a string, an integer or a Decimal")
    if isinstance(value, str):
        from workbench.thai import to_arabic_digits

        return to_arabic_digits(value).replace(",", "").strip() or None
    return value


# --- Staff registry ----------------------------------------------------------------------------------------

class StaffMemberBase(SQLModel):
    person_id: int = Field(foreign_key="person.id", description="the officer as a person")
    position_th: str = Field(min_length=1, max_length=200, description="ตำแหน่ง")
    position_en: str = Field(default="", max_length=200)
    work_group: WorkGroup = Field(sa_type=enum_column(WorkGroup, 30))
    user_id: int | None = Field(default=None, foreign_key="app_user.id", description="workbench account")
    office_phone: str = Field(default="", max_length=60)
    mobile_phone: str = Field(default="", max_length=60)
    office_email: str = Field(default="", max_length=200)
    languages: str = Field(default="", max_length=300,
                           description="languages and levels, e.g. 'en:fluent, fr:basic'")
    is_active: bool = True


class StaffMemberCreate(StaffMemberBase):
    pass


class StaffMemberUpdate(SQLModel):
    position_th: str | None = None
    position_en: str | None = None
    work_group: WorkGroup | None = None
    user_id: int | None = None
    office_phone: str | None = None
    mobile_phone: str | None = None
    office_email: str | None = None
    languages: str | None = None
    is_active: bool | None = None


class StaffMember(StaffMemberBase, table=True):
    __tablename__ = "admin_staff"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", unique=True)
    created_at: dt.datetime = created_at_field()


class StaffMemberRead(StaffMemberBase):
    id: int
    name: str = ""
    away: str = ""


class AbsenceCreate(SQLModel):
    staff_id: int
    kind: AbsenceKind
    start_date: dt.date
    end_date: dt.date
    reason: str = Field(default="", max_length=300)
    visit_id: int | None = None


class Absence(SQLModel, table=True):
    """Leave, official travel or training: the officer is away from ``start_date`` to ``end_date`` inclusive."""

    __tablename__ = "admin_absence"

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="admin_staff.id", index=True)
    kind: AbsenceKind = Field(sa_type=enum_column(AbsenceKind, 20))
    start_date: dt.date = Field(index=True)
    end_date: dt.date = Field(index=True)
    reason: str = Field(default="", max_length=300)
    visit_id: int | None = Field(default=None, foreign_key="visit.id")
    cancelled: bool = False
    created_at: dt.datetime = created_at_field()
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class AbsenceRead(SQLModel):
    id: int
    staff_id: int
    kind: AbsenceKind
    start_date: dt.date
    end_date: dt.date
    reason: str = ""
    visit_id: int | None = None
    cancelled: bool = False


# --- Supplies, equipment and souvenirs ----------------------------------------------------------------------

class StockItemBase(SQLModel):
    code: str = Field(min_length=1, max_length=40, description="the office's item code")
    name_th: str = Field(min_length=1, max_length=200)
    name_en: str = Field(default="", max_length=200)
    unit: str = Field(min_length=1, max_length=40, description="หน่วยนับ: ชิ้น, กล่อง, รีม…")
    category: StockCategory = Field(sa_type=enum_column(StockCategory, 20))
    low_stock_threshold: int = Field(default=0, ge=0, description="warn when stock falls to this or below")
    unit_value: Decimal | None = Field(default=None, sa_type=MONEY, ge=0, decimal_places=2,
                                       description="value of one unit in baht")

    @field_validator("unit_value", mode="before")
    @classmethod
    def _money(cls, value: Any) -> Any:
        return _no_float(value)


class StockItemCreate(StockItemBase):
    pass


class StockItem(StockItemBase, table=True):
    __tablename__ = "admin_stock_item"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True, index=True)
    on_hand: int = Field(default=0, description="sum of the movements, kept by the service")
    created_at: dt.datetime = created_at_field()


class StockItemRead(StockItemBase):
    id: int
    on_hand: int
    low: bool = False


class StockMovementCreate(SQLModel):
    stock_item_id: int
    kind: MovementKind
    quantity: int = Field(description="in/out: a positive number; adjust: signed (+ found, − lost)")
    moved_on: dt.date
    reason: str = Field(min_length=1, max_length=300, description="why: purchase, issued to, count…")
    person_id: int | None = Field(default=None, description="who received or handed over the items")


class StockMovement(SQLModel, table=True):
    __tablename__ = "admin_stock_movement"

    id: int | None = Field(default=None, primary_key=True)
    stock_item_id: int = Field(foreign_key="admin_stock_item.id", index=True)
    kind: MovementKind = Field(sa_type=enum_column(MovementKind, 10))
    change: int = Field(description="signed change of the stock")
    balance_after: int
    moved_on: dt.date = Field(index=True)
    reason: str = Field(max_length=300)
    person_id: int | None = Field(default=None, foreign_key="person.id")
    gift_id: int | None = Field(default=None, foreign_key="admin_gift.id")
    created_at: dt.datetime = created_at_field()
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class StockMovementRead(SQLModel):
    id: int
    stock_item_id: int
    kind: MovementKind
    change: int
    balance_after: int
    moved_on: dt.date
    reason: str
    person_id: int | None = None
    gift_id: int | None = None


class EquipmentBase(SQLModel):
    asset_number: str = Field(min_length=1, max_length=60, description="เลขครุภัณฑ์")
    name_th: str = Field(min_length=1, max_length=200)
    custodian_id: int | None = Field(default=None, foreign_key="person.id", description="ผู้รับผิดชอบ")
    location: str = Field(default="", max_length=200)
    acquired_on: dt.date | None = None
    value_baht: Decimal | None = Field(default=None, sa_type=MONEY, ge=0, decimal_places=2)
    stock_item_id: int | None = Field(default=None, foreign_key="admin_stock_item.id")
    notes: str = Field(default="", sa_type=sa.Text)

    @field_validator("value_baht", mode="before")
    @classmethod
    def _money(cls, value: Any) -> Any:
        return _no_float(value)


class EquipmentCreate(EquipmentBase):
    pass


class Equipment(EquipmentBase, table=True):
    __tablename__ = "admin_equipment"

    id: int | None = Field(default=None, primary_key=True)
    asset_number: str = Field(max_length=60, unique=True, index=True)
    created_at: dt.datetime = created_at_field()


class EquipmentRead(EquipmentBase):
    id: int


# --- Gift register -----------------------------------------------------------------------------------------

class GiftBase(SQLModel):
    direction: GiftDirection = Field(sa_type=enum_column(GiftDirection, 10))
    gift_date: dt.date = Field(index=True)
    description_th: str = Field(min_length=1, max_length=300, description="what the gift is")
    counterpart: str = Field(min_length=1, max_length=300,
                             description="given to (given) or received from (received): name and title")
    counterpart_person_id: int | None = Field(default=None, foreign_key="person.id")
    country_id: int | None = Field(default=None, foreign_key="country.id")
    visit_id: int | None = Field(default=None, foreign_key="visit.id")
    engagement_id: int | None = Field(default=None, foreign_key="engagement.id",
                                      description="the reception or call")
    recipient_person_id: int | None = Field(default=None, foreign_key="person.id",
                                            description="received: the official who received it")
    occasion: str = Field(default="", max_length=300)
    value_baht: Decimal = Field(sa_type=MONEY, ge=0, decimal_places=2,
                           description="given: value; received: estimated value (baht)")
    kept_at: str = Field(default="", max_length=200, description="received: where it is kept")
    stock_item_id: int | None = Field(default=None, foreign_key="admin_stock_item.id", description="given: from stock")
    quantity: int = Field(default=1, ge=1)

    @field_validator("value_baht", mode="before")
    @classmethod
    def _money(cls, value: Any) -> Any:
        return _no_float(value)


class GiftCreate(GiftBase):
    pass


class Gift(GiftBase, table=True):
    __tablename__ = "admin_gift"

    id: int | None = Field(default=None, primary_key=True)
    threshold: Decimal | None = Field(default=None, sa_type=MONEY, description="NACC threshold that applied")
    report_due: dt.date | None = Field(default=None, description="set when the gift must be reported")
    reported_on: dt.date | None = None
    report_reference: str = Field(default="", max_length=200)
    created_at: dt.datetime = created_at_field()
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class GiftRead(GiftBase):
    id: int
    threshold: Decimal | None = None
    report_due: dt.date | None = None
    reported_on: dt.date | None = None
    report_reference: str = ""
    must_report: bool = False
    unreported: bool = False
    overdue: bool = False


# --- Work plans --------------------------------------------------------------------------------------------

class WorkPlanItemBase(SQLModel):
    fiscal_year: int = Field(index=True, description="B.E. year in which the fiscal year ends")
    code: str = Field(min_length=1, max_length=40)
    title_th: str = Field(min_length=1, max_length=300)
    title_en: str = Field(default="", max_length=300)
    measure: PlanMeasure = Field(sa_type=enum_column(PlanMeasure, 40))
    target: Decimal = Field(sa_type=MONEY, ge=0, decimal_places=2,
                            description="the year's target (a count, or a per cent for budget disbursement)")
    work_group: WorkGroup = Field(sa_type=enum_column(WorkGroup, 30))

    @field_validator("target", mode="before")
    @classmethod
    def _target(cls, value: Any) -> Any:
        return _no_float(value)


class WorkPlanItemCreate(WorkPlanItemBase):
    pass


class WorkPlanItem(WorkPlanItemBase, table=True):
    __tablename__ = "admin_work_plan_item"
    __table_args__ = (sa.UniqueConstraint("fiscal_year", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    created_at: dt.datetime = created_at_field()


class WorkPlanItemRead(WorkPlanItemBase):
    id: int
