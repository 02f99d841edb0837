"""The database layer: connection settings, one transaction per action, and the audit trail of every write."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlmodel import select

from tests.factories import make_person
from workbench.db import SYSTEM, make_engine, masked_url, redact_secrets, transaction
from workbench.errors import ConfigurationError, ValidationError
from workbench.models.audit import AuditEntry
from workbench.models.people import Person
from workbench.services import people


def test_sqlite_connections_enforce_foreign_keys_wal_and_busy_timeout(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_sqlite_file_folder_is_created(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'new' / 'x.db'}")
    with engine.connect():
        pass
    assert (tmp_path / "new" / "x.db").exists()


def test_a_chain_of_missing_folders_is_refused_not_created(tmp_path):
    from workbench.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="does not exist"):
        make_engine(f"sqlite:///{tmp_path / 'missing' / 'dir' / 'x.db'}")
    assert not (tmp_path / "missing").exists()


def test_foreign_keys_are_enforced(session):
    with pytest.raises(sa.exc.IntegrityError):
        with transaction(session, actor=SYSTEM):
            session.add(Person(given_name_th="ก", nationality_id=999_999))
            session.flush()


def test_bad_url_is_a_configuration_error_with_the_password_masked():
    with pytest.raises(ConfigurationError) as caught:
        make_engine("nosuchdb+driver://admin:s3cret@host/db")
    assert "s3cret" not in str(caught.value)
    assert "WORKBENCH_DATABASE_URL" in str(caught.value)


def test_masking_helpers_hide_passwords():
    assert "s3cret" not in masked_url("postgresql+psycopg://admin:s3cret@db.example/wb")
    assert redact_secrets("could not connect to postgresql://u:pw@h/db") == "could not connect to postgresql://u:***@h/db"


def test_a_failed_action_writes_nothing_not_even_audit(session):
    before_people = len(session.exec(select(Person)).all())
    before_audit = len(session.exec(select(AuditEntry)).all())
    with pytest.raises(RuntimeError):
        with transaction(session, actor=SYSTEM):
            make_person(session)
            raise RuntimeError("boom")
    assert len(session.exec(select(Person)).all()) == before_people
    assert len(session.exec(select(AuditEntry)).all()) == before_audit


def test_writes_outside_a_service_transaction_are_refused(session):
    session.add(Person(given_name_th="ลอบเขียน"))
    with pytest.raises(RuntimeError, match="transaction"):
        session.flush()
    session.rollback()


def test_create_is_audited_with_actor_entity_and_values(session):
    person = make_person(session, given_name_th="บันทึก")
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "person",
                                                  AuditEntry.entity_id == str(person.id))).one()
    assert entry.action == "create"
    assert entry.actor_name == "system"
    assert entry.changes["given_name_th"] == [None, "บันทึก"]


def test_update_is_audited_with_before_and_after_of_changed_fields_only(session):
    person = make_person(session, given_name_th="ก่อน")
    people.update_person(session, person_id=person.id, data={"given_name_th": "หลัง"}, actor=SYSTEM)
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "person", AuditEntry.action == "update",
                                                  AuditEntry.entity_id == str(person.id))).one()
    assert entry.changes == {"given_name_th": ["ก่อน", "หลัง"]}


def test_nested_service_calls_share_one_transaction(session):
    with pytest.raises(ValidationError):
        with transaction(session, actor=SYSTEM):
            make_person(session, given_name_th="ในธุรกรรม")
            people.create_person(session, actor=SYSTEM, data={"given_name_th": "", "given_name_en": ""})
    assert session.exec(select(Person).where(Person.given_name_th == "ในธุรกรรม")).first() is None
