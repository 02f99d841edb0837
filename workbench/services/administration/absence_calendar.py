"""What the visit calendar shows of the staff registry: who is away (leave, official travel, training), asked for by
``services.calendar`` through its list of providers.

Only actors who may read the registry (``administration.read``) see absences; the others get nothing. An absence for
a visit the actor may not see is not drawn: it hangs on that visit (``staff.absences``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from workbench import clock
from workbench.services.access import Actor, has_permission
from workbench.services.administration.staff import READ, absences

ITEM_TYPE = "admin_absence"
KIND_PREFIX = "absence_"  # kinds on the calendar: absence_leave, absence_travel, absence_training

TITLES = {"leave": ("ลา", "On leave"), "travel": ("เดินทางไปราชการ", "Official travel"),
          "training": ("ฝึกอบรม", "Training")}


def calendar_items(session: Session, *, actor: Actor, first: dt.date, last: dt.date) -> list[Any]:
    """Each absence touching [first, last] as an all-day item: "ลา: ชื่อ นามสกุล" from its first to its last day."""
    from workbench.services.calendar import CalendarItem

    if not has_permission(actor, READ):
        return []
    today = clock.today()
    items = []
    for row in absences(session, actor=actor, start=first, end=last):
        kind = row["kind"].value
        label_th, label_en = TITLES[kind]
        items.append(CalendarItem(
            uid=f"absence-{row['id']}", item_type=ITEM_TYPE, record_id=row["id"],
            title_th=f"{label_th}: {row['name']}", title_en=f"{label_en}: {row['name_en'] or row['name']}",
            start=dt.datetime.combine(row["start_date"], dt.time()), end=dt.datetime.combine(row["end_date"], dt.time()),
            all_day=True, kind=KIND_PREFIX + kind, direction=None,
            status="held" if row["end_date"] < today else "planned", country_id=None, venue=row["reason"],
            principal_ids=(row["person_id"],), principal_names=(row["name"],), visit_id=row["visit_id"]))
    return items
