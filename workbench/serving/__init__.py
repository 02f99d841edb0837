"""The serving layer of ``workbench serve``: sign-in, web sessions, and Voila's routes behind them.

* ``app`` — ``WorkbenchVoila``, the Voila subclass: which routes are replaced, wrapped or removed, and why;
* ``sessions`` — the session cookie, jupyter_server's identity provider, which web session owns which kernel;
* ``handlers`` — the sign-in and sign-out pages, and the small handler subclasses that check the session and
  the kernel's owner before Voila's own code runs;
* ``workbench.kernel_protocol`` (outside this package, in the lowest layer) — what the server and a dashboard
  kernel agree on (imported by kernels: nothing heavy).

The rules (passwords, throttling, audit, session expiry) stay in ``workbench.services.auth``.
"""
