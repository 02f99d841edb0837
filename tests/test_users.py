"""Users: roles, clearances, strong salted password hashes, sign-in checks that are audited."""

from __future__ import annotations

import pytest
from sqlmodel import select

from tests.factories import make_person, make_user, user_model
from workbench.db import SYSTEM
from workbench.errors import ConflictError, PermissionDenied, ValidationError
from workbench.models.audit import AuditEntry
from workbench.models.base import Clearance
from workbench.models.users import Role, User, UserRead
from workbench.security import hash_password, verify_password
from workbench.services import access, users


def test_password_hash_is_salted_and_verifies():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first != second and first.startswith("scrypt$")
    assert verify_password("correct horse", first) and not verify_password("wrong", first)
    assert not verify_password("x", "not-a-hash")


def test_user_is_stored_with_a_hash_never_the_password(session):
    user = make_user(session, password="correct horse")
    row = session.get(User, user.id)
    assert "correct horse" not in row.password_hash
    assert "password_hash" not in UserRead.model_fields


def test_audit_of_a_new_user_hides_the_hash(session):
    user = make_user(session)
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "app_user",
                                                  AuditEntry.entity_id == str(user.id))).one()
    assert entry.changes["password_hash"] == [None, "***"]


def test_short_password_is_refused(session):
    with pytest.raises(ValidationError) as caught:
        make_user(session, password="short")
    assert caught.value.field == "password"


def test_usernames_are_unique(session):
    make_user(session, username="somchai")
    with pytest.raises(ConflictError):
        make_user(session, username="somchai")


def test_bad_username_names_the_field(session):
    with pytest.raises(ValidationError) as caught:
        users.create_user(session, actor=SYSTEM, data={"username": "Has Space", "person_id": make_person(session).id,
                                                       "role": "viewer", "password": "long enough"})
    assert caught.value.field == "username"


def test_only_administrators_manage_users(session):
    analyst = user_model(session, make_user(session, role=Role.ANALYST))
    with pytest.raises(PermissionDenied):
        users.create_user(session, actor=analyst, data={"username": "x1", "person_id": analyst.person_id,
                                                        "role": "viewer", "password": "long enough"})


def test_authenticate_accepts_the_right_password(session):
    make_user(session, username="ploy", password="correct horse")
    assert users.authenticate(session, username="ploy", password="correct horse").username == "ploy"


def test_failed_sign_in_is_audited_and_counted(session):
    make_user(session, username="ploy", password="correct horse")
    with pytest.raises(ValidationError):
        users.authenticate(session, username="ploy", password="wrong horse")
    assert users.get_user(session, username="ploy").failed_logins == 1
    failed = session.exec(select(AuditEntry).where(AuditEntry.action == "login_failed")).all()
    assert [entry.changes["username"] for entry in failed] == ["ploy"]


def test_unknown_user_and_wrong_password_give_the_same_message(session):
    make_user(session, username="ploy", password="correct horse")
    with pytest.raises(ValidationError) as unknown:
        users.authenticate(session, username="nobody", password="x")
    with pytest.raises(ValidationError) as wrong:
        users.authenticate(session, username="ploy", password="x")
    assert str(unknown.value) == str(wrong.value)


def test_disabled_user_cannot_sign_in(session):
    user = make_user(session, username="gone", password="correct horse")
    users.update_user(session, user_id=user.id, data={"is_active": False}, actor=SYSTEM)
    with pytest.raises(ValidationError):
        users.authenticate(session, username="gone", password="correct horse")


@pytest.mark.parametrize(("clearance", "classification", "visible"), [
    (Clearance.NONE, Clearance.NONE, True),
    (Clearance.NONE, Clearance.CONFIDENTIAL, False),
    (Clearance.SECRET, Clearance.CONFIDENTIAL, True),
    (Clearance.SECRET, Clearance.SECRET, True),
    (Clearance.SECRET, Clearance.TOP_SECRET, False),
])
def test_clearance_decides_what_is_visible(session, clearance, classification, visible):
    user = user_model(session, make_user(session, clearance=clearance))
    assert access.can_see(user, classification) is visible
