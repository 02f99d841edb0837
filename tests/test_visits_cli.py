"""`workbench calendar export`, `workbench visit list` and `workbench engagement list` on the demo office."""

from __future__ import annotations

import json

import pytest
from icalendar import Calendar

from tests.test_cli import assert_one_line_error, run_cli
from workbench.cli import main


@pytest.fixture
def demo_url(demo_engine):
    return demo_engine.url.render_as_string(hide_password=False)


def test_calendar_export_writes_a_parseable_ics(demo_url, tmp_path, capsys):
    out = tmp_path / "dec.ics"
    assert main(["--database", demo_url, "calendar", "export", "--from", "2026-10-01", "--to", "30/9/2570",
                 "--out", str(out)]) == 0
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert len(events) > 20
    assert f"{len(events)} item(s) written" in capsys.readouterr().out


def test_visit_list_as_json_names_ids_kinds_and_countries(demo_url, capsys):
    assert main(["--database", demo_url, "visit", "list", "--format", "json", "--direction", "outbound"]) == 0
    visits = json.loads(capsys.readouterr().out)
    assert visits and all(v["direction"] == "outbound" for v in visits)
    assert {"id", "kind", "start", "end", "status", "principal", "country"} <= set(visits[0])


def test_engagement_list_as_a_table(demo_url, capsys):
    assert main(["--database", demo_url, "engagement", "list", "--kind", "courtesy_call", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["id", "kind", "start"] and len(lines) > 10


def test_a_viewer_does_not_see_classified_engagements(demo_url, capsys):
    main(["--database", demo_url, "engagement", "list", "--format", "json"])
    everything = json.loads(capsys.readouterr().out)
    main(["--database", demo_url, "engagement", "list", "--format", "json", "--as", "viewer"])
    shown = json.loads(capsys.readouterr().out)
    assert len(shown) < len(everything)


def test_bad_dates_and_reversed_ranges_are_one_line_errors(demo_url):
    assert_one_line_error(run_cli("--database", demo_url, "visit", "list", "--from", "yesterday"))
    line = assert_one_line_error(run_cli("--database", demo_url, "visit", "list", "--from", "2026-12-31",
                                         "--to", "2026-12-01"))
    assert "--to" in line


def test_unknown_user_is_a_one_line_error(demo_url):
    line = assert_one_line_error(run_cli("--database", demo_url, "visit", "list", "--as", "nobody"))
    assert "nobody" in line
