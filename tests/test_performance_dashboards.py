"""Performance at twenty years of office data, inside the dashboards: the audit page reads one page of the trail
(not the whole trail) whatever its length, and the visit calendar changes month without rebuilding the parts of
the attention panel that do not depend on the month.

(Speed targets themselves are measured by ``make bench``, not tested: these tests count statements, loaded rows
and widgets.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import event
from sqlmodel import col, select

from tests.factories import make_person, make_user, user_model
from tests.test_performance import counting_statements
from workbench.db import SYSTEM, transaction
from workbench.models.audit import AuditEntry
from workbench.models.base import Clearance
from workbench.models.users import Role, User
from workbench.services import audit, auth


@pytest.fixture
def admin(session):
    return user_model(session, make_user(session, role=Role.ADMINISTRATOR, clearance=Clearance.TOP_SECRET,
                                         username="auditor"))


@contextlib.contextmanager
def loaded_entries() -> Iterator[list[int]]:
    """The ids of the audit entries the ORM builds as objects while the block runs."""
    seen: list[int] = []

    def loaded(target, _context) -> None:
        seen.append(target.id)

    event.listen(AuditEntry, "load", loaded)
    try:
        yield seen
    finally:
        event.remove(AuditEntry, "load", loaded)


def test_the_audit_page_builds_one_page_of_entries_in_the_same_statements_whatever_the_trail(session, admin):
    for _ in range(12):
        make_person(session)
    session.expire_all()
    with loaded_entries() as few_loaded, counting_statements() as few_statements:
        few = audit.audit_page(session, actor=admin, page_size=10)
    for _ in range(60):
        make_person(session)
    session.expire_all()
    with loaded_entries() as many_loaded, counting_statements() as many_statements:
        many = audit.audit_page(session, actor=admin, page=2, page_size=10)
    assert len(few.rows) == len(many.rows) == 10
    assert many.total >= few.total + 60
    assert len(few_loaded) <= 10 and len(many_loaded) <= 10
    assert len(few_statements) == len(many_statements)
    newest = session.exec(select(AuditEntry.id).order_by(col(AuditEntry.id).desc())).all()
    assert [row.id for row in many.rows] == newest[10:20]  # the second page, newest first


def test_sign_in_bookkeeping_is_folded_away_in_sql_exactly_as_the_rule_says(session, admin):
    make_user(session, role=Role.VIEWER, username="visitor", password="correct horse")
    for password in ("correct horse", "wrong", "correct horse"):
        with contextlib.suppress(Exception):
            identity = auth.sign_in(session, username="visitor", password=password)
            auth.start_web_session(session, identity=identity)
    visitor = session.exec(select(User).where(User.username == "visitor")).one()
    with transaction(session, actor=SYSTEM):  # a counter beside a real change: not folded away
        visitor.last_login_at = dt.datetime(2026, 11, 30, 9, 0)
        visitor.username = "visitor2"
        session.add(visitor)
    every = session.exec(select(AuditEntry).order_by(col(AuditEntry.id).desc())).all()
    kept = [entry.id for entry in every if not audit.is_sign_in_noise(entry)]
    assert len(kept) < len(every)  # there is bookkeeping to fold away
    assert any(e.entity == "app_user" and e.action == "update" and not audit.is_sign_in_noise(e) for e in every)
    assert any(e.entity == "app_user" and e.action == "update" and audit.is_sign_in_noise(e) for e in every)
    found = audit.audit_page(session, actor=admin, page_size=1000)  # the longest page
    assert [row.id for row in found.rows] == kept[:1000] and found.total == len(kept)
    everything = audit.audit_page(session, actor=admin, page_size=1000, include_sign_in=True)
    assert [row.id for row in everything.rows] == [entry.id for entry in every][:1000]
    assert everything.total == len(every)
