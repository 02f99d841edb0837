"""The briefing pack of an engagement, checked section by section against the database (demo office), and the
rule that classified material never reaches a reader without the clearance."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.briefing_factories import analyst
from tests.conftest import DEMO_TODAY
from tests.visit_factories import make_engagement
from workbench.errors import NotFound, PermissionDenied
from workbench.models.base import Clearance
from workbench.models.briefing import BriefingPack, FactKey, MonitoringNote, TalkingPoint
from workbench.models.people import Person, person_name
from workbench.models.users import User
from workbench.models.visits import Engagement, EngagementParticipant, Side
from workbench.services import briefing, countries, monitoring

ORDER = ["cover", "biography", "profile", "parliament", "relations", "planned", "records", "notes", "talking_points"]


def demo_user(session, name):
    return session.exec(select(User).where(User.username == name)).one()


def next_call(session, user):
    """The first engagement the dashboard offers (the next courtesy call after DEMO_TODAY)."""
    return briefing.briefable_engagements(session, actor=user, around=DEMO_TODAY)[0].engagement_id


def section(pack, kind):
    return next(s for s in pack.all_sections() if s.kind == kind)


def text_of(pack):
    parts = [pack.title, pack.subtitle]
    for part in pack.all_sections():
        parts += [part.title, *part.paragraphs]
        parts += [cell for row in (part.table.rows if part.table else []) for cell in row]
        parts += [f"{i.heading} {i.meta} {i.body}" for i in part.items]
    return "\n".join(parts)


@pytest.fixture
def reader(demo_session):
    return demo_user(demo_session, "analyst")


@pytest.fixture
def pack(demo_session, reader):
    return briefing.assemble_pack(demo_session, engagement_id=next_call(demo_session, reader), actor=reader,
                                  lang="th", today=DEMO_TODAY)


def test_the_dashboard_offers_upcoming_calls_first(demo_session, reader):
    choices = briefing.briefable_engagements(demo_session, actor=reader, around=DEMO_TODAY)

    upcoming = [c.start for c in choices if c.start.date() >= DEMO_TODAY]
    assert upcoming and upcoming == sorted(upcoming) and choices[0].start == upcoming[0]


def test_the_pack_has_every_section_in_order(pack):
    assert [s.kind for s in pack.all_sections()] == ORDER


def test_the_cover_names_the_engagement_its_time_venue_and_country(demo_session, pack):
    engagement = demo_session.get(Engagement, pack.engagement_id)
    country = briefing.engagement_country(demo_session, engagement)
    cover = dict(section(pack, "cover").table.rows)

    assert cover["กิจกรรม"] == engagement.title_th
    assert cover["สถานที่"] == engagement.venue
    assert cover["ประเทศ"] == country.name_th
    assert str(engagement.start.year + 543) in cover["วันและเวลา"]


def test_the_biography_is_the_visitors(demo_session, pack):
    guests = demo_session.exec(select(Person).join(EngagementParticipant,
                                                   EngagementParticipant.person_id == Person.id)
                               .where(EngagementParticipant.engagement_id == pack.engagement_id,
                                      EngagementParticipant.side == Side.GUEST)).all()

    items = section(pack, "biography").items
    # a foreign visitor as a letter names them: Thai title and name, then the name in their own script
    assert [i.heading for i in items] == [person_name(g, "th", form="letter", foreign=True) for g in guests]
    assert all(i.heading.startswith(g.display_name("th")) for i, g in zip(items, guests, strict=True))
    assert items[0].body == guests[0].biography and "เอกอัครราชทูต" in items[0].meta


def test_the_profile_shows_the_current_facts_with_source_and_date(demo_session, pack, reader):
    profile = countries.country_profile(demo_session, country_id=pack.country_id, actor=reader)
    rows = {row[0]: row for row in section(pack, "profile").table.rows}

    capital = profile.facts[FactKey.CAPITAL]  # the Thai name where the data has one, else the English one marked
    assert rows["เมืองหลวง"][1] == (capital.value_th or f"{capital.value} (ภาษาอังกฤษ)") and capital.value_th
    assert rows["ประชากร"][1] == f"{int(profile.value(FactKey.POPULATION)):,}"
    assert rows["ประชากร"][2].startswith("countryinfo") and rows["ประชากร"][3] == "ไม่ทราบ"


def test_the_parliament_stands_beside_thailands(pack):
    table = section(pack, "parliament").table
    seats = dict((row[0], row[1:]) for row in table.rows)["จำนวนที่นั่งตามกฎหมาย"]

    assert any(header.startswith("ไทย: วุฒิสภา") for header in table.headers)
    assert any(header.startswith("ไทย: สภาผู้แทนราษฎร") for header in table.headers)
    column = {header.split(" (")[0]: index for index, header in enumerate(table.headers)}  # less "(รอยืนยัน)"
    assert seats[column["ไทย: วุฒิสภา"] - 1] == "200"
    assert seats[column["ไทย: สภาผู้แทนราษฎร"] - 1] == "500"


def test_the_relations_timeline_is_the_countrys_history_newest_first(demo_session, pack, reader):
    history = countries.relations_history(demo_session, country_id=pack.country_id, actor=reader, lang="th")

    items = section(pack, "relations").items
    past = [e for e in history if e.day < DEMO_TODAY]
    assert [i.heading for i in items] == [e.title for e in past[:briefing.RELATIONS_SHOWN]]


def test_recent_notes_are_the_countrys_newest_visible_notes(demo_session, pack, reader):
    day = demo_session.get(Engagement, pack.engagement_id).start.date()
    notes = monitoring.list_notes(demo_session, actor=reader, country_id=pack.country_id,
                                  since=day - dt.timedelta(days=briefing.NOTES_WINDOW_DAYS), limit=briefing.NOTES_SHOWN)

    assert notes
    assert [i.heading for i in section(pack, "notes").items] == [n.title for n in notes]


def test_latest_records_come_from_before_the_engagement(demo_session, reader):
    choices = briefing.briefable_engagements(demo_session, actor=reader, around=DEMO_TODAY)
    with_history = [(c, countries.latest_records(demo_session, country_id=briefing.engagement_country(
        demo_session, demo_session.get(Engagement, c.engagement_id)).id, actor=reader, before=c.start,
        limit=briefing.RECORDS_SHOWN)) for c in choices]
    choice, found = next((c, f) for c, f in with_history if f)

    pack = briefing.assemble_pack(demo_session, engagement_id=choice.engagement_id, actor=reader)

    assert [i.body for i in section(pack, "records").items] == [record.summary for record, _ in found]
    assert all(engagement.start < choice.start for _, engagement in found)


def test_approved_points_valid_on_the_day_are_selected_and_expired_ones_not_offered(demo_session, pack, reader):
    day = demo_session.get(Engagement, pack.engagement_id).start.date()
    listed = monitoring.list_talking_points(demo_session, actor=reader, country_id=pack.country_id)

    chosen = {p.talking_point_id for p in pack.points if p.selected}
    offered = {p.talking_point_id for p in pack.points}
    assert chosen == {p.id for p in listed if p.approved and p.valid_on(day)}
    assert offered == {p.id for p in listed if p.valid_until is None or p.valid_until >= day}


def test_a_pack_holding_classified_items_says_so(pack):
    assert pack.classification == max(s.level for s in pack.all_sections())
    if pack.classification:
        assert pack.classification_label() == ("ลับ", "ลับมาก", "ลับที่สุด")[pack.classification - 1]


def test_classified_notes_never_reach_an_uncleared_readers_pack(demo_session):
    uncleared = demo_user(demo_session, "viewer")
    classified = demo_session.exec(select(MonitoringNote).where(MonitoringNote.classification > 0)).all()
    assert classified, "the demo office has classified notes"
    secret_titles = {note.title for note in classified}

    for choice in briefing.briefable_engagements(demo_session, actor=uncleared, around=DEMO_TODAY):
        pack = briefing.assemble_pack(demo_session, engagement_id=choice.engagement_id, actor=uncleared)
        assert pack.classification == 0
        assert not secret_titles & {i.heading for i in section(pack, "notes").items}
        assert not any(s.level for s in pack.all_sections())


def test_a_cleared_reader_sees_the_classified_notes_of_the_country(demo_session):
    cleared = demo_user(demo_session, "admin")
    note = demo_session.exec(select(MonitoringNote).where(MonitoringNote.classification > 0)
                             .order_by(MonitoringNote.noted_on.desc())).first()
    call = make_engagement(demo_session, country_id=note.country_id, start=dt.datetime(2026, 12, 20, 10),
                           end=dt.datetime(2026, 12, 20, 11))

    pack = briefing.assemble_pack(demo_session, engagement_id=call.id, actor=cleared)

    assert note.title in {i.heading for i in section(pack, "notes").items}
    assert pack.classification >= note.classification


def test_a_classified_engagement_is_not_found_by_an_uncleared_reader(demo_session):
    secret = demo_session.exec(select(Engagement).where(Engagement.classification > 0)).first()

    with pytest.raises(NotFound):
        briefing.assemble_pack(demo_session, engagement_id=secret.id, actor=demo_user(demo_session, "viewer"))


def test_an_engagement_without_a_country_cannot_be_briefed(demo_session, reader):
    call = make_engagement(demo_session, country_id=None)

    with pytest.raises(NotFound) as error:
        briefing.assemble_pack(demo_session, engagement_id=call.id, actor=reader)

    assert error.value.field == "country_id"


def test_saved_talking_points_become_the_next_packs_points(demo_session, pack, reader):
    edited = [p for p in pack.points if p.selected][:1]
    edited[0].text = "ถ้อยคำที่ผู้ใช้แก้ไข"

    saved = briefing.save_pack_points(demo_session, pack=pack.with_points(edited, remarks="เน้นเรื่องการค้า"),
                                      actor=reader)
    again = briefing.assemble_pack(demo_session, engagement_id=pack.engagement_id, actor=reader)

    assert saved.version == 1 and again.saved_version == 1 and again.remarks == "เน้นเรื่องการค้า"
    assert [p.text for p in again.points if p.selected] == ["ถ้อยคำที่ผู้ใช้แก้ไข"]
    assert "ถ้อยคำที่ผู้ใช้แก้ไข" in text_of(again)


def test_each_save_is_a_new_version_and_earlier_ones_stay(demo_session, pack, reader):
    briefing.save_pack_points(demo_session, pack=pack, actor=reader)
    briefing.save_pack_points(demo_session, pack=pack.with_points([]), actor=reader)

    versions = demo_session.exec(select(BriefingPack.version).where(
        BriefingPack.engagement_id == pack.engagement_id).order_by(BriefingPack.version)).all()
    assert versions == [1, 2]


def test_a_viewer_may_not_save_a_pack(demo_session, pack):
    with pytest.raises(PermissionDenied):
        briefing.save_pack_points(demo_session, pack=pack, actor=demo_user(demo_session, "viewer"))


def test_saving_without_clearance_keeps_the_classified_points_one_could_not_see(demo_session, pack):
    cleared, uncleared = demo_user(demo_session, "admin"), analyst(demo_session, Clearance.NONE)
    secret = briefing.PackPoint(talking_point_id=None, topic="ลับ", text="ข้อความลับ",
                                classification=Clearance.CONFIDENTIAL, selected=True)
    briefing.save_pack_points(demo_session, pack=pack.with_points([secret]), actor=cleared)
    seen = briefing.assemble_pack(demo_session, engagement_id=pack.engagement_id, actor=uncleared)
    assert "ข้อความลับ" not in text_of(seen)

    briefing.save_pack_points(demo_session, pack=seen, actor=uncleared)

    latest = briefing.assemble_pack(demo_session, engagement_id=pack.engagement_id, actor=cleared)
    assert "ข้อความลับ" in [p.text for p in latest.points if p.selected]


def test_a_point_cannot_be_saved_below_its_source_classification(demo_session):
    cleared = demo_user(demo_session, "admin")
    source = demo_session.exec(select(TalkingPoint).where(TalkingPoint.classification > 0)).first()
    call = make_engagement(demo_session, country_id=source.country_id, start=dt.datetime(2026, 12, 21, 10),
                           end=dt.datetime(2026, 12, 21, 11))

    briefing.save_pack(demo_session, actor=cleared, data={
        "engagement_id": call.id,
        "points": [{"talking_point_id": source.id, "topic": "x", "text": "y", "classification": 0}]})

    points = briefing.latest_saved_pack(demo_session, engagement_id=call.id, actor=cleared)[1]
    assert points[0].classification == source.classification > 0
