"""The visit calendar: visits and engagements in a date range, filtered, as items the calendar can draw,
and the warnings shown beside it (principals booked at home while heading a delegation abroad)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from workbench.models.countries import Country
from workbench.models.people import Person
from workbench.models.visits import Direction, Engagement, EngagementParticipant, EngagementStatus, Visit, VisitStatus
from workbench.services.access import Actor, can_see, require


@dataclass(frozen=True)
class CalendarFilter:
    direction: str | None = None
    kinds: frozenset[str] = frozenset()
    principal_id: int | None = None
    country_id: int | None = None
    region: str | None = None
    statuses: frozenset[str] = frozenset()
    include_cancelled: bool = True


@dataclass(frozen=True)
class CalendarItem:
    uid: str
    item_type: str  # "visit" or "engagement"
    record_id: int
    title_th: str
    title_en: str
    start: dt.datetime
    end: dt.datetime
    all_day: bool
    kind: str
    direction: str | None
    status: str
    country_id: int | None
    country_th: str = ""
    country_en: str = ""
    region: str | None = None
    venue: str = ""
    principal_ids: tuple[int, ...] = ()
    principal_names: tuple[str, ...] = field(default=())
    visit_id: int | None = None
    classification: int = 0

    def title(self, lang: str) -> str:
        return (self.title_en or self.title_th) if lang == "en" else self.title_th

    def covers(self, day: dt.date) -> bool:
        last = (self.end - dt.timedelta(microseconds=1)).date() if not self.all_day else self.end.date()
        return self.start.date() <= day <= max(last, self.start.date())


def _countries(session: Session) -> dict[int, Any]:
    """The names and region of every country by id: plain rows (``.name_th``, ``.name_en``, ``.region``), not
    ORM objects (a month draws a handful of countries out of some 250)."""
    rows = session.exec(select(Country.id, Country.name_th, Country.name_en, Country.region)).all()
    return {row.id: row for row in rows}


def _visit_items(session: Session, actor: Actor, first: dt.date, last: dt.date,
                 countries: dict[int, Any]) -> list[CalendarItem]:
    visits = [v for v in session.exec(select(Visit).where(Visit.end_date >= first, Visit.start_date <= last)).all()
              if can_see(actor, v.classification)]
    wanted = {v.principal_id for v in visits if v.principal_id}
    people = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(wanted))).all()} if wanted else {}
    items = []
    for visit in visits:
        country = countries.get(visit.country_id)
        principal = people.get(visit.principal_id) if visit.principal_id else None
        items.append(CalendarItem(
            uid=f"visit-{visit.id}", item_type="visit", record_id=visit.id, title_th=visit.title_th,
            title_en=visit.title_en, start=dt.datetime.combine(visit.start_date, dt.time()),
            end=dt.datetime.combine(visit.end_date, dt.time()), all_day=True, kind=visit.kind,
            direction=visit.direction, status=visit.status, country_id=visit.country_id,
            country_th=country.name_th if country else "", country_en=country.name_en if country else "",
            region=country.region if country else None, venue=visit.cities,
            principal_ids=(visit.principal_id,) if visit.principal_id else (),
            principal_names=(principal.display_name("th"),) if principal else (), visit_id=visit.id,
            classification=int(visit.classification)))
    return items


def _engagement_items(session: Session, actor: Actor, first: dt.date, last: dt.date,
                      countries: dict[int, Any]) -> list[CalendarItem]:
    start, end = dt.datetime.combine(first, dt.time()), dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    engagements = session.exec(select(Engagement).where(Engagement.end > start, Engagement.start < end)).all()
    visible = [e for e in engagements if can_see(actor, e.classification)]
    principals: dict[int, list[Person]] = {}
    if visible:
        rows = session.exec(select(EngagementParticipant, Person)
                            .join(Person, col(Person.id) == col(EngagementParticipant.person_id))
                            .where(col(EngagementParticipant.engagement_id).in_([e.id for e in visible]),
                                   col(EngagementParticipant.is_principal))).all()
        for participant, person in rows:
            principals.setdefault(participant.engagement_id, []).append(person)
    # a visit the actor may not see lends nothing to its engagements: neither its direction nor its id
    directions = {v.id: v.direction for v in session.exec(
        select(Visit).where(col(Visit.id).in_([e.visit_id for e in visible if e.visit_id]))).all()
        if can_see(actor, v.classification)}
    items = []
    for engagement in visible:
        country = countries.get(engagement.country_id) if engagement.country_id else None
        people = sorted(principals.get(engagement.id, []), key=lambda p: p.id)
        items.append(CalendarItem(
            uid=f"engagement-{engagement.id}", item_type="engagement", record_id=engagement.id,
            title_th=engagement.title_th, title_en=engagement.title_en, start=engagement.start, end=engagement.end,
            all_day=False, kind=engagement.kind,
            direction=(directions.get(engagement.visit_id, Direction.INBOUND) if engagement.visit_id
                       else Direction.INBOUND),
            status=engagement.status, country_id=engagement.country_id,
            country_th=country.name_th if country else "", country_en=country.name_en if country else "",
            region=country.region if country else None, venue=engagement.venue,
            principal_ids=tuple(p.id for p in people), principal_names=tuple(p.display_name("th") for p in people),
            visit_id=engagement.visit_id if engagement.visit_id in directions else None,
            classification=int(engagement.classification)))
    return items


def _keep(item: CalendarItem, wanted: CalendarFilter) -> bool:
    checks = [
        wanted.direction is None or item.direction == wanted.direction,
        not wanted.kinds or item.kind in wanted.kinds,
        wanted.principal_id is None or wanted.principal_id in item.principal_ids,
        wanted.country_id is None or item.country_id == wanted.country_id,
        wanted.region is None or item.region == wanted.region,
        not wanted.statuses or item.status in wanted.statuses,
        wanted.include_cancelled or item.status not in (VisitStatus.CANCELLED, EngagementStatus.CANCELLED),
    ]
    return all(checks)


# Other features put their own items on the calendar: "module:function" names of
# ``function(session, *, actor, first, last) -> list[CalendarItem]`` (each checks its own permission).
PROVIDERS: list[str] = [
    "workbench.services.interparliamentary.calendar:calendar_items",  # meetings and their preparation deadlines
    "workbench.services.administration.absence_calendar:calendar_items",  # officers away: leave, travel, training
]


def _provided_items(session: Session, actor: Actor, first: dt.date, last: dt.date) -> list[CalendarItem]:
    from importlib import import_module

    items: list[CalendarItem] = []
    for name in PROVIDERS:
        module, function = name.split(":")
        items += getattr(import_module(module), function)(session, actor=actor, first=first, last=last)
    return items


def calendar_items(session: Session, *, actor: Actor, first: dt.date, last: dt.date,
                   wanted: CalendarFilter | None = None) -> list[CalendarItem]:
    """Visits and engagements touching [first, last] that the actor may see and the filter keeps, by start
    (and the items of the PROVIDERS)."""
    require(actor, "visits.read")
    countries = _countries(session)
    items = (_visit_items(session, actor, first, last, countries)
             + _engagement_items(session, actor, first, last, countries))
    items += _provided_items(session, actor, first, last)
    wanted = wanted or CalendarFilter()
    return sorted((i for i in items if _keep(i, wanted)), key=lambda i: (i.start, not i.all_day, i.uid))


@dataclass(frozen=True)
class Warning:
    th: str
    en: str
    uid: str


def schedule_warnings(session: Session, *, actor: Actor, first: dt.date, last: dt.date) -> list[Warning]:
    """A principal heading an outbound visit who is also booked for an engagement outside it at home."""
    require(actor, "visits.read")
    warnings = []
    outbound = [visit for visit in session.exec(select(Visit).where(
        Visit.direction == Direction.OUTBOUND, col(Visit.principal_id).is_not(None), Visit.end_date >= first,
        Visit.start_date <= last,
        col(Visit.status).not_in([VisitStatus.CANCELLED.value, VisitStatus.POSTPONED.value]))).all()
        if can_see(actor, visit.classification)]
    if not outbound:
        return warnings
    # every principal engagement of these principals over the trips' whole span, in one query; matched below
    span_start = dt.datetime.combine(min(v.start_date for v in outbound), dt.time())
    span_end = dt.datetime.combine(max(v.end_date for v in outbound) + dt.timedelta(days=1), dt.time())
    booked = session.exec(
        select(Engagement, EngagementParticipant.person_id)
        .join(EngagementParticipant, col(EngagementParticipant.engagement_id) == col(Engagement.id))
        .where(col(EngagementParticipant.person_id).in_({v.principal_id for v in outbound}),
               col(EngagementParticipant.is_principal), Engagement.status != EngagementStatus.CANCELLED,
               Engagement.start < span_end, Engagement.end > span_start)
        .order_by(col(Engagement.start), col(Engagement.id))
    ).all()
    for visit in outbound:
        start = dt.datetime.combine(visit.start_date, dt.time())
        end = dt.datetime.combine(visit.end_date + dt.timedelta(days=1), dt.time())
        clashes = [engagement for engagement, person_id in booked
                   if person_id == visit.principal_id and engagement.start < end and engagement.end > start
                   and engagement.visit_id != visit.id]
        for engagement in clashes:
            if not can_see(actor, engagement.classification):
                continue
            warnings.append(Warning(
                th=f"«{engagement.title_th}» ชนกับการเดินทาง «{visit.title_th}» ของผู้บริหารคนเดียวกัน",
                en=f"«{engagement.title_en or engagement.title_th}» clashes with the same principal's trip "
                   f"«{visit.title_en or visit.title_th}»",
                uid=f"engagement-{engagement.id}"))
    return warnings

