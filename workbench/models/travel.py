"""Travel documents: passports with the history of their moves, the rules that decide whether a member of an
outbound delegation is ready (reference data, editable), visa requests tracked to their outcome, and the official
letters (passport request, visa note verbale) produced for a visit: drafts carry no number, issued letters carry
the outgoing number of their correspondence register entry."""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from workbench.models.base import created_at_field, enum_column


class PassportType(enum.StrEnum):
    DIPLOMATIC = "diplomatic"  # หนังสือเดินทางทูต (red)
    OFFICIAL = "official"  # หนังสือเดินทางราชการ (dark blue)
    ORDINARY = "ordinary"  # หนังสือเดินทางธรรมดา


class PassportLocation(enum.StrEnum):
    OFFICE = "office"  # kept by the Foreign Affairs Office
    HOLDER = "holder"  # with its holder
    MFA = "mfa"  # returned to (or lodged with) the Ministry of Foreign Affairs
    EMBASSY = "embassy"  # lodged with an embassy for a visa


class PassportStatus(enum.StrEnum):
    VALID = "valid"
    CANCELLED = "cancelled"  # replaced, lost or cancelled: kept for the record


class VisaStatus(enum.StrEnum):
    TO_REQUEST = "to_request"
    REQUESTED = "requested"
    RECEIVED = "received"
    REFUSED = "refused"
    NOT_NEEDED = "not_needed"


class VisaRule(enum.StrEnum):
    REQUIRED = "required"
    NOT_REQUIRED = "not_required"
    ON_ARRIVAL = "on_arrival"


class LetterKind(enum.StrEnum):
    PASSPORT = "passport"  # หนังสือภายนอก to the Department of Consular Affairs
    VISA = "visa"  # note verbale to an embassy


class LetterStatus(enum.StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"


# --- Passports ----------------------------------------------------------------------------------------

class PassportBase(SQLModel):
    person_id: int = Field(foreign_key="person.id", index=True)
    passport_type: PassportType = Field(sa_type=enum_column(PassportType, 20))
    number: str = Field(min_length=1, max_length=20)
    issue_date: dt.date
    expiry_date: dt.date = Field(index=True)
    name_in_passport: str = Field(default="", max_length=200,
                                  description="the holder's name as printed in the passport (SURNAME Given names)")
    location: PassportLocation = Field(default=PassportLocation.OFFICE, sa_type=enum_column(PassportLocation, 20))
    note: str = Field(default="", max_length=500)


class PassportCreate(PassportBase):
    pass


class Passport(PassportBase, table=True):
    __table_args__ = (sa.UniqueConstraint("passport_type", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    status: PassportStatus = Field(default=PassportStatus.VALID, sa_type=enum_column(PassportStatus, 20))
    created_at: dt.datetime = created_at_field()


class PassportRead(PassportBase):
    id: int
    status: PassportStatus


class PassportMoveCreate(SQLModel):
    passport_id: int
    location: PassportLocation
    moved_on: dt.date
    note: str = Field(default="", max_length=500)


class PassportMove(SQLModel, table=True):
    """One move of a passport (handed to the holder, returned to the office, lodged with the Ministry...)."""

    __tablename__ = "passport_move"

    id: int | None = Field(default=None, primary_key=True)
    passport_id: int = Field(foreign_key="passport.id", index=True)
    from_location: PassportLocation | None = Field(default=None, sa_type=enum_column(PassportLocation, 20))
    location: PassportLocation = Field(sa_type=enum_column(PassportLocation, 20))
    moved_on: dt.date
    note: str = Field(default="", max_length=500)
    recorded_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    recorded_at: dt.datetime = created_at_field()


class PassportMoveRead(SQLModel):
    id: int
    passport_id: int
    from_location: PassportLocation | None = None
    location: PassportLocation
    moved_on: dt.date
    note: str = ""
    recorded_by_id: int | None = None
    recorded_at: dt.datetime


# --- Visa requests ------------------------------------------------------------------------------------

class VisaRequest(SQLModel, table=True):
    """The visa of one member of an outbound visit for one country, tracked to its outcome."""

    __tablename__ = "visa_request"
    __table_args__ = (sa.UniqueConstraint("visit_id", "person_id", "country_id"),)

    id: int | None = Field(default=None, primary_key=True)
    visit_id: int = Field(foreign_key="visit.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    country_id: int = Field(foreign_key="country.id")
    status: VisaStatus = Field(default=VisaStatus.TO_REQUEST, sa_type=enum_column(VisaStatus, 20))
    requested_on: dt.date | None = None
    decided_on: dt.date | None = None
    letter_id: int | None = Field(default=None, foreign_key="travel_letter.id")
    note: str = Field(default="", max_length=500)
    updated_at: dt.datetime = created_at_field()


class VisaRequestRead(SQLModel):
    id: int
    visit_id: int
    person_id: int
    country_id: int
    status: VisaStatus = VisaStatus.TO_REQUEST
    requested_on: dt.date | None = None
    decided_on: dt.date | None = None
    letter_id: int | None = None
    note: str = ""
    updated_at: dt.datetime


# --- Letters ------------------------------------------------------------------------------------------

class TravelLetter(SQLModel, table=True):
    """An issued travel letter: its outgoing number comes from the correspondence register entry, allocated in
    the same transaction. Drafts are not stored (they are made again on demand and carry no number)."""

    __tablename__ = "travel_letter"

    id: int | None = Field(default=None, primary_key=True)
    kind: LetterKind = Field(sa_type=enum_column(LetterKind, 20))
    visit_id: int = Field(foreign_key="visit.id", index=True)
    country_id: int | None = Field(default=None, foreign_key="country.id")
    status: LetterStatus = Field(default=LetterStatus.ISSUED, sa_type=enum_column(LetterStatus, 20))
    correspondence_id: int | None = Field(default=None, index=True, foreign_key="correspondence.id",
                                          description="the outgoing register entry")
    display_number: str = Field(default="", max_length=60, description="ที่ … as printed, e.g. สว 0010/1234")
    letter_date: dt.date
    subject: str = Field(default="", max_length=500)
    recipient: str = Field(default="", max_length=300)
    member_ids: str = Field(default="", max_length=500, description="the delegation listed, person ids in order")
    issued_by_id: int | None = Field(default=None, foreign_key="app_user.id")
    issued_at: dt.datetime = created_at_field()


class TravelLetterRead(SQLModel):
    id: int
    kind: LetterKind
    visit_id: int
    country_id: int | None
    status: LetterStatus
    correspondence_id: int | None
    display_number: str
    letter_date: dt.date
    subject: str
    recipient: str


# --- Reference data (data/travel_*.csv) ----------------------------------------------------------------

class TravelRule(SQLModel, table=True):
    """A numeric travel rule (data/travel_rules.csv): passport validity margin, expiry warning window."""

    __tablename__ = "travel_rule"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=60, unique=True, index=True)
    value: int
    unit: str = Field(default="days", max_length=10, description="days or months")
    label_th: str = Field(default="", max_length=200)
    label_en: str = Field(default="", max_length=200)
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
    note: str = Field(default="", max_length=300)


class TravelLeadTime(SQLModel, table=True):
    """How many days before departure a step must be done (data/travel_lead_times.csv)."""

    __tablename__ = "travel_lead_time"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=60, unique=True, index=True)
    label_th: str = Field(max_length=200)
    label_en: str = Field(default="", max_length=200)
    days_before: int
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
    note: str = Field(default="", max_length=300)


class PassportTypeRule(SQLModel, table=True):
    """The passport type a member needs for official travel, by Senate post (``*``: anyone else)."""

    __tablename__ = "passport_type_rule"

    id: int | None = Field(default=None, primary_key=True)
    post_code: str = Field(max_length=80, unique=True, index=True)
    passport_type: PassportType = Field(sa_type=enum_column(PassportType, 20))
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
    note: str = Field(default="", max_length=300)


class VisaRequirement(SQLModel, table=True):
    """Whether a Thai passport of a type needs a visa for a destination (``*``: any other country)."""

    __tablename__ = "visa_requirement"
    __table_args__ = (sa.UniqueConstraint("iso2", "passport_type"),)

    id: int | None = Field(default=None, primary_key=True)
    iso2: str = Field(max_length=2, index=True)
    passport_type: PassportType = Field(sa_type=enum_column(PassportType, 20))
    rule: VisaRule = Field(sa_type=enum_column(VisaRule, 20))
    max_stay_days: int | None = None
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
    note: str = Field(default="", max_length=300)
