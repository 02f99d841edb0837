"""The comparative parliaments notebook runs from top to bottom against a test database (nbclient), with its
parameters cell set, and shows Thailand beside the chosen countries in a table and a chart."""

from __future__ import annotations

import json

import nbformat
from nbclient import NotebookClient

from workbench.config import PROJECT_ROOT
from workbench.documents.briefing_charts import comparison_figure, comparison_table

NOTEBOOK = PROJECT_ROOT / "notebooks" / "comparative_parliaments.ipynb"


def run_notebook(tmp_path, **parameters):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    cell.source += "\n" + "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    return notebook


def outputs(notebook):
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", [])]


def test_the_notebook_has_a_tagged_parameters_cell_and_no_outputs():
    notebook = json.loads(NOTEBOOK.read_text("utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]

    assert "parameters" in code[0]["metadata"].get("tags", [])
    assert all(not c["outputs"] for c in code)


def test_the_notebook_compares_chosen_countries_with_thailand(demo_engine, tmp_path):
    url = demo_engine.url.render_as_string(hide_password=False)

    notebook = run_notebook(tmp_path, countries=["DE", "JP"], database_url=url, lang="th")

    shown = outputs(notebook)
    assert not [o for o in shown if o.output_type == "error"]
    table = next(o["data"]["text/html"] for o in shown if "text/html" in o.get("data", {}))
    assert "ไทย" in table and "เยอรมนี" in table and "ญี่ปุ่น" in table and "200" in table
    assert "NaN" not in table and "None" not in table and "NaT" not in table  # an unknown figure is left empty
    assert "2569" in table  # dates (as of) in B.E.
    assert any("image/png" in o.get("data", {}) for o in shown)


def test_the_chart_and_table_label_every_chamber():
    rows = [{"iso2": "TH", "country_th": "ไทย", "country_en": "Thailand", "chamber_type": "upper",
             "statutory_seats": 200, "current_members": 200, "women_pct": None, "electoral_system": "",
             "designation": "selected", "term_years": 5, "speaker": "", "last_election": None,
             "next_election": "", "as_of": None, "source": "x"},
            {"iso2": "FR", "country_th": "ฝรั่งเศส", "country_en": "France", "chamber_type": None,
             "statutory_seats": None, "current_members": None, "women_pct": None, "electoral_system": "",
             "designation": None, "term_years": None, "speaker": "", "last_election": None,
             "next_election": "", "as_of": None, "source": ""}]

    figure = comparison_figure(rows, lang="th")
    labels = [tick.get_text() for tick in figure.axes[0].get_xticklabels()]

    assert labels == ["ไทย\nสภาสูง", "ฝรั่งเศส\n(ไม่มีข้อมูล)"]
    assert comparison_table(rows, lang="en")[0]["How members are designated"] == "Selected"
