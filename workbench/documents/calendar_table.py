"""Calendar items as rows for spreadsheets and the CLI: B.E. dates, Thai (or English) labels."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workbench.i18n import t
from workbench.services.calendar import CalendarItem
from workbench.thai import format_date

COLUMN_KEYS = ["id", "type", "kind", "title", "start", "end", "direction", "status", "country", "principals", "venue"]


def columns(lang: str) -> list[tuple[str, str]]:
    return [(key, t(f"calendar_table.{key}", lang)) for key in COLUMN_KEYS]


def rows(items: Iterable[CalendarItem], lang: str, *, typed: bool = False) -> list[dict[str, Any]]:
    """Rows with B.E. dates as text (for the screen and the command line), or with ``typed`` the start and end as
    date (all-day) and date-time cells, for a spreadsheet (which shows them in B.E.)."""
    table = []
    for item in items:
        kind_key = ("visit_kind." if item.item_type == "visit" else "engagement_kind.") + str(item.kind)
        status_key = ("visit_status." if item.item_type == "visit" else "engagement_status.") + str(item.status)
        when = (lambda d: format_date(d.date())) if item.all_day else (
            lambda d: f"{format_date(d.date())} {d:%H.%M} น." if lang == "th" else f"{d:%Y-%m-%d %H:%M}")
        table.append({
            "id": item.record_id, "type": t(f"calendar_table.type_{item.item_type}", lang),
            "kind": t(kind_key, lang), "title": item.title(lang),
            "start": _typed(item, item.start) if typed else when(item.start),
            "end": _typed(item, item.end) if typed else when(item.end),
            "direction": t(f"direction.{item.direction}", lang) if item.direction else "",
            "status": t(status_key, lang), "country": item.country_th if lang == "th" else item.country_en,
            "principals": ", ".join(item.principal_names), "venue": item.venue,
        })
    return table


def _typed(item: CalendarItem, moment: Any) -> Any:
    return moment.date() if item.all_day else moment
