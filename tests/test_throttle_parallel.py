"""Throttling holds under parallel attempts: twelve wrong passwords tried at the same moment from twelve processes,
each with its own engine, get no more password checks than twelve tried one after another (on SQLite and
PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest
from sqlmodel import col, select

from tests.factories import make_user
from workbench.db import make_engine, new_session
from workbench.models.audit import AuditEntry
from workbench.services import users

ATTEMPTS = 12
NOW = dt.datetime(2026, 11, 25, 9, 0, 0)


def _attempt(url: str, username: str, password: str, barrier, results) -> None:
    """One sign-in attempt in its own process with its own engine, started when every process is ready."""
    engine = make_engine(url)
    try:
        with new_session(engine) as session:
            session.connection().exec_driver_sql("SELECT 1")  # connected before the race starts
            session.rollback()
            barrier.wait(timeout=120)
            try:
                users.authenticate(session, username=username, password=password, now=NOW)
                results.put("signed in")
            except users.TooManyAttempts:
                results.put("throttled")
            except users.ValidationError:
                results.put("wrong password")
    except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
        results.put(f"error: {type(exc).__name__}: {exc}")
    finally:
        engine.dispose()


def _race(engine, username: str, password: str) -> list[str]:
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(ATTEMPTS), context.Queue()
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()  # the children open their own connections; none is shared across the fork
    workers = [context.Process(target=_attempt, args=(url, username, password, barrier, results))
               for _ in range(ATTEMPTS)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=180) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    return sorted(outcomes)


def test_parallel_wrong_passwords_get_no_more_checks_than_the_throttle_allows(engine, session):
    user = make_user(session, username="ploy", password="correct horse")
    session.close()
    outcomes = _race(engine, "ploy", "wrong guess")
    assert outcomes == sorted(["wrong password"] * users.THROTTLE_AFTER
                              + ["throttled"] * (ATTEMPTS - users.THROTTLE_AFTER)), outcomes
    with new_session(engine) as check:
        assert users.get_user(check, username="ploy").failed_logins == users.THROTTLE_AFTER
        actions = check.exec(select(AuditEntry.action).where(
            AuditEntry.entity_id == str(user.id), col(AuditEntry.action).like("login_%"))).all()
        assert sorted(actions) == sorted(["login_failed"] * users.THROTTLE_AFTER
                                         + ["login_throttled"] * (ATTEMPTS - users.THROTTLE_AFTER))


def test_parallel_right_passwords_all_sign_in(engine, session):
    """The atomic claim does not lock out the user: right passwords all succeed, and the count ends at zero."""
    make_user(session, username="dao", password="correct horse")
    session.close()
    outcomes = _race(engine, "dao", "correct horse")
    assert set(outcomes) <= {"signed in", "throttled"} and outcomes.count("signed in") >= users.THROTTLE_AFTER, \
        outcomes
    with new_session(engine) as check:
        assert users.get_user(check, username="dao").failed_logins in range(users.THROTTLE_AFTER)


@pytest.mark.parametrize("failures", [0, 2])
def test_a_claimed_attempt_is_counted_before_the_password_is_checked(session, failures):
    """Sequentially nothing changes: a wrong password counts one failure, a right one resets the count."""
    make_user(session, username="kai", password="correct horse")
    for _ in range(failures):
        with pytest.raises(users.ValidationError):
            users.authenticate(session, username="kai", password="nope", now=NOW - dt.timedelta(minutes=5))
    assert users.authenticate(session, username="kai", password="correct horse", now=NOW).failed_logins == 0
