"""What the server and a dashboard's kernel agree on (imported by both; nothing heavy here).

* The server hands a kernel its request (the page's query string) plus ``WEB_USER`` and ``WEB_SESSION``: the
  signed-in user and web session id. A pre-heated kernel fetches them over ``voila/query/<kernel id>``; a kernel
  started on request finds them in its environment.
* ``voila/query`` answers only a client sending ``PROOF_HEADER: kernel_proof(kernel id, key)`` where ``key`` is
  the kernel's own message-signing key (from its connection file, which only the server's account can read): so
  only the kernel itself can receive its request, never a browser or another local account.
"""

from __future__ import annotations

import hashlib
import hmac

WEB_USER = "WORKBENCH_WEB_USER"
WEB_SESSION = "WORKBENCH_WEB_SESSION"
PROOF_HEADER = "X-Workbench-Kernel-Proof"


def kernel_proof(kernel_id: str, key: bytes) -> str:
    """An HMAC-SHA256 of the kernel's id under its message-signing key."""
    return hmac.new(bytes(key), f"workbench-query:{kernel_id}".encode(), hashlib.sha256).hexdigest()


def proof_is_valid(kernel_id: str, key: bytes, proof: str) -> bool:
    return bool(key) and hmac.compare_digest(kernel_proof(kernel_id, key), proof or "")
