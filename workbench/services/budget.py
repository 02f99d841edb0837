"""The budget ledger: lines, allotments, commitments, disbursements, transfers and reversing corrections.

Figures of a line (all sums of posted entries; reversing entries carry negative amounts):

* allocated = the line's initial allocation + transfers in − transfers out
* committed = commitments − disbursements made against them (a disbursement releases its commitment)
* disbursed = all disbursements
* available = allocated − committed − disbursed
* allotted by a day = allotments from that day or earlier + transfers in − transfers out up to that day

Rules (each refusal is a ``ValidationError`` naming the field, with the figures, in Thai and English; nothing is
written): amounts are positive with at most two decimals (satang); every entry is dated inside its line's
fiscal year; a commitment, or a disbursement made directly against a line, may not exceed what is available nor
what has been allotted and not yet used on its date and on every later day; a disbursement against a commitment
may not exceed what remains of that commitment; allotments may not exceed the allocation; a transfer needs an
approver (a person), stays inside one fiscal year and moves allotted, unused money only, so it can never make
the source negative. Posted entries are never edited: ``reverse_*`` writes a linked entry with the opposite sign.

Each write locks the lines it touches (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite serialises writers), so
two people cannot both spend the last baht of a line.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.errors import NotFound, ValidationError
from workbench.i18n import catalogue
from workbench.models.budget import (
    Allotment,
    AllotmentCreate,
    BudgetLine,
    BudgetLineCreate,
    BudgetLineRead,
    BudgetLineUpdate,
    Commitment,
    CommitmentCreate,
    CommitmentRead,
    CommitmentStatus,
    Disbursement,
    DisbursementCreate,
    Transfer,
    TransferCreate,
)
from workbench.models.people import Organization, Person
from workbench.models.visits import Engagement, EngagementKind, Visit
from workbench.services.access import can_see, require
from workbench.services.common import get_visible, not_found
from workbench.services.common import validate as _validate
from workbench.thai import fiscal_year_bounds, format_baht, format_date

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("1000000000000")  # NUMERIC(14, 2): below a trillion baht


class Overspend(ValidationError):
    """An amount beyond what is available, allotted or left of a commitment; the message carries the figures."""


# --- labels and errors ----------------------------------------------------------------------------------------

def _labels(name: str) -> tuple[str, str]:
    return catalogue().get(f"budget.field.{name}", (name, name))


def field_error(name: str, th: str, en: str, *, kind: type[ValidationError] = ValidationError) -> ValidationError:
    """A refusal naming the budget field ``name`` with its Thai and English labels."""
    label_th, label_en = _labels(name)
    return kind(th, en, field=name, field_th=label_th, field_en=label_en)


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
        amount = value if isinstance(value, Decimal) else Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise field_error(name, "ต้องเป็นตัวเลข", "must be a number") from None
    if not amount.is_finite():
        raise field_error(name, "ต้องเป็นตัวเลข", "must be a number")
    if amount <= 0:
        raise field_error(name, "ต้องมากกว่าศูนย์", "must be greater than zero")
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


def _lock(session: Session, line_ids: Iterable[int], actor: Any) -> dict[int, BudgetLine]:
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


def entry_visible(session: Session, entry: Any, actor: Any) -> bool:
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


def _entry(session: Session, model: Any, entry_id: int, name: str, actor: Any) -> Any:
    """A posted or draft entry the actor may see; one it may not see is reported exactly as a missing one."""
    return get_visible(session, model, entry_id, actor=actor, permission="budget.read", field=name,
                       visible=lambda entry: entry_visible(session, entry, actor), labels=_labels(name))


def _links(session: Session, data: CommitmentCreate, actor: Any) -> int:
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

def create_line(session: Session, *, data: BudgetLineCreate | dict[str, Any], actor: Any) -> BudgetLine:
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
    if session.exec(select(BudgetLine).where(BudgetLine.fiscal_year == data.fiscal_year,
                                             BudgetLine.code == code)).first():
        raise field_error("code", f"มีรายการรหัส {code} ในปีงบประมาณ {data.fiscal_year} แล้ว",
                          f"fiscal year {data.fiscal_year} already has a line coded {code}")
    with transaction(session, actor=actor):
        line = BudgetLine(**{**data.model_dump(), "code": code, "allocated": allocated},
                          created_by_id=getattr(actor, "id", None))
        session.add(line)
        session.flush()
        return line


def update_line(session: Session, *, line_id: int, data: BudgetLineUpdate | dict[str, Any], actor: Any) -> BudgetLine:
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
        return line


def get_line(session: Session, *, line_id: int, actor: Any) -> BudgetLine:
    return get_visible(session, BudgetLine, line_id, actor=actor, permission="budget.read", field="line_id",
                       labels=_labels("line_id"))


def line_by_code(session: Session, *, fiscal_year: int, code: str, actor: Any) -> BudgetLine:
    require(actor, "budget.read")
    line = session.exec(select(BudgetLine).where(BudgetLine.fiscal_year == fiscal_year,
                                                 BudgetLine.code == code)).first()
    if line is None or not can_see(actor, line.classification):
        raise field_error("code", f"ไม่พบรายการรหัส {code} ในปีงบประมาณ {fiscal_year}",
                          f"fiscal year {fiscal_year} has no line coded {code}", kind=NotFound)
    return line


def list_lines(session: Session, *, fiscal_year: int, actor: Any) -> list[BudgetLine]:
    """The year's lines the actor may see, by code."""
    require(actor, "budget.read")
    lines = session.exec(select(BudgetLine).where(BudgetLine.fiscal_year == fiscal_year)
                         .order_by(col(BudgetLine.code))).all()
    return [line for line in lines if can_see(actor, line.classification)]


def fiscal_years(session: Session, *, actor: Any) -> list[int]:
    """Fiscal years that have budget lines, newest first."""
    require(actor, "budget.read")
    rows = session.exec(select(BudgetLine.fiscal_year, BudgetLine.classification)).all()
    return sorted({year for year, level in rows if can_see(actor, level)}, reverse=True)


def line_figures(session: Session, *, line_id: int, actor: Any, on: dt.date | None = None) -> LineFigures:
    """Allocated, allotted (by ``on``), committed, disbursed and available of one line."""
    line = get_line(session, line_id=line_id, actor=actor)
    return Ledger.load(session, [line.id]).figures(line.id, on)


def year_figures(session: Session, *, fiscal_year: int, actor: Any, on: dt.date | None = None) -> list[LineFigures]:
    """Figures of every line of the year the actor may see (entries up to ``on``; all when ``on`` is None)."""
    lines = list_lines(session, fiscal_year=fiscal_year, actor=actor)
    ledger = Ledger.load(session, [line.id for line in lines])
    return [ledger.figures(line.id, on) for line in lines]


# --- allotments ------------------------------------------------------------------------------------------------

def add_allotment(session: Session, *, data: AllotmentCreate | dict[str, Any], actor: Any) -> Allotment:
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
        return allotment


# --- commitments -----------------------------------------------------------------------------------------------

COMMITMENT = ("ยอดผูกพัน", "commitment")
DISBURSEMENT = ("ยอดเบิกจ่าย", "disbursement")
TRANSFER = ("ยอดโอน", "transfer")


def post_commitment(session: Session, *, data: CommitmentCreate | dict[str, Any], actor: Any,
                    estimate: dict[str, Any] | None = None, draft: bool = False) -> Commitment:
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
        return commitment


def _draft(session: Session, commitment_id: int, actor: Any) -> Commitment:
    commitment = _entry(session, Commitment, commitment_id, "commitment_id", actor)
    if commitment.status != CommitmentStatus.DRAFT:
        raise field_error("commitment_id", f"รายการผูกพันหมายเลข {commitment_id} ไม่ใช่ร่าง",
                          f"commitment {commitment_id} is not a draft")
    return commitment


def post_draft(session: Session, *, commitment_id: int, actor: Any, entry_date: dt.date | None = None) -> Commitment:
    """Post a draft commitment (checked again against today's figures); from then on it is counted."""
    require(actor, "budget.write")
    with transaction(session, actor=actor):
        commitment = _draft(session, commitment_id, actor)
        line = _lock(session, [commitment.line_id], actor)[commitment.line_id]
        day = entry_date or commitment.entry_date
        _in_year(line.fiscal_year, day)
        _check_use(Ledger.load(session, [line.id]), line, commitment.amount, day, COMMITMENT)
        commitment.status, commitment.entry_date = CommitmentStatus.POSTED, day
        session.add(commitment)
        session.flush()
        return commitment


def discard_draft(session: Session, *, commitment_id: int, actor: Any) -> Commitment:
    """Drop a draft commitment; it stays on record as discarded and is never counted."""
    require(actor, "budget.write")
    with transaction(session, actor=actor):
        commitment = _draft(session, commitment_id, actor)
        _lock(session, [commitment.line_id], actor)
        commitment.status = CommitmentStatus.DISCARDED
        session.add(commitment)
        return commitment


def reverse_commitment(session: Session, *, commitment_id: int, entry_date: dt.date, reason: str, actor: Any,
                       amount: Any = None) -> Commitment:
    """Release what remains of a commitment (or part of it) with a reversing entry linked to it."""
    require(actor, "budget.write")
    reason = _reason(reason)
    with transaction(session, actor=actor):
        original = _entry(session, Commitment, commitment_id, "commitment_id", actor)
        _original_posted(original, "commitment_id")
        line = _lock(session, [original.line_id], actor)[original.line_id]
        _in_year(line.fiscal_year, entry_date)
        _not_before(entry_date, original.entry_date)
        outstanding = Ledger.load(session, [line.id]).outstanding(original)
        value = outstanding if amount is None else money(amount)
        if value <= 0 or value > outstanding:
            raise field_error(
                "amount",
                f"กลับรายการได้ไม่เกินยอดผูกพันคงเหลือของรายการหมายเลข {original.id} ({baht(outstanding)} บาท)",
                f"at most what remains of commitment {original.id} can be reversed ({baht(outstanding)} baht)",
                kind=Overspend,
            )
        reversal = Commitment(
            line_id=original.line_id, kind=original.kind, status=CommitmentStatus.POSTED, amount=-value,
            entry_date=entry_date, description=reason, document_no=original.document_no,
            counterparty=original.counterparty, visit_id=original.visit_id, engagement_id=original.engagement_id,
            classification=original.classification, reverses_id=original.id, created_by_id=getattr(actor, "id", None),
        )
        session.add(reversal)
        session.flush()
        return reversal


def _original_posted(entry: Any, name: str) -> None:
    if entry.reverses_id is not None or entry.amount <= 0:
        raise field_error(name, "รายการนี้เป็นรายการกลับบัญชีอยู่แล้ว ให้บันทึกรายการใหม่แทน",
                          "this entry is itself a reversal; post a new entry instead")
    if getattr(entry, "status", CommitmentStatus.POSTED) != CommitmentStatus.POSTED:
        raise field_error(name, "ยังไม่ได้บันทึกผ่านรายการ (ร่าง)", "this entry has not been posted (draft)")


def commitments(session: Session, *, fiscal_year: int, actor: Any, line_id: int | None = None,
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

def disburse(session: Session, *, data: DisbursementCreate | dict[str, Any], actor: Any) -> Disbursement:
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
        return disbursement


def reverse_disbursement(session: Session, *, disbursement_id: int, entry_date: dt.date, reason: str,
                         actor: Any) -> Disbursement:
    """Cancel a payment with a reversing entry; a payment against a commitment restores that commitment."""
    require(actor, "budget.write")
    reason = _reason(reason)
    with transaction(session, actor=actor):
        original = _entry(session, Disbursement, disbursement_id, "disbursement_id", actor)
        _original_posted(original, "disbursement_id")
        line = _lock(session, [original.line_id], actor)[original.line_id]
        _in_year(line.fiscal_year, entry_date)
        _not_before(entry_date, original.entry_date)
        _not_reversed(session, Disbursement, original, "disbursement_id")
        reversal = Disbursement(
            line_id=original.line_id, commitment_id=original.commitment_id, amount=-original.amount,
            entry_date=entry_date, description=reason, document_no=original.document_no, payee=original.payee,
            reverses_id=original.id, created_by_id=getattr(actor, "id", None),
        )
        session.add(reversal)
        session.flush()
        return reversal


def _not_reversed(session: Session, model: Any, original: Any, name: str) -> None:
    if session.exec(select(model).where(model.reverses_id == original.id)).first() is not None:
        raise field_error(name, f"รายการหมายเลข {original.id} ถูกกลับรายการไปแล้ว",
                          f"entry {original.id} has already been reversed")


def reverse_allotment(session: Session, *, allotment_id: int, entry_date: dt.date, reason: str,
                      actor: Any) -> Allotment:
    """Withdraw an allotment with a reversing entry; refused if the money is already used."""
    require(actor, "budget.write")
    reason = _reason(reason)
    with transaction(session, actor=actor):
        original = _entry(session, Allotment, allotment_id, "allotment_id", actor)
        _original_posted(original, "allotment_id")
        line = _lock(session, [original.line_id], actor)[original.line_id]
        _in_year(line.fiscal_year, entry_date)
        _not_before(entry_date, original.entry_date)
        _not_reversed(session, Allotment, original, "allotment_id")
        _check_room(Ledger.load(session, [line.id]), line, original.amount, entry_date, ("การถอนเงินงวด", "withdrawal"))
        reversal = Allotment(line_id=original.line_id, period_no=original.period_no, period_end=original.period_end,
                             amount=-original.amount, entry_date=entry_date, description=reason,
                             document_no=original.document_no, reverses_id=original.id,
                             created_by_id=getattr(actor, "id", None))
        session.add(reversal)
        session.flush()
        return reversal


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


# --- transfers -------------------------------------------------------------------------------------------------

def transfer(session: Session, *, data: TransferCreate | dict[str, Any], actor: Any) -> Transfer:
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
        return moved


def reverse_transfer(session: Session, *, transfer_id: int, entry_date: dt.date, reason: str, approver_id: int,
                     actor: Any) -> Transfer:
    """Undo a transfer with a reversing entry (approved again); refused if the money has been used."""
    require(actor, "budget.write")
    reason = _reason(reason)
    if approver_id is None or session.get(Person, approver_id) is None:
        raise field_error("approver_id", f"ไม่พบบุคคลหมายเลข {approver_id}", f"no person with id {approver_id}")
    with transaction(session, actor=actor):
        original = _entry(session, Transfer, transfer_id, "transfer_id", actor)
        _original_posted(original, "transfer_id")
        lines = _lock(session, [original.from_line_id, original.to_line_id], actor)
        target = lines[original.to_line_id]
        _in_year(target.fiscal_year, entry_date)
        _not_before(entry_date, original.entry_date)
        _not_reversed(session, Transfer, original, "transfer_id")
        _check_use(Ledger.load(session, [target.id]), target, original.amount, entry_date, TRANSFER)
        reversal = Transfer(from_line_id=original.from_line_id, to_line_id=original.to_line_id,
                            amount=-original.amount, approver_id=approver_id, entry_date=entry_date,
                            description=reason, document_no=original.document_no, reverses_id=original.id,
                            created_by_id=getattr(actor, "id", None))
        session.add(reversal)
        session.flush()
        return reversal


def entries(session: Session, *, line_id: int, actor: Any) -> list[dict[str, Any]]:
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
