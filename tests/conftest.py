"""Fixtures: an isolated database per test, built quickly by copying a migrated template.

The backend is SQLite unless ``WORKBENCH_TEST_POSTGRES_URL`` names a PostgreSQL server (an account that may
create databases), in which case every test gets its own PostgreSQL database cloned from a template.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from workbench import migrate
from workbench.config import PROJECT_ROOT, get_settings
from workbench.db import SYSTEM, make_engine, new_session, reset_default_engine
from workbench.demo import build_demo
from workbench.reference import load_reference_data

pytest_plugins = ["tests.browser"]

DATA_DIR = PROJECT_ROOT / "data"
DEMO_TODAY = dt.date(2026, 11, 25)  # the demo office used by tests is built as of this day
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


class SqliteBackend:
    name = "sqlite"

    def __init__(self, root: Path) -> None:
        self.root = root

    def url(self, name: str) -> str:
        return f"sqlite:///{(self.root / f'{name}.db').as_posix()}"

    def create_empty(self, name: str) -> str:
        return self.url(name)

    def freeze(self, engine: Engine) -> None:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()

    def clone(self, template: str, name: str) -> str:
        shutil.copyfile(self.root / f"{template}.db", self.root / f"{name}.db")
        return self.url(name)

    def drop(self, name: str) -> None:
        for suffix in ("", "-wal", "-shm"):
            (self.root / f"{name}.db{suffix}").unlink(missing_ok=True)


class PostgresBackend:
    name = "postgresql"

    def __init__(self, admin_url: str) -> None:
        self.admin_url = make_url(admin_url)
        self.admin = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
        self.prefix = f"wbtest_{uuid.uuid4().hex[:8]}"

    def url(self, name: str) -> str:
        return self.admin_url.set(database=f"{self.prefix}_{name}").render_as_string(hide_password=False)

    def create_empty(self, name: str) -> str:
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{self.prefix}_{name}"')
        return self.url(name)

    def freeze(self, engine: Engine) -> None:
        engine.dispose()

    def clone(self, template: str, name: str) -> str:
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{self.prefix}_{name}" TEMPLATE "{self.prefix}_{template}"')
        return self.url(name)

    def drop(self, name: str) -> None:
        """Drop a test database; an autovacuum worker may still be visiting it, so try a few times."""
        for attempt in range(5):
            try:
                with self.admin.connect() as connection:
                    connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.prefix}_{name}" WITH (FORCE)')
                return
            except sa.exc.DBAPIError:
                if attempt == 4:
                    raise
                time.sleep(0.2 * (attempt + 1))


@pytest.fixture(scope="session")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqliteBackend | PostgresBackend]:
    pg_url = os.environ.get("WORKBENCH_TEST_POSTGRES_URL", "")
    if not pg_url:
        yield SqliteBackend(tmp_path_factory.mktemp("db"))
        return
    backend = PostgresBackend(pg_url)
    try:
        with backend.admin.connect():
            pass
    except sa.exc.OperationalError as exc:  # asked for PostgreSQL: fail loudly, never fall back silently
        pytest.exit(f"WORKBENCH_TEST_POSTGRES_URL is set but the server cannot be reached: {exc.orig}", returncode=3)
    templates: list[str] = []
    backend.templates = templates  # type: ignore[attr-defined]
    yield backend
    for name in templates:
        backend.drop(name)


def _template(backend: SqliteBackend | PostgresBackend, name: str, *, demo: bool) -> str:
    engine = make_engine(backend.create_empty(name))
    migrate.upgrade(engine)
    with new_session(engine) as session:
        load_reference_data(session, data_dir=DATA_DIR, actor=SYSTEM)
        if demo:
            build_demo(session, seed=2569, years=1, today=DEMO_TODAY)
    backend.freeze(engine)
    getattr(backend, "templates", []).append(name)
    return name


@pytest.fixture(scope="session")
def reference_template(backend: SqliteBackend | PostgresBackend) -> str:
    return _template(backend, "reference_template", demo=False)


@pytest.fixture(scope="session")
def demo_template(backend: SqliteBackend | PostgresBackend) -> str:
    return _template(backend, "demo_template", demo=True)


def _engine_from(backend: SqliteBackend | PostgresBackend, template: str | None) -> Iterator[Engine]:
    name = f"t{uuid.uuid4().hex[:10]}"
    url = backend.clone(template, name) if template else backend.create_empty(name)
    engine = make_engine(url)
    yield engine
    engine.dispose()
    backend.drop(name)


@pytest.fixture
def engine(backend, reference_template) -> Iterator[Engine]:
    """A database at the newest schema holding the reference data, for this test only."""
    yield from _engine_from(backend, reference_template)


@pytest.fixture
def demo_engine(backend, demo_template) -> Iterator[Engine]:
    """A database holding the demo office (as of DEMO_TODAY), for this test only."""
    yield from _engine_from(backend, demo_template)


@pytest.fixture
def empty_engine(backend) -> Iterator[Engine]:
    """A brand-new empty database (no schema), for this test only."""
    yield from _engine_from(backend, None)


@pytest.fixture
def session(engine):
    with new_session(engine) as session:
        yield session


@pytest.fixture
def demo_session(demo_engine):
    with new_session(demo_engine) as session:
        yield session


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No test reads the developer's .env or touches data/workbench.db."""
    monkeypatch.chdir(tmp_path)
    for key in list(os.environ):
        if key.startswith("WORKBENCH_") and key != "WORKBENCH_TEST_POSTGRES_URL" and key != "WORKBENCH_CHROMIUM":
            monkeypatch.delenv(key)
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", f"sqlite:///{(tmp_path / 'unused.db').as_posix()}")
    get_settings.cache_clear()
    reset_default_engine()
    yield
    get_settings.cache_clear()
    reset_default_engine()
