"""Migrations on real data: a populated database at any earlier revision upgrades to the newest keeping its rows
(its audit entries join the hash chain), a downgrade of one step keeps the data, and a database whose schema is
newer than the code is refused with a clear message by the migrations and by every command."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from tests.factories import make_person
from workbench import migrate
from workbench.cli import main
from workbench.db import SYSTEM, new_session
from workbench.errors import ConfigurationError
from workbench.services.audit_chain import verify_chain

EARLIER = migrate.revisions()[:-1]


def _populate(engine) -> None:
    """A little of everything the oldest schema already holds, written as raw rows (the models are newer)."""
    tables = set(sa.inspect(engine).get_table_names())
    with engine.begin() as connection:
        connection.execute(sa.text(
            "INSERT INTO country (iso2, iso3, numeric, name_en, name_th, region, source, as_of) "
            "VALUES ('TH', 'THA', '764', 'Thailand', 'ไทย', 'asia', 'test', :d)"), {"d": dt.date(2026, 1, 1)})
        connection.execute(sa.text(
            "INSERT INTO person (honorific_th, given_name_th, family_name_th, honorific_en, given_name_en, "
            "family_name_en, gender, biography, email, phone, created_at) VALUES "
            "('นาย', 'เก่า', 'ข้อมูล', '', '', '', 'male', '', '', '', :t)"), {"t": dt.datetime(2026, 1, 1)})
        chained = "audit_entry" in tables and "seq" in {c["name"] for c in sa.inspect(connection).get_columns(
            "audit_entry")}  # from 0014 on a raw audit row would be one inserted outside the chain: none then
        if "audit_entry" in tables and not chained:
            for number in range(3):
                connection.execute(sa.text(
                    "INSERT INTO audit_entry (at, actor_name, entity, entity_id, action, changes) "
                    "VALUES (:t, 'system', 'person', '1', 'create', :c)"),
                    {"t": dt.datetime(2026, 1, 1, 9, number), "c": '{"given_name_th": [null, "เก่า"]}'})


@pytest.mark.parametrize("revision", EARLIER)
def test_a_populated_database_at_any_earlier_revision_upgrades_keeping_its_data(empty_engine, revision):
    migrate.upgrade(empty_engine, revision)
    _populate(empty_engine)

    migrate.upgrade(empty_engine)

    assert migrate.current_revision(empty_engine) == migrate.head_revision()
    with empty_engine.connect() as connection:
        assert connection.execute(sa.text("SELECT name_th FROM country WHERE iso2 = 'TH'")).scalar() == "ไทย"
        assert connection.execute(sa.text("SELECT given_name_th FROM person")).scalar() == "เก่า"
        audited = connection.execute(sa.text("SELECT COUNT(*) FROM audit_entry")).scalar()
    with new_session(empty_engine) as session:
        report = verify_chain(session, actor=SYSTEM)
        assert report.ok and report.checked == audited
        make_person(session)  # the upgraded database takes new, audited writes
        assert verify_chain(session, actor=SYSTEM).checked > audited


def test_one_step_down_and_up_again_keeps_the_data_and_the_chain(engine):
    with new_session(engine) as session:
        person = make_person(session, given_name_th="คงอยู่")
    previous = migrate.revisions()[-2]

    migrate.downgrade(engine, previous)
    assert migrate.current_revision(engine) == previous
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT given_name_th FROM person WHERE id = :i"),
                                  {"i": person.id}).scalar() == "คงอยู่"
    migrate.upgrade(engine)

    with new_session(engine) as session:
        assert verify_chain(session, actor=SYSTEM).ok


def _make_newer(engine) -> None:
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))


def test_a_database_newer_than_the_code_is_refused_by_the_migrations(engine):
    _make_newer(engine)

    for step in (lambda: migrate.upgrade(engine), lambda: migrate.downgrade(engine, "base")):
        with pytest.raises(ConfigurationError, match="revision 9999, newer than this workbench"):
            step()
    assert migrate.current_revision(engine) == "9999"


def test_a_database_newer_than_the_code_is_refused_by_every_command(engine, capsys):
    _make_newer(engine)
    url = engine.url.render_as_string(hide_password=False)

    for command in (["init"], ["user", "list"], ["audit", "verify"], ["budget", "summary", "--fy", "2569"]):
        assert main(["--database", url, *command]) == 1
        err = capsys.readouterr().err
        assert "newer than this workbench" in err and "unexpected" not in err


@pytest.mark.parametrize("revision", [None, EARLIER[-1]], ids=["empty", "one-revision-older"])
def test_an_empty_or_older_database_is_refused_by_the_data_commands_until_init_upgrades_it(empty_engine, capsys,
                                                                                          revision):
    if revision:
        migrate.upgrade(empty_engine, revision)
    url = empty_engine.url.render_as_string(hide_password=False)

    for command in (["visit", "list"], ["user", "list"], ["audit", "verify"], ["budget", "summary", "--fy", "2569"]):
        assert main(["--database", url, *command]) == 1
        err = capsys.readouterr().err
        assert "run `workbench init`" in err and "unexpected" not in err and "Traceback" not in err
        assert ("is empty" if revision is None else f"revision {revision}, older than this workbench") in err
    assert migrate.current_revision(empty_engine) == revision  # refused: nothing created, nothing upgraded

    assert main(["--database", url, "init"]) == 0
    assert main(["--database", url, "visit", "list"]) == 0
    assert migrate.current_revision(empty_engine) == migrate.head_revision()
