"""The `workbench` command: help everywhere, init is idempotent, errors are one clear line without a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlmodel import select

from workbench import __version__
from workbench.cli import build_parser, main
from workbench.db import make_engine, new_session
from workbench.demo import DEMO_PASSWORD
from workbench.models.users import User
from workbench.services import users

COMMANDS = [["init"], ["demo"], ["serve"], ["lab"], ["user"], ["user", "add"], ["user", "list"], ["version"]]


def run_cli(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbench", *args], input=stdin, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])
    assert exited.value.code == 0
    assert "usage: workbench" in capsys.readouterr().out


def test_version(capsys):
    assert main(["version"]) == 0
    assert capsys.readouterr().out.strip() == f"workbench {__version__}"


def test_init_is_idempotent_and_demo_fills_once(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'wb.db'}"
    assert main(["--database", url, "init", "--demo"]) == 0
    first = capsys.readouterr().out
    assert "country: 249 inserted" in first and "demo: done" in first
    assert main(["--database", url, "init", "--demo"]) == 0
    second = capsys.readouterr().out
    assert "country: 0 inserted, 0 updated, 249 unchanged" in second
    assert "demo data left as it is" in second
    with new_session(make_engine(url)) as session:
        assert users.authenticate(session, username="admin", password=DEMO_PASSWORD).role == "administrator"


def test_user_add_reads_the_password_from_stdin(tmp_path):
    url = f"sqlite:///{tmp_path / 'wb.db'}"
    assert main(["--database", url, "init"]) == 0
    result = run_cli("--database", url, "user", "add", "nok", "--role", "analyst", "--clearance", "secret",
                     "--name", "นก ทดสอบ", "--password-stdin", stdin="a long password\n")
    assert result.returncode == 0, result.stderr
    with new_session(make_engine(url)) as session:
        user = session.exec(select(User).where(User.username == "nok")).one()
        assert (user.role, user.clearance) == ("analyst", 2)
        assert users.authenticate(session, username="nok", password="a long password")
    listed = run_cli("--database", url, "user", "list", "--lang", "en")
    assert "nok" in listed.stdout and "Secret" in listed.stdout
    assert "ลับมาก" in run_cli("--database", url, "user", "list").stdout  # Thai by default


def assert_one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_wrong_database_url_is_one_line_with_the_password_masked():
    line = assert_one_line_error(run_cli("--database", "postgresql+psycopg://boss:hunter2@127.0.0.1:1/none", "init"))
    assert "hunter2" not in line and "cannot connect" in line


def test_unknown_database_kind_is_one_line():
    line = assert_one_line_error(run_cli("--database", "oracle+nothing://u:secretpw@h/db", "init"))
    assert "secretpw" not in line


def test_unwritable_path_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    line = assert_one_line_error(run_cli("--database", f"sqlite:///{blocker}/sub/wb.db", "init"))
    assert "database" in line


def test_bad_argument_is_one_line():
    assert_one_line_error(run_cli("demo", "--years", "many"))


def test_bad_setting_is_one_line():
    line = assert_one_line_error(run_cli("init", env={"WORKBENCH_LANG": "fr"}))
    assert "WORKBENCH_LANG" in line


def test_user_add_with_short_password_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'wb.db'}"
    main(["--database", url, "init"])
    line = assert_one_line_error(run_cli("--database", url, "user", "add", "x1", "--role", "viewer", "--name",
                                         "ก ข", "--password-stdin", stdin="short\n"))
    assert "รหัสผ่าน" in line and "Password" in line


def test_demo_into_a_non_empty_database_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'wb.db'}"
    main(["--database", url, "init", "--demo"])
    line = assert_one_line_error(run_cli("--database", url, "demo", "--years", "2"))
    assert "empty database" in line


def test_serve_runs_standalone_voila_without_sources_or_tracebacks():
    args = build_parser().parse_args(["serve", "--port", "9000"])
    from workbench.cli import voila_command

    command = voila_command(args)
    assert command[1:3] == ["-m", "workbench.serve"]  # standalone Voila with / redirected to the home page
    assert "--strip_sources=True" in command and "--show_tracebacks=False" in command
    assert "--port=9000" in command and "--Voila.ip=127.0.0.1" in command
    assert "--MappingKernelManager.cull_idle_timeout=900" in command
    assert "--preheat_kernel=True" in command


def test_serve_no_preheat_starts_kernels_on_request():
    from workbench.cli import voila_command

    command = voila_command(build_parser().parse_args(["serve", "--no-preheat"]))
    assert not any(part.startswith("--preheat_kernel") for part in command)
    assert not any(part.startswith("--token") for part in command)  # the sign-in page is the only door
