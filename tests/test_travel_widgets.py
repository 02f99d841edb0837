"""The travel documents dashboard without a browser, on the demo office: who is not ready and why, a refused
letter naming the person, the missing passport recorded, a draft without a number, then both letters issued with
consecutive outgoing numbers; expiring passports exported; a passport moved."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from openpyxl import load_workbook
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from workbench.db import new_session
from workbench.models.correspondence import Correspondence
from workbench.models.travel import PassportMove
from workbench.services.users import get_user
from workbench.ui.travel.dashboard import TravelDashboard


def _user(engine, name):
    with new_session(engine) as session:
        return get_user(session, username=name)


def test_a_protocol_officer_sees_who_is_not_ready_fixes_it_and_issues_both_letters(demo_engine):
    app = TravelDashboard(demo_engine, _user(demo_engine, "protocol"), today=DEMO_TODAY)
    assert "IPU" in app.visit.label
    missing = app.readiness.not_ready
    assert missing and "ไม่มีหนังสือเดินทางในทะเบียน" in app.readiness.table.value
    assert "หนังสือเดินทางมีอายุไม่ถึง 6 เดือน" in app.readiness.table.value
    assert "เลยกำหนด" in app.readiness.deadlines.value

    app.letters.draft_passport.click()  # a member has no passport: refused, naming her, no file
    assert app.notice.kind == "error" and "ไม่มีหนังสือเดินทางในทะเบียน" in app.notice.label.value
    assert app.letters.link.payload == b""
    name = app.passport_form.holder.label
    assert name in app.notice.label.value

    form = app.passport_form
    form.passport_type.value = "official"
    form.number.value = "O7777777"
    form.issue_date.value = dt.date(2026, 11, 20)
    form.expiry_date.value = dt.date(2031, 11, 19)
    form.save.click()
    assert app.notice.kind == "success", app.notice.label.value
    assert "ไม่มีหนังสือเดินทางในทะเบียน" not in app.readiness.table.value

    app.letters.draft_passport.click()
    assert app.notice.kind == "info" and app.letters.link.filename.endswith("-draft.docx")
    lines = [p.text for p in Document(io.BytesIO(app.letters.link.payload)).paragraphs]
    assert "เรียน  อธิบดีกรมการกงสุล" in lines
    with new_session(demo_engine) as session:
        before = len(session.exec(select(Correspondence)).all())
    app.letters.issue_passport.click()
    first = app.letters.last_number
    app.letters.issue_visa.click()
    second = app.letters.last_number
    assert app.notice.kind == "success", app.notice.label.value
    assert int(second.rpartition("/")[2]) == int(first.rpartition("/")[2]) + 1
    assert first in app.letters.issued.value and second in app.letters.issued.value
    with new_session(demo_engine) as session:
        assert len(session.exec(select(Correspondence)).all()) == before + 2
    assert "ยื่นขอแล้ว" in app.readiness.table.value


def test_expiring_passports_are_listed_and_exported_and_a_passport_moves(demo_engine):
    app = TravelDashboard(demo_engine, _user(demo_engine, "admin"), today=DEMO_TODAY)
    assert app.expiring.numbers
    app.expiring.export.click()
    sheet = load_workbook(io.BytesIO(app.expiring.link.payload)).active
    assert [c.value for c in sheet[2]][2] == app.expiring.numbers[0]
    moves = app.moves
    chosen = moves.passport.value
    with new_session(demo_engine) as session:
        before = len(session.exec(select(PassportMove).where(PassportMove.passport_id == chosen)).all())
    moves.location.value = "embassy"
    moves.note.value = "ยื่นขอวีซ่า"
    moves.save.click()
    assert app.notice.kind == "success", app.notice.label.value
    assert "ยื่นขอวีซ่า" in moves.history.value
    with new_session(demo_engine) as session:
        assert len(session.exec(select(PassportMove).where(PassportMove.passport_id == chosen)).all()) == before + 1


def test_a_viewer_cannot_open_travel_documents(demo_engine):
    from workbench import registry as dashboards

    viewer = _user(demo_engine, "viewer")
    assert not dashboards.may_open(viewer, dashboards.get("travel"))
    assert dashboards.may_open(_user(demo_engine, "protocol"), dashboards.get("travel"))


def test_the_visit_calendar_attention_panel_shows_what_travel_documents_are_missing(demo_engine):
    from workbench.ui.visits.attention_panel import AttentionPanel

    protocol = AttentionPanel(demo_engine, _user(demo_engine, "protocol"), today=DEMO_TODAY)
    protocol.refresh(DEMO_TODAY, DEMO_TODAY + dt.timedelta(days=30))
    entries = [b.description for b in protocol.travel_missing.children[1:]]
    assert any("IPU" in e and "ไม่มีหนังสือเดินทางในทะเบียน" in e for e in entries)
    viewer = AttentionPanel(demo_engine, _user(demo_engine, "viewer"), today=DEMO_TODAY)
    viewer.refresh(DEMO_TODAY, DEMO_TODAY + dt.timedelta(days=30))
    assert viewer.travel_missing.children == ()  # passports are personal data: only for those who handle them
