# JupyterHub for the office: analysts get JupyterLab, staff get the dashboards (`workbench serve --hub`, a Hub
# service behind the Hub's sign-in), all on one workbench database (WORKBENCH_DATABASE_URL, PostgreSQL).
#
#   WORKBENCH_DATABASE_URL=postgresql+psycopg://… .venv/bin/jupyterhub -f deploy/jupyterhub_config.py
#
# Run it from the project folder with the project's .venv (which has `pip install jupyterhub`), with the proxy
# `configurable-http-proxy` from npm (`make hub-proxy` puts it in .venv/node/). Settings (environment variables;
# see README, "Deployment"):
#   WORKBENCH_HUB_IP / WORKBENCH_HUB_PORT   where the Hub's proxy listens (127.0.0.1:8000; nginx in front)
#   WORKBENCH_HUB_API_PORT                  the Hub's own API, on 127.0.0.1 (8081)
#   WORKBENCH_HUB_PROXY_API_PORT            the proxy's API, on 127.0.0.1 (8001)
#   WORKBENCH_HUB_SERVICE_PORT              the dashboards service, on 127.0.0.1 (8866)
#   WORKBENCH_HUB_SERVICE_ARGS              more `workbench serve` options, e.g. "--no-preheat"
#   WORKBENCH_HUB_STATE_DIR                 the Hub's own files: its SQLite state, cookie secret (data/hub/)
#   WORKBENCH_HUB_AUTHENTICATOR             who signs in: "pam" (the server's accounts, default), or any installed
#                                           authenticator ("ldapauthenticator", …); "shared-password" for tests
#   WORKBENCH_HUB_SHARED_PASSWORD           the password of "shared-password" (tests and demonstrations only)
#   WORKBENCH_HUB_SPAWNER                   how JupyterLab servers start: "localprocess" (as the user's own account,
#                                           the Hub running as root; default) or "simple" (as the Hub's account)
#   WORKBENCH_HUB_NOTEBOOK_DIR              the folder JupyterLab opens ("simple" spawner; default the project)
#   WORKBENCH_HUB_LAB_ROLES                 workbench roles that get JupyterLab ("analyst,administrator")
#   WORKBENCH_HUB_PROXY                     the configurable-http-proxy program (default .venv/node/…, then PATH)
# Every WORKBENCH_* variable (the database above all) is handed on to the service and to JupyterLab servers.
import os
import shutil
import sys
from pathlib import Path

from workbench.config import OFFLINE_LAB_ARGS
from workbench.serving import hub as workbench_hub

c = get_config()  # noqa: F821 - JupyterHub provides get_config to its config file

env = os.environ
project = Path(__file__).resolve().parent.parent
bin_dir = Path(sys.executable).parent
state = Path(env.get("WORKBENCH_HUB_STATE_DIR") or project / "data" / "hub")
state.mkdir(parents=True, exist_ok=True, mode=0o700)
service_port = int(env.get("WORKBENCH_HUB_SERVICE_PORT", "8866"))
forwarded = {name: value for name, value in env.items() if name.startswith("WORKBENCH_") and
             not name.startswith("WORKBENCH_HUB_")}
forwarded["PYTHONUNBUFFERED"] = "1"

# --- the Hub, its proxy, its own state ---
c.JupyterHub.bind_url = f"http://{env.get('WORKBENCH_HUB_IP', '127.0.0.1')}:{env.get('WORKBENCH_HUB_PORT', '8000')}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env.get("WORKBENCH_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env.get('WORKBENCH_HUB_PROXY_API_PORT', '8001')}"
proxy = env.get("WORKBENCH_HUB_PROXY") or next(
    (str(p) for p in [project / ".venv/node/node_modules/.bin/configurable-http-proxy"] if p.is_file()),
    shutil.which("configurable-http-proxy") or "configurable-http-proxy")
c.ConfigurableHTTPProxy.command = [proxy]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "cookie_secret")
c.JupyterHub.cleanup_servers = True

# --- who signs in ---
authenticator = env.get("WORKBENCH_HUB_AUTHENTICATOR", "pam")
c.JupyterHub.authenticator_class = authenticator
if authenticator == "shared-password":
    c.SharedPasswordAuthenticator.user_password = env["WORKBENCH_HUB_SHARED_PASSWORD"]
# The Hub lets in whom the authenticator accepts; the workbench then admits only its own active users (anyone
# else is refused by the dashboards and cannot start JupyterLab, and the refusal is audited).
c.Authenticator.allow_all = True

# --- staff: the dashboards, a Hub service behind the Hub's OAuth ---
c.JupyterHub.services = [{
    "name": "workbench",
    "display": True,
    "url": f"http://127.0.0.1:{service_port}",
    "command": [sys.executable, "-m", "workbench", "serve", "--hub",
                *env.get("WORKBENCH_HUB_SERVICE_ARGS", "").split()],
    "cwd": str(project),
    "environment": forwarded,
    "timeout": 180,  # seconds the Hub waits for it to answer at start (a busy machine is slow to import)
    "oauth_no_confirm": True,  # the office's own service: no "authorise this application?" page
}]
# every Hub user may ask the service in; the service decides (an active workbench user, or a refusal)
c.JupyterHub.load_roles = [{"name": "user", "scopes": ["self", "access:services!service=workbench"]}]


def _landing(handler):
    return workbench_hub.landing_url(handler, service_prefix="/services/workbench/")


c.JupyterHub.default_url = _landing

# --- analysts: JupyterLab, for workbench users of a lab role only ---
spawner = env.get("WORKBENCH_HUB_SPAWNER", "localprocess")
c.JupyterHub.spawner_class = spawner
c.Spawner.cmd = [str(bin_dir / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.args = list(OFFLINE_LAB_ARGS)  # no news feed, no update check: the office network may have no internet
c.Spawner.environment = forwarded
c.Spawner.pre_spawn_hook = workbench_hub.check_lab_allowed
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 120
if spawner == "simple":
    c.SimpleLocalProcessSpawner.home_dir_template = env.get("WORKBENCH_HUB_NOTEBOOK_DIR") or str(project)
    if os.geteuid() == 0:  # one account for everyone (tests, a demonstration machine): Jupyter refuses root
        c.Spawner.args = [*c.Spawner.args, "--allow-root"]
