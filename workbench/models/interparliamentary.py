"""Inter-parliamentary work (mandate duty 9): the Thai national groups in IPU, APPF and AIPA, their meetings,
the Thai delegation (through the meeting's outbound visit), observers, positions, resolutions, interventions,
meeting summaries with follow-ups, documents and the coordination log with the House of Representatives.

Organisations, national groups, committees and their executive committees are the Popolo ``Organization``,
``Post`` and dated ``Membership`` of ``models/people.py``. Recurring meetings are a ``MeetingSeries`` (reference
data: cadence, host rotation, lead times), whose future dates are computed, not stored, until a meeting is
entered.
"""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from workbench.models.base import Clearance, clearance_column, created_at_field, datetime_column, enum_column


class MeetingKind(enum.StrEnum):
    ASSEMBLY = "assembly"
    GOVERNING_COUNCIL = "governing_council"
    EXECUTIVE_COMMITTEE = "executive_committee"
    STANDING_COMMITTEE = "standing_committee"
    WORKSHOP = "workshop"
    NATIONAL_GROUP = "national_group"  # the Thai national group's own executive committee


class FollowUpStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Vote(enum.StrEnum):
    NONE = "none"
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"
    CONSENSUS = "consensus"


class DocumentDirection(enum.StrEnum):
    RECEIVED = "received"
    SENT = "sent"


# --- reference data: series, host rotation, lead times ---------------------------------------------------

class MeetingSeries(SQLModel, table=True):
    """A recurring meeting (data/interparliamentary_series.csv): entered once with its cadence."""

    __tablename__ = "ip_meeting_series"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=60, unique=True, index=True)
    organization_id: int = Field(foreign_key="organization.id")
    kind: MeetingKind = Field(sa_type=enum_column(MeetingKind, 30))
    title_th: str = Field(max_length=300, description="template: {number} is the meeting's number")
    title_en: str = Field(default="", max_length=300)
    months: str = Field(max_length=40, description="months of the year it opens, e.g. '3;10'")
    opening_day: int = Field(default=1, description="usual day of the month it opens")
    duration_days: int = 1
    number_anchor_year: int | None = None
    number_anchor: int | None = Field(default=None, description="number of the first meeting in the anchor year")
    rotation_anchor_year: int | None = Field(default=None, description="year whose first meeting takes rotation slot 1")
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
    note: str = Field(default="", max_length=500)


class HostRotation(SQLModel, table=True):
    """A host in a series' rotation (``year`` empty: a slot in the cycle) or a known host (``year`` set)."""

    __tablename__ = "ip_host_rotation"
    __table_args__ = (sa.UniqueConstraint("series_id", "position", "year"),)

    id: int | None = Field(default=None, primary_key=True)
    series_id: int = Field(foreign_key="ip_meeting_series.id", index=True)
    position: int = Field(description="slot in the cycle, or (with a year) the meeting's place in that year")
    year: int | None = None
    country_id: int | None = Field(default=None, foreign_key="country.id")
    city_th: str = Field(default="", max_length=120)
    city_en: str = Field(default="", max_length=120)
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
    note: str = Field(default="", max_length=500)


class LeadTime(SQLModel, table=True):
    """A preparation step counted back from a meeting's opening date (data/interparliamentary_lead_times.csv)."""

    __tablename__ = "ip_lead_time"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True, index=True)
    label_th: str = Field(max_length=200)
    label_en: str = Field(default="", max_length=200)
    days_before: int
    abroad_only: bool = False
    sort_order: int = 0
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
    note: str = Field(default="", max_length=500)


# --- Meeting -------------------------------------------------------------------------------------------

class MeetingBase(SQLModel):
    organization_id: int = Field(foreign_key="organization.id", index=True)
    series_id: int | None = Field(default=None, foreign_key="ip_meeting_series.id")
    number: int | None = None
    kind: MeetingKind = Field(sa_type=enum_column(MeetingKind, 30))
    title_th: str = Field(min_length=1, max_length=300)
    title_en: str = Field(default="", max_length=300)
    start_date: dt.date = Field(index=True)
    end_date: dt.date = Field(index=True)
    country_id: int | None = Field(default=None, foreign_key="country.id")
    city: str = Field(default="", max_length=120)
    venue: str = Field(default="", max_length=300)
    notes: str = Field(default="", sa_type=sa.Text)


class MeetingCreate(MeetingBase):
    pass


class MeetingUpdate(SQLModel):
    title_th: str | None = None
    title_en: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    country_id: int | None = None
    city: str | None = None
    venue: str | None = None
    notes: str | None = None


class Meeting(MeetingBase, table=True):
    __tablename__ = "ip_meeting"

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int | None = Field(default=None, foreign_key="visit.id", description="the outbound visit of the delegation")
    created_at: dt.datetime = created_at_field()
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class MeetingRead(MeetingBase):
    id: int
    visit_id: int | None = None
    created_at: dt.datetime
    created_by_id: int | None = None


class PrepTask(SQLModel, table=True):
    """A meeting's preparation step (from the lead times), due a number of days before the opening."""

    __tablename__ = "ip_prep_task"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="ip_meeting.id", index=True)
    code: str = Field(max_length=40)
    label_th: str = Field(max_length=200)
    label_en: str = Field(default="", max_length=200)
    due_date: dt.date
    done: bool = False
    done_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())


class PrepTaskRead(SQLModel):
    id: int
    meeting_id: int
    code: str
    label_th: str
    label_en: str = ""
    due_date: dt.date
    done: bool = False
    done_at: dt.datetime | None = None


class AgendaItemCreate(SQLModel):
    meeting_id: int
    title_th: str = Field(min_length=1, max_length=500)
    title_en: str = Field(default="", max_length=500)
    body: str = Field(default="", max_length=200, description="committee or plenary that takes the item")


class AgendaItem(SQLModel, table=True):
    __tablename__ = "ip_agenda_item"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="ip_meeting.id", index=True)
    sort_order: int = 0
    title_th: str = Field(max_length=500)
    title_en: str = Field(default="", max_length=500)
    body: str = Field(default="", max_length=200)


class AgendaItemRead(SQLModel):
    id: int
    meeting_id: int
    sort_order: int = 0
    title_th: str
    title_en: str = ""
    body: str = ""


class Observer(SQLModel, table=True):
    """One of the office's staff attending a meeting as an observer (mandate duty 9)."""

    __tablename__ = "ip_observer"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="ip_meeting.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    note: str = Field(default="", max_length=300)


class ObserverRead(SQLModel):
    id: int
    meeting_id: int
    person_id: int
    note: str = ""


# --- Positions, resolutions, interventions -------------------------------------------------------------

class PositionCreate(SQLModel):
    agenda_item_id: int
    text: str = Field(min_length=1, sa_type=sa.Text)
    classification: Clearance = Clearance.NONE
    approved_by_id: int | None = None
    approved_on: dt.date | None = None


class Position(SQLModel, table=True):
    """Thailand's draft position on an agenda item; each change is a new version (earlier ones stay)."""

    __tablename__ = "ip_position"
    __table_args__ = (sa.UniqueConstraint("agenda_item_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="ip_agenda_item.id", index=True)
    version: int
    text: str = Field(sa_type=sa.Text)
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())
    approved_by_id: int | None = Field(default=None, foreign_key="person.id")
    approved_on: dt.date | None = None
    created_at: dt.datetime = created_at_field()
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class PositionRead(SQLModel):
    id: int
    agenda_item_id: int
    version: int
    text: str
    classification: Clearance = Clearance.NONE
    approved_by_id: int | None = None
    approved_on: dt.date | None = None
    created_at: dt.datetime
    created_by_id: int | None = None


class ResolutionCreate(SQLModel):
    meeting_id: int
    agenda_item_id: int | None = None
    title_th: str = Field(min_length=1, max_length=500)
    title_en: str = Field(default="", max_length=500)
    text: str = Field(default="", sa_type=sa.Text)
    link: str = Field(default="", max_length=500)
    outcome: str = Field(default="", max_length=200, description="how it was adopted, e.g. 'by consensus', '120-12-5'")
    thailand_vote: Vote = Vote.NONE


class Resolution(SQLModel, table=True):
    __tablename__ = "ip_resolution"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="ip_meeting.id", index=True)
    agenda_item_id: int | None = Field(default=None, foreign_key="ip_agenda_item.id")
    title_th: str = Field(max_length=500)
    title_en: str = Field(default="", max_length=500)
    text: str = Field(default="", sa_type=sa.Text)
    link: str = Field(default="", max_length=500)
    outcome: str = Field(default="", max_length=200)
    thailand_vote: Vote = Field(default=Vote.NONE, sa_type=enum_column(Vote, 20))


class ResolutionRead(SQLModel):
    id: int
    meeting_id: int
    agenda_item_id: int | None = None
    title_th: str
    title_en: str = ""
    text: str = ""
    link: str = ""
    outcome: str = ""
    thailand_vote: Vote = Vote.NONE


class InterventionCreate(SQLModel):
    meeting_id: int
    agenda_item_id: int | None = None
    speaker_id: int
    day: dt.date
    summary: str = Field(min_length=1, sa_type=sa.Text)
    classification: Clearance = Clearance.NONE


class Intervention(SQLModel, table=True):
    """A statement by a member of the Thai delegation."""

    __tablename__ = "ip_intervention"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="ip_meeting.id", index=True)
    agenda_item_id: int | None = Field(default=None, foreign_key="ip_agenda_item.id")
    speaker_id: int = Field(foreign_key="person.id")
    day: dt.date
    summary: str = Field(sa_type=sa.Text)
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())


class InterventionRead(SQLModel):
    id: int
    meeting_id: int
    agenda_item_id: int | None = None
    speaker_id: int
    day: dt.date
    summary: str
    classification: Clearance = Clearance.NONE


# --- Summaries and follow-ups --------------------------------------------------------------------------

class SummaryFollowUpCreate(SQLModel):
    action: str = Field(min_length=1, max_length=500)
    owner_id: int | None = None
    due_date: dt.date | None = None


class SummaryCreate(SQLModel):
    meeting_id: int
    overview: str = Field(default="", sa_type=sa.Text)
    key_decisions: str = Field(min_length=1, sa_type=sa.Text)
    classification: Clearance = Clearance.NONE
    follow_ups: list[SummaryFollowUpCreate] = Field(default_factory=list)


class MeetingSummary(SQLModel, table=True):
    """สรุปผลการประชุม: one per meeting that a reader may see; rewriting it keeps the audit trail of the earlier
    text. One per meeting and classification: an officer who may not see a secret summary writes the meeting's
    summary at their own level, as if there were none (the secret one's existence is not revealed)."""

    __tablename__ = "ip_summary"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "classification", name="uq_ip_summary_meeting_level"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="ip_meeting.id", index=True)
    overview: str = Field(default="", sa_type=sa.Text)
    key_decisions: str = Field(sa_type=sa.Text)
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())
    written_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()


class SummaryFollowUp(SQLModel, table=True):
    __tablename__ = "ip_follow_up"

    id: int | None = Field(default=None, primary_key=True)
    summary_id: int = Field(foreign_key="ip_summary.id", index=True)
    action: str = Field(max_length=500)
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    due_date: dt.date | None = None
    status: FollowUpStatus = Field(default=FollowUpStatus.OPEN, sa_type=enum_column(FollowUpStatus, 20))
    done_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())


class MeetingSummaryRead(SQLModel):
    id: int
    meeting_id: int
    overview: str = ""
    key_decisions: str
    classification: Clearance = Clearance.NONE
    written_by_id: int | None = None
    created_at: dt.datetime


class SummaryFollowUpRead(SQLModel):
    id: int
    summary_id: int
    action: str
    owner_id: int | None = None
    due_date: dt.date | None = None
    status: FollowUpStatus = FollowUpStatus.OPEN
    done_at: dt.datetime | None = None


# --- Documents and coordination ------------------------------------------------------------------------

class MeetingDocumentCreate(SQLModel):
    meeting_id: int
    direction: DocumentDirection
    title: str = Field(min_length=1, max_length=300)
    day: dt.date
    correspondence_id: int | None = None
    note: str = Field(default="", max_length=300)


class MeetingDocument(SQLModel, table=True):
    """A document received or sent for a meeting; ``correspondence_id`` is its entry in the correspondence
    register (งานสารบรรณ), whose number lists show."""

    __tablename__ = "ip_document"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="ip_meeting.id", index=True)
    direction: DocumentDirection = Field(sa_type=enum_column(DocumentDirection, 20))
    title: str = Field(max_length=300)
    day: dt.date
    correspondence_id: int | None = Field(default=None, foreign_key="correspondence.id", index=True)
    note: str = Field(default="", max_length=300)


class MeetingDocumentRead(MeetingDocumentCreate):
    id: int
    title: str


class CoordinationCreate(SQLModel):
    meeting_id: int | None = None
    organization_id: int | None = None
    asked_on: dt.date
    asked_by: str = Field(min_length=1, max_length=200, description="who asked (person or unit)")
    question: str = Field(min_length=1, sa_type=sa.Text)
    answer: str = Field(default="", sa_type=sa.Text)
    answered_on: dt.date | None = None
    decision: str = Field(default="", sa_type=sa.Text)


class CoordinationEntry(SQLModel, table=True):
    """The coordination log with the House of Representatives' secretariat on joint delegations."""

    __tablename__ = "ip_coordination"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int | None = Field(default=None, foreign_key="ip_meeting.id", index=True)
    organization_id: int | None = Field(default=None, foreign_key="organization.id")
    asked_on: dt.date
    asked_by: str = Field(max_length=200)
    question: str = Field(sa_type=sa.Text)
    answer: str = Field(default="", sa_type=sa.Text)
    answered_on: dt.date | None = None
    decision: str = Field(default="", sa_type=sa.Text)
    recorded_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()


class CoordinationRead(CoordinationCreate):
    id: int
    asked_by: str
    question: str
    recorded_by_id: int | None = None
    created_at: dt.datetime
