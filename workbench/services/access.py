"""Who may do what: roles decide actions, secrecy clearance decides which classified records are visible."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from workbench.errors import PermissionDenied
from workbench.models.base import Clearance
from workbench.models.users import Role


@runtime_checkable
class Actor(Protocol):
    """Who does something: a signed-in ``auth.Identity``, a ``User`` or ``UserRead``, or ``db.SYSTEM``. Services take
    ``actor: Actor`` and ask this module (``require``, ``can_see``, ``clearance_of``) rather than its fields."""

    @property
    def id(self) -> int | None: ...

    @property
    def username(self) -> str: ...

    @property
    def role(self) -> Any: ...  # a Role or its value

    @property
    def clearance(self) -> Any: ...  # a Clearance or its number

    @property
    def is_active(self) -> bool: ...


# Permission -> roles holding it. Administrators hold every permission.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "users.manage": frozenset({Role.ADMINISTRATOR}),
    "people.write": frozenset({Role.PROTOCOL_OFFICER, Role.ANALYST, Role.ADMIN_OFFICER}),
    "reference.write": frozenset({Role.ADMINISTRATOR}),
    "audit.read": frozenset({Role.ADMINISTRATOR}),
    "budget.write": frozenset({Role.ADMIN_OFFICER}),
    "budget.read": frozenset({Role.ADMIN_OFFICER, Role.PROTOCOL_OFFICER, Role.ANALYST, Role.VIEWER}),
    "visits.read": frozenset(Role),
    "visits.write": frozenset({Role.PROTOCOL_OFFICER}),
    "records.write": frozenset({Role.PROTOCOL_OFFICER, Role.ANALYST}),
    "briefing.read": frozenset(Role),
    "briefing.write": frozenset({Role.ANALYST}),
    "travel.read": frozenset({Role.PROTOCOL_OFFICER}),
    "travel.write": frozenset({Role.PROTOCOL_OFFICER}),
    "correspondence.read": frozenset(Role),
    "correspondence.write": frozenset({Role.ADMIN_OFFICER}),
    "correspondence.route": frozenset({Role.ADMIN_OFFICER}),
    "correspondence.retention": frozenset({Role.ADMIN_OFFICER}),
    "interparl.read": frozenset(Role),
    "interparl.write": frozenset({Role.PROTOCOL_OFFICER, Role.ANALYST}),
    "administration.read": frozenset({Role.ADMIN_OFFICER}),
    "administration.write": frozenset({Role.ADMIN_OFFICER}),
}


def has_permission(actor: Actor | None, permission: str) -> bool:
    if actor is None or not getattr(actor, "is_active", False):
        return False
    role = Role(actor.role)
    return role == Role.ADMINISTRATOR or role in PERMISSIONS.get(permission, frozenset())


def require(actor: Actor | None, permission: str) -> None:
    """Raise PermissionDenied unless ``actor`` holds ``permission``."""
    if not has_permission(actor, permission):
        raise PermissionDenied(
            f"ผู้ใช้ {getattr(actor, 'username', '?')} ไม่มีสิทธิ์ทำรายการนี้ ({permission})",
            f"user {getattr(actor, 'username', '?')} may not do this ({permission})",
        )


def clearance_of(actor: Actor | None) -> int:
    """The actor's secrecy clearance as a number (no actor: none)."""
    return int(getattr(actor, "clearance", 0) or 0) if actor is not None else 0


def classifications_for(actor: Actor | None) -> list[Clearance]:
    """The classifications the actor may give a record: up to their own clearance."""
    return [level for level in Clearance if int(level) <= clearance_of(actor)]


def can_see(actor: Actor | None, classification: int | Clearance | None) -> bool:
    """A record classified at ``classification`` is visible when the actor's clearance is at least as high."""
    level = int(classification or 0)
    return level == 0 or clearance_of(actor) >= level
