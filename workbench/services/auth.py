"""Who is at the keyboard: password sign-in, JupyterHub identity, and single-use hand-over tokens.

A dashboard learns its user in this order (``resolve_identity``):

1. ``JUPYTERHUB_USER`` — behind JupyterHub the hub has already signed the person in; that name must be an active
   workbench user, or the dashboard refuses (no password form behind the hub).
2. ``?handoff=TOKEN`` in the page's address — a token issued a moment ago by another dashboard for this one, for
   this user; it works once, within HANDOFF_LIFETIME.
3. Otherwise nobody: the dashboard shows its sign-in form (``sign_in``).

Only a SHA-256 digest of a hand-over token is stored. Issuing, redeeming and every refusal are audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from sqlmodel import Session, select

from workbench.db import record_event, transaction
from workbench.errors import PermissionDenied, ValidationError, WorkbenchError
from workbench.models.auth import SignInToken
from workbench.models.base import Clearance, utcnow
from workbench.models.people import Person
from workbench.models.users import Role, User
from workbench.services import users

HANDOFF_LIFETIME = dt.timedelta(minutes=2)
HANDOFF_PARAMETER = "handoff"


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
    via: str  # "jupyterhub", "handoff" or "none"
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


def _purpose(target: str) -> str:
    return f"handoff:{target}"[:30]


def issue_handoff(session: Session, *, actor: Any, target: str, now: dt.datetime | None = None) -> str:
    """A fresh single-use token that lets ``actor`` open the dashboard ``target`` without signing in again.
    The token is returned once and never stored; only its digest is."""
    user = session.get(User, getattr(actor, "id", None))
    if user is None or not user.is_active:
        raise PermissionDenied("บัญชีนี้ถูกระงับหรือไม่มีอยู่", "this account is disabled or does not exist")
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    with transaction(session, actor=user):
        session.add(SignInToken(token_hash=_digest(token), user_id=user.id, purpose=_purpose(target),
                                created_at=now, expires_at=now + HANDOFF_LIFETIME))
    return token


def handoff_link(session: Session, *, actor: Any, target: str, notebook: str) -> str:
    """A relative link to ``notebook`` carrying a fresh hand-over token for ``target``."""
    return f"{notebook}?{HANDOFF_PARAMETER}={issue_handoff(session, actor=actor, target=target)}"


def _handoff_refused() -> ValidationError:
    return ValidationError("ลิงก์นี้หมดอายุหรือถูกใช้ไปแล้ว โปรดลงชื่อเข้าใช้",
                           "this link has expired or was already used; please sign in")


def redeem_handoff(session: Session, *, token: str, target: str, now: dt.datetime | None = None) -> Identity:
    """The user a hand-over token was issued to, if it is unused, unexpired, meant for ``target`` and its user
    is still active. The token is spent either way; every refusal is audited with its reason."""
    now = now or utcnow()
    row = session.exec(
        select(SignInToken).where(SignInToken.token_hash == _digest(token)).with_for_update()
    ).first()
    user = session.get(User, row.user_id) if row is not None else None
    reason = None
    if row is None or user is None:
        reason = "unknown"
    elif row.used_at is not None:
        reason = "already_used"
    elif row.expires_at < now:
        reason = "expired"
    elif row.purpose != _purpose(target):
        reason = "other_dashboard"
    elif not user.is_active:
        reason = "user_disabled"
    with transaction(session, actor=user or _Nobody()):
        if row is not None and row.used_at is None:
            row.used_at = now
            session.add(row)
        if reason:
            record_event(session, actor=user or _Nobody(), entity="sign_in_token",
                         entity_id=str(row.id if row else ""), action="handoff_refused",
                         details={"reason": reason, "target": target[:60]})
    if reason:
        raise _handoff_refused()
    return identity_of(session, user)


def resolve_identity(session: Session, *, hub_user: str | None, query_string: str | None,
                     target: str) -> Resolution:
    """Who opened dashboard ``target``: the JupyterHub user, else the bearer of a hand-over token, else nobody."""
    if hub_user:
        user = users.get_user(session, username=hub_user)
        if user is None or not user.is_active:
            with transaction(session, actor=user or _Nobody(hub_user)):
                record_event(session, actor=user or _Nobody(hub_user), entity="app_user",
                             entity_id=str(user.id if user else ""), action="hub_login_refused",
                             details={"username": hub_user[:60]})
            problem = PermissionDenied(f"ผู้ใช้ {hub_user} ไม่มีบัญชีที่ใช้งานได้ในระบบงาน",
                                       f"{hub_user} has no active workbench account")
            return Resolution(None, "jupyterhub", problem, allow_sign_in=False)
        return Resolution(identity_of(session, user), "jupyterhub")
    token = handoff_from(query_string)
    if token:
        try:
            return Resolution(redeem_handoff(session, token=token, target=target), "handoff")
        except WorkbenchError as exc:
            return Resolution(None, "none", exc)
    return Resolution(None, "none")


def handoff_from(query_string: str | None) -> str | None:
    values = parse_qs(query_string or "").get(HANDOFF_PARAMETER) or [None]
    return values[0]


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


def sign_out(session: Session, *, identity: Any) -> None:
    """Record that ``identity`` signed out (the dashboard forgets the user; nothing else changes)."""
    with transaction(session, actor=identity):
        record_event(session, actor=identity, entity="app_user", entity_id=str(identity.id), action="logout")
