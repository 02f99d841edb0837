"""`workbench report`: each report notebook runs on the demo database and is exported without code as HTML (that
opens with no network) and as PDF whose text, read back with pdftotext, holds the Thai headings and the figures
the statistics service returns. A failing cell stops the export naming the cell and the error."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import nbformat
import pytest

from tests.conftest import DEMO_TODAY
from workbench.cli import main
from workbench.config import PROJECT_ROOT
from workbench.db import SYSTEM, new_session
from workbench.documents import administration_charts as charts
from workbench.documents import reports
from workbench.documents import review_charts as review
from workbench.errors import ValidationError
from workbench.models.base import Region
from workbench.services import budget_reports, countries, monitoring, visits
from workbench.services.administration import statistics
from workbench.thai import fiscal_year

IN_CI = os.environ.get("CI") == "true"
NOTEBOOKS = PROJECT_ROOT / "notebooks"
REPORT_NOTEBOOKS = ("quarterly_statistics", "annual_performance_report", "visit_statistics",
                    "country_monitoring_digest", "budget_review")


@pytest.fixture(autouse=True)
def _demo_today(monkeypatch):
    """The demo office is built around DEMO_TODAY: the report's kernel (which inherits the environment) and this
    process read the same pinned day."""
    from workbench.config import get_settings

    monkeypatch.setenv("WORKBENCH_TODAY", DEMO_TODAY.isoformat())
    get_settings.cache_clear()


def need_pdf_tools():
    from workbench.documents.briefing_pdf import chromium_path
    from workbench.errors import ConfigurationError

    problems = [] if shutil.which("pdftotext") else ["pdftotext not installed (poppler-utils)"]
    try:
        chromium_path()
    except ConfigurationError as missing:
        problems.append(missing.en)
    if problems:
        if IN_CI:
            pytest.fail("; ".join(problems))
        pytest.skip("; ".join(problems))


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def url_of(engine):
    return engine.url.render_as_string(hide_password=False)


def squeeze(text):
    return re.sub(r"\s+", " ", text)


def flat(text):
    return re.sub(r"\s+", "", text)


def test_every_report_notebook_has_a_parameters_cell_and_no_outputs():
    for name in REPORT_NOTEBOOKS:
        notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
        index, defaults = reports.parameters_cell(notebook)
        assert {"database_url", "as_user"} <= set(defaults)
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code")
        assert "session.exec" not in "".join(c.source for c in notebook.cells)  # services only, no SQL


def test_workbench_report_makes_the_quarterly_pdf_with_the_service_figures(demo_engine, tmp_path, capsys):
    need_pdf_tools()
    fy = fiscal_year(DEMO_TODAY)
    out = tmp_path / "q1.pdf"

    code = main(["--database", url_of(demo_engine), "report", "quarterly_statistics", "-p", f"fiscal_year={fy}",
                 "-p", "quarter=1", "--out", str(out)])

    assert code == 0
    progress = capsys.readouterr().err
    assert "cell 1 of" in progress and "Traceback" not in progress
    with new_session(demo_engine) as session:
        stats = statistics.quarter_statistics(session, fiscal_year=fy, quarter=1, actor=SYSTEM)
    text = squeeze(pdf_text(out))
    assert "สำนักงานต่างประเทศ สำนักงานเลขาธิการวุฒิสภา" in text
    assert flat(f"รายงานสถิติผลการดำเนินงาน ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. {fy}") in flat(text)
    for heading in ("สรุปผลการดำเนินงาน", "การเยือนจำแนกตามภูมิภาค"):
        assert heading in text
    for label, value in (("การเข้าเยี่ยมคารวะ", stats.courtesy_calls), ("งานเลี้ยงรับรอง", stats.receptions),
                         ("คณะต่างประเทศเยือนไทย", stats.inbound_visits),
                         ("คณะวุฒิสภาเยือนต่างประเทศ", stats.outbound_visits),
                         ("เบิกจ่ายสะสม ณ สิ้นไตรมาส (บาท)", charts.shown(stats.budget_disbursed)),
                         ("หนังสือที่ลงทะเบียน", charts.shown(stats.documents_registered))):
        assert f"{label} {value}" in text, label
    label = reports.classification_label(stats.classification)
    assert (f"ชั้นความลับ: {label}" in text) if label else ("ไม่มีชั้นความลับ" in text)
    assert "import " not in text and "quarter_statistics(" not in text  # no code cells


@pytest.mark.parametrize("name, parameters, headings", [
    ("annual_performance_report", ["fiscal_year={fy}"],
     ["ผลการดำเนินงานตามแผนปฏิบัติงาน", "กิจกรรมรายไตรมาส", "การเบิกจ่ายงบประมาณเทียบเป้าหมาย"]),
    ("visit_statistics", [], ["จำแนกตามภูมิภาค", "จำแนกตามประเภทการเยือน", "จำแนกตามผู้บริหาร/หัวหน้าคณะ"]),
    ("quarterly_statistics", ["fiscal_year={fy}", "quarter=1"], ["สรุปผลการดำเนินงาน"]),
    ("country_monitoring_digest", ["region=เอเชีย"],
     ["สรุปรายประเทศ", "บันทึกการติดตามสถานการณ์รายเดือน", "การเยือนกับประเทศในภูมิภาค"]),
    ("budget_review", ["fiscal_year={fy}"],
     ["งบประมาณรายรายการ", "การเบิกจ่ายสะสมเทียบเป้าหมาย", "ประมาณการ ณ สิ้นปีงบประมาณ", "ข้อสังเกต"]),
])
def test_each_report_notebook_becomes_html_and_pdf(demo_engine, tmp_path, name, parameters, headings):
    need_pdf_tools()
    fy = fiscal_year(DEMO_TODAY)
    pairs = [p.format(fy=fy) for p in parameters] + [f"database_url={url_of(demo_engine)}"]
    steps = []

    result = reports.run_report(name, pairs, progress=lambda n, total: steps.append((n, total)))

    assert steps[0][0] == 1 and steps[-1][0] == steps[-1][1] == result.cells
    page = reports.render(result, "html").decode("utf-8")
    assert "<script" not in page and not re.search(r"(src|href)=\"https?:", page)
    assert "data:image/png;base64," in page and "data:font/ttf;base64," in page
    assert "database_url" not in page  # the connection is never printed
    (tmp_path / "r.pdf").write_bytes(reports.render(result, "pdf"))
    text = squeeze(pdf_text(tmp_path / "r.pdf"))
    assert "สำนักงานต่างประเทศ" in text and flat(result.title) in flat(text)  # a long title wraps between words
    for heading in headings:
        assert heading in text, heading

    if name == "annual_performance_report":
        with new_session(demo_engine) as session:
            progress = statistics.plan_progress(session, fiscal_year=fy, actor=SYSTEM)
        calls = next(r for r in progress if r["measure"] == "courtesy_calls")
        row = [calls["target"], calls["q1"], calls["q2"], calls["q3"], calls["q4"], calls["actual"],
               calls["reached_percent"]]
        shown = [charts.target_text(row[0])] + [charts.shown(v) for v in row[1:]]
        assert calls["code"] in text and " ".join(shown) in text
    if name == "visit_statistics":
        with new_session(demo_engine) as session:
            start, end = reports.report_period()
            rows = statistics.visit_statistics(session, start=start, end=end, actor=SYSTEM)
        assert f"จำนวนการเยือนทั้งหมด: {len(rows)} คณะ" in text
    if name == "country_monitoring_digest":
        with new_session(demo_engine) as session:
            start, end = reports.report_period()
            every = countries.list_countries(session)
            notes = review.region_notes(monitoring.list_notes(session, actor=SYSTEM, since=start, until=end,
                                                              limit=None), every, Region.ASIA)
            trips = review.region_visits(visits.list_visits(session, actor=SYSTEM, start=start, end=end), every,
                                         Region.ASIA)
        assert notes, "the demo office monitors Asia"
        assert flat(f"บันทึกการติดตามสถานการณ์: {len(notes)} เรื่อง · การเยือน: {len(trips)} คณะ") in flat(text)
        assert flat(notes[0]["country"].name_th) in flat(text)
        assert "ภูมิภาคเอเชีย" in text
    if name == "budget_review":
        from workbench import clock

        with new_session(demo_engine) as session:
            summary = budget_reports.year_summary(session, fiscal_year=fy, actor=SYSTEM, today=clock.today())
            outlook = budget_reports.forecast(summary)
        assert summary.lines, "the demo office has a budget"
        money = summary.totals
        for figures in ((money.allocated, money.allotted, money.available),
                        (money.committed, money.disbursed, budget_reports.percent(money.disbursed, money.allocated))):
            assert "รวมทั้งสิ้น " + " ".join(charts.shown(v) for v in figures) in text  # the two tables' totals rows
        assert charts.shown(outlook.projected_disbursed) in text
        assert summary.lines[0].line.code in text


def write_notebook(folder, cells):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source, metadata={"tags": ["parameters"]} if n == 0 else {})
                      for n, source in enumerate(cells)]
    nbformat.write(notebook, folder / "broken.ipynb")


def test_a_failing_cell_stops_the_export_naming_the_cell_and_the_error(tmp_path, monkeypatch, capsys):
    write_notebook(tmp_path, ["divisor = 0", "total = 10", "share = total / divisor", "print('never')"])
    monkeypatch.setenv("WORKBENCH_NOTEBOOKS_DIR", str(tmp_path))
    out = tmp_path / "broken.html"

    code = main(["report", "broken", "-p", "divisor=0", "--out", str(out)])

    error = capsys.readouterr().err
    assert code != 0 and not out.exists()
    assert "cell 3 of 4" in error and "ZeroDivisionError" in error and "share = total / divisor" in error
    assert "Traceback" not in error


def test_parameters_are_checked_against_the_parameters_cell(tmp_path):
    write_notebook(tmp_path, ["fiscal_year = 2570\nquarter = 1", "x = 1"])
    with pytest.raises(ValidationError) as unknown:
        reports.run_report("broken", ["year=2570"], folder=tmp_path)
    assert "fiscal_year" in unknown.value.en and unknown.value.field == "-p"
    with pytest.raises(ValidationError) as wrong_type:
        reports.run_report("broken", ["quarter=first"], folder=tmp_path)
    assert "int" in wrong_type.value.en
    assert reports.parse_parameters(["fiscal_year=๒๕๗๐"], {"fiscal_year": 2569}) == {"fiscal_year": 2570}


def test_a_notebook_outside_the_folder_is_not_found(tmp_path):
    from workbench.errors import NotFound

    with pytest.raises(NotFound):
        reports.find_notebook("../tests/conftest", NOTEBOOKS)


def test_every_notebook_in_the_folder_has_a_test_that_names_it():
    """CI executes every notebook on the demo data through the tests: a new notebook needs a test naming it."""
    tests = "".join(p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "tests").glob("test_*.py"))
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        assert f'"{path.stem}' in tests or f"{path.name}" in tests, path.name


def test_a_region_is_named_by_its_code_or_its_label():
    assert review.region_of("asia") == review.region_of("เอเชีย") == review.region_of(" Asia ") == Region.ASIA
    with pytest.raises(ValidationError) as unknown:
        review.region_of("atlantis")
    assert unknown.value.field == "region" and "asia" in unknown.value.en


def test_user_text_in_the_report_tables_stays_text():
    page = review.text_table([{"เรื่อง": "<script>alert(1)</script> & <b>"}]).to_html()
    assert "<script>" not in page and "&lt;script&gt;" in page
