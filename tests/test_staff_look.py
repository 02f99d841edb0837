"""One look staff trust: one stylesheet shipped with the package, inlined by the Voila template; messages that
wrap and replace a stale "saved"."""

from __future__ import annotations

import re

from workbench.errors import ValidationError
from workbench.serving.app import TEMPLATE_DIR
from workbench.ui.notice import Notice


def test_the_stylesheet_ships_with_the_package_and_the_page_template_inlines_it():
    css = (TEMPLATE_DIR / "workbench.css").read_text("utf-8")
    template = (TEMPLATE_DIR / "index.html.j2").read_text("utf-8")
    assert "{% include 'workbench.css' %}" in template
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", css)  # nothing from another server
    assert "Sarabun" in css and "signin-assets/fonts/Sarabun-Regular.ttf" in css
    assert ".wb-notice .widget-label { white-space: normal" in css  # a message is never cut off
    assert len(css.encode()) < 8_000  # small: a few kilobytes on a page of megabytes


def test_a_refusal_replaces_an_old_saved_message_elsewhere_on_the_page():
    form, page = Notice(), Notice()
    page.success("บันทึกแล้ว")
    form.error(ValidationError("วันที่ไม่ถูกต้อง", "bad date", field="start"))
    assert page.label.value == "" and "วันที่ไม่ถูกต้อง" in form.label.value
    form.success("บันทึกแล้ว")
    assert form.label.value == "บันทึกแล้ว"


def test_workbench_lab_as_root_allows_root_and_as_anyone_else_does_not(monkeypatch):
    import argparse
    import os

    from workbench.cli import lab_command

    args = argparse.Namespace(host="127.0.0.1", port=8888, no_browser=True)
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert lab_command(args)[-1] == "--allow-root"
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert "--allow-root" not in lab_command(args)


def test_jupyterlab_for_analysts_fetches_no_news_and_checks_no_updates():
    """The office network may have no internet: JupyterLab neither asks to fetch Jupyter news nor checks PyPI."""
    import argparse

    from jupyterlab.labapp import LabApp

    from workbench.cli import lab_command

    command = lab_command(argparse.Namespace(host="127.0.0.1", port=8888, no_browser=True))
    app = LabApp()
    app.parse_command_line([arg for arg in command if arg.startswith("--LabApp.")])
    assert app.news_url is None  # the page then tells the front-end that news are disabled: no consent question
    assert app.check_for_updates_class.__name__ == "NeverCheckForUpdate"


def test_make_run_installs_only_what_running_needs():
    from workbench.config import PROJECT_ROOT

    makefile = (PROJECT_ROOT / "Makefile").read_text("utf-8")
    run_stamp = makefile.split("$(STAMP): pyproject.toml", 1)[1].split("\n\n", 1)[0]
    assert "pip install --quiet -e .\n" in run_stamp + "\n" and "[test]" not in run_stamp
    assert "run: $(STAMP)" in makefile and "test: $(TEST_STAMP)" in makefile
