"""The programme of a visit (กำหนดการ), day by day, with each engagement's dress code, attendees and contact officer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from workbench import clock
from workbench.db import transaction
from workbench.models.people import Person
from workbench.models.visit_documents import (
    ProgrammeDetails,
    ProgrammeDetailsRead,
    ProgrammeDetailsUpdate,
    VisitDocumentKind,
)
from workbench.models.visits import EngagementRead, VisitRead
from workbench.services import engagements, visits
from workbench.services.access import Actor, require
from workbench.services.common import field_error, get_or_404, validate
from workbench.services.visit_documents.versions import (
    Change,
    _check_lang,
    _issue,
    _name,
    _no_engagements,
    _people,
    _visible_engagements,
)


@dataclass(frozen=True)
class ProgrammeRow:
    engagement_id: int
    start: dt.datetime
    end: dt.datetime
    kind: str
    activity_th: str
    activity_en: str
    venue: str
    dress_th: str
    dress_en: str
    attendees_th: str
    attendees_en: str
    contact_th: str
    contact_en: str
    classification: int

    def key(self) -> dict[str, Any]:
        """What a saved version keeps of the row (to list changes later)."""
        return {"engagement_id": self.engagement_id, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "activity_th": self.activity_th, "activity_en": self.activity_en, "venue": self.venue,
                "dress_th": self.dress_th, "dress_en": self.dress_en}

@dataclass(frozen=True)
class Programme:
    visit: VisitRead
    lang: str
    rows: list[ProgrammeRow]
    classification: int
    version: int | None  # the issued version these rows are (None: not issued, a draft)
    latest: bool
    changes: list[Change]
    generated_at: dt.datetime
    officers: list[str] = field(default_factory=list)

    def days(self) -> list[tuple[dt.date, list[ProgrammeRow]]]:
        grouped: dict[dt.date, list[ProgrammeRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.start.date(), []).append(row)
        return list(grouped.items())


def set_programme_details(session: Session, *, engagement_id: int, data: ProgrammeDetailsUpdate | dict[str, Any],
                          actor: Actor) -> ProgrammeDetailsRead:
    """Dress code and contact officer of an engagement as the programme shows them."""
    require(actor, "visits.write")
    data = validate(ProgrammeDetailsUpdate, data)
    engagements.get_engagement(session, engagement_id=engagement_id, actor=actor)
    if data.contact_person_id is not None:
        get_or_404(session, Person, data.contact_person_id, field="contact_person_id")
    with transaction(session, actor=actor):
        details = session.get(ProgrammeDetails, engagement_id) or ProgrammeDetails(engagement_id=engagement_id)
        details.dress_code_th = data.dress_code_th.strip()
        details.dress_code_en = data.dress_code_en.strip()
        details.contact_person_id = data.contact_person_id
        session.add(details)
        session.flush()
        return ProgrammeDetailsRead.model_validate(details, from_attributes=True)


def programme_details(session: Session, *, engagement_id: int, actor: Actor) -> ProgrammeDetailsUpdate:
    """The dress code and contact officer the programme shows for an engagement (empty when none were set)."""
    require(actor, "visits.read")
    engagements.get_engagement(session, engagement_id=engagement_id, actor=actor)
    details = session.get(ProgrammeDetails, engagement_id)
    if details is None:
        return ProgrammeDetailsUpdate()
    return ProgrammeDetailsUpdate(dress_code_th=details.dress_code_th, dress_code_en=details.dress_code_en,
                                  contact_person_id=details.contact_person_id)

def _attendees(session: Session, engagement: EngagementRead, delegation_ids: set[int],
               people: dict[int, Person]) -> tuple[str, str]:
    host_ids = [i for i in engagement.principal_ids if i not in engagement.guest_ids]
    th = [_name(people.get(i), "th") for i in host_ids]
    en = [_name(people.get(i), "en") for i in host_ids]
    guests = set(engagement.guest_ids)
    if delegation_ids and delegation_ids <= guests:
        th.append("คณะผู้แทนทั้งคณะ")
        en.append("the whole delegation")
        guests -= delegation_ids
    th += [_name(people.get(i), "th") for i in sorted(guests)]
    en += [_name(people.get(i), "en") for i in sorted(guests)]
    return ", ".join(x for x in th if x), ", ".join(x for x in en if x)


def _programme_rows(session: Session, visit: VisitRead, actor: Actor, lang: str) -> list[ProgrammeRow]:
    parts = _visible_engagements(session, visit.id, actor)
    if not parts:
        raise _no_engagements(visit)
    if lang in ("en", "both"):
        untitled = [e for e in parts if not e.title_en.strip()]
        if untitled:
            names = ", ".join(f"#{e.id} «{e.title_th}»" for e in untitled)
            raise field_error("title_en", f"กิจกรรมยังไม่มีชื่อภาษาอังกฤษ: {names}",
                              f"engagements without an English title: {names}")
    members = visits.delegation(session, visit_id=visit.id, actor=actor)
    delegation_ids = {m.person_id for m, _ in members}
    details = {d.engagement_id: d for d in session.exec(select(ProgrammeDetails).where(
        col(ProgrammeDetails.engagement_id).in_([e.id for e in parts]))).all()}
    wanted = {i for e in parts for i in e.principal_ids + e.guest_ids} | set(visit.officer_ids)
    wanted |= {d.contact_person_id for d in details.values() if d.contact_person_id}
    people = _people(session, sorted(wanted))
    default_contact = people.get(visit.officer_ids[0]) if visit.officer_ids else None
    rows = []
    for part in sorted(parts, key=lambda e: (e.start, e.id)):
        detail = details.get(part.id)
        contact = people.get(detail.contact_person_id) if detail and detail.contact_person_id else default_contact
        attendees_th, attendees_en = _attendees(session, part, delegation_ids, people)
        rows.append(ProgrammeRow(
            engagement_id=part.id, start=part.start, end=part.end, kind=str(part.kind), activity_th=part.title_th,
            activity_en=part.title_en, venue=part.venue, dress_th=detail.dress_code_th if detail else "",
            dress_en=detail.dress_code_en if detail else "", attendees_th=attendees_th, attendees_en=attendees_en,
            contact_th=_name(contact, "th"), contact_en=_name(contact, "en"), classification=int(part.classification)))
    return rows

def issue_programme(session: Session, *, visit_id: int, lang: str, actor: Actor) -> Programme:
    """The visit's programme as of now, day by day; saved as a new version when it changed since the last one."""
    _check_lang(lang)
    visit = visits.read_visit(session, visit_id=visit_id, actor=actor)
    rows = _programme_rows(session, visit, actor, lang)
    level = max([int(visit.classification)] + [r.classification for r in rows])
    content = {"rows": [r.key() for r in rows]}
    number, latest, changes = _issue(session, visit=visit, kind=VisitDocumentKind.PROGRAMME, content=content,
                                     lang=lang, classification=level, actor=actor)
    officers = _people(session, visit.officer_ids)
    return Programme(visit=visit, lang=lang, rows=rows, classification=level, version=number, latest=latest,
                     changes=changes, generated_at=clock.now(),
                     officers=[_name(officers.get(i), "th") for i in visit.officer_ids])
