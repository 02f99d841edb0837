"""Cost estimates for an outbound trip or a reception, from the dated rate tables in ``data/budget_*.csv``.

Trip (per traveller grade, with n travellers of that grade; days = first to last day inclusive, nights = days − 1):

* daily allowance = n × days × the grade's daily rate
* accommodation = n × nights × (the actual room cost per night up to the ceiling of the grade and the destination's
  country group, or the group's flat rate)
* airfare = n × the return fare of the destination's region in the grade's cabin (or the amount typed)
* visa = n × the destination's visa fee (or the amount typed); plus any other costs typed

Reception: guests and hosts on the guest list × catering per head (the rate, or the amount typed) + other costs.

Rates are those valid on the first day of the trip (the newest ``valid_from`` on or before it). Travellers come
from the visit's delegation (each member's role picks a grade, see ``budget_travel_grades.csv``) unless counts
per grade are given. ``draft_from_estimate`` makes the estimate and saves it as a draft commitment in one step.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from pydantic import field_validator
from sqlmodel import Session, SQLModel, col, select

from workbench.db import transaction
from workbench.models.budget import (
    AccommodationRate,
    AllowanceRate,
    CommitmentKind,
    CountryRateGroup,
    TravelCostDefault,
    TravelGrade,
    _no_float,
)
from workbench.models.countries import Country
from workbench.models.visits import (
    DelegationMember,
    Direction,
    Engagement,
    EngagementKind,
    EngagementParticipant,
    Side,
    Visit,
)
from workbench.services import budget
from workbench.services.access import Actor, require
from workbench.services.budget import ZERO, field_error, money, validate
from workbench.services.common import get_visible


class TripEstimateRequest(SQLModel):
    """What the estimator needs; anything left empty comes from the visit and the rate tables."""

    visit_id: int | None = None
    country_id: int | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    travellers: dict[str, int] | None = None  # grade code -> number of travellers
    accommodation: Literal["actual", "flat"] = "actual"
    nightly_room_cost: Decimal | None = None  # expected actual cost per night (default: the ceiling)
    airfare_per_person: Decimal | None = None
    visa_per_person: Decimal | None = None
    other_costs: Decimal = ZERO

    @field_validator("nightly_room_cost", "airfare_per_person", "visa_per_person", "other_costs", mode="before")
    @classmethod
    def _money(cls, value: Any) -> Any:
        return None if value == "" else _no_float(value)


class ReceptionEstimateRequest(SQLModel):
    engagement_id: int
    per_head: Decimal | None = None
    other_costs: Decimal = ZERO

    @field_validator("per_head", "other_costs", mode="before")
    @classmethod
    def _money(cls, value: Any) -> Any:
        return None if value == "" else _no_float(value)


@dataclass(frozen=True)
class EstimateItem:
    code: str  # allowance, accommodation, airfare, visa, catering, other
    grade: str  # grade code, or "" for items not per grade
    persons: int
    units: int  # days, nights, or 1
    unit_amount: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Estimate:
    kind: Literal["trip", "reception"]
    title: str
    day: dt.date
    items: list[EstimateItem] = field(default_factory=list)
    visit_id: int | None = None
    engagement_id: int | None = None
    basis: dict[str, Any] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum((item.amount for item in self.items), ZERO)

    def as_json(self) -> dict[str, Any]:
        """The estimate as stored with the draft commitment it becomes."""
        return {"kind": self.kind, "title": self.title, "day": self.day.isoformat(), "total": str(self.total),
                "basis": self.basis, "items": [
                    {"code": i.code, "grade": i.grade, "persons": i.persons, "units": i.units,
                     "unit_amount": str(i.unit_amount), "amount": str(i.amount)} for i in self.items]}


def _optional_money(value: Decimal | None, name: str, *, zero_ok: bool = True) -> Decimal | None:
    if value is None or (zero_ok and value == 0):
        return None if value is None else ZERO
    return money(value, name=name)


def _dated(session: Session, model: Any, day: dt.date, name: str, what: tuple[str, str], **keys: Any) -> Any:
    statement = select(model).where(model.valid_from <= day)
    for key, value in keys.items():
        statement = statement.where(getattr(model, key) == value)
    row = session.exec(statement.order_by(col(model.valid_from).desc())).first()
    if row is None:
        raise field_error(name, f"ไม่มีอัตรา{what[0]}ที่ใช้ได้ ณ วันที่ {day.isoformat()} ({keys}) ให้เพิ่มในข้อมูลอ้างอิง",
                          f"no {what[1]} rate valid on {day.isoformat()} for {keys}: add one to the rate tables")
    return row


MAX_TRAVELLERS = 500  # per grade: a delegation, never a population


def _travellers(session: Session, visit: Visit | None, given: dict[str, int] | None) -> dict[str, int]:
    grades = session.exec(select(TravelGrade).order_by(col(TravelGrade.code))).all()
    codes = {g.code for g in grades}
    if given:
        counts = {code: n for code, n in given.items() if n}
        for code, n in counts.items():
            if code not in codes:
                raise field_error("travellers", f"ไม่รู้จักระดับ '{code}'", f"unknown grade '{code}'")
            if n < 0:
                raise field_error("travellers", "ต้องไม่ติดลบ", "must not be negative")
            if n > MAX_TRAVELLERS:
                raise field_error("travellers", f"ไม่เกิน {MAX_TRAVELLERS} คนต่อระดับ", f"at most {MAX_TRAVELLERS} per grade")
        if counts:
            return counts
    if visit is None:
        raise field_error("travellers", "ต้องระบุจำนวนผู้เดินทาง", "give the number of travellers")
    by_role = {role: g.code for g in grades for role in g.member_roles.split()}
    counts: Counter[str] = Counter()
    for role in session.exec(select(DelegationMember.role).where(DelegationMember.visit_id == visit.id)).all():
        if role not in by_role:
            raise field_error("travellers", f"บทบาท '{role}' ไม่มีระดับในตารางอัตรา",
                              f"delegation role '{role}' has no grade in budget_travel_grades.csv")
        counts[by_role[role]] += 1
    if not counts:
        raise field_error("travellers", "การเยือนนี้ยังไม่มีรายชื่อคณะ ให้เพิ่มรายชื่อหรือระบุจำนวนผู้เดินทาง",
                          "the visit has no delegation members yet: add them or give the number of travellers")
    return dict(sorted(counts.items()))


def estimate_trip(session: Session, *, data: TripEstimateRequest | dict[str, Any], actor: Actor) -> Estimate:
    """The cost of an outbound trip, item by item (see the module docstring for every formula)."""
    require(actor, "budget.read")
    data = validate(TripEstimateRequest, data)
    visit = None
    if data.visit_id is not None:
        visit = get_visible(session, Visit, data.visit_id, actor=actor, permission="budget.read", field="visit_id",
                            labels=budget._labels("visit_id"))
        if visit.direction != Direction.OUTBOUND:
            raise field_error("visit_id", "ประมาณการค่าเดินทางได้เฉพาะการเยือนต่างประเทศของคณะไทย",
                              "trip estimates are for outbound visits only")
    country_id = data.country_id or (visit.country_id if visit else None)
    start = data.start_date or (visit.start_date if visit else None)
    end = data.end_date or (visit.end_date if visit else None)
    country = session.get(Country, country_id) if country_id is not None else None
    if country is None:
        raise field_error("country_id", "ต้องระบุประเทศปลายทาง", "a destination country is required")
    if start is None:
        raise field_error("start_date", "ต้องระบุวันเดินทางไป", "a departure date is required")
    if end is None or end < start:
        raise field_error("end_date", "ต้องไม่ก่อนวันเดินทางไป", "must not be before the departure date")
    travellers = _travellers(session, visit, data.travellers)
    room = _optional_money(data.nightly_room_cost, "nightly_room_cost", zero_ok=False)
    airfare = _optional_money(data.airfare_per_person, "airfare_per_person")
    visa = _optional_money(data.visa_per_person, "visa_per_person")
    other = _optional_money(data.other_costs, "other_costs")

    group = session.exec(select(CountryRateGroup).where(CountryRateGroup.iso2 == country.iso2)).first() or \
        session.exec(select(CountryRateGroup).where(CountryRateGroup.iso2 == "*")).first()
    if group is None:
        raise field_error("country_id", f"ไม่มีกลุ่มประเทศของ {country.name_th} ในตารางอัตรา",
                          f"{country.name_en} has no country group in budget_country_groups.csv")
    days = (end - start).days + 1
    nights = days - 1
    grades = {g.code: g for g in session.exec(select(TravelGrade)).all()}
    items: list[EstimateItem] = []
    for code, persons in travellers.items():
        daily = _dated(session, AllowanceRate, start, "start_date", ("เบี้ยเลี้ยง", "allowance"), grade_code=code)
        items.append(EstimateItem("allowance", code, persons, days, daily.daily_amount,
                                  persons * days * daily.daily_amount))
        if nights:
            rate = _dated(session, AccommodationRate, start, "start_date", ("ค่าที่พัก", "accommodation"),
                          grade_code=code, country_group=group.country_group)
            nightly = rate.flat_rate if data.accommodation == "flat" else min(room or rate.actual_ceiling,
                                                                                rate.actual_ceiling)
            items.append(EstimateItem("accommodation", code, persons, nights, nightly, persons * nights * nightly))
        fare = airfare if airfare is not None else _dated(
            session, TravelCostDefault, start, "airfare_per_person", ("ค่าโดยสาร", "airfare"),
            code=f"airfare:{country.region}:{grades[code].cabin}").amount
        if fare:
            items.append(EstimateItem("airfare", code, persons, 1, fare, persons * fare))
        fee = visa if visa is not None else group.visa_fee
        if fee:
            items.append(EstimateItem("visa", code, persons, 1, fee, persons * fee))
    if other:
        items.append(EstimateItem("other", "", 1, 1, other, other))
    title = visit.title_th if visit else country.name_th
    return Estimate(kind="trip", title=title, day=start, items=items, visit_id=visit.id if visit else None, basis={
        "country": country.iso2, "country_group": group.country_group, "start_date": start.isoformat(),
        "end_date": end.isoformat(), "days": days, "nights": nights, "travellers": travellers,
        "accommodation": data.accommodation})


def estimate_reception(session: Session, *, data: ReceptionEstimateRequest | dict[str, Any],
                       actor: Actor) -> Estimate:
    """The cost of a reception from its guest list: everyone on it × catering per head, plus other costs."""
    require(actor, "budget.read")
    data = validate(ReceptionEstimateRequest, data)
    engagement = get_visible(session, Engagement, data.engagement_id, actor=actor, permission="budget.read",
                             field="engagement_id", labels=budget._labels("engagement_id"))
    if engagement.kind != EngagementKind.RECEPTION:
        raise field_error("engagement_id", "ประมาณการได้เฉพาะงานเลี้ยงรับรอง", "only receptions are estimated here")
    sides = Counter(session.exec(select(EngagementParticipant.side)
                                 .where(EngagementParticipant.engagement_id == engagement.id)).all())
    if not sides:
        raise field_error("engagement_id", "งานเลี้ยงนี้ยังไม่มีรายชื่อแขก", "the reception has no guest list yet")
    day = engagement.start.date()
    per_head = _optional_money(data.per_head, "per_head", zero_ok=False) or _dated(
        session, TravelCostDefault, day, "per_head", ("ค่าอาหาร", "catering"), code="reception:per_head").amount
    other = _optional_money(data.other_costs, "other_costs")
    items = [EstimateItem("catering", side, n, 1, per_head, n * per_head)
             for side, n in sorted(sides.items(), key=lambda kv: kv[0] != Side.GUEST)]
    if other:
        items.append(EstimateItem("other", "", 1, 1, other, other))
    return Estimate(kind="reception", title=engagement.title_th, day=day, items=items,
                    visit_id=engagement.visit_id, engagement_id=engagement.id,
                    basis={"guests": sides.get(Side.GUEST, 0), "hosts": sides.get(Side.HOST, 0)})


def draft_from_estimate(session: Session, *, request: TripEstimateRequest | ReceptionEstimateRequest | dict[str, Any],
                        line_id: int, entry_date: dt.date, actor: Actor, document_no: str = "") -> Any:
    """Estimate a trip (or a reception, when the request names an engagement) and save the total as a draft
    commitment on ``line_id`` in one transaction. Refused, with the figures, when the line cannot cover it."""
    require(actor, "budget.write")
    is_reception = isinstance(request, ReceptionEstimateRequest) or (
        isinstance(request, dict) and request.get("engagement_id") is not None)
    with transaction(session, actor=actor):
        estimate = (estimate_reception(session, data=request, actor=actor) if is_reception
                    else estimate_trip(session, data=request, actor=actor))
        if estimate.total <= 0:
            raise field_error("amount", "ประมาณการเป็นศูนย์", "the estimate is zero")
        prefix = ("ประมาณการค่าใช้จ่ายงานเลี้ยงรับรอง" if is_reception else "ประมาณการค่าใช้จ่ายเดินทาง")
        return budget.post_commitment(session, actor=actor, draft=True, estimate=estimate.as_json(), data={
            "line_id": line_id, "entry_date": entry_date, "amount": estimate.total,
            "kind": CommitmentKind.APPROVED_REQUEST, "description": f"{prefix}: {estimate.title}"[:500],
            "document_no": document_no, "visit_id": estimate.visit_id, "engagement_id": estimate.engagement_id})


# --- choices for the estimator's form --------------------------------------------------------------------------

def travel_grades(session: Session) -> list[TravelGrade]:
    return list(session.exec(select(TravelGrade).order_by(col(TravelGrade.code))).all())


def outbound_visits(session: Session, *, fiscal_year_be: int, actor: Actor) -> list[Any]:
    """Outbound visits starting in the fiscal year that the actor may see (to estimate)."""
    from workbench.services import visits
    from workbench.thai import fiscal_year_bounds

    first, last = fiscal_year_bounds(fiscal_year_be)
    return [v for v in visits.list_visits(session, actor=actor, start=first, end=last, direction="outbound")
            if first <= v.start_date <= last]


def receptions(session: Session, *, fiscal_year_be: int, actor: Actor) -> list[Any]:
    """Receptions held in the fiscal year that the actor may see (to estimate)."""
    from workbench.services import engagements
    from workbench.thai import fiscal_year_bounds

    first, last = fiscal_year_bounds(fiscal_year_be)
    return engagements.list_engagements(session, actor=actor, start=dt.datetime.combine(first, dt.time()),
                                        end=dt.datetime.combine(last + dt.timedelta(days=1), dt.time()),
                                        kind=EngagementKind.RECEPTION.value)
