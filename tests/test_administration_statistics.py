"""Quarterly statistics are computed from the records, never typed in: each figure equals a count made here
independently from the rows; sources that are not installed are 'not available', not zero; classified records
count only for those cleared to see them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from tests.factories import make_person, make_user, user_model
from tests.visit_factories import make_engagement, make_visit
from workbench.db import SYSTEM, transaction
from workbench.errors import ValidationError
from workbench.models.base import Clearance
from workbench.models.briefing import BriefingPack
from workbench.models.budget import BudgetLine, Disbursement, DisbursementTarget
from workbench.models.correspondence import Correspondence
from workbench.models.countries import Country
from workbench.models.interparliamentary import Meeting
from workbench.models.users import Role
from workbench.models.visits import DelegationMember, Engagement, Visit
from workbench.services import correspondence
from workbench.services.administration import sources, statistics
from workbench.thai import fiscal_quarter_bounds, fiscal_year

COUNTED = {"approved", "confirmed", "completed", "reported"}


def independent(session, fy, quarter):
    """The figures of a quarter counted here straight from the rows."""
    start, quarter_end = fiscal_quarter_bounds(fy, quarter)
    end = min(quarter_end, DEMO_TODAY)  # activities begun by today
    regions = {c.id: c.region.value for c in session.exec(select(Country)).all()}
    visits = [v for v in session.exec(select(Visit)).all() if start <= v.start_date <= end and v.status.value in COUNTED]
    engagements = [e for e in session.exec(select(Engagement)).all()
                   if start <= e.start.date() <= end and e.status.value != "cancelled"]
    first_pack: dict[int, dt.datetime] = {}
    for pack in session.exec(select(BriefingPack)).all():
        first_pack[pack.engagement_id] = min(first_pack.get(pack.engagement_id, pack.created_at), pack.created_at)
    lines = {line.id: line for line in session.exec(select(BudgetLine)).all() if line.fiscal_year == fy}
    disbursed = sum((d.amount for d in session.exec(select(Disbursement)).all()
                     if d.line_id in lines and d.entry_date <= quarter_end), Decimal("0"))
    allocated = sum((line.allocated for line in lines.values()), Decimal("0"))
    inbound, outbound = {}, {}
    for visit in visits:
        side = inbound if visit.direction.value == "inbound" else outbound
        side[regions[visit.country_id]] = side.get(regions[visit.country_id], 0) + 1
    return {
        "inbound": inbound, "outbound": outbound,
        "calls": sum(1 for e in engagements if e.kind.value == "courtesy_call"),
        "receptions": sum(1 for e in engagements if e.kind.value == "reception"),
        "briefs": sum(1 for day in first_pack.values() if start <= day.date() <= end),
        "allocated": allocated, "disbursed": disbursed,
    }


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
def test_the_demo_quarters_equal_counts_made_from_the_rows(demo_session, quarter):
    fy = fiscal_year(DEMO_TODAY)
    stats = statistics.quarter_statistics(demo_session, fiscal_year=fy, quarter=quarter, actor=SYSTEM,
                                          today=DEMO_TODAY)
    expected = independent(demo_session, fy, quarter)

    assert {k: v for k, v in stats.inbound_by_region.items() if v} == expected["inbound"]
    assert {k: v for k, v in stats.outbound_by_region.items() if v} == expected["outbound"]
    assert (stats.courtesy_calls, stats.receptions, stats.briefs) == (expected["calls"], expected["receptions"],
                                                                     expected["briefs"])
    assert (stats.budget_allocated, stats.budget_disbursed) == (expected["allocated"], expected["disbursed"])
    target = demo_session.exec(select(DisbursementTarget).where(DisbursementTarget.fiscal_year == fy,
                                                                DisbursementTarget.quarter == quarter)).first()
    assert stats.budget_target_percent == (target.cumulative_percent if target else None)


def test_the_demo_year_has_something_to_count(demo_session):
    fy = fiscal_year(DEMO_TODAY)
    quarters = statistics.year_statistics(demo_session, fiscal_year=fy, actor=SYSTEM, today=DEMO_TODAY)
    assert sum(q.inbound_visits + q.outbound_visits for q in quarters) > 0
    assert sum(q.courtesy_calls for q in quarters) > 0


def test_a_source_whose_feature_is_absent_is_not_available(session, monkeypatch):
    monkeypatch.setattr(statistics, "_SOURCES", {})
    monkeypatch.setattr(statistics, "OPTIONAL", {"documents_registered": ("workbench.services.no_such_feature", "x"),
                                                 "meetings_attended": ("workbench.services.visits", "no_such_count")})
    stats = statistics.quarter_statistics(session, fiscal_year=2570, quarter=1, actor=SYSTEM)
    for name in ("documents_registered", "meetings_attended"):
        assert getattr(stats, name) is None and name in stats.not_available


def attended_from_the_rows(session, start, end):
    """Meetings opening in the period whose visit went ahead with a Thai delegation, counted here from the rows."""
    members = {m.visit_id for m in session.exec(select(DelegationMember)).all()}
    statuses = {v.id: v.status.value for v in session.exec(select(Visit)).all()}
    return sum(1 for m in session.exec(select(Meeting)).all()
               if start <= m.start_date <= end and m.visit_id in members and statuses[m.visit_id] in COUNTED)


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
def test_documents_registered_and_meetings_attended_are_what_their_features_count(demo_session, quarter):
    fy = fiscal_year(DEMO_TODAY)
    stats = statistics.quarter_statistics(demo_session, fiscal_year=fy, quarter=quarter, actor=SYSTEM,
                                          today=DEMO_TODAY)
    start, end = stats.start, min(stats.end, DEMO_TODAY)

    registered = correspondence.count_registered(demo_session, start=start, end=end, actor=SYSTEM)[0]
    attended = sources.count_meetings_attended(demo_session, start=start, end=end, actor=SYSTEM)[0]

    assert stats.documents_registered == registered
    assert stats.meetings_attended == attended
    assert not {"documents_registered", "meetings_attended"} & set(stats.not_available)
    rows = [d for d in demo_session.exec(select(Correspondence)).all() if start <= d.registered_at.date() <= end]
    assert registered == len(rows)
    assert attended == attended_from_the_rows(demo_session, start, end)


def test_the_demo_year_registers_documents_and_attends_meetings(demo_session):
    quarters = statistics.year_statistics(demo_session, fiscal_year=fiscal_year(DEMO_TODAY), actor=SYSTEM,
                                          today=DEMO_TODAY)
    assert sum(q.documents_registered for q in quarters) > 0
    assert sum(q.meetings_attended for q in quarters) > 0


def test_a_meeting_attended_on_a_classified_visit_counts_only_for_those_cleared(session):
    from workbench.services import visits
    from workbench.services.interparliamentary import meetings

    visit = make_visit(session, direction="outbound", classification=Clearance.SECRET,
                       start_date=dt.date(2026, 10, 20), end_date=dt.date(2026, 10, 24))
    visits.change_status(session, visit_id=visit.id, status="approved", actor=SYSTEM)
    visits.add_delegation_member(session, actor=SYSTEM, data={"visit_id": visit.id,
                                                              "person_id": make_person(session).id})
    meeting = meetings.create_meeting(session, actor=SYSTEM, data={
        "organization_id": meetings.organization_by_code(session, "AIPA").id, "kind": "executive_committee",
        "title_th": "ประชุมคณะกรรมการบริหาร AIPA", "start_date": dt.date(2026, 10, 21),
        "end_date": dt.date(2026, 10, 22)})
    with transaction(session, actor=SYSTEM):  # the meeting's delegation travels on the secret visit
        meeting = session.get(Meeting, meeting.id)
        meeting.visit_id = visit.id
        session.add(meeting)
    cleared = user_model(session, make_user(session, role=Role.ADMIN_OFFICER, clearance=Clearance.SECRET))
    uncleared = user_model(session, make_user(session, role=Role.ADMIN_OFFICER))

    seen = statistics.quarter_statistics(session, fiscal_year=2570, quarter=1, actor=cleared, today=DEMO_TODAY)
    hidden = statistics.quarter_statistics(session, fiscal_year=2570, quarter=1, actor=uncleared, today=DEMO_TODAY)

    assert (seen.meetings_attended, int(seen.classification)) == (1, int(Clearance.SECRET))
    assert (hidden.meetings_attended, int(hidden.classification)) == (0, 0)


def test_a_registered_source_is_counted(session, monkeypatch):
    monkeypatch.setattr(statistics, "_SOURCES", {})
    statistics.register_source("meetings_attended", lambda session, *, start, end, actor: (3, 0))
    stats = statistics.quarter_statistics(session, fiscal_year=2570, quarter=1, actor=SYSTEM)
    assert stats.meetings_attended == 3 and "meetings_attended" not in stats.not_available


def test_activities_not_yet_begun_are_not_counted(session):
    from workbench.services import visits

    visit = make_visit(session, start_date=dt.date(2026, 12, 10), end_date=dt.date(2026, 12, 12))
    visits.change_status(session, visit_id=visit.id, status="approved", actor=SYSTEM)
    before = statistics.quarter_statistics(session, fiscal_year=2570, quarter=1, actor=SYSTEM,
                                           today=dt.date(2026, 12, 9))
    after = statistics.quarter_statistics(session, fiscal_year=2570, quarter=1, actor=SYSTEM,
                                          today=dt.date(2026, 12, 10))
    assert (before.inbound_visits, after.inbound_visits) == (0, 1)


def test_cancelled_and_proposed_visits_are_not_activities(session):
    counted = make_visit(session, start_date=dt.date(2026, 11, 3), end_date=dt.date(2026, 11, 5))
    statistics_before = statistics.quarter_statistics(session, fiscal_year=2570, quarter=1, actor=SYSTEM,
                                                      today=dt.date(2026, 12, 31))
    assert statistics_before.inbound_visits == 0  # still proposed

    from workbench.services import visits

    visits.change_status(session, visit_id=counted.id, status="approved", actor=SYSTEM)
    other = make_visit(session, start_date=dt.date(2026, 11, 10), end_date=dt.date(2026, 11, 12))
    visits.change_status(session, visit_id=other.id, status="cancelled", reason="เลื่อน", actor=SYSTEM)
    make_engagement(session, start=dt.datetime(2026, 11, 4, 10), end=dt.datetime(2026, 11, 4, 11))

    stats = statistics.quarter_statistics(session, fiscal_year=2570, quarter=1, actor=SYSTEM,
                                          today=dt.date(2026, 12, 31))
    assert (stats.inbound_visits, stats.inbound_by_region["asia"], stats.courtesy_calls) == (1, 1, 1)


def test_a_classified_visit_counts_only_for_those_cleared(session):
    visit = make_visit(session, start_date=dt.date(2026, 11, 3), end_date=dt.date(2026, 11, 5),
                       classification=Clearance.SECRET)
    from workbench.services import visits

    visits.change_status(session, visit_id=visit.id, status="approved", actor=SYSTEM)
    cleared = user_model(session, make_user(session, role=Role.ADMIN_OFFICER, clearance=Clearance.SECRET))
    uncleared = user_model(session, make_user(session, role=Role.ADMIN_OFFICER))

    seen = statistics.quarter_statistics(session, fiscal_year=2570, quarter=1, actor=cleared, today=dt.date(2026, 12, 31))
    unseen = statistics.quarter_statistics(session, fiscal_year=2570, quarter=1, actor=uncleared,
                                           today=dt.date(2026, 12, 31))
    assert (seen.inbound_visits, seen.classification) == (1, Clearance.SECRET)
    assert (unseen.inbound_visits, unseen.classification) == (0, Clearance.NONE)


def test_classified_calls_receptions_and_briefs_count_only_for_those_cleared(session):
    call = make_engagement(session, start=dt.datetime(2026, 11, 4, 10), end=dt.datetime(2026, 11, 4, 11),
                           classification=Clearance.SECRET)
    make_engagement(session, kind="reception", start=dt.datetime(2026, 11, 5, 18), end=dt.datetime(2026, 11, 5, 20),
                    classification=Clearance.SECRET)
    with transaction(session, actor=SYSTEM):
        session.add(BriefingPack(engagement_id=call.id, version=1, created_at=dt.datetime(2026, 11, 3, 9)))
    cleared = user_model(session, make_user(session, role=Role.ADMIN_OFFICER, clearance=Clearance.SECRET))
    uncleared = user_model(session, make_user(session, role=Role.ADMIN_OFFICER))

    seen, unseen = (statistics.quarter_statistics(session, fiscal_year=2570, quarter=1, actor=who,
                                                  today=dt.date(2026, 12, 31)) for who in (cleared, uncleared))
    assert (seen.courtesy_calls, seen.receptions, seen.briefs, seen.classification) == (1, 1, 1, Clearance.SECRET)
    assert (unseen.courtesy_calls, unseen.receptions, unseen.briefs, unseen.classification) == (0, 0, 0,
                                                                                                 Clearance.NONE)


@pytest.mark.parametrize("fy, quarter, field", [(2570, 5, "quarter"), (70, 1, "fiscal_year")])
def test_a_quarter_outside_the_calendar_is_refused(session, fy, quarter, field):
    with pytest.raises(ValidationError) as error:
        statistics.quarter_statistics(session, fiscal_year=fy, quarter=quarter, actor=SYSTEM)
    assert error.value.field == field


def test_plan_progress_adds_quarters_and_compares_with_the_target(demo_session):
    fy = fiscal_year(DEMO_TODAY)
    rows = {r["code"]: r for r in statistics.plan_progress(demo_session, fiscal_year=fy, actor=SYSTEM,
                                                                       today=DEMO_TODAY)}
    quarters = statistics.year_statistics(demo_session, fiscal_year=fy, actor=SYSTEM, today=DEMO_TODAY)
    calls = rows["P03"]
    assert calls["actual"] == sum(q.courtesy_calls for q in quarters)
    assert calls["reached_percent"] == (Decimal(calls["actual"]) * 100 / calls["target"]).quantize(Decimal("0.1"))
    assert rows["P06"]["actual"] == quarters[-1].budget_disbursed_percent
