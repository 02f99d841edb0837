"""Recurring meetings are entered once with their cadence: their dates, numbers and hosts are generated for years
ahead from reference data (cadence, host rotation, lead times), and they appear on the visit calendar with their
preparation timeline counted back from the opening date."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.factories import make_user, user_model
from workbench.db import SYSTEM, transaction
from workbench.errors import ValidationError
from workbench.models.interparliamentary import LeadTime, PrepTask
from workbench.models.users import Role
from workbench.services.calendar import calendar_items
from workbench.services.interparliamentary import meetings


def org_id(session, code):
    return meetings.organization_by_code(session, code).id


def predicted(session, code, first, last):
    return [r for r in meetings.list_meetings(session, actor=SYSTEM, first=first, last=last,
                                              organization_id=org_id(session, code)) if r.projected]


def test_ipu_assemblies_are_generated_twice_a_year_for_years_ahead_with_consecutive_numbers(session):
    rows = predicted(session, "IPU", dt.date(2027, 1, 1), dt.date(2031, 12, 31))

    assert [r.start.month for r in rows] == [4, 10] * 5
    assert [r.number for r in rows] == list(range(154, 164))
    assert rows[0].title_th == "การประชุมสมัชชาสหภาพรัฐสภา ครั้งที่ 154"
    assert all(r.country_en == "Switzerland" and r.city == "เจนีวา" for r in rows if r.start.month == 10)


def test_a_host_known_for_a_year_wins_over_the_rotation(session):
    rows = predicted(session, "IPU", dt.date(2026, 1, 1), dt.date(2026, 12, 31))

    assert [(r.number, r.country_en) for r in rows] == [(152, "Türkiye"), (153, "Switzerland")]


def test_aipa_general_assemblies_rotate_their_host_yearly(session):
    rows = predicted(session, "AIPA", dt.date(2026, 1, 1), dt.date(2036, 12, 31))

    hosts = [(r.start.year, r.number, r.country_en) for r in rows]
    assert hosts[:4] == [(2026, 47, "Philippines"), (2027, 48, "Singapore"), (2028, 49, "Thailand"),
                         (2029, 50, "Vietnam")]
    assert hosts[10][2] == hosts[0][2]  # ten hosts, then the cycle starts again


def test_a_meeting_at_home_has_no_travel_documents_step(session):
    aipa_2028 = predicted(session, "AIPA", dt.date(2028, 1, 1), dt.date(2028, 12, 31))[0]
    abroad_2027 = predicted(session, "AIPA", dt.date(2027, 1, 1), dt.date(2027, 12, 31))[0]

    assert "travel_documents" not in {s.code for s in aipa_2028.prep}
    assert "travel_documents" in {s.code for s in abroad_2027.prep}


def test_entering_a_predicted_meeting_makes_its_preparation_timeline_from_the_lead_times(session):
    row = predicted(session, "IPU", dt.date(2027, 1, 1), dt.date(2027, 6, 30))[0]

    meeting = meetings.enter_predicted(session, key=row.key, actor=SYSTEM)

    tasks = session.exec(select(PrepTask).where(PrepTask.meeting_id == meeting.id)).all()
    lead = {t.code: t.days_before for t in session.exec(select(LeadTime)).all()}
    assert {t.code for t in tasks} == set(lead)  # abroad: every step
    assert all(t.due_date == meeting.start_date - dt.timedelta(days=lead[t.code]) for t in tasks)
    assert meeting.number == 154 and meeting.start_date == dt.date(2027, 4, 15)
    again = meetings.list_meetings(session, actor=SYSTEM, first=dt.date(2027, 1, 1), last=dt.date(2027, 6, 30),
                                   organization_id=meeting.organization_id)
    assert [(r.id, r.number) for r in again] == [(meeting.id, 154)]  # the prediction is replaced, not doubled
    with pytest.raises(ValidationError):
        meetings.enter_predicted(session, key=row.key, actor=SYSTEM)


def test_lead_times_are_data_a_changed_lead_time_changes_the_timeline(session):
    registration = session.exec(select(LeadTime).where(LeadTime.code == "registration")).one()
    with transaction(session, actor=SYSTEM):  # as `workbench init` does after the CSV is edited
        registration.days_before = 75
        session.add(registration)

    row = predicted(session, "IPU", dt.date(2027, 1, 1), dt.date(2027, 6, 30))[0]

    step = next(s for s in row.prep if s.code == "registration")
    assert step.due == row.start - dt.timedelta(days=75)


def test_moving_the_opening_moves_the_steps_not_yet_done(session):
    row = predicted(session, "IPU", dt.date(2027, 1, 1), dt.date(2027, 6, 30))[0]
    meeting = meetings.enter_predicted(session, key=row.key, actor=SYSTEM)
    first = meetings.meeting_row(session, meeting_id=meeting.id, actor=SYSTEM).prep[0]
    meetings.set_prep_done(session, task_id=first.task_id, done=True, actor=SYSTEM)

    meetings.update_meeting(session, meeting_id=meeting.id, data={"start_date": dt.date(2027, 4, 22),
                                                                  "end_date": dt.date(2027, 4, 26)}, actor=SYSTEM)

    steps = {s.code: s for s in meetings.meeting_row(session, meeting_id=meeting.id, actor=SYSTEM).prep}
    assert steps[first.code].due == first.due  # done: stays
    assert steps["briefing"].due == dt.date(2027, 4, 15)


def test_predicted_meetings_are_on_the_calendar_years_ahead_marked_with_their_timeline(session):
    viewer = user_model(session, make_user(session, role=Role.VIEWER))

    # the 160th IPU Assembly (April 2030), not entered: on the calendar with the deadlines it would have
    january = calendar_items(session, actor=viewer, first=dt.date(2030, 1, 1), last=dt.date(2030, 1, 31))
    april = calendar_items(session, actor=viewer, first=dt.date(2030, 4, 1), last=dt.date(2030, 4, 30))

    [assembly] = [i for i in april if i.kind == "ip_meeting" and "ครั้งที่ 160" in i.title_th]
    assert assembly.status == "predicted" and assembly.title_th == "(คาดการณ์) การประชุมสมัชชาสหภาพรัฐสภา ครั้งที่ 160"
    assert assembly.title_en.startswith("(predicted) ")
    assert assembly.record_id == 0 and assembly.uid == "ip-predicted-ipu-assembly-2030-1"
    assert assembly.start.date() == dt.date(2030, 4, 15) and assembly.end.date() == dt.date(2030, 4, 19)
    approval = [i for i in january if i.kind == "ip_deadline" and "ครั้งที่ 160" in i.title_th]
    assert [(i.start.date(), i.status) for i in approval] == [(dt.date(2030, 1, 15), "predicted")]  # 90 days before
    assert approval[0].title_th.startswith("(คาดการณ์) ขออนุมัติองค์ประกอบคณะผู้แทน: ")
    march = calendar_items(session, actor=viewer, first=dt.date(2030, 3, 1), last=dt.date(2030, 3, 31))
    steps = {i.title_th.removeprefix("(คาดการณ์) ").split(":")[0] for i in march if "ครั้งที่ 160" in i.title_th}
    assert steps == {"หนังสือเดินทางและการตรวจลงตรา", "หนังสือแต่งตั้งผู้แทน (credentials)",
                     "เอกสารท่าทีไทย"}  # 45, 30 and 21 days before 15 April


def test_an_entered_meeting_takes_the_place_of_its_prediction_on_the_calendar(session):
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    april = (dt.date(2027, 4, 1), dt.date(2027, 4, 30))
    before = [i for i in calendar_items(session, actor=viewer, first=april[0], last=april[1]) if "154" in i.title_th]
    assert [(i.kind, i.status) for i in before] == [("ip_deadline", "predicted"), ("ip_meeting", "predicted")]
    row = predicted(session, "IPU", dt.date(2027, 1, 1), dt.date(2027, 6, 30))[0]
    meeting = meetings.enter_predicted(session, key=row.key, actor=SYSTEM)

    january = calendar_items(session, actor=viewer, first=dt.date(2027, 1, 1), last=dt.date(2027, 1, 31))
    after = [i for i in calendar_items(session, actor=viewer, first=april[0], last=april[1])
             if "154" in i.title_th and i.kind == "ip_meeting"]

    deadlines = [i for i in january if i.kind == "ip_deadline" and "ครั้งที่ 154" in i.title_th]
    assert [(i.title_th.split(":")[0], i.status, i.record_id) for i in deadlines] == [
        ("ขออนุมัติองค์ประกอบคณะผู้แทน", "planned", meeting.id)]  # 90 days before 15 April 2027
    assert [(i.kind, i.status, i.title_th) for i in after] == [
        ("ip_meeting", "planned", "การประชุมสมัชชาสหภาพรัฐสภา ครั้งที่ 154")]  # not doubled, no longer marked


def test_bad_input_is_refused_naming_the_field_and_writes_nothing(session):
    from workbench.models.interparliamentary import Meeting

    with pytest.raises(ValidationError) as error:
        meetings.create_meeting(session, actor=SYSTEM, data={
            "organization_id": org_id(session, "IPU"), "kind": "workshop", "title_th": "สัมมนา",
            "start_date": dt.date(2027, 3, 2), "end_date": dt.date(2027, 3, 1)})
    assert error.value.field == "end_date"
    with pytest.raises(ValidationError):
        meetings.enter_predicted(session, key="ipu-assembly:2027:9", actor=SYSTEM)
    assert session.exec(select(Meeting)).all() == []
