"""The server's routes beyond Voila's own, and the small subclasses that put a session in front of Voila's.

Why each piece exists:

* ``WorkbenchIdentityProvider`` — jupyter_server's identity provider (``Voila.identity_provider_class``): the user
  is ``sessions.web_user`` (the live web session behind the cookie); its routes are ``sign_in_routes``. It lives
  here, beside the routes it lists, so that ``sessions`` never imports ``handlers`` back.
* ``SignInHandler`` / ``SignOutHandler`` — the only public pages: an HTTP form (xsrf-checked POST) that calls
  ``services.auth.sign_in`` (its throttling and audit stay) and opens a web session; sign-out ends the session,
  shuts down its kernels and clears the cookie. ``SignInAssets`` serves the page's stylesheet and the Sarabun
  font from the package (no CDN). As a JupyterHub service (``--hub``) the sign-in page sends the browser to the
  Hub's OAuth instead, and ``OAuthCallbackHandler`` signs in the user the Hub names (``hub``).
* ``require_session(handler_class)`` — a subclass whose ``prepare`` refuses a request without a live web session
  before the handler runs (pages redirect to the sign-in page, anything else 401). ``WorkbenchVoila`` applies it
  to every route it does not replace, so a route Voila adds in a later version is closed by default.
* ``WorkbenchVoilaHandler`` — Voila's page handler, whose view of the kernel manager binds the kernel a request
  takes (pre-heated, or started for it) to the request's web session, and puts the signed-in user into a kernel
  started on request.
* ``OwnedKernelWebsocketHandler`` / ``OwnedKernelHandler`` / ``OwnedShutdownHandler`` — Voila's kernel
  websocket, kernel API and shutdown routes, answering only the web session that owns the kernel (same user in
  another session is not enough): 403 otherwise, before the kernel is touched.
* ``KernelQueryHandler`` — Voila's ``voila/query`` websocket (hands a pre-heated kernel its request), accepting
  only the kernel itself (``protocol.kernel_proof``), and adding the owner's user and web session to the request.
"""

from __future__ import annotations

import inspect
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlparse

import jinja2
from jupyter_server.auth.identity import IdentityProvider, User
from jupyter_server.services.kernels.handlers import KernelHandler
from jupyter_server.utils import ensure_async, url_path_join
from tornado import web
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from workbench.db import new_session
from workbench.errors import WorkbenchError
from workbench.i18n import t
from workbench.kernel_protocol import PROOF_HEADER, proof_is_valid
from workbench.services import auth
from workbench.serving import hub, sessions

log = logging.getLogger("workbench.serving")

HERE = Path(__file__).parent
HOME_NOTEBOOK = "home.ipynb"
_templates = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True)

SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; style-src 'self'; font-src 'self'; img-src 'self'; "
                               "script-src 'none'; form-action 'self'; frame-ancestors 'none'",
}


def home_url(base: str) -> str:
    return url_path_join(base, "voila/render", HOME_NOTEBOOK)


def kernel_owners(handler: web.RequestHandler) -> sessions.KernelOwners:
    return handler.settings["workbench_kernel_owners"]


# --- the session in front of every route --------------------------------------------------------------

class SessionRequired:
    """Refuses a request without a live web session before the wrapped handler does anything."""

    sign_in_on_refusal = False  # pages: redirect to the sign-in page; the rest: 401

    def prepare(self, *args: Any, **kwargs: Any) -> Any:
        if sessions.web_user(self) is None:  # type: ignore[arg-type]
            self.current_user = self._jupyter_current_user = None  # what Jupyter's error page asks for
            if self.sign_in_on_refusal and self.request.method in ("GET", "HEAD"):  # type: ignore[attr-defined]
                target = self.request.uri  # type: ignore[attr-defined]
                self.redirect(f"{sessions.sign_in_url(self)}?{urlencode({'next': target})}")  # type: ignore
                return None
            raise web.HTTPError(401)
        return super().prepare(*args, **kwargs)  # type: ignore[misc]

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        """A short plain refusal: no traceback, and none of Jupyter's error page (which standalone Voila
        cannot render: it has no ``static_path``)."""
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code} {self._reason}\n")  # type: ignore[attr-defined]


def require_session(handler_class: type, *, page: bool = False) -> type:
    """``handler_class`` behind ``SessionRequired`` (pages redirect to the sign-in page)."""
    if issubclass(handler_class, SessionRequired):
        return handler_class
    return type(f"Signed{handler_class.__name__}", (SessionRequired, handler_class), {"sign_in_on_refusal": page})


def _refuse_unless_owner(handler: Any, kernel_id: str) -> None:
    user = sessions.web_user(handler)
    if user is None:
        raise web.HTTPError(401)
    if not kernel_owners(handler).belongs_to(kernel_id, user):
        log.warning("refused %s %s: kernel %s is not of web session %s (user %s)", handler.request.method,
                    handler.request.path, kernel_id, user.web_session_id, user.username)
        raise web.HTTPError(403)


class OwnedKernelWebsocketHandler(SessionRequired, VoilaKernelWebsocketHandler):
    async def pre_get(self) -> None:
        _refuse_unless_owner(self, self.kernel_id)
        await super().pre_get()


class OwnedKernelHandler(SessionRequired, KernelHandler):
    async def prepare(self, *args: Any, **kwargs: Any) -> None:
        result = super().prepare(*args, **kwargs)
        if inspect.isawaitable(result):
            await result
        if not self._finished:
            _refuse_unless_owner(self, self.path_kwargs.get("kernel_id", ""))


class OwnedShutdownHandler(SessionRequired, VoilaShutdownKernelHandler):
    async def prepare(self, *args: Any, **kwargs: Any) -> None:
        result = super().prepare(*args, **kwargs)
        if inspect.isawaitable(result):
            await result
        if not self._finished:
            _refuse_unless_owner(self, self.path_kwargs.get("kernel_id") or (self.path_args or [""])[0])


# --- pages and the kernels they take ------------------------------------------------------------------

class _KernelsForSession:
    """The kernel manager as one page request sees it: the kernel the request takes is bound to its session."""

    def __init__(self, manager: Any, owners: sessions.KernelOwners, user: sessions.WebUser) -> None:
        self._manager = manager
        self._owners = owners
        self._user = user

    def __getattr__(self, name: str) -> Any:
        return getattr(self._manager, name)

    async def get_rendered_notebook(self, *args: Any, **kwargs: Any) -> Any:
        render_task, rendered, kernel_id = await self._manager.get_rendered_notebook(*args, **kwargs)
        self._owners.bind(kernel_id, self._user)
        return render_task, rendered, kernel_id

    async def start_kernel(self, *args: Any, env: dict | None = None, **kwargs: Any) -> str:
        owner = sessions.Owner(self._user.web_session_id, self._user.user_id, self._user.username)
        env = {**(env or {}), **sessions.request_for_kernel(owner)}
        kernel_id = await ensure_async(self._manager.start_kernel(*args, env=env, **kwargs))
        self._owners.bind(kernel_id, self._user)
        return kernel_id


class WorkbenchVoilaHandler(SessionRequired, TornadoVoilaHandler):
    sign_in_on_refusal = True

    async def prepare(self, *args: Any, **kwargs: Any) -> None:
        """The page's own xsrf cookie, set here if the browser has none (signed in through JupyterHub, or the
        cookie cleared): Voila's page reads it to sign the ``beforeunload`` shutdown of its kernel, which
        jupyter_server refuses without it ("'_xsrf' argument missing from POST") — the kernel then lived on."""
        result = super().prepare(*args, **kwargs)
        if inspect.isawaitable(result):
            await result
        if not self._finished and sessions.web_user(self) is not None:
            self.xsrf_token  # noqa: B018 - reading the token sets the cookie when it is missing

    @property
    def kernel_manager(self) -> Any:  # type: ignore[override]
        manager = self.settings["kernel_manager"]
        user = sessions.web_user(self)
        return manager if user is None else _KernelsForSession(manager, kernel_owners(self), user)


class KernelQueryHandler(RequestInfoSocketHandler):
    """``voila/query/<kernel id>`` for the kernel itself only (see module)."""

    async def get(self, kernel_id: str, *args: Any, **kwargs: Any) -> None:
        manager = self.settings["kernel_manager"]
        try:
            key = manager.get_kernel(kernel_id).session.key
        except KeyError:
            key = b""
        if not proof_is_valid(kernel_id, key, self.request.headers.get(PROOF_HEADER, "")):
            log.warning("refused a voila/query connection for kernel %s without the kernel's proof", kernel_id)
            raise web.HTTPError(403)
        self.kernel_id = kernel_id
        await super().get(kernel_id, *args, **kwargs)

    def write_message(self, message: Any, binary: bool = False) -> Any:
        if isinstance(message, dict):
            owner = kernel_owners(self).owner(getattr(self, "kernel_id", ""))
            message = {**message, **sessions.request_for_kernel(owner)}
        return super().write_message(message, binary)


# --- sign-in and sign-out -----------------------------------------------------------------------------

def _safe_next(handler: web.RequestHandler, value: str | None) -> str:
    """``next`` if it is a path on this server, else the home page (no open redirect)."""
    base = sessions.base_url(handler)
    if value and value.startswith(base) and not value.startswith("//") and "\\" not in value:
        parsed = urlparse(value)
        if not parsed.scheme and not parsed.netloc and not parsed.path.rstrip("/").endswith(
                (sessions.SIGN_IN_PATH, sessions.SIGN_OUT_PATH)):
            return value
    return home_url(base)


class _PublicPage(web.RequestHandler):
    def set_default_headers(self) -> None:
        for name, value in SECURITY_HEADERS.items():
            self.set_header(name, value)

    def render_page(self, **values: Any) -> None:
        base = sessions.base_url(self)
        page = _templates.get_template("signin.html").render(
            t=t, assets=url_path_join(base, "signin-assets"), action=url_path_join(base, sessions.SIGN_IN_PATH),
            xsrf=self.xsrf_form_html(), hub_sign_out=values.pop("hub_sign_out", None), **values)
        self.write(page)


class SignInHandler(_PublicPage):
    """GET: the form (as a Hub service: off to the Hub's OAuth); POST: check, open a session, go on."""

    def get(self) -> None:
        target = _safe_next(self, self.get_argument("next", None))
        if sessions.web_user(self) is not None:
            self.redirect(target)
            return
        if self.settings.get("workbench_hub") is not None:
            hub.start_sign_in(self, target)  # signed in by the Hub's OAuth (OAuthCallbackHandler), no form here
            return
        notice = None
        if self.get_argument("signed_out", None):
            notice = ("info", t("signin.signed_out", "th"), t("signin.signed_out", "en"))
        self.render_page(next=target, username="", notice=notice, form=True)

    def post(self) -> None:
        self.check_xsrf_cookie()
        target = _safe_next(self, self.get_argument("next", None))
        if self.settings.get("workbench_hub") is not None:
            raise web.HTTPError(403)
        username = self.get_body_argument("username", "")[:100]
        password = self.get_body_argument("password", "")[:500]
        try:
            with new_session(sessions.engine()) as session:
                identity = auth.sign_in(session, username=username, password=password)
                token, _ = auth.start_web_session(session, identity=identity)
        except WorkbenchError as exc:
            self.set_status(401)
            self.render_page(next=target, username=username, notice=("error", exc.message("th"), exc.message("en")),
                             form=True)
            return
        sessions.set_session_cookie(self, token)
        self.redirect(target)



def refusal_page(handler: _PublicPage, exc: WorkbenchError, target: str = "") -> None:
    """The sign-in page without a form, saying why the Hub's user may not come in (403)."""
    handler.set_status(403)
    handler.render_page(next=target, username="", notice=("error", exc.message("th"), exc.message("en")),
                        form=False, hub_sign_out=hub.sign_out_url(handler))


class OAuthCallbackHandler(_PublicPage):
    """``workbench serve --hub``: where the Hub's OAuth sends the browser back (see ``hub``). Only a user the Hub
    itself names, in answer to the server's own request, gets a web session."""

    async def get(self) -> None:
        if self.settings.get("workbench_hub") is None:
            raise web.HTTPError(404)
        hub_user, target = await hub.hub_user_of_callback(self)
        try:
            with new_session(sessions.engine()) as session:
                identity = auth.hub_identity(session, hub_user=hub_user)
                token, _ = auth.start_web_session(session, identity=identity)
        except WorkbenchError as exc:
            refusal_page(self, exc)
            return
        sessions.set_session_cookie(self, token)
        self.redirect(_safe_next(self, target))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code} {self._reason}\n")


class SignOutHandler(web.RequestHandler):
    """End the cookie's web session (if the dashboard has not already), shut its kernels down, clear the cookie.
    GET too, because a dashboard's sign-out button moves the browser here; SameSite=Strict keeps other sites'
    links from carrying the cookie."""

    async def get(self) -> None:
        await self._sign_out()

    async def post(self) -> None:
        self.check_xsrf_cookie()
        await self._sign_out()

    async def _sign_out(self) -> None:
        token = sessions.cookie_token(self)
        if token:
            with new_session(sessions.engine()) as session:
                session_id = auth.web_session_id_of(session, token=token)
                if session_id is not None:
                    auth.end_web_session(session, session_id=session_id)
            if session_id is not None:
                await shut_down_kernels_of(self.settings, session_id)
        sessions.clear_session_cookie(self)
        if self.settings.get("workbench_hub") is not None:
            self.redirect(hub.sign_out_url(self))  # the Hub's sign-out too, or its OAuth would sign straight back in
            return
        self.redirect(f"{sessions.sign_in_url(self)}?signed_out=1")


async def shut_down_kernels_of(settings: dict, web_session_id: int) -> None:
    owners: sessions.KernelOwners = settings["workbench_kernel_owners"]
    manager = settings["kernel_manager"]
    for kernel_id in owners.kernels_of(web_session_id):
        owners.forget(kernel_id)
        if kernel_id in manager:
            log.info("shutting down kernel %s of ended web session %s", kernel_id, web_session_id)
            try:
                await ensure_async(manager.shutdown_kernel(kernel_id, now=True))
            except Exception:  # noqa: BLE001 - one kernel failing to stop must not keep the others running
                log.warning("could not shut down kernel %s", kernel_id, exc_info=True)


async def reap(settings: dict) -> None:
    """Shut down the kernels whose web session has ended (signed out elsewhere, idle, expired, user disabled);
    forget the kernels that are gone."""
    owners: sessions.KernelOwners = settings["workbench_kernel_owners"]
    manager = settings["kernel_manager"]
    ended: set[int] = set()
    with new_session(sessions.engine()) as session:
        for kernel_id, owner in owners.items():
            if kernel_id not in manager:
                owners.forget(kernel_id)
            elif owner.web_session_id not in ended and not auth.web_session_is_open(
                    session, session_id=owner.web_session_id):
                ended.add(owner.web_session_id)
    for web_session_id in ended:
        await shut_down_kernels_of(settings, web_session_id)


class SignInAssets(web.StaticFileHandler):
    """The sign-in page's stylesheet and fonts: public, like the page."""

    def set_default_headers(self) -> None:
        self.set_header("X-Content-Type-Options", "nosniff")


def sign_in_routes(base: str) -> list:
    import fontpkg_sarabun

    return [
        (url_path_join(base, sessions.SIGN_IN_PATH), SignInHandler),
        (url_path_join(base, sessions.SIGN_OUT_PATH), SignOutHandler),
        (url_path_join(base, hub.CALLBACK_PATH), OAuthCallbackHandler),
        (url_path_join(base, r"signin-assets/fonts/(Sarabun-(?:Regular|Bold)\.ttf)"), SignInAssets,
         {"path": str(Path(fontpkg_sarabun.ROOT) / "files")}),
        (url_path_join(base, r"signin-assets/(signin\.css)"), SignInAssets, {"path": str(HERE / "static")}),
    ]


class WorkbenchIdentityProvider(IdentityProvider):
    """jupyter_server's identity provider, answering from the workbench's own web sessions (see module)."""

    @property
    def auth_enabled(self) -> bool:
        return True

    @property
    def login_available(self) -> bool:
        return True

    def get_user(self, handler: web.RequestHandler) -> User | None:
        return sessions.web_user(handler)

    def get_handlers(self) -> list:
        base = getattr(self.parent, "base_url", "/") or "/"
        return sign_in_routes(base)

    def validate_security(self, app: Any, ssl_options: dict | None = None) -> None:
        """Nothing to warn about: there is no token, and every route needs a session."""

    def user_to_cookie(self, user: User) -> str:  # never used: the cookie is the session's token
        raise NotImplementedError

    def user_from_cookie(self, cookie_value: str) -> User | None:
        return None
