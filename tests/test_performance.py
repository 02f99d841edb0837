"""Performance at twenty years of office data: lists cost a fixed number of SQL statements whatever their length,
and the command line starts without loading the data model when the command does not need it.

(Speed targets themselves are measured by ``make bench``, not tested.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator

from sqlalchemy import event
from sqlalchemy.engine import Engine

from tests.factories import make_person
from tests.visit_factories import make_engagement, make_principal, make_visit
from workbench.cli import main
from workbench.db import SYSTEM
from workbench.services.engagements import list_engagements
from workbench.services.visits import list_visits


@contextlib.contextmanager
def counting_statements() -> Iterator[list[str]]:
    """Every SQL statement any engine sends while the block runs (the command line opens its own engine)."""
    seen: list[str] = []

    def count(_conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", count)


def add_engagements(session, count: int, *, principals: list, guests: list, offset: int) -> None:
    """``count`` engagements on separate days, each with its principals and a visitor."""
    for number in range(count):
        start = dt.datetime(2026, 1, 5, 9, 0) + dt.timedelta(days=offset + number)
        make_engagement(session, title_th=f"คารวะ {offset + number}", start=start,
                        end=start + dt.timedelta(hours=1), principal_ids=[p.id for p in principals],
                        guest_ids=[guests[number % len(guests)].id])


def add_visits(session, count: int, *, principal, officers: list, offset: int) -> None:
    for number in range(count):
        first = dt.date(2026, 1, 5) + dt.timedelta(days=7 * (offset + number))
        make_visit(session, title_th=f"เยือน {offset + number}", start_date=first,
                   end_date=first + dt.timedelta(days=2), principal_id=principal.id,
                   officer_ids=[o.id for o in officers])


def cli(engine, *args: str, capsys) -> list[dict]:
    assert main(["--database", engine.url.render_as_string(hide_password=False), *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_engagement_list_costs_the_same_statements_for_3_or_30_rows(session, engine, capsys):
    principals = [make_principal(session), make_principal(session, post_code="senate-first-vice-president")]
    guests = [make_person(session) for _ in range(5)]
    add_engagements(session, 3, principals=principals, guests=guests, offset=0)
    session.expire_all()
    with counting_statements() as small:
        few = list_engagements(session, actor=SYSTEM)
    with counting_statements() as small_cli:
        few_rows = cli(engine, "engagement", "list", capsys=capsys)

    add_engagements(session, 27, principals=principals, guests=guests, offset=100)
    session.expire_all()
    with counting_statements() as large:
        many = list_engagements(session, actor=SYSTEM)
    with counting_statements() as large_cli:
        many_rows = cli(engine, "engagement", "list", capsys=capsys)

    assert (len(few), len(many), len(few_rows), len(many_rows)) == (3, 30, 3, 30)
    assert all(sorted(e.principal_ids) == sorted(p.id for p in principals) and len(e.guest_ids) == 1 for e in many)
    assert all(row["principals"].count(";") == 1 for row in many_rows)  # both principals named, from one query
    assert len(large) == len(small) <= 3
    assert len(large_cli) == len(small_cli)


def test_visit_list_costs_the_same_statements_for_2_or_20_rows(session, engine, capsys):
    principal = make_principal(session)
    officers = [make_person(session), make_person(session)]
    add_visits(session, 2, principal=principal, officers=officers, offset=0)
    session.expire_all()
    with counting_statements() as small:
        few = list_visits(session, actor=SYSTEM)
    with counting_statements() as small_cli:
        few_rows = cli(engine, "visit", "list", capsys=capsys)

    add_visits(session, 18, principal=principal, officers=officers, offset=10)
    session.expire_all()
    with counting_statements() as large:
        many = list_visits(session, actor=SYSTEM)
    with counting_statements() as large_cli:
        many_rows = cli(engine, "visit", "list", capsys=capsys)

    assert (len(few), len(many), len(few_rows), len(many_rows)) == (2, 20, 2, 20)
    assert all(v.officer_ids == sorted(o.id for o in officers) for v in many)
    assert all(row["principal"] and row["country"] == "JP" for row in many_rows)
    assert len(large) == len(small) <= 3
    assert len(large_cli) == len(small_cli)


def test_engagement_list_hides_what_the_actor_may_not_see_and_keeps_the_filters(session):
    from tests.factories import make_user, user_model

    principal = make_principal(session)
    make_engagement(session, title_th="เปิดเผย", principal_ids=[principal.id])
    make_engagement(session, title_th="ลับ", classification=2, start=dt.datetime(2026, 12, 3, 10),
                    end=dt.datetime(2026, 12, 3, 11), principal_ids=[principal.id])
    make_engagement(session, title_th="งานเลี้ยง", kind="reception", start=dt.datetime(2026, 12, 9, 18),
                    end=dt.datetime(2026, 12, 9, 20))
    viewer = user_model(session, make_user(session))
    assert [e.title_th for e in list_engagements(session, actor=viewer)] == ["เปิดเผย", "งานเลี้ยง"]
    assert [e.title_th for e in list_engagements(session, actor=SYSTEM, kind="reception")] == ["งานเลี้ยง"]
    found = list_engagements(session, actor=SYSTEM, start=dt.datetime(2026, 12, 3), end=dt.datetime(2026, 12, 4))
    assert [(e.title_th, e.principal_ids) for e in found] == [("ลับ", [principal.id])]


MODEL_PACKAGES = ("workbench.models", "workbench.services", "workbench.db", "sqlmodel", "sqlalchemy", "pydantic")


def modules_loaded_by(*argv: str) -> tuple[str, list[str]]:
    """Run the command line in a fresh interpreter; what it printed and which heavy modules it imported."""
    probe = ("import sys\nfrom workbench.cli import main\n"
             f"try:\n    main({list(argv)!r})\nexcept SystemExit:\n    pass\n"
             f"print('LOADED', sorted(m for m in sys.modules if m.startswith({MODEL_PACKAGES!r})))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                          env={**os.environ})
    assert done.returncode == 0, done.stderr
    output, _, loaded = done.stdout.rpartition("LOADED ")
    return output, eval(loaded)  # noqa: S307 - our own repr of a list of module names


def test_version_and_help_import_no_model_module():
    output, loaded = modules_loaded_by("version")
    assert output.startswith("workbench ") and loaded == []
    output, loaded = modules_loaded_by("--help")
    assert "engagement" in output and "budget" in output and loaded == []


def test_a_list_command_loads_only_the_models_it_reads_and_no_alembic(engine):
    """``workbench visit list`` reads visits, people and countries: it does not build the other model modules
    (budget, correspondence, travel …) nor load Alembic to check the schema's revision."""
    probe = ("import sys\nfrom workbench.cli import main\n"
             f"code = main(['--database', {engine.url.render_as_string(hide_password=False)!r}, 'visit', 'list'])\n"
             "print('LOADED', code, sorted(m for m in sys.modules if m.startswith(('workbench.models.', 'alembic'))))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                          env={**os.environ})
    assert done.returncode == 0, done.stderr
    code, _, loaded = done.stdout.rpartition("LOADED ")[2].partition(" ")
    assert code == "0"
    loaded = eval(loaded)  # noqa: S307 - our own repr of a list of module names
    assert "workbench.models.visits" in loaded and "workbench.models.people" in loaded
    assert not [m for m in loaded if m.startswith("alembic")]
    assert not {"workbench.models.budget", "workbench.models.correspondence", "workbench.models.travel",
                "workbench.models.interparliamentary", "workbench.models.administration"} & set(loaded)


def test_the_schema_check_knows_every_revision_alembic_knows():
    from workbench import migrate

    assert migrate.known_revisions() == set(migrate.revisions())
    assert migrate.shipped_head() == migrate.head_revision()


def test_a_write_after_loading_one_model_module_knows_every_table(engine):
    """Foreign keys are resolved against every table when a session flushes: a process that imported only the
    visits' models can still write a visit (its principal is a person, its officers' table another module)."""
    probe = ("import sys, datetime as dt\nfrom workbench.db import SYSTEM, make_engine, new_session\n"
             "from workbench.services.visits import schedule_visit\nfrom sqlmodel import select\n"
             "from workbench.models.countries import Country\n"
             f"engine = make_engine({engine.url.render_as_string(hide_password=False)!r})\n"
             "before = 'workbench.models.budget' in sys.modules\n"
             "with new_session(engine) as session:\n"
             "    country = session.exec(select(Country).where(Country.iso2 == 'JP')).one()\n"
             "    visit = schedule_visit(session, actor=SYSTEM, data={'direction': 'inbound', 'kind': 'official_visit',\n"
             "        'title_th': 'เยือน', 'country_id': country.id, 'start_date': dt.date(2026, 12, 1),\n"
             "        'end_date': dt.date(2026, 12, 2)})\n"
             "print('WROTE', visit.id, before, 'workbench.models.budget' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                          env={**os.environ})
    assert done.returncode == 0, done.stderr
    visit_id, before, after = done.stdout.rpartition("WROTE ")[2].split()
    assert int(visit_id) > 0 and (before, after) == ("False", "True")


def test_list_rows_read_from_columns_equal_the_records_read_one_by_one(session):
    """The lists build their rows from the columns of one query: each row is the same model, field for field, as
    reading that visit or engagement on its own."""
    from workbench.services.engagements import read_engagement
    from workbench.services.visits import read_visit

    principal = make_principal(session)
    officers = [make_person(session), make_person(session)]
    add_visits(session, 3, principal=principal, officers=officers, offset=0)
    add_engagements(session, 3, principals=[principal], guests=[make_person(session)], offset=0)
    session.expire_all()
    visits = list_visits(session, actor=SYSTEM)
    engagements = list_engagements(session, actor=SYSTEM)
    assert visits == [read_visit(session, visit_id=v.id, actor=SYSTEM) for v in visits]
    assert engagements == [read_engagement(session, engagement_id=e.id, actor=SYSTEM) for e in engagements]
    assert [v.model_fields_set for v in visits] == [read_visit(session, visit_id=v.id, actor=SYSTEM).model_fields_set
                                                   for v in visits]


def test_a_command_still_loads_what_it_needs_when_it_runs():
    output, loaded = modules_loaded_by("user", "add", "--help")
    assert "--role" in output and "workbench.models.users" in loaded  # the role choices come from the model


def test_bulk_insert_writes_every_row_with_its_own_audit_entry(session):
    import pytest
    from sqlmodel import col, func, select

    from workbench.bulk import bulk_insert
    from workbench.db import transaction
    from workbench.models.audit import AuditEntry
    from workbench.models.briefing import MonitoringNote
    from workbench.models.countries import Country

    japan = session.exec(select(Country).where(Country.iso2 == "JP")).one()
    rows = [{"country_id": japan.id, "noted_on": dt.date(2020, 1, 1) + dt.timedelta(days=n), "category": "economic",
             "title": f"บันทึก {n}", "tags": "trade"} for n in range(5)]
    with pytest.raises(RuntimeError):  # like every write: only inside a transaction with an actor
        bulk_insert(session, MonitoringNote, rows)
    with transaction(session, actor=SYSTEM), counting_statements() as seen:
        ids = bulk_insert(session, MonitoringNote, rows, batch=2)
    inserts = [statement.split("(")[0].strip() for statement in seen if statement.startswith("INSERT")]
    # three batches of at most two rows: one INSERT of the rows and one of their audit entries each
    assert inserts == ["INSERT INTO monitoring_note", "INSERT INTO audit_entry"] * 3
    notes = [session.get(MonitoringNote, key) for key in ids]
    assert [n.title for n in notes] == [f"บันทึก {n}" for n in range(5)]
    assert all(n.summary == "" and n.classification == 0 and n.created_at is not None for n in notes)  # defaults
    entries = session.exec(select(AuditEntry).where(AuditEntry.entity == "monitoring_note",
                                                    col(AuditEntry.entity_id).in_([str(k) for k in ids]))).all()
    assert sorted(int(e.entity_id) for e in entries) == sorted(ids)
    assert all(e.action == "create" and e.actor_name == "system" for e in entries)
    first = next(e for e in entries if e.entity_id == str(ids[0]))
    assert first.changes["title"] == [None, "บันทึก 0"] and first.changes["id"] == [None, ids[0]]
    assert session.exec(select(func.count()).select_from(MonitoringNote)).one() == 5
    # the bulk entries sit on the hash chain like any other: `workbench audit verify` checks them all
    from workbench.services.audit_chain import verify_chain

    make_person(session)  # an ordinary audited write after the bulk ones
    report = verify_chain(session, actor=SYSTEM)
    assert report.ok and report.checked == session.exec(select(func.count()).select_from(AuditEntry)).one()


def test_a_longer_demo_history_grows_notes_and_talking_points_year_by_year(demo_session):
    import random

    from sqlmodel import func, select

    from workbench.db import transaction
    from workbench.demo import DemoContext
    from workbench.demo.history import NOTES_PER_YEAR, POINTS_PER_YEAR, build_history
    from workbench.models.audit import AuditEntry
    from workbench.models.briefing import MonitoringNote, TalkingPoint
    from workbench.services.search import search

    def count(model, *where) -> int:
        return demo_session.exec(select(func.count()).select_from(model).where(*where)).one()

    notes, points, audited = count(MonitoringNote), count(TalkingPoint), count(AuditEntry)
    one_year = DemoContext(session=demo_session, rng=random.Random(1), today=dt.date(2026, 11, 30), years=1)
    with transaction(demo_session, actor=SYSTEM):
        build_history(one_year)  # the one-year demo office stays as the feature builders made it
    assert (count(MonitoringNote), count(TalkingPoint)) == (notes, points)

    two_years = DemoContext(session=demo_session, rng=random.Random(1), today=dt.date(2026, 11, 30), years=2)
    with transaction(demo_session, actor=SYSTEM):
        build_history(two_years)
    added = 2 * (NOTES_PER_YEAR + POINTS_PER_YEAR)
    assert count(MonitoringNote) == notes + 2 * NOTES_PER_YEAR
    assert count(TalkingPoint) == points + 2 * POINTS_PER_YEAR
    assert count(AuditEntry) == audited + added
    oldest = demo_session.exec(select(func.min(MonitoringNote.noted_on))).one()
    assert oldest <= dt.date(2025, 10, 31)  # spread over fiscal years 2569 and 2570
    assert any(hit.kind == "note" for hit in search(demo_session, actor=SYSTEM, query="ตัวเลขการค้า"))


def test_a_bulk_entry_records_the_same_changes_as_an_ordinary_write(session):
    """The bulk path's entry of a row equals the ``after_flush`` hook's entry of the same row written one by one:
    dates, enums, secrecy levels and Thai text as the hook writes them, and both sit on one intact chain."""
    from sqlmodel import select

    from workbench.bulk import bulk_insert
    from workbench.db import transaction
    from workbench.models.audit import AuditEntry
    from workbench.models.base import Clearance
    from workbench.models.briefing import MonitoringNote, NoteCategory
    from workbench.models.countries import Country
    from workbench.services.audit_chain import verify_chain

    japan = session.exec(select(Country).where(Country.iso2 == "JP")).one()
    values = {"country_id": japan.id, "noted_on": dt.date(2021, 3, 4), "category": NoteCategory.SECURITY,
              "title": "ความมั่นคงทางทะเล \"ทดสอบ\"", "summary": "สรุป\nบรรทัดสอง", "tags": "maritime",
              "classification": Clearance.SECRET}
    with transaction(session, actor=SYSTEM):
        one = MonitoringNote(**values)
        session.add(one)
        session.flush()
        [bulk_id] = bulk_insert(session, MonitoringNote, [values])

    def entry(key: int) -> dict:
        row = session.exec(select(AuditEntry).where(AuditEntry.entity == "monitoring_note",
                                                    AuditEntry.entity_id == str(key))).one()
        return {name: change for name, change in row.changes.items() if name not in ("id", "created_at")}

    assert entry(bulk_id) == entry(one.id)
    assert entry(bulk_id)["classification"] == [None, 2] and entry(bulk_id)["noted_on"] == [None, "2021-03-04"]
    assert session.get(MonitoringNote, bulk_id).category == NoteCategory.SECURITY
    assert verify_chain(session, actor=SYSTEM).ok


def test_the_bulk_path_keeps_the_text_rules_and_names_the_row_and_field(session):
    import pytest
    from sqlmodel import func, select

    from workbench.bulk import bulk_insert
    from workbench.db import transaction
    from workbench.errors import ValidationError
    from workbench.models.briefing import MonitoringNote
    from workbench.models.countries import Country

    japan = session.exec(select(Country).where(Country.iso2 == "JP")).one()
    rows = [{"country_id": japan.id, "noted_on": dt.date(2020, 1, 1), "category": "economic", "title": f"บันทึก {n}"}
            for n in range(5)]
    rows[3]["tags"] = "a\x00b"
    with pytest.raises(ValidationError) as refused, transaction(session, actor=SYSTEM):
        bulk_insert(session, MonitoringNote, rows, batch=2)
    assert refused.value.field == "tags" and "row 4" in refused.value.en
    rows[3]["tags"] = "x" * 301
    with pytest.raises(ValidationError) as refused, transaction(session, actor=SYSTEM):
        bulk_insert(session, MonitoringNote, rows)
    assert refused.value.field == "tags" and "300" in refused.value.en
    assert session.exec(select(func.count()).select_from(MonitoringNote)).one() == 0  # all or nothing
