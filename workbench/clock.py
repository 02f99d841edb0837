"""The office's clock: today's date and the time now in Bangkok (the office's time zone), as naive values.

``WORKBENCH_TODAY`` pins the date for demonstrations and training on the demo office (which is built around a
date); leave it unset in real use.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")


def now() -> dt.datetime:
    """Local time in Bangkok now (on the pinned date, if ``WORKBENCH_TODAY`` is set)."""
    from workbench.config import get_settings

    current = dt.datetime.now(BANGKOK).replace(tzinfo=None)
    pinned = get_settings().today
    return dt.datetime.combine(pinned, current.time()) if pinned else current


def today() -> dt.date:
    """Today's date in Bangkok (or the pinned ``WORKBENCH_TODAY``)."""
    return now().date()
