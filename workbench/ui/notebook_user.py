"""Who an analyst notebook acts for: a real, signed-in workbench user, never a name merely typed into a cell.

``notebook_user(session, username)``:

* behind JupyterHub (``JUPYTERHUB_USER`` set for the server), the user the hub signed in — it must be an active
  workbench user (``auth.hub_identity``, refusals audited); the ``username`` typed in the notebook is not used;
* otherwise ``username`` signs in with a password, checked, audited and throttled like the sign-in page's
  (``auth.sign_in``): asked with ``getpass`` (not echoed, not kept in the notebook), or, for runs nobody sits at
  (a scheduled report, the test suite), read from the environment variable ``WORKBENCH_NOTEBOOK_PASSWORD``.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable

from sqlmodel import Session

from workbench.services import auth
from workbench.services.common import field_error

PASSWORD_ENV = "WORKBENCH_NOTEBOOK_PASSWORD"


def notebook_user(session: Session, username: str = "", *,
                  ask: Callable[[str], str] = getpass.getpass) -> auth.Identity:
    """The workbench user this notebook acts for (see the module's docstring); a wrong password or an unknown
    or disabled user raises the sign-in page's message."""
    hub_user = os.environ.get("JUPYTERHUB_USER", "").strip()
    if hub_user:
        return auth.hub_identity(session, hub_user=hub_user)
    if not username.strip():
        raise field_error("username", "ต้องกรอกชื่อผู้ใช้ในเซลล์แรกของสมุดบันทึก",
                          "is required: set it in the notebook's first cell")
    password = os.environ.get(PASSWORD_ENV) or ask(f"รหัสผ่านของ {username.strip()} · password of {username.strip()}: ")
    return auth.sign_in(session, username=username, password=password)
