"""Who is asking the server: the signed session cookie, the identity provider Voila consults, kernel owners.

* ``web_user`` answers ``handlers.WorkbenchIdentityProvider``, jupyter_server's extension point for authentication
  (``Voila.identity_provider_class``). Every Jupyter handler (pages, kernel API, kernel websockets, shutdown) asks it
  for ``current_user`` before doing anything; it answers from the ``workbench_session`` cookie — a random token
  signed with the server's cookie secret, looked up (by digest) in the ``web_session`` table through
  ``services.auth.open_web_session``, which also ends sessions found idle or too old. No cookie, a bad signature
  or an ended session: no user, and jupyter_server refuses (pages redirect to the sign-in page, the rest 403).
* ``WebUser`` is jupyter_server's ``User`` plus the web session's id: kernels are bound to that id.
* ``KernelOwners`` remembers which web session took each kernel (``handlers.WorkbenchVoilaHandler`` binds it
  when the page's request takes a pre-heated kernel or starts one); the kernel websocket, kernel API and
  ``voila/query`` handlers consult it, sign-out and the reaper shut the kernels of ended sessions down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jupyter_server.auth.identity import User
from jupyter_server.utils import url_path_join
from sqlalchemy.engine import Engine
from tornado.web import RequestHandler

from workbench.db import new_session
from workbench.kernel_protocol import WEB_SESSION, WEB_USER
from workbench.services import auth

COOKIE = "workbench_session"
COOKIE_MAX_AGE_DAYS = 1  # the signature's own limit; the session row decides (WORKBENCH_SESSION_MAX_HOURS)
SIGN_IN_PATH = "login"
SIGN_OUT_PATH = "logout"


@dataclass
class WebUser(User):
    """The signed-in user of one web session (what ``handler.current_user`` is)."""

    user_id: int = 0
    web_session_id: int = 0


_engine: Engine | None = None


def engine() -> Engine:
    """The workbench database (``WORKBENCH_DATABASE_URL``, as ``workbench serve`` resolved it)."""
    global _engine
    if _engine is None:
        from workbench.db import get_engine

        _engine = get_engine()
    return _engine


def cookie_token(handler: RequestHandler) -> str | None:
    value = handler.get_signed_cookie(COOKIE, max_age_days=COOKIE_MAX_AGE_DAYS)
    return value.decode("ascii", errors="replace") if value else None


def set_session_cookie(handler: RequestHandler, token: str) -> None:
    """HttpOnly, SameSite=Strict, Secure over https (also behind an https reverse proxy that says so: trusting
    that header can only make the cookie stricter); a browser-session cookie (no expiry date)."""
    https = handler.request.protocol == "https" or handler.request.headers.get("X-Forwarded-Proto") == "https"
    handler.set_signed_cookie(COOKIE, token, expires_days=None, httponly=True, samesite="Strict",
                              secure=https, path=base_url(handler))


def clear_session_cookie(handler: RequestHandler) -> None:
    handler.clear_cookie(COOKIE, path=base_url(handler))


def base_url(handler: RequestHandler) -> str:
    return handler.settings.get("base_url") or "/"


def sign_in_url(handler: RequestHandler) -> str:
    return url_path_join(base_url(handler), SIGN_IN_PATH)


def web_user(handler: RequestHandler) -> WebUser | None:
    """The signed-in user of this request (looked up once per request), or None."""
    cached = getattr(handler, "_workbench_user", False)
    if cached is not False:
        return cached
    user = None
    token = cookie_token(handler)
    if token:
        with new_session(engine()) as session:
            found = auth.open_web_session(session, token=token)
        if found is not None:
            identity = found.identity
            user = WebUser(username=identity.username, name=identity.display_name("en"),
                           display_name=identity.display_name("th"), user_id=identity.id,
                           web_session_id=found.id)
    handler._workbench_user = user  # type: ignore[attr-defined]
    return user


@dataclass(frozen=True)
class Owner:
    """The web session a kernel belongs to."""

    web_session_id: int
    user_id: int
    username: str


class KernelOwners:
    """kernel id → the web session that took it. Pool kernels waiting for a request have no owner."""

    def __init__(self) -> None:
        self._owners: dict[str, Owner] = {}

    def bind(self, kernel_id: str, user: WebUser) -> None:
        if kernel_id in self._owners:  # a kernel changes hands never
            raise PermissionError(f"kernel {kernel_id} already belongs to a session")
        self._owners[kernel_id] = Owner(user.web_session_id, user.user_id, user.username)

    def owner(self, kernel_id: str) -> Owner | None:
        return self._owners.get(kernel_id)

    def belongs_to(self, kernel_id: str, user: Any) -> bool:
        owner = self._owners.get(kernel_id)
        return owner is not None and isinstance(user, WebUser) and owner.web_session_id == user.web_session_id

    def kernels_of(self, web_session_id: int) -> list[str]:
        return [kid for kid, owner in self._owners.items() if owner.web_session_id == web_session_id]

    def items(self) -> list[tuple[str, Owner]]:
        return list(self._owners.items())

    def forget(self, kernel_id: str) -> None:
        self._owners.pop(kernel_id, None)


def request_for_kernel(owner: Owner | None) -> dict[str, str]:
    """What a kernel learns of its user, from the server: the user name and web session id."""
    if owner is None:
        return {WEB_USER: "", WEB_SESSION: ""}
    return {WEB_USER: owner.username, WEB_SESSION: str(owner.web_session_id)}


