"""The monitoring-notes panel (analysts, JupyterLab): search any part of a Thai word, record a note, export."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from workbench.db import SYSTEM, new_session
from workbench.models.base import Clearance
from workbench.models.briefing import MonitoringNote
from workbench.models.countries import Country
from workbench.models.users import User
from workbench.services import monitoring
from workbench.ui.briefing.monitoring_notes import MonitoringNotes


def user(engine, name):
    with new_session(engine) as session:
        return session.exec(select(User).where(User.username == name)).one()


def add_note(engine, title, classification=Clearance.NONE):
    with new_session(engine) as session:
        japan = session.exec(select(Country).where(Country.iso2 == "JP")).one()
        monitoring.create_note(session, actor=SYSTEM, data={
            "country_id": japan.id, "noted_on": DEMO_TODAY, "category": "economic", "title": title,
            "summary": title, "classification": classification})


def test_search_finds_any_part_of_a_thai_word(demo_engine):
    add_note(demo_engine, "ญี่ปุ่นประกาศมาตรการกระตุ้นเศรษฐกิจ")
    panel = MonitoringNotes(demo_engine, user(demo_engine, "analyst"))
    panel.query.value = "กระตุ้นเศรษ"  # Enter (or leaving the box) searches
    assert [row["title"] for row in panel.rows] == ["ญี่ปุ่นประกาศมาตรการกระตุ้นเศรษฐกิจ"]
    assert "ญี่ปุ่นประกาศมาตรการกระตุ้นเศรษฐกิจ" in panel.results.value


def test_a_viewer_sees_no_secret_note_and_no_form(demo_engine):
    add_note(demo_engine, "ข่าวลับมากทดสอบ", Clearance.SECRET)
    panel = MonitoringNotes(demo_engine, user(demo_engine, "viewer"))
    panel.query.value = "ข่าวลับมาก"
    panel.search_button.click()
    assert panel.rows == [] and "ข่าวลับมากทดสอบ" not in panel.results.value
    assert panel.form not in panel.children


def test_an_analyst_records_a_note(demo_engine):
    panel = MonitoringNotes(demo_engine, user(demo_engine, "analyst"))
    form = panel.form
    form.country.value = form.country.options[0][1]
    form.title.value = "การเลือกตั้งทั่วไปทดสอบ"
    form.tags.value = "เลือกตั้ง, รัฐสภา"
    form.save_button.click()
    assert "การเลือกตั้งทั่วไปทดสอบ" in panel.notice.label.value
    with new_session(demo_engine) as session:
        assert session.exec(select(MonitoringNote).where(MonitoringNote.title == "การเลือกตั้งทั่วไปทดสอบ")).one()
    assert form.title.value == ""


def test_a_note_without_a_title_is_refused_naming_the_field(demo_engine):
    panel = MonitoringNotes(demo_engine, user(demo_engine, "analyst"))
    with new_session(demo_engine) as session:
        before = len(session.exec(select(MonitoringNote)).all())
    panel.form.save_button.click()
    assert panel.notice.kind == "error" and panel.notice.label.value.startswith("หัวเรื่อง")
    with new_session(demo_engine) as session:
        assert len(session.exec(select(MonitoringNote)).all()) == before


def test_markup_in_a_title_is_shown_as_text(demo_engine):
    add_note(demo_engine, "<img src=x onerror=alert(1)>")
    panel = MonitoringNotes(demo_engine, user(demo_engine, "analyst"))
    panel.query.value = "onerror"
    panel.search_button.click()
    assert "<img" not in panel.results.value and "&lt;img src=x onerror=alert(1)&gt;" in panel.results.value


def test_results_export_to_xlsx(demo_engine):
    panel = MonitoringNotes(demo_engine, user(demo_engine, "analyst"))
    panel.export_button.click()
    sheet = load_workbook(io.BytesIO(panel.download.payload)).active
    assert sheet.cell(1, 4).value == "หัวเรื่อง"
    assert sheet.max_row == len(panel.rows) + 1 > 1


def test_the_analysts_notebook_runs_and_shows_the_panel(demo_engine, tmp_path, monkeypatch):
    from workbench.demo import DEMO_PASSWORD

    monkeypatch.setenv("WORKBENCH_NOTEBOOK_PASSWORD", DEMO_PASSWORD)  # what getpass would be answered
    import nbformat
    from nbclient import NotebookClient

    from workbench.config import PROJECT_ROOT

    notebook = nbformat.read(PROJECT_ROOT / "notebooks" / "monitoring_notes.ipynb", as_version=4)
    cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    cell.source += f"\ndatabase_url = {demo_engine.url.render_as_string(hide_password=False)!r}"
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    shown = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in shown if o.output_type == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in shown)
