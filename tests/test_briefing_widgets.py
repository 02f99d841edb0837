"""The briefing dashboard's widgets, driven without a browser: choose, read, edit, save, download."""

from __future__ import annotations

import base64
import io
import re

import pytest
from docx import Document
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from workbench.db import new_session
from workbench.models.briefing import BriefingPack, BriefingPackPoint
from workbench.models.users import User
from workbench.services import monitoring
from workbench.services.briefing import PackPoint
from workbench.ui.briefing.dashboard import BriefingDashboard
from workbench.ui.briefing.talking_points_editor import TalkingPointsEditor


def user(engine, name):
    with new_session(engine) as session:
        return session.exec(select(User).where(User.username == name)).one()


@pytest.fixture
def dashboard(demo_engine):
    return BriefingDashboard(demo_engine, user(demo_engine, "analyst"), today=DEMO_TODAY)


def choose_first_call(board):
    board.picker.value = board.picker.options[1][1]
    return board.picker.value


def saved_packs(engine):
    with new_session(engine) as session:
        return session.exec(select(BriefingPack)).all()


def test_the_picker_offers_engagements_and_nothing_is_shown_before_a_choice(dashboard):
    assert dashboard.picker.value == 0 and len(dashboard.picker.options) > 10
    assert dashboard.preview.value == "" and dashboard.work.layout.display == "none"


def test_choosing_an_engagement_shows_its_pack_and_talking_points(dashboard):
    engagement_id = choose_first_call(dashboard)

    assert dashboard.engagement_id == engagement_id
    assert dashboard.pack.subtitle in dashboard.preview.value
    for title in ("ประวัติผู้เข้าเยี่ยม", "รัฐสภาเปรียบเทียบกับรัฐสภาไทย", "สถานการณ์ล่าสุด", "ประเด็นการสนทนา"):
        assert title in dashboard.preview.value
    assert dashboard.editor.selected_count == sum(p.selected for p in dashboard.pack.points) > 0
    assert dashboard.notice.kind != "error"


def test_leaving_a_point_out_and_rewording_another_changes_the_preview(dashboard):
    choose_first_call(dashboard)
    first, second = dashboard.editor.rows[0], dashboard.editor.rows[1]
    dropped = first.text.value

    first.include.value = False
    second.text.value = "ถ้อยคำใหม่ที่แก้ในแดชบอร์ด"

    assert dropped not in dashboard.preview.value
    assert "ถ้อยคำใหม่ที่แก้ในแดชบอร์ด" in dashboard.preview.value


def test_saving_keeps_the_chosen_points_as_a_new_version(dashboard, demo_engine):
    choose_first_call(dashboard)
    dashboard.editor.rows[0].text.value = "ถ้อยคำที่บันทึกไว้"
    dashboard.editor.remarks.value = "เน้นความร่วมมือด้านการศึกษา"

    dashboard.save_button.click()

    assert dashboard.saved_version == 1 and dashboard.notice.kind == "success"
    with new_session(demo_engine) as session:
        pack = session.exec(select(BriefingPack)).one()
        texts = [p.text for p in session.exec(select(BriefingPackPoint).where(BriefingPackPoint.pack_id == pack.id))]
    assert pack.remarks == "เน้นความร่วมมือด้านการศึกษา" and "ถ้อยคำที่บันทึกไว้" in texts


def test_a_saved_version_is_what_the_dashboard_opens_next_time(dashboard, demo_engine):
    choose_first_call(dashboard)
    dashboard.editor.rows[0].text.value = "ฉบับที่บันทึก"
    dashboard.save_button.click()

    again = BriefingDashboard(demo_engine, user(demo_engine, "analyst"), today=DEMO_TODAY)
    choose_first_call(again)

    assert again.saved_version == 1
    assert "ฉบับที่บันทึก" in [row.text.value for row in again.editor.rows]


def test_a_viewer_reads_but_cannot_save(demo_engine):
    board = BriefingDashboard(demo_engine, user(demo_engine, "viewer"), today=DEMO_TODAY)
    choose_first_call(board)

    assert board.save_button.disabled
    board.save_button.click()  # a disabled button that is clicked anyway: the service refuses
    assert board.notice.kind == "error" and "briefing.write" in board.notice.label.value
    assert saved_packs(demo_engine) == []


def test_saving_before_choosing_shows_an_error_not_a_traceback(dashboard, demo_engine):
    dashboard.save_button.click()

    assert dashboard.notice.kind == "error" and "กิจกรรม" in dashboard.notice.label.value
    assert saved_packs(demo_engine) == []


def test_download_docx_offers_the_edited_pack_as_a_link(dashboard):
    choose_first_call(dashboard)
    dashboard.editor.rows[0].text.value = "ถ้อยคำในไฟล์ Word"

    dashboard.downloads.buttons["docx"].click()

    match = re.search(r'download="([^"]+)" href="data:([^;]+);base64,([^"]+)"', dashboard.downloads.link.value)
    assert match and match.group(1).endswith(".docx") and "wordprocessingml" in match.group(2)
    text = "\n".join(p.text for p in Document(io.BytesIO(base64.b64decode(match.group(3)))).paragraphs)
    assert "ถ้อยคำในไฟล์ Word" in text
    assert dashboard.notice.kind == "success"


def test_download_pdf_offers_a_pdf(dashboard):
    choose_first_call(dashboard)

    dashboard.downloads.buttons["pdf"].click()

    assert dashboard.downloads.filename.endswith(".pdf") and dashboard.downloads.payload.startswith(b"%PDF")


def test_text_a_user_typed_is_shown_as_text(dashboard, demo_engine):
    choose_first_call(dashboard)
    with new_session(demo_engine) as session:
        monitoring.create_note(session, actor=user(demo_engine, "analyst"), data={
            "country_id": dashboard.pack.country_id, "noted_on": DEMO_TODAY, "category": "social",
            "title": "<img src=x onerror=alert(1)> ข่าว"})

    dashboard.show_pack(dashboard.engagement_id)

    assert "<img src=x" not in dashboard.preview.value
    assert "&lt;img src=x onerror=alert(1)&gt; ข่าว" in dashboard.preview.value


def test_the_editor_counts_and_returns_the_points_as_edited():
    changes = []
    editor = TalkingPointsEditor(on_change=lambda: changes.append(1))
    editor.load([PackPoint(talking_point_id=1, topic="ก", text="หนึ่ง", selected=True),
                 PackPoint(talking_point_id=2, topic="ข", text="สอง", selected=False)])

    editor.rows[1].include.value = True
    editor.rows[0].text.value = "หนึ่ง (แก้)"

    assert editor.selected_count == 2 and len(changes) == 2
    assert [(p.text, p.selected) for p in editor.points()] == [("หนึ่ง (แก้)", True), ("สอง", True)]
    editor.reset()
    assert editor.points() == [] and editor.selected_count == 0
