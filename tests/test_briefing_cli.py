"""`workbench briefing --engagement ID --out FILE` and `workbench import parline FILE` on the demo office."""

from __future__ import annotations

import io

import pytest
from docx import Document
from sqlmodel import select

from tests.conftest import DEMO_TODAY
from tests.test_cli import assert_one_line_error, run_cli
from workbench.cli import main
from workbench.db import new_session
from workbench.models.briefing import ChamberSnapshot
from workbench.models.users import User
from workbench.services import briefing


@pytest.fixture
def demo_url(demo_engine):
    return demo_engine.url.render_as_string(hide_password=False)


@pytest.fixture
def call_id(demo_engine):
    with new_session(demo_engine) as session:
        viewer = session.exec(select(User).where(User.username == "viewer")).one()
        return briefing.briefable_engagements(session, actor=viewer, around=DEMO_TODAY)[0].engagement_id


def test_briefing_writes_a_docx_pack(demo_url, call_id, tmp_path, capsys):
    out = tmp_path / "pack.docx"

    assert main(["--database", demo_url, "briefing", "--engagement", str(call_id), "--out", str(out)]) == 0

    text = "\n".join(p.text for p in Document(io.BytesIO(out.read_bytes())).paragraphs)
    assert "ข้อมูลประกอบการสนทนา" in text and "ประเด็นการสนทนา" in text
    assert f"written to {out}" in capsys.readouterr().out


def test_briefing_as_a_user_shows_only_what_they_may_see(demo_url, call_id, tmp_path, capsys):
    out = tmp_path / "pack.html"

    assert main(["--database", demo_url, "briefing", "--engagement", str(call_id), "--out", str(out),
                 "--as", "viewer", "--lang", "en"]) == 0

    page = out.read_text("utf-8")
    assert "Conversation brief" in page and "Classification:" not in page
    assert "classified" not in capsys.readouterr().out


def test_briefing_as_the_system_says_the_pack_is_classified(demo_url, call_id, tmp_path, capsys):
    assert main(["--database", demo_url, "briefing", "--engagement", str(call_id), "--out",
                 str(tmp_path / "pack.html")]) == 0

    assert "classified: ลับ" in capsys.readouterr().out


def test_an_unknown_engagement_is_one_clear_line(demo_url, tmp_path):
    line = assert_one_line_error(run_cli("--database", demo_url, "briefing", "--engagement", "999999", "--out",
                                         str(tmp_path / "x.pdf")))
    assert "no engagement with id 999999" in line


def test_an_unknown_file_kind_is_one_clear_line(demo_url, call_id, tmp_path):
    line = assert_one_line_error(run_cli("--database", demo_url, "briefing", "--engagement", str(call_id),
                                         "--out", str(tmp_path / "x.odt")))
    assert "unsupported file kind 'odt'" in line


def test_import_parline_loads_a_csv(demo_engine, demo_url, tmp_path, capsys):
    path = tmp_path / "parline.csv"
    path.write_text("Country,Chamber type,Current number of members,Percentage of women\n"
                    "Japan,Lower chamber,465,15.7\nJapan,Upper chamber,248,29.1\n", encoding="utf-8")
    with new_session(demo_engine) as session:
        before = len(session.exec(select(ChamberSnapshot)).all())

    assert main(["--database", demo_url, "import", "parline", str(path), "--as-of", "1/10/2569"]) == 0

    assert "2 chamber snapshot(s) added" in capsys.readouterr().out
    with new_session(demo_engine) as session:
        assert len(session.exec(select(ChamberSnapshot)).all()) == before + 2


def test_import_parline_names_the_bad_row_and_column_in_one_line(demo_url, tmp_path):
    path = tmp_path / "parline.csv"
    path.write_text("Country,Chamber type,Percentage of women,Date\nJapan,Lower chamber,15.7,2026-10-01\n"
                    "Japan,Upper chamber,very many,2026-10-01\n", encoding="utf-8")

    line = assert_one_line_error(run_cli("--database", demo_url, "import", "parline", str(path)))

    assert "row 3, column 'Percentage of women'" in line and "แถวที่ 3" in line


def test_import_parline_as_a_viewer_is_refused(demo_url, tmp_path):
    path = tmp_path / "parline.csv"
    path.write_text("Country,Chamber type,Date\nJapan,Lower chamber,2026-10-01\n", encoding="utf-8")

    line = assert_one_line_error(run_cli("--database", demo_url, "import", "parline", str(path), "--as", "viewer"))

    assert "may not" in line
