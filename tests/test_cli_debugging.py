"""Failures a maintainer can debug: ``--debug`` shows the traceback the plain command hides, a closed pipe
(``workbench … | head``) ends quietly, and the command asks the services for users instead of querying itself."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.factories import make_user
from workbench.db import SYSTEM
from workbench.errors import PermissionDenied, ValidationError
from workbench.services import users

BAD_URL = "postgresql+psycopg://boss:hunter2@127.0.0.1:1/none"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=300)


def test_debug_prints_the_traceback_with_passwords_masked():
    result = run_cli("--debug", "--database", BAD_URL, "init")
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "hunter2" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("workbench: ")


def test_without_debug_the_same_failure_is_one_line():
    result = run_cli("--database", BAD_URL, "init")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_closed_pipe_ends_quietly():
    process = subprocess.Popen([sys.executable, "-m", "workbench", "version"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=dict(os.environ))
    process.stdout.close()  # the reader went away (as `| head` does) before the command wrote
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 0
    assert errors.decode() == ""


def test_users_are_listed_by_the_service_for_user_managers_only(session):
    viewer = make_user(session, username="viewer1", role="viewer")
    make_user(session, username="anna", role="analyst")
    assert [u.username for u in users.list_users(session, actor=SYSTEM)] == ["anna", "viewer1"]
    with pytest.raises(PermissionDenied):
        users.list_users(session, actor=viewer)


def test_an_active_user_is_found_and_a_disabled_one_is_a_clear_error(session):
    make_user(session, username="anna", role="analyst")
    gone = make_user(session, username="gone", role="analyst")
    users.update_user(session, user_id=gone.id, data={"is_active": False}, actor=SYSTEM)
    assert users.get_active_user(session, username="anna").username == "anna"
    for name in ("gone", "nobody"):
        with pytest.raises(ValidationError, match=f"no active user named {name}"):
            users.get_active_user(session, username=name)
