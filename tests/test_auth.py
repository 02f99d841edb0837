"""Signing in: passwords (audited, throttled), JupyterHub identity, single-use hand-over tokens, dashboard access."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.factories import make_user, user_model
from workbench import dashboards
from workbench.db import SYSTEM
from workbench.errors import PermissionDenied, ValidationError
from workbench.models.audit import AuditEntry
from workbench.models.auth import SignInToken
from workbench.models.base import utcnow
from workbench.models.users import Role
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


# --- hand-over tokens --------------------------------------------------------------------------------

def test_a_hand_over_token_opens_its_dashboard_once(session):
    user = user_model(session, make_user(session, username="ploy"))
    token = auth.issue_handoff(session, actor=user, target="home")
    assert auth.redeem_handoff(session, token=token, target="home").username == "ploy"
    with pytest.raises(ValidationError) as again:
        auth.redeem_handoff(session, token=token, target="home")
    assert "ลิงก์นี้หมดอายุหรือถูกใช้ไปแล้ว" in str(again.value)
    assert [e.changes["reason"] for e in actions(session, "handoff_refused")] == ["already_used"]


def test_only_a_digest_of_the_token_is_stored(session):
    user = user_model(session, make_user(session))
    token = auth.issue_handoff(session, actor=user, target="home")
    row = session.exec(select(SignInToken)).one()
    assert token not in row.token_hash and len(row.token_hash) == 64
    assert not any(token in str(e.changes) for e in session.exec(select(AuditEntry)).all())


def test_an_expired_token_is_refused(session):
    user = user_model(session, make_user(session))
    issued = utcnow()
    token = auth.issue_handoff(session, actor=user, target="home", now=issued)
    with pytest.raises(ValidationError):
        auth.redeem_handoff(session, token=token, target="home",
                            now=issued + auth.HANDOFF_LIFETIME + dt.timedelta(seconds=1))
    assert [e.changes["reason"] for e in actions(session, "handoff_refused")] == ["expired"]


def test_a_token_for_one_dashboard_does_not_open_another(session):
    user = user_model(session, make_user(session, role=Role.ADMINISTRATOR))
    token = auth.issue_handoff(session, actor=user, target="audit")
    with pytest.raises(ValidationError):
        auth.redeem_handoff(session, token=token, target="home")
    assert [e.changes["reason"] for e in actions(session, "handoff_refused")] == ["other_dashboard"]


def test_a_token_of_a_user_disabled_since_is_refused(session):
    made = make_user(session)
    token = auth.issue_handoff(session, actor=user_model(session, made), target="home")
    users.update_user(session, user_id=made.id, data={"is_active": False}, actor=SYSTEM)
    with pytest.raises(ValidationError):
        auth.redeem_handoff(session, token=token, target="home")


def test_an_unknown_token_is_refused_and_audited(session):
    with pytest.raises(ValidationError):
        auth.redeem_handoff(session, token="made-up", target="home")
    assert [e.changes["reason"] for e in actions(session, "handoff_refused")] == ["unknown"]


def test_issuing_and_redeeming_are_audited(session):
    user = user_model(session, make_user(session))
    auth.redeem_handoff(session, token=auth.issue_handoff(session, actor=user, target="home"), target="home")
    entries = session.exec(select(AuditEntry).where(AuditEntry.entity == "sign_in_token")).all()
    assert [(e.action, e.actor_id) for e in entries] == [("create", user.id), ("update", user.id)]
    assert "used_at" in entries[1].changes


# --- who is there ------------------------------------------------------------------------------------

def test_the_jupyterhub_user_is_signed_in_without_a_form(session):
    make_user(session, username="ploy")
    found = auth.resolve_identity(session, hub_user="ploy", query_string="", target="home")
    assert (found.identity.username, found.via) == ("ploy", "jupyterhub")


def test_a_jupyterhub_user_without_an_active_account_is_refused_without_a_form(session):
    gone = make_user(session, username="gone")
    users.update_user(session, user_id=gone.id, data={"is_active": False}, actor=SYSTEM)
    for name in ("gone", "stranger"):
        found = auth.resolve_identity(session, hub_user=name, query_string="", target="home")
        assert found.identity is None and not found.allow_sign_in
        assert isinstance(found.problem, PermissionDenied)
    assert len(actions(session, "hub_login_refused")) == 2


def test_a_hand_over_token_in_the_query_string_names_the_user(session):
    user = user_model(session, make_user(session, username="ploy"))
    token = auth.issue_handoff(session, actor=user, target="home")
    found = auth.resolve_identity(session, hub_user=None, query_string=f"x=1&handoff={token}", target="home")
    assert (found.identity.username, found.via) == ("ploy", "handoff")
    reused = auth.resolve_identity(session, hub_user=None, query_string=f"handoff={token}", target="home")
    assert reused.identity is None and reused.allow_sign_in and reused.problem is not None


def test_nobody_known_means_the_sign_in_form(session):
    found = auth.resolve_identity(session, hub_user=None, query_string=None, target="home")
    assert found.identity is None and found.allow_sign_in and found.problem is None


def test_sign_out_is_audited(session):
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
        shown = [d.name for d in dashboards.open_to(user, tmp_path)]
        assert shown == (["home", "audit"] if role == Role.ADMINISTRATOR else ["home"]), role


def test_a_dashboard_without_its_notebook_is_not_listed(session, tmp_path):
    (tmp_path / "home.ipynb").write_text("{}")
    admin = user_model(session, make_user(session, role=Role.ADMINISTRATOR))
    assert [d.name for d in dashboards.open_to(admin, tmp_path)] == ["home"]


def test_opening_a_dashboard_without_the_permission_is_refused(session):
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    with pytest.raises(PermissionDenied):
        dashboards.require_open(viewer, "audit")


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

    for dashboard in dashboards.DASHBOARDS:
        assert dashboard.title_key in catalogue() and dashboard.description_key in catalogue()
