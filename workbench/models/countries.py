"""Countries: ISO 3166-1 codes, Thai and English names, and the office's monitoring region."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from workbench.models.base import Region, enum_column


class CountryBase(SQLModel):
    iso2: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")
    iso3: str = Field(min_length=3, max_length=3, description="ISO 3166-1 alpha-3")
    numeric: str = Field(default="", max_length=3)
    name_en: str = Field(min_length=1, max_length=120)
    name_th: str = Field(min_length=1, max_length=120)
    # the long (formal) names for letters, as the Ministry of Foreign Affairs writes them; empty: the short name
    name_th_long: str = Field(default="", max_length=200)
    name_en_long: str = Field(default="", max_length=200)
    region: Region = Field(sa_type=enum_column(Region, 20))
    source: str = Field(default="", max_length=300)
    as_of: dt.date | None = None

    def display_name(self, lang: str) -> str:
        """The name a reader of ``lang`` sees: Thai for "th", else English (Thai when there is no English name)."""
        return self.name_th if lang == "th" else (self.name_en or self.name_th)


class Country(CountryBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    iso2: str = Field(max_length=2, unique=True, index=True)


class CountryRead(CountryBase):
    id: int


def long_name(country: CountryBase | None, lang: str = "th") -> str:
    """The name a letter uses ("สาธารณรัฐเกาหลี", "the Republic of Korea" without the article): the long form
    where the reference data has one, else the short name; tables and lists keep the short name."""
    if country is None:
        return ""
    if lang == "th":
        return country.name_th_long or country.name_th
    return country.name_en_long or country.name_en
