"""Meetings of the inter-parliamentary organisations: entered meetings and the ones the cadence predicts,
their preparation timeline (lead times counted back from the opening), agenda, observers, the Thai delegation
(the members of the meeting's outbound visit), documents received and sent, and the coordination log with the
House of Representatives' secretariat."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from workbench import clock
from workbench.db import transaction
from workbench.models.base import utcnow
from workbench.models.countries import Country
from workbench.models.interparliamentary import (
    AgendaItem,
    AgendaItemCreate,
    AgendaItemRead,
    HostRotation,
    LeadTime,
    Meeting,
    MeetingCreate,
    MeetingRead,
    MeetingSeries,
    MeetingUpdate,
    Observer,
    ObserverRead,
    PrepTask,
    PrepTaskRead,
)
from workbench.models.people import Organization, Person, PersonRead
from workbench.models.visits import DelegationMemberRead, Direction, MemberRole, Visit, VisitKind
from workbench.services.access import Actor, can_see, require
from workbench.services.common import classification_of, field_error, get_or_404, get_visible, validate
from workbench.services.countries import find_country
from workbench.services.interparliamentary.cadence import Occurrence, occurrences

READ, WRITE = "interparl.read", "interparl.write"
HOME_ISO2 = "TH"


@dataclass(frozen=True)
class PrepStep:
    code: str
    label_th: str
    label_en: str
    due: dt.date
    done: bool = False
    task_id: int | None = None

    def label(self, lang: str = "th") -> str:
        return (self.label_en or self.label_th) if lang == "en" else self.label_th

    def overdue(self, today: dt.date) -> bool:
        return not self.done and self.due < today


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as lists, the calendar and the CLI show it: entered (``id`` set) or predicted (``id`` None)."""

    id: int | None
    key: str
    organization_id: int
    organization: str
    kind: str
    number: int | None
    title_th: str
    title_en: str
    start: dt.date
    end: dt.date
    country_id: int | None
    country_th: str
    country_en: str
    city: str
    visit_id: int | None = None
    series_code: str = ""
    prep: tuple[PrepStep, ...] = field(default=())

    @property
    def projected(self) -> bool:
        return self.id is None

    def title(self, lang: str = "th") -> str:
        return (self.title_en or self.title_th) if lang == "en" else self.title_th

    def prep_done(self) -> tuple[int, int]:
        return sum(1 for s in self.prep if s.done), len(self.prep)

    def as_dict(self) -> dict[str, Any]:
        done, total = self.prep_done()
        return {"id": self.id, "key": self.key, "organization": self.organization, "kind": self.kind,
                "number": self.number, "title": self.title_th, "title_en": self.title_en, "start": self.start,
                "end": self.end, "country": self.country_en, "city": self.city, "projected": self.projected,
                "visit_id": self.visit_id, "preparation": f"{done}/{total}"}


# --- look-ups ------------------------------------------------------------------------------------------

def _countries(session: Session) -> dict[int, Country]:
    return {c.id: c for c in session.exec(select(Country)).all()}


def _home_id(session: Session) -> int | None:
    home = find_country(session, HOME_ISO2)
    return home.id if home else None


def organization_by_code(session: Session, code: str) -> Organization:
    """An organisation by its code or abbreviation (``ipu``, ``IPU``), or a field error naming --org."""
    wanted = code.strip()
    found = session.exec(select(Organization).where(
        (col(Organization.code) == wanted.lower()) | (col(Organization.abbreviation) == wanted.upper()))).first()
    if found is None:
        raise field_error("organization_id", f"ไม่รู้จักองค์การ '{code}'", f"unknown organisation '{code}'")
    return found


def lead_times(session: Session) -> list[LeadTime]:
    return list(session.exec(select(LeadTime).order_by(col(LeadTime.sort_order), col(LeadTime.days_before).desc())).all())


def planned_steps(times: list[LeadTime], opening: dt.date, *, abroad: bool) -> list[PrepStep]:
    """The preparation timeline of a meeting opening on ``opening``: each lead time counted back, oldest first."""
    steps = [PrepStep(t.code, t.label_th, t.label_en, opening - dt.timedelta(days=t.days_before))
             for t in times if abroad or not t.abroad_only]
    return sorted(steps, key=lambda s: (s.due, s.code))


def _visit_visible(session: Session, actor: Actor, visit_id: int | None) -> bool:
    return visit_id is None or can_see(actor, classification_of(session.get(Visit, visit_id)))


def get_meeting(session: Session, *, meeting_id: int, actor: Actor) -> Meeting:
    """The meeting, or NotFound: a meeting whose delegation's visit the actor may not see reads as missing."""
    return get_visible(session, Meeting, meeting_id, actor=actor, permission=READ, field="meeting_id",
                       visible=lambda m: _visit_visible(session, actor, m.visit_id))


def _hidden_meeting_ids(session: Session, *, actor: Actor) -> set[int]:
    """Meetings the actor may not see (their visit is classified above the actor's clearance): for filtering."""
    rows = session.exec(select(Meeting.id, Visit.classification).join(Visit, col(Visit.id) == col(Meeting.visit_id))).all()
    return {meeting_id for meeting_id, level in rows if not can_see(actor, int(level or 0))}


# --- listing: entered meetings and predicted ones ---------------------------------------------------------

def _row_from_meeting(meeting: Meeting, org: Organization, countries: dict[int, Country], tasks: list[PrepTask],
                      series_code: str) -> MeetingRow:
    country = countries.get(meeting.country_id) if meeting.country_id else None
    prep = tuple(sorted((PrepStep(t.code, t.label_th, t.label_en, t.due_date, t.done, t.id) for t in tasks),
                        key=lambda s: (s.due, s.code)))
    return MeetingRow(
        id=meeting.id, key=f"meeting:{meeting.id}", organization_id=org.id,
        organization=org.abbreviation or org.name_en or org.name_th, kind=str(meeting.kind), number=meeting.number,
        title_th=meeting.title_th, title_en=meeting.title_en, start=meeting.start_date, end=meeting.end_date,
        country_id=meeting.country_id, country_th=country.name_th if country else "",
        country_en=country.name_en if country else "", city=meeting.city, visit_id=meeting.visit_id,
        series_code=series_code, prep=prep)


def _row_from_occurrence(occurrence: Occurrence, series: MeetingSeries, org: Organization,
                         countries: dict[int, Country], times: list[LeadTime], home_id: int | None) -> MeetingRow:
    country = countries.get(occurrence.host.country_id) if occurrence.host.country_id else None
    abroad = occurrence.host.country_id != home_id
    return MeetingRow(
        id=None, key=occurrence.key, organization_id=org.id, organization=org.abbreviation or org.name_en,
        kind=occurrence.kind, number=occurrence.number, title_th=occurrence.title(series, "th"),
        title_en=occurrence.title(series, "en"), start=occurrence.start, end=occurrence.end,
        country_id=occurrence.host.country_id, country_th=country.name_th if country else "",
        country_en=country.name_en if country else "", city=occurrence.host.city_th, series_code=series.code,
        prep=tuple(planned_steps(times, occurrence.start, abroad=abroad)))


def _entered(meeting: Meeting, occurrence: Occurrence) -> bool:
    if meeting.series_id != occurrence.series_id:
        return False
    if meeting.number is not None and occurrence.number is not None:
        return meeting.number == occurrence.number
    return (meeting.start_date.year, meeting.start_date.month) == (occurrence.start.year, occurrence.start.month)


def list_meetings(session: Session, *, actor: Actor, first: dt.date, last: dt.date, organization_id: int | None = None,
                  include_projected: bool = True, lookahead_days: int = 0) -> list[MeetingRow]:
    """Meetings touching [first, last], entered and (unless entered already) predicted by their series' cadence.

    ``lookahead_days`` also brings in meetings opening that many days after ``last`` (so a calendar month shows
    the preparation deadlines of a meeting that opens later)."""
    require(actor, READ)
    countries = _countries(session)
    orgs = {o.id: o for o in session.exec(select(Organization)).all()}
    series_by_id = {s.id: s for s in session.exec(select(MeetingSeries)).all()}
    statement = select(Meeting).where(Meeting.end_date >= first,
                                      Meeting.start_date <= last + dt.timedelta(days=lookahead_days))
    if organization_id is not None:
        statement = statement.where(Meeting.organization_id == organization_id)
    hidden = _hidden_meeting_ids(session, actor=actor)
    meetings = [m for m in session.exec(statement).all() if m.id not in hidden]
    tasks: dict[int, list[PrepTask]] = {}
    if meetings:
        for task in session.exec(select(PrepTask).where(col(PrepTask.meeting_id).in_([m.id for m in meetings]))).all():
            tasks.setdefault(task.meeting_id, []).append(task)
    rows = [_row_from_meeting(m, orgs[m.organization_id], countries, tasks.get(m.id, []),
                              series_by_id[m.series_id].code if m.series_id in series_by_id else "")
            for m in meetings]
    if include_projected:
        times, home_id = lead_times(session), _home_id(session)
        # entered meetings outside the window still hide their predicted twin (so does one the actor may not
        # see: entering the prediction would be refused as entered already)
        every = list(session.exec(select(Meeting).where(col(Meeting.series_id).is_not(None))).all())
        rotation = list(session.exec(select(HostRotation)).all())
        for series in series_by_id.values():
            if organization_id is not None and series.organization_id != organization_id:
                continue
            slots = [r for r in rotation if r.series_id == series.id]
            for occurrence in occurrences(series, slots, first, last + dt.timedelta(days=lookahead_days)):
                if any(_entered(m, occurrence) for m in every):
                    continue
                rows.append(_row_from_occurrence(occurrence, series, orgs[series.organization_id], countries,
                                                 times, home_id))
    return sorted(rows, key=lambda r: (r.start, r.organization, r.key))


def meeting_row(session: Session, *, meeting_id: int, actor: Actor) -> MeetingRow:
    meeting = get_meeting(session, meeting_id=meeting_id, actor=actor)
    org = session.get(Organization, meeting.organization_id)
    series = session.get(MeetingSeries, meeting.series_id) if meeting.series_id else None
    tasks = list(session.exec(select(PrepTask).where(PrepTask.meeting_id == meeting.id)).all())
    return _row_from_meeting(meeting, org, _countries(session), tasks, series.code if series else "")


def next_meeting(session: Session, *, actor: Actor, organization_code: str, after: dt.date | None = None,
                 kind: str | None = None) -> MeetingRow | None:
    """The first meeting of an organisation opening after ``after`` (default today), entered or predicted."""
    org = organization_by_code(session, organization_code)
    start = after or clock.today()
    rows = list_meetings(session, actor=actor, first=start, last=start + dt.timedelta(days=800),
                         organization_id=org.id)
    rows = [r for r in rows if r.start > start and (kind is None or r.kind == kind)]
    return rows[0] if rows else None


# --- writing meetings ------------------------------------------------------------------------------------

def _check_meeting(session: Session, data: Any) -> None:
    if not data.title_th.strip():
        raise field_error("title_th", "ต้องกรอก", "is required")
    if data.end_date < data.start_date:
        raise field_error("end_date", "ต้องไม่ก่อนวันเริ่ม", "must not be before the start date")
    get_or_404(session, Organization, data.organization_id, field="organization_id")
    if data.country_id is not None:
        get_or_404(session, Country, data.country_id, field="country_id")
    if data.series_id is not None:
        get_or_404(session, MeetingSeries, data.series_id, field="series_id")


def _make_prep(session: Session, meeting: Meeting) -> None:
    abroad = meeting.country_id != _home_id(session)
    for step in planned_steps(lead_times(session), meeting.start_date, abroad=abroad):
        session.add(PrepTask(meeting_id=meeting.id, code=step.code, label_th=step.label_th, label_en=step.label_en,
                             due_date=step.due))


def create_meeting(session: Session, *, data: MeetingCreate | dict[str, Any], actor: Actor) -> MeetingRead:
    """Enter a meeting; its preparation timeline is made from the lead times, counted back from the opening."""
    require(actor, WRITE)
    data = validate(MeetingCreate, data)
    _check_meeting(session, data)
    with transaction(session, actor=actor):
        meeting = Meeting(**data.model_dump(), created_by_id=getattr(actor, "id", None))
        session.add(meeting)
        session.flush()
        _make_prep(session, meeting)
        session.flush()
        return MeetingRead.model_validate(meeting)


def enter_predicted(session: Session, *, key: str, actor: Actor) -> MeetingRead:
    """Enter the predicted meeting ``key`` (``series:year:place``) with its predicted dates, host and number."""
    require(actor, WRITE)
    try:
        code, year_text, place_text = key.split(":")
        year, place = int(year_text), int(place_text)
    except ValueError:
        raise field_error("key", f"ไม่รู้จักการประชุม '{key}'", f"unknown predicted meeting '{key}'") from None
    series = session.exec(select(MeetingSeries).where(MeetingSeries.code == code)).first()
    if series is None:
        raise field_error("key", f"ไม่รู้จักการประชุม '{key}'", f"unknown predicted meeting '{key}'")
    rotation = list(session.exec(select(HostRotation).where(HostRotation.series_id == series.id)).all())
    found = [o for o in occurrences(series, rotation, dt.date(year, 1, 1), dt.date(year, 12, 31))
             if o.year == year and o.place_in_year == place]
    if not found:
        raise field_error("key", f"ไม่รู้จักการประชุม '{key}'", f"unknown predicted meeting '{key}'")
    occurrence = found[0]
    existing = session.exec(select(Meeting).where(Meeting.series_id == series.id)).all()
    if any(_entered(m, occurrence) for m in existing):
        raise field_error("key", "บันทึกการประชุมนี้ไว้แล้ว", "this meeting has been entered already")
    return create_meeting(session, actor=actor, data={
        "organization_id": series.organization_id, "series_id": series.id, "number": occurrence.number,
        "kind": series.kind, "title_th": occurrence.title(series, "th"), "title_en": occurrence.title(series, "en"),
        "start_date": occurrence.start, "end_date": occurrence.end, "country_id": occurrence.host.country_id,
        "city": occurrence.host.city_th})


def update_meeting(session: Session, *, meeting_id: int, data: MeetingUpdate | dict[str, Any],
                   actor: Actor) -> MeetingRead:
    """Change a meeting's details; a new opening date moves the preparation steps not yet done."""
    require(actor, WRITE)
    data = validate(MeetingUpdate, data)
    meeting = get_meeting(session, meeting_id=meeting_id, actor=actor)
    changes = data.model_dump(exclude_unset=True)
    merged = MeetingCreate.model_validate({**meeting.model_dump(), **changes})
    _check_meeting(session, merged)
    with transaction(session, actor=actor):
        moved = merged.start_date - meeting.start_date
        for key, value in changes.items():
            setattr(meeting, key, value)
        session.add(meeting)
        if moved:
            for task in session.exec(select(PrepTask).where(PrepTask.meeting_id == meeting.id, ~col(PrepTask.done))):
                task.due_date = task.due_date + moved
                session.add(task)
        session.flush()
        return MeetingRead.model_validate(meeting)


def set_prep_done(session: Session, *, task_id: int, done: bool, actor: Actor) -> PrepTaskRead:
    task = get_visible(session, PrepTask, task_id, actor=actor, permission=WRITE, field="task_id",
                       visible=lambda t: t.meeting_id not in _hidden_meeting_ids(session, actor=actor))
    with transaction(session, actor=actor):
        task.done = done
        task.done_at = utcnow() if done else None
        session.add(task)
        session.flush()
        return PrepTaskRead.model_validate(task)


# --- agenda, observers, delegation ------------------------------------------------------------------------

def add_agenda_item(session: Session, *, data: AgendaItemCreate | dict[str, Any], actor: Actor) -> AgendaItemRead:
    require(actor, WRITE)
    data = validate(AgendaItemCreate, data)
    if not data.title_th.strip():
        raise field_error("title_th", "ต้องกรอก", "is required")
    get_meeting(session, meeting_id=data.meeting_id, actor=actor)
    count = len(session.exec(select(AgendaItem.id).where(AgendaItem.meeting_id == data.meeting_id)).all())
    with transaction(session, actor=actor):
        item = AgendaItem(**data.model_dump(), sort_order=count + 1)
        session.add(item)
        session.flush()
        return AgendaItemRead.model_validate(item)


def agenda(session: Session, *, meeting_id: int, actor: Actor) -> list[AgendaItemRead]:
    get_meeting(session, meeting_id=meeting_id, actor=actor)
    return [AgendaItemRead.model_validate(item) for item in session.exec(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)
        .order_by(col(AgendaItem.sort_order), col(AgendaItem.id))).all()]


def add_observer(session: Session, *, meeting_id: int, person_id: int, note: str = "",
                 actor: Actor) -> ObserverRead:
    """One of the office's staff observing the meeting (mandate duty 9)."""
    require(actor, WRITE)
    get_meeting(session, meeting_id=meeting_id, actor=actor)
    get_or_404(session, Person, person_id, field="person_id")
    if session.exec(select(Observer).where(Observer.meeting_id == meeting_id, Observer.person_id == person_id)).first():
        raise field_error("person_id", "บุคคลนี้เป็นผู้สังเกตการณ์อยู่แล้ว", "this person is already an observer")
    with transaction(session, actor=actor):
        observer = Observer(meeting_id=meeting_id, person_id=person_id, note=note.strip()[:300])
        session.add(observer)
        session.flush()
        return ObserverRead.model_validate(observer)


def observers(session: Session, *, meeting_id: int, actor: Actor) -> list[tuple[ObserverRead, PersonRead]]:
    get_meeting(session, meeting_id=meeting_id, actor=actor)
    rows = session.exec(select(Observer, Person).join(Person, col(Person.id) == col(Observer.person_id))
                        .where(Observer.meeting_id == meeting_id).order_by(col(Observer.id))).all()
    return [(ObserverRead.model_validate(o), PersonRead.model_validate(p)) for o, p in rows]


def ensure_visit(session: Session, *, meeting_id: int, actor: Actor) -> int:
    """The outbound visit of the meeting's delegation, scheduled (one day either side) when there is none.

    A meeting held in Thailand has no outbound visit: the error says so."""
    from workbench.services import visits

    meeting = get_meeting(session, meeting_id=meeting_id, actor=actor)
    if meeting.visit_id is not None:
        return meeting.visit_id
    if meeting.country_id is None:
        raise field_error("country_id", "ต้องระบุประเทศเจ้าภาพก่อนบันทึกคณะผู้แทน",
                          "enter the host country before recording the delegation")
    if meeting.country_id == _home_id(session):
        raise field_error("country_id", "การประชุมในประเทศไทยไม่มีการเดินทางไปต่างประเทศของคณะผู้แทน",
                          "a meeting held in Thailand has no outbound visit for a delegation")
    with transaction(session, actor=actor):
        visit = visits.schedule_visit(session, actor=actor, data={
            "direction": Direction.OUTBOUND, "kind": VisitKind.CONFERENCE,
            "title_th": f"คณะผู้แทนเข้าร่วม{meeting.title_th}",
            "title_en": f"Delegation to the {meeting.title_en}" if meeting.title_en else "",
            "country_id": meeting.country_id, "organization_id": meeting.organization_id,
            "start_date": meeting.start_date - dt.timedelta(days=1), "end_date": meeting.end_date + dt.timedelta(days=1),
            "cities": meeting.city})
        meeting.visit_id = visit.id
        session.add(meeting)
        session.flush()
        return visit.id


def add_delegate(session: Session, *, meeting_id: int, person_id: int, role: MemberRole | str,
                 actor: Actor) -> DelegationMemberRead:
    """A member of the Thai delegation (head, member, adviser, secretary...), kept on the meeting's visit."""
    from workbench.services import visits

    require(actor, "visits.write")
    try:
        role = MemberRole(role)
    except ValueError:
        raise field_error("role", f"ไม่รู้จักบทบาท '{role}'", f"unknown role '{role}'") from None
    with transaction(session, actor=actor):
        visit_id = ensure_visit(session, meeting_id=meeting_id, actor=actor)
        member = visits.add_delegation_member(session, actor=actor, data={
            "visit_id": visit_id, "person_id": person_id, "role": role})
        if role == MemberRole.HEAD:
            visit = visits.get_visit(session, visit_id=visit_id, actor=actor)
            if visit.principal_id is None:
                visit.principal_id = person_id
                session.add(visit)
        session.flush()
        return member


def delegation(session: Session, *, meeting_id: int, actor: Actor) -> list[tuple[DelegationMemberRead, PersonRead]]:
    from workbench.services import visits

    meeting = get_meeting(session, meeting_id=meeting_id, actor=actor)
    if meeting.visit_id is None:
        return []
    order = {r: i for i, r in enumerate((MemberRole.HEAD, MemberRole.MEMBER, MemberRole.ADVISER,
                                         MemberRole.SECRETARY, MemberRole.INTERPRETER, MemberRole.LIAISON))}
    rows = visits.delegation(session, visit_id=meeting.visit_id, actor=actor)
    return sorted(rows, key=lambda row: (order.get(MemberRole(row[0].role), 99), row[0].id))
