"""Register numbering: one unbroken sequence per register per calendar year, allocated inside the registering
transaction — never a gap, never a duplicate, also with eight processes registering at once (each its own
engine), on SQLite and PostgreSQL; a rolled-back registration gives its number back; a caller service may
register inside its own transaction."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest
from sqlmodel import col, select

from tests.correspondence_factories import clerk, letter
from workbench.db import SYSTEM, make_engine, new_session, transaction
from workbench.errors import PermissionDenied, ValidationError
from workbench.models.correspondence import Correspondence, Register
from workbench.services.correspondence import count_documents, register_document

WORKERS = 8
PER_WORKER = 6


def numbers(session, register=Register.INCOMING, year=2026):
    return list(session.exec(select(Correspondence.number).where(
        Correspondence.register == register, Correspondence.year == year).order_by(col(Correspondence.number))).all())


def _register_many(url: str, worker: int, start, results) -> None:
    engine = make_engine(url)
    start.wait()
    got = []
    with new_session(engine) as session:
        for i in range(PER_WORKER):
            # as a caller service would: a read, then the registration, in one outer transaction
            with transaction(session, actor=SYSTEM):
                count_documents(session, actor=SYSTEM, register="incoming")
                doc = register_document(session, actor=SYSTEM, data=letter(
                    subject=f"หนังสือจากกระบวนการ {worker} ฉบับ {i}",
                    registered_at=dt.datetime(2026, 3, 1, 9, 0)))
            got.append(doc.number)
    engine.dispose()
    results.put((worker, got))


def test_eight_processes_registering_at_once_leave_an_unbroken_sequence(engine, session):
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()
    context = multiprocessing.get_context("fork")
    start = context.Barrier(WORKERS)
    results = context.Queue()
    processes = [context.Process(target=_register_many, args=(url, w, start, results)) for w in range(WORKERS)]
    for process in processes:
        process.start()
    collected = dict(results.get(timeout=120) for _ in processes)
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0

    total = WORKERS * PER_WORKER
    assert numbers(session) == list(range(1, total + 1))
    handed_out = sorted(n for got in collected.values() for n in got)
    assert handed_out == list(range(1, total + 1))


def test_each_register_and_year_has_its_own_sequence(session):
    first = register_document(session, actor=SYSTEM, data=letter(registered_at=dt.datetime(2025, 12, 31, 16, 0)))
    second = register_document(session, actor=SYSTEM, data=letter(registered_at=dt.datetime(2026, 1, 2, 9, 0)))
    third = register_document(session, actor=SYSTEM, data=letter(registered_at=dt.datetime(2026, 1, 2, 10, 0)))
    out = register_document(session, actor=SYSTEM, data=letter(register="outgoing",
                                                                registered_at=dt.datetime(2026, 1, 2, 11, 0)))

    assert (first.year, first.number) == (2025, 1)
    assert (second.year, second.number, third.number) == (2026, 1, 2)
    assert (out.year, out.number) == (2026, 1)


def test_outgoing_numbers_print_after_the_office_code(session, monkeypatch):
    out = register_document(session, actor=SYSTEM, data=letter(register="outgoing"))
    inc = register_document(session, actor=SYSTEM, data=letter(register="incoming"))

    assert out.display_number == f"สว 0010/{out.number}"
    assert inc.display_number == str(inc.number)


def test_a_rolled_back_registration_leaves_no_gap(session):
    register_document(session, actor=SYSTEM, data=letter())
    with pytest.raises(RuntimeError), transaction(session, actor=SYSTEM):
        register_document(session, actor=SYSTEM, data=letter(subject="จะถูกยกเลิก"))
        raise RuntimeError("the caller's own step failed")
    register_document(session, actor=SYSTEM, data=letter())

    year = numbers(session, year=dt.date.today().year) or numbers(session, year=dt.date.today().year + 1)
    assert len(year) == 2 and year == [1, 2]


def test_a_caller_service_registers_inside_its_own_transaction(session):
    """As travel does for a passport letter: its own row and the number are one atomic step."""
    with transaction(session, actor=SYSTEM):
        doc = register_document(session, actor=SYSTEM, data=letter(register="outgoing", subject="หนังสือนำตรวจลงตรา"))
        assert session.in_transaction()
    assert session.get(Correspondence, doc.id).subject == "หนังสือนำตรวจลงตรา"


def test_a_bad_document_takes_no_number(session):
    with pytest.raises(ValidationError) as error:
        register_document(session, actor=SYSTEM, data=letter(subject="   "))
    assert error.value.field == "subject"
    assert register_document(session, actor=SYSTEM, data=letter()).number == 1


def test_only_registering_staff_register_unless_a_service_names_its_own_permission(session):
    viewer = clerk(session, role="viewer")
    with pytest.raises(PermissionDenied):
        register_document(session, actor=viewer, data=letter())
    protocol = clerk(session, role="protocol_officer")
    doc = register_document(session, actor=protocol, data=letter(register="outgoing"), permission="visits.write")
    assert doc.number == 1
