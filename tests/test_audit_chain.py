"""A tamper-evident audit trail: each entry's hash covers the one before; `workbench audit verify` names the first
broken link; on PostgreSQL the database itself refuses UPDATE, DELETE and TRUNCATE of audit entries."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import col, select

from tests.factories import make_person, make_user
from workbench.cli import main
from workbench.db import SYSTEM
from workbench.errors import PermissionDenied
from workbench.models.audit import AuditChain, AuditEntry
from workbench.models.users import Role
from workbench.services.audit_chain import verify_chain


def _entries(session):
    return session.exec(select(AuditEntry).order_by(col(AuditEntry.seq))).all()


def _tamper(engine, statement: str, **params) -> None:
    """What someone with direct access to the database would do (on PostgreSQL, after switching off its guard)."""
    with engine.begin() as connection:
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            connection.exec_driver_sql("ALTER TABLE audit_entry DISABLE TRIGGER USER")
        connection.execute(sa.text(statement), params)
        if postgres:
            connection.exec_driver_sql("ALTER TABLE audit_entry ENABLE TRIGGER USER")


def test_every_entry_is_chained_to_the_one_before(session):
    make_person(session)
    make_person(session)
    rows = _entries(session)

    assert [row.seq for row in rows] == list(range(1, len(rows) + 1))
    assert all(later.prev_hash == earlier.hash for earlier, later in zip(rows, rows[1:], strict=False))
    head = session.get(AuditChain, 1)
    assert (head.last_seq, head.last_hash) == (rows[-1].seq, rows[-1].hash)
    report = verify_chain(session, actor=SYSTEM)
    assert report.ok and report.checked == len(rows)


def test_a_changed_entry_is_named_by_verify(engine, session, capsys):
    make_person(session, given_name_th="ก่อน")
    victim = _entries(session)[-3]
    victim_seq, victim_id = victim.seq, victim.id
    make_person(session)

    _tamper(engine, "UPDATE audit_entry SET actor_name = 'someone_else' WHERE id = :id", id=victim_id)

    session.expire_all()
    report = verify_chain(session, actor=SYSTEM)
    assert not report.ok and (report.seq, report.entry_id) == (victim_seq, victim_id)
    assert "changed after it was written" in report.reason_en
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert f"audit chain broken at seq {victim_seq}, entry id {victim_id}" in out


def test_a_deleted_entry_in_the_middle_or_at_the_end_is_noticed(engine, session):
    make_person(session)
    rows = _entries(session)
    (middle_id, middle_seq), last_id = (rows[len(rows) // 2].id, rows[len(rows) // 2].seq), rows[-1].id

    _tamper(engine, "DELETE FROM audit_entry WHERE id = :id", id=last_id)
    session.expire_all()
    at_end = verify_chain(session, actor=SYSTEM)
    _tamper(engine, "DELETE FROM audit_entry WHERE id = :id", id=middle_id)
    session.expire_all()
    in_middle = verify_chain(session, actor=SYSTEM)

    assert not at_end.ok and "entries at the end were deleted" in at_end.reason_en
    assert not in_middle.ok and in_middle.seq == middle_seq and "missing" in in_middle.reason_en


def test_an_entry_slipped_in_by_raw_sql_is_outside_the_chain(engine, session):
    make_person(session)
    _tamper(engine, "INSERT INTO audit_entry (at, actor_name, entity, entity_id, action, changes) "
            "VALUES (:at, 'x', 'person', '1', 'delete', '{}')", at=_entries(session)[-1].at)
    session.expire_all()

    report = verify_chain(session, actor=SYSTEM)

    assert not report.ok and "outside the chain" in report.reason_en


def test_an_intact_chain_verifies_from_the_command_line(engine, session, capsys):
    make_person(session)
    url = engine.url.render_as_string(hide_password=False)

    assert main(["--database", url, "audit", "verify"]) == 0
    assert "audit chain intact" in capsys.readouterr().out


def test_only_administrators_verify(session):
    from tests.factories import user_model

    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    with pytest.raises(PermissionDenied):
        verify_chain(session, actor=viewer)


def test_postgresql_refuses_update_delete_and_truncate_of_audit_entries(engine, session):
    if engine.dialect.name != "postgresql":
        pytest.skip("the database-level guard is PostgreSQL's (SQLite has no roles; verify still catches edits)")
    make_person(session)
    for statement in ("UPDATE audit_entry SET actor_name = 'x'", "DELETE FROM audit_entry", "TRUNCATE audit_entry"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), engine.begin() as connection:
            connection.exec_driver_sql(statement)
    assert verify_chain(session, actor=SYSTEM).ok
