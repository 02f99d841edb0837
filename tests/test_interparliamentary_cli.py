"""`workbench meeting list`, `workbench meeting summary` and `workbench followup list` on the demo office."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document

from tests.test_cli import assert_one_line_error, run_cli
from workbench.cli import main


@pytest.fixture
def demo_url(demo_engine, monkeypatch):
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-11-25")
    from workbench.config import get_settings

    get_settings.cache_clear()
    return demo_engine.url.render_as_string(hide_password=False)


def test_meeting_list_of_ipu_as_json_has_entered_and_predicted_assemblies(demo_url, capsys):
    assert main(["--database", demo_url, "meeting", "list", "--org", "IPU", "--from", "2026-01-01",
                 "--to", "31/12/2570", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)

    assert [(r["number"], r["projected"]) for r in rows] == [(152, True), (153, False), (154, False), (155, True)]
    assert {r["organization"] for r in rows} == {"IPU"} and rows[1]["id"] and rows[1]["preparation"] == "6/6"


def test_meeting_list_as_a_table(demo_url, capsys):
    assert main(["--database", demo_url, "meeting", "list", "--from", "2026-11-25", "--to", "2027-12-31",
                 "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["id", "organization", "kind"]
    assert any("APPF" in line for line in lines) and any("AIPA" in line for line in lines)


def test_meeting_summary_writes_the_docx(demo_url, tmp_path, capsys):
    main(["--database", demo_url, "meeting", "list", "--org", "IPU", "--from", "2026-10-01", "--to", "2026-10-31",
          "--format", "json"])
    meeting_id = json.loads(capsys.readouterr().out)[0]["id"]
    out = tmp_path / "summary.docx"

    assert main(["--database", demo_url, "meeting", "summary", "--meeting", str(meeting_id), "--out", str(out)]) == 0

    document = Document(io.BytesIO(out.read_bytes()))
    assert document.paragraphs[0].text == "สรุปผลการประชุม"
    assert "3 follow-up(s)" in capsys.readouterr().out


def test_followup_list_overdue_names_only_overdue_open_follow_ups(demo_url, capsys):
    assert main(["--database", demo_url, "followup", "list", "--overdue", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["overdue"] and r["status"] in ("open", "in_progress") for r in rows)
    assert all(r["due_date"] < "2026-11-25" for r in rows)


def test_a_bad_organisation_or_file_type_is_a_one_line_error(demo_url, tmp_path):
    assert "NOPE" in assert_one_line_error(run_cli("--database", demo_url, "meeting", "list", "--org", "NOPE"))
    assert ".docx" in assert_one_line_error(run_cli("--database", demo_url, "meeting", "summary", "--meeting", "1",
                                                    "--out", str(tmp_path / "x.txt")))
