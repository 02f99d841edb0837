"""How the audit page names things: Thai (or English) labels of record kinds, actions and fields, Bangkok time
in the B.E., and values shown as a reader expects them (not a widget)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import SQLModel

from workbench.i18n import catalogue, current_lang, t
from workbench.thai import format_date

BANGKOK = dt.timezone(dt.timedelta(hours=7), "ICT")
MAX_VALUE_CHARS = 120


def _label(key: str, fallback: str) -> str:
    return t(key) if key in catalogue() else fallback


def kind_label(table: str) -> str:
    return _label(f"audit.kind.{table}", table)


def action_label(action: str) -> str:
    return _label(f"audit.action.{action}", action)


def field_label(name: str) -> str:
    for key in (f"field.{name}", f"audit.field.{name}"):
        if key in catalogue():
            return t(key)
    return name


def kinds() -> list[tuple[str, str]]:
    """Every kind of record the trail can name, "ทั้งหมด" first, then by label."""
    from workbench.models import load_all

    load_all()  # every table registered
    tables = [name for name in SQLModel.metadata.tables if name != "audit_entry"]
    return [(t("audit.all_kinds"), "")] + sorted(((kind_label(name), name) for name in tables),
                                                  key=lambda pair: pair[0])


def bangkok(at: dt.datetime) -> dt.datetime:
    """A stored UTC instant (naive) in Bangkok time."""
    aware = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    return aware.astimezone(BANGKOK)


def format_when(at: dt.datetime) -> str:
    """"25 พ.ย. 2569 14.30.05 น." (Bangkok time, B.E.) or, in English, "2026-11-25 14:30:05 (Bangkok)"."""
    local = bangkok(at)
    if current_lang() == "th":
        return f"{format_date(local.date(), style='abbr')} {local:%H.%M.%S} น."
    return f"{local:%Y-%m-%d %H:%M:%S} (Bangkok)"


def format_value(value: Any) -> str:
    """A stored value as text: empty for nothing, dates in the B.E., long text cut."""
    if value is None or value == "":
        return t("audit.no_value")
    if isinstance(value, bool):
        return t("audit.yes") if value else t("audit.no")
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            if len(value) == 10:
                return format_date(dt.date.fromisoformat(value), style="abbr")
            return format_when(dt.datetime.fromisoformat(value))
        except ValueError:
            pass
    text = str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[:MAX_VALUE_CHARS - 1] + "…"
