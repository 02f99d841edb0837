"""Country knowledge: profiles made of dated facts, parliaments in IPU Parline's shape, the relations history.

Every value is dated and carries its source. A correction is a new fact or a new chamber snapshot; the current
value of a key is the newest one (latest ``as_of``; an unknown date counts as oldest; ties go to the later entry).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, or_, select

from workbench.db import transaction
from workbench.errors import NotFound
from workbench.models.briefing import (
    Agreement,
    Chamber,
    ChamberSnapshot,
    ChamberSnapshotCreate,
    ChamberSnapshotRead,
    ChamberType,
    CountryFact,
    CountryFactCreate,
    CountryFactRead,
    FactKey,
    Origin,
    Parliament,
)
from workbench.models.countries import Country
from workbench.models.visits import (
    ConversationRecord,
    ConversationRecordRead,
    Engagement,
    EngagementParticipant,
    EngagementRead,
    Visit,
)
from workbench.services.access import Actor, clearance_of, require
from workbench.services.common import field_error, get_or_404, validate
from workbench.services.engagements import _as_read

HOME_ISO2 = "TH"  # the office's own country: its parliament is shown beside every other one
CHAMBER_ORDER = {ChamberType.UNICAMERAL: 0, ChamberType.LOWER: 1, ChamberType.UPPER: 2}


def _user_id(actor: Actor) -> int | None:
    return getattr(actor, "id", None)


# --- The one country look-up: every code or name a file, a form or a command gives goes through here ---------

def country_key(text: Any) -> str:
    """How a code or name is compared: lower case, punctuation and extra spaces folded ("Korea, Republic of")."""
    return " ".join(re.sub(r"[^0-9a-z\u0e00-\u0e7f]+", " ", str(text or "").lower()).split())


def country_index(session: Session) -> dict[str, Country]:
    """Every country under each name it goes by: ISO 3166 alpha-2 and alpha-3 codes, English and Thai names
    (for looking up many rows of a file with one query; pass it to ``find_country``)."""
    index: dict[str, Country] = {}
    for country in session.exec(select(Country).order_by(col(Country.iso2))).all():
        for name in (country.iso2, country.iso3, country.name_en, country.name_th):
            if name:
                index.setdefault(country_key(name), country)
    return index


def find_country(session: Session, code_or_name: Any, *, index: dict[str, Country] | None = None) -> Country | None:
    """The country an ISO alpha-2 or alpha-3 code, or an English or Thai name, means; ``None`` if none does."""
    key = country_key(code_or_name)
    if not key:
        return None
    if index is not None:
        return index.get(key)
    if len(key) == 2:  # the usual case, answered by the unique index
        found = session.exec(select(Country).where(Country.iso2 == key.upper())).first()
        if found is not None:
            return found
    return country_index(session).get(key)


def require_country_code(session: Session, code_or_name: Any, *, field: str = "country_id", where: str = "",
                         index: dict[str, Country] | None = None) -> Country:
    """``find_country``, refusing an unknown code or name with a message naming ``field`` (and ``where``: the
    file and row it came from)."""
    country = find_country(session, code_or_name, index=index)
    if country is None:
        place = f" ({where})" if where else ""
        raise field_error(field, f"ไม่รู้จักประเทศ '{code_or_name}'{place}", f"unknown country '{code_or_name}'{place}")
    return country


def list_countries(session: Session) -> list[Country]:
    """Every country, by Thai name (for drop-downs; sorted here so every database gives one order)."""
    return sorted(session.exec(select(Country)).all(), key=lambda c: (c.name_th, c.iso2))


# --- Profiles ------------------------------------------------------------------------------------------

def _newest_first(fact: CountryFact) -> tuple:
    return (fact.as_of is not None, fact.as_of or dt.date.min, fact.id or 0)


@dataclass
class CountryProfile:
    country: Country
    facts: dict[FactKey, CountryFact] = field(default_factory=dict)  # the current value of each key

    def value(self, key: FactKey) -> str:
        fact = self.facts.get(key)
        return fact.value if fact else ""


def country_profile(session: Session, *, country_id: int, actor: Actor) -> CountryProfile:
    """The current value of every fact known about the country (countries and their facts are unclassified)."""
    require(actor, "briefing.read")
    country = get_or_404(session, Country, country_id, field="country_id")
    facts = session.exec(select(CountryFact).where(CountryFact.country_id == country_id)).all()
    current: dict[FactKey, CountryFact] = {}
    for fact in sorted(facts, key=_newest_first):
        current[FactKey(fact.key)] = fact
    ordered = {key: current[key] for key in FactKey if key in current}
    return CountryProfile(country=country, facts=ordered)


def fact_history(session: Session, *, country_id: int, key: FactKey | str, actor: Actor) -> list[CountryFactRead]:
    """Every value ever recorded for one key of a country, newest first."""
    require(actor, "briefing.read")
    facts = session.exec(select(CountryFact).where(CountryFact.country_id == country_id,
                                                   CountryFact.key == FactKey(key))).all()
    return [CountryFactRead.model_validate(fact) for fact in sorted(facts, key=_newest_first, reverse=True)]


def record_fact(session: Session, *, data: CountryFactCreate | dict[str, Any], actor: Actor,
                origin: Origin = Origin.ANALYST) -> CountryFactRead:
    """A new dated value for a country's fact (earlier values stay in the history)."""
    require(actor, "briefing.write")
    values = data.model_dump() if isinstance(data, CountryFactCreate) else dict(data)
    if isinstance(values.get("value"), str):
        values["value"] = values["value"].strip()
    if isinstance(values.get("source"), str):
        values["source"] = values["source"].strip()
    if values.get("as_of") in (None, "") and origin == Origin.ANALYST:
        values["as_of"] = dt.date.today()
    checked = validate(CountryFactCreate, values)
    get_or_404(session, Country, checked.country_id, field="country_id")
    with transaction(session, actor=actor):
        fact = CountryFact(**checked.model_dump(), origin=origin, entered_by_id=_user_id(actor))
        session.add(fact)
        session.flush()
        return CountryFactRead.model_validate(fact)


# --- Parliaments ---------------------------------------------------------------------------------------

@dataclass
class ChamberView:
    chamber: Chamber
    latest: ChamberSnapshotRead | None


@dataclass
class ParliamentView:
    country: Country
    parliament: Parliament | None
    chambers: list[ChamberView] = field(default_factory=list)


def parliament_of(session: Session, *, country_id: int, actor: Actor) -> ParliamentView:
    """The country's parliament with the newest snapshot of each chamber (lower chamber first)."""
    require(actor, "briefing.read")
    country = get_or_404(session, Country, country_id, field="country_id")
    parliament = session.exec(select(Parliament).where(Parliament.country_id == country_id)).first()
    view = ParliamentView(country=country, parliament=parliament)
    if parliament is None:
        return view
    chambers = session.exec(select(Chamber).where(Chamber.parliament_id == parliament.id)).all()
    for chamber in sorted(chambers, key=lambda c: CHAMBER_ORDER[ChamberType(c.chamber_type)]):
        view.chambers.append(ChamberView(chamber=chamber, latest=latest_snapshot(session, chamber.id)))
    return view


def latest_snapshot(session: Session, chamber_id: int) -> ChamberSnapshotRead | None:
    snapshot = session.exec(
        select(ChamberSnapshot).where(ChamberSnapshot.chamber_id == chamber_id)
        .order_by(col(ChamberSnapshot.as_of).desc(), col(ChamberSnapshot.id).desc())
    ).first()
    return ChamberSnapshotRead.model_validate(snapshot) if snapshot is not None else None


def parliament_exists(session: Session, country_id: int) -> bool:
    return session.exec(select(Parliament.id).where(Parliament.country_id == country_id)).first() is not None


def chamber_exists(session: Session, parliament_id: int, chamber_type: ChamberType | str) -> bool:
    return session.exec(select(Chamber.id).where(Chamber.parliament_id == parliament_id,
                                                 Chamber.chamber_type == ChamberType(chamber_type))).first() is not None


def ensure_parliament(session: Session, *, country_id: int, structure: str, name_th: str = "", name_en: str = "",
                      source: str = "", as_of: dt.date | None = None) -> Parliament:
    """The country's parliament, created or brought up to date (structure, names); call inside a transaction."""
    parliament = session.exec(select(Parliament).where(Parliament.country_id == country_id)).first()
    if parliament is None:
        parliament = Parliament(country_id=country_id, structure=structure, name_th=name_th, name_en=name_en,
                                source=source, as_of=as_of)
        session.add(parliament)
        session.flush()
        return parliament
    changes = {"structure": structure, "name_th": name_th or parliament.name_th,
               "name_en": name_en or parliament.name_en}
    if as_of is not None and (parliament.as_of is None or as_of > parliament.as_of):
        changes.update(source=source or parliament.source, as_of=as_of)
    for key, value in changes.items():
        if getattr(parliament, key) != value:
            setattr(parliament, key, value)
    session.add(parliament)
    return parliament


def ensure_chamber(session: Session, *, parliament_id: int, chamber_type: str, name_th: str = "",
                   name_en: str = "") -> Chamber:
    chamber = session.exec(select(Chamber).where(Chamber.parliament_id == parliament_id,
                                                 Chamber.chamber_type == ChamberType(chamber_type))).first()
    if chamber is None:
        chamber = Chamber(parliament_id=parliament_id, chamber_type=chamber_type, name_th=name_th, name_en=name_en)
        session.add(chamber)
        session.flush()
        return chamber
    if name_th and chamber.name_th != name_th:
        chamber.name_th = name_th
    if name_en and chamber.name_en != name_en:
        chamber.name_en = name_en
    session.add(chamber)
    return chamber


def record_chamber_figures(session: Session, *, data: ChamberSnapshotCreate | dict[str, Any], actor: Actor,
                           origin: Origin = Origin.ANALYST) -> ChamberSnapshotRead:
    """A new dated snapshot of a chamber's figures (earlier snapshots stay)."""
    require(actor, "briefing.write")
    checked = validate(ChamberSnapshotCreate, data)
    get_or_404(session, Chamber, checked.chamber_id, field="chamber_id")
    check_snapshot(checked)
    with transaction(session, actor=actor):
        snapshot = ChamberSnapshot(**checked.model_dump(), origin=origin, entered_by_id=_user_id(actor))
        session.add(snapshot)
        session.flush()
        return ChamberSnapshotRead.model_validate(snapshot)


def check_snapshot(data: ChamberSnapshotCreate) -> None:
    """Figures that cannot all be true at once."""
    if (data.current_members is not None and data.statutory_seats is not None
            and data.current_members > data.statutory_seats):
        raise field_error("current_members", "มากกว่าจำนวนที่นั่งตามกฎหมาย",
                          "is more than the statutory number of seats")
    if (data.women_members is not None and data.current_members is not None
            and data.women_members > data.current_members):
        raise field_error("women_members", "มากกว่าจำนวนสมาชิกปัจจุบัน", "is more than the current number of members")


def women_share(snapshot: ChamberSnapshotRead | None) -> Any:
    """Women's share in per cent: as given, else computed from the counts; None when unknown."""
    if snapshot is None:
        return None
    if snapshot.women_pct is not None:
        return snapshot.women_pct
    if snapshot.women_members is not None and snapshot.current_members:
        from decimal import ROUND_HALF_UP, Decimal

        return (Decimal(snapshot.women_members) * 100 / Decimal(snapshot.current_members)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP)
    return None


def comparison_rows(session: Session, *, iso2_codes: list[str], actor: Actor,
                    include_home: bool = True) -> list[dict[str, Any]]:
    """One row per chamber of each chosen country (and Thailand), with its newest figures: for tables and charts."""
    require(actor, "briefing.read")
    codes = [code.strip().upper() for code in iso2_codes if code.strip()]
    if include_home and HOME_ISO2 not in codes:
        codes.insert(0, HOME_ISO2)
    rows: list[dict[str, Any]] = []
    for code in codes:
        country = require_country_code(session, code)
        view = parliament_of(session, country_id=country.id, actor=actor)
        if not view.chambers:
            rows.append({"iso2": country.iso2, "country_th": country.name_th, "country_en": country.name_en,
                         "structure": None, "chamber_type": None, "chamber_th": "", "chamber_en": "",
                         "statutory_seats": None, "current_members": None, "women_members": None, "women_pct": None,
                         "electoral_system": "", "designation": None, "term_years": None, "speaker": "",
                         "last_election": None, "next_election": "", "as_of": None, "source": ""})
            continue
        for chamber_view in view.chambers:
            snap = chamber_view.latest
            rows.append({
                "iso2": country.iso2, "country_th": country.name_th, "country_en": country.name_en,
                "structure": view.parliament.structure if view.parliament else None,
                "chamber_type": chamber_view.chamber.chamber_type, "chamber_th": chamber_view.chamber.name_th,
                "chamber_en": chamber_view.chamber.name_en,
                "statutory_seats": snap.statutory_seats if snap else None,
                "current_members": snap.current_members if snap else None,
                "women_members": snap.women_members if snap else None, "women_pct": women_share(snap),
                "electoral_system": snap.electoral_system if snap else "",
                "electoral_system_th": snap.electoral_system_th if snap else "",
                "designation": snap.designation if snap else None, "term_years": snap.term_years if snap else None,
                "speaker": snap.speaker if snap else "", "last_election": snap.last_election if snap else None,
                "next_election": snap.next_election if snap else "", "as_of": snap.as_of if snap else None,
                "source": snap.source if snap else "",
                "to_confirm": bool(snap) and "to confirm" in snap.note.lower(),  # reference data not yet confirmed
            })
    return rows


# --- Relations history ---------------------------------------------------------------------------------

@dataclass
class TimelineEntry:
    day: dt.date
    kind: str  # visit, engagement, record, agreement
    subkind: str  # direction / engagement kind / agreement kind
    title: str
    detail: str
    classification: int
    ref_id: int


def _visible(column: Any, actor: Actor) -> Any:
    return col(column) <= clearance_of(actor)


def relations_history(session: Session, *, country_id: int, actor: Actor, lang: str = "th",
                      limit: int | None = None) -> list[TimelineEntry]:
    """Every visit, engagement (meetings and calls included), record of conversation and agreement involving the
    country that the actor may see, newest first. Reads the visit tables directly."""
    require(actor, "briefing.read")
    get_or_404(session, Country, country_id, field="country_id")
    th = lang == "th"
    entries: list[TimelineEntry] = []
    visits = session.exec(select(Visit).where(Visit.country_id == country_id,
                                              _visible(Visit.classification, actor))).all()
    visit_ids = [v.id for v in visits]
    for visit in visits:
        entries.append(TimelineEntry(
            day=visit.start_date, kind="visit", subkind=str(visit.direction),
            title=(visit.title_th if th else visit.title_en) or visit.title_th,
            detail=f"{visit.start_date.isoformat()}/{visit.end_date.isoformat()} {visit.status}",
            classification=int(visit.classification), ref_id=visit.id))
    where_country = [Engagement.country_id == country_id]
    if visit_ids:
        where_country.append(col(Engagement.visit_id).in_(visit_ids))
    engagements = session.exec(select(Engagement).where(or_(*where_country),
                                                        _visible(Engagement.classification, actor))).all()
    for engagement in engagements:
        entries.append(TimelineEntry(
            day=engagement.start.date(), kind="engagement", subkind=str(engagement.kind),
            title=(engagement.title_th if th else engagement.title_en) or engagement.title_th,
            detail=engagement.venue, classification=int(engagement.classification), ref_id=engagement.id))
    engagement_by_id = {e.id: e for e in engagements}
    if engagement_by_id:
        records = session.exec(select(ConversationRecord).where(
            col(ConversationRecord.engagement_id).in_(list(engagement_by_id)),
            _visible(ConversationRecord.classification, actor))).all()
        for record in records:
            engagement = engagement_by_id[record.engagement_id]
            entries.append(TimelineEntry(
                day=engagement.start.date(), kind="record", subkind=str(engagement.kind),
                title=(engagement.title_th if th else engagement.title_en) or engagement.title_th,
                detail=record.summary, classification=int(record.classification), ref_id=record.id))
    for agreement in session.exec(select(Agreement).where(Agreement.country_id == country_id,
                                                          _visible(Agreement.classification, actor))).all():
        entries.append(TimelineEntry(
            day=agreement.signed_on, kind="agreement", subkind=str(agreement.kind),
            title=(agreement.title_th if th else agreement.title_en) or agreement.title_th,
            detail=agreement.parties, classification=int(agreement.classification), ref_id=agreement.id))
    order = {"agreement": 0, "visit": 1, "engagement": 2, "record": 3}
    entries.sort(key=lambda e: (e.day, -order[e.kind], e.ref_id), reverse=True)
    return entries[:limit] if limit else entries


def latest_records(session: Session, *, country_id: int, actor: Actor, limit: int = 3,
                   before: dt.datetime | None = None) -> list[tuple[ConversationRecordRead, EngagementRead]]:
    """The newest records of conversation with the country that the actor may see."""
    require(actor, "briefing.read")
    visit_ids = select(Visit.id).where(Visit.country_id == country_id)
    statement = (
        select(ConversationRecord, Engagement)
        .join(Engagement, col(Engagement.id) == col(ConversationRecord.engagement_id))
        .where(or_(Engagement.country_id == country_id, col(Engagement.visit_id).in_(visit_ids)),
               _visible(ConversationRecord.classification, actor), _visible(Engagement.classification, actor))
        .order_by(col(Engagement.start).desc(), col(ConversationRecord.id).desc())
    )
    if before is not None:
        statement = statement.where(col(Engagement.start) < before)
    found = session.exec(statement.limit(limit)).all()
    participants = session.exec(select(EngagementParticipant).where(
        col(EngagementParticipant.engagement_id).in_([e.id for _, e in found]))).all() if found else []
    return [(ConversationRecordRead.model_validate(record),
             _as_read(engagement, [p for p in participants if p.engagement_id == engagement.id]))
            for record, engagement in found]


def require_country(session: Session, country_id: int | None) -> Country:
    if country_id is None:
        raise NotFound("ไม่ได้ระบุประเทศ", "no country given", field="country_id",
                       field_th="ประเทศ", field_en="Country")
    return get_or_404(session, Country, country_id, field="country_id")
