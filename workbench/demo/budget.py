"""Demo budget: for each fiscal year covered, the office's budget lines with quarterly allotments, a transfer,
routine monthly spending, membership dues, and commitments and disbursements tied to the demo's outbound visits
(estimated from the rate tables) and receptions. Nothing is dated after the demo's "today"; a trip whose approval
would fall after today is left as a draft commitment. Everything goes through the services (audited, checked)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlmodel import select

from workbench.demo import DemoContext, demo_builder
from workbench.errors import ValidationError
from workbench.models.visits import Engagement, EngagementKind, Visit, VisitStatus
from workbench.services import budget, people, trip_costs
from workbench.thai import fiscal_quarter_bounds, fiscal_year, fiscal_year_bounds

PLAN = "แผนงานพื้นฐาน: การสนับสนุนการดำเนินงานด้านนิติบัญญัติ (สมมติ)"
PROJECT = "ผลผลิต: การดำเนินงานด้านการต่างประเทศของวุฒิสภา (สมมติ)"
# code suffix, Thai name, English name, category, expense type, allocation (baht), owning group, allotment shares
LINES = [
    ("01", "ค่าใช้จ่ายในการเดินทางไปราชการต่างประเทศ", "Official travel abroad", "operations", "services",
     8_500_000, "fao-protocol", (40, 30, 20, 10)),
    ("02", "ค่ารับรองและพิธีการต้อนรับคณะต่างประเทศ", "Hospitality and ceremonies for foreign guests", "operations",
     "services", 2_400_000, "fao-protocol", (35, 30, 20, 15)),
    ("03", "ค่าตอบแทนล่ามและผู้แปลเอกสาร", "Interpreters and translators", "operations", "remuneration",
     600_000, "fao-ir", (25, 25, 25, 25)),
    ("04", "ค่าวัสดุสำนักงานและสิ่งพิมพ์", "Office materials and printing", "operations", "materials",
     350_000, "fao-admin", (30, 30, 20, 20)),
    ("05", "ค่าบำรุงสมาชิก IPU APPF และ AIPA", "IPU, APPF and AIPA membership dues", "grants", "subsidies",
     3_200_000, "fao-admin", (60, 40, 0, 0)),
    ("06", "ค่าของที่ระลึกสำหรับคณะผู้แทน", "Gifts for delegations", "operations", "materials",
     150_000, "fao-protocol", (100, 0, 0, 0)),
]
MONTHLY = {"03": (38_000, 52_000), "04": (18_000, 32_000)}  # routine payments per month (range, baht)
TRAVELLERS = [{"a": 4, "b": 2}, {"a": 5, "b": 3}, {"a": 3, "b": 2}, {"a": 4, "b": 1}]


@demo_builder("budget", order=40)
def build_budget(context: DemoContext) -> None:
    actor = context.refs.get("users", {}).get("officer") or context.actor
    for offset in range(context.years):
        year = fiscal_year(context.today) - context.years + 1 + offset
        _Year(context, actor, year).build()


def _baht(value: float | int | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class _Year:
    def __init__(self, context: DemoContext, actor: Any, year: int) -> None:
        self.context, self.actor, self.year = context, actor, year
        self.session, self.rng = context.session, context.rng
        self.first, self.last = fiscal_year_bounds(year)
        self.today = min(context.today, self.last)
        self.lines: dict[str, Any] = {}

    def build(self) -> None:
        self._lines()
        self._transfer()
        self._dues()
        self._gifts()
        self._trips()
        self._receptions()
        self._monthly()

    def _try(self, function: Any, **kwargs: Any) -> Any:
        """Call a service; a refusal (the line cannot cover it) leaves the item out, as an officer would."""
        try:
            return function(self.session, actor=self.actor, **kwargs)
        except ValidationError:
            return None

    def _lines(self) -> None:
        for suffix, name_th, name_en, category, expense, amount, group, shares in LINES:
            org = people.organization_by_code(self.session, group)
            line = budget.create_line(self.session, actor=self.actor, data={
                "fiscal_year": self.year, "code": f"{self.year}-FA{suffix}", "name_th": name_th, "name_en": name_en,
                "plan": PLAN, "project": PROJECT, "activity": name_th, "category": category, "expense_type": expense,
                "allocated": _baht(amount), "work_group_id": org.id if org else None})
            self.lines[suffix] = line
            for quarter, share in enumerate(shares, start=1):
                start, end = fiscal_quarter_bounds(self.year, quarter)
                if share and start <= self.today:
                    budget.add_allotment(self.session, actor=self.actor, data={
                        "line_id": line.id, "period_no": quarter, "entry_date": start, "period_end": end,
                        "amount": _baht(amount * share / 100), "document_no": f"งป {self.year}/{quarter}"})

    def _transfer(self) -> None:
        day = self.first + dt.timedelta(days=40)
        directors = people.holders(self.session, post_code="fao-director", on=day)
        if day <= self.today and directors:
            self._try(budget.transfer, data={
                "from_line_id": self.lines["04"].id, "to_line_id": self.lines["02"].id, "amount": _baht(30_000),
                "approver_id": directors[0].id, "entry_date": day, "document_no": f"โอน {self.year}/1",
                "description": "โอนเงินค่าวัสดุไปสมทบค่ารับรองคณะต่างประเทศ (สมมติ)"})

    def _dues(self) -> None:
        for day, amount, text in ((self.first + dt.timedelta(days=20), 1_850_000, "ค่าบำรุงสมาชิก IPU"),
                                  (self.first + dt.timedelta(days=110), 780_000, "ค่าบำรุงสมาชิก APPF และ AIPA")):
            if day > self.today:
                continue
            commitment = self._try(budget.post_commitment, data={
                "line_id": self.lines["05"].id, "entry_date": day, "amount": _baht(amount), "kind": "approved_request",
                "description": text, "counterparty": "Inter-Parliamentary Union" if "IPU" in text else "APPF / AIPA"})
            paid_on = day + dt.timedelta(days=80)  # the dues are paid on the organisations' invoice
            if commitment is not None and paid_on <= self.today:
                self._try(budget.disburse, data={"commitment_id": commitment.id, "entry_date": paid_on,
                                                 "amount": _baht(amount), "description": text})

    def _gifts(self) -> None:
        day = self.first + dt.timedelta(days=12)
        if day <= self.today:
            order = self._try(budget.post_commitment, data={
                "line_id": self.lines["06"].id, "entry_date": day, "amount": _baht(138_500), "kind": "order",
                "description": "สั่งจ้างผลิตของที่ระลึกสำหรับคณะผู้แทนวุฒิสภา", "counterparty": "ร้านของที่ระลึกสมมติ"})
            if order is not None and day + dt.timedelta(days=30) <= self.today:
                self._try(budget.disburse, data={"commitment_id": order.id, "entry_date": day + dt.timedelta(days=30),
                                                 "amount": _baht(138_500)})

    def _trips(self) -> None:
        trips = self.session.exec(select(Visit).where(Visit.direction == "outbound", Visit.start_date >= self.first,
                                                      Visit.start_date <= self.last).order_by(Visit.start_date)).all()
        for number, visit in enumerate(trips):
            if visit.status in (VisitStatus.CANCELLED, VisitStatus.POSTPONED, VisitStatus.PROPOSED):
                continue
            approved = max(self.first, visit.start_date - dt.timedelta(days=45))
            if approved > self.today and visit.start_date > self.today + dt.timedelta(days=120):
                continue
            request = {"visit_id": visit.id, "travellers": TRAVELLERS[number % len(TRAVELLERS)],
                       "accommodation": "actual"}
            draft = self._try(trip_costs.draft_from_estimate, request=request, line_id=self.lines["01"].id,
                              entry_date=min(approved, self.today), document_no=f"อนุมัติเดินทาง {visit.id}")
            if draft is None or approved > self.today:
                continue  # not approved yet: stays a draft for the officer to post
            posted = self._try(budget.post_draft, commitment_id=draft.id)
            paid_on = visit.end_date + dt.timedelta(days=10)
            if posted is None or paid_on > self.today:
                continue
            spent = _baht(posted.amount * Decimal(self.rng.randint(90, 99)) / 100)
            self._try(budget.disburse, data={"commitment_id": posted.id, "entry_date": paid_on, "amount": spent,
                                             "description": "เบิกจ่ายค่าใช้จ่ายเดินทาง (ล้างเงินยืม)"})
            if visit.end_date + dt.timedelta(days=20) <= self.today:
                self._try(budget.reverse_commitment, commitment_id=posted.id,
                          entry_date=visit.end_date + dt.timedelta(days=20),
                          reason="ค่าใช้จ่ายจริงต่ำกว่าที่ผูกพัน คืนยอดผูกพันคงเหลือ")

    def _receptions(self) -> None:
        start = dt.datetime.combine(self.first, dt.time())
        end = dt.datetime.combine(self.last + dt.timedelta(days=1), dt.time())
        receptions = self.session.exec(select(Engagement).where(
            Engagement.kind == EngagementKind.RECEPTION, Engagement.start >= start, Engagement.start < end)
            .order_by(Engagement.start)).all()
        for reception in receptions:
            held = reception.start.date()
            approved = max(self.first, held - dt.timedelta(days=14))
            if approved > self.today:
                continue
            amount = reception.cost_estimate or _baht(45_000)
            commitment = self._try(budget.post_commitment, data={
                "line_id": self.lines["02"].id, "entry_date": approved, "amount": amount, "kind": "approved_request",
                "description": f"ค่ารับรอง: {reception.title_th}"[:500], "engagement_id": reception.id,
                "visit_id": reception.visit_id})
            paid_on = held + dt.timedelta(days=7)
            if commitment is not None and paid_on <= self.today:
                self._try(budget.disburse, data={"commitment_id": commitment.id, "entry_date": paid_on,
                                                 "amount": _baht(amount * Decimal(self.rng.randint(85, 100)) / 100),
                                                 "payee": "ผู้ให้บริการจัดเลี้ยง (สมมติ)"})

    def _monthly(self) -> None:
        month = self.first
        while month <= self.today:
            for suffix, (low, high) in MONTHLY.items():
                day = month + dt.timedelta(days=24)
                if day <= self.today:
                    self._try(budget.disburse, data={
                        "line_id": self.lines[suffix].id, "entry_date": day,
                        "amount": _baht(self.rng.randrange(low, high, 100)),
                        "description": f"เบิกจ่ายประจำเดือน {month.month}/{self.year}"})
            month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
