"""Signing in: passwords (audited, throttled), web sessions (idle and absolute expiry), JupyterHub identity,
dashboard access."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.factories import make_user, user_model
from workbench import registry
from workbench.db import SYSTEM
from workbench.errors import PermissionDenied, ValidationError
from workbench.models.audit import AuditEntry
from workbench.models.base import utcnow
from workbench.models.users import Role
from workbench.models.web_session import WebSession
from workbench.services import auth, users

PASSWORD = "correct horse"


def actions(session, action):
    return session.exec(select(AuditEntry).where(AuditEntry.action == action)).all()


def fail(session, username, *, now):
    with pytest.raises(ValidationError):
        users.authenticate(session, username=username, password="wrong horse", now=now)


# --- passwords and throttling ------------------------------------------------------------------------

def test_sign_in_gives_an_identity_without_the_password_hash(session):
    make_user(session, username="ploy", password=PASSWORD, role=Role.ANALYST)
    identity = auth.sign_in(session, username="ploy", password=PASSWORD)
    assert (identity.username, identity.role) == ("ploy", Role.ANALYST)
    assert identity.display_name("en").startswith("Test")
    assert not hasattr(identity, "password_hash")


def test_empty_username_names_the_field_and_writes_nothing(session):
    before = len(session.exec(select(AuditEntry)).all())
    with pytest.raises(ValidationError) as caught:
        auth.sign_in(session, username="  ", password=PASSWORD)
    assert caught.value.field == "username" and "ชื่อผู้ใช้" in str(caught.value)
    assert len(session.exec(select(AuditEntry)).all()) == before


@pytest.mark.parametrize(("failures", "delay"), [(0, 0), (2, 0), (3, 1), (4, 2), (6, 8), (9, 60), (40, 60)])
def test_the_delay_grows_after_three_failures_and_is_capped(failures, delay):
    assert users.throttle_delay(failures) == delay


def test_after_three_failures_even_the_right_password_must_wait(session):
    make_user(session, username="ploy", password=PASSWORD)
    start = utcnow()
    for _ in range(3):
        fail(session, "ploy", now=start)
    with pytest.raises(users.TooManyAttempts) as caught:
        users.authenticate(session, username="ploy", password=PASSWORD, now=start)
    assert caught.value.wait_seconds == 1
    assert "1 วินาที" in caught.value.message("th") and "wait 1 seconds" in caught.value.message("en")
    assert [e.changes["wait_seconds"] for e in actions(session, "login_throttled")] == [1]
    assert users.authenticate(session, username="ploy", password=PASSWORD,
                              now=start + dt.timedelta(seconds=1)).failed_logins == 0


def test_each_further_failure_doubles_the_wait(session):
    make_user(session, username="ploy", password=PASSWORD)
    now = utcnow()
    for _ in range(3):
        fail(session, "ploy", now=now)
    now += dt.timedelta(seconds=1)
    fail(session, "ploy", now=now)  # the fourth failure: wait 2 s
    with pytest.raises(users.TooManyAttempts) as caught:
        users.authenticate(session, username="ploy", password=PASSWORD, now=now + dt.timedelta(seconds=1))
    assert caught.value.wait_seconds == 1  # 2 s from the last failure, 1 s of it already gone


def test_a_throttled_attempt_does_not_count_as_another_failure(session):
    make_user(session, username="ploy", password=PASSWORD)
    now = utcnow()
    for _ in range(3):
        fail(session, "ploy", now=now)
    with pytest.raises(users.TooManyAttempts):
        users.authenticate(session, username="ploy", password="wrong again", now=now)
    assert users.get_user(session, username="ploy").failed_logins == 3


def test_an_unknown_username_is_throttled_the_same_way(session):
    """The refusal must not tell a caller whether the username exists."""
    now = utcnow()
    for _ in range(3):
        fail(session, "nobody", now=now)
    with pytest.raises(users.TooManyAttempts) as caught:
        users.authenticate(session, username="nobody", password="guess", now=now)
    assert caught.value.wait_seconds == 1
    with pytest.raises(ValidationError) as later:
        users.authenticate(session, username="nobody", password="guess", now=now + dt.timedelta(seconds=1))
    assert not isinstance(later.value, users.TooManyAttempts)


def test_a_disabled_user_cannot_sign_in_and_the_attempt_is_audited(session):
    user = make_user(session, username="gone", password=PASSWORD)
    users.update_user(session, user_id=user.id, data={"is_active": False}, actor=SYSTEM)
    with pytest.raises(ValidationError):
        auth.sign_in(session, username="gone", password=PASSWORD)
    assert [e.changes["username"] for e in actions(session, "login_failed")] == ["gone"]


# --- web sessions (workbench serve) ------------------------------------------------------------------

LIMITS = auth.WebSessionLimits(idle=dt.timedelta(minutes=30), max_age=dt.timedelta(hours=10))


def web_session_for(session, username="ploy", *, now=None):
    make_user(session, username=username, password=PASSWORD)
    identity = auth.sign_in(session, username=username, password=PASSWORD)
    return (identity, *auth.start_web_session(session, identity=identity, limits=LIMITS, now=now))


def test_a_web_session_names_its_user_and_only_a_digest_of_its_token_is_stored(session):
    identity, token, session_id = web_session_for(session)
    found = auth.open_web_session(session, token=token, limits=LIMITS)
    assert (found.id, found.identity.username) == (session_id, "ploy")
    row = session.get(WebSession, session_id)
    assert token not in row.token_hash and len(row.token_hash) == 64
    assert not any(token in str(e.changes) for e in session.exec(select(AuditEntry)).all())
    assert auth.open_web_session(session, token=token + "x", limits=LIMITS) is None


def test_a_session_unused_for_the_idle_limit_is_ended_and_audited(session):
    start = utcnow()
    _, token, session_id = web_session_for(session, now=start)
    assert auth.open_web_session(session, token=token, limits=LIMITS, now=start + dt.timedelta(minutes=29))
    later = start + dt.timedelta(minutes=29) + LIMITS.idle
    assert auth.open_web_session(session, token=token, limits=LIMITS, now=later) is None
    row = session.get(WebSession, session_id)
    assert (row.ended_at, row.end_reason) == (later, "idle")
    assert [e.changes["reason"] for e in actions(session, "session_ended")] == ["idle"]


def test_a_session_in_use_still_ends_at_the_absolute_limit(session):
    start = utcnow()
    _, token, session_id = web_session_for(session, now=start)
    at = start
    while at < start + LIMITS.max_age - dt.timedelta(minutes=20):
        at += dt.timedelta(minutes=20)
        assert auth.open_web_session(session, token=token, limits=LIMITS, now=at) is not None
    assert auth.open_web_session(session, token=token, limits=LIMITS, now=start + LIMITS.max_age) is None
    assert session.get(WebSession, session_id).end_reason == "expired"


def test_sign_out_ends_the_session_for_good_and_is_audited(session):
    identity, token, session_id = web_session_for(session)
    auth.sign_out(session, identity=identity, web_session_id=session_id)
    assert auth.open_web_session(session, token=token, limits=LIMITS) is None
    assert auth.web_session_user(session, session_id=session_id, username="ploy", limits=LIMITS) is None
    assert [e.actor_name for e in actions(session, "logout")] == ["ploy"]
    assert auth.end_web_session(session, session_id=session_id) is False  # already ended


def test_a_user_disabled_since_sign_in_loses_the_session(session):
    identity, token, session_id = web_session_for(session)
    users.update_user(session, user_id=identity.id, data={"is_active": False}, actor=SYSTEM)
    assert auth.open_web_session(session, token=token, limits=LIMITS) is None
    assert session.get(WebSession, session_id).end_reason == "user_disabled"


# --- who is there (what a dashboard kernel accepts from the server) -----------------------------------

def test_the_kernel_accepts_the_user_of_an_open_web_session(session):
    _, _, session_id = web_session_for(session)
    found = auth.resolve_identity(session, hub_user=None, web_user="ploy", web_session_id=session_id)
    assert (found.identity.username, found.via) == ("ploy", "web_session")


def test_a_user_name_that_is_not_the_sessions_is_refused(session):
    _, _, session_id = web_session_for(session)
    make_user(session, username="other", password=PASSWORD)
    found = auth.resolve_identity(session, hub_user=None, web_user="other", web_session_id=session_id)
    assert found.identity is None and not found.allow_sign_in and isinstance(found.problem, PermissionDenied)


def test_nobody_known_means_no_dashboard_and_no_form(session):
    found = auth.resolve_identity(session, hub_user=None, web_user=None, web_session_id=None)
    assert found.identity is None and not found.allow_sign_in and found.problem is not None


def test_behind_jupyterhub_the_hub_user_must_be_the_sessions(session):
    _, _, session_id = web_session_for(session)
    ok = auth.resolve_identity(session, hub_user="ploy", web_user="ploy", web_session_id=session_id)
    assert (ok.identity.username, ok.via) == ("ploy", "jupyterhub")
    other = auth.resolve_identity(session, hub_user="someone", web_user="ploy", web_session_id=session_id)
    assert other.identity is None


def test_the_jupyterhub_user_is_signed_in_without_a_form(session):
    make_user(session, username="ploy")
    assert auth.hub_identity(session, hub_user="ploy").username == "ploy"


def test_a_jupyterhub_user_without_an_active_account_is_refused_without_a_form(session):
    gone = make_user(session, username="gone")
    users.update_user(session, user_id=gone.id, data={"is_active": False}, actor=SYSTEM)
    for name in ("gone", "stranger"):
        with pytest.raises(PermissionDenied):
            auth.hub_identity(session, hub_user=name)
    assert len(actions(session, "hub_login_refused")) == 2


def test_sign_out_without_a_web_session_is_audited(session):
    make_user(session, username="ploy", password=PASSWORD)
    identity = auth.sign_in(session, username="ploy", password=PASSWORD)
    auth.sign_out(session, identity=identity)
    assert [e.actor_name for e in actions(session, "logout")] == ["ploy"]


# --- dashboards by role ------------------------------------------------------------------------------

def test_every_role_may_open_home_only_administrators_the_audit_trail(session, tmp_path):
    for name in ("home.ipynb", "audit.ipynb"):
        (tmp_path / name).write_text("{}")
    for role in Role:
        user = user_model(session, make_user(session, role=role))
        shown = [d.name for d in registry.open_to(user, tmp_path)]
        assert shown == (["home", "audit"] if role == Role.ADMINISTRATOR else ["home"]), role


def test_a_dashboard_without_its_notebook_is_not_listed(session, tmp_path):
    (tmp_path / "home.ipynb").write_text("{}")
    admin = user_model(session, make_user(session, role=Role.ADMINISTRATOR))
    assert [d.name for d in registry.open_to(admin, tmp_path)] == ["home"]


def test_opening_a_dashboard_without_the_permission_is_refused(session):
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    with pytest.raises(PermissionDenied):
        registry.require_open(viewer, "audit")


def test_only_administrators_read_the_audit_trail_and_values_are_not_shown(session):
    from workbench.services import audit

    make_user(session, username="ploy")
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    admin = user_model(session, make_user(session, role=Role.ADMINISTRATOR))
    with pytest.raises(PermissionDenied):
        audit.recent_entries(session, actor=viewer)
    lines = audit.recent_entries(session, actor=admin, limit=1000)
    created = next(line for line in lines if line.entity == "app_user" and line.action == "create")
    assert "username" in created.details and "ploy" not in created.details


def test_every_dashboard_label_exists():
    from workbench.i18n import catalogue

    for dashboard in registry.DASHBOARDS:
        assert dashboard.title_key in catalogue() and dashboard.description_key in catalogue()
