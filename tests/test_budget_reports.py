"""The year's picture: summary per line, pro-rata targets, the disbursement curve, the linear year-end forecast,
warnings, the biggest visits and receptions, and the XLSX/CSV export. Figures computed by hand."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from tests.budget_helpers import D, make_line, officer
from tests.factories import make_person
from tests.visit_factories import make_engagement, make_visit
from workbench.documents import budget_export
from workbench.services import budget, budget_reports
from workbench.services.budget_reports import target_on, targets

NOV15 = dt.date(2025, 11, 15)  # day 46 of fiscal year 2569 (365 days)


@pytest.fixture
def actor(session):
    return officer(session)


def test_the_summary_adds_up_the_lines_as_of_the_day(session, actor):
    a = make_line(session, actor, allocated="300000.00", allot="300000.00", code="A")
    b = make_line(session, actor, allocated="65000.00", allot="65000.00", code="B")
    budget.post_commitment(session, actor=actor, data={"line_id": a.id, "entry_date": NOV15, "amount": "20000.00"})
    budget.disburse(session, actor=actor, data={"line_id": b.id, "entry_date": dt.date(2025, 11, 20),
                                                "amount": "5000.00"})
    summary = budget_reports.year_summary(session, fiscal_year=2569, actor=actor, today=NOV15)
    assert [f.line.code for f in summary.lines] == ["A", "B"]
    assert (summary.totals.allocated, summary.totals.committed, summary.totals.disbursed,
            summary.totals.available) == (D("365000.00"), D("20000.00"), D("0.00"), D("345000.00"))
    later = budget_reports.year_summary(session, fiscal_year=2569, actor=actor, today=dt.date(2027, 1, 1))
    assert later.on == dt.date(2026, 9, 30) and later.totals.disbursed == D("5000.00")


def test_targets_are_read_pro_rata_between_quarter_ends(session):
    quarter_targets = targets(session, fiscal_year=2569)
    assert [(t.quarter, t.end) for t in quarter_targets][:2] == [(1, dt.date(2025, 12, 31)), (2, dt.date(2026, 3, 31))]
    assert target_on(quarter_targets, 2569, NOV15) == D("15.00")  # 30 % × 46 / 92 days
    assert target_on(quarter_targets, 2569, dt.date(2025, 12, 31)) == D("30.00")
    assert target_on(quarter_targets, 2569, dt.date(2026, 2, 15)) == D("42.27")  # 30 + 24 × 46 / 90
    assert target_on(quarter_targets, 2569, dt.date(2026, 9, 30)) == D("100.00")
    assert target_on([], 2569, NOV15) is None


def test_the_curve_accumulates_disbursements_day_by_day(session, actor):
    line = make_line(session, actor, allocated="100000.00", allot="100000.00")
    for day, amount in ((dt.date(2025, 10, 20), "1000.00"), (dt.date(2025, 10, 20), "500.50"),
                        (dt.date(2025, 11, 2), "2000.00"), (dt.date(2025, 12, 1), "9.99")):
        budget.disburse(session, actor=actor, data={"line_id": line.id, "entry_date": day, "amount": amount})
    summary = budget_reports.year_summary(session, fiscal_year=2569, actor=actor, today=NOV15)
    assert budget_reports.disbursement_curve(session, summary=summary) == [
        (dt.date(2025, 10, 1), D("0.00")), (dt.date(2025, 10, 20), D("1500.50")),
        (dt.date(2025, 11, 2), D("3500.50")), (NOV15, D("3500.50"))]


def test_the_forecast_projects_the_disbursement_pace_to_the_year_end(session, actor):
    line = make_line(session, actor, allocated="365000.00", allot="365000.00")
    budget.post_commitment(session, actor=actor, data={"line_id": line.id, "entry_date": NOV15, "amount": "13800.00"})
    budget.disburse(session, actor=actor, data={"line_id": line.id, "entry_date": NOV15, "amount": "9200.00"})
    forecast = budget_reports.forecast(budget_reports.year_summary(session, fiscal_year=2569, actor=actor, today=NOV15))
    assert (forecast.days_elapsed, forecast.days_in_year) == (46, 365)
    assert forecast.projected_disbursed == D("73000.00")  # 9,200 × 365 / 46
    assert (forecast.unspent, forecast.projected_disbursed_percent) == (D("292000.00"), D("20.00"))


def test_the_forecast_is_at_least_what_is_committed_and_at_most_the_allocation(session, actor):
    line = make_line(session, actor, allocated="365000.00", allot="365000.00")
    budget.post_commitment(session, actor=actor, data={"line_id": line.id, "entry_date": NOV15, "amount": "113800.00"})
    budget.disburse(session, actor=actor, data={"line_id": line.id, "entry_date": NOV15, "amount": "9200.00"})

    def projected():
        return budget_reports.forecast(budget_reports.year_summary(session, fiscal_year=2569, actor=actor,
                                                                   today=NOV15)).projected_disbursed

    assert projected() == D("123000.00")  # committed 113,800 + disbursed 9,200 > 73,000 at the pace so far
    budget.disburse(session, actor=actor, data={"line_id": line.id, "entry_date": NOV15, "amount": "50800.00"})
    assert projected() == D("365000.00")  # 60,000 × 365 / 46 = 476,086.96, capped at the allocation


def test_warnings_for_a_line_near_exhaustion_and_for_lagging_disbursement(session, actor):
    tight = make_line(session, actor, allocated="100000.00", allot="100000.00", code="TIGHT")
    make_line(session, actor, allocated="100000.00", allot="100000.00", code="IDLE")
    budget.post_commitment(session, actor=actor, data={"line_id": tight.id, "entry_date": NOV15, "amount": "90000.00"})
    budget.disburse(session, actor=actor, data={"line_id": tight.id, "entry_date": NOV15, "amount": "5000.00"})
    summary = budget_reports.year_summary(session, fiscal_year=2569, actor=actor, today=NOV15)
    found = budget_reports.warnings(summary, targets(session, fiscal_year=2569))
    assert [(w.kind, w.line_code) for w in found] == [("near_exhaustion", "TIGHT"), ("lagging_year", "")]
    assert found[0].values["available"] == D("5000.00") and found[0].values["percent"] == D("5.00")
    assert (found[1].values["percent"], found[1].values["target"]) == (D("2.50"), D("15.00"))  # 5,000 of 200,000


def test_after_a_quarter_has_ended_each_line_is_held_to_its_target(session, actor):
    line = make_line(session, actor, allocated="100000.00", allot="100000.00", code="SLOW")
    budget.disburse(session, actor=actor, data={"line_id": line.id, "entry_date": dt.date(2025, 12, 1),
                                                "amount": "29999.99"})

    def lagging():
        summary = budget_reports.year_summary(session, fiscal_year=2569, actor=actor, today=dt.date(2026, 1, 5))
        return [(w.line_code, w.values["quarter"], w.values["target"])
                for w in budget_reports.warnings(summary, targets(session, fiscal_year=2569))
                if w.kind == "lagging_line"]

    assert lagging() == [("SLOW", 1, D("30.00"))]  # 29,999.99 of 100,000 is short of 30 % by one satang
    budget.disburse(session, actor=actor, data={"line_id": line.id, "entry_date": dt.date(2025, 12, 2),
                                                "amount": "0.01"})
    assert lagging() == []


def test_the_biggest_visits_and_receptions_by_net_commitment(session, actor):
    line = make_line(session, actor, allocated="900000.00", allot="900000.00")
    trip = make_visit(session, direction="outbound", title_th="เยือนญี่ปุ่น")
    small = make_visit(session, direction="outbound", title_th="ประชุมสั้น")
    dinner = make_engagement(session, kind="reception", title_th="งานเลี้ยงรับรอง",
                             principal_ids=[make_person(session).id])
    big = budget.post_commitment(session, actor=actor, data={"line_id": line.id, "entry_date": NOV15,
                                                             "amount": "300000.00", "visit_id": trip.id})
    budget.reverse_commitment(session, actor=actor, commitment_id=big.id, entry_date=NOV15, reason="ลดจำนวนคน",
                              amount="50000.00")
    budget.disburse(session, actor=actor, data={"commitment_id": big.id, "entry_date": NOV15, "amount": "100000.00"})
    budget.post_commitment(session, actor=actor, data={"line_id": line.id, "entry_date": NOV15, "amount": "20000.00",
                                                       "visit_id": small.id})
    budget.post_commitment(session, actor=actor, data={"line_id": line.id, "entry_date": NOV15, "amount": "60000.00",
                                                       "engagement_id": dinner.id})
    items = budget_reports.biggest(session, fiscal_year=2569, actor=actor)
    assert [(i.kind, i.title, i.committed, i.disbursed) for i in items] == [
        ("visit", "เยือนญี่ปุ่น", D("250000.00"), D("100000.00")),
        ("reception", "งานเลี้ยงรับรอง", D("60000.00"), D("0.00")),
        ("visit", "ประชุมสั้น", D("20000.00"), D("0.00"))]


def test_the_xlsx_export_holds_every_line_and_the_totals(session, actor):
    make_line(session, actor, allocated="1234.56", allot="1234.56", code="X1", name_th="ค่ารับรอง")
    make_line(session, actor, allocated="100.00", code="X2")
    summary = budget_reports.year_summary(session, fiscal_year=2569, actor=actor, today=NOV15)
    sheet = load_workbook(io.BytesIO(budget_export.summary_xlsx(summary, lang="th"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "สรุปงบประมาณ ปีงบประมาณ 2569"
    assert rows[2][0] == "รหัส" and rows[3][:2] == ("X1", "ค่ารับรอง")
    assert float(rows[3][4]) == 1234.56 and rows[-1][0] == "TOTAL" and float(rows[-1][4]) == 1334.56


def test_the_csv_export_has_machine_readable_columns(session, actor):
    make_line(session, actor, allocated="1000.50", code="C1")
    summary = budget_reports.year_summary(session, fiscal_year=2569, actor=actor, today=NOV15)
    lines = budget_export.summary_csv(summary).splitlines()
    assert lines[0] == ",".join(budget_export.COLUMNS)
    assert lines[1].startswith("C1,") and ",1000.50,0.00,0.00,0.00,1000.50,0.00" in lines[1]
    assert lines[2].startswith("TOTAL,Total,")
