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

import comm
import comm.base_comm
import pytest
from sqlalchemy import event
from sqlmodel import col, select

from tests.factories import make_person, make_user, user_model
from tests.test_performance import counting_statements
from tests.visit_factories import make_engagement
from workbench.db import SYSTEM, transaction
from workbench.models.audit import AuditEntry
from workbench.models.base import Clearance
from workbench.models.users import Role, User
from workbench.services import audit, auth
from workbench.ui.visits.dashboard import VisitsApp


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


# --- the visit calendar: another month -------------------------------------------------------------------------

class CountingComm(comm.base_comm.BaseComm):
    """A widget's comm without a kernel that counts what it would send to the browser."""

    sent: list[str] = []

    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys) -> None:
        CountingComm.sent.append(msg_type)


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    """The messages the widgets created from here on send to the browser (opening one, changing a value)."""
    CountingComm.sent = []
    monkeypatch.setattr(comm, "create_comm", lambda *args, **kwargs: CountingComm(*args, **kwargs))
    return CountingComm.sent


def test_next_month_sends_a_handful_of_messages_and_leaves_the_overdue_entries_alone(engine, session, messages):
    protocol = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))
    make_engagement(session, title_th="คารวะที่ยังไม่มีบันทึก", start=dt.datetime(2026, 10, 1, 10, 0),
                    end=dt.datetime(2026, 10, 1, 11, 0))
    for day in range(1, 29):  # a month of January full of engagements
        make_engagement(session, title_th=f"ประชุมวันที่ {day}", kind="meeting",
                        start=dt.datetime(2027, 1, day, 10, 0), end=dt.datetime(2027, 1, day, 11, 0))
    app = VisitsApp(engine, protocol, today=dt.date(2026, 12, 10))
    overdue = app.attention.overdue_records.children
    assert "คารวะที่ยังไม่มีบันทึก" in overdue[1].description and app.attention.total >= 1
    total = app.attention.total
    messages.clear()
    app.calendar.next_button.click()
    assert app.calendar.first == dt.date(2027, 1, 1) and len(app.calendar.items) >= 28
    assert "ประชุมวันที่ 28" in app.calendar.grid.value
    assert len(messages) <= 12, messages  # the grid, the heading, the period's warnings: no widget per item
    assert app.attention.overdue_records.children is overdue and app.attention.total == total
    app.changed()  # after a write everything is read again
    assert app.attention.overdue_records.children is not overdue


# --- pre-heating ---------------------------------------------------------------------------------------------

def test_a_preheated_kernel_connects_and_reads_before_the_request_and_writes_nothing(engine, session, monkeypatch):
    from workbench.config import get_settings
    from workbench.db import reset_default_engine
    from workbench.ui.preheat import preheat

    monkeypatch.setenv("WORKBENCH_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    get_settings.cache_clear()
    reset_default_engine()
    entries = len(session.exec(select(AuditEntry.id)).all())
    with counting_statements() as seen:
        preheat("home")
    assert seen  # the engine is connected and the identity read is compiled before anyone asks
    assert not any(statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) for statement in seen)
    assert len(session.exec(select(AuditEntry.id)).all()) == entries
    monkeypatch.setenv("VOILA_PREHEAT", "False")  # a kernel started on request: its request is there already
    with counting_statements() as on_request:
        preheat("home")
    assert not on_request
