"""Alembic environment: runs on the connection handed over by ``workbench.migrate`` (or the configured URL)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

from workbench.models import load_all

load_all()  # every table on SQLModel.metadata

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from workbench.db import get_engine

        with get_engine().connect() as connection:
            _run(connection)
            connection.commit()
    else:
        _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run `workbench init`")
run_migrations_online()
