"""The trip report / visit summary (issue 19): assembled from engagements, records and follow-ups, the analyst's
narrative (versioned), the budget spent against the estimate equal to the ledger's; issuing it ticks the
checklist's report item, and only then may the visit be marked reported."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlmodel import col, select

from tests.factories import make_person, make_user, user_model
from tests.visit_documents_helpers import docx_header_text, docx_text, pdf_text
from tests.visit_factories import make_engagement, make_principal, make_visit
from workbench.cli import main
from workbench.db import SYSTEM
from workbench.documents.trip_report import export_report
from workbench.errors import ValidationError
from workbench.models.base import Clearance
from workbench.models.budget import Commitment, CommitmentStatus, Disbursement
from workbench.models.users import Role
from workbench.models.visits import ChecklistItem, Visit, VisitStatus
from workbench.services import records, visit_documents, visits
from workbench.thai import format_baht


def _demo_trip(session) -> Visit:
    """The demo's completed trip abroad (it has engagements, records and budget entries)."""
    return session.exec(select(Visit).where(Visit.direction == "outbound", Visit.status == VisitStatus.COMPLETED)
                        .order_by(Visit.start_date)).first()


def _ledger(session, visit_id: int) -> tuple[Decimal, Decimal]:
    """Straight from the ledger tables: the trip's approved commitments and what was paid against them."""
    posted = session.exec(select(Commitment).where(Commitment.visit_id == visit_id, col(Commitment.engagement_id).is_(None),
                                                   Commitment.status == CommitmentStatus.POSTED)).all()
    approved = sum((c.amount for c in posted if c.reverses_id is None), Decimal("0"))
    ids = [c.id for c in posted]
    paid = sum((d.amount for d in session.exec(select(Disbursement).where(col(Disbursement.commitment_id).in_(ids))).all()),
               Decimal("0"))
    return approved, paid


def test_the_trip_reports_budget_equals_the_ledger(demo_session):
    trip = _demo_trip(demo_session)
    report = visit_documents.issue_report(demo_session, visit_id=trip.id, actor=SYSTEM)
    approved, paid = _ledger(demo_session, trip.id)
    assert paid > 0
    travel = report.budget[0]
    assert (travel.estimate, travel.spent) == (approved, paid)
    text = docx_text(export_report(report, "docx"))
    assert f"{format_baht(approved)} | " in text and format_baht(paid) in text
    assert "รายงานผลการเดินทาง" in text and "กิจกรรมและบันทึกการสนทนา" in text
    pdf = pdf_text(export_report(report, "pdf"))
    assert format_baht(paid) in pdf and "ตุลาคม 2569" in pdf  # B.E. dates in Thai


def test_records_and_follow_ups_go_in_and_the_narrative_is_versioned(demo_session):
    trip = _demo_trip(demo_session)
    analyst = user_model(demo_session, make_user(demo_session, role=Role.ANALYST))
    first = visit_documents.save_narrative(demo_session, visit_id=trip.id, actor=analyst,
                                           data={"summary": "ร่างแรก"})
    second = visit_documents.save_narrative(demo_session, visit_id=trip.id, actor=analyst, data={
        "summary": "สรุปฉบับแก้ไข", "outcomes": "ตกลงแลกเปลี่ยนข้อมูล", "recommendations": "ติดตามภายใน 3 เดือน"})
    assert (first.version, second.version) == (1, 2)
    assert [n.summary for n in visit_documents.narrative_versions(demo_session, visit_id=trip.id, actor=analyst)] == [
        "สรุปฉบับแก้ไข", "ร่างแรก"]
    report = visit_documents.issue_report(demo_session, visit_id=trip.id, actor=analyst)
    text = docx_text(export_report(report, "docx"))
    assert "สรุปฉบับแก้ไข" in text and "ร่างแรก" not in text and "ติดตามภายใน 3 เดือน" in text
    held = [p for p in report.engagements if p.record_summary]
    assert held and held[0].record_summary in text and held[0].follow_ups[0][0] in text
    with pytest.raises(ValidationError):
        visit_documents.save_narrative(demo_session, visit_id=trip.id, actor=analyst, data={"summary": "  "})


def test_reported_needs_the_issued_report_which_ticks_the_checklist(session):
    trip = make_visit(session)
    make_engagement(session, visit_id=trip.id)
    for status in ("approved", "confirmed", "completed"):
        visits.change_status(session, visit_id=trip.id, status=status, actor=SYSTEM)
    with pytest.raises(ValidationError) as caught:
        visit_documents.mark_reported(session, visit_id=trip.id, actor=SYSTEM)
    assert "trip report" in caught.value.en
    item = session.exec(select(ChecklistItem).where(ChecklistItem.visit_id == trip.id,
                                                    ChecklistItem.code == "report")).one()
    assert not item.done
    report = visit_documents.issue_report(session, visit_id=trip.id, actor=SYSTEM)
    assert report.version == 1 and not report.outbound
    session.refresh(item)
    assert item.done
    assert visit_documents.mark_reported(session, visit_id=trip.id, actor=SYSTEM).status == "reported"


def test_an_inbound_visit_gets_a_visit_summary_and_a_classified_record_only_for_the_cleared(session):
    trip = make_visit(session)
    host, guest = make_principal(session), make_person(session)
    call = make_engagement(session, visit_id=trip.id, kind="meeting", principal_ids=[host.id], guest_ids=[guest.id])
    records.record_conversation(session, actor=SYSTEM, data={
        "engagement_id": call.id, "summary": "ข้อหารือลับ", "classification": Clearance.SECRET})
    plain = user_model(session, make_user(session, role=Role.ANALYST, clearance=Clearance.CONFIDENTIAL))
    cleared = user_model(session, make_user(session, role=Role.ANALYST, clearance=Clearance.SECRET))
    hidden = visit_documents.issue_report(session, visit_id=trip.id, actor=plain)
    assert "ข้อหารือลับ" not in docx_text(export_report(hidden, "docx")) and hidden.classification == 0
    shown = visit_documents.issue_report(session, visit_id=trip.id, actor=cleared)
    payload = export_report(shown, "docx")
    assert "ข้อหารือลับ" in docx_text(payload) and "สรุปผลการเยือน" in docx_text(payload)
    assert docx_header_text(payload).count("ชั้นความลับ: ลับมาก") == 2
    assert shown.version == 2  # the report changed for the cleared reader: a new version, marked secret
    assert visit_documents.document_versions(session, visit_id=trip.id, kind="trip_report", actor=plain)[0].number == 1


def test_a_visit_without_engagements_has_no_report_and_the_cli_writes_nothing(session, engine, tmp_path, capsys):
    trip = make_visit(session, direction="outbound")
    out = tmp_path / "r.docx"
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "trip-report", "--visit", str(trip.id), "--out", str(out)]) != 0
    assert not out.exists() and "has no engagements" in capsys.readouterr().err


def test_the_cli_writes_the_demo_trip_report(demo_session, demo_engine, tmp_path):
    trip = _demo_trip(demo_session)
    url = demo_engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "trip-report", "--visit", str(trip.id), "--out", str(tmp_path / "r.pdf")]) == 0
    text = pdf_text((tmp_path / "r.pdf").read_bytes())
    assert "รายงานผลการเดินทาง" in text and trip.title_th[:20] in text
    assert visit_documents.report_issued(demo_session, visit_id=trip.id)
