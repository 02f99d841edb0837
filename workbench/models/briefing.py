"""Briefing preparation: dated country facts, parliaments in IPU Parline's shape, monitoring notes, talking
points, agreements, and the briefing packs users save for an engagement.

Nothing is overwritten by users: a corrected fact, chamber figure, note or talking point is a new row (notes and
talking points point back with ``supersedes_id``); the current value is the newest one. Only reference rows loaded
from ``data/`` are updated in place by ``workbench init`` (the audit trail keeps what they were).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from workbench.models.base import Clearance, clearance_column, created_at_field, datetime_column, enum_column


class Origin(enum.StrEnum):
    REFERENCE = "reference"  # loaded from data/*.csv by `workbench init`
    IMPORT = "import"  # from a file a user supplied (a Parline export)
    ANALYST = "analyst"  # typed in by an analyst
    DEMO = "demo"  # the fictional demo office


# --- Country profile: dated facts ----------------------------------------------------------------------

class FactKey(enum.StrEnum):
    CAPITAL = "capital"
    AREA_KM2 = "area_km2"
    POPULATION = "population"
    LANGUAGES = "languages"
    CURRENCY = "currency"
    GOVERNMENT_SYSTEM = "government_system"
    HEAD_OF_STATE = "head_of_state"
    HEAD_OF_GOVERNMENT = "head_of_government"


NUMERIC_FACTS = frozenset({FactKey.AREA_KM2, FactKey.POPULATION})


class CountryFactBase(SQLModel):
    country_id: int = Field(foreign_key="country.id", index=True)
    key: FactKey = Field(sa_type=enum_column(FactKey, 40))
    value: str = Field(min_length=1, max_length=500)
    value_th: str = Field(default="", max_length=500, description="the value in Thai where it differs; empty: none")
    source: str = Field(min_length=1, max_length=300, description="where the value comes from")
    as_of: dt.date | None = Field(default=None, description="date the value refers to; empty when unknown")
    note: str = Field(default="", max_length=300)


class CountryFactCreate(CountryFactBase):
    pass


class CountryFact(CountryFactBase, table=True):
    __tablename__ = "country_fact"

    id: int | None = Field(default=None, primary_key=True)
    origin: Origin = Field(default=Origin.ANALYST, sa_type=enum_column(Origin, 20))
    entered_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()


class CountryFactRead(CountryFactBase):
    id: int
    origin: Origin
    created_at: dt.datetime


# --- Parliaments (IPU Parline's shape) -----------------------------------------------------------------

class Structure(enum.StrEnum):
    UNICAMERAL = "unicameral"
    BICAMERAL = "bicameral"


class ChamberType(enum.StrEnum):
    UNICAMERAL = "unicameral"
    UPPER = "upper"
    LOWER = "lower"


class Designation(enum.StrEnum):
    """How members come to sit (Parline: "members' designation")."""

    ELECTED = "elected"  # directly elected
    INDIRECTLY_ELECTED = "indirectly_elected"
    APPOINTED = "appointed"
    SELECTED = "selected"  # chosen among candidates (Thailand's Senate since 2024)
    MIXED = "mixed"


class ParliamentBase(SQLModel):
    country_id: int = Field(foreign_key="country.id")
    name_th: str = Field(default="", max_length=250)
    name_en: str = Field(default="", max_length=250)
    structure: Structure = Field(sa_type=enum_column(Structure, 20))
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
    note: str = Field(default="", max_length=300)


class Parliament(ParliamentBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    country_id: int = Field(foreign_key="country.id", unique=True, index=True)


class Chamber(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("parliament_id", "chamber_type"),)

    id: int | None = Field(default=None, primary_key=True)
    parliament_id: int = Field(foreign_key="parliament.id", index=True)
    chamber_type: ChamberType = Field(sa_type=enum_column(ChamberType, 20))
    name_th: str = Field(default="", max_length=250)
    name_en: str = Field(default="", max_length=250)


class ChamberSnapshotBase(SQLModel):
    """The figures of one chamber as of one date (a Parline row). Empty values are unknown."""

    chamber_id: int = Field(foreign_key="chamber.id", index=True)
    as_of: dt.date
    source: str = Field(min_length=1, max_length=300)
    statutory_seats: int | None = Field(default=None, ge=0)
    current_members: int | None = Field(default=None, ge=0)
    women_members: int | None = Field(default=None, ge=0)
    women_pct: Decimal | None = Field(default=None, sa_type=sa.Numeric(5, 2), ge=0, le=100, decimal_places=2)
    electoral_system: str = Field(default="", max_length=300)
    electoral_system_th: str = Field(default="", max_length=300, description="in Thai, for Thai packs; empty: none")
    designation: Designation | None = Field(default=None, sa_type=enum_column(Designation, 30))
    term_years: int | None = Field(default=None, ge=0, le=99)
    speaker: str = Field(default="", max_length=200)
    last_election: dt.date | None = None
    next_election: str = Field(default="", max_length=60, description="as given: a date, a month or a year")
    note: str = Field(default="", max_length=500)


class ChamberSnapshotCreate(ChamberSnapshotBase):
    pass


class ChamberSnapshot(ChamberSnapshotBase, table=True):
    __tablename__ = "chamber_snapshot"

    id: int | None = Field(default=None, primary_key=True)
    origin: Origin = Field(default=Origin.ANALYST, sa_type=enum_column(Origin, 20))
    entered_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()


class ChamberSnapshotRead(ChamberSnapshotBase):
    id: int
    origin: Origin
    entered_by_id: int | None = None
    created_at: dt.datetime


# --- Monitoring notes ----------------------------------------------------------------------------------

class NoteCategory(enum.StrEnum):
    POLITICAL = "political"
    ECONOMIC = "economic"
    SOCIAL = "social"
    SECURITY = "security"
    FOREIGN_POLICY = "foreign_policy"
    PARLIAMENT = "parliament"


class MonitoringNoteBase(SQLModel):
    country_id: int = Field(foreign_key="country.id", index=True)
    noted_on: dt.date = Field(index=True, description="date of the development")
    category: NoteCategory = Field(sa_type=enum_column(NoteCategory, 30))
    title: str = Field(min_length=1, max_length=300)
    summary: str = Field(default="", sa_type=sa.Text)
    source_url: str = Field(default="", max_length=500)
    tags: str = Field(default="", max_length=300, description="comma-separated")
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())


class MonitoringNoteCreate(MonitoringNoteBase):
    pass


class MonitoringNote(MonitoringNoteBase, table=True):
    __tablename__ = "monitoring_note"

    id: int | None = Field(default=None, primary_key=True)
    search_text: str = Field(default="", sa_type=sa.Text, description="case-folded title, summary and tags")
    supersedes_id: int | None = Field(default=None, foreign_key="monitoring_note.id", index=True)
    author_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()


class MonitoringNoteRead(MonitoringNoteBase):
    id: int
    supersedes_id: int | None = None
    author_id: int | None = None
    created_at: dt.datetime


# --- Talking points ------------------------------------------------------------------------------------

class TalkingPointBase(SQLModel):
    country_id: int = Field(foreign_key="country.id", index=True)
    topic: str = Field(min_length=1, max_length=200)
    text_th: str = Field(min_length=1, sa_type=sa.Text)
    text_en: str = Field(default="", sa_type=sa.Text)
    valid_from: dt.date
    valid_until: dt.date | None = None
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class TalkingPointCreate(TalkingPointBase):
    pass


class TalkingPoint(TalkingPointBase, table=True):
    __tablename__ = "talking_point"

    id: int | None = Field(default=None, primary_key=True)
    approved: bool = False
    approved_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    approved_at: dt.datetime | None = Field(default=None, sa_type=datetime_column())
    supersedes_id: int | None = Field(default=None, foreign_key="talking_point.id", index=True)
    author_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()


class TalkingPointRead(TalkingPointBase):
    id: int
    approved: bool
    approved_by_id: int | None = None
    approved_at: dt.datetime | None = None
    supersedes_id: int | None = None
    author_id: int | None = None
    created_at: dt.datetime


# --- Agreements (for the relations history) ------------------------------------------------------------

class AgreementKind(enum.StrEnum):
    TREATY = "treaty"
    MOU = "mou"
    JOINT_STATEMENT = "joint_statement"
    OTHER = "other"


class AgreementBase(SQLModel):
    country_id: int = Field(foreign_key="country.id", index=True)
    kind: AgreementKind = Field(sa_type=enum_column(AgreementKind, 30))
    title_th: str = Field(min_length=1, max_length=300)
    title_en: str = Field(default="", max_length=300)
    signed_on: dt.date
    place: str = Field(default="", max_length=200)
    parties: str = Field(default="", max_length=500)
    summary: str = Field(default="", sa_type=sa.Text)
    source_url: str = Field(default="", max_length=500)
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())


class AgreementCreate(AgreementBase):
    pass


class Agreement(AgreementBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    entered_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()


class AgreementRead(AgreementBase):
    id: int
    entered_by_id: int | None = None
    created_at: dt.datetime


# --- Saved briefing packs ------------------------------------------------------------------------------

class BriefingPackPointEdit(SQLModel):
    """One talking point as the user chose and worded it for this pack."""

    talking_point_id: int | None = None
    topic: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1)
    classification: Clearance = Clearance.NONE


class BriefingPackCreate(SQLModel):
    engagement_id: int
    remarks: str = ""
    points: list[BriefingPackPointEdit] = Field(default_factory=list)


class BriefingPack(SQLModel, table=True):
    """A version of an engagement's pack as a user saved it (each save is a new version; none is overwritten)."""

    __tablename__ = "briefing_pack"
    __table_args__ = (sa.UniqueConstraint("engagement_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    engagement_id: int = Field(foreign_key="engagement.id", index=True)
    version: int
    remarks: str = Field(default="", sa_type=sa.Text)
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    created_at: dt.datetime = created_at_field()


class BriefingPackRead(SQLModel):
    id: int
    engagement_id: int
    version: int
    remarks: str = ""
    created_by_id: int | None = None
    created_at: dt.datetime


class BriefingPackPoint(SQLModel, table=True):
    __tablename__ = "briefing_pack_point"

    id: int | None = Field(default=None, primary_key=True)
    pack_id: int = Field(foreign_key="briefing_pack.id", index=True)
    position: int
    talking_point_id: int | None = Field(default=None, foreign_key="talking_point.id")
    topic: str = Field(max_length=200)
    text: str = Field(sa_type=sa.Text)
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())


class BriefingPackPointRead(SQLModel):
    id: int
    pack_id: int
    position: int
    talking_point_id: int | None = None
    topic: str
    text: str
    classification: Clearance = Clearance.NONE
