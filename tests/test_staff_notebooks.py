"""Analyst notebooks act as a real user (issue 17, item 9): the user a notebook acts for signs in with a password
(asked with getpass, or read from WORKBENCH_NOTEBOOK_PASSWORD for unattended runs) or is the one JupyterHub signed
in; a name typed in the first cell is never trusted alone. Their tables show B.E. dates and no NaN/None."""

from __future__ import annotations

import datetime as dt
import json
import math
from decimal import Decimal

import pytest

from tests.factories import make_user
from workbench.config import PROJECT_ROOT
from workbench.db import SYSTEM
from workbench.documents.notebook_tables import shown
from workbench.errors import PermissionDenied, WorkbenchError
from workbench.models.users import Role
from workbench.services import users
from workbench.ui.notebook_user import PASSWORD_ENV, notebook_user


@pytest.fixture(autouse=True)
def _no_hub_no_password(monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv(PASSWORD_ENV, raising=False)


def test_the_password_is_asked_and_checked(session):
    analyst = make_user(session, role=Role.ANALYST, password="correct horse")
    asked = []
    user = notebook_user(session, analyst.username, ask=lambda prompt: asked.append(prompt) or "correct horse")
    assert (user.username, user.role) == (analyst.username, Role.ANALYST)
    assert len(asked) == 1 and analyst.username in asked[0]
    with pytest.raises(WorkbenchError):
        notebook_user(session, analyst.username, ask=lambda _prompt: "a guess")


def test_a_typed_name_alone_is_not_enough(session):
    with pytest.raises(WorkbenchError):
        notebook_user(session, "", ask=lambda _prompt: "correct horse")
    with pytest.raises(WorkbenchError):
        notebook_user(session, "nobody-here", ask=lambda _prompt: "correct horse")


def test_an_unattended_run_reads_the_password_from_the_environment(session, monkeypatch):
    analyst = make_user(session, role=Role.ANALYST, password="correct horse")
    monkeypatch.setenv(PASSWORD_ENV, "correct horse")
    assert notebook_user(session, analyst.username, ask=_never).username == analyst.username


def test_behind_jupyterhub_the_hubs_user_is_used_and_nothing_asked(session, monkeypatch):
    analyst = make_user(session, role=Role.ANALYST)
    viewer = make_user(session, role=Role.VIEWER)
    monkeypatch.setenv("JUPYTERHUB_USER", viewer.username)
    assert notebook_user(session, analyst.username, ask=_never).username == viewer.username  # not the typed one
    users.update_user(session, user_id=viewer.id, data={"is_active": False}, actor=SYSTEM)
    with pytest.raises(PermissionDenied):  # a disabled hub user
        notebook_user(session, analyst.username, ask=_never)
    monkeypatch.setenv("JUPYTERHUB_USER", "not-a-workbench-user")
    with pytest.raises(PermissionDenied):
        notebook_user(session, analyst.username, ask=_never)


def test_no_notebook_trusts_a_typed_user_name():
    for path in sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb")):
        code = "\n".join("".join(c["source"]) for c in json.loads(path.read_text("utf-8"))["cells"]
                         if c["cell_type"] == "code")
        assert "get_active_user(" not in code and "users import get_user" not in code, path.name
        if "username" in code:
            assert "notebook_user(session, username)" in code, path.name


def test_notebook_tables_show_be_dates_and_nothing_as_nan_or_none():
    table = shown([{"day": dt.date(2026, 12, 1), "at": dt.datetime(2026, 12, 1, 9, 30), "owner": None,
                    "share": math.nan, "amount": Decimal("1234.5"), "overdue": True, "count": 3},
                   {"day": None, "at": None, "owner": "นายสมชาย", "share": 0.5, "amount": None, "overdue": False,
                    "count": 4}])
    html = table.to_html()
    assert "1 ธ.ค. 2569" in html and "2026" not in html
    assert "NaN" not in html and "None" not in html and "NaT" not in html
    assert "1,234.50" in html and "ใช่" in html


def _never(_prompt: str) -> str:
    raise AssertionError("no password may be asked here")


def test_a_report_notebook_opened_in_jupyterlab_signs_its_user_in(session, monkeypatch):
    from workbench.documents.reports import OPERATOR_ENV, report_actor

    analyst = make_user(session, role=Role.ANALYST, password="correct horse")
    monkeypatch.delenv(OPERATOR_ENV, raising=False)
    with pytest.raises(WorkbenchError):  # not the operator, and not a name alone
        report_actor(session, "")
    monkeypatch.setenv(PASSWORD_ENV, "correct horse")
    assert report_actor(session, analyst.username).username == analyst.username
    monkeypatch.delenv(PASSWORD_ENV)
    monkeypatch.setenv(OPERATOR_ENV, "1")  # `workbench report`: the operator's command, as every command's --as
    assert report_actor(session, analyst.username).username == analyst.username
    assert report_actor(session, "") is SYSTEM
