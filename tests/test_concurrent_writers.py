"""Writers at once: eight processes write to one real database file (or PostgreSQL database) at the same moment.

Each scenario is repeated for a few rounds; every process either commits or is refused with a WorkbenchError,
and the counts afterwards are exactly what the office's rules allow.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import func, select

from tests.budget_helpers import make_line
from tests.correspondence_factories import letter
from tests.visit_factories import make_principal
from workbench.db import SYSTEM, make_engine, new_session
from workbench.errors import WorkbenchError
from workbench.models.audit import AuditEntry
from workbench.models.briefing import MonitoringNote
from workbench.models.budget import Commitment, CommitmentStatus
from workbench.models.correspondence import Correspondence
from workbench.models.countries import Country
from workbench.models.visits import EngagementParticipant
from workbench.services import budget

WRITERS = 8
ROUNDS = 3


def _write(kind: str, url: str, target: int, number: int) -> Any:
    """One writer's action in its own process and engine."""
    from workbench.services import budget, correspondence, engagements, monitoring

    engine = make_engine(url)
    try:
        with new_session(engine) as session:
            if kind == "budget":
                budget.post_commitment(session, actor=SYSTEM, data={
                    "line_id": target, "entry_date": dt.date(2025, 11, 1), "amount": "20000.00",
                    "description": f"ผู้เขียนพร้อมกัน {number}"})
            elif kind == "booking":
                engagements.create_engagement(session, actor=SYSTEM, data={
                    "kind": "courtesy_call", "title_th": f"เข้าคารวะ {number}", "principal_ids": [target],
                    "start": dt.datetime(2026, 12, 2, 10, 0), "end": dt.datetime(2026, 12, 2, 11, 0)})
            elif kind == "register":
                correspondence.register_document(session, actor=SYSTEM, data=letter(subject=f"หนังสือ {number}"))
            elif kind == "draft":  # even writers post the draft, odd ones discard it
                act = budget.post_draft if number % 2 == 0 else budget.discard_draft
                return f"ok {act(session, actor=SYSTEM, commitment_id=target).status}"
            elif kind == "note":
                monitoring.create_note(session, actor=SYSTEM, data={
                    "country_id": target, "noted_on": dt.date(2026, 11, 1), "category": "political",
                    "title": f"บันทึก {number}"})
        return "ok"
    except WorkbenchError as exc:
        return f"refused: {type(exc).__name__}"
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which fails the test with it
        return f"error: {type(exc).__name__}: {exc}"
    finally:
        engine.dispose()


def _child(kind: str, url: str, target: int, number: int, barrier: Any, results: Any) -> None:
    barrier.wait(timeout=120)
    results.put((number, _write(kind, url, target, number)))


def _all_at_once(engine, kind: str, target: int) -> Counter:
    """Start WRITERS processes that wait at a barrier, then all write at once; the outcomes counted."""
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()  # no connection crosses a fork
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(WRITERS), context.Queue()
    processes = [context.Process(target=_child, args=(kind, url, target, n, barrier, results))
                 for n in range(WRITERS)]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=180)[1] for _ in processes]
    for process in processes:
        process.join(timeout=60)
    errors = [outcome for outcome in outcomes if outcome.startswith("error")]
    assert errors == []
    return Counter(outcome.split(":")[0].split(" ")[0] for outcome in outcomes), outcomes


@pytest.mark.parametrize("round_no", range(ROUNDS))
def test_eight_commitments_never_spend_more_than_is_available(engine, session, round_no):
    line = make_line(session, SYSTEM, allocated="100000.00", allot="100000.00")

    outcomes, _ = _all_at_once(engine, "budget", line.id)

    with new_session(engine) as fresh:
        amounts = fresh.exec(select(Commitment.amount).where(Commitment.line_id == line.id)).all()
    assert outcomes == Counter({"ok": 5, "refused": 3})
    assert len(amounts) == 5 and sum(amounts) == Decimal("100000.00")


@pytest.mark.parametrize("round_no", range(ROUNDS))
def test_eight_bookings_of_one_principal_in_one_slot_make_exactly_one(engine, session, round_no):
    president = make_principal(session)

    outcomes, _ = _all_at_once(engine, "booking", president.id)

    with new_session(engine) as fresh:
        booked = fresh.exec(select(func.count()).select_from(EngagementParticipant)
                            .where(EngagementParticipant.person_id == president.id)).one()
    assert outcomes == Counter({"ok": 1, "refused": 7})
    assert booked == 1


@pytest.mark.parametrize("round_no", range(ROUNDS))
def test_eight_registrations_take_consecutive_numbers(engine, round_no):
    outcomes, _ = _all_at_once(engine, "register", 0)

    with new_session(engine) as fresh:
        numbers = fresh.exec(select(Correspondence.number).where(Correspondence.register == "incoming")).all()
    assert outcomes == Counter({"ok": WRITERS})
    assert sorted(numbers) == list(range(1, WRITERS + 1))


@pytest.mark.parametrize("round_no", range(ROUNDS))
def test_eight_notes_at_once_are_all_kept(engine, session, round_no):
    japan = session.exec(select(Country).where(Country.iso2 == "JP")).one()

    outcomes, _ = _all_at_once(engine, "note", japan.id)

    with new_session(engine) as fresh:
        titles = fresh.exec(select(MonitoringNote.title)).all()
    assert outcomes == Counter({"ok": WRITERS})
    assert sorted(titles) == sorted(f"บันทึก {n}" for n in range(WRITERS))


@pytest.mark.parametrize("round_no", range(ROUNDS))
def test_one_draft_posted_and_discarded_at_once_is_either_posted_or_discarded_once(engine, session, round_no):
    line = make_line(session, SYSTEM, allocated="100000.00", allot="100000.00")
    draft = budget.post_commitment(session, actor=SYSTEM, draft=True, data={
        "line_id": line.id, "entry_date": dt.date(2025, 11, 1), "amount": "60000.00", "description": "ร่าง"})

    outcomes, said = _all_at_once(engine, "draft", draft.id)

    with new_session(engine) as fresh:
        status = fresh.get(Commitment, draft.id).status
        changes = fresh.exec(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "budget_commitment", AuditEntry.entity_id == str(draft.id),
            AuditEntry.action == "update")).one()
    assert outcomes == Counter({"ok": 1, "refused": WRITERS - 1})
    assert [s for s in said if s.startswith("ok")] == [f"ok {status}"]
    assert status in (CommitmentStatus.POSTED, CommitmentStatus.DISCARDED)
    assert changes == 1  # one change of status, never posted and then discarded (or posted twice)
