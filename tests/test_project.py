"""Project hygiene kept honest by tests: dependencies listed twice agree, the README documents every setting,
command and dashboard, notebooks are committed without outputs, the label catalogue is complete."""

from __future__ import annotations

import json
import re
import tomllib

from workbench.cli import build_parser
from workbench.config import PROJECT_ROOT, Settings
from workbench.i18n import catalogue, t

README = (PROJECT_ROOT / "README.md").read_text("utf-8")


def _name_and_bound(spec: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(>=\s*[\w.]+)?", spec)
    assert match, spec
    return match.group(1).lower().replace("_", "-"), (match.group(2) or "").replace(" ", "")


def test_pyproject_and_environment_yml_list_the_same_packages_and_bounds():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = dict(_name_and_bound(s) for s in project["dependencies"] + project["optional-dependencies"]["test"])
    listed: dict[str, str] = {}
    text = (PROJECT_ROOT / "environment.yml").read_text("utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        item = re.match(r"^\s+- (?!pip:)([^#\s].*)$", line)
        if item:
            name, bound = _name_and_bound(item.group(1))
            if name not in {"python", "pip"}:
                listed[name] = bound
    assert listed == wanted


def test_required_packages_are_dependencies():
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    names = {_name_and_bound(s)[0] for s in project["dependencies"] + project["optional-dependencies"]["test"]}
    assert {"jupyterlab", "ipywidgets", "voila", "pandas", "sqlmodel", "matplotlib", "pytest"} <= names
    assert "country-converter" not in names  # breaks with pandas 3


def test_every_setting_is_documented_in_the_readme():
    for name in Settings.model_fields:
        assert f"`WORKBENCH_{name.upper()}`" in README, name


def _commands(parser, prefix=""):
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public walk
        if hasattr(action, "choices") and isinstance(action.choices, dict):
            for name, sub in action.choices.items():
                yield f"{prefix}{name}"
                yield from _commands(sub, f"{prefix}{name} ")


def test_every_command_is_documented_in_the_readme():
    for command in _commands(build_parser()):
        if command == "user":
            continue
        assert f"`workbench {command}" in README, command


def test_every_dashboard_is_listed_in_the_readme():
    for notebook in (PROJECT_ROOT / "dashboards").glob("*.ipynb"):
        assert f"`{notebook.name}`" in README, notebook.name


def test_notebooks_are_committed_without_outputs():
    for folder in ("dashboards", "notebooks"):
        for notebook in (PROJECT_ROOT / folder).rglob("*.ipynb"):
            cells = json.loads(notebook.read_text("utf-8"))["cells"]
            assert all(not c.get("outputs") for c in cells if c["cell_type"] == "code"), notebook
            assert all(c.get("execution_count") is None for c in cells if c["cell_type"] == "code"), notebook


def test_labels_have_thai_and_english():
    for key, (th, en) in catalogue().items():
        assert th and en, key


def test_language_switch(monkeypatch):
    from workbench.config import get_settings

    monkeypatch.setenv("WORKBENCH_LANG", "en")
    get_settings.cache_clear()
    assert t("home.heading") == "Home"
    monkeypatch.setenv("WORKBENCH_LANG", "th")
    get_settings.cache_clear()
    assert t("home.heading") == "หน้าหลัก"


def test_every_enum_value_has_a_label():
    from workbench.models import Clearance, Gender, OrgClassification, Region, Role

    keys = catalogue()
    for prefix, enum in (("role", Role), ("region", Region), ("gender", Gender), ("org", OrgClassification)):
        for member in enum:
            assert f"{prefix}.{member.value}" in keys
    for level in Clearance:
        assert f"clearance.{int(level)}" in keys
