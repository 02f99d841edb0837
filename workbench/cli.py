"""The ``workbench`` command. Every sub-command has ``--help``; errors print one clear line and exit non-zero."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from workbench import __version__
from workbench.errors import WorkbenchError

EXIT_ERROR, EXIT_USAGE = 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument is one line on stderr (and exit code 2), not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def _settings() -> Any:
    from workbench.config import get_settings

    return get_settings()


def _engine(*, any_schema: bool = False) -> Any:
    from workbench.commands.common import open_engine

    return open_engine(any_schema=any_schema)


def _progress(number: int, total: int, name: str) -> None:
    print(f"  [{number}/{total}] {name}", flush=True)


# --- init / demo -------------------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> int:
    from workbench import migrate
    from workbench.db import SYSTEM, new_session
    from workbench.demo import build_demo, has_data
    from workbench.reference import load_reference_data

    engine = _engine(any_schema=True)  # init creates or upgrades the schema
    from workbench.db import masked_url

    print(f"database: {masked_url(engine.url.render_as_string(hide_password=False))}")
    before = migrate.current_revision(engine)
    migrate.upgrade(engine)
    print(f"schema: {before or 'empty'} -> {migrate.current_revision(engine)}")
    with new_session(engine) as session:
        report = load_reference_data(session, data_dir=_settings().data_dir, actor=SYSTEM)
        for table, counts in report.counts.items():
            print(f"reference {table}: {counts['inserted']} inserted, {counts['updated']} updated, "
                  f"{counts['unchanged']} unchanged")
        if args.demo:
            if has_data(session):
                print("demo: the database already holds people; demo data left as it is")
            else:
                print("demo: building the demo office")
                build_demo(session, seed=args.seed, years=1, progress=_progress)
                print("demo: done (users admin, protocol, analyst, officer, viewer; see README for the password)")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    import time

    from workbench import migrate
    from workbench.db import SYSTEM, new_session
    from workbench.demo import build_demo
    from workbench.reference import load_reference_data

    started = time.perf_counter()
    engine = _engine(any_schema=True)  # demo creates or upgrades the schema first
    migrate.upgrade(engine)
    with new_session(engine) as session:
        load_reference_data(session, data_dir=_settings().data_dir, actor=SYSTEM)
        print(f"demo: {args.years} fiscal year(s), seed {args.seed}")
        build_demo(session, seed=args.seed, years=args.years, progress=_progress)
    print(f"demo: done in {time.perf_counter() - started:.1f} s")
    return 0


# --- serve / lab -------------------------------------------------------------------------------------

def voila_command(args: argparse.Namespace) -> list[str]:
    """The standalone Voila command line for ``workbench serve`` (kept separate so tests can read it).

    ``python -m workbench.serve`` is Voila behind the workbench's sign-in page (``workbench.serving``): every
    route needs a web session, and a kernel answers only the session that took it. Pre-heated kernels run each
    dashboard's imports before anyone asks; dashboards touch data only after the server has handed them the
    request and its signed-in user (``workbench.ui.app.dashboard_app`` waits for it). Only the widget front-ends
    are loaded into pages.
    """
    settings = _settings()
    command = [
        sys.executable, "-m", "workbench.serve", str(settings.dashboards_dir),
        "--no-browser", f"--port={args.port}", f"--Voila.ip={args.host}", "--Voila.port_retries=0",
        "--strip_sources=True", "--show_tracebacks=False",
        "--MappingKernelManager.cull_idle_timeout=900", "--MappingKernelManager.cull_interval=60",
        "--VoilaConfiguration.extension_allowlist=@jupyter-widgets/jupyterlab-manager",
        "--VoilaConfiguration.extension_allowlist=@voila-dashboards/widgets-manager8",
    ]
    if args.preheat:
        command += ["--preheat_kernel=True", "--pool_size=1"]
    if getattr(args, "hub", False):  # under the service's prefix, users signed in by the Hub's OAuth
        command += [f"--Voila.base_url={os.environ['JUPYTERHUB_SERVICE_PREFIX']}", "--WorkbenchVoila.hub_service=True"]
    return command


def hub_service_address(args: argparse.Namespace) -> None:
    """``--hub``: listen where JupyterHub expects its service (``JUPYTERHUB_SERVICE_URL``), under its prefix."""
    from urllib.parse import urlsplit

    url, prefix = os.environ.get("JUPYTERHUB_SERVICE_URL", ""), os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "")
    parts = urlsplit(url)
    if not prefix or parts.scheme != "http" or not parts.hostname or not parts.port:
        raise WorkbenchError("--hub ใช้ได้เมื่อ JupyterHub เป็นผู้เริ่มบริการ (ไม่มี JUPYTERHUB_SERVICE_URL และ "
                             "JUPYTERHUB_SERVICE_PREFIX)", "--hub works only when JupyterHub starts the service "
                             "(JUPYTERHUB_SERVICE_URL and JUPYTERHUB_SERVICE_PREFIX are not set)", field="--hub")
    args.host, args.port = parts.hostname, parts.port


def cmd_serve(args: argparse.Namespace) -> int:
    settings = _settings()
    if args.hub:
        hub_service_address(args)
    if not settings.dashboards_dir.is_dir():
        raise WorkbenchError(f"ไม่พบโฟลเดอร์แดชบอร์ด {settings.dashboards_dir}",
                             f"dashboards folder {settings.dashboards_dir} not found", field="WORKBENCH_DASHBOARDS_DIR")
    _engine()
    # Dashboard kernels run in dashboards/, where a .env in the working folder would not be found: hand them the
    # settings as resolved here, so every kernel uses the same database and language as this command.
    os.environ["WORKBENCH_DATABASE_URL"] = settings.effective_database_url
    for name, value in settings.model_dump(exclude={"database_url"}).items():
        if value is not None:
            os.environ[f"WORKBENCH_{name.upper()}"] = str(value)
    if args.host not in ("0.0.0.0", "::", ""):  # pre-heated kernels fetch their request from this address
        os.environ["VOILA_APP_IP"] = args.host
    where = os.environ["JUPYTERHUB_SERVICE_PREFIX"] if args.hub else "/"
    print(f"serving {settings.dashboards_dir} on http://{args.host}:{args.port}{where} (Ctrl+C stops)", flush=True)
    return _run_foreground(voila_command(args))


def lab_command(args: argparse.Namespace) -> list[str]:
    """The JupyterLab command line, offline (no news feed, no update check). As root (how CI and many servers run)
    ``--allow-root`` is added: Jupyter refuses to start as root without it ("Running as root is not recommended");
    it changes nothing else."""
    settings = _settings()
    from workbench.config import OFFLINE_LAB_ARGS

    command = [sys.executable, "-m", "jupyterlab", f"--notebook-dir={settings.notebooks_dir.parent}",
               f"--port={args.port}", f"--ServerApp.ip={args.host}", *OFFLINE_LAB_ARGS]
    if args.no_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def cmd_lab(args: argparse.Namespace) -> int:
    return _run_foreground(lab_command(args))


def _run_foreground(command: list[str]) -> int:
    """Run the server in the foreground. SIGINT and SIGTERM sent to this process alone (JupyterHub stopping its
    service, a service manager) are passed on to the server, and this process waits for it: never an orphaned
    server holding the port."""
    import signal
    import subprocess

    process = subprocess.Popen(command, env=os.environ.copy())
    interrupted = False

    def forward(signum: int, _frame: Any) -> None:
        nonlocal interrupted
        interrupted = True
        if process.poll() is None:
            process.send_signal(signum)

    previous = {sig: signal.signal(sig, forward) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        code = process.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0 if interrupted else code


# --- users -------------------------------------------------------------------------------------------

def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    import getpass

    first = getpass.getpass("password: ")
    if first != getpass.getpass("again: "):
        raise WorkbenchError("รหัสผ่านสองครั้งไม่ตรงกัน", "the two passwords differ", field="password")
    return first


def cmd_user_add(args: argparse.Namespace) -> int:
    from workbench.db import SYSTEM, new_session, transaction
    from workbench.models.base import Clearance
    from workbench.services import people, users

    password = _read_password(args)
    engine = _engine()
    with new_session(engine) as session, transaction(session, actor=SYSTEM):
        person_id = args.person_id
        if person_id is None:
            given, _, family = args.name.strip().partition(" ")
            person_id = people.create_person(session, actor=SYSTEM, data={
                "given_name_th": given, "family_name_th": family.strip()}).id
        user = users.create_user(session, actor=SYSTEM, data={
            "username": args.username, "person_id": person_id, "role": args.role,
            "clearance": Clearance[args.clearance.upper()], "password": password,
        })
    print(f"user {user.username} added (id {user.id}, role {user.role}, clearance {args.clearance})")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from workbench.commands.common import print_rows
    from workbench.db import SYSTEM, new_session
    from workbench.services.users import list_users

    with new_session(_engine()) as session:
        rows = [{"id": user.id, "username": user.username, "role": user.role, "clearance": int(user.clearance),
                 "state": "active" if user.is_active else "disabled"} for user in list_users(session, actor=SYSTEM)]
    print_rows(args, rows, ["id", "username", "role", "clearance", "state"],
               codes={"role": "role", "clearance": "clearance", "state": "cli.state"})
    return 0


def cmd_version(args: argparse.Namespace) -> int:
    print(f"workbench {__version__}")
    return 0


# --- parser ------------------------------------------------------------------------------------------

class _LazyChoices:
    """Choices computed on first use, so building the parser imports no model (``workbench version`` and
    ``--help`` stay fast); argparse only iterates or tests membership."""

    def __init__(self, compute: Callable[[], list[str]]) -> None:
        self._compute = compute
        self._values: list[str] | None = None

    def _get(self) -> list[str]:
        if self._values is None:
            self._values = self._compute()
        return self._values

    def __iter__(self) -> Any:
        return iter(self._get())

    def __contains__(self, value: object) -> bool:
        return value in self._get()


def _role_values() -> list[str]:
    from workbench.models.users import Role

    return [r.value for r in Role]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="workbench", description="Senate Foreign Affairs Workbench (สำนักงานต่างประเทศ วุฒิสภา)")
    parser.add_argument("--database", metavar="URL", help="database URL for this command (else WORKBENCH_DATABASE_URL)")
    parser.add_argument("--debug", action="store_true",
                        help="on an unexpected error, print the full traceback (for maintainers) instead of one line")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, required=True)

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str,
            into: Any = commands) -> argparse.ArgumentParser:
        sub = into.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    init = add("init", cmd_init, "create or upgrade the database to the newest schema and load reference data")
    init.add_argument("--demo", action="store_true", help="also fill an empty database with the demo office")
    init.add_argument("--seed", type=int, default=2569, help="random seed of the demo office (default 2569)")

    demo = add("demo", cmd_demo, "build a scaled synthetic office into an empty database (for benchmarks)")
    demo.add_argument("--years", type=int, default=1, help="fiscal years of history (default 1)")
    demo.add_argument("--seed", type=int, default=2569, help="random seed (default 2569)")

    serve = add("serve", cmd_serve,
                "serve the dashboards with Voila behind a sign-in page (sessions, no code execution from the browser)")
    serve.add_argument("--host", default="127.0.0.1", type=_host, help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8866, help="port (default 8866)")
    serve.add_argument("--no-preheat", dest="preheat", action="store_false",
                       help="start each dashboard's kernel on request instead of keeping one pre-heated")
    serve.add_argument("--hub", action="store_true",
                       help="run as a JupyterHub service (started by the Hub; users sign in through the Hub)")

    lab = add("lab", cmd_lab, "open JupyterLab on the project for analysts")
    lab.add_argument("--host", default="127.0.0.1", type=_host, help="address to listen on (default 127.0.0.1)")
    lab.add_argument("--port", type=int, default=8888, help="port (default 8888)")
    lab.add_argument("--no-browser", action="store_true", help="do not open a browser")

    user = add("user", lambda a: _usage(user), "manage users: add, list")
    user_commands = user.add_subparsers(dest="user_command", metavar="ACTION", parser_class=_Parser)
    user_add = add("add", cmd_user_add, "add a user (password from a prompt, or one line on stdin)", user_commands)
    user_add.add_argument("username", help="login name: lower-case letters, digits, . _ -")
    user_add.add_argument("--role", required=True, choices=_LazyChoices(_role_values), metavar="ROLE",
                          help="what the user may do: %(choices)s")
    user_add.add_argument("--clearance", default="none", choices=["none", "confidential", "secret", "top_secret"],
                          help="secrecy clearance: none, confidential (ลับ), secret (ลับมาก), top_secret (ลับที่สุด)")
    who = user_add.add_mutually_exclusive_group(required=True)
    who.add_argument("--person-id", type=int, help="id of the existing staff person")
    who.add_argument("--name", help="Thai given and family name of a new staff person")
    user_add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    user_list = add("list", cmd_user_list, "list users with role, clearance and state", user_commands)
    from workbench.commands.common import add_lang_option

    add_lang_option(user_list)

    add("version", cmd_version, "print the workbench version")

    from workbench.commands import register_all

    register_all(commands, add)
    from workbench.commands.common import bound_integer_options

    bound_integer_options(parser)  # ids, years, ports and days within range: one clear line, never an overflow
    return parser


def _host(text: str) -> str:
    from workbench.commands.common import host_name

    return host_name(text)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.database:
        os.environ["WORKBENCH_DATABASE_URL"] = args.database
    try:
        # settings and the engine are cached per process: start afresh (``--database``, tests calling main()),
        # without importing them for commands that never use them (``workbench version``)
        if "workbench.config" in sys.modules:
            sys.modules["workbench.config"].get_settings.cache_clear()
        if "workbench.db" in sys.modules:
            sys.modules["workbench.db"].reset_default_engine()
        return args.handler(args)
    except WorkbenchError as exc:
        _debug_traceback(args)
        print(f"workbench: {exc.bilingual()}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return _closed_pipe()
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback, for anything unforeseen (but --debug)
        return _unexpected(args, exc)


def _unexpected(args: argparse.Namespace, exc: Exception) -> int:
    pydantic = sys.modules.get("pydantic")  # a bad setting is a pydantic error; pydantic is loaded by then
    if pydantic is not None and isinstance(exc, pydantic.ValidationError):
        _debug_traceback(args)
        problem = exc.errors()[0]
        name = "WORKBENCH_" + str(problem["loc"][0]).upper() if problem["loc"] else "WORKBENCH_*"
        print(f"workbench: ค่าตั้ง {name} ไม่ถูกต้อง / setting {name} is not valid: {problem['msg']}",
              file=sys.stderr)
        return EXIT_ERROR
    from workbench.db import redact_secrets

    _debug_traceback(args)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    print(f"workbench: unexpected error ({type(exc).__name__}): {redact_secrets(text)}", file=sys.stderr)
    return EXIT_ERROR


def _debug_traceback(args: argparse.Namespace) -> None:
    """With ``--debug``, the traceback the one-line message hides (passwords in URLs masked)."""
    if getattr(args, "debug", False):
        import traceback

        from workbench.db import redact_secrets

        print(redact_secrets(traceback.format_exc()), file=sys.stderr, end="")


def _closed_pipe() -> int:
    """``workbench … | head`` closed our output early: stop quietly, as other command-line tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's final flush of stdout must not fail again
    except (OSError, ValueError):
        pass
    return 0


def run() -> NoReturn:
    code = main()
    try:
        sys.stdout.flush()  # output to a pipe is buffered: a closed pipe shows here, not in print()
    except BrokenPipeError:
        code = _closed_pipe()
    sys.exit(code)


if __name__ == "__main__":
    run()
