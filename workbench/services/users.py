"""Users: create, change role/clearance, set passwords, authenticate."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from sqlmodel import Session, col, func, select, update

from workbench.db import record_event, transaction
from workbench.errors import ConflictError, ValidationError
from workbench.models.audit import AuditEntry
from workbench.models.base import utcnow
from workbench.models.people import Person
from workbench.models.users import User, UserCreate, UserRead, UserUpdate
from workbench.security import hash_password, verify_password
from workbench.services.access import Actor, require
from workbench.services.common import field_error, get_or_404, validate

MIN_PASSWORD_LENGTH = 8
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise field_error("password", f"ต้องยาวอย่างน้อย {MIN_PASSWORD_LENGTH} ตัวอักษร",
                          f"must be at least {MIN_PASSWORD_LENGTH} characters long")


def create_user(session: Session, *, data: UserCreate | dict[str, Any], actor: Actor) -> UserRead:
    """A new user for an existing staff person. The password is stored only as a salted scrypt hash."""
    require(actor, "users.manage")
    data = validate(UserCreate, data)
    if not USERNAME.match(data.username):
        raise field_error("username", "ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และ . _ - (2–60 ตัว)",
                          "use lower-case letters, digits and . _ - only (2-60 characters)")
    _check_password(data.password)
    get_or_404(session, Person, data.person_id, field="person_id")
    if session.exec(select(User).where(User.username == data.username)).first():
        raise ConflictError(f"มีชื่อผู้ใช้ {data.username} อยู่แล้ว", f"username {data.username} is taken",
                            field="username", field_th="ชื่อผู้ใช้", field_en="username")
    user = User(**data.model_dump(exclude={"password"}), password_hash=hash_password(data.password))
    with transaction(session, actor=actor):
        session.add(user)
        session.flush()
        return UserRead.model_validate(user, from_attributes=True)


def update_user(session: Session, *, user_id: int, data: UserUpdate | dict[str, Any], actor: Actor) -> UserRead:
    """Change a user's role, clearance or active flag."""
    require(actor, "users.manage")
    data = validate(UserUpdate, data)
    user = get_or_404(session, User, user_id, field="user_id")
    with transaction(session, actor=actor):
        for key, value in data.model_dump(exclude_unset=True).items():
            if value is not None:
                setattr(user, key, value)
        session.add(user)
        session.flush()
        return UserRead.model_validate(user, from_attributes=True)


def set_password(session: Session, *, user_id: int, password: str, actor: Actor) -> None:
    """Replace a user's password (administrators, or the user themself)."""
    if getattr(actor, "id", None) != user_id:
        require(actor, "users.manage")
    _check_password(password)
    user = get_or_404(session, User, user_id, field="user_id")
    with transaction(session, actor=actor):
        user.password_hash = hash_password(password)
        session.add(user)


THROTTLE_AFTER = 3  # consecutive failures before further attempts must wait
THROTTLE_CAP_SECONDS = 60


class TooManyAttempts(ValidationError):
    """Sign-in refused without checking the password: too many recent failures for this user."""

    def __init__(self, wait_seconds: int) -> None:
        self.wait_seconds = wait_seconds
        super().__init__(f"ลงชื่อเข้าใช้ผิดหลายครั้ง โปรดรอ {wait_seconds} วินาทีแล้วลองใหม่",
                         f"too many failed sign-ins; wait {wait_seconds} seconds and try again",
                         field="password", field_th="รหัสผ่าน", field_en="Password")


def throttle_delay(failed_logins: int) -> int:
    """Seconds a user must wait after ``failed_logins`` consecutive failures: none for the first
    THROTTLE_AFTER - 1, then 1, 2, 4, ... seconds, never more than THROTTLE_CAP_SECONDS."""
    if failed_logins < THROTTLE_AFTER:
        return 0
    return min(2 ** min(failed_logins - THROTTLE_AFTER, 10), THROTTLE_CAP_SECONDS)


def _wait_left(user: User, now: dt.datetime) -> int:
    delay = throttle_delay(user.failed_logins)
    if not delay or user.last_failed_login_at is None:
        return 0
    left = (user.last_failed_login_at + dt.timedelta(seconds=delay) - now).total_seconds()
    return max(0, math.ceil(left))


UNKNOWN_FAILURE_WINDOW = dt.timedelta(hours=1)


def _unknown_wait(session: Session, username: str, now: dt.datetime) -> int:
    """The same throttling for a username that does not exist, counted from the audit trail, so the refusal
    never tells a caller whether a username exists."""
    count, last = session.exec(
        select(func.count(), func.max(AuditEntry.at)).where(
            AuditEntry.action == "login_failed", AuditEntry.actor_name == _Anonymous(username).username,
            AuditEntry.at >= now - UNKNOWN_FAILURE_WINDOW)
    ).one()
    delay = throttle_delay(count)
    if not delay or last is None:
        return 0
    return max(0, math.ceil((last + dt.timedelta(seconds=delay) - now).total_seconds()))


RESERVE_TRIES = 100


def _reserve_attempt(session: Session, user: User, now: dt.datetime) -> int:
    """Claim the right to check one password for ``user``, atomically, or return the seconds left to wait.

    The attempt is counted as a failure *before* the hash is checked (a success resets the count), by an
    ``UPDATE … WHERE failed_logins = <the count read>``: of several attempts made at the same moment — in other
    processes, on SQLite or PostgreSQL — only one can move the count from n to n + 1; the others see 0 rows
    updated, read the count again and are throttled as soon as it calls for a wait. So parallel guesses get no
    more checks than sequential ones."""
    for _ in range(RESERVE_TRIES):
        wait = _wait_left(user, now)
        if wait:
            return wait
        with transaction(session, actor=user):
            claimed = session.execute(
                update(User).where(col(User.id) == user.id, col(User.failed_logins) == user.failed_logins)
                .values(failed_logins=User.failed_logins + 1, last_failed_login_at=now)
                .execution_options(synchronize_session=False)
            ).rowcount
        session.refresh(user)
        if claimed == 1:
            return 0
    raise TooManyAttempts(1)  # the account is under a storm of attempts: refuse rather than wait for a turn


def authenticate(session: Session, *, username: str, password: str, now: dt.datetime | None = None) -> User:
    """The active user with these credentials. A failure is audited and raises one message for every cause,
    so a caller cannot learn which usernames exist. After THROTTLE_AFTER consecutive failures a user's further
    attempts are refused (and audited) until a growing delay has passed, without the password being checked;
    this holds for attempts made in parallel too (see ``_reserve_attempt``)."""
    now = now or utcnow()
    user = session.exec(select(User).where(User.username == username.strip().lower())).first()
    actor = user or _Anonymous(username)
    if user is not None:
        session.refresh(user)
        wait = _reserve_attempt(session, user, now)
    else:
        wait = _unknown_wait(session, username, now)
    if wait:
        with transaction(session, actor=actor):
            record_event(session, actor=actor, entity="app_user", entity_id=str(user.id) if user else "",
                         action="login_throttled", details={"username": username[:60], "wait_seconds": wait})
        raise TooManyAttempts(wait)
    ok = user is not None and user.is_active and verify_password(password, user.password_hash)
    with transaction(session, actor=actor):
        if not ok:
            record_event(session, actor=actor, entity="app_user",
                         entity_id=str(user.id if user else ""), action="login_failed",
                         details={"username": username[:60]}, at=now)
        else:
            user.failed_logins = 0
            user.last_login_at = now
            session.add(user)
    if not ok:
        raise ValidationError("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง หรือบัญชีถูกระงับ",
                              "wrong username or password, or the account is disabled")
    return user


class _Anonymous:
    """The actor of a failed sign-in for an unknown username."""

    id = None
    role = "viewer"
    clearance = 0
    is_active = False

    def __init__(self, username: str) -> None:
        self.username = f"?{username[:58]}"


def get_user(session: Session, *, username: str) -> User | None:
    return session.exec(select(User).where(User.username == username)).first()


def list_users(session: Session, *, actor: Actor) -> list[UserRead]:
    """Every user by username, with role, clearance and state (user managers only)."""
    require(actor, "users.manage")
    return [UserRead.model_validate(user) for user in session.exec(select(User).order_by(User.username)).all()]


def get_active_user(session: Session, *, username: str) -> User:
    """The active user of that name; a missing or disabled one is one clear error naming the user."""
    user = get_user(session, username=username)
    if user is None or not user.is_active:
        raise ValidationError(f"ไม่พบผู้ใช้ที่ใช้งานได้ชื่อ {username}", f"no active user named {username}",
                              field="username")
    return user
