"""Figures of the quarterly statistics that other features' records give, registered with
``statistics.register_source`` (each ``(session, *, start, end, actor) -> (count, highest classification)``):

* ``documents_registered`` is the correspondence register's own ``correspondence.count_registered`` (every register,
  by the time of registration);
* ``meetings_attended``: inter-parliamentary meetings opening in the period that Thailand attended — the meeting has
  a Thai delegation (its visit has members) and that visit went ahead (approved, confirmed, completed or reported,
  as the visits counted by the statistics). A meeting whose visit the actor may not see is not counted.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from workbench.models.interparliamentary import Meeting
from workbench.models.visits import DelegationMember, Visit
from workbench.services.access import Actor, can_see, require

INTERPARL_READ = "interparl.read"


def count_meetings_attended(session: Session, *, start: dt.date, end: dt.date, actor: Actor) -> tuple[int, int]:
    """Meetings opening from ``start`` to ``end`` that a Thai delegation attended (see the module), and the highest
    classification among their visits."""
    from workbench.services.administration.statistics import COUNTED_VISITS

    require(actor, INTERPARL_READ)
    rows = session.exec(select(Meeting, Visit).join(Visit, col(Visit.id) == col(Meeting.visit_id))
                        .where(Meeting.start_date >= start, Meeting.start_date <= end,
                               col(Visit.status).in_([s.value for s in COUNTED_VISITS]),
                               select(DelegationMember.id).where(DelegationMember.visit_id == Visit.id).exists())
                        ).all()
    visible = [visit for _meeting, visit in rows if can_see(actor, visit.classification)]
    return len(visible), max((int(v.classification) for v in visible), default=0)

