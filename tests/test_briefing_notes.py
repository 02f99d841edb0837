"""Monitoring notes: analysts record developments per country; search finds any substring, Thai or Latin, on
SQLite and PostgreSQL alike; classified notes stay out of sight of users without the clearance."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.briefing_factories import analyst, country, make_note, viewer
from workbench.errors import PermissionDenied, ValidationError
from workbench.models.base import Clearance
from workbench.models.briefing import MonitoringNote
from workbench.services import monitoring


def titles(notes):
    return [note.title for note in notes]


def test_an_analyst_records_a_note_with_tags(session):
    note = make_note(session, actor=analyst(session), tags="election,  senate , election")

    assert note.id is not None
    assert note.tags == "election, senate"


def test_a_viewer_may_not_record_notes(session):
    with pytest.raises(PermissionDenied):
        make_note(session, actor=viewer(session))


def test_a_note_without_a_title_is_refused_and_nothing_is_written(session):
    with pytest.raises(ValidationError) as error:
        make_note(session, title="   ")

    assert error.value.field == "title"
    assert "หัวเรื่อง" in error.value.message("th") and "Title" in error.value.message("en")
    assert session.exec(select(MonitoringNote)).all() == []


def test_a_source_link_must_be_a_web_address(session):
    with pytest.raises(ValidationError) as error:
        make_note(session, source_url="javascript:alert(1)")

    assert error.value.field == "source_url"


def test_thai_search_finds_a_word_in_the_middle_of_running_text(session):
    make_note(session, title="ความร่วมมือด้านพลังงานสะอาดระหว่างสองประเทศ")
    make_note(session, title="การประชุมสภาเศรษฐกิจ")

    found = monitoring.search_notes(session, query="พลังงาน", actor=analyst(session))

    assert titles(found) == ["ความร่วมมือด้านพลังงานสะอาดระหว่างสองประเทศ"]


def test_search_looks_in_the_summary_and_the_tags_too(session):
    make_note(session, title="ข่าวหนึ่ง", summary="รัฐบาลประกาศนโยบายเศรษฐกิจดิจิทัล", tags="")
    make_note(session, title="ข่าวสอง", summary="", tags="ASEAN")

    reader = analyst(session)
    assert titles(monitoring.search_notes(session, query="ดิจิทัล", actor=reader)) == ["ข่าวหนึ่ง"]
    assert titles(monitoring.search_notes(session, query="asean", actor=reader)) == ["ข่าวสอง"]


def test_latin_search_ignores_case(session):
    make_note(session, title="Parliament passes the Budget Act")

    found = monitoring.search_notes(session, query="bUdGeT aCt", actor=analyst(session))

    assert titles(found) == ["Parliament passes the Budget Act"]


def test_every_part_of_the_query_must_occur(session):
    make_note(session, title="การค้าชายแดน", summary="ด่านศุลกากร")
    make_note(session, title="การค้าออนไลน์", summary="")

    found = monitoring.search_notes(session, query="การค้า ศุลกากร", actor=analyst(session))

    assert titles(found) == ["การค้าชายแดน"]


def test_percent_and_underscore_in_a_query_are_plain_characters(session):
    make_note(session, title="Inflation at 5% in October")
    make_note(session, title="Inflation at 57 points")

    found = monitoring.search_notes(session, query="5%", actor=analyst(session))

    assert titles(found) == ["Inflation at 5% in October"]


def test_filter_by_tag_matches_whole_tags_only(session):
    make_note(session, title="หนึ่ง", tags="election, ASEAN")
    make_note(session, title="สอง", tags="elections")

    found = monitoring.list_notes(session, actor=analyst(session), tag="Election")

    assert titles(found) == ["หนึ่ง"]


def test_filters_by_country_category_and_dates_newest_first(session):
    japan, france = country(session, "JP"), country(session, "FR")
    make_note(session, country_id=japan.id, title="เก่า", noted_on=dt.date(2026, 1, 5))
    make_note(session, country_id=japan.id, title="ใหม่", noted_on=dt.date(2026, 10, 5))
    make_note(session, country_id=japan.id, title="เศรษฐกิจ", category="economic", noted_on=dt.date(2026, 9, 1))
    make_note(session, country_id=france.id, title="ฝรั่งเศส")

    found = monitoring.list_notes(session, actor=analyst(session), country_id=japan.id, category="political",
                                  since=dt.date(2026, 1, 1))

    assert titles(found) == ["ใหม่", "เก่า"]


def test_classified_notes_are_found_only_by_cleared_users(session):
    make_note(session, title="ข่าวเปิดเผย สถานการณ์ชายแดน")
    make_note(session, title="รายงานลับ สถานการณ์ชายแดน", classification=Clearance.CONFIDENTIAL)
    make_note(session, title="รายงานลับมาก สถานการณ์ชายแดน", classification=Clearance.SECRET)

    def search(clearance):
        return sorted(titles(monitoring.search_notes(session, query="ชายแดน", actor=viewer(session, clearance))))

    assert search(Clearance.NONE) == ["ข่าวเปิดเผย สถานการณ์ชายแดน"]
    assert search(Clearance.CONFIDENTIAL) == ["ข่าวเปิดเผย สถานการณ์ชายแดน", "รายงานลับ สถานการณ์ชายแดน"]
    assert len(search(Clearance.SECRET)) == 3


def test_an_analyst_cannot_file_a_note_above_their_own_clearance(session):
    with pytest.raises(ValidationError) as error:
        make_note(session, actor=analyst(session, Clearance.CONFIDENTIAL), classification=Clearance.SECRET)

    assert error.value.field == "classification"


def test_an_uncleared_user_cannot_open_a_classified_note_by_its_id(session):
    note = make_note(session, classification=Clearance.CONFIDENTIAL)

    with pytest.raises(Exception) as error:
        monitoring.get_note(session, note_id=note.id, actor=viewer(session))

    assert "note_id" == getattr(error.value, "field", None)


def test_a_correction_is_a_new_note_and_the_old_one_is_kept(session):
    writer = analyst(session)
    old = make_note(session, actor=writer, title="ผลเลือกตั้งเบื้องต้น")

    new = monitoring.revise_note(session, note_id=old.id, data={"title": "ผลเลือกตั้งอย่างเป็นทางการ"}, actor=writer)

    assert new.supersedes_id == old.id
    assert session.get(MonitoringNote, old.id).title == "ผลเลือกตั้งเบื้องต้น"
    assert titles(monitoring.list_notes(session, actor=writer)) == ["ผลเลือกตั้งอย่างเป็นทางการ"]
    assert titles(monitoring.search_notes(session, query="เบื้องต้น", actor=writer)) == []


def test_a_note_already_corrected_cannot_be_corrected_again(session):
    writer = analyst(session)
    old = make_note(session, actor=writer)
    monitoring.revise_note(session, note_id=old.id, data={"title": "ฉบับที่สอง"}, actor=writer)

    with pytest.raises(ValidationError):
        monitoring.revise_note(session, note_id=old.id, data={"title": "ฉบับที่สาม"}, actor=writer)
