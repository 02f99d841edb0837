"""`workbench letter passport|visa` and `workbench passport expiring` on the demo office (as of its pinned day)."""

from __future__ import annotations

import io
import json

import pytest
from docx import Document
from sqlmodel import func, select

from tests.conftest import DEMO_TODAY
from tests.test_cli import assert_one_line_error, run_cli
from workbench.cli import main
from workbench.db import new_session
from workbench.models.correspondence import Correspondence
from workbench.models.visits import Visit


@pytest.fixture
def demo_url(demo_engine, monkeypatch):
    monkeypatch.setenv("WORKBENCH_TODAY", DEMO_TODAY.isoformat())
    from workbench.config import get_settings

    get_settings.cache_clear()
    return demo_engine.url.render_as_string(hide_password=False)


def _visit(engine, title_part: str) -> int:
    with new_session(engine) as session:
        return session.exec(select(Visit).where(Visit.title_en.contains(title_part))).first().id


def _entries(engine) -> int:
    with new_session(engine) as session:
        return session.exec(select(func.count()).select_from(Correspondence)).one()


def _newest_outgoing(engine) -> Correspondence:
    with new_session(engine) as session:
        return session.exec(select(Correspondence).where(Correspondence.register == "outgoing")
                            .order_by(Correspondence.id.desc())).first()


def _highest_number(engine, year: int) -> int:
    with new_session(engine) as session:
        return session.exec(select(func.max(Correspondence.number)).where(
            Correspondence.register == "outgoing", Correspondence.year == year)).one() or 0


def test_a_draft_passport_letter_has_no_number_and_issuing_takes_one(demo_url, demo_engine, tmp_path, capsys):
    aipa = _visit(demo_engine, "AIPA")  # every member of the AIPA delegation holds a passport
    before = _entries(demo_engine)  # the demo office's own letters
    draft = tmp_path / "draft.docx"
    assert main(["--database", demo_url, "letter", "passport", "--visit", str(aipa), "--out", str(draft)]) == 0
    assert "draft, no number" in capsys.readouterr().out
    assert _entries(demo_engine) == before
    issued = tmp_path / "issued.docx"
    assert main(["--database", demo_url, "letter", "passport", "--visit", str(aipa), "--out", str(issued),
                 "--issue"]) == 0
    entry = _newest_outgoing(demo_engine)
    assert entry.visit_id == aipa and entry.number == _highest_number(demo_engine, entry.year)
    assert f"issued as สว 0010/{entry.number}" in capsys.readouterr().out
    lines = [p.text for p in Document(io.BytesIO(issued.read_bytes())).paragraphs]
    assert "เรียน  อธิบดีกรมการกงสุล" in lines
    assert _entries(demo_engine) == before + 1


def test_refusals_are_one_line_naming_the_person_and_take_no_number(demo_url, demo_engine, tmp_path):
    geneva = _visit(demo_engine, "Geneva")  # one senator of the demo delegation to Geneva has no passport yet
    before = _entries(demo_engine)
    line = assert_one_line_error(run_cli("--database", demo_url, "letter", "visa", "--visit", str(geneva),
                                         "--country", "CH", "--out", str(tmp_path / "nv.pdf"), "--issue",
                                         env={"WORKBENCH_TODAY": DEMO_TODAY.isoformat()}))
    assert "ไม่มีหนังสือเดินทางในทะเบียน" in line and "has no passport in the register" in line
    line = assert_one_line_error(run_cli("--database", demo_url, "letter", "visa", "--visit", str(geneva),
                                         "--country", "DE", "--out", str(tmp_path / "nv.pdf")))
    assert "Germany is not on the visit" in line
    assert not (tmp_path / "nv.pdf").exists()
    assert _entries(demo_engine) == before


def test_passports_expiring_within_days_as_json(demo_url, capsys):
    assert main(["--database", demo_url, "passport", "expiring", "--within", "180", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(0 <= row["days_left"] <= 180 for row in rows)
    assert rows == sorted(rows, key=lambda row: row["expiry_date"])
