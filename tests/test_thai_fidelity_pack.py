"""The briefing pack's content as a Thai official expects it: the relations history holds only what has happened,
what is planned has its own heading; a figure from reference data marked "to confirm" says so in the pack."""

from __future__ import annotations

import pytest

from tests.conftest import DEMO_TODAY
from tests.test_briefing_pack import demo_user, next_call, section
from workbench.services import briefing, countries


@pytest.fixture
def reader(demo_session):
    return demo_user(demo_session, "analyst")


@pytest.fixture
def pack(demo_session, reader):
    return briefing.assemble_pack(demo_session, engagement_id=next_call(demo_session, reader), actor=reader,
                                  lang="th", today=DEMO_TODAY)


def test_the_relations_history_holds_only_what_has_happened(demo_session, pack, reader):
    history = countries.relations_history(demo_session, country_id=pack.country_id, actor=reader, lang="th")
    future = {e.title for e in history if e.day >= DEMO_TODAY}
    past = section(pack, "relations")

    assert future, "the demo country has engagements planned after the demo's today"
    happened = [e for e in history if e.day < DEMO_TODAY][:briefing.RELATIONS_SHOWN]
    assert past.title == "ความสัมพันธ์ที่ผ่านมา" and past.items
    assert [item.meta.split(" · ")[0] for item in past.items] == [briefing.show_date(e.day, "th") for e in happened]
    assert [item.heading for item in past.items] == [e.title for e in happened]


def test_what_is_planned_has_its_own_heading_soonest_first(demo_session, pack, reader):
    history = countries.relations_history(demo_session, country_id=pack.country_id, actor=reader, lang="th")
    planned = sorted((e for e in history if e.day >= DEMO_TODAY), key=lambda e: e.day)
    shown = section(pack, "planned")

    assert shown.title == "กำหนดการที่จะมีขึ้น"
    assert [item.heading for item in shown.items] == [e.title for e in planned[:briefing.RELATIONS_SHOWN]]
    kinds = [s.kind for s in pack.all_sections()]
    assert kinds.index("planned") == kinds.index("relations") + 1


def test_a_pack_dated_after_everything_has_nothing_planned(demo_session, reader):
    import datetime as dt

    pack = briefing.assemble_pack(demo_session, engagement_id=next_call(demo_session, reader), actor=reader,
                                  lang="th", today=DEMO_TODAY + dt.timedelta(days=3650))

    assert not section(pack, "planned").items
    assert section(pack, "planned").paragraphs == ["ยังไม่มีกำหนดการกับประเทศนี้"]


def test_figures_from_a_row_marked_to_confirm_carry_the_mark(pack):
    parliament = section(pack, "parliament")
    headers = parliament.table.headers
    house = next(header for header in headers if header.startswith("ไทย: สภาผู้แทนราษฎร"))

    assert house.endswith("(รอยืนยัน)"), "data/parliaments.csv marks Thailand's House after its dissolution"
    assert any("(รอยืนยัน)" in paragraph and "ยืนยัน" in paragraph for paragraph in parliament.paragraphs)
    confirmed = [header for header in headers[1:] if not header.startswith("ไทย")]
    assert confirmed and not any("(รอยืนยัน)" in header for header in confirmed)


def test_the_mark_reaches_the_printed_pack(pack):
    from workbench.documents.briefing_html import render_fragment

    assert "ไทย: สภาผู้แทนราษฎร (รอยืนยัน)" in render_fragment(pack)


def latin_only(text):
    import re

    return bool(re.search("[A-Za-z]", text)) and not re.search("[\u0e01-\u0e4e]", text)


def test_a_thai_pack_has_no_latin_only_text_except_marked_sources_and_links(pack):
    offending = []
    for part in pack.all_sections():
        texts = list(part.paragraphs)
        if part.table is not None:
            sources = {i for i, header in enumerate(part.table.headers) if header == "แหล่งที่มา"}
            texts += [cell for row in part.table.rows for i, cell in enumerate(row) if i not in sources]
            texts += part.table.headers
        texts += [text for item in part.items for text in (item.heading, item.meta, item.body)]
        offending += [text for text in texts if latin_only(text) and not text.endswith("(ภาษาอังกฤษ)")]

    assert not offending


def test_years_are_buddhist_era_and_japans_chambers_have_their_own_names(demo_session, reader):
    from sqlmodel import select

    from tests.visit_factories import make_engagement
    from workbench.models.countries import Country
    from workbench.services.briefing_wording import be_years

    japan = demo_session.exec(select(Country).where(Country.iso2 == "JP")).one()
    engagement = make_engagement(demo_session, country_id=japan.id)
    pack = briefing.assemble_pack(demo_session, engagement_id=engagement.id, actor=reader, lang="th",
                                  today=DEMO_TODAY)
    headers = section(pack, "parliament").table.headers

    assert "ญี่ปุ่น: สภาผู้แทนราษฎร" in headers and "ญี่ปุ่น: สภาที่ปรึกษา" in headers
    assert not any("สภาล่างญี่ปุ่น" in header for header in headers)
    next_election = next(row for row in section(pack, "parliament").table.rows if row[0] == "การเลือกตั้งครั้งต่อไป")
    assert "2029" not in " ".join(next_election)
    assert be_years("การเลือกตั้งครั้งต่อไป 2029", "th") == "การเลือกตั้งครั้งต่อไป 2572"
    assert be_years("2029", "en") == "2029"
