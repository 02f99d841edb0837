"""The analysts' visit calendar notebook runs from top to bottom in a real kernel and shows the VisitsApp."""

from __future__ import annotations

import json

import nbformat
from nbclient import NotebookClient

from workbench.config import PROJECT_ROOT
from workbench.demo import DEMO_PASSWORD

NOTEBOOK = PROJECT_ROOT / "notebooks" / "visit_calendar.ipynb"


def test_the_notebook_has_a_tagged_parameters_cell_and_no_outputs():
    code = [c for c in json.loads(NOTEBOOK.read_text("utf-8"))["cells"] if c["cell_type"] == "code"]
    assert "parameters" in code[0]["metadata"].get("tags", [])
    assert all(not c["outputs"] for c in code)


def test_the_notebook_shows_the_calendar_to_the_chosen_user(demo_engine, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_NOTEBOOK_PASSWORD", DEMO_PASSWORD)  # what getpass would be answered
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    url = demo_engine.url.render_as_string(hide_password=False)
    cell.source += f"\nusername = 'protocol'\ndatabase_url = {url!r}"
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    shown = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in shown if o.output_type == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in shown)
