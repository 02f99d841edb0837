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
