"""Performance at twenty years of office data, the reads staff wait for: the correspondence register list, the
calendar month (with its schedule warnings), a country's relations history and the briefing pack cost the same
number of SQL statements whether they show a few rows or many (no query per row, per person or per document).

(Speed targets themselves are measured by ``make bench``, not tested.)
"""

from __future__ import annotations

import datetime as dt

from tests.briefing_factories import country, make_note, make_point
from tests.correspondence_factories import clerk, letter
from tests.factories import make_person
from tests.test_performance import counting_statements
from tests.visit_factories import make_engagement, make_visit
from workbench.db import SYSTEM
from workbench.models.base import Clearance
from workbench.models.users import Role
from workbench.services import briefing, calendar, countries, monitoring, records
from workbench.services.correspondence import registers


def statements(read) -> tuple[object, int]:
    with counting_statements() as seen:
        found = read()
    return found, len(seen)


# --- the correspondence register -------------------------------------------------------------------------------

def add_letters(session, count: int, *, offset: int) -> None:
    """``count`` letters, each assigned to an officer of its own (a person of their own) on registering."""
    for number in range(count):
        officer = clerk(session, role=Role.ANALYST)
        registers.register_document(session, actor=SYSTEM, data=letter(
            subject=f"หนังสือที่ {offset + number}", assignee_id=officer.id,
            registered_at=dt.datetime(2026, 3, 1, 9) + dt.timedelta(hours=offset + number)))


def test_the_register_list_costs_the_same_statements_for_3_or_15_letters(session):
    add_letters(session, 3, offset=0)
    session.expire_all()
    few, small = statements(lambda: registers.list_documents(session, actor=SYSTEM))
    page_few, small_page = statements(lambda: registers.register_page(session, actor=SYSTEM, register="incoming",
                                                                      year=2026))

    add_letters(session, 12, offset=100)
    session.expire_all()
    many, large = statements(lambda: registers.list_documents(session, actor=SYSTEM))
    page_many, large_page = statements(lambda: registers.register_page(session, actor=SYSTEM, register="incoming",
                                                                       year=2026))

    assert (len(few), len(many), len(page_few), len(page_many)) == (3, 15, 3, 15)
    # every letter still names its own officer, in Thai, from the one joined query
    assert all(doc.assignee_name.startswith("ทดสอบ") and doc.assignee_name.endswith("ตัวอย่าง") for doc in many)
    assert len({doc.assignee_name for doc in many}) == 15
    assert large == small <= 4 and large_page == small_page <= 4


# --- the calendar month ----------------------------------------------------------------------------------------

def add_month(session, count: int, *, offset: int) -> None:
    """``count`` outbound visits in December 2026, each headed by a principal of its own who is also booked at
    home during the trip (a schedule warning each), and an inbound engagement with its own principal."""
    for number in range(count):
        principal = make_person(session)
        first = dt.date(2026, 12, 1) + dt.timedelta(days=(offset + number) % 25)
        make_visit(session, direction="outbound", title_th=f"เยือน {offset + number}", start_date=first,
                   end_date=first + dt.timedelta(days=2), principal_id=principal.id)
        start = dt.datetime.combine(first + dt.timedelta(days=1), dt.time(10))
        make_engagement(session, title_th=f"คารวะ {offset + number}", start=start,
                        end=start + dt.timedelta(hours=1), principal_ids=[principal.id])


def month(session) -> tuple[list, list]:
    first, last = dt.date(2026, 12, 1), dt.date(2026, 12, 31)
    return (calendar.calendar_items(session, actor=SYSTEM, first=first, last=last),
            calendar.schedule_warnings(session, actor=SYSTEM, first=first, last=last))


def test_the_calendar_month_costs_the_same_statements_for_2_or_10_visits(session):
    add_month(session, 2, offset=0)
    session.expire_all()
    (few_items, few_warnings), small = statements(lambda: month(session))

    add_month(session, 8, offset=2)
    session.expire_all()
    (many_items, many_warnings), large = statements(lambda: month(session))

    visits_and_calls = [item for item in many_items if item.item_type in ("visit", "engagement")]
    assert (len([i for i in few_items if i.item_type == "visit"]), len(visits_and_calls)) == (2, 20)
    assert all(item.principal_names for item in visits_and_calls)  # each visit names its own principal
    assert (len(few_warnings), len(many_warnings)) == (2, 10)  # each trip clashes with its principal's call
    assert large == small


# --- a country's relations history and the briefing pack --------------------------------------------------------

def add_history(session, count: int, *, offset: int) -> None:
    """``count`` of each: visits to Japan, courtesy calls (with a record of conversation), agreements, notes and
    talking points."""
    japan = country(session, "JP")
    for number in range(count):
        year = 2010 + offset + number
        make_visit(session, title_th=f"เยือนญี่ปุ่น {year}", start_date=dt.date(year, 3, 1),
                   end_date=dt.date(year, 3, 3))
        call = make_engagement(session, title_th=f"ทูตญี่ปุ่นเข้าเยี่ยมคารวะ {year}", start=dt.datetime(year, 6, 2, 10),
                               end=dt.datetime(year, 6, 2, 11))
        records.record_conversation(session, actor=SYSTEM, data={"engagement_id": call.id,
                                                                  "summary": f"หารือเรื่องการค้า {year}"})
        monitoring.record_agreement(session, actor=SYSTEM, data={
            "country_id": japan.id, "kind": "mou", "title_th": f"บันทึกความเข้าใจ {year}",
            "signed_on": dt.date(year, 8, 15), "parties": "วุฒิสภาไทย; สภาที่ปรึกษาญี่ปุ่น"})
        make_note(session, title=f"บันทึก {year}", noted_on=dt.date(2026, 10, 1) - dt.timedelta(days=number + offset))
        make_point(session, topic=f"ประเด็น {year}")


def test_relations_history_costs_the_same_statements_for_2_or_8_years(session):
    japan = country(session, "JP")
    add_history(session, 2, offset=0)
    session.expire_all()
    few, small = statements(lambda: countries.relations_history(session, country_id=japan.id, actor=SYSTEM))

    add_history(session, 6, offset=2)
    session.expire_all()
    many, large = statements(lambda: countries.relations_history(session, country_id=japan.id, actor=SYSTEM))

    assert (len(few), len(many)) == (2 * 4, 8 * 4)  # a visit, a call, its record and an agreement a year
    assert large == small


def test_the_briefing_pack_costs_the_same_statements_for_one_guest_or_five_and_a_longer_history(session):
    japan = country(session, "JP")
    add_history(session, 2, offset=0)
    nationals = [make_person(session, nationality_id=japan.id) for _ in range(5)]
    small_call = make_engagement(session, title_th="คารวะ", start=dt.datetime(2026, 11, 20, 10),
                                 end=dt.datetime(2026, 11, 20, 11), guest_ids=[nationals[0].id])
    session.expire_all()
    few, small = statements(lambda: briefing.assemble_pack(session, engagement_id=small_call.id, actor=SYSTEM,
                                                           lang="th", today=dt.date(2026, 11, 30)))

    add_history(session, 6, offset=2)
    large_call = make_engagement(session, title_th="คารวะอีกครั้ง", start=dt.datetime(2026, 11, 21, 10),
                                 end=dt.datetime(2026, 11, 21, 11), guest_ids=[p.id for p in nationals],
                                 classification=Clearance.NONE)
    session.expire_all()
    many, large = statements(lambda: briefing.assemble_pack(session, engagement_id=large_call.id, actor=SYSTEM,
                                                            lang="th", today=dt.date(2026, 11, 30)))

    def section(pack, kind):
        return next(s for s in pack.sections if s.kind == kind)

    assert (len(section(few, "biography").items), len(section(many, "biography").items)) == (1, 5)
    assert all("ญี่ปุ่น" in item.meta for item in section(many, "biography").items)  # nationality, looked up once
    assert len(many.points) == 8 and len(few.points) == 2
    assert large == small
