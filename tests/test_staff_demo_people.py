"""The demo office's people read like real ones (issue 17, item 6): no two demo people share a name, no name sounds
like a placeholder, the five demo users are five different people (not two ณัฐพล), and dietary needs are written in
Thai for the Thai pages."""

from __future__ import annotations

import re
from collections import Counter

from sqlmodel import select

from workbench.models.people import Person
from workbench.models.users import User
from workbench.models.visits import DelegationMember, EngagementParticipant

PLACEHOLDER_WORDS = ("placeholder", "test", "example", "sample", "demo", "fictional", "mock", "pseudonym",
                     "ทดสอบ", "ตัวอย่าง", "สมมติ", "ทดลอง", "สาธิต", "จำลอง", "เพลสโฮลเดอร์", "เอ็กแซมเปิล")
THAI = re.compile("[\u0e00-\u0e7f]")


def _names(people: list[Person], lang: str) -> list[str]:
    return [" ".join(p.display_name(lang).split()) for p in people]


def test_no_two_demo_people_share_a_name_in_thai_or_english(demo_session):
    people = list(demo_session.exec(select(Person)).all())
    assert len(people) > 100
    for lang in ("th", "en"):
        doubles = {name: n for name, n in Counter(_names(people, lang)).items() if n > 1}
        assert doubles == {}, lang


def test_no_demo_name_sounds_like_a_placeholder(demo_session):
    for person in demo_session.exec(select(Person)).all():
        name = " ".join((person.given_name_th, person.family_name_th, person.given_name_en,
                         person.family_name_en)).lower()
        assert not [word for word in PLACEHOLDER_WORDS if word in name], name


def test_the_demo_users_are_different_people_with_different_given_names(demo_session):
    users = demo_session.exec(select(User)).all()
    people = [demo_session.get(Person, u.person_id) for u in users]
    assert len(users) == 5 and len({p.id for p in people}) == 5
    assert len({p.given_name_th for p in people}) == 5 and len({p.given_name_en for p in people}) == 5


def test_guests_have_thai_names_and_thai_dietary_needs(demo_session):
    guests = demo_session.exec(select(Person).join(EngagementParticipant,
                                                   EngagementParticipant.person_id == Person.id)
                               .where(EngagementParticipant.side == "guest")).all()
    assert guests and all(THAI.search(p.display_name("th")) for p in guests)
    diets = {m.dietary for m in demo_session.exec(select(DelegationMember)).all()} - {""}
    assert diets and all(THAI.search(diet) for diet in diets), diets
    assert "ไม่รับประทานเนื้อหมู" in diets
