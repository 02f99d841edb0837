"""What the budget dashboard and ``workbench budget summary`` show: a fiscal year's figures per line, the
cumulative disbursement curve against the quarterly targets, a year-end forecast, the biggest visits and
receptions, and warnings.

* **Targets** (``data/budget_disbursement_targets.csv``) are cumulative shares of the year's allocation to be
  disbursed by the end of each quarter. Between quarter ends the target is read off a straight line from 0 % on
  1 October, so a day in mid-quarter has a pro-rata target.
* **Year-end forecast** (linear, floored and capped): disbursements so far are projected at the year's average
  daily pace to 30 September (disbursed × days in the year ÷ days elapsed); the result is at least what is
  already spoken for (committed + disbursed: commitments are expected to be paid) and at most the allocation.
  Expected unspent = allocation − projected disbursement.
* **Warnings**: a line is *near exhaustion* when what is available is at most ``near_share`` (10 %) of its
  allocation; the year *lags* when the share disbursed is below the pro-rata target of the day; a line lags when
  its share disbursed is below the target of the last quarter that has ended.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlmodel import Session, col, select

from workbench.models.budget import BudgetLine, CommitmentStatus, DisbursementTarget
from workbench.models.visits import Engagement, Visit
from workbench.services.access import Actor, can_see, require
from workbench.services.budget import ZERO, Amounts, Ledger, LineFigures, list_lines
from workbench.thai import fiscal_quarter_bounds, fiscal_year, fiscal_year_bounds

NEAR_EXHAUSTION_SHARE = Decimal("0.10")
HUNDRED = Decimal("100")


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """``part`` as a percentage of ``whole``, to two decimals (0 when ``whole`` is 0)."""
    if not whole:
        return Decimal("0.00")
    return (part * HUNDRED / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Totals(Amounts):
    allocated: Decimal
    allotted: Decimal
    committed: Decimal
    disbursed: Decimal
    drafts: Decimal


@dataclass(frozen=True)
class YearSummary:
    fiscal_year: int
    on: dt.date
    lines: list[LineFigures]
    totals: Totals

    @property
    def first_day(self) -> dt.date:
        return fiscal_year_bounds(self.fiscal_year)[0]

    @property
    def last_day(self) -> dt.date:
        return fiscal_year_bounds(self.fiscal_year)[1]


def as_of(fiscal_year_be: int, today: dt.date) -> dt.date:
    """The day a year is reported on: today inside the year, else its first or last day."""
    first, last = fiscal_year_bounds(fiscal_year_be)
    return min(max(today, first), last)


def current_fiscal_year(today: dt.date) -> int:
    return fiscal_year(today)


def year_summary(session: Session, *, fiscal_year: int, actor: Actor, today: dt.date) -> YearSummary:
    """Every visible line of the year with its figures as of ``today`` (clamped into the year)."""
    on = as_of(fiscal_year, today)
    lines = list_lines(session, fiscal_year=fiscal_year, actor=actor)
    ledger = Ledger.load(session, [line.id for line in lines])
    figures = [ledger.figures(line.id, on) for line in lines]
    totals = Totals(*(sum((getattr(f, name) for f in figures), ZERO)
                      for name in ("allocated", "allotted", "committed", "disbursed", "drafts")))
    return YearSummary(fiscal_year=fiscal_year, on=on, lines=figures, totals=totals)


# --- targets and the curve -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class QuarterTarget:
    quarter: int
    end: dt.date
    percent: Decimal


def targets(session: Session, *, fiscal_year: int) -> list[QuarterTarget]:
    rows = session.exec(select(DisbursementTarget).where(DisbursementTarget.fiscal_year == fiscal_year)
                        .order_by(col(DisbursementTarget.quarter))).all()
    return [QuarterTarget(r.quarter, fiscal_quarter_bounds(fiscal_year, r.quarter)[1], r.cumulative_percent)
            for r in rows]


def target_on(quarter_targets: list[QuarterTarget], fiscal_year_be: int, day: dt.date) -> Decimal | None:
    """The pro-rata cumulative target on ``day``: straight lines from 0 % on 1 October through each quarter end."""
    if not quarter_targets:
        return None
    previous_day, previous = fiscal_year_bounds(fiscal_year_be)[0] - dt.timedelta(days=1), Decimal("0")
    for target in quarter_targets:
        if day <= target.end:
            share = Decimal((day - previous_day).days) / Decimal((target.end - previous_day).days)
            return (previous + (target.percent - previous) * share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        previous_day, previous = target.end, target.percent
    return quarter_targets[-1].percent


def disbursement_curve(session: Session, *, summary: YearSummary) -> list[tuple[dt.date, Decimal]]:
    """(day, cumulative disbursed) from the year's first day to ``summary.on``, one point per day with payments."""
    ledger = Ledger.load(session, [f.line.id for f in summary.lines])
    by_day: dict[dt.date, Decimal] = defaultdict(lambda: ZERO)
    for payment in ledger.disbursements:
        if payment.entry_date <= summary.on:
            by_day[payment.entry_date] += payment.amount
    points, total = [(summary.first_day, ZERO)], ZERO
    for day in sorted(by_day):
        total += by_day[day]
        points.append((day, total))
    if points[-1][0] < summary.on:
        points.append((summary.on, total))
    return points


# --- forecast --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Forecast:
    on: dt.date
    days_elapsed: int
    days_in_year: int
    allocated: Decimal
    used: Decimal
    disbursed: Decimal
    projected_disbursed: Decimal

    @property
    def unspent(self) -> Decimal:
        return self.allocated - self.projected_disbursed

    @property
    def projected_disbursed_percent(self) -> Decimal:
        return percent(self.projected_disbursed, self.allocated)


def forecast(summary: YearSummary) -> Forecast:
    """Year-end disbursement: min(allocated, max(committed + disbursed, disbursed × days in year ÷ days elapsed))."""
    days_in_year = (summary.last_day - summary.first_day).days + 1
    elapsed = (summary.on - summary.first_day).days + 1
    totals = summary.totals
    pace = (totals.disbursed * days_in_year / elapsed).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Forecast(on=summary.on, days_elapsed=elapsed, days_in_year=days_in_year, allocated=totals.allocated,
                    used=totals.used, disbursed=totals.disbursed,
                    projected_disbursed=min(totals.allocated, max(totals.used, pace)))


# --- warnings --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Warning:
    kind: str  # near_exhaustion, lagging_year, lagging_line
    line_code: str = ""
    values: dict[str, Any] = field(default_factory=dict)


def warnings(summary: YearSummary, quarter_targets: list[QuarterTarget], *,
             near_share: Decimal = NEAR_EXHAUSTION_SHARE) -> list[Warning]:
    """Lines near exhaustion, and disbursement lagging behind the targets (the year, then each line)."""
    found: list[Warning] = []
    for f in summary.lines:
        if f.allocated > 0 and f.available <= f.allocated * near_share:
            found.append(Warning("near_exhaustion", f.line.code, {
                "code": f.line.code, "name": f.line.name_th, "available": f.available,
                "percent": percent(f.available, f.allocated)}))
    target = target_on(quarter_targets, summary.fiscal_year, summary.on)
    share = percent(summary.totals.disbursed, summary.totals.allocated)
    if target is not None and summary.totals.disbursed * HUNDRED < target * summary.totals.allocated:
        found.append(Warning("lagging_year", "", {"percent": share, "target": target,
                                                  "gap": (summary.totals.allocated * target / HUNDRED
                                                          - summary.totals.disbursed).quantize(Decimal("0.01"))}))
    ended = [t for t in quarter_targets if t.end < summary.on]
    if ended:
        last = ended[-1]
        for f in summary.lines:
            line_share = percent(f.disbursed, f.allocated)
            if f.allocated > 0 and f.disbursed * HUNDRED < last.percent * f.allocated:
                found.append(Warning("lagging_line", f.line.code, {
                    "code": f.line.code, "name": f.line.name_th, "percent": line_share, "target": last.percent,
                    "quarter": last.quarter}))
    return found


# --- biggest visits and receptions -----------------------------------------------------------------------------

@dataclass(frozen=True)
class CostItem:
    kind: str  # visit or reception
    id: int
    title: str
    day: dt.date
    committed: Decimal  # net of reversals, including what has since been paid
    disbursed: Decimal


def biggest(session: Session, *, fiscal_year: int, actor: Actor, limit: int = 5) -> list[CostItem]:
    """The visits and receptions that cost the most this year (posted commitments net of reversals)."""
    require(actor, "budget.read")
    lines = [line.id for line in list_lines(session, fiscal_year=fiscal_year, actor=actor)]
    ledger = Ledger.load(session, lines)
    committed: dict[tuple[str, int], Decimal] = defaultdict(lambda: ZERO)
    paid: dict[tuple[str, int], Decimal] = defaultdict(lambda: ZERO)
    key_of: dict[int, tuple[str, int]] = {}
    for c in ledger.commitments:
        if c.status != CommitmentStatus.POSTED or not can_see(actor, c.classification):
            continue
        key = ("reception", c.engagement_id) if c.engagement_id else ("visit", c.visit_id) if c.visit_id else None
        if key is None:
            continue
        committed[key] += c.amount
        key_of[c.id] = key
    for d in ledger.disbursements:
        if d.commitment_id in key_of:
            paid[key_of[d.commitment_id]] += d.amount
    items = []
    for (kind, record_id), amount in committed.items():
        record = session.get(Engagement if kind == "reception" else Visit, record_id)
        if record is None or not can_see(actor, record.classification) or amount <= 0:
            continue
        day = record.start.date() if kind == "reception" else record.start_date
        items.append(CostItem(kind, record_id, record.title_th, day, amount, paid[(kind, record_id)]))
    return sorted(items, key=lambda item: (-item.committed, item.day, item.id))[:limit]


def year_choices(session: Session, *, actor: Actor, today: dt.date) -> list[int]:
    """Fiscal years to offer: those with lines, and always the current one; newest first."""
    require(actor, "budget.read")
    rows = session.exec(select(BudgetLine.fiscal_year, BudgetLine.classification).distinct()).all()
    years = {year for year, level in rows if can_see(actor, level)} | {fiscal_year(today)}
    return sorted(years, reverse=True)
