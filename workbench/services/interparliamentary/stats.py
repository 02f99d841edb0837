"""Figures for the analysts' notebook: Thailand's participation per year and organisation, and how many
follow-ups of the summaries (that the actor may see) were completed, per year of the meeting (B.E.)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from workbench.models.interparliamentary import FollowUpStatus, Meeting, MeetingSummary, SummaryFollowUp
from workbench.models.people import Organization
from workbench.models.visits import DelegationMember
from workbench.services.access import Actor, can_see, require
from workbench.services.interparliamentary.meetings import READ, _hidden_meeting_ids
from workbench.thai import be_year


def participation_by_year(session: Session, *, actor: Actor) -> list[dict[str, Any]]:
    """Per B.E. year and organisation: meetings entered, meetings with a Thai delegation, delegates sent."""
    require(actor, READ)
    orgs = {o.id: o for o in session.exec(select(Organization)).all()}
    members: dict[int, int] = {}
    for visit_id in session.exec(select(DelegationMember.visit_id)).all():
        members[visit_id] = members.get(visit_id, 0) + 1
    table: dict[tuple[int, str], dict[str, Any]] = {}
    hidden = _hidden_meeting_ids(session, actor=actor)
    for meeting in session.exec(select(Meeting).order_by(col(Meeting.start_date))).all():
        if meeting.id in hidden:
            continue
        org = orgs[meeting.organization_id]
        key = (be_year(meeting.start_date.year), org.abbreviation or org.name_en)
        row = table.setdefault(key, {"year_be": key[0], "organization": key[1], "meetings": 0,
                                     "attended": 0, "delegates": 0})
        row["meetings"] += 1
        count = members.get(meeting.visit_id, 0) if meeting.visit_id else 0
        row["attended"] += 1 if count else 0
        row["delegates"] += count
    return [table[key] for key in sorted(table)]


def follow_up_completion(session: Session, *, actor: Actor) -> list[dict[str, Any]]:
    """Per B.E. year of the meeting: follow-ups done, open (or in progress), cancelled, and the share done."""
    require(actor, READ)
    rows = session.exec(select(SummaryFollowUp, MeetingSummary, Meeting)
                        .join(MeetingSummary, col(MeetingSummary.id) == col(SummaryFollowUp.summary_id))
                        .join(Meeting, col(Meeting.id) == col(MeetingSummary.meeting_id))).all()
    table: dict[int, dict[str, Any]] = {}
    hidden = _hidden_meeting_ids(session, actor=actor)
    for follow_up, summary, meeting in rows:
        if not can_see(actor, summary.classification) or meeting.id in hidden:
            continue
        year = be_year(meeting.start_date.year)
        row = table.setdefault(year, {"year_be": year, "done": 0, "open": 0, "cancelled": 0})
        status = FollowUpStatus(follow_up.status)
        if status == FollowUpStatus.DONE:
            row["done"] += 1
        elif status == FollowUpStatus.CANCELLED:
            row["cancelled"] += 1
        else:
            row["open"] += 1
    result = []
    for year in sorted(table):
        row = table[year]
        counted = row["done"] + row["open"]
        row["done_pct"] = round(100 * row["done"] / counted, 1) if counted else 0.0
        result.append(row)
    return result
