"""Pickers that tell people apart (issue 17, item 6): every person picker shows the title, the name, the position
and the organisation of each person, and finds people by any of them; the service gives what the picker shows."""

from __future__ import annotations

import datetime as dt

from tests.factories import make_person
from workbench.db import SYSTEM
from workbench.services import countries, people
from workbench.ui.choices import Choices
from workbench.ui.person_picker import PersonPicker

DAY = dt.date(2026, 11, 30)


def _org(session, code):
    return people.organization_by_code(session, code)


def _post(session, code):
    from sqlmodel import select

    from workbench.models.people import Post

    return session.exec(select(Post).where(Post.code == code)).one()


def _join(session, person, org, *, post=None, role=("", ""), start=dt.date(2025, 1, 1), end=None):
    people.add_membership(session, actor=SYSTEM, data={
        "person_id": person.id, "organization_id": org.id, "post_id": post.id if post else None,
        "role_th": role[0], "role_en": role[1], "start_date": start, "end_date": end})


def _namesakes(session):
    """Two men called สมชาย ใจดี: a senator who chairs a committee, and an officer of the Foreign Affairs Office."""
    senator = make_person(session, honorific_th="นาย", given_name_th="สมชาย", family_name_th="ใจดี",
                          honorific_en="Mr.", given_name_en="Somchai", family_name_en="Jaidee")
    officer = make_person(session, honorific_th="นาย", given_name_th="สมชาย", family_name_th="ใจดี",
                          honorific_en="Mr.", given_name_en="Somchai", family_name_en="Jaidee")
    senate = _org(session, "senate")
    _join(session, senator, senate, post=_post(session, "senator"))
    _join(session, senator, senate, role=("ประธานคณะทำงาน", "Chair of a working group"))
    _join(session, officer, _org(session, "fao"), role=("เจ้าหน้าที่", "Officer"), end=dt.date(2025, 12, 31))
    _join(session, officer, _org(session, "fao"), role=("นักวิเทศสัมพันธ์ชำนาญการ", "Foreign Relations Officer"),
          start=dt.date(2026, 1, 1))
    return senator, officer


def test_the_service_describes_each_person_by_title_name_position_and_organisation(session):
    senator, officer = _namesakes(session)
    fao = _org(session, "fao")
    found = people.describe_people(session, ids=[officer.id, senator.id], on=DAY)
    assert [c.person_id for c in found] == [officer.id, senator.id]
    assert found[0].label == f"นายสมชาย ใจดี — นักวิเทศสัมพันธ์ชำนาญการ, {fao.name_th}"  # the ended role is gone
    assert found[1].label == "นายสมชาย ใจดี — สมาชิกวุฒิสภา, วุฒิสภา"  # a post before a role
    english = people.describe_people(session, ids=[senator.id], on=DAY, lang="en")[0]
    assert english.label.startswith("Mr. Somchai Jaidee — ") and "Senat" in english.label


def test_a_person_without_a_membership_is_told_by_nationality_and_a_bare_name_stays_bare(session):
    japan = countries.find_country(session, "JP")
    guest = make_person(session, honorific_en="Hon.", given_name_th="", family_name_th="", given_name_en="Kenji",
                        family_name_en="Sato", nationality_id=japan.id)
    bare = make_person(session, honorific_th="นาง", given_name_th="สมศรี", family_name_th="มีสุข")
    labels = [c.label for c in people.describe_people(session, ids=[guest.id, bare.id, 999999], on=DAY)]
    assert labels == [f"Hon. Kenji Sato — {japan.name_th}", "นางสมศรี มีสุข"]


def test_people_are_found_by_their_post_role_or_organisation_on_the_day(session):
    senator, officer = _namesakes(session)
    assert [p.id for p in people.search_people(session, text="สมาชิกวุฒิสภา", on=DAY)] == [senator.id]
    assert [p.id for p in people.search_people(session, text="สมชาย วิเทศ", on=DAY)] == [officer.id]
    assert people.search_people(session, text="เจ้าหน้าที่ ใจดี", on=DAY) == []  # a role that has ended


def test_a_picker_option_reads_title_name_position_and_organisation(engine, session):
    senator, officer = _namesakes(session)
    choices = Choices(engine, DAY)
    picker = PersonPicker("ผู้ติดต่อ", search=choices.search_people, names=choices.person_labels, multiple=False)
    picker.query.value = "ใจดี"
    labels = [label for label, _ in picker.choices.options]
    assert "นายสมชาย ใจดี — สมาชิกวุฒิสภา, วุฒิสภา" in labels
    assert any(label.startswith("นายสมชาย ใจดี — นักวิเทศสัมพันธ์ชำนาญการ, ") for label in labels)
    picker.choices.value = officer.id
    assert picker.value == [officer.id]
    picker.query.value = "วุฒิสภา"  # the chosen person stays listed, and chosen, whatever is searched next
    assert picker.choices.value == officer.id and picker.choices.label.startswith("นายสมชาย ใจดี — นักวิเทศ")
