"""Tables as an analyst notebook shows them: dates in B.E. (``1 ธ.ค. 2569``), nothing shown as NaN, None or NaT.

``shown(rows)`` takes a DataFrame or a list of dicts and gives a DataFrame of display text, for reading only: an
export keeps the original frame, whose dates and numbers stay typed (``documents/spreadsheet.py``).
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any

from workbench.i18n import t
from workbench.thai import format_date, format_datetime


def cell_text(value: Any) -> Any:
    """One value as a table shows it: B.E. dates, yes/no, empty for missing; numbers stay numbers."""
    if value is None or _missing(value):
        return ""
    if isinstance(value, dt.datetime):
        return format_datetime(value, style="abbr")
    if isinstance(value, dt.date):
        return format_date(value, style="abbr")
    if isinstance(value, bool):
        return t("notebook.yes") if value else ""
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        return format_datetime(value.to_pydatetime(), style="abbr")
    return value


def _missing(value: Any) -> bool:
    if isinstance(value, float):
        return math.isnan(value)
    try:  # pandas' NaT and NA
        import pandas as pd

        return value is pd.NaT or value is pd.NA
    except ImportError:  # pragma: no cover - pandas is a dependency
        return False


def shown(rows: Any) -> Any:
    """A DataFrame of ``rows`` (a DataFrame or a list of dicts) with every value as ``cell_text`` shows it; its
    index hidden (a Styler), as the report notebooks show their tables."""
    import pandas as pd

    frame = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    frame = frame.astype(object)
    for column in frame.columns:
        frame[column] = [cell_text(value) for value in frame[column]]
    return frame.style.hide(axis="index")
