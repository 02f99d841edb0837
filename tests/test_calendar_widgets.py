"""The visit calendar dashboard's widgets, without a browser: set values, click buttons, read the database."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re

import openpyxl
import pytest
from icalendar import Calendar
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from tests.factories import make_person, make_user, user_model
from tests.visit_factories import country_id, make_engagement, make_principal, make_visit
from workbench.db import new_session
from workbench.models.users import Role
from workbench.models.visits import ConversationRecord, Engagement, FollowUp, Visit
from workbench.ui.visits.dashboard import VisitsApp

TODAY = dt.date(2026, 12, 10)
DEC = lambda day: dt.date(2026, 12, day)  # noqa: E731


@pytest.fixture(autouse=True)
def _visits_and_engagements_only(monkeypatch):
    """These tests are about visits and engagements: the items other features put on the calendar (such as the
    inter-parliamentary meetings the reference data predicts every month) are tested in their own files."""
    monkeypatch.setattr("workbench.services.calendar.PROVIDERS", [])


@pytest.fixture
def protocol(session):
    return user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))


@pytest.fixture
def president(session):
    return make_principal(session, given_name_th="ประธาน", family_name_th="ทดสอบ")


def app_for(engine, user, today=TODAY) -> VisitsApp:
    return VisitsApp(engine, user, today=today)


def payload_of(link_html: str) -> bytes:
    return base64.b64decode(re.search(r'href="data:[^;]+;base64,([^"]+)"', link_html).group(1))


def count(engine, model) -> int:
    with new_session(engine) as session:
        return len(session.exec(select(model)).all())


# --- month, week and agenda -----------------------------------------------------------------------------

def test_the_month_shows_items_on_their_days_in_thai(engine, session, protocol):
    make_visit(session, title_th="คณะผู้แทนญี่ปุ่น")  # 1-4 December
    make_engagement(session, title_th="ทูตเข้าเยี่ยมคารวะ")  # 2 December 10.00
    app = app_for(engine, protocol)
    calendar = app.calendar
    assert calendar.title == "ธันวาคม 2569"
    assert calendar.titles_on(DEC(2)) == ["คณะผู้แทนญี่ปุ่น", "10.00 น. ทูตเข้าเยี่ยมคารวะ"]
    assert calendar.titles_on(DEC(4)) == ["คณะผู้แทนญี่ปุ่น"]
    assert calendar.titles_on(DEC(5)) == []
    # each item reads time, what and who (its country), escaped text inside one button
    assert ("<span class='wb-when'>10.00 น.</span> <span class='wb-what'>ทูตเข้าเยี่ยมคารวะ</span> "
            "<span class='wb-who'>ญี่ปุ่น</span></button>") in calendar.grid.value


def test_weeks_start_on_monday_and_the_first_falls_on_its_weekday(engine, protocol):
    calendar = app_for(engine, protocol).calendar
    headers = re.findall(r"<div class='wb-calendar-head'>([^<]*)</div>", calendar.grid.value)
    assert len(headers) == 7 and "จันทร์" in headers[0] and "อาทิตย์" in headers[6]
    cells = re.findall(r"data-day='([^']*)'", calendar.grid.value)
    assert cells[:DEC(1).weekday() + 1] == ["", "2026-12-01"]  # 1 December 2569 is a Tuesday
    assert cells[-4:] == ["2026-12-31", "", "", ""]


def test_previous_next_and_today_move_by_month(engine, protocol):
    calendar = app_for(engine, protocol).calendar
    calendar.next_button.click()
    assert calendar.title == "มกราคม 2570"
    calendar.previous_button.click()
    calendar.previous_button.click()
    assert calendar.title == "พฤศจิกายน 2569"
    calendar.today_button.click()
    assert (calendar.first, calendar.last) == (DEC(1), DEC(31))


def test_week_and_agenda_views(engine, session, protocol):
    make_engagement(session, title_th="คารวะ")
    calendar = app_for(engine, protocol).calendar
    calendar.view_buttons.value = "week"
    assert (calendar.first, calendar.last) == (DEC(7), DEC(13))
    calendar.previous_button.click()
    assert calendar.titles_on(DEC(2)) == ["10.00 น. คารวะ"]
    assert calendar.title == "สัปดาห์ที่ 30 พ.ย. 2569 – 6 ธ.ค. 2569"
    calendar.view_buttons.value = "agenda"
    assert calendar.titles_on(DEC(2)) == ["10.00 น. คารวะ"]


def test_a_busy_day_shows_three_items_and_opens_its_week_for_the_rest(engine, session, protocol):
    for hour in (8, 9, 10, 11, 13):
        make_engagement(session, title_th=f"นัด {hour}", start=dt.datetime(2026, 12, 2, hour),
                        end=dt.datetime(2026, 12, 2, hour, 30))
    calendar = app_for(engine, protocol).calendar
    assert len(calendar.titles_on(DEC(2))) == 3
    assert calendar.more[DEC(2)] == "อีก 2 รายการ"
    assert "data-wb-pick='more:2026-12-02'>อีก 2 รายการ</button>" in calendar.grid.value
    calendar.picker.value = "more:2026-12-02"  # what the page sends when "n more" is clicked
    assert calendar.view == "week" and len(calendar.titles_on(DEC(2))) == 5 and calendar.picker.value == ""


def test_titles_typed_by_users_stay_text(engine, session, protocol):
    make_engagement(session, title_th="<img src=x onerror=alert(1)><script>alert(2)</script>")
    app = app_for(engine, protocol)
    [item] = app.calendar.items
    assert app.calendar.titles_on(DEC(2)) == ["10.00 น. <img src=x onerror=alert(1)><script>alert(2)</script>"]
    assert "<script>" not in app.calendar.grid.value and "<img" not in app.calendar.grid.value
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in app.calendar.grid.value
    app.calendar.picker.value = item.uid  # what the page sends when the item is clicked
    heading = app.engagement_detail.heading.value
    assert "<script>" not in heading and "&lt;script&gt;" in heading and "<img" not in heading


# --- filters --------------------------------------------------------------------------------------------

def test_filters_narrow_the_calendar(engine, session, protocol, president):
    make_visit(session, title_th="ขาออกฝรั่งเศส", direction="outbound", country_id=country_id(session, "FR"))
    make_engagement(session, title_th="คารวะ", principal_ids=[president.id], country_id=country_id(session, "KE"))
    app = app_for(engine, protocol)
    shown = lambda: sorted(i.title_th for i in app.calendar.items)  # noqa: E731
    app.filters.kind.value = "courtesy_call"
    assert shown() == ["คารวะ"]
    app.filters.reset()
    app.filters.direction.value = "outbound"
    assert shown() == ["ขาออกฝรั่งเศส"]
    app.filters.reset()
    app.filters.region.value = "africa"
    assert shown() == ["คารวะ"]
    app.filters.reset()
    app.filters.principal.value = president.id
    assert shown() == ["คารวะ"]
    app.filters.reset()
    app.filters.status.value = "proposed"
    assert shown() == ["ขาออกฝรั่งเศส"]
    app.filters.reset()
    app.filters.country.value = country_id(session, "FR")
    assert shown() == ["ขาออกฝรั่งเศส"]
    app.filters.clear_button.click()
    assert shown() == ["ขาออกฝรั่งเศส", "คารวะ"]


# --- forms ----------------------------------------------------------------------------------------------

def fill_call(form, president_id: int, title: str, start: dt.datetime) -> None:
    inputs = form.fields.inputs
    inputs["kind"].value = "courtesy_call"
    inputs["title_th"].value = title
    inputs["start"].value = start
    inputs["end"].value = start + dt.timedelta(minutes=45)
    inputs["principal_ids"].value = (president_id,)


def test_creating_a_courtesy_call_through_the_form_writes_it_and_shows_it(engine, protocol, president):
    app = app_for(engine, protocol)
    app.new_engagement_button.click()
    form = app.engagement_form
    fill_call(form, president.id, "เอกอัครราชทูตญี่ปุ่นเข้าเยี่ยมคารวะ", dt.datetime(2026, 12, 14, 10, 0))
    form.save_button.click()
    with new_session(engine) as session:
        [call] = session.exec(select(Engagement)).all()
    assert (call.title_th, call.kind, call.start) == ("เอกอัครราชทูตญี่ปุ่นเข้าเยี่ยมคารวะ", "courtesy_call",
                                                      dt.datetime(2026, 12, 14, 10, 0))
    assert app.calendar.titles_on(DEC(14)) == ["10.00 น. เอกอัครราชทูตญี่ปุ่นเข้าเยี่ยมคารวะ"]
    assert app.panel.children == (app.engagement_detail,)


def test_a_clashing_call_is_refused_with_the_clash_named_and_nothing_written(engine, protocol, president):
    app = app_for(engine, protocol)
    app.new_engagement_button.click()
    fill_call(app.engagement_form, president.id, "คารวะครั้งแรก", dt.datetime(2026, 12, 14, 10, 0))
    app.engagement_form.save_button.click()
    app.new_engagement_button.click()
    form = app.engagement_form
    fill_call(form, president.id, "คารวะซ้อน", dt.datetime(2026, 12, 14, 10, 30))
    form.save_button.click()
    message = form.notice.label.value
    assert "มีกิจกรรมซ้อนเวลา" in message and "คารวะครั้งแรก" in message and "ประธาน" in message
    assert form.notice.kind == "error"
    assert count(engine, Engagement) == 1
    assert app.panel.children == (form,)


def test_a_form_missing_its_title_names_the_field_and_writes_nothing(engine, protocol):
    app = app_for(engine, protocol)
    app.new_engagement_button.click()
    app.engagement_form.fields.inputs["title_th"].value = ""
    app.engagement_form.save_button.click()
    assert app.engagement_form.notice.label.value.startswith("ชื่อเรื่อง (ภาษาไทย):")
    assert count(engine, Engagement) == 0


def test_end_before_start_is_refused_naming_the_end(engine, protocol):
    app = app_for(engine, protocol)
    form = app.new_engagement()
    form.fields.inputs["title_th"].value = "ประชุม"
    form.fields.inputs["start"].value = dt.datetime(2026, 12, 3, 10)
    form.fields.inputs["end"].value = dt.datetime(2026, 12, 3, 9)
    form.save_button.click()
    assert form.notice.label.value.startswith("เวลาสิ้นสุด:")
    assert count(engine, Engagement) == 0


def test_the_form_has_an_input_for_every_field_of_the_create_schema(engine, protocol):
    from workbench.models.visits import EngagementCreate, VisitCreate

    app = app_for(engine, protocol)
    assert set(app.new_engagement().fields.inputs) == set(EngagementCreate.model_fields) - {"organization_id"}
    assert set(app.new_visit().fields.inputs) == set(VisitCreate.model_fields) - {"organization_id"}


def test_scheduling_a_visit_through_the_form(engine, session, protocol, president):
    officer = make_person(session, given_name_th="เจ้าหน้าที่")
    app = app_for(engine, protocol)
    form = app.new_visit()
    inputs = form.fields.inputs
    inputs["direction"].value = "outbound"
    inputs["kind"].value = "study_trip"
    inputs["title_th"].value = "ศึกษาดูงาน ณ ญี่ปุ่น"
    inputs["country_id"].value = country_id(session, "JP")
    inputs["principal_id"].value = president.id
    inputs["start_date"].value = DEC(20)
    inputs["end_date"].value = DEC(24)
    inputs["officer_ids"].query.value = "เจ้าหน้าที่"
    inputs["officer_ids"].choices.value = (officer.id,)
    form.save_button.click()
    assert form.notice.kind == "success", form.notice.label.value
    with new_session(engine) as check:
        [visit] = check.exec(select(Visit)).all()
    assert (visit.title_th, visit.direction, visit.principal_id) == ("ศึกษาดูงาน ณ ญี่ปุ่น", "outbound", president.id)
    assert app.calendar.titles_on(DEC(22)) == ["ศึกษาดูงาน ณ ญี่ปุ่น"]
    assert app.visit_detail.visit_id == visit.id


def test_editing_an_engagement_from_its_detail(engine, session, protocol):
    call = make_engagement(session, title_th="เดิม")
    app = app_for(engine, protocol)
    app.open_item("engagement", call.id)
    app.engagement_detail.edit_button.click()
    form = app.engagement_form
    assert form.fields.inputs["title_th"].value == "เดิม"
    form.fields.inputs["title_th"].value = "ใหม่"
    form.save_button.click()
    with new_session(engine) as check:
        assert check.get(Engagement, call.id).title_th == "ใหม่"


# --- records of conversation ----------------------------------------------------------------------------

def test_recording_the_conversation_with_a_follow_up(engine, session, protocol, president):
    owner = make_person(session, given_name_th="ผู้ติดตาม")
    call = make_engagement(session, title_th="คารวะ", principal_ids=[president.id])
    app = app_for(engine, protocol)
    app.open_item("engagement", call.id)
    app.engagement_detail.write_record_button.click()
    form = app.record_form
    form.fields.inputs["topics"].value = "การค้า"
    form.fields.inputs["summary"].value = "หารือความร่วมมือด้านการค้า"
    row = form.follow_ups.add_row()
    row.inputs["action"].value = "ส่งหนังสือขอบคุณ"
    row.inputs["due_date"].value = DEC(20)
    row.inputs["owner_id"].query.value = "ผู้ติดตาม"
    row.inputs["owner_id"].choices.value = owner.id
    form.save_button.click()
    with new_session(engine) as check:
        record = check.exec(select(ConversationRecord)).one()
        [follow_up] = check.exec(select(FollowUp)).all()
        assert check.get(Engagement, call.id).status == "held"
    assert record.summary == "หารือความร่วมมือด้านการค้า"
    assert (follow_up.action, follow_up.owner_id, follow_up.due_date) == ("ส่งหนังสือขอบคุณ", owner.id, DEC(20))
    assert app.panel.children == (app.engagement_detail,)
    shown = " ".join(getattr(w, "value", "") for w in app.engagement_detail.record.children)
    assert "หารือความร่วมมือด้านการค้า" in shown


def test_a_record_without_a_summary_is_refused(engine, session, protocol):
    call = make_engagement(session)
    app = app_for(engine, protocol)
    form = app.write_record(call.id, "คารวะ")
    form.save_button.click()
    assert form.notice.label.value.startswith("สาระสำคัญ:")
    assert count(engine, ConversationRecord) == 0


# --- visit detail ---------------------------------------------------------------------------------------

def test_visit_status_buttons_offer_only_the_allowed_moves(engine, session, protocol):
    visit = make_visit(session)
    app = app_for(engine, protocol)
    app.open_item("visit", visit.id)
    detail = app.visit_detail
    labels = [b.description for b in detail.status_buttons.children]
    assert labels == ["เปลี่ยนเป็น: อนุมัติแล้ว", "เปลี่ยนเป็น: เลื่อน", "เปลี่ยนเป็น: ยกเลิก"]
    detail.status_buttons.children[2].click()  # cancel without a reason
    assert detail.notice.label.value.startswith("เหตุผล:")
    detail.status_buttons.children[0].click()
    with new_session(engine) as check:
        assert check.get(Visit, visit.id).status == "approved"
    assert [b.description for b in detail.status_buttons.children][0] == "เปลี่ยนเป็น: ยืนยันแล้ว"


def test_ticking_a_checklist_item_saves_it(engine, session, protocol):
    visit = make_visit(session)
    app = app_for(engine, protocol)
    app.open_item("visit", visit.id)
    first = app.visit_detail.checklist.children[0]
    first.value = True
    from workbench.models.visits import ChecklistItem

    with new_session(engine) as check:
        done = check.exec(select(ChecklistItem).where(ChecklistItem.done)).all()
    assert len(done) == 1


def test_adding_a_delegation_member(engine, session, protocol):
    visit = make_visit(session)
    guest = make_person(session, given_name_th="ผู้แทน")
    app = app_for(engine, protocol)
    app.open_item("visit", visit.id)
    detail = app.visit_detail
    detail.member_picker.query.value = "ผู้แทน"
    detail.member_picker.choices.value = guest.id
    detail.member_role.value = "head"
    detail.add_member_button.click()
    assert detail.delegation.children[0].value.startswith("ผู้แทน")
    assert "หัวหน้าคณะ" in detail.delegation.children[0].value


def test_a_reception_shows_its_seating_plan_and_dietary_summary(engine, session, protocol, president):
    guest = make_person(session, given_name_th="แขก")
    reception = make_engagement(session, kind="reception", title_th="งานเลี้ยง", host_id=president.id,
                                principal_ids=[president.id], guest_ids=[guest.id])
    app = app_for(engine, protocol)
    app.open_item("engagement", reception.id)
    shown = " ".join(getattr(w, "value", "") for w in app.engagement_detail.reception.children)
    assert shown.index("ประธาน") < shown.index("แขก")
    assert "แขก 1 คน เจ้าภาพ 1 คน" in shown


# --- permissions, attention, export ---------------------------------------------------------------------

def test_a_viewer_sees_the_calendar_without_write_buttons(engine, session):
    call = make_engagement(session, title_th="คารวะ")
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    app = app_for(engine, viewer)
    assert app.calendar.titles_on(DEC(2)) == ["10.00 น. คารวะ"]
    assert app.new_engagement_button not in app.children[3].children
    app.open_item("engagement", call.id)
    assert app.engagement_detail.edit_button not in app.engagement_detail.children
    assert app.engagement_detail.write_record_button not in app.engagement_detail.record.children


def test_overdue_records_and_conflicts_are_listed_beside_the_calendar(engine, session, protocol, president):
    make_engagement(session, title_th="คารวะที่ยังไม่มีบันทึก")  # 2 December; today is the 10th
    make_visit(session, direction="outbound", principal_id=president.id, title_th="เยือนฝรั่งเศส",
               start_date=DEC(14), end_date=DEC(18))
    make_engagement(session, title_th="ประชุมที่รัฐสภา", principal_ids=[president.id],
                    start=dt.datetime(2026, 12, 15, 9), end=dt.datetime(2026, 12, 15, 10))
    app = app_for(engine, protocol)
    records = [b.description for b in app.attention.overdue_records.children[1:]]
    assert records == ["2 ธ.ค. 2569 คารวะที่ยังไม่มีบันทึก"]
    [warning] = app.attention.warnings.children[1:]
    assert "ประชุมที่รัฐสภา" in warning.description and "เยือนฝรั่งเศส" in warning.description
    warning.click()
    assert app.engagement_detail.heading.value == "<h3>ประชุมที่รัฐสภา</h3>"


def test_exporting_the_shown_month_to_icalendar(engine, session, protocol):
    make_visit(session, title_th="เยือน")
    make_engagement(session, title_th="คารวะ")
    make_engagement(session, title_th="มกราคม", start=dt.datetime(2027, 1, 5, 10), end=dt.datetime(2027, 1, 5, 11))
    app = app_for(engine, protocol)
    app.export.ics_button.click()
    link = app.export.link
    assert link.filename == "visit-calendar-2026-12-01-2026-12-31.ics"
    events = Calendar.from_ical(payload_of(link.value)).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == ["คารวะ", "เยือน"]


def test_exporting_the_shown_range_to_a_spreadsheet_with_thai_headers(engine, session, protocol):
    make_engagement(session, title_th="คารวะ")
    app = app_for(engine, protocol)
    app.filters.kind.value = "courtesy_call"
    app.export.xlsx_button.click()
    sheet = openpyxl.load_workbook(io.BytesIO(payload_of(app.export.link.value))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("เลขที่", "รายการ", "ประเภท", "เรื่อง")
    assert [r[3] for r in rows[1:]] == ["คารวะ"]


def test_the_demo_month_renders_with_a_bounded_number_of_widgets(demo_engine, demo_session):
    from workbench.services import users

    protocol = users.get_user(demo_session, username="protocol")
    app = VisitsApp(demo_engine, protocol, today=DEMO_TODAY)
    assert app.calendar.item_count > 0
    assert app.calendar.grid.value.count("class='wb-calendar-item") <= 3 * 31
    assert app.calendar.body.children == (app.calendar.grid,)  # the month is one widget, whatever it holds
    first_html = app.calendar.grid.value
    app.calendar.next_button.click()
    assert app.calendar.grid.value != first_html and app.calendar.body.children == (app.calendar.grid,)


def test_a_new_form_after_a_save_starts_empty(engine, protocol, president):
    app = app_for(engine, protocol)
    form = app.new_engagement()
    fill_call(form, president.id, "คารวะ", dt.datetime(2026, 12, 14, 10, 0))
    form.fields.inputs["classification"].value = 1
    form.save_button.click()
    again = app.new_engagement()
    assert again.record_id is None
    assert again.fields.inputs["title_th"].value == ""
    assert again.fields.inputs["principal_ids"].value == ()
    assert again.fields.inputs["classification"].value == 0


def test_the_calendar_speaks_english_when_asked(engine, session, protocol, monkeypatch):
    from workbench.config import get_settings

    make_engagement(session, title_th="คารวะ", title_en="Courtesy call")
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    get_settings.cache_clear()
    app = app_for(engine, protocol)
    assert app.calendar.title == "December 2026 (B.E. 2569)"
    assert app.calendar.titles_on(DEC(2)) == ["10:00 Courtesy call"]
    assert app.new_engagement_button.description == "New engagement"
