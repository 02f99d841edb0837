"""The travel rules kept as reference data (``data/travel_*.csv``), read with fallbacks that the README states."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from workbench.models.people import Membership, Organization, Post
from workbench.models.travel import (
    PassportType,
    PassportTypeRule,
    TravelLeadTime,
    TravelRule,
    VisaRequirement,
    VisaRule,
)

DEFAULT_MARGIN_MONTHS = 6
DEFAULT_WINDOW_DAYS = 180


def rule(session: Session, code: str) -> TravelRule | None:
    return session.exec(select(TravelRule).where(TravelRule.code == code)).first()


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def valid_until_needed(session: Session, return_date: dt.date) -> dt.date:
    """The day until which a passport must be valid for a trip ending on ``return_date`` (margin from data)."""
    margin = rule(session, "passport_validity_margin")
    if margin is None:
        return add_months(return_date, DEFAULT_MARGIN_MONTHS)
    if margin.unit == "months":
        return add_months(return_date, margin.value)
    return return_date + dt.timedelta(days=margin.value)


def margin_text(session: Session, lang: str = "th") -> str:
    margin = rule(session, "passport_validity_margin")
    value, unit = (margin.value, margin.unit) if margin else (DEFAULT_MARGIN_MONTHS, "months")
    if lang == "th":
        return f"{value} {'เดือน' if unit == 'months' else 'วัน'}"
    return f"{value} {unit}"


def expiry_window_days(session: Session) -> int:
    window = rule(session, "passport_expiry_window")
    if window is None:
        return DEFAULT_WINDOW_DAYS
    return window.value * 30 if window.unit == "months" else window.value


def lead_times(session: Session) -> list[TravelLeadTime]:
    return list(session.exec(select(TravelLeadTime).order_by(col(TravelLeadTime.days_before).desc())).all())


@dataclass(frozen=True)
class Position:
    post_code: str | None
    label_th: str
    label_en: str


def positions(session: Session, person_ids: list[int], on: dt.date) -> dict[int, Position]:
    """Each person's position on ``on``: the most senior post held, else their role in their organisation."""
    rows = session.exec(
        select(Membership, Post, Organization)
        .join(Post, col(Post.id) == col(Membership.post_id), isouter=True)
        .join(Organization, col(Organization.id) == col(Membership.organization_id))
        .where(col(Membership.person_id).in_(person_ids or [-1]))
    ).all()
    best: dict[int, tuple[int, Position]] = {}
    for membership, post, org in rows:
        if not membership.active_on(on):
            continue
        if post is not None:
            rank, position = post.precedence, Position(post.code, post.label_th, post.label_en or post.label_th)
        else:
            role_th = f"{membership.role_th} {org.name_th}".strip()
            role_en = f"{membership.role_en}, {org.name_en}".strip(", ") if org.name_en else membership.role_en
            rank, position = 1000, Position(None, role_th, role_en or role_th)
        if membership.person_id not in best or rank < best[membership.person_id][0]:
            best[membership.person_id] = (rank, position)
    return {person_id: position for person_id, (_, position) in best.items()}


def required_passport_type(session: Session, post_code: str | None) -> PassportType:
    rules = {r.post_code: r.passport_type for r in session.exec(select(PassportTypeRule)).all()}
    found = rules.get(post_code or "", rules.get("*"))
    return PassportType(found) if found else PassportType.OFFICIAL


def visa_rule(session: Session, iso2: str, passport_type: PassportType | str) -> VisaRequirement | None:
    """The visa requirement for a Thai passport of this type going to ``iso2`` (its row, else the ``*`` row)."""
    rows = session.exec(select(VisaRequirement).where(col(VisaRequirement.iso2).in_([iso2.upper(), "*"]),
                                                      VisaRequirement.passport_type == passport_type)).all()
    exact = [r for r in rows if r.iso2 == iso2.upper()]
    return (exact or rows or [None])[0]


def needs_visa(requirement: VisaRequirement | None) -> bool:
    return requirement is None or requirement.rule == VisaRule.REQUIRED
