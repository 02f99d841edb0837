"""Dates of recurring meetings computed from their series: cadence (months of the year, usual opening day,
duration), numbering from an anchor meeting, and the host from the rotation (a known host for a year wins).

Pure functions over the reference rows, so any range of years ahead can be generated without storing anything.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from workbench.models.interparliamentary import HostRotation, MeetingSeries


@dataclass(frozen=True)
class Host:
    country_id: int | None
    city_th: str = ""
    city_en: str = ""
    known: bool = False  # a host confirmed for that year rather than inferred from the rotation


@dataclass(frozen=True)
class Occurrence:
    """One meeting of a series, as the cadence predicts it (not yet entered as a meeting)."""

    series_id: int
    series_code: str
    organization_id: int
    kind: str
    year: int
    place_in_year: int  # 1 for the first meeting of the year
    number: int | None
    start: dt.date
    end: dt.date
    host: Host

    @property
    def key(self) -> str:
        return f"{self.series_code}:{self.year}:{self.place_in_year}"

    def title(self, series: MeetingSeries, lang: str = "th") -> str:
        template = (series.title_en or series.title_th) if lang == "en" else series.title_th
        return template.replace("{number}", str(self.number) if self.number is not None else "").replace("  ", " ").strip()


def months_of(series: MeetingSeries) -> list[int]:
    return [int(m) for m in series.months.split(";") if m.strip()]


def _number(series: MeetingSeries, year: int, place: int, per_year: int) -> int | None:
    if series.number_anchor is None or series.number_anchor_year is None:
        return None
    return series.number_anchor + (year - series.number_anchor_year) * per_year + (place - 1)


def host_for(series: MeetingSeries, rotation: list[HostRotation], year: int, place: int, per_year: int) -> Host:
    """The known host of that year's meeting, else the rotation slot it falls on, else unknown."""
    for row in rotation:
        if row.year == year and row.position == place:
            return Host(row.country_id, row.city_th, row.city_en, known=True)
    slots = sorted((r for r in rotation if r.year is None), key=lambda r: r.position)
    if not slots or series.rotation_anchor_year is None:
        return Host(None)
    index = ((year - series.rotation_anchor_year) * per_year + (place - 1)) % len(slots)
    slot = slots[index]
    return Host(slot.country_id, slot.city_th, slot.city_en)


def occurrences(series: MeetingSeries, rotation: list[HostRotation], first: dt.date, last: dt.date) -> list[Occurrence]:
    """The series' meetings whose dates touch [first, last], in date order."""
    months = months_of(series)
    found = []
    for year in range(first.year - 1, last.year + 1):
        for place, month in enumerate(months, start=1):
            day = min(max(series.opening_day, 1), calendar.monthrange(year, month)[1])
            start = dt.date(year, month, day)
            end = start + dt.timedelta(days=max(series.duration_days, 1) - 1)
            if end < first or start > last:
                continue
            found.append(Occurrence(
                series_id=series.id, series_code=series.code, organization_id=series.organization_id,
                kind=str(series.kind), year=year, place_in_year=place,
                number=_number(series, year, place, len(months)), start=start, end=end,
                host=host_for(series, rotation, year, place, len(months))))
    return found
