"""Budget: Thai fiscal years, budget lines, allotment periods, commitments, disbursements, transfers, and the
reference rate tables used to estimate trips and receptions (loaded from ``data/budget_*.csv``).

The fiscal year is the B.E. year in which it ends (1 October – 30 September, see ``workbench.thai``); it is a
column, not a table. Money is ``Decimal`` stored as NUMERIC(14, 2): satang precision, never float.

Ledger entries (allotments, commitments, disbursements, transfers) are never edited once posted. A correction
is a new entry of the same kind whose ``reverses_id`` names the entry it reverses and whose ``amount`` is
negative; sums over ``amount`` are therefore always the current figures. Only a *draft* commitment (made from a
cost estimate) may still change state: it is posted (then counted) or discarded (then ignored).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from workbench.models.base import Clearance, Money, created_at_field, enum_column, money_value

MONEY = sa.Numeric(14, 2)
PERCENT = sa.Numeric(5, 2)


class BudgetCategory(enum.StrEnum):
    """The five budget categories (งบรายจ่าย) of the Thai budget."""

    PERSONNEL = "personnel"  # งบบุคลากร
    OPERATIONS = "operations"  # งบดำเนินงาน
    INVESTMENT = "investment"  # งบลงทุน
    GRANTS = "grants"  # งบเงินอุดหนุน
    OTHER = "other"  # งบรายจ่ายอื่น


class ExpenseType(enum.StrEnum):
    """Expense types (within operations: remuneration, services, materials, utilities)."""

    REMUNERATION = "remuneration"  # ค่าตอบแทน
    SERVICES = "services"  # ค่าใช้สอย
    MATERIALS = "materials"  # ค่าวัสดุ
    UTILITIES = "utilities"  # ค่าสาธารณูปโภค
    SALARIES = "salaries"  # เงินเดือนและค่าจ้าง
    EQUIPMENT = "equipment"  # ค่าครุภัณฑ์
    SUBSIDIES = "subsidies"  # เงินอุดหนุน
    OTHER = "other"  # รายจ่ายอื่น


class CommitmentKind(enum.StrEnum):
    """What binds the money: an approved request, a purchase/hire order, or a contract."""

    APPROVED_REQUEST = "approved_request"  # บันทึกขออนุมัติ
    ORDER = "order"  # ใบสั่งซื้อ/สั่งจ้าง
    CONTRACT = "contract"  # สัญญา


class CommitmentStatus(enum.StrEnum):
    DRAFT = "draft"  # made from an estimate; not counted until posted
    POSTED = "posted"  # counted; never edited again (corrections are reversing entries)
    DISCARDED = "discarded"  # a draft that was dropped; never counted


def _no_float(value: Any) -> Any:
    """``money_value``, letting None through (services/trip_costs.py's optional amounts use this name)."""
    return None if value is None else money_value(value)


# --- Budget line -------------------------------------------------------------------------------------------

class BudgetLineBase(SQLModel):
    fiscal_year: int = Field(index=True, description="B.E. year in which the fiscal year ends (2570)")
    code: str = Field(min_length=1, max_length=40, description="the office's code of the line, unique per year")
    name_th: str = Field(min_length=1, max_length=300)
    name_en: str = Field(default="", max_length=300)
    plan: str = Field(default="", max_length=300, description="แผนงาน")
    project: str = Field(default="", max_length=300, description="ผลผลิต/โครงการ")
    activity: str = Field(default="", max_length=300, description="กิจกรรม")
    category: BudgetCategory = Field(sa_type=enum_column(20))
    expense_type: ExpenseType = Field(sa_type=enum_column(20))
    work_group_id: int | None = Field(default=None, foreign_key="organization.id", description="owning work group")
    classification: Clearance = Field(default=Clearance.NONE, sa_type=sa.Integer)


class BudgetLineCreate(BudgetLineBase):
    allocated: Money = Field(description="amount allocated for the year (changed later only by transfers)")


class BudgetLineUpdate(SQLModel):
    """Descriptive fields only: the allocated amount changes through transfers, never by editing."""

    name_th: str | None = None
    name_en: str | None = None
    plan: str | None = None
    project: str | None = None
    activity: str | None = None
    work_group_id: int | None = None


class BudgetLine(BudgetLineBase, table=True):
    __tablename__ = "budget_line"
    __table_args__ = (sa.UniqueConstraint("fiscal_year", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    allocated: Decimal = Field(sa_type=MONEY)
    created_at: dt.datetime = created_at_field()
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class BudgetLineRead(BudgetLineBase):
    id: int
    allocated: Decimal


# --- Ledger entries ----------------------------------------------------------------------------------------

class _EntryBase(SQLModel):
    entry_date: dt.date = Field(index=True, description="the day the entry takes effect; inside the line's year")
    document_no: str = Field(default="", max_length=80, description="เลขที่เอกสาร")
    description: str = Field(default="", max_length=500)


class _Posted(SQLModel):
    """Columns every posted entry carries."""

    reverses_id: int | None = None
    created_at: dt.datetime = created_at_field()
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class AllotmentCreate(_EntryBase):
    """An allotment (งวด) released to a line: counted from ``entry_date``."""

    line_id: int
    period_no: int = Field(ge=1, le=12, description="งวดที่")
    period_end: dt.date | None = None
    amount: Money


class Allotment(_EntryBase, _Posted, table=True):
    __tablename__ = "budget_allotment"

    id: int | None = Field(default=None, primary_key=True)
    line_id: int = Field(foreign_key="budget_line.id", index=True)
    period_no: int
    period_end: dt.date | None = None
    amount: Decimal = Field(sa_type=MONEY, description="negative on a reversing entry")
    reverses_id: int | None = Field(default=None, foreign_key="budget_allotment.id")


class AllotmentRead(_EntryBase):
    id: int
    line_id: int
    period_no: int
    period_end: dt.date | None = None
    amount: Decimal
    reverses_id: int | None = None


class CommitmentCreate(_EntryBase):
    line_id: int
    kind: CommitmentKind = CommitmentKind.APPROVED_REQUEST
    amount: Money
    counterparty: str = Field(default="", max_length=300, description="supplier, hotel, airline or payee")
    visit_id: int | None = None
    engagement_id: int | None = None
    classification: Clearance = Clearance.NONE


class Commitment(_EntryBase, _Posted, table=True):
    __tablename__ = "budget_commitment"

    id: int | None = Field(default=None, primary_key=True)
    line_id: int = Field(foreign_key="budget_line.id", index=True)
    kind: CommitmentKind = Field(sa_type=enum_column(20))
    status: CommitmentStatus = Field(default=CommitmentStatus.POSTED, sa_type=enum_column(20))
    amount: Decimal = Field(sa_type=MONEY, description="negative on a reversing entry")
    counterparty: str = Field(default="", max_length=300)
    visit_id: int | None = Field(default=None, foreign_key="visit.id", index=True)
    engagement_id: int | None = Field(default=None, foreign_key="engagement.id", index=True)
    estimate: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON, description="the estimate it came from")
    classification: Clearance = Field(default=Clearance.NONE, sa_type=sa.Integer)
    reverses_id: int | None = Field(default=None, foreign_key="budget_commitment.id")


class CommitmentRead(SQLModel):
    id: int
    line_id: int
    kind: CommitmentKind
    status: CommitmentStatus
    entry_date: dt.date
    amount: Decimal
    outstanding: Decimal
    document_no: str = ""
    description: str = ""
    counterparty: str = ""
    visit_id: int | None = None
    engagement_id: int | None = None
    reverses_id: int | None = None
    classification: Clearance = Clearance.NONE
    estimate: dict[str, Any] | None = None


class DisbursementCreate(_EntryBase):
    """A payment: against a commitment (which it releases) or directly against a line."""

    line_id: int | None = None
    commitment_id: int | None = None
    amount: Money
    payee: str = Field(default="", max_length=300)


class Disbursement(_EntryBase, _Posted, table=True):
    __tablename__ = "budget_disbursement"

    id: int | None = Field(default=None, primary_key=True)
    line_id: int = Field(foreign_key="budget_line.id", index=True)
    commitment_id: int | None = Field(default=None, foreign_key="budget_commitment.id", index=True)
    amount: Decimal = Field(sa_type=MONEY, description="negative on a reversing entry")
    payee: str = Field(default="", max_length=300)
    reverses_id: int | None = Field(default=None, foreign_key="budget_disbursement.id")


class DisbursementRead(_EntryBase):
    id: int
    line_id: int
    commitment_id: int | None = None
    amount: Decimal
    payee: str = ""
    reverses_id: int | None = None


class TransferCreate(_EntryBase):
    """Money moved between two lines of the same fiscal year, approved by a named person."""

    from_line_id: int
    to_line_id: int
    amount: Money
    approver_id: int | None = None


class Transfer(_EntryBase, _Posted, table=True):
    __tablename__ = "budget_transfer"

    id: int | None = Field(default=None, primary_key=True)
    from_line_id: int = Field(foreign_key="budget_line.id", index=True)
    to_line_id: int = Field(foreign_key="budget_line.id", index=True)
    amount: Decimal = Field(sa_type=MONEY, description="negative on a reversing entry")
    approver_id: int = Field(foreign_key="person.id")
    reverses_id: int | None = Field(default=None, foreign_key="budget_transfer.id")


class TransferRead(_EntryBase):
    id: int
    from_line_id: int
    to_line_id: int
    amount: Decimal
    approver_id: int
    reverses_id: int | None = None


# --- Reference data: targets and rate tables (data/budget_*.csv) -------------------------------------------

class _Reference(SQLModel):
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
    note: str = Field(default="", max_length=300)


class DisbursementTarget(_Reference, table=True):
    """Cumulative share of the year's budget to be disbursed by the end of each quarter (set by the government)."""

    __tablename__ = "budget_disbursement_target"
    __table_args__ = (sa.UniqueConstraint("fiscal_year", "quarter"),)

    id: int | None = Field(default=None, primary_key=True)
    fiscal_year: int
    quarter: int
    cumulative_percent: Decimal = Field(sa_type=PERCENT)


class TravelGrade(_Reference, table=True):
    """Grade of a traveller for rates abroad, and the delegation roles that travel at that grade by default."""

    __tablename__ = "budget_travel_grade"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True, index=True)
    label_th: str = Field(max_length=200)
    label_en: str = Field(default="", max_length=200)
    member_roles: str = Field(default="", max_length=200, description="space-separated delegation roles")
    cabin: str = Field(default="economy", max_length=20, description="air cabin class for this grade")


class AllowanceRate(_Reference, table=True):
    """Daily allowance abroad per person and day, by grade, valid from a date."""

    __tablename__ = "budget_allowance_rate"
    __table_args__ = (sa.UniqueConstraint("grade_code", "valid_from"),)

    id: int | None = Field(default=None, primary_key=True)
    grade_code: str = Field(max_length=20)
    valid_from: dt.date
    daily_amount: Decimal = Field(sa_type=MONEY)


class AccommodationRate(_Reference, table=True):
    """Accommodation abroad per person and night by grade and country group: actual cost up to a ceiling, or flat."""

    __tablename__ = "budget_accommodation_rate"
    __table_args__ = (sa.UniqueConstraint("grade_code", "country_group", "valid_from"),)

    id: int | None = Field(default=None, primary_key=True)
    grade_code: str = Field(max_length=20)
    country_group: str = Field(max_length=10)
    valid_from: dt.date
    actual_ceiling: Decimal = Field(sa_type=MONEY)
    flat_rate: Decimal = Field(sa_type=MONEY)


class CountryRateGroup(_Reference, table=True):
    """Which accommodation group a destination belongs to, and its usual visa fee per person ("*": all others)."""

    __tablename__ = "budget_country_group"

    id: int | None = Field(default=None, primary_key=True)
    iso2: str = Field(max_length=2, unique=True, index=True)
    country_group: str = Field(max_length=10)
    visa_fee: Decimal = Field(sa_type=MONEY)


class TravelCostDefault(_Reference, table=True):
    """Default per-person costs by code: return airfares by region and cabin, reception catering per head."""

    __tablename__ = "budget_cost_default"
    __table_args__ = (sa.UniqueConstraint("code", "valid_from"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=60, description="airfare:<region>:<cabin> or reception:per_head")
    label_th: str = Field(max_length=200)
    label_en: str = Field(default="", max_length=200)
    valid_from: dt.date
    amount: Decimal = Field(sa_type=MONEY)
