"""House rules are checks that fail CI: ruff (pyflakes, bugbear, import order, complexity) and import-linter's
contracts (the layers; ipywidgets only under ``workbench.ui``; nothing imports ``workbench.cli``).

Each rule is proved twice: the real tree passes, and a temporary copy of the package with one deliberately bad
module fails ``.ci/lint.sh`` — the script ``.ci/test-suite.sh`` runs before the tests.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _lint(folder: Path) -> subprocess.CompletedProcess[str]:
    """``.ci/lint.sh`` in ``folder``, with this interpreter's tools and ``folder``'s package first on the path."""
    env = {**os.environ, "WORKBENCH_VENV": str(BIN.parent), "PYTHONPATH": str(folder)}
    return subprocess.run(["bash", str(folder / ".ci" / "lint.sh")], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The package, its pyproject.toml and the lint script, copied to a temporary folder."""
    shutil.copytree(ROOT / "workbench", tmp_path / "workbench", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / ".ci").mkdir()
    shutil.copy(ROOT / ".ci" / "lint.sh", tmp_path / ".ci" / "lint.sh")
    return tmp_path


def test_the_real_tree_keeps_the_house_rules():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_an_unchanged_copy_passes(copy):
    """The copy itself is clean, so the failures below come from the bad module alone."""
    result = _lint(copy)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_service_importing_a_widget_fails(copy):
    (copy / "workbench" / "services" / "wrong_way.py").write_text(
        '"""A service that reaches up into the widgets."""\n\nfrom workbench.ui.notice import Notice\n\n\n'
        "def notice() -> Notice:\n    return Notice()\n", "utf-8")
    result = _lint(copy)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert "workbench.services.wrong_way -> workbench.ui.notice" in result.stdout


def test_a_model_importing_a_service_fails(copy):
    (copy / "workbench" / "models" / "wrong_way.py").write_text(
        '"""A model that asks a service."""\n\nfrom workbench.services import access\n\nPERMISSIONS = access\n',
        "utf-8")
    result = _lint(copy)
    assert result.returncode != 0
    assert "workbench.models.wrong_way -> workbench.services" in result.stdout


def test_a_command_importing_the_cli_privates_fails(copy):
    (copy / "workbench" / "commands" / "wrong_way.py").write_text(
        '"""A command that borrows the CLI\'s private helper."""\n\nfrom workbench.cli import _engine\n\n'
        "ENGINE = _engine\n", "utf-8")
    result = _lint(copy)
    assert result.returncode != 0
    assert "workbench.commands.wrong_way -> workbench.cli" in result.stdout


def test_ipywidgets_outside_the_ui_fails(copy):
    (copy / "workbench" / "documents" / "wrong_way.py").write_text(
        '"""A document writer that builds a widget."""\n\nimport ipywidgets\n\nBOX = ipywidgets.VBox\n', "utf-8")
    result = _lint(copy)
    assert result.returncode != 0
    assert "ipywidgets only under workbench.ui BROKEN" in result.stdout.replace("\n", " ")


def test_an_unused_import_fails(copy):
    (copy / "workbench" / "services" / "untidy.py").write_text(
        '"""A module with an unused import."""\n\nimport os\n\nANSWER = 42\n', "utf-8")
    result = _lint(copy)
    assert result.returncode != 0
    assert "F401" in result.stdout and "untidy.py" in result.stdout


def test_a_loop_variable_caught_by_a_closure_fails(copy):
    (copy / "workbench" / "services" / "late_binding.py").write_text(
        '"""Callbacks that all see the last value."""\n\n\ndef callbacks() -> list:\n    made = []\n'
        "    for number in range(3):\n        made.append(lambda: number)\n    return made\n", "utf-8")
    result = _lint(copy)
    assert result.returncode != 0
    assert "B023" in result.stdout


def test_ci_runs_the_house_rules_before_the_tests_and_fails_with_them():
    suite = (ROOT / ".ci" / "test-suite.sh").read_text("utf-8")
    assert suite.index("bash .ci/lint.sh") < suite.index("-m pytest")
    assert "[ $lint_status -eq 0 ]" in suite
    assert "bash .ci/lint.sh" in (ROOT / "Makefile").read_text("utf-8")


def test_nothing_imports_a_private_name_of_the_cli():
    """import-linter forbids importing ``workbench.cli`` below it; this also covers the top-level scripts."""
    offenders = []
    for path in [*ROOT.glob("workbench/**/*.py"), *ROOT.glob("tests/*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "workbench.cli":
                offenders += [f"{path.relative_to(ROOT)}: {a.name}" for a in node.names if a.name.startswith("_")]
    assert offenders == []


def test_no_module_of_the_workbench_imports_one_that_imports_it_back():
    """No cycles (such as engagements <-> protocol, or reference <-> its loaders), lazy imports included."""
    import grimp

    graph = grimp.build_graph("workbench", cache_dir=None)
    cycles = sorted({
        " <-> ".join(sorted((module, imported)))
        for module in graph.modules if module.startswith("workbench")
        for imported in graph.find_modules_directly_imported_by(module)
        if imported.startswith("workbench") and graph.find_shortest_chain(importer=imported, imported=module)
    })
    assert cycles == []


def test_the_registry_has_one_name():
    """``workbench/registry.py`` is the registry; the old ``workbench/dashboards.py`` re-export is gone, so the name
    cannot be confused with the ``dashboards/`` folder of notebooks."""
    from workbench import registry

    assert not (ROOT / "workbench" / "dashboards.py").exists()
    assert registry.get(registry.HOME).name == "home"
    with pytest.raises(ModuleNotFoundError):
        __import__("workbench.dashboards")


ERRORS = {"WorkbenchError", "ValidationError", "NotFound", "PermissionDenied", "ConflictError", "ConfigurationError",
          "field_error", "not_found"}


def test_one_rule_for_thai_and_english_texts():
    """Labels come from the catalogue (``t``; ``t(key, "both")`` for bilingual documents); error messages are
    inline Thai/English pairs where they are raised, never catalogue labels (see the README's house rules)."""
    from workbench import i18n

    assert not hasattr(i18n, "both")
    assert i18n.t("home.heading", "both") == "หน้าหลัก / Home"
    offenders = []
    for path in ROOT.glob("workbench/**/*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            name = getattr(node, "func", None)
            name = getattr(name, "id", getattr(name, "attr", "")) if isinstance(node, ast.Call) else ""
            if name in ERRORS and any(isinstance(inner, ast.Call) and getattr(inner.func, "id", "") == "t"
                                      for arg in node.args for inner in ast.walk(arg)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []



MAX_LINES = 500


def _long_modules(root: Path) -> dict[str, int]:
    """Every module of the package under ``root`` (subpackages included) over MAX_LINES lines, with its length."""
    return {str(path.relative_to(root)): lines for path in sorted(root.glob("workbench/**/*.py"))
            if (lines := len(path.read_text("utf-8").splitlines())) > MAX_LINES}


def test_no_module_is_over_500_lines():
    """A module that outgrows 500 lines is split along its seams into a subpackage (as ``services/budget/`` and
    ``services/visit_documents/`` were), its public names kept in the package's ``__init__``."""
    assert _long_modules(ROOT) == {}


def test_a_long_module_deep_in_a_subpackage_is_found(tmp_path):
    module = tmp_path / "workbench" / "ui" / "feature" / "long.py"
    module.parent.mkdir(parents=True)
    module.write_text("ANSWER = 42\n" * (MAX_LINES + 1), "utf-8")
    (module.parent / "short.py").write_text("ANSWER = 42\n" * MAX_LINES, "utf-8")
    assert _long_modules(tmp_path) == {"workbench/ui/feature/long.py": MAX_LINES + 1}


# The one module that writes an HTML table in the dashboards, and the modules allowed to draw one differently.
TABLE_WRITER = "workbench/ui/record_table.py"
OTHER_TABLES: dict[str, str] = {}  # path: why it is not a table of records (none today: the calendar grid is divs)


def test_one_read_only_table_writes_every_table_of_the_dashboards():
    """Dashboards show records through ``ui/record_table`` (``RecordTable``, or its ``table_html``/``fields_html``
    inside a larger panel): escaped text, one look. No other module under ``ui/`` writes ``<table`` or its rows."""
    writers = sorted(str(path.relative_to(ROOT)) for path in ROOT.glob("workbench/ui/**/*.py")
                     if any(tag in path.read_text("utf-8").lower() for tag in ("<table", "<tr", "<td")))
    assert writers == sorted([TABLE_WRITER, *OTHER_TABLES])


def test_one_page_frame_for_every_html_document():
    """Every stand-alone HTML page (letters, briefing pack, programme, trip report, seating plan, place cards,
    registers, meeting summaries, reports) is framed by ``documents/typography.html_page``: the office's font,
    paper, Thai line height and page boxes are written in one place."""
    frames = sorted(str(path.relative_to(ROOT)) for path in ROOT.glob("workbench/**/*.py")
                    if any(tag in path.read_text("utf-8").lower() for tag in ("<!doctype", "<html", "<head>")))
    assert frames == ["workbench/documents/typography.py"]


def test_a_country_name_is_chosen_by_language_in_one_place():
    """``Country.display_name(lang)`` picks the Thai or the English name; no module picks it itself."""
    import re

    from workbench.models.countries import Country

    pattern = re.compile(r"\b(c|country)\.name_th if [^\n]*lang[^\n]* else [^\n]*\1\.name_en")
    offenders = [str(path.relative_to(ROOT)) for path in ROOT.glob("workbench/**/*.py")
                 if pattern.search(path.read_text("utf-8"))]
    assert offenders == []
    japan = Country(iso2="JP", iso3="JPN", name_en="Japan", name_th="ญี่ปุ่น", region="asia")
    assert (japan.display_name("th"), japan.display_name("en")) == ("ญี่ปุ่น", "Japan")


# --- a typed boundary: services hand out *Read models or small dataclasses, never table rows -------------------

LOOKUP = ("a look-up other services call inside their own transaction, to lock or change the row it returns; "
          "dashboards call the *Read variant (read_visit, read_engagement, …) where there is one")
REFERENCE = "reference data (codes, rules, rates): never classified, never changed from a dashboard"


def _names(reason: str, text: str) -> dict[str, str]:
    """``module: fn fn …`` lines (modules under workbench.services) to {"module.fn": reason}."""
    found = {}
    for line in text.strip().splitlines():
        module, functions = line.split(":")
        found |= {f"workbench.services.{module.strip()}.{fn}": reason for fn in functions.split()}
    return found


ROW_RETURNS = {
    **_names(LOOKUP, """
        administration.stock: get_item
        briefing: engagement_country get_briefable_engagement
        budget.lines: get_line line_by_code
        countries: country_index ensure_chamber ensure_parliament find_country require_country require_country_code
        engagements: get_engagement
        interparliamentary.meetings: get_meeting
        monitoring: get_note get_talking_point
        records: get_record
        users: authenticate get_active_user get_user
        visits: get_visit"""),
    **_names(REFERENCE, """
        countries: list_countries
        interparliamentary.meetings: lead_times organization_by_code
        travel.rules: lead_times rule visa_rule
        trip_costs: travel_grades"""),
}


def _table_models(annotation: object) -> list[str]:
    """The table models (``table=True``) an annotation names, however nested (lists, tuples, unions, Optional)."""
    import typing

    from sqlmodel import SQLModel

    found = []
    if isinstance(annotation, type) and issubclass(annotation, SQLModel) and hasattr(annotation, "__table__"):
        found.append(annotation.__name__)
    for argument in typing.get_args(annotation):
        found += _table_models(argument)
    return found


def _row_returning_services() -> dict[str, list[str]]:
    """Every public function of ``workbench.services`` whose return annotation names a table model."""
    import importlib
    import inspect
    import pkgutil
    import typing

    import workbench.services

    found = {}
    for info in pkgutil.walk_packages(workbench.services.__path__, prefix="workbench.services."):
        module = importlib.import_module(info.name)
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_"):
                tables = _table_models(typing.get_type_hints(fn).get("return"))
                if tables:
                    found[f"{info.name}.{name}"] = tables
    return found


def test_public_services_return_read_models_not_table_rows():
    """The UI never holds a session-bound object: a public service returns a *Read model or a small dataclass.
    The exceptions are listed above, each with its reason; a converted function must leave the list."""
    found = _row_returning_services()
    assert sorted(set(found) - set(ROW_RETURNS)) == [], "return a *Read model (or list it above, with the reason)"
    assert sorted(set(ROW_RETURNS) - set(found)) == [], "converted: take it off the list"


def test_the_boundary_check_sees_a_row_however_it_is_wrapped():
    from workbench.models.visit_documents import ReportNarrative, ReportNarrativeRead
    from workbench.models.visits import Visit, VisitRead

    assert _table_models(list[ReportNarrative] | None) == ["ReportNarrative"]
    assert _table_models(tuple[VisitRead, list[tuple[int, Visit]]]) == ["Visit"]
    assert _table_models(list[ReportNarrativeRead]) == [] and _table_models(None) == []
    assert "workbench.services.visit_documents.report.latest_narrative" not in _row_returning_services()
