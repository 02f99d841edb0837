"""Migrations: any database, empty or older, reaches the newest schema; the models and migrations agree."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from workbench import migrate
from workbench.models import load_all


def test_empty_database_upgrades_to_head(empty_engine):
    migrate.upgrade(empty_engine)
    assert migrate.current_revision(empty_engine) == migrate.head_revision()
    tables = set(sa.inspect(empty_engine).get_table_names())
    assert {"country", "person", "organization", "post", "membership", "app_user", "audit_entry"} <= tables


def test_upgrade_is_idempotent(empty_engine):
    migrate.upgrade(empty_engine)
    migrate.upgrade(empty_engine)
    assert migrate.current_revision(empty_engine) == migrate.head_revision()


def test_models_and_migrations_agree(empty_engine):
    migrate.upgrade(empty_engine)
    with empty_engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), load_all())
    assert differences == []


def test_database_at_previous_revision_keeps_its_data_on_upgrade(empty_engine):
    previous = migrate.revisions()[-2]
    migrate.upgrade(empty_engine, previous)
    with empty_engine.begin() as connection:
        connection.execute(sa.text(
            "INSERT INTO country (iso2, iso3, numeric, name_en, name_th, region, source, as_of) "
            "VALUES ('TH', 'THA', '764', 'Thailand', 'ไทย', 'asia', 'test', :d)"), {"d": dt.date(2026, 1, 1)})
        connection.execute(sa.text(
            "INSERT INTO person (honorific_th, given_name_th, family_name_th, honorific_en, given_name_en, "
            "family_name_en, gender, biography, email, phone, created_at) VALUES "
            "('นาย', 'เก่า', 'ข้อมูล', '', '', '', 'male', '', '', '', :t)"), {"t": dt.datetime(2026, 1, 1)})
    migrate.upgrade(empty_engine)
    assert migrate.current_revision(empty_engine) == migrate.head_revision()
    with empty_engine.connect() as connection:
        assert connection.execute(sa.text("SELECT name_th FROM country WHERE iso2 = 'TH'")).scalar() == "ไทย"
        assert connection.execute(sa.text("SELECT given_name_th FROM person")).scalar() == "เก่า"


def test_every_revision_downgrades_and_upgrades_again(empty_engine):
    migrate.upgrade(empty_engine)
    migrate.downgrade(empty_engine, "base")
    assert migrate.current_revision(empty_engine) is None
    migrate.upgrade(empty_engine)
    assert migrate.current_revision(empty_engine) == migrate.head_revision()


def test_production_code_never_calls_create_all():
    from workbench.config import PROJECT_ROOT

    offenders = [p for p in (PROJECT_ROOT / "workbench").rglob("*.py") if "create_all(" in p.read_text("utf-8")]
    assert offenders == []
