"""The inter-parliamentary follow-ups notebook runs top to bottom on the demo office with its parameters cell set,
and charts follow-up completion and Thailand's participation over the years (B.E.)."""

from __future__ import annotations

import json

import nbformat
from nbclient import NotebookClient

from workbench.config import PROJECT_ROOT
from workbench.db import SYSTEM
from workbench.demo import DEMO_PASSWORD
from workbench.services.interparliamentary import stats
from workbench.services.users import get_user

NOTEBOOK = PROJECT_ROOT / "notebooks" / "interparliamentary_followups.ipynb"


def test_the_notebook_has_a_tagged_parameters_cell_and_no_outputs():
    notebook = json.loads(NOTEBOOK.read_text("utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]

    assert "parameters" in code[0]["metadata"].get("tags", [])
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)


def test_the_notebook_charts_the_demo_office(demo_engine, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_NOTEBOOK_PASSWORD", DEMO_PASSWORD)  # what getpass would be answered
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    cell.source += f"\ndatabase_url = {demo_engine.url.render_as_string(hide_password=False)!r}\nusername = 'viewer'"

    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()

    shown = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in shown if o.output_type == "error"]
    assert sum("image/png" in o.get("data", {}) for o in shown) == 2
    tables = [o["data"]["text/html"] for o in shown if "text/html" in o.get("data", {})]
    assert "2569" in tables[0] and "year_be" in tables[0]  # B.E. years
    assert not [t for t in tables if "NaN" in t or "None" in t or "NaT" in t]


def test_participation_and_completion_per_be_year(demo_session):
    participation = stats.participation_by_year(demo_session, actor=SYSTEM)
    completion = stats.follow_up_completion(demo_session, actor=SYSTEM)

    years = {r["year_be"] for r in participation if r["attended"]}
    assert {2567, 2568, 2569} <= years
    assert all(r["delegates"] >= r["attended"] for r in participation)
    assert completion[-1]["year_be"] == 2569 and completion[0]["done_pct"] == 100.0
    viewer = get_user(demo_session, username="viewer")
    assert sum(r["open"] + r["done"] for r in stats.follow_up_completion(demo_session, actor=viewer)) == \
        sum(r["open"] + r["done"] for r in completion)  # no classified summary in the demo
