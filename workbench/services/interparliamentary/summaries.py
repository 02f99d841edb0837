"""Meeting summaries (สรุปผลการประชุม) with follow-up actions (owner, due date, status), and the summary as one
reader may see it, ready for the DOCX and PDF export."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from workbench import clock
from workbench.db import record_event, transaction
from workbench.models.base import Clearance, utcnow
from workbench.models.interparliamentary import (
    FollowUpStatus,
    Meeting,
    MeetingSummary,
    MeetingSummaryRead,
    SummaryCreate,
    SummaryFollowUp,
    SummaryFollowUpCreate,
    SummaryFollowUpRead,
)
from workbench.models.people import Organization, Person
from workbench.services.access import Actor, can_see, require
from workbench.services.common import classification_of, field_error, get_or_404, get_visible, validate
from workbench.services.interparliamentary import meetings as meeting_service
from workbench.services.interparliamentary import positions as position_service
from workbench.services.interparliamentary.meetings import READ, WRITE, get_meeting

OPEN_STATES = (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS)


def _check_follow_up(session: Session, data: SummaryFollowUpCreate) -> None:
    if not data.action.strip():
        raise field_error("action", "ต้องกรอก", "is required")
    if data.owner_id is not None:
        get_or_404(session, Person, data.owner_id, field="owner_id")


def _visible_summary(session: Session, *, meeting_id: int, actor: Actor) -> MeetingSummary | None:
    """The meeting's summary at the highest classification the actor may see (a summary the actor may not see
    is as if it did not exist)."""
    found = [s for s in session.exec(select(MeetingSummary).where(MeetingSummary.meeting_id == meeting_id)).all()
             if can_see(actor, s.classification)]
    return max(found, key=lambda s: (int(s.classification), s.id)) if found else None


def write_summary(session: Session, *, data: SummaryCreate | dict[str, Any], actor: Actor) -> MeetingSummaryRead:
    """The meeting's summary with its follow-ups, in one transaction (one summary per meeting that the actor may
    see: a summary classified above the actor's clearance is as if there were none)."""
    require(actor, WRITE)
    data = validate(SummaryCreate, data)
    if not data.key_decisions.strip():
        raise field_error("key_decisions", "ต้องกรอก", "is required")
    if not can_see(actor, data.classification):
        raise field_error("classification", "ชั้นความลับสูงกว่าสิทธิ์ของผู้ใช้", "classified above the user's clearance")
    get_meeting(session, meeting_id=data.meeting_id, actor=actor)
    if _visible_summary(session, meeting_id=data.meeting_id, actor=actor) is not None:
        raise field_error("meeting_id", "การประชุมนี้มีสรุปผลแล้ว: แก้ไขสรุปเดิม", "this meeting has a summary already: edit it")
    for follow_up in data.follow_ups:
        _check_follow_up(session, follow_up)
    with transaction(session, actor=actor):
        summary = MeetingSummary(**data.model_dump(exclude={"follow_ups"}), written_by_id=getattr(actor, "id", None))
        session.add(summary)
        session.flush()
        for follow_up in data.follow_ups:
            session.add(SummaryFollowUp(summary_id=summary.id, **follow_up.model_dump()))
        session.flush()
        return MeetingSummaryRead.model_validate(summary, from_attributes=True)


def get_summary(session: Session, *, meeting_id: int, actor: Actor) -> MeetingSummaryRead | None:
    """The meeting's summary, or None when there is none or the actor may not see it (the same answer)."""
    summary = _summary_row(session, meeting_id=meeting_id, actor=actor)
    return MeetingSummaryRead.model_validate(summary, from_attributes=True) if summary is not None else None


def _summary_row(session: Session, *, meeting_id: int, actor: Actor) -> MeetingSummary | None:
    """``get_summary``'s row, for the services here that change it inside their own transaction."""
    require(actor, READ)
    get_meeting(session, meeting_id=meeting_id, actor=actor)
    summary = _visible_summary(session, meeting_id=meeting_id, actor=actor)
    if summary is None:
        return None
    if summary.classification:
        with transaction(session, actor=actor):  # access to classified records is logged
            record_event(session, actor=actor, entity="ip_summary", entity_id=str(summary.id), action="open_classified")
    return summary


def update_summary(session: Session, *, meeting_id: int, overview: str | None = None, key_decisions: str | None = None,
                   actor: Actor) -> MeetingSummaryRead:
    require(actor, WRITE)
    summary = _summary_row(session, meeting_id=meeting_id, actor=actor)
    if summary is None:
        raise field_error("meeting_id", "การประชุมนี้ยังไม่มีสรุปผล", "this meeting has no summary yet")
    if key_decisions is not None and not key_decisions.strip():
        raise field_error("key_decisions", "ต้องกรอก", "is required")
    with transaction(session, actor=actor):
        if overview is not None:
            summary.overview = overview
        if key_decisions is not None:
            summary.key_decisions = key_decisions
        session.add(summary)
        session.flush()
        return MeetingSummaryRead.model_validate(summary, from_attributes=True)


def add_follow_up(session: Session, *, meeting_id: int, data: SummaryFollowUpCreate | dict[str, Any],
                  actor: Actor) -> SummaryFollowUpRead:
    require(actor, WRITE)
    data = validate(SummaryFollowUpCreate, data)
    summary = _summary_row(session, meeting_id=meeting_id, actor=actor)
    if summary is None:
        raise field_error("meeting_id", "ต้องเขียนสรุปผลก่อนเพิ่มเรื่องที่ต้องติดตาม",
                          "write the summary before adding follow-ups")
    _check_follow_up(session, data)
    with transaction(session, actor=actor):
        follow_up = SummaryFollowUp(summary_id=summary.id, **data.model_dump())
        session.add(follow_up)
        session.flush()
        return SummaryFollowUpRead.model_validate(follow_up, from_attributes=True)


def set_follow_up_status(session: Session, *, follow_up_id: int, status: FollowUpStatus | str, actor: Actor) -> SummaryFollowUpRead:
    require(actor, WRITE)
    hidden = meeting_service._hidden_meeting_ids(session, actor=actor)  # noqa: SLF001

    def visible(follow_up: SummaryFollowUp) -> bool:
        summary = session.get(MeetingSummary, follow_up.summary_id)
        return can_see(actor, classification_of(summary)) and summary.meeting_id not in hidden

    follow_up = get_visible(session, SummaryFollowUp, follow_up_id, actor=actor, permission=WRITE, field="follow_up_id",
                            visible=visible)
    try:
        status = FollowUpStatus(status)
    except ValueError:
        raise field_error("status", f"ไม่รู้จักสถานะ '{status}'", f"unknown status '{status}'") from None
    with transaction(session, actor=actor):
        follow_up.status = status
        follow_up.done_at = utcnow() if status == FollowUpStatus.DONE else None
        session.add(follow_up)
        session.flush()
        return SummaryFollowUpRead.model_validate(follow_up, from_attributes=True)


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    meeting_id: int
    meeting_th: str
    organization: str
    action: str
    owner_id: int | None
    owner: str
    due_date: dt.date | None
    status: str
    overdue: bool

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "meeting_id": self.meeting_id, "meeting": self.meeting_th,
                "organization": self.organization, "action": self.action, "owner": self.owner,
                "due_date": self.due_date, "status": self.status, "overdue": self.overdue}


def follow_ups(session: Session, *, actor: Actor, meeting_id: int | None = None, overdue_only: bool = False,
               open_only: bool = False, today: dt.date | None = None) -> list[FollowUpRow]:
    """Follow-ups of the summaries the actor may see: overdue first, then by due date."""
    require(actor, READ)
    today = today or clock.today()
    levels = [level for level in range(4) if can_see(actor, level)]
    statement = (select(SummaryFollowUp, MeetingSummary, Meeting, Organization)
                 .join(MeetingSummary, col(MeetingSummary.id) == col(SummaryFollowUp.summary_id))
                 .join(Meeting, col(Meeting.id) == col(MeetingSummary.meeting_id))
                 .join(Organization, col(Organization.id) == col(Meeting.organization_id))
                 .where(col(MeetingSummary.classification).in_(levels)))
    if meeting_id is not None:
        statement = statement.where(Meeting.id == meeting_id)
    owners = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(
        select(SummaryFollowUp.owner_id).where(col(SummaryFollowUp.owner_id).is_not(None))))).all()}
    rows = []
    hidden = meeting_service._hidden_meeting_ids(session, actor=actor)  # noqa: SLF001
    for follow_up, _summary, meeting, org in session.exec(statement).all():
        if meeting.id in hidden:
            continue
        is_open = follow_up.status in OPEN_STATES
        overdue = is_open and follow_up.due_date is not None and follow_up.due_date < today
        if (overdue_only and not overdue) or (open_only and not is_open):
            continue
        owner = owners.get(follow_up.owner_id) if follow_up.owner_id else None
        rows.append(FollowUpRow(
            id=follow_up.id, meeting_id=meeting.id, meeting_th=meeting.title_th,
            organization=org.abbreviation or org.name_en, action=follow_up.action, owner_id=follow_up.owner_id,
            owner=owner.display_name("th") if owner else "", due_date=follow_up.due_date,
            status=str(follow_up.status), overdue=overdue))
    return sorted(rows, key=lambda r: (not r.overdue, r.due_date or dt.date.max, r.id))


# --- the summary as one reader sees it -------------------------------------------------------------------

@dataclass
class SummaryView:
    meeting: meeting_service.MeetingRow
    organization_th: str
    organization_en: str
    venue: str
    overview: str
    key_decisions: str
    delegation: list[tuple[str, str]] = field(default_factory=list)  # (name, role key)
    observers: list[str] = field(default_factory=list)
    agenda: list[tuple[str, str, int, int]] = field(default_factory=list)  # (item, position text, version, level)
    resolutions: list[tuple[str, str, str]] = field(default_factory=list)  # (title, outcome, Thailand's vote)
    interventions: list[tuple[str, dt.date, str, int]] = field(default_factory=list)  # (speaker, day, text, level)
    follow_ups: list[FollowUpRow] = field(default_factory=list)
    classification: int = 0
    generated_on: dt.date | None = None


def summary_view(session: Session, *, meeting_id: int, actor: Actor) -> SummaryView:
    """Everything the export shows, limited to what the actor may see; its classification is the highest of the
    summary and the classified items it includes."""
    summary = get_summary(session, meeting_id=meeting_id, actor=actor)
    if summary is None:
        raise field_error("meeting_id", "การประชุมนี้ยังไม่มีสรุปผล", "this meeting has no summary yet")
    meeting = get_meeting(session, meeting_id=meeting_id, actor=actor)
    row = meeting_service.meeting_row(session, meeting_id=meeting_id, actor=actor)
    org = session.get(Organization, meeting.organization_id)
    view = SummaryView(meeting=row, organization_th=org.name_th, organization_en=org.name_en,
                       venue=", ".join(p for p in (meeting.venue, meeting.city, row.country_th) if p),
                       overview=summary.overview, key_decisions=summary.key_decisions,
                       classification=int(summary.classification), generated_on=clock.today())
    view.delegation = [(person.display_name("th"), str(member.role))
                       for member, person in meeting_service.delegation(session, meeting_id=meeting_id, actor=actor)]
    view.observers = [person.display_name("th")
                      for _, person in meeting_service.observers(session, meeting_id=meeting_id, actor=actor)]
    latest = position_service.latest_positions(session, meeting_id=meeting_id, actor=actor)
    for item in meeting_service.agenda(session, meeting_id=meeting_id, actor=actor):
        position = latest.get(item.id)
        view.agenda.append((item.title_th, position.text if position else "", position.version if position else 0,
                            int(position.classification) if position else 0))
    view.resolutions = [(r.title_th, r.outcome, str(r.thailand_vote))
                        for r in position_service.resolutions(session, meeting_id=meeting_id, actor=actor)]
    view.interventions = [(person.display_name("th"), i.day, i.summary, int(i.classification))
                          for i, person in position_service.interventions(session, meeting_id=meeting_id, actor=actor)]
    view.follow_ups = sorted(follow_ups(session, actor=actor, meeting_id=meeting_id), key=lambda r: r.id)
    levels = [view.classification] + [a[3] for a in view.agenda] + [i[3] for i in view.interventions]
    view.classification = max(levels)
    return view


def classification_label(level: int, lang: str = "th") -> str:
    from workbench.i18n import t

    return t(f"clearance.{int(level)}", lang) if level else ""


__all__ = ["Clearance", "FollowUpRow", "SummaryView", "add_follow_up", "follow_ups", "get_summary",
           "set_follow_up_status", "summary_view", "update_summary", "write_summary"]
