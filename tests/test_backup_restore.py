"""Backup and restore: a round trip keeps every row of every table and the audit chain; a whole office moves from
SQLite to PostgreSQL through the same file; a bad or cut-off file and a non-empty target are refused whole."""

from __future__ import annotations

import gzip
import os
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tests.factories import make_person
from workbench import migrate
from workbench.cli import main
from workbench.db import SYSTEM, make_engine, new_session
from workbench.errors import ConflictError, ValidationError
from workbench.services.audit_chain import verify_chain
from workbench.services.backup import backup, restore

SKIP = {"alembic_version"}


def snapshot(engine) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order (the audit trail without the restore's own entry)."""
    metadata = sa.MetaData()
    with engine.connect() as connection:
        metadata.reflect(bind=connection)
        rows = {}
        for table in metadata.sorted_tables:
            if table.name in SKIP:
                continue
            query = sa.select(table).order_by(*(table.primary_key.columns or table.columns))
            if table.name == "audit_entry":
                query = query.where(table.c.action != "restore")
            rows[table.name] = [tuple(row) for row in connection.execute(query)]
    rows.pop("audit_chain", None)  # moves on by the restore's own entry
    return rows


def test_a_round_trip_keeps_every_row_of_every_table(demo_engine, empty_engine, tmp_path):
    out = tmp_path / "office.wbk"

    made = backup(demo_engine, out=out, actor=SYSTEM)
    restored = restore(empty_engine, path=out, actor=SYSTEM)

    before, after = snapshot(demo_engine), snapshot(empty_engine)
    assert restored.counts == made.counts and made.rows > 5_000
    assert sum(len(rows) for rows in before.values()) > 5_000
    assert after == before
    assert restored.chain.ok and restored.chain.checked == made.counts["audit_entry"] + 1
    assert migrate.current_revision(empty_engine) == migrate.head_revision()


def test_a_restored_database_keeps_working(engine, empty_engine, tmp_path):
    make_person(engine_session := new_session(engine))
    engine_session.close()
    backup(engine, out=tmp_path / "b.wbk", actor=SYSTEM)
    restore(empty_engine, path=tmp_path / "b.wbk", actor=SYSTEM)

    with new_session(empty_engine) as session:
        person = make_person(session)  # new ids follow the restored ones (PostgreSQL sequences reset)
        assert person.id is not None
        assert verify_chain(session, actor=SYSTEM).ok


@pytest.mark.skipif(not os.environ.get("WORKBENCH_TEST_POSTGRES_URL"), reason="needs WORKBENCH_TEST_POSTGRES_URL")
def test_a_whole_office_moves_from_sqlite_to_postgresql(demo_template, backend, tmp_path):
    """The demo office on SQLite (built here), backed up and restored into a fresh PostgreSQL database."""
    from tests.conftest import DATA_DIR, DEMO_TODAY
    from workbench.demo import build_demo
    from workbench.reference import load_reference_data

    lite = make_engine(f"sqlite:///{tmp_path / 'office.db'}")
    migrate.upgrade(lite)
    with new_session(lite) as session:
        load_reference_data(session, data_dir=DATA_DIR, actor=SYSTEM)
        build_demo(session, seed=2569, years=1, today=DEMO_TODAY)
    name = f"wbmove_{uuid.uuid4().hex[:8]}"
    with backend.admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    pg = make_engine(make_url(os.environ["WORKBENCH_TEST_POSTGRES_URL"]).set(database=name)
                     .render_as_string(hide_password=False))
    try:
        backup(lite, out=tmp_path / "office.wbk", actor=SYSTEM)
        report = restore(pg, path=tmp_path / "office.wbk", actor=SYSTEM)
        assert snapshot(pg) == snapshot(lite)
        assert report.chain.ok and report.rows > 5_000
    finally:
        pg.dispose()
        lite.dispose()
        with backend.admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_restore_into_a_database_holding_data_is_refused(engine, tmp_path):
    backup(engine, out=tmp_path / "b.wbk", actor=SYSTEM)
    before = snapshot(engine)

    with pytest.raises(ConflictError, match="already holds data"):
        restore(engine, path=tmp_path / "b.wbk", actor=SYSTEM)
    assert snapshot(engine) == before


def test_a_cut_off_or_foreign_file_is_refused_and_writes_nothing(engine, empty_engine, tmp_path):
    whole = tmp_path / "b.wbk"
    backup(engine, out=whole, actor=SYSTEM)
    lines = gzip.decompress(whole.read_bytes()).splitlines(keepends=True)
    cut = tmp_path / "cut.wbk"
    cut.write_bytes(gzip.compress(b"".join(lines[:-1])))
    foreign = tmp_path / "foreign.wbk"
    foreign.write_bytes(b"not a backup at all")

    for bad in (cut, foreign, tmp_path / "missing.wbk"):
        with pytest.raises(ValidationError) as refused:
            restore(empty_engine, path=bad, actor=SYSTEM)
        assert refused.value.field == "FILE"
    assert migrate.current_revision(empty_engine) is None


def test_a_tampered_audit_trail_in_the_file_is_refused_whole(engine, empty_engine, tmp_path):
    whole = tmp_path / "b.wbk"
    backup(engine, out=whole, actor=SYSTEM)
    text = gzip.decompress(whole.read_bytes()).decode("utf-8")
    (tmp_path / "t.wbk").write_bytes(gzip.compress(text.replace('"system"', '"mallory"', 1).encode("utf-8")))

    with pytest.raises(ValidationError, match="audit chain broken"):
        restore(empty_engine, path=tmp_path / "t.wbk", actor=SYSTEM)
    with empty_engine.connect() as connection:
        assert connection.execute(sa.text("SELECT COUNT(*) FROM person")).scalar() == 0


def test_backup_and_restore_from_the_command_line(engine, empty_engine, tmp_path, capsys):
    source = engine.url.render_as_string(hide_password=False)
    target = empty_engine.url.render_as_string(hide_password=False)

    assert main(["--database", source, "backup", "--out", str(tmp_path / "cli.wbk")]) == 0
    assert main(["--database", target, "restore", str(tmp_path / "cli.wbk")]) == 0

    out = capsys.readouterr().out
    assert "backup:" in out and "restore:" in out and "audit chain intact" in out
    assert snapshot(empty_engine) == snapshot(engine)


def test_restore_into_a_schema_without_rows(engine, empty_engine, tmp_path):
    migrate.upgrade(empty_engine)  # `workbench init` made the schema, nothing was loaded yet
    backup(engine, out=tmp_path / "b.wbk", actor=SYSTEM)

    report = restore(empty_engine, path=tmp_path / "b.wbk", actor=SYSTEM)

    assert report.chain.ok and snapshot(empty_engine) == snapshot(engine)
