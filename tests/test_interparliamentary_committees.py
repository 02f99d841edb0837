"""The Thai national groups' executive committees are dated memberships: who sat on the committee on a given day,
and Thailand's seats on the organisations' committees and working bodies."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from tests.factories import make_person
from workbench.db import SYSTEM
from workbench.models.people import Post
from workbench.services import people
from workbench.services.interparliamentary import committees


def post(session, code):
    return session.exec(select(Post).where(Post.code == code)).one()


def seat(session, person, post_code, start, end=None):
    committee = people.organization_by_code(session, f"{post_code.split('-')[0]}-thai-group-excom")
    return people.add_membership(session, actor=SYSTEM, data={
        "person_id": person.id, "organization_id": committee.id, "post_id": post(session, post_code).id,
        "start_date": start, "end_date": end})


def names_on(session, day):
    return [(s.person_th, s.post_en) for s in committees.executive_committee(session, actor=SYSTEM,
                                                                            group_code="ipu-thai-group", on=day)]


def test_who_sat_on_the_executive_committee_on_a_given_day(session):
    old, new, member = make_person(session), make_person(session), make_person(session)
    seat(session, old, "ipu-excom-president", dt.date(2025, 1, 1), dt.date(2026, 3, 31))
    seat(session, new, "ipu-excom-president", dt.date(2026, 4, 1))
    seat(session, member, "ipu-excom-member", dt.date(2025, 6, 1), dt.date(2026, 6, 30))

    assert names_on(session, dt.date(2025, 3, 1)) == [(old.display_name(), "President of the Executive Committee")]
    assert names_on(session, dt.date(2026, 3, 31)) == [(old.display_name(), "President of the Executive Committee"),
                                                       (member.display_name(), "Member of the Executive Committee")]
    assert names_on(session, dt.date(2026, 4, 1))[0][0] == new.display_name()
    assert names_on(session, dt.date(2026, 7, 1)) == [(new.display_name(), "President of the Executive Committee")]
    assert len(committees.executive_committee(session, actor=SYSTEM, group_code="ipu-thai-group")) == 3


def test_the_demo_office_changed_the_ipu_group_president_during_the_year(demo_session):
    before = committees.executive_committee(demo_session, actor=SYSTEM, group_code="ipu-thai-group",
                                            on=DEMO_TODAY - dt.timedelta(days=200))
    now = committees.executive_committee(demo_session, actor=SYSTEM, group_code="ipu-thai-group", on=DEMO_TODAY)

    president = [s.person_th for s in before if s.post_en.startswith("President")]
    assert president and president != [s.person_th for s in now if s.post_en.startswith("President")]


def test_thailand_holds_seats_on_ipu_bodies(demo_session):
    seats = committees.thai_seats(demo_session, actor=SYSTEM, organization_code="IPU", on=DEMO_TODAY)

    bodies = {s.organization_en for s in seats}
    assert "IPU Standing Committee on Peace and International Security" in bodies
    assert "IPU Forum of Women Parliamentarians" in bodies


def test_a_national_group_cannot_have_two_presidents_at_once(session):
    from workbench.errors import ValidationError
    from workbench.models.people import Membership

    first, second, third = make_person(session), make_person(session), make_person(session)
    seat(session, first, "ipu-excom-president", dt.date(2025, 1, 1), dt.date(2026, 3, 31))
    before = len(session.exec(select(Membership)).all())

    for start, end in ((dt.date(2026, 3, 31), None), (dt.date(2024, 6, 1), dt.date(2025, 1, 1)),
                       (dt.date(2025, 5, 1), dt.date(2025, 6, 1))):
        with pytest.raises(ValidationError) as refused:
            seat(session, second, "ipu-excom-president", start, end)
        assert refused.value.field == "post_id" and "ตำแหน่งนี้มีผู้ดำรงอยู่แล้ว" in refused.value.bilingual()
    assert len(session.exec(select(Membership)).all()) == before  # nothing written

    seat(session, second, "ipu-excom-president", dt.date(2026, 4, 1))  # the day after: a successor
    seat(session, third, "appf-excom-president", dt.date(2025, 1, 1))  # another group's president
    seat(session, third, "ipu-excom-member", dt.date(2025, 1, 1))
    seat(session, first, "ipu-excom-member", dt.date(2025, 1, 1))  # members are many at once
    assert [s.person_th for s in committees.executive_committee(
        session, actor=SYSTEM, group_code="ipu-thai-group", on=dt.date(2026, 5, 1)) if s.post_en.startswith("President")
            ] == [second.display_name()]


def test_ending_a_presidency_later_may_not_run_into_the_successors_term(session):
    from workbench.errors import ValidationError

    first, second = make_person(session), make_person(session)
    old = seat(session, first, "ipu-excom-president", dt.date(2025, 1, 1), dt.date(2026, 3, 31))
    seat(session, second, "ipu-excom-president", dt.date(2026, 4, 1))

    with pytest.raises(ValidationError) as refused:
        people.end_membership(session, membership_id=old.id, end_date=dt.date(2026, 4, 1), actor=SYSTEM)
    assert refused.value.field == "post_id"
    people.end_membership(session, membership_id=old.id, end_date=dt.date(2026, 2, 28), actor=SYSTEM)  # earlier: fine
    session.expire_all()
    assert names_on(session, dt.date(2026, 3, 15)) == []
