"""People, organisations and dated memberships (the Popolo shape)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.factories import make_person, make_user, user_model
from workbench.db import SYSTEM
from workbench.errors import NotFound, PermissionDenied, ValidationError
from workbench.models.people import Person, Post
from workbench.models.users import Role
from workbench.services import people


def post(session, code):
    return session.exec(select(Post).where(Post.code == code)).one()


def senate(session):
    return people.organization_by_code(session, "senate")


def test_a_person_needs_a_thai_or_english_given_name(session):
    with pytest.raises(ValidationError) as caught:
        people.create_person(session, actor=SYSTEM, data={"family_name_th": "นามสกุล"})
    assert caught.value.field == "given_name_th"
    assert "ชื่อ (ภาษาไทย)" in str(caught.value) and "Given name (Thai)" in str(caught.value)


def test_unknown_nationality_is_refused_naming_the_field(session):
    with pytest.raises(NotFound) as caught:
        make_person(session, nationality_id=123456)
    assert caught.value.field == "nationality_id"


def test_display_name_in_thai_and_english(session):
    person = make_person(session, honorific_th="นาย", given_name_th="สมชาย", family_name_th="ใจดี",
                         honorific_en="Mr.", given_name_en="Somchai", family_name_en="Jaidee")
    assert person.display_name("th") == "นายสมชาย ใจดี"
    assert person.display_name("en") == "Mr. Somchai Jaidee"


def test_holder_of_a_post_is_found_by_date(session):
    first, second = make_person(session), make_person(session)
    president = post(session, "senate-president")
    for person, start, end in ((first, "2024-07-10", "2025-06-30"), (second, "2025-07-01", None)):
        people.add_membership(session, actor=SYSTEM, data={
            "person_id": person.id, "organization_id": senate(session).id, "post_id": president.id,
            "start_date": start, "end_date": end})
    assert people.holders(session, post_code="senate-president", on=dt.date(2025, 1, 1)) == [first]
    assert people.holders(session, post_code="senate-president", on=dt.date(2025, 7, 1)) == [second]


def test_a_single_holder_post_refuses_an_overlapping_second_holder(session):
    president = post(session, "senate-president")
    a, b = make_person(session), make_person(session)
    data = {"organization_id": senate(session).id, "post_id": president.id, "start_date": "2024-07-10"}
    people.add_membership(session, actor=SYSTEM, data={**data, "person_id": a.id})
    with pytest.raises(ValidationError) as caught:
        people.add_membership(session, actor=SYSTEM, data={**data, "person_id": b.id, "start_date": "2025-01-01"})
    assert caught.value.field == "post_id"


def test_senators_share_their_post(session):
    senator = post(session, "senator")
    for _ in range(3):
        people.add_membership(session, actor=SYSTEM, data={
            "person_id": make_person(session).id, "organization_id": senate(session).id, "post_id": senator.id,
            "start_date": "2024-07-10"})
    assert len(people.holders(session, post_code="senator", on=dt.date(2025, 1, 1))) == 3


def test_membership_end_before_start_is_refused_and_writes_nothing(session):
    person = make_person(session)
    count = len(session.exec(select(Person)).all())
    with pytest.raises(ValidationError) as caught:
        people.add_membership(session, actor=SYSTEM, data={
            "person_id": person.id, "organization_id": senate(session).id,
            "start_date": "2025-01-02", "end_date": "2025-01-01"})
    assert caught.value.field == "end_date"
    assert len(session.exec(select(Person)).all()) == count


def test_a_post_must_belong_to_the_membership_organisation(session):
    with pytest.raises(ValidationError):
        people.add_membership(session, actor=SYSTEM, data={
            "person_id": make_person(session).id, "organization_id": people.organization_by_code(session, "fao").id,
            "post_id": post(session, "senate-president").id, "start_date": "2025-01-01"})


def test_principals_are_ordered_by_precedence(session):
    for code in ("senate-second-vice-president", "senate-president", "senate-first-vice-president"):
        people.add_membership(session, actor=SYSTEM, data={
            "person_id": make_person(session).id, "organization_id": senate(session).id,
            "post_id": post(session, code).id, "start_date": "2024-07-10"})
    codes = [p.code for p, _ in people.principals(session, on=dt.date(2025, 1, 1))]
    assert codes == ["senate-president", "senate-first-vice-president", "senate-second-vice-president"]


def test_a_viewer_may_not_add_people(session):
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    with pytest.raises(PermissionDenied):
        people.create_person(session, actor=viewer, data={"given_name_th": "ไม่ได้"})


def test_thai_display_name_spaces_an_abbreviated_title_or_a_latin_name(session):
    excellency = make_person(session, honorific_th="ฯพณฯ", given_name_th="อานนท์", family_name_th="ทดสอบ")
    assert excellency.display_name("th") == "ฯพณฯ อานนท์ ทดสอบ"
    latin = make_person(session, honorific_th="นาง", given_name_th="Amina", family_name_th="Test")
    assert latin.display_name("th") == "นาง Amina Test"
