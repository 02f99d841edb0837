"""``workbench serve --hub``: the dashboards as a JupyterHub service, signed in through the Hub's OAuth.

JupyterHub starts the server as a managed service (``deploy/jupyterhub_config.py``) and hands it, in its
environment, the service's API token, OAuth client id and callback URL. A browser without a web session is sent
to the Hub's OAuth authorisation page (``start_sign_in``: a random state in a signed cookie, and a PKCE challenge);
the Hub signs the user in (its own login page) and sends the browser back to ``OAuthCallbackHandler`` with a
one-time code. The server exchanges that code for a token *with the Hub directly* (the service's secret never
reaches the browser), asks the Hub whose token it is, and only then opens a workbench web session for that name —
an active workbench user (``services.auth.hub_identity``; anyone else is refused and the refusal audited). No
header, query argument, cookie or environment variable a browser can set names the user.

``jupyterhub`` is needed only here (imported when ``--hub`` is given): ``pip install jupyterhub`` where the Hub runs.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from jupyter_server.utils import url_path_join
from tornado import web
from tornado.httputil import url_concat

from workbench.errors import WorkbenchError

log = logging.getLogger("workbench.serving")

CALLBACK_PATH = "oauth_callback"
# what the Hub hands a managed service that its kernels must not inherit (the service's own credentials)
SECRET_VARIABLES = ("JUPYTERHUB_API_TOKEN", "JPY_API_TOKEN", "JUPYTERHUB_CLIENT_ID")
NEEDED_VARIABLES = ("JUPYTERHUB_API_TOKEN", "JUPYTERHUB_API_URL", "JUPYTERHUB_CLIENT_ID",
                    "JUPYTERHUB_SERVICE_PREFIX", "JUPYTERHUB_OAUTH_CALLBACK_URL")


def missing_variables(environ: dict[str, str] | None = None) -> list[str]:
    """The Hub's variables a service needs that are not set (``workbench serve --hub`` outside JupyterHub)."""
    environ = os.environ if environ is None else environ
    return [name for name in NEEDED_VARIABLES if not environ.get(name)]


def hub_oauth() -> Any:
    """The Hub's OAuth client for this service, from the variables JupyterHub set; then those secrets are taken
    out of the process environment, so the dashboards' kernels (started from it) never see them."""
    try:
        from jupyterhub.services.auth import HubOAuth
    except ImportError as exc:  # pragma: no cover - the Hub's own package is missing where the Hub runs
        raise WorkbenchError("ต้องติดตั้ง jupyterhub ก่อนใช้ --hub", "--hub needs the jupyterhub package "
                             "(pip install jupyterhub)", field="--hub") from exc
    missing = missing_variables()
    if missing:
        raise WorkbenchError(f"--hub ใช้ได้เมื่อ JupyterHub เป็นผู้เริ่มบริการเท่านั้น (ไม่มี {', '.join(missing)})",
                             f"--hub works only when JupyterHub starts the service ({', '.join(missing)} not set)",
                             field="--hub")
    client = HubOAuth(cache_max_age=60)
    for name in ("api_token", "api_url", "oauth_client_id", "oauth_redirect_uri", "base_url", "hub_prefix",
                 "hub_host", "access_scopes", "login_url", "oauth_token_url", "cookie_path", "state_cookie_name"):
        getattr(client, name)  # read now, while the variables are set
    for name in SECRET_VARIABLES:
        os.environ.pop(name, None)
    return client


def client_of(handler: web.RequestHandler) -> Any:
    return handler.settings.get("workbench_hub")


def start_sign_in(handler: web.RequestHandler, target: str) -> None:
    """Send the browser to the Hub's OAuth authorisation page; it comes back to ``OAuthCallbackHandler``."""
    client = client_of(handler)
    params: dict[str, str] = {}
    verifier = None
    if client.pkce_enabled:
        verifier, challenge, method = client.generate_pkce_code_challenge()
        params.update(code_challenge=challenge, code_challenge_method=method)
    params["state"] = client.set_state_cookie(handler, next_url=target, code_verifier=verifier)
    handler.redirect(url_concat(client.login_url, params))


def sign_out_url(handler: web.RequestHandler) -> str:
    """After the dashboards' sign-out, the Hub's own (otherwise the Hub would sign the browser straight back in)."""
    client = client_of(handler)
    return client.hub_host + url_path_join(client.hub_prefix, "logout")


async def hub_user_of_callback(handler: web.RequestHandler) -> tuple[str, str]:
    """The end of the OAuth dance at ``<prefix>/oauth_callback``: check the state against the browser's signed
    cookie, exchange the one-time code for a token with the Hub, ask the Hub whose token it is. Returns the Hub
    user's name and where the browser was going; anything amiss is a 400/403 (nobody is signed in)."""
    client = client_of(handler)
    if handler.get_argument("error", None) or not handler.get_argument("code", None):
        raise web.HTTPError(400)
    state = handler.get_argument("state", "")
    cookie = handler.get_signed_cookie(client.get_state_cookie_name(state)) if state else None
    client.clear_oauth_state_cookies(handler)
    if cookie is None or cookie.decode("ascii", "replace") != state:
        log.warning("refused an OAuth callback whose state does not match the browser's cookie")
        raise web.HTTPError(403)
    target = client.get_next_url(state)
    verifier = client.get_code_verifier(state)
    client.clear_oauth_state(state)
    try:
        token = await client.token_for_code(handler.get_argument("code"), code_verifier=verifier, sync=False)
        model = await client.user_for_token(token, use_cache=False, sync=False)
    except web.HTTPError:
        log.warning("the Hub refused the OAuth code", exc_info=True)
        raise web.HTTPError(403) from None
    if not model or model.get("kind", "user") != "user" or not client.check_scopes(client.access_scopes, model):
        log.warning("refused an OAuth callback: no Hub user with access to this service")
        raise web.HTTPError(403)
    return model["name"], target


# --- the Hub's side (deploy/jupyterhub_config.py) -----------------------------------------------------------

LAB_ROLES_DEFAULT = "analyst,administrator"


def lab_roles() -> set[str]:
    """Workbench roles whose users get JupyterLab from the Hub (``WORKBENCH_HUB_LAB_ROLES``)."""
    text = os.environ.get("WORKBENCH_HUB_LAB_ROLES", LAB_ROLES_DEFAULT)
    return {role.strip() for role in text.split(",") if role.strip()}


def workbench_role(hub_user: str) -> str | None:
    """The role of the active workbench user the Hub's user is, or None (refused, and the refusal audited)."""
    from workbench.db import get_engine, new_session
    from workbench.services import auth

    try:
        with new_session(get_engine()) as session:
            return str(auth.hub_identity(session, hub_user=hub_user).role)
    except WorkbenchError:
        return None


def check_lab_allowed(spawner: Any) -> None:
    """``Spawner.pre_spawn_hook``: a JupyterLab server only for an active workbench user of a lab role."""
    role = workbench_role(spawner.user.name)
    if role not in lab_roles():
        error = web.HTTPError(403, "%s may not start JupyterLab", spawner.user.name)
        error.jupyterhub_message = (  # type: ignore[attr-defined] - what the Hub's error page shows
            f"ผู้ใช้ {spawner.user.name} ไม่มีสิทธิ์ใช้ JupyterLab (เฉพาะผู้ใช้ระบบงานในบทบาท "
            f"{', '.join(sorted(lab_roles()))}) · {spawner.user.name} may not start JupyterLab: only workbench users "
            f"of the roles {', '.join(sorted(lab_roles()))} get it; the dashboards are under Services.")
        raise error


def landing_url(handler: Any, *, service_prefix: str) -> str:
    """``JupyterHub.default_url``: after signing in to the Hub, analysts go to their JupyterLab, everyone else to
    the dashboards (who is refused there is told why)."""
    user = getattr(handler, "current_user", None)
    if user is not None and workbench_role(user.name) in lab_roles():
        return url_path_join(handler.hub.base_url, "spawn")
    return service_prefix
