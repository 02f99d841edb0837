"""Visits and protocol: delegations in and out, engagements (courtesy calls, meetings, receptions...),
records of conversation with follow-ups, reception seating and the per-visit protocol checklist."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from workbench.models.base import Clearance, clearance_column, created_at_field, datetime_column, enum_column

MONEY = sa.Numeric(14, 2)


class Direction(enum.StrEnum):
    INBOUND = "inbound"  # foreign guests of the Senate
    OUTBOUND = "outbound"  # Thai delegation abroad


class VisitKind(enum.StrEnum):
    OFFICIAL_VISIT = "official_visit"
    STUDY_TRIP = "study_trip"
    CONFERENCE = "conference"
    COURTESY_PROGRAMME = "courtesy_programme"


class VisitStatus(enum.StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    REPORTED = "reported"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class MemberRole(enum.StrEnum):
    HEAD = "head"
    MEMBER = "member"
    SECRETARY = "secretary"
    ADVISER = "adviser"
    INTERPRETER = "interpreter"
    LIAISON = "liaison"


class EngagementKind(enum.StrEnum):
    COURTESY_CALL = "courtesy_call"
    MEETING = "meeting"
    RECEPTION = "reception"
    SITE_VISIT = "site_visit"
    AIRPORT_WELCOME = "airport_welcome"
    AIRPORT_FAREWELL = "airport_farewell"


class EngagementStatus(enum.StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class Side(enum.StrEnum):
    HOST = "host"
    GUEST = "guest"


# --- Visit ---------------------------------------------------------------------------------------------

class VisitBase(SQLModel):
    direction: Direction = Field(sa_type=enum_column(Direction, 20))
    kind: VisitKind = Field(sa_type=enum_column(VisitKind, 30))
    title_th: str = Field(min_length=1, max_length=300)
    title_en: str = Field(default="", max_length=300)
    principal_id: int | None = Field(default=None, foreign_key="person.id",
                                     description="host principal (inbound) or head of delegation (outbound)")
    country_id: int = Field(foreign_key="country.id", index=True)
    organization_id: int | None = Field(default=None, foreign_key="organization.id")
    start_date: dt.date = Field(index=True)
    end_date: dt.date = Field(index=True)
    cities: str = Field(default="", max_length=300)
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())
    notes: str = Field(default="", sa_type=sa.Text)


class VisitCreate(VisitBase):
    officer_ids: list[int] = Field(default_factory=list, description="responsible officers (staff people)")


class VisitUpdate(SQLModel):
    kind: VisitKind | None = None
    title_th: str | None = None
    title_en: str | None = None
    principal_id: int | None = None
    country_id: int | None = None
    organization_id: int | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    cities: str | None = None
    classification: Clearance | None = None
    notes: str | None = None
    officer_ids: list[int] | None = None


class Visit(VisitBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    status: VisitStatus = Field(default=VisitStatus.PROPOSED, sa_type=enum_column(VisitStatus, 20))
    status_reason: str = Field(default="", max_length=500)
    created_at: dt.datetime = created_at_field()
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class VisitRead(VisitBase):
    id: int
    status: VisitStatus
    status_reason: str = ""
    officer_ids: list[int] = Field(default_factory=list)


class VisitOfficer(SQLModel, table=True):
    __tablename__ = "visit_officer"

    visit_id: int = Field(foreign_key="visit.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True)


class DelegationMemberBase(SQLModel):
    visit_id: int = Field(foreign_key="visit.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    role: MemberRole = Field(default=MemberRole.MEMBER, sa_type=enum_column(MemberRole, 20))
    arrival: dt.datetime | None = Field(default=None, sa_type=datetime_column())
    departure: dt.datetime | None = Field(default=None, sa_type=datetime_column())
    dietary: str = Field(default="", max_length=300)
    accessibility: str = Field(default="", max_length=300)


class DelegationMemberCreate(DelegationMemberBase):
    pass


class DelegationMember(DelegationMemberBase, table=True):
    __tablename__ = "delegation_member"
    __table_args__ = (sa.UniqueConstraint("visit_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)


class DelegationMemberRead(DelegationMemberBase):
    id: int


# --- Engagement ----------------------------------------------------------------------------------------

class EngagementBase(SQLModel):
    visit_id: int | None = Field(default=None, foreign_key="visit.id", index=True)
    kind: EngagementKind = Field(sa_type=enum_column(EngagementKind, 30))
    title_th: str = Field(min_length=1, max_length=300)
    title_en: str = Field(default="", max_length=300)
    start: dt.datetime = Field(sa_type=datetime_column(), index=True, description="local time (Bangkok)")
    end: dt.datetime = Field(sa_type=datetime_column(), index=True)
    venue: str = Field(default="", max_length=300)
    country_id: int | None = Field(default=None, foreign_key="country.id", index=True)
    organization_id: int | None = Field(default=None, foreign_key="organization.id")
    host_id: int | None = Field(default=None, foreign_key="person.id", description="host of a reception")
    cost_estimate: Decimal | None = Field(default=None, sa_type=MONEY, ge=0, decimal_places=2)
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())
    notes: str = Field(default="", sa_type=sa.Text)


class EngagementCreate(EngagementBase):
    principal_ids: list[int] = Field(default_factory=list, description="Senate principals taking part")
    guest_ids: list[int] = Field(default_factory=list, description="visitors and other participants")


class EngagementUpdate(SQLModel):
    kind: EngagementKind | None = None
    title_th: str | None = None
    title_en: str | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    venue: str | None = None
    country_id: int | None = None
    organization_id: int | None = None
    host_id: int | None = None
    cost_estimate: Decimal | None = None
    classification: Clearance | None = None
    notes: str | None = None
    principal_ids: list[int] | None = None
    guest_ids: list[int] | None = None


class Engagement(EngagementBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    status: EngagementStatus = Field(default=EngagementStatus.PLANNED, sa_type=enum_column(EngagementStatus, 20))
    created_at: dt.datetime = created_at_field()


class EngagementRead(EngagementBase):
    id: int
    status: EngagementStatus
    principal_ids: list[int] = Field(default_factory=list)
    guest_ids: list[int] = Field(default_factory=list)


class EngagementParticipant(SQLModel, table=True):
    """Who takes part: Senate principals and hosts on the host side, visitors on the guest side."""

    __tablename__ = "engagement_participant"

    engagement_id: int = Field(foreign_key="engagement.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True)
    side: Side = Field(sa_type=enum_column(Side, 10))
    is_principal: bool = False
    precedence_code: str | None = Field(default=None, foreign_key="precedence_rank.code", max_length=60,
                                        description="rank for seating; default from the person's post")
    dietary: str = Field(default="", max_length=300)


# --- Records of conversation ---------------------------------------------------------------------------

class ConversationRecordBase(SQLModel):
    engagement_id: int = Field(foreign_key="engagement.id")
    attendees: str = Field(default="", sa_type=sa.Text)
    topics: str = Field(default="", sa_type=sa.Text)
    summary: str = Field(min_length=1, sa_type=sa.Text)
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())


class ConversationRecordCreate(ConversationRecordBase):
    follow_ups: list[FollowUpCreate] = Field(default_factory=list)


class ConversationRecord(ConversationRecordBase, table=True):
    __tablename__ = "conversation_record"

    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = Field(foreign_key="engagement.id", unique=True)
    recorded_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()


class ConversationRecordRead(ConversationRecordBase):
    id: int
    recorded_by_id: int | None = None
    created_at: dt.datetime


class FollowUpCreate(SQLModel):
    action: str = Field(min_length=1, max_length=500)
    owner_id: int | None = None
    due_date: dt.date | None = None


ConversationRecordCreate.model_rebuild()


class FollowUp(SQLModel, table=True):
    __tablename__ = "follow_up"

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="conversation_record.id", index=True)
    action: str = Field(max_length=500)
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    due_date: dt.date | None = None
    done: bool = False
    done_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())


class FollowUpRead(SQLModel):
    id: int
    record_id: int
    action: str
    owner_id: int | None = None
    due_date: dt.date | None = None
    done: bool = False
    done_at: dt.datetime | None = None


# --- Protocol checklist --------------------------------------------------------------------------------

class ChecklistItem(SQLModel, table=True):
    """One task of a visit's protocol checklist, made from the template in data/protocol_checklist.csv."""

    __tablename__ = "checklist_item"
    __table_args__ = (sa.UniqueConstraint("visit_id", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int = Field(foreign_key="visit.id", index=True)
    code: str = Field(max_length=40)
    label_th: str = Field(max_length=200)
    label_en: str = Field(default="", max_length=200)
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    due_date: dt.date
    done: bool = False
    done_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())


class ChecklistItemRead(SQLModel):
    id: int
    visit_id: int
    code: str
    label_th: str
    label_en: str = ""
    owner_id: int | None = None
    due_date: dt.date
    done: bool = False
    done_at: dt.datetime | None = None


class ChecklistTemplateItem(SQLModel, table=True):
    """The protocol checklist template (data/protocol_checklist.csv): what every visit needs, and when."""

    __tablename__ = "checklist_template_item"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True, index=True)
    label_th: str = Field(max_length=200)
    label_en: str = Field(default="", max_length=200)
    days_before: int = Field(description="due this many days before the visit starts (negative: after it ends)")
    direction: str = Field(default="both", max_length=10, description="inbound, outbound or both")
    sort_order: int = 0
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None


# --- Order of precedence (reference data) ---------------------------------------------------------------

class PrecedenceRank(SQLModel, table=True):
    """A rank in the order of precedence used to seat receptions (data/precedence.csv, editable)."""

    __tablename__ = "precedence_rank"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=60, unique=True, index=True)
    label_th: str = Field(max_length=200)
    label_en: str = Field(default="", max_length=200)
    rank: int
    post_code: str | None = Field(default=None, max_length=80, description="Senate post that holds this rank")
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
