"""People and organisations in the Popolo shape: Person, Organization, Post, dated Membership."""

from __future__ import annotations

import datetime as dt
import enum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from workbench.models.base import created_at_field, enum_column


class Gender(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"
    UNSPECIFIED = "unspecified"


class OrgClassification(enum.StrEnum):
    SENATE_OFFICE = "senate_office"
    STANDING_COMMITTEE = "standing_committee"
    SECRETARIAT_UNIT = "secretariat_unit"
    FOREIGN_PARLIAMENT = "foreign_parliament"
    EMBASSY = "embassy"
    INTERPARLIAMENTARY = "interparliamentary"
    INTERNATIONAL_ORGANIZATION = "international_organization"
    GOVERNMENT_AGENCY = "government_agency"


# --- Person -------------------------------------------------------------------------------------------

class PersonBase(SQLModel):
    honorific_th: str = Field(default="", max_length=80)
    given_name_th: str = Field(default="", max_length=120)
    family_name_th: str = Field(default="", max_length=120)
    honorific_en: str = Field(default="", max_length=80)
    given_name_en: str = Field(default="", max_length=120)
    family_name_en: str = Field(default="", max_length=120)
    gender: Gender = Field(default=Gender.UNSPECIFIED, sa_type=enum_column(Gender, 20))
    nationality_id: int | None = Field(default=None, foreign_key="country.id")
    biography: str = Field(default="", sa_type=sa.Text)
    email: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=60)

    def display_name(self, lang: str = "th") -> str:
        """Honorific and full name in ``lang``, falling back to the other language."""
        # Thai writes a title against the name (นายสมชาย); an abbreviation ending in ฯ or a Latin name gets a space
        spaced = self.honorific_th.endswith("ฯ") or self.given_name_th[:1].isascii()
        space = ' ' if spaced and self.honorific_th else ''
        th = f"{self.honorific_th}{space}{self.given_name_th} {self.family_name_th}".strip()
        en = " ".join(p for p in (self.honorific_en, self.given_name_en, self.family_name_en) if p)
        if lang == "th":
            return th if self.given_name_th else en
        return en if self.given_name_en else th


class PersonCreate(PersonBase):
    """What a form may send to create a person (rules such as "a name is required" live in the service)."""


class PersonUpdate(SQLModel):
    honorific_th: str | None = None
    given_name_th: str | None = None
    family_name_th: str | None = None
    honorific_en: str | None = None
    given_name_en: str | None = None
    family_name_en: str | None = None
    gender: Gender | None = None
    nationality_id: int | None = None
    biography: str | None = None
    email: str | None = None
    phone: str | None = None


class Person(PersonBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    created_at: dt.datetime = created_at_field()


# The Thai form of a title written in English (the practice of the Ministry of Foreign Affairs' protocol
# department, compiled by the project; to confirm with the office's protocol group). Keys are lower case.
THAI_TITLES = {
    "mr.": "นาย", "mr": "นาย", "mrs.": "นาง", "mrs": "นาง", "ms.": "นางสาว", "ms": "นางสาว", "miss": "นางสาว",
    "dr.": "ดร.", "dr": "ดร.", "h.e.": "ฯพณฯ", "he": "ฯพณฯ", "his excellency": "ฯพณฯ", "her excellency": "ฯพณฯ",
    "hon.": "ฯพณฯ", "the hon.": "ฯพณฯ", "the honourable": "ฯพณฯ", "the honorable": "ฯพณฯ",
    "prof.": "ศาสตราจารย์", "professor": "ศาสตราจารย์", "assoc. prof.": "รองศาสตราจารย์",
    "asst. prof.": "ผู้ช่วยศาสตราจารย์", "sir": "เซอร์", "dame": "เดม", "gen.": "พลเอก", "general": "พลเอก",
    "adm.": "พลเรือเอก", "admiral": "พลเรือเอก", "air chief marshal": "พลอากาศเอก", "pol. gen.": "พลตำรวจเอก",
}
# Titles Thai writes against the name without a space (นายสมชาย, ดร.สมชาย); others (ฯพณฯ, พลเอก, a Latin name)
# are followed by a space
ATTACHED_TITLES = ("นาย", "นาง", "นางสาว", "เด็กชาย", "เด็กหญิง")


def thai_title(person: PersonBase) -> str:
    """The person's Thai title: their own, else the Thai form of their English one (Mr. → นาย), else none."""
    if person.honorific_th.strip():
        return person.honorific_th.strip()
    return THAI_TITLES.get(" ".join(person.honorific_en.lower().split()), "")


def person_name(person: PersonBase | None, lang: str = "th", *, form: str = "table", foreign: bool = False) -> str:
    """A person's name as official documents write it, with the title, given name first.

    Thai: the Thai title (the person's own, or the Thai form of the English one) and the Thai name, or the name
    as written in English when there is no Thai one ("นายสมชาย ใจดี", "ฯพณฯ John Smith", "ดร.สมศรี ดีมาก").
    English: the English title and name, or the Thai name when there is no English one. ``form="letter"`` names
    a ``foreign`` person who has a Thai name also as written in their own language, in brackets, as a letter
    names a foreign dignitary ("ฯพณฯ เกรซ เอ็กแซมเปิล (Hon. Grace Example)"); ``"table"`` keeps one name.
    """
    if person is None:
        return ""
    english = " ".join(p for p in (person.honorific_en, person.given_name_en, person.family_name_en) if p.strip())
    if lang != "th":
        if person.given_name_en.strip():
            return english
        return person_name(person, "th")
    if person.given_name_th.strip():
        name = f"{person.given_name_th.strip()} {person.family_name_th.strip()}".strip()
    else:
        name = f"{person.given_name_en.strip()} {person.family_name_en.strip()}".strip()
    title = thai_title(person)
    attached = (title in ATTACHED_TITLES or title.endswith(".")) and not name[:1].isascii()
    text = f"{title}{'' if attached else ' '}{name}".strip() if title else name
    thai_script = not person.given_name_th.strip()[:1].isascii()
    if form == "letter" and foreign and thai_script and person.given_name_th.strip() and person.given_name_en.strip():
        text = f"{text} ({english})"
    return text


class PersonRead(PersonBase):
    id: int


# --- Organization -------------------------------------------------------------------------------------

class OrganizationBase(SQLModel):
    code: str | None = Field(default=None, max_length=80, description="stable slug for reference data")
    abbreviation: str = Field(default="", max_length=40)
    name_th: str = Field(min_length=1, max_length=250)
    name_en: str = Field(default="", max_length=250)
    classification: OrgClassification = Field(sa_type=enum_column(OrgClassification, 40))
    parent_id: int | None = Field(default=None, foreign_key="organization.id")
    country_id: int | None = Field(default=None, foreign_key="country.id")
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
    note: str = Field(default="", max_length=300)

    def display_name(self, lang: str = "th") -> str:
        return (self.name_th if lang == "th" else self.name_en) or self.name_th or self.name_en


class OrganizationCreate(OrganizationBase):
    pass


class Organization(OrganizationBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str | None = Field(default=None, max_length=80, unique=True, index=True)


class OrganizationRead(OrganizationBase):
    id: int


# --- Post and Membership ------------------------------------------------------------------------------

class PostBase(SQLModel):
    code: str | None = Field(default=None, max_length=80)
    organization_id: int = Field(foreign_key="organization.id")
    label_th: str = Field(min_length=1, max_length=200)
    label_en: str = Field(default="", max_length=200)
    precedence: int = Field(default=100, description="order among principals; smaller is senior")
    single_holder: bool = Field(default=True, description="held by one person at a time (not 'senator')")
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None
    note: str = Field(default="", max_length=300)


class PostCreate(PostBase):
    pass


class Post(PostBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str | None = Field(default=None, max_length=80, unique=True, index=True)


class PostRead(PostBase):
    id: int


class MembershipBase(SQLModel):
    person_id: int = Field(foreign_key="person.id", index=True)
    organization_id: int = Field(foreign_key="organization.id", index=True)
    post_id: int | None = Field(default=None, foreign_key="post.id", index=True)
    role_th: str = Field(default="", max_length=120)
    role_en: str = Field(default="", max_length=120)
    start_date: dt.date
    end_date: dt.date | None = None


class MembershipCreate(MembershipBase):
    pass


class Membership(MembershipBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    created_at: dt.datetime = created_at_field()

    def active_on(self, day: dt.date) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


class MembershipRead(MembershipBase):
    id: int
