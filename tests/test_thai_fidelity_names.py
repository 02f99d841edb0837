"""Names as a Thai official writes them: persons with their title (Thai persons with นาย/นาง/นางสาว, a rank or ฯพณฯ,
Thai name first; foreign persons with the Thai form of their English title), countries by their short name in
tables and their long (formal) name in letters; Thai wording of reference facts in a Thai briefing pack."""

from __future__ import annotations

import pytest
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from tests.factories import make_person
from tests.test_briefing_pack import demo_user, next_call, section
from tests.travel_factories import TODAY, delegation
from tests.visit_factories import make_engagement
from workbench.db import SYSTEM
from workbench.models.countries import Country, long_name
from workbench.models.people import Person, person_name, thai_title
from workbench.services import briefing
from workbench.services.travel import letters


def person(**fields):
    base = {"honorific_th": "", "given_name_th": "", "family_name_th": "", "honorific_en": "", "given_name_en": "",
            "family_name_en": ""}
    return Person(**{**base, **fields})


@pytest.mark.parametrize(("fields", "thai", "english"), [
    ({"honorific_th": "นาย", "given_name_th": "สมชาย", "family_name_th": "ใจดี", "honorific_en": "Mr.",
      "given_name_en": "Somchai", "family_name_en": "Jaidee"}, "นายสมชาย ใจดี", "Mr. Somchai Jaidee"),
    ({"honorific_th": "นางสาว", "given_name_th": "สมศรี", "family_name_th": "ดีมาก"}, "นางสาวสมศรี ดีมาก",
     "นางสาวสมศรี ดีมาก"),
    ({"honorific_th": "พลเอก", "given_name_th": "กล้า", "family_name_th": "หาญ"}, "พลเอก กล้า หาญ", "พลเอก กล้า หาญ"),
    ({"honorific_th": "ดร.", "given_name_th": "วิชา", "family_name_th": "ดี"}, "ดร.วิชา ดี", "ดร.วิชา ดี"),
    ({"honorific_en": "Mr.", "given_name_en": "John", "family_name_en": "Smith"}, "นาย John Smith",
     "Mr. John Smith"),
    ({"honorific_en": "H.E.", "given_name_en": "Ana", "family_name_en": "Lima"}, "ฯพณฯ Ana Lima", "H.E. Ana Lima"),
    ({"honorific_en": "Dr.", "given_name_en": "Kim", "family_name_en": "Lee"}, "ดร. Kim Lee", "Dr. Kim Lee"),
    ({"given_name_en": "Pat", "family_name_en": "Doe"}, "Pat Doe", "Pat Doe"),
])
def test_a_persons_name_carries_the_title_in_the_documents_language(fields, thai, english):
    assert person_name(person(**fields), "th") == thai
    assert person_name(person(**fields), "en") == english


def test_english_titles_have_their_thai_form_and_a_thai_title_of_the_person_wins():
    assert [thai_title(person(honorific_en=title)) for title in ("Mr.", "Mrs.", "Ms.", "H.E.", "Dr.", "Hon.")] == [
        "นาย", "นาง", "นางสาว", "ฯพณฯ", "ดร.", "ฯพณฯ"]
    assert thai_title(person(honorific_en="Mr.", honorific_th="พลตำรวจเอก")) == "พลตำรวจเอก"
    assert thai_title(person(honorific_en="Senator")) == ""


def test_a_letter_names_a_foreign_dignitary_also_as_written_in_their_language():
    guest = person(honorific_th="ฯพณฯ", given_name_th="เกรซ", family_name_th="เอ็กแซมเปิล", honorific_en="Hon.",
                   given_name_en="Grace", family_name_en="Example")

    assert person_name(guest, "th", form="letter", foreign=True) == "ฯพณฯ เกรซ เอ็กแซมเปิล (Hon. Grace Example)"
    assert person_name(guest, "th", form="table", foreign=True) == "ฯพณฯ เกรซ เอ็กแซมเปิล"
    thai = person(honorific_th="นาย", given_name_th="สมชาย", family_name_th="ใจดี", given_name_en="Somchai")
    assert person_name(thai, "th", form="letter") == "นายสมชาย ใจดี"
    latin = person(honorific_th="ฯพณฯ", given_name_th="Omar", family_name_th="Doe", given_name_en="Omar",
                   family_name_en="Doe", honorific_en="H.E.")
    assert person_name(latin, "th", form="letter", foreign=True) == "ฯพณฯ Omar Doe"  # no name twice


def test_the_pack_names_foreign_visitors_with_the_thai_form_of_their_title(demo_session):
    reader = demo_user(demo_session, "analyst")
    france = demo_session.exec(select(Country).where(Country.iso2 == "FR")).one()
    guest = make_person(demo_session, given_name_th="", family_name_th="", honorific_en="Mr.", given_name_en="Jean",
                        family_name_en="Dupont", nationality_id=france.id)
    engagement = make_engagement(demo_session, country_id=france.id, guest_ids=[guest.id])

    pack = briefing.assemble_pack(demo_session, engagement_id=engagement.id, actor=reader, lang="th",
                                  today=DEMO_TODAY)
    cover = dict(section(pack, "cover").table.rows)

    assert [item.heading for item in section(pack, "biography").items] == ["นาย Jean Dupont"]
    assert cover["ผู้เข้าเยี่ยม"] == "นาย Jean Dupont"
    english = briefing.assemble_pack(demo_session, engagement_id=engagement.id, actor=reader, lang="en",
                                     today=DEMO_TODAY)
    assert [item.heading for item in section(english, "biography").items] == ["Mr. Jean Dupont"]


def test_a_thai_pack_shows_thai_reference_wording_with_its_source(demo_session):
    reader = demo_user(demo_session, "analyst")
    pack = briefing.assemble_pack(demo_session, engagement_id=next_call(demo_session, reader), actor=reader,
                                  lang="th", today=DEMO_TODAY)
    parliament = section(pack, "parliament").table
    electoral = next(row for row in parliament.rows if row[0] == "ระบบเลือกตั้ง")
    thai_columns = [i for i, header in enumerate(parliament.headers) if header.startswith("ไทย:")]
    speaker = next(row for row in parliament.rows if row[0] == "ประธานสภา")
    capital = next(row for row in section(pack, "profile").table.rows if row[0] == "เมืองหลวง")

    assert "กลุ่มอาชีพ" in " ".join(electoral[i] for i in thai_columns)
    assert "ระบบคู่ขนาน" in " ".join(electoral[i] for i in thai_columns)
    assert not any("Parallel system" in electoral[i] for i in thai_columns)
    assert any(speaker[i].startswith("นายมงคล สุระสัจจะ") for i in thai_columns)
    assert "(ภาษาอังกฤษ)" not in capital[1] and "CLDR" in capital[2] or "Ministry" in capital[2]
    english = briefing.assemble_pack(demo_session, engagement_id=pack.engagement_id, actor=reader, lang="en",
                                     today=DEMO_TODAY)
    assert any("Parallel system" in cell for cell in next(
        row for row in section(english, "parliament").table.rows if row[0] == "Electoral system"))


def test_countries_have_a_long_name_for_letters(session):
    by_code = {c.iso2: c for c in session.exec(select(Country).where(Country.iso2.in_(["KR", "TH", "CH", "AQ"]))).all()}

    assert long_name(by_code["KR"], "th") == "สาธารณรัฐเกาหลี" and long_name(by_code["KR"], "en") == "the Republic of Korea"
    assert long_name(by_code["TH"], "th") == "ราชอาณาจักรไทย" and by_code["TH"].name_th == "ไทย"
    assert long_name(by_code["AQ"], "th") == by_code["AQ"].name_th  # no long form: the short name


def test_the_travel_letters_name_the_country_by_its_long_name(session):
    visit, head, senator = delegation(session, iso2="CH")

    passport = letters.passport_letter(session, visit_id=visit.id, actor=SYSTEM, today=TODAY)
    assert "สมาพันธรัฐสวิส" in passport.body[0] and passport.body[0].count(" ณ ") == 1
    assert [row[1] for row in passport.table.rows] == ["นายประธาน ทดสอบ", "นางสมาชิก ทดสอบ"]
    note = letters.visa_note(session, visit_id=visit.id, iso2="CH", actor=SYSTEM, today=TODAY)
    assert note.embassy == "the Embassy of the Swiss Confederation"
    assert "travel to the Swiss Confederation" in note.request


def test_a_title_that_says_where_gets_the_country_without_a_second_at(session):
    from tests.travel_factories import add_member, give_passport, make_outbound
    from tests.visit_factories import make_principal

    visit = make_outbound(session, title_th="คณะผู้แทนวุฒิสภาเข้าร่วมประชุมสมัชชา IPU ณ นครเจนีวา", cities="")
    head = make_principal(session, "senate-president", honorific_th="นาย", given_name_th="ประธาน",
                          family_name_th="ทดสอบ", given_name_en="Prathan", family_name_en="Thotsop")
    add_member(session, visit.id, head.id, "head")
    give_passport(session, head.id, kind="diplomatic")

    body = letters.passport_letter(session, visit_id=visit.id, actor=SYSTEM, today=TODAY).body[0]
    assert "สมัชชา IPU ณ นครเจนีวา สมาพันธรัฐสวิส ระหว่างวันที่" in body
