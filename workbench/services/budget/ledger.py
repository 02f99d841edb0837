"""The budget ledger's figures and shared checks: money, the fiscal-year and room checks, the ``Ledger`` of
one or more lines and its ``Amounts``, locks, and which entries an actor may see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlmodel import Session, col, select

from workbench.errors import NotFound, ValidationError
from workbench.models.base import plain_number
from workbench.models.budget import (
    Allotment,
    BudgetLine,
    BudgetLineRead,
    Commitment,
    CommitmentCreate,
    CommitmentStatus,
    Disbursement,
    Transfer,
)
from workbench.models.visits import Engagement, EngagementKind, Visit
from workbench.services.access import Actor, can_see
from workbench.services.common import field_error as _field_error
from workbench.services.common import field_labels, get_visible, not_found
from workbench.services.common import validate as _validate
from workbench.thai import fiscal_year_bounds, format_baht, format_date

ZERO = Decimal("0.00")


CENT = Decimal("0.01")


MAX_AMOUNT = Decimal("1000000000000")  # NUMERIC(14, 2): below a trillion baht


class Overspend(ValidationError):
    """An amount beyond what is available, allotted or left of a commitment; the message carries the figures."""


# --- labels and errors ----------------------------------------------------------------------------------------

PREFIX = "budget.field."  # the budget's field labels in the catalogue


def _labels(name: str) -> tuple[str, str]:
    return field_labels(name, prefix=PREFIX)


def field_error(name: str, th: str, en: str, *, kind: type[ValidationError] = ValidationError) -> ValidationError:
    """``services.common.field_error`` naming the budget field ``name`` (labels ``budget.field.<name>``)."""
    return _field_error(name, th, en, prefix=PREFIX, kind=kind)


def validate(schema: Any, data: Any) -> Any:
    """``services.common.validate`` with budget field labels in the message."""
    try:
        return _validate(schema, data)
    except ValidationError as exc:
        raise field_error(exc.field or "input", exc.th, exc.en) from None


def baht(amount: Decimal) -> str:
    return format_baht(amount)


def money(value: Any, *, name: str = "amount") -> Decimal:
    """``value`` as a positive amount of baht with at most two decimals (satang); never a float."""
    if isinstance(value, float) or isinstance(value, bool):
        raise field_error(name, "ต้องเป็นจำนวนเงินแบบทศนิยม ไม่ใช่เลขทศนิยมลอยตัว", "money is never a float")
    try:
        amount = value if isinstance(value, Decimal) else Decimal(plain_number(str(value)))
    except (InvalidOperation, ValueError):
        raise field_error(name, "ต้องเป็นตัวเลข เช่น 1500 หรือ 1,500.50", "must be a number such as 1500 or 1,500.50") from None
    if not amount.is_finite():
        raise field_error(name, "ต้องเป็นตัวเลข", "must be a number")
    if amount <= 0:
        raise field_error(name, "ต้องมากกว่าศูนย์", "must be greater than zero")
    if amount >= MAX_AMOUNT:
        raise field_error(name, "มากเกินไป", "is too large")
    if amount != amount.quantize(CENT):
        raise field_error(name, "มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)", "may have at most two decimals (satang)")
    if amount >= MAX_AMOUNT:
        raise field_error(name, "มากเกินไป", "is too large")
    return amount.quantize(CENT)


def _in_year(fiscal_year: int, day: dt.date, name: str = "entry_date") -> None:
    first, last = fiscal_year_bounds(fiscal_year)
    if not first <= day <= last:
        raise field_error(
            name,
            f"วันที่ {format_date(day)} ไม่อยู่ในปีงบประมาณ {fiscal_year} "
            f"({format_date(first)} – {format_date(last)})",
            f"{day.isoformat()} is outside fiscal year {fiscal_year} ({first.isoformat()} – {last.isoformat()})",
        )


def _not_before(day: dt.date, original: dt.date, name: str = "entry_date") -> None:
    if day < original:
        raise field_error(name, f"ต้องไม่ก่อนวันที่ของรายการเดิม ({format_date(original)})",
                          f"must not be before the original entry's date ({original.isoformat()})")


def _reason(text: str) -> str:
    if not (text or "").strip():
        raise field_error("reason", "ต้องระบุเหตุผลของการแก้ไข", "a reason for the correction is required")
    return text.strip()


# --- the ledger of one or more lines --------------------------------------------------------------------------


@dataclass
class Ledger:
    """Every posted entry of some lines, read once; figures and rule checks are computed from it."""

    lines: dict[int, BudgetLine]
    allotments: list[Allotment] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    disbursements: list[Disbursement] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    drafts: list[Commitment] = field(default_factory=list)

    @classmethod
    def load(cls, session: Session, line_ids: Iterable[int]) -> Ledger:
        ids = sorted(set(line_ids))
        lines = {line.id: line for line in session.exec(select(BudgetLine).where(col(BudgetLine.id).in_(ids))).all()}
        commitments = session.exec(select(Commitment).where(col(Commitment.line_id).in_(ids))).all()
        return cls(
            lines=lines,
            allotments=list(session.exec(select(Allotment).where(col(Allotment.line_id).in_(ids))).all()),
            commitments=[c for c in commitments if c.status == CommitmentStatus.POSTED],
            drafts=[c for c in commitments if c.status == CommitmentStatus.DRAFT],
            disbursements=list(session.exec(select(Disbursement).where(col(Disbursement.line_id).in_(ids))).all()),
            transfers=list(session.exec(select(Transfer).where(
                col(Transfer.from_line_id).in_(ids) | col(Transfer.to_line_id).in_(ids))).all()),
        )

    def events(self, line_id: int) -> list[tuple[dt.date, Decimal, Decimal]]:
        """(day, change of allotted, change of used) for every entry of the line; used = committed + disbursed."""
        events = [(a.entry_date, a.amount, ZERO) for a in self.allotments if a.line_id == line_id]
        events += [(t.entry_date, -t.amount, ZERO) for t in self.transfers if t.from_line_id == line_id]
        events += [(t.entry_date, t.amount, ZERO) for t in self.transfers if t.to_line_id == line_id]
        events += [(c.entry_date, ZERO, c.amount) for c in self.commitments if c.line_id == line_id]
        events += [(d.entry_date, ZERO, d.amount) for d in self.disbursements
                   if d.line_id == line_id and d.commitment_id is None]
        return sorted(events, key=lambda e: e[0])

    def figures(self, line_id: int, on: dt.date | None = None) -> LineFigures:
        line = self.lines[line_id]
        upto = (lambda day: True) if on is None else (lambda day: day <= on)
        transfers_in = sum((t.amount for t in self.transfers if t.to_line_id == line_id and upto(t.entry_date)), ZERO)
        transfers_out = sum((t.amount for t in self.transfers if t.from_line_id == line_id and upto(t.entry_date)),
                            ZERO)
        allotments = sum((a.amount for a in self.allotments if a.line_id == line_id and upto(a.entry_date)), ZERO)
        commitments = sum((c.amount for c in self.commitments if c.line_id == line_id and upto(c.entry_date)), ZERO)
        paid = [d for d in self.disbursements if d.line_id == line_id and upto(d.entry_date)]
        released = sum((d.amount for d in paid if d.commitment_id is not None), ZERO)
        drafts = sum((c.amount for c in self.drafts if c.line_id == line_id), ZERO)
        return LineFigures(
            line=BudgetLineRead.model_validate(line),
            allocated=line.allocated + transfers_in - transfers_out,
            allotted=allotments + transfers_in - transfers_out,
            committed=commitments - released,
            disbursed=sum((d.amount for d in paid), ZERO),
            drafts=drafts,
        )

    def room(self, line_id: int, day: dt.date) -> tuple[Decimal, dt.date, Decimal, Decimal]:
        """The smallest (allotted − used) on ``day`` or any later day with an entry: (room, that day, allotted,
        used). A new use of money on ``day`` must fit in it, or some later day would spend unallotted money."""
        allotted = used = ZERO
        best: tuple[Decimal, dt.date, Decimal, Decimal] | None = None
        events = self.events(line_id)
        days = sorted({day} | {d for d, _, _ in events if d > day})
        index = 0
        for current in days:
            while index < len(events) and events[index][0] <= current:
                allotted += events[index][1]
                used += events[index][2]
                index += 1
            if best is None or allotted - used < best[0]:
                best = (allotted - used, current, allotted, used)
        assert best is not None
        return best

    def outstanding(self, commitment: Commitment) -> Decimal:
        """What remains of a posted commitment: its amount − its reversals − the disbursements against it."""
        reversed_ = sum((c.amount for c in self.commitments if c.reverses_id == commitment.id), ZERO)
        paid = sum((d.amount for d in self.disbursements if d.commitment_id == commitment.id), ZERO)
        return commitment.amount + reversed_ - paid


class Amounts:
    """The one place the ledger's rule is written: available = allocated − committed − disbursed."""

    allocated: Decimal
    committed: Decimal
    disbursed: Decimal

    @property
    def used(self) -> Decimal:
        return self.committed + self.disbursed

    @property
    def available(self) -> Decimal:
        return self.allocated - self.committed - self.disbursed


@dataclass(frozen=True)
class LineFigures(Amounts):
    line: BudgetLineRead
    allocated: Decimal
    allotted: Decimal
    committed: Decimal
    disbursed: Decimal
    drafts: Decimal = ZERO


# --- checks ----------------------------------------------------------------------------------------------------


def _check_use(ledger: Ledger, line: BudgetLine, amount: Decimal, day: dt.date, what: tuple[str, str]) -> None:
    """Refuse a new use of ``amount`` on ``line`` dated ``day`` beyond what is available or allotted."""
    figures = ledger.figures(line.id)
    if amount > figures.available:
        raise field_error(
            "amount",
            f"{what[0]} {baht(amount)} บาท เกินยอดคงเหลือของรายการ {line.code} "
            f"(จัดสรร {baht(figures.allocated)} − ผูกพัน {baht(figures.committed)} − เบิกจ่าย {baht(figures.disbursed)}"
            f" = คงเหลือ {baht(figures.available)} บาท)",
            f"the {what[1]} of {baht(amount)} baht exceeds what line {line.code} has available "
            f"(allocated {baht(figures.allocated)} − committed {baht(figures.committed)} − disbursed "
            f"{baht(figures.disbursed)} = available {baht(figures.available)} baht)",
            kind=Overspend,
        )
    room, on, allotted, used = ledger.room(line.id, day)
    if amount > room:
        raise field_error(
            "amount",
            f"{what[0]} {baht(amount)} บาท เกินเงินประจำงวดที่ได้รับแล้วของรายการ {line.code} ณ วันที่ {format_date(on)} "
            f"(ได้รับจัดสรรสะสม {baht(allotted)} − ใช้ไปแล้ว {baht(used)} = ใช้ได้ {baht(room)} บาท)",
            f"the {what[1]} of {baht(amount)} baht exceeds what has been allotted to line {line.code} by "
            f"{on.isoformat()} (allotted so far {baht(allotted)} − used {baht(used)} = {baht(room)} baht left)",
            kind=Overspend,
        )


def _lock(session: Session, line_ids: Iterable[int], actor: Actor) -> dict[int, BudgetLine]:
    """The lines, locked for this transaction (in id order, so two transfers cannot deadlock)."""
    ids = sorted(set(line_ids))
    rows = session.exec(select(BudgetLine).where(col(BudgetLine.id).in_(ids)).order_by(col(BudgetLine.id))
                        .with_for_update().execution_options(populate_existing=True)).all()
    found = {line.id: line for line in rows if can_see(actor, line.classification)}
    for line_id in ids:
        if line_id not in found:
            raise _line_not_found(line_id)
    return found


def _line_not_found(line_id: Any) -> NotFound:
    return not_found("line_id", line_id, labels=_labels("line_id"))


def entry_visible(session: Session, entry: Any, actor: Actor) -> bool:
    """An entry is visible when its own classification (commitments), its line(s) and the commitment it pays or
    reverses all are: a disbursement against a secret commitment is as secret as the commitment."""
    line_ids = [entry.from_line_id, entry.to_line_id] if isinstance(entry, Transfer) else [entry.line_id]
    for line_id in line_ids:
        line = session.get(BudgetLine, line_id)
        if line is None or not can_see(actor, line.classification):
            return False
    commitment_id = getattr(entry, "commitment_id", None)
    if commitment_id is not None:
        commitment = session.get(Commitment, commitment_id)
        if commitment is None or not can_see(actor, commitment.classification):
            return False
    return can_see(actor, getattr(entry, "classification", 0))


def _entry(session: Session, model: Any, entry_id: int, name: str, actor: Actor) -> Any:
    """A posted or draft entry the actor may see; one it may not see is reported exactly as a missing one."""
    return get_visible(session, model, entry_id, actor=actor, permission="budget.read", field=name,
                       visible=lambda entry: entry_visible(session, entry, actor), labels=_labels(name))


def _links(session: Session, data: CommitmentCreate, actor: Actor) -> int:
    """Check the optional visit and reception links; the classification the commitment must carry."""
    level = int(data.classification)
    if data.visit_id is not None:
        visit = get_visible(session, Visit, data.visit_id, actor=actor, permission="visits.read", field="visit_id",
                            labels=_labels("visit_id"))
        level = max(level, int(visit.classification))
    if data.engagement_id is not None:
        engagement = get_visible(session, Engagement, data.engagement_id, actor=actor, permission="visits.read",
                                 field="engagement_id", labels=_labels("engagement_id"))
        if engagement.kind != EngagementKind.RECEPTION:
            raise field_error("engagement_id", "ผูกได้เฉพาะงานเลี้ยงรับรอง", "only a reception may carry budget")
        if data.visit_id is not None and engagement.visit_id != data.visit_id:
            raise field_error("engagement_id", "งานเลี้ยงรับรองนี้ไม่ได้อยู่ในการเยือนที่เลือก",
                              "this reception is not part of the chosen visit")
        level = max(level, int(engagement.classification))
    return level


# --- lines -----------------------------------------------------------------------------------------------------


DISBURSEMENT = ("ยอดเบิกจ่าย", "disbursement")


TRANSFER = ("ยอดโอน", "transfer")


def _check_room(ledger: Ledger, line: BudgetLine, amount: Decimal, day: dt.date, what: tuple[str, str]) -> None:
    """Taking ``amount`` of allotted money away from ``line`` on ``day`` must leave every later day covered."""
    room, on, allotted, used = ledger.room(line.id, day)
    if amount > room:
        raise field_error(
            "amount",
            f"{what[0]} {baht(amount)} บาท เกินเงินประจำงวดที่ยังไม่ได้ใช้ของรายการ {line.code} ณ วันที่ {format_date(on)} "
            f"(ได้รับจัดสรรสะสม {baht(allotted)} − ใช้ไปแล้ว {baht(used)} = เหลือ {baht(room)} บาท)",
            f"the {what[1]} of {baht(amount)} baht exceeds the unused allotted money of line {line.code} on "
            f"{on.isoformat()} (allotted so far {baht(allotted)} − used {baht(used)} = {baht(room)} baht left)",
            kind=Overspend,
        )


def _original_posted(entry: Any, name: str) -> None:
    if entry.reverses_id is not None or entry.amount <= 0:
        raise field_error(name, "รายการนี้เป็นรายการกลับบัญชีอยู่แล้ว ให้บันทึกรายการใหม่แทน",
                          "this entry is itself a reversal; post a new entry instead")
    if getattr(entry, "status", CommitmentStatus.POSTED) != CommitmentStatus.POSTED:
        raise field_error(name, "ยังไม่ได้บันทึกผ่านรายการ (ร่าง)", "this entry has not been posted (draft)")


def _not_reversed(session: Session, model: Any, original: Any, name: str) -> None:
    if session.exec(select(model).where(model.reverses_id == original.id)).first() is not None:
        raise field_error(name, f"รายการหมายเลข {original.id} ถูกกลับรายการไปแล้ว",
                          f"entry {original.id} has already been reversed")
