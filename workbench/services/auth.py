"""Who is at the keyboard: password sign-in, web sessions of `workbench serve`, JupyterHub identity.

* ``sign_in`` checks a username and password (audited and throttled by ``users.authenticate``); the server's
  sign-in page (``workbench.serving``) calls it, then ``start_web_session``.
* A web session is a ``WebSession`` row: a random token whose SHA-256 digest alone is stored (the browser holds
  the token in a signed cookie), ended by sign-out, by ``WORKBENCH_SESSION_IDLE_MINUTES`` without a request, or
  ``WORKBENCH_SESSION_MAX_HOURS`` after sign-in (``open_web_session`` ends it when it finds it stale).
* A dashboard's kernel never learns its user from the page: the server hands it the user and web session id,
  and ``resolve_identity`` accepts them only while that session is open (``web_session_user``).
* Behind JupyterHub the Hub's user — named by the Hub's OAuth to ``workbench serve --hub``
  (``workbench.serving.hub``), or ``JUPYTERHUB_USER`` in a server the Hub started — must be an active workbench
  user (``hub_identity``); there is no password form.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from workbench.db import record_event, transaction
from workbench.errors import PermissionDenied, ValidationError, WorkbenchError
from workbench.models.base import Clearance, utcnow
from workbench.models.people import Person
from workbench.models.users import Role, User
from workbench.models.web_session import WebSession
from workbench.services import users


@dataclass(frozen=True)
class Identity:
    """The signed-in user as dashboards hold it: what services need of an actor, and the name to greet.
    Never the password hash."""

    id: int
    username: str
    role: Role
    clearance: Clearance
    is_active: bool
    name_th: str
    name_en: str

    def display_name(self, lang: str = "th") -> str:
        return (self.name_th if lang == "th" else self.name_en) or self.name_th or self.name_en or self.username


@dataclass(frozen=True)
class Resolution:
    """What ``resolve_identity`` found: a user (and how), or nobody and perhaps why not."""

    identity: Identity | None
    via: str  # "jupyterhub", "web_session" or "none"
    problem: WorkbenchError | None = None
    allow_sign_in: bool = True


def identity_of(session: Session, user: User) -> Identity:
    person = session.get(Person, user.person_id)
    return Identity(
        id=user.id, username=user.username, role=Role(user.role), clearance=Clearance(int(user.clearance)),
        is_active=user.is_active,
        name_th=person.display_name("th") if person else user.username,
        name_en=person.display_name("en") if person else user.username,
    )


def sign_in(session: Session, *, username: str, password: str) -> Identity:
    """Check a username and password (audited, throttled; see ``users.authenticate``)."""
    if not username.strip():
        raise _field("username", "ต้องกรอก", "is required")
    if not password:
        raise _field("password", "ต้องกรอก", "is required")
    return identity_of(session, users.authenticate(session, username=username, password=password))


def _field(field: str, th: str, en: str) -> ValidationError:
    from workbench.services.common import field_error

    return field_error(field, th, en)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def resolve_identity(session: Session, *, hub_user: str | None, web_user: str | None,
                     web_session_id: int | None) -> Resolution:
    """Who opened a dashboard, as the server told the kernel: the user of web session ``web_session_id`` (which
    must still be open and belong to ``web_user``), cross-checked with the JupyterHub user when there is one."""
    if hub_user and web_user and hub_user.strip().lower() != web_user.strip().lower():
        return Resolution(None, "none", PermissionDenied("ผู้ใช้ไม่ตรงกับผู้ที่ลงชื่อเข้าใช้ใน JupyterHub",
                                                         "the user is not the one signed in to JupyterHub"),
                          allow_sign_in=False)
    if web_session_id is None or not web_user:
        return Resolution(None, "none", _session_ended(), allow_sign_in=False)
    identity = web_session_user(session, session_id=web_session_id, username=web_user)
    if identity is None:
        return Resolution(None, "none", _session_ended(), allow_sign_in=False)
    return Resolution(identity, "jupyterhub" if hub_user else "web_session")


def hub_identity(session: Session, *, hub_user: str) -> Identity:
    """The workbench user JupyterHub signed in (the name the Hub's OAuth returned); refused (and audited) unless
    that name is an active workbench user. Behind the hub there is no password form."""
    user = users.get_user(session, username=hub_user)
    if user is None or not user.is_active:
        with transaction(session, actor=user or _Nobody(hub_user)):
            record_event(session, actor=user or _Nobody(hub_user), entity="app_user",
                         entity_id=str(user.id if user else ""), action="hub_login_refused",
                         details={"username": hub_user[:60]})
        raise PermissionDenied(f"ผู้ใช้ {hub_user} ไม่มีบัญชีที่ใช้งานได้ในระบบงาน",
                               f"{hub_user} has no active workbench account")
    return identity_of(session, user)


# --- web sessions (workbench serve) ------------------------------------------------------------------

TOUCH_EVERY = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class WebSessionLimits:
    """How long a web session lives: ``idle`` without a request, ``max_age`` after sign-in at most."""

    idle: dt.timedelta
    max_age: dt.timedelta

    @classmethod
    def from_settings(cls) -> WebSessionLimits:
        from workbench.config import get_settings

        settings = get_settings()
        return cls(idle=dt.timedelta(minutes=settings.session_idle_minutes),
                   max_age=dt.timedelta(hours=settings.session_max_hours))


@dataclass(frozen=True)
class OpenWebSession:
    """A live web session as the server holds it: the row's id and the identity it belongs to."""

    id: int
    identity: Identity


def start_web_session(session: Session, *, identity: Any, limits: WebSessionLimits | None = None,
                      now: dt.datetime | None = None) -> tuple[str, int]:
    """Open a web session for ``identity`` (just signed in): the random token for the browser's cookie (returned
    once, never stored: only its digest is) and the session's id."""
    limits = limits or WebSessionLimits.from_settings()
    now = now or utcnow()
    user = session.get(User, identity.id)
    if user is None or not user.is_active:
        raise PermissionDenied("บัญชีนี้ถูกระงับหรือไม่มีอยู่", "this account is disabled or does not exist")
    token = secrets.token_urlsafe(32)
    row = WebSession(token_hash=_digest(token), user_id=user.id, created_at=now, last_seen_at=now,
                     expires_at=now + limits.max_age)
    with transaction(session, actor=user):
        session.add(row)
        session.flush()
        record_event(session, actor=user, entity="web_session", entity_id=str(row.id), action="login")
    return token, row.id


def open_web_session(session: Session, *, token: str, limits: WebSessionLimits | None = None,
                     now: dt.datetime | None = None) -> OpenWebSession | None:
    """The live session a cookie's token names, or None. A session found idle too long, too old, or whose user
    was disabled since is ended here (audited). Its last use is recorded at most once a minute."""
    limits = limits or WebSessionLimits.from_settings()
    now = now or utcnow()
    row = session.exec(select(WebSession).where(WebSession.token_hash == _digest(token))).first()
    if row is None or row.ended_at is not None:
        return None
    user = session.get(User, row.user_id)
    reason = _end_reason(row, user, limits, now)
    if reason:
        end_web_session(session, session_id=row.id, reason=reason, now=now)
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        session.execute(sa.update(WebSession).where(WebSession.id == row.id).values(last_seen_at=now))
        session.commit()
    return OpenWebSession(row.id, identity_of(session, user))


def _end_reason(row: WebSession, user: User | None, limits: WebSessionLimits, now: dt.datetime) -> str | None:
    if user is None or not user.is_active:
        return "user_disabled"
    if now >= row.expires_at or now >= row.created_at + limits.max_age:
        return "expired"
    if now - row.last_seen_at >= limits.idle:
        return "idle"
    return None


def web_session_id_of(session: Session, *, token: str) -> int | None:
    """The id of the web session a cookie's token names, open or ended (sign-out ends it and its kernels)."""
    row = session.exec(select(WebSession).where(WebSession.token_hash == _digest(token))).first()
    return row.id if row is not None else None


def web_session_user(session: Session, *, session_id: int, username: str,
                     limits: WebSessionLimits | None = None, now: dt.datetime | None = None) -> Identity | None:
    """The identity of web session ``session_id`` if it is still open and belongs to ``username`` (what a
    dashboard kernel checks with the user the server handed it)."""
    limits = limits or WebSessionLimits.from_settings()
    now = now or utcnow()
    row = session.get(WebSession, session_id)
    if row is None or row.ended_at is not None:
        return None
    user = session.get(User, row.user_id)
    if user is None or user.username != username.strip().lower() or _end_reason(row, user, limits, now):
        return None
    return identity_of(session, user)


def web_session_is_open(session: Session, *, session_id: int, limits: WebSessionLimits | None = None,
                        now: dt.datetime | None = None) -> bool:
    """Whether web session ``session_id`` is still open (the server ends the kernels of those that are not)."""
    limits = limits or WebSessionLimits.from_settings()
    now = now or utcnow()
    row = session.get(WebSession, session_id)
    if row is None or row.ended_at is not None:
        return False
    reason = _end_reason(row, session.get(User, row.user_id), limits, now)
    if reason:
        end_web_session(session, session_id=row.id, reason=reason, now=now)
        return False
    return True


def end_web_session(session: Session, *, session_id: int, reason: str = "sign_out",
                    now: dt.datetime | None = None) -> bool:
    """End web session ``session_id`` (sign-out, idleness, age); audited. False when it had already ended."""
    row = session.get(WebSession, session_id)
    if row is None or row.ended_at is not None:
        return False
    user = session.get(User, row.user_id)
    actor = user or _Nobody()
    with transaction(session, actor=actor):
        row.ended_at = now or utcnow()
        row.end_reason = reason[:20]
        session.add(row)
        record_event(session, actor=actor, entity="web_session", entity_id=str(row.id),
                     action="logout" if reason == "sign_out" else "session_ended", details={"reason": reason})
    return True


def _session_ended() -> PermissionDenied:
    return PermissionDenied("การเข้าใช้หมดอายุหรือสิ้นสุดแล้ว โปรดลงชื่อเข้าใช้ใหม่",
                            "your session has expired or ended; please sign in again")


def refresh_identity(session: Session, *, identity: Identity) -> Identity | None:
    """The identity as it stands now (role or clearance may have changed), or None when the account is gone or
    disabled."""
    user = session.get(User, identity.id)
    return identity_of(session, user) if user is not None and user.is_active else None


class _Nobody:
    """The actor of a refusal that belongs to no known user."""

    id = None
    role = "viewer"
    clearance = 0
    is_active = False

    def __init__(self, name: str = "") -> None:
        self.username = f"?{name[:58]}" if name else "?"


def sign_out(session: Session, *, identity: Any, web_session_id: int | None = None) -> None:
    """``identity`` signs out: its web session ends (the server then shuts down that session's kernels), or,
    without one, the sign-out is recorded."""
    if web_session_id is not None and end_web_session(session, session_id=web_session_id):
        return
    with transaction(session, actor=identity):
        record_event(session, actor=identity, entity="app_user", entity_id=str(identity.id), action="logout")
