"""Budget dashboard widgets without a browser, on the demo office (as of DEMO_TODAY, fiscal year 2570): set
values, click, read the database."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from tests.visit_factories import country_id, make_visit
from workbench.db import new_session
from workbench.models.budget import BudgetLine, Commitment
from workbench.models.users import User
from workbench.services import budget
from workbench.ui.budget.dashboard import BudgetDashboard

JAN10, JAN14 = dt.date(2027, 1, 10), dt.date(2027, 1, 14)


def user(session, username):
    return session.exec(select(User).where(User.username == username)).one()


@pytest.fixture
def officer(demo_session):
    return user(demo_session, "officer")


@pytest.fixture
def dashboard(demo_engine, officer):
    return BudgetDashboard(demo_engine, officer, today=DEMO_TODAY)


def line_id(session, suffix):
    return session.exec(select(BudgetLine).where(BudgetLine.code == f"2570-FA{suffix}")).one().id


def test_the_dashboard_opens_on_the_current_fiscal_year_with_every_line_and_the_total(dashboard):
    assert dashboard.fiscal_year == 2570 and dashboard.year.value == 2570
    assert [row["code"] for row in dashboard.lines.rows] == [f"2570-FA0{n}" for n in range(1, 7)] + [""]
    assert dashboard.lines.rows[-1]["allocated"] == "15,200,000.00"
    assert dashboard.as_of.value == "ข้อมูล ณ วันที่ 25 พฤศจิกายน 2569"


def test_the_curve_is_drawn_against_the_targets(dashboard):
    assert dashboard.chart.points > 2
    assert bytes(dashboard.chart.image.value).startswith(b"\x89PNG")


def test_the_forecast_states_its_method(dashboard):
    assert "บาท" in dashboard.forecast.text
    assert "365/56" in dashboard.forecast.method


def test_the_demo_year_warns_of_a_line_near_exhaustion_and_of_lagging_disbursement(dashboard):
    messages = dashboard.warnings.messages
    assert any("2570-FA06" in m and "ใกล้หมด" in m for m in messages)
    assert any("ต่ำกว่าเป้าหมาย" in m for m in messages)


def test_the_biggest_visits_and_receptions_are_listed(dashboard):
    kinds = {row["kind"] for row in dashboard.top.rows}
    assert kinds == {"การเยือน", "งานเลี้ยงรับรอง"}


def test_choosing_a_year_without_lines_empties_the_table(dashboard):
    dashboard.year.options = [("2570", 2570), ("2569", 2569)]
    dashboard.year.value = 2569
    assert dashboard.fiscal_year == 2569 and dashboard.lines.rows == []
    assert "ยังไม่มีรายการงบประมาณในปีงบประมาณนี้" in dashboard.lines.table.value
    assert "<table" not in dashboard.lines.table.value


def estimate_japan(dashboard):
    est = dashboard.estimator
    est.country.value = country_id_of(dashboard, "JP")
    est.start.value, est.end.value = JAN10, JAN14
    est.grades["a"].value, est.grades["b"].value = 2, 1
    est.estimate_button.click()
    return est


def country_id_of(dashboard, iso2):
    with new_session(dashboard.engine) as session:
        return country_id(session, iso2)


def test_a_trip_is_estimated_and_turned_into_a_draft_commitment(dashboard, demo_session):
    est = estimate_japan(dashboard)
    assert est.start.be.value == "วันที่ (พ.ศ.): 10 มกราคม 2570" and est.start.date.value == "10/01/2570"
    assert est.total == "259,500.00" and est.notice.label.value == ""
    assert "สองแสนห้าหมื่นเก้าพันห้าร้อยบาทถ้วน" in est.total_label.value
    est.line.value = line_id(demo_session, "01")
    est.draft_button.click()
    draft = demo_session.get(Commitment, est.draft_id)
    assert (draft.status, str(draft.amount), draft.entry_date) == ("draft", "259500.00", DEMO_TODAY)
    assert draft.id in dashboard.drafts.drafts


def test_a_draft_is_posted_from_the_drafts_list(dashboard, demo_session):
    est = estimate_japan(dashboard)
    est.line.value = line_id(demo_session, "01")
    est.draft_button.click()
    before = dashboard.lines.rows[0]["committed"]
    dashboard.drafts.choice.value = est.draft_id
    dashboard.drafts.post_button.click()
    demo_session.expire_all()
    assert demo_session.get(Commitment, est.draft_id).status == "posted"
    assert dashboard.lines.rows[0]["committed"] != before


def test_an_estimate_the_line_cannot_cover_is_refused_on_the_notice(dashboard, demo_session):
    est = estimate_japan(dashboard)
    est.line.value = line_id(demo_session, "06")  # gifts: 11,500.00 left
    est.draft_button.click()
    assert est.notice.kind == "error"
    assert "259,500.00" in est.notice.label.value and "11,500.00" in est.notice.label.value
    assert est.draft_id == 0


def test_an_overspend_is_refused_with_the_figures_and_nothing_is_written(dashboard, demo_session):
    form = dashboard.entry
    form.line.value = line_id(demo_session, "06")
    form.amount.value = "11,500.01"
    count = len(demo_session.exec(select(Commitment)).all())
    form.post_button.click()
    assert form.notice.kind == "error"
    assert "11,500.01" in form.notice.label.value and "คงเหลือ 11,500.00 บาท" in form.notice.label.value
    assert len(demo_session.exec(select(Commitment)).all()) == count


def test_a_commitment_is_posted_from_the_entry_form_and_the_table_follows(dashboard, demo_session):
    form = dashboard.entry
    form.line.value = line_id(demo_session, "06")
    form.amount.value = "11500"
    form.description.value = "<b>ของที่ระลึกเพิ่มเติม</b>"
    form.post_button.click()
    assert form.notice.kind == "success"
    entry = demo_session.get(Commitment, form.posted_id)
    assert (str(entry.amount), entry.description) == ("11500.00", "<b>ของที่ระลึกเพิ่มเติม</b>")
    assert dashboard.lines.rows[5]["available"] == "0.00"


def test_a_disbursement_against_a_commitment_is_posted_from_the_form(dashboard, demo_session):
    form = dashboard.entry
    form.kind.value = "disbursement"
    form.line.value = line_id(demo_session, "01")
    open_commitment = [value for _, value in form.commitment.options if value is not None][0]
    form.commitment.value = open_commitment
    form.amount.value = "1000.00"
    form.post_button.click()
    assert form.notice.kind == "success", form.notice.label.value
    paid = [r for r in budget.entries(demo_session, line_id=line_id(demo_session, "01"),
                                      actor=user(demo_session, "officer"))
            if r["kind"] == "disbursement" and r["id"] == form.posted_id]
    assert str(paid[0]["amount"]) == "1000.00"


def test_the_year_is_exported_to_xlsx(dashboard):
    dashboard.export.button.click()
    assert dashboard.export.filename == "budget-2570.xlsx"
    assert 'download="budget-2570.xlsx"' in dashboard.export.link.value
    rows = list(load_workbook(io.BytesIO(dashboard.export.payload)).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[3:]] == [f"2570-FA0{n}" for n in range(1, 7)] + ["TOTAL"]


def test_a_viewer_reads_but_cannot_post(demo_engine, demo_session):
    viewer = BudgetDashboard(demo_engine, user(demo_session, "viewer"), today=DEMO_TODAY)
    assert viewer.entry is None and viewer.drafts is None
    assert not viewer.estimator.may_write and viewer.estimator.line not in _descendants(viewer.estimator)
    assert len(viewer.lines.rows) == 7


def test_titles_typed_by_users_are_shown_as_text(dashboard, demo_session, officer):
    visit = make_visit(demo_session, direction="outbound", title_th="<img src=x onerror=alert(1)>",
                       country_id=country_id(demo_session, "JP"), start_date=JAN10, end_date=JAN14)
    budget.post_commitment(demo_session, actor=officer, data={
        "line_id": line_id(demo_session, "01"), "entry_date": DEMO_TODAY, "amount": "1000000.00",
        "visit_id": visit.id})
    dashboard.refresh()
    assert "&lt;img src=x onerror=alert(1)&gt;" in dashboard.top.table.value
    assert "<img" not in dashboard.top.table.value


def _descendants(widget):
    found = []
    for child in getattr(widget, "children", ()):
        found.append(child)
        found += _descendants(child)
    return found


def test_a_reception_is_estimated_from_its_guest_list(dashboard, demo_session):
    from workbench.models.visits import EngagementParticipant

    est = dashboard.estimator
    est.mode.value = "reception"
    assert est.reception_box in est.children and est.trip_box not in est.children
    est.reception.value = est.reception.options[0][1]
    est.per_head.value = "1,800"
    est.estimate_button.click()
    assert est.notice.label.value == ""
    heads = len(demo_session.exec(select(EngagementParticipant).where(
        EngagementParticipant.engagement_id == est.reception.value)).all())
    assert heads > 1
    assert est.total == f"{heads * 1800:,}.00"  # everyone on the guest list, hosts included, × 1,800
