"""The documents of a visit: programme details per engagement (dress code, contact officer), the saved versions
of programmes and trip reports (what each contained, to list the changes since the last one), and the narrative
parts of a trip report that the analyst writes (every save is a new version: nothing is overwritten)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from workbench.models.base import Clearance, clearance_column, created_at_field, enum_column


class VisitDocumentKind(enum.StrEnum):
    PROGRAMME = "programme"
    TRIP_REPORT = "trip_report"


class ProgrammeDetailsUpdate(SQLModel):
    """What a programme shows about an engagement beyond the engagement itself."""

    dress_code_th: str = Field(default="", max_length=200)
    dress_code_en: str = Field(default="", max_length=200)
    contact_person_id: int | None = None


class ProgrammeDetailsRead(ProgrammeDetailsUpdate):
    engagement_id: int


class ProgrammeDetails(SQLModel, table=True):
    __tablename__ = "engagement_programme_details"

    engagement_id: int = Field(foreign_key="engagement.id", primary_key=True)
    dress_code_th: str = Field(default="", max_length=200)
    dress_code_en: str = Field(default="", max_length=200)
    contact_person_id: int | None = Field(default=None, foreign_key="person.id")


class VisitDocumentVersion(SQLModel, table=True):
    """One saved version of a visit's programme or trip report: its number, language and content (the rows)."""

    __tablename__ = "visit_document_version"
    __table_args__ = (sa.UniqueConstraint("visit_id", "kind", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int = Field(foreign_key="visit.id", index=True)
    kind: VisitDocumentKind = Field(sa_type=enum_column(VisitDocumentKind, 20))
    number: int
    lang: str = Field(default="th", max_length=10)
    content: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    classification: Clearance = Field(default=Clearance.NONE, sa_type=clearance_column())
    created_at: dt.datetime = created_at_field()
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class ReportNarrativeCreate(SQLModel):
    summary: str = Field(default="", sa_type=sa.Text)
    outcomes: str = Field(default="", sa_type=sa.Text)
    recommendations: str = Field(default="", sa_type=sa.Text)


class ReportNarrative(ReportNarrativeCreate, table=True):
    """The analyst's narrative of a trip report or visit summary; the newest version is the one used."""

    __tablename__ = "visit_report_narrative"
    __table_args__ = (sa.UniqueConstraint("visit_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int = Field(foreign_key="visit.id", index=True)
    version: int
    created_at: dt.datetime = created_at_field()
    created_by_id: int | None = Field(default=None, foreign_key="app_user.id")


class ReportNarrativeRead(ReportNarrativeCreate):
    id: int
    visit_id: int
    version: int
    created_at: dt.datetime
    created_by_id: int | None = None
