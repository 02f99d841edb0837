"""Briefing packs: everything the office knows about an engagement's country, assembled for one reader.

``assemble_pack`` builds the pack for an engagement (a courtesy call, a meeting...) from the database as the
actor may see it: cover, the visitors' biographies, the country profile, its parliament beside Thailand's, the
relations timeline, the latest records of conversation, recent monitoring notes and the talking points (approved
and valid on the day are selected by default). Classified items appear only for actors cleared for them; the
pack's classification is the highest of what it holds. ``save_pack`` keeps the user's choice and wording of the
talking points as a new version (earlier versions stay); the next assembly starts from the newest version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, func, or_, select

from workbench import clock
from workbench.db import transaction
from workbench.errors import NotFound
from workbench.i18n import current_lang, t
from workbench.models.base import Clearance
from workbench.models.briefing import (
    NUMERIC_FACTS,
    BriefingPack,
    BriefingPackCreate,
    BriefingPackPoint,
    BriefingPackPointRead,
    BriefingPackRead,
    FactKey,
    TalkingPoint,
)
from workbench.models.countries import Country
from workbench.models.people import Membership, Organization, Person, person_name
from workbench.models.visits import Engagement, EngagementKind, EngagementParticipant, Side, Visit
from workbench.services import countries, monitoring
from workbench.services.access import Actor, can_see, clearance_of, require
from workbench.services.briefing_wording import be_years, number_text, show_date, show_datetime, thai_or_marked
from workbench.services.common import field_error, get_visible, validate

RELATIONS_SHOWN = 20
RECORDS_SHOWN = 3
NOTES_SHOWN = 8
NOTES_WINDOW_DAYS = 365
BRIEFED_KINDS = (EngagementKind.COURTESY_CALL, EngagementKind.MEETING, EngagementKind.RECEPTION,
                 EngagementKind.SITE_VISIT)


# --- The pack as data ----------------------------------------------------------------------------------

@dataclass
class PackTable:
    headers: list[str]
    rows: list[list[str]]


@dataclass
class PackItem:
    heading: str
    meta: str = ""
    body: str = ""
    link: str = ""
    classification: int = 0


@dataclass
class PackSection:
    kind: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    table: PackTable | None = None
    items: list[PackItem] = field(default_factory=list)
    classification: int = 0

    @property
    def level(self) -> int:
        return max([self.classification, *(item.classification for item in self.items)])


@dataclass
class PackPoint:
    """A talking point offered for the pack; ``selected`` ones are printed, with ``text`` as the user worded it."""

    talking_point_id: int | None
    topic: str
    text: str
    classification: int = 0
    selected: bool = False
    approved: bool = False
    valid_until: dt.date | None = None


@dataclass
class Pack:
    engagement_id: int
    lang: str
    title: str
    subtitle: str
    country_id: int
    sections: list[PackSection]
    points: list[PackPoint]
    remarks: str = ""
    saved_version: int | None = None
    engagement_classification: int = 0
    generated_at: dt.datetime = field(default_factory=clock.now)

    def talking_points_section(self) -> PackSection:
        chosen = [p for p in self.points if p.selected]
        items = [PackItem(heading=p.topic, body=p.text, classification=p.classification) for p in chosen]
        paragraphs = [self.remarks] if self.remarks.strip() else []
        if not items:
            paragraphs.append(t("brief.points.none", self.lang))
        return PackSection(kind="talking_points", title=t("brief.section.talking_points", self.lang),
                           paragraphs=paragraphs, items=items)

    def all_sections(self) -> list[PackSection]:
        return [*self.sections, self.talking_points_section()]

    @property
    def classification(self) -> int:
        levels = [self.engagement_classification, *(s.level for s in self.sections)]
        levels += [p.classification for p in self.points if p.selected]
        return max(levels)

    def classification_label(self) -> str:
        """What every page says: e.g. "ลับ" / "CONFIDENTIAL"; empty for an unclassified pack."""
        level = self.classification
        if level == 0:
            return ""
        text = t(f"clearance.{level}", self.lang)
        return text if self.lang == "th" else text.upper()

    def with_points(self, points: list[PackPoint], remarks: str | None = None) -> Pack:
        """The same pack with the talking points (and remarks) as the user edited them."""
        from dataclasses import replace

        return replace(self, points=list(points), remarks=self.remarks if remarks is None else remarks)


# --- Helpers for wording -------------------------------------------------------------------------------

def _name(thing: Any, lang: str) -> str:
    if thing is None or isinstance(thing, Person):  # a person with the title in the pack's language (นาย, ฯพณฯ…)
        return person_name(thing, lang)
    if hasattr(thing, "display_name"):
        return thing.display_name(lang)
    return (getattr(thing, "name_th", "") if lang == "th" else getattr(thing, "name_en", "")) or getattr(
        thing, "name_th", "")


# --- Finding what to brief -----------------------------------------------------------------------------

def engagement_country(session: Session, engagement: Engagement) -> Country | None:
    country_id = engagement.country_id
    if country_id is None and engagement.visit_id is not None:
        visit = session.get(Visit, engagement.visit_id)
        country_id = visit.country_id if visit else None
    return session.get(Country, country_id) if country_id is not None else None


def get_briefable_engagement(session: Session, *, engagement_id: int, actor: Actor) -> Engagement:
    return get_visible(session, Engagement, engagement_id, actor=actor, permission="briefing.read",
                       field="engagement_id", labels=("กิจกรรม", "Engagement"))


@dataclass
class EngagementChoice:
    engagement_id: int
    label: str
    start: dt.datetime
    kind: str


def briefable_engagements(session: Session, *, actor: Actor, lang: str | None = None,
                          kinds: tuple[EngagementKind, ...] = BRIEFED_KINDS,
                          around: dt.date | None = None, days_before: int = 120,
                          days_after: int = 180) -> list[EngagementChoice]:
    """Engagements with a country that a pack can be made for, the actor may see, in a window around a day
    (default today): upcoming ones first (soonest first), then past ones (latest first)."""
    require(actor, "briefing.read")
    lang = lang or current_lang()
    day = around or clock.today()
    first = dt.datetime.combine(day - dt.timedelta(days=days_before), dt.time())
    last = dt.datetime.combine(day + dt.timedelta(days=days_after), dt.time())
    rows = session.exec(
        select(Engagement, Country)
        .outerjoin(Visit, col(Visit.id) == col(Engagement.visit_id))
        .join(Country, col(Country.id) == func.coalesce(Engagement.country_id, Visit.country_id))
        .where(col(Engagement.kind).in_(list(kinds)), col(Engagement.start) >= first, col(Engagement.start) < last,
               col(Engagement.classification) <= clearance_of(actor))
        .order_by(col(Engagement.start))
    ).all()
    now = dt.datetime.combine(day, dt.time())
    upcoming = [(e, c) for e, c in rows if e.start >= now]
    past = [(e, c) for e, c in reversed(rows) if e.start < now]
    return [EngagementChoice(
        engagement_id=e.id, start=e.start, kind=str(e.kind),
        label=f"{show_datetime(e.start, lang)} · {t(f'engagement_kind.{e.kind}', lang)} · {_name(c, lang)} · "
              f"{(e.title_th if lang == 'th' else e.title_en) or e.title_th}")
        for e, c in [*upcoming, *past]]


# --- Assembly ------------------------------------------------------------------------------------------

def assemble_pack(session: Session, *, engagement_id: int, actor: Actor, lang: str | None = None,
                  today: dt.date | None = None) -> Pack:
    """The pack for an engagement, as ``actor`` may see it (see the module's description)."""
    engagement = get_briefable_engagement(session, engagement_id=engagement_id, actor=actor)
    lang = lang or current_lang()
    country = engagement_country(session, engagement)
    if country is None:
        raise NotFound("กิจกรรมนี้ไม่ได้ระบุประเทศ จึงจัดทำข้อมูลประกอบการสนทนาไม่ได้",
                       "this engagement names no country, so no briefing pack can be made for it",
                       field="country_id", field_th="ประเทศ", field_en="Country")
    day = engagement.start.date()
    participants = session.exec(select(EngagementParticipant, Person)
                                .join(Person, col(Person.id) == col(EngagementParticipant.person_id))
                                .where(EngagementParticipant.engagement_id == engagement.id)).all()
    guests = [person for part, person in participants if part.side == Side.GUEST]
    hosts = [person for part, person in participants if part.side == Side.HOST and part.is_principal]
    title = (engagement.title_th if lang == "th" else engagement.title_en) or engagement.title_th
    sections = [
        _cover(session, engagement, country, hosts, guests, lang, today or clock.today()),
        _biographies(session, guests, day, lang),
        _profile(session, country, actor, lang),
        _parliaments(session, country, actor, lang),
        *_relations(session, country, actor, lang, today or clock.today()),
        _records(session, country, engagement, actor, lang),
        _notes(session, country, day, actor, lang),
    ]
    pack = Pack(engagement_id=engagement.id, lang=lang, title=t("brief.title", lang), subtitle=title,
                country_id=country.id, sections=sections, points=[],
                engagement_classification=int(engagement.classification))
    points, remarks, version = _points(session, engagement, country, day, actor, lang)
    pack.points, pack.remarks, pack.saved_version = points, remarks, version
    return pack


def _cover(session: Session, engagement: Engagement, country: Country, hosts: list[Person], guests: list[Person],
           lang: str, today: dt.date) -> PackSection:
    rows = [
        [t("brief.cover.engagement", lang), (engagement.title_th if lang == "th" else engagement.title_en)
         or engagement.title_th],
        [t("brief.cover.kind", lang), t(f"engagement_kind.{engagement.kind}", lang)],
        [t("brief.cover.when", lang), show_datetime(engagement.start, lang)],
        [t("brief.cover.venue", lang), engagement.venue or "–"],
        [t("brief.cover.country", lang), _name(country, lang)],
        [t("brief.cover.principals", lang), ", ".join(_name(p, lang) for p in hosts) or "–"],
        [t("brief.cover.visitors", lang), ", ".join(_name(p, lang) for p in guests) or "–"],
        [t("brief.cover.prepared", lang), show_date(today, lang)],
    ]
    return PackSection(kind="cover", title=t("brief.section.cover", lang),
                       table=PackTable(headers=[t("brief.col.item", lang), t("brief.col.value", lang)], rows=rows),
                       classification=int(engagement.classification))


def _biographies(session: Session, guests: list[Person], day: dt.date, lang: str) -> PackSection:
    items = []
    held: dict[int, list[tuple[Membership, Organization]]] = {}
    if guests:  # every guest's posts on the day in one query, and their nationalities in another
        for membership, organization in session.exec(
            select(Membership, Organization).join(Organization, col(Organization.id) == col(Membership.organization_id))
            .where(col(Membership.person_id).in_([p.id for p in guests]), col(Membership.start_date) <= day,
                   or_(col(Membership.end_date).is_(None), col(Membership.end_date) >= day))
            .order_by(col(Membership.id))
        ).all():
            held.setdefault(membership.person_id, []).append((membership, organization))
    wanted = {p.nationality_id for p in guests if p.nationality_id}
    nations = {c.id: c for c in session.exec(select(Country).where(col(Country.id).in_(wanted))).all()} if wanted else {}
    for person in guests:
        roles = "; ".join(
            " ".join(part for part in ((m.role_th if lang == "th" else m.role_en) or m.role_th, _name(o, lang)) if part)
            for m, o in held.get(person.id, []))
        nationality = nations.get(person.nationality_id) if person.nationality_id else None
        meta = " · ".join(part for part in (roles, _name(nationality, lang)) if part)
        body = thai_or_marked(person.biography, lang) or t("brief.no_bio", lang)  # English only where no Thai exists
        foreign = nationality is not None and nationality.iso2 != countries.HOME_ISO2
        items.append(PackItem(heading=person_name(person, lang, form="letter", foreign=foreign), meta=meta, body=body))
    return PackSection(kind="biography", title=t("brief.section.biography", lang), items=items,
                       paragraphs=[] if items else [t("brief.no_visitors", lang)])


def _profile(session: Session, country: Country, actor: Actor, lang: str) -> PackSection:
    profile = countries.country_profile(session, country_id=country.id, actor=actor)
    rows = [[t("brief.profile.region", lang), t(f"region.{country.region}", lang), country.source or "–",
             show_date(country.as_of, lang)]]
    for key in FactKey:
        fact = profile.facts.get(key)
        if fact is None:
            rows.append([t(f"fact.{key}", lang), "–", "–", "–"])
        else:
            value = (fact.value_th if lang == "th" else "") or fact.value  # the Thai wording where there is one
            rows.append([t(f"fact.{key}", lang), thai_or_marked(number_text(value) if key in NUMERIC_FACTS else value, lang), fact.source,
                         show_date(fact.as_of, lang)])
    return PackSection(kind="profile", title=t("brief.section.profile", lang, country=_name(country, lang)),
                       table=PackTable(headers=[t("brief.col.item", lang), t("brief.col.value", lang),
                                                t("brief.col.source", lang), t("brief.col.as_of", lang)], rows=rows))


PARLIAMENT_ROWS = ("structure", "statutory_seats", "current_members", "women_pct", "electoral_system", "designation",
                   "term_years", "speaker", "last_election", "next_election", "as_of", "source")


def _parliament_cell(row: dict[str, Any], key: str, lang: str) -> str:
    value = row.get(key)
    if key == "structure":
        return t(f"structure.{value}", lang) if value else "–"
    if key == "designation":
        return t(f"designation.{value}", lang) if value else "–"
    if key in ("last_election", "as_of"):
        return show_date(value, lang) if value else "–"
    if key == "women_pct":
        return f"{number_text(value)} %" if value is not None else "–"
    if key in ("statutory_seats", "current_members", "term_years"):
        return number_text(value)
    value = (row.get("electoral_system_th") or value) if key == "electoral_system" and lang == "th" else value
    return thai_or_marked(be_years(str(value), lang) if key == "next_election" else str(value), lang) if value else "–"


def _parliaments(session: Session, country: Country, actor: Actor, lang: str) -> PackSection:
    codes = [country.iso2] if country.iso2 == countries.HOME_ISO2 else [country.iso2, countries.HOME_ISO2]
    rows = countries.comparison_rows(session, iso2_codes=codes, actor=actor, include_home=False)
    headers = [t("brief.col.item", lang)]
    for row in rows:
        chamber = (row["chamber_th"] if lang == "th" else row["chamber_en"]) or row["chamber_th"]
        kind = t(f"chamber.{row['chamber_type']}", lang) if row["chamber_type"] else t("brief.parliament.no_data", lang)
        mark = f" {t('brief.to_confirm_mark', lang)}" if row.get("to_confirm") else ""  # the figures are not sure
        headers.append(f"{row['country_th'] if lang == 'th' else row['country_en']}: {chamber or kind}{mark}")
    table_rows = [[t(f"parline.{key}", lang), *(_parliament_cell(row, key, lang) for row in rows)]
                  for key in PARLIAMENT_ROWS]
    paragraphs = []
    if not any(row["iso2"] == country.iso2 and row["chamber_type"] for row in rows):
        paragraphs.append(t("brief.parliament.missing", lang, country=_name(country, lang)))
    if any(row.get("to_confirm") for row in rows):
        paragraphs.append(t("brief.parliament.to_confirm", lang, mark=t("brief.to_confirm_mark", lang)))
    return PackSection(kind="parliament", title=t("brief.section.parliament", lang), paragraphs=paragraphs,
                       table=PackTable(headers=headers, rows=table_rows))


def _relations(session: Session, country: Country, actor: Actor, lang: str, today: dt.date) -> list[PackSection]:
    """What has happened (before today, newest first), then what is planned (from today, soonest first)."""
    entries = countries.relations_history(session, country_id=country.id, actor=actor, lang=lang)
    past = [entry for entry in entries if entry.day < today][:RELATIONS_SHOWN]
    planned = sorted((entry for entry in entries if entry.day >= today), key=lambda entry: entry.day)
    sections = []
    for kind, chosen in (("relations", past), ("planned", planned[:RELATIONS_SHOWN])):
        items = []
        for entry in chosen:
            kinds = {"visit": "direction", "agreement": "agreement_kind"}
            what = t(f"{kinds.get(entry.kind, 'engagement_kind')}.{entry.subkind}", lang)
            body = entry.detail if entry.kind in ("record", "agreement") else ""
            items.append(PackItem(heading=entry.title, body=body, classification=entry.classification,
                                  meta=f"{show_date(entry.day, lang)} · {t(f'timeline.{entry.kind}', lang)} · {what}"))
        sections.append(PackSection(kind=kind, title=t(f"brief.section.{kind}", lang), items=items,
                                    paragraphs=[] if items else [t(f"brief.{kind}.none", lang)]))
    return sections


def _records(session: Session, country: Country, engagement: Engagement, actor: Actor, lang: str) -> PackSection:
    found = countries.latest_records(session, country_id=country.id, actor=actor, limit=RECORDS_SHOWN,
                                     before=engagement.start)
    items = [PackItem(
        heading=(e.title_th if lang == "th" else e.title_en) or e.title_th,
        meta=" · ".join(part for part in (show_date(e.start.date(), lang), record.topics) if part),
        body=record.summary, classification=max(int(record.classification), int(e.classification)))
        for record, e in found]
    return PackSection(kind="records", title=t("brief.section.records", lang), items=items,
                       paragraphs=[] if items else [t("brief.records.none", lang)])


def _notes(session: Session, country: Country, day: dt.date, actor: Actor, lang: str) -> PackSection:
    notes = monitoring.list_notes(session, actor=actor, country_id=country.id,
                                  since=day - dt.timedelta(days=NOTES_WINDOW_DAYS), limit=NOTES_SHOWN)
    items = [PackItem(
        heading=note.title,
        meta=" · ".join(part for part in (show_date(note.noted_on, lang), t(f"note_category.{note.category}", lang),
                                          thai_or_marked(note.tags, lang)) if part),
        body=note.summary, link=note.source_url, classification=int(note.classification)) for note in notes]
    return PackSection(kind="notes", title=t("brief.section.notes", lang), items=items,
                       paragraphs=[] if items else [t("brief.notes.none", lang)])


def _point_text(point: TalkingPoint, lang: str) -> str:
    return (point.text_en if lang == "en" and point.text_en else point.text_th)


def _points(session: Session, engagement: Engagement, country: Country, day: dt.date,
            actor: Actor, lang: str) -> tuple[list[PackPoint], str, int | None]:
    candidates = [p for p in monitoring.list_talking_points(session, actor=actor, country_id=country.id)
                  if p.valid_until is None or p.valid_until >= day]  # expired points are not offered
    saved = latest_saved_pack(session, engagement_id=engagement.id, actor=actor)
    if saved is None:
        points = [PackPoint(talking_point_id=p.id, topic=p.topic, text=_point_text(p, lang),
                            classification=int(p.classification), selected=p.approved and p.valid_on(day),
                            approved=p.approved, valid_until=p.valid_until) for p in candidates]
        points.sort(key=lambda p: (not p.selected, p.topic))
        return points, "", None
    pack, saved_points = saved
    used = {p.talking_point_id for p in saved_points if p.talking_point_id is not None}
    by_id = {p.id: p for p in candidates}
    points = [PackPoint(talking_point_id=p.talking_point_id, topic=p.topic, text=p.text,
                        classification=int(p.classification), selected=True,
                        approved=bool(by_id.get(p.talking_point_id) and by_id[p.talking_point_id].approved),
                        valid_until=by_id[p.talking_point_id].valid_until if p.talking_point_id in by_id else None)
              for p in saved_points]
    points += [PackPoint(talking_point_id=p.id, topic=p.topic, text=_point_text(p, lang),
                         classification=int(p.classification), selected=False, approved=p.approved,
                         valid_until=p.valid_until) for p in candidates if p.id not in used]
    return points, pack.remarks, pack.version


# --- Saved versions ------------------------------------------------------------------------------------

def latest_saved_pack(session: Session, *, engagement_id: int,
                      actor: Actor) -> tuple[BriefingPackRead, list[BriefingPackPointRead]] | None:
    """The newest saved version of the engagement's pack with the points the actor may see, or None."""
    get_briefable_engagement(session, engagement_id=engagement_id, actor=actor)
    pack = session.exec(select(BriefingPack).where(BriefingPack.engagement_id == engagement_id)
                        .order_by(col(BriefingPack.version).desc())).first()
    if pack is None:
        return None
    points = session.exec(select(BriefingPackPoint).where(
        BriefingPackPoint.pack_id == pack.id, col(BriefingPackPoint.classification) <= clearance_of(actor))
        .order_by(col(BriefingPackPoint.position))).all()
    return BriefingPackRead.model_validate(pack), [BriefingPackPointRead.model_validate(p) for p in points]


def save_pack(session: Session, *, data: BriefingPackCreate | dict[str, Any], actor: Actor) -> BriefingPackRead:
    """Keep the talking points as chosen and worded now: a new version of the engagement's pack.

    A point taken from a classified talking point keeps at least that classification. Points of the previous
    version that the actor could not see are carried over unchanged (nobody loses what they were not shown).
    """
    require(actor, "briefing.write")
    checked = validate(BriefingPackCreate, data)
    engagement = get_briefable_engagement(session, engagement_id=checked.engagement_id, actor=actor)
    levels = []
    for position, point in enumerate(checked.points):
        level = int(point.classification)
        if point.talking_point_id is not None:
            source = monitoring.get_talking_point(session, point_id=point.talking_point_id, actor=actor)
            level = max(level, int(source.classification))
        if not can_see(actor, level):
            raise field_error("classification", f"ประเด็นที่ {position + 1} สูงกว่าชั้นความลับที่ท่านเข้าถึงได้",
                              f"point {position + 1} is above your own secrecy clearance")
        levels.append(level)
    previous = session.exec(select(BriefingPack).where(BriefingPack.engagement_id == engagement.id)
                            .order_by(col(BriefingPack.version).desc())).first()
    hidden = []
    if previous is not None:
        hidden = session.exec(select(BriefingPackPoint).where(
            BriefingPackPoint.pack_id == previous.id,
            col(BriefingPackPoint.classification) > clearance_of(actor))
            .order_by(col(BriefingPackPoint.position))).all()
    with transaction(session, actor=actor):
        pack = BriefingPack(engagement_id=engagement.id, version=(previous.version if previous else 0) + 1,
                            remarks=checked.remarks.strip(), created_by_id=getattr(actor, "id", None))
        session.add(pack)
        session.flush()
        rows = [(p.talking_point_id, p.topic.strip(), p.text.strip(), level)
                for p, level in zip(checked.points, levels, strict=True)]
        rows += [(p.talking_point_id, p.topic, p.text, int(p.classification)) for p in hidden]
        for position, (point_id, topic, text, level) in enumerate(rows):
            session.add(BriefingPackPoint(pack_id=pack.id, position=position, talking_point_id=point_id,
                                          topic=topic, text=text, classification=Clearance(level)))
        session.flush()
        return BriefingPackRead.model_validate(pack)


def save_pack_points(session: Session, *, pack: Pack, actor: Actor) -> BriefingPackRead:
    """``save_pack`` with the selected points and remarks of an assembled (and edited) pack."""
    return save_pack(session, actor=actor, data={
        "engagement_id": pack.engagement_id, "remarks": pack.remarks,
        "points": [{"talking_point_id": p.talking_point_id, "topic": p.topic, "text": p.text,
                    "classification": p.classification} for p in pack.points if p.selected],
    })
