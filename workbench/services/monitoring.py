"""Monitoring notes, talking points and agreements: what analysts record between calls.

Search finds any substring (Thai is written without spaces between words), ignoring case for Latin text, the same
way on SQLite and PostgreSQL: each note keeps a case-folded copy of its title, summary and tags (``search_text``)
that a plain ``LIKE`` searches. Classified items never leave a query for an actor without the clearance.
A revision is a new row that supersedes the old one; lists show the newest version only.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.models.base import utcnow
from workbench.models.briefing import (
    Agreement,
    AgreementCreate,
    AgreementRead,
    MonitoringNote,
    MonitoringNoteCreate,
    MonitoringNoteRead,
    NoteCategory,
    TalkingPoint,
    TalkingPointCreate,
    TalkingPointRead,
)
from workbench.models.countries import Country
from workbench.services.access import Actor, can_see, clearance_of, require
from workbench.services.common import field_error, get_or_404, get_visible, validate


def fold(text: str) -> str:
    """Text as search compares it: Unicode NFC, case-folded (Thai is unchanged; "É" and "é" match)."""
    return unicodedata.normalize("NFC", text or "").casefold()


def normalise_tags(tags: str | list[str] | None) -> str:
    """"a, b" from "a,b , ,a" or ["a", "b"]: trimmed, empty ones dropped, first spelling of each kept."""
    parts = tags if isinstance(tags, list) else (tags or "").replace("،", ",").split(",")
    seen: dict[str, str] = {}
    for part in parts:
        tag = " ".join(part.split())
        if tag and fold(tag) not in seen:
            seen[fold(tag)] = tag
    return ", ".join(seen.values())


def tag_list(tags: str) -> list[str]:
    return [t for t in (part.strip() for part in (tags or "").split(",")) if t]


def _search_text(note: MonitoringNote) -> str:
    tags = "".join(f"#{fold(tag)}\n" for tag in tag_list(note.tags))
    return f"{fold(note.title)}\n{fold(note.summary)}\n{tags}"


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _check_url(url: str) -> None:
    if url and not url.lower().startswith(("http://", "https://")):
        raise field_error("source_url", "ต้องขึ้นต้นด้วย http:// หรือ https://", "must start with http:// or https://")


def _check_classification(actor: Actor, classification: int) -> None:
    if not can_see(actor, classification):
        raise field_error("classification", "สูงกว่าชั้นความลับที่ท่านเข้าถึงได้",
                          "is above your own secrecy clearance")


# --- Monitoring notes ----------------------------------------------------------------------------------

def _note_read(note: MonitoringNote) -> MonitoringNoteRead:
    return MonitoringNoteRead.model_validate(note, from_attributes=True)


def _point_read(point: TalkingPoint) -> TalkingPointRead:
    return TalkingPointRead.model_validate(point, from_attributes=True)


def _note_values(data: MonitoringNoteCreate | dict[str, Any]) -> MonitoringNoteCreate:
    values = data.model_dump() if isinstance(data, MonitoringNoteCreate) else dict(data)
    for key in ("title", "summary", "source_url"):
        if isinstance(values.get(key), str):
            values[key] = values[key].strip()
    values["tags"] = normalise_tags(values.get("tags"))
    return validate(MonitoringNoteCreate, values)


def create_note(session: Session, *, data: MonitoringNoteCreate | dict[str, Any], actor: Actor,
                supersedes_id: int | None = None) -> MonitoringNoteRead:
    """A new monitoring note (or, with ``supersedes_id``, a corrected version of one)."""
    require(actor, "briefing.write")
    checked = _note_values(data)
    get_or_404(session, Country, checked.country_id, field="country_id")
    _check_url(checked.source_url)
    _check_classification(actor, checked.classification)
    with transaction(session, actor=actor):
        note = MonitoringNote(**checked.model_dump(), supersedes_id=supersedes_id, author_id=getattr(actor, "id", None))
        note.search_text = _search_text(note)
        session.add(note)
        session.flush()
        return _note_read(note)


def get_note(session: Session, *, note_id: int, actor: Actor) -> MonitoringNote:
    return get_visible(session, MonitoringNote, note_id, actor=actor, permission="briefing.read", field="note_id")


def revise_note(session: Session, *, note_id: int, data: dict[str, Any], actor: Actor) -> MonitoringNoteRead:
    """A corrected version of a note: a new row pointing back at the old one, which stays as it was."""
    old = get_note(session, note_id=note_id, actor=actor)
    if _is_superseded(session, note_id):
        raise field_error("note_id", "บันทึกนี้มีฉบับแก้ไขที่ใหม่กว่าแล้ว", "this note already has a newer version")
    values = {key: getattr(old, key) for key in MonitoringNoteCreate.model_fields}
    values.update(data)
    return create_note(session, data=values, actor=actor, supersedes_id=old.id)


def _is_superseded(session: Session, note_id: int) -> bool:
    return session.exec(select(MonitoringNote.id).where(MonitoringNote.supersedes_id == note_id)).first() is not None


def list_notes(session: Session, *, actor: Actor, country_id: int | None = None, query: str = "",
               category: NoteCategory | str | None = None, tag: str = "", since: dt.date | None = None,
               until: dt.date | None = None, limit: int | None = 200) -> list[MonitoringNoteRead]:
    """Current notes the actor may see, newest first; ``query`` matches any substring of title, summary or tags."""
    require(actor, "briefing.read")
    newer = aliased(MonitoringNote)
    statement = select(MonitoringNote).where(
        col(MonitoringNote.classification) <= clearance_of(actor),
        ~select(newer.id).where(newer.supersedes_id == MonitoringNote.id).exists(),
    )
    if country_id is not None:
        statement = statement.where(MonitoringNote.country_id == country_id)
    if category:
        statement = statement.where(MonitoringNote.category == NoteCategory(category))
    if since is not None:
        statement = statement.where(col(MonitoringNote.noted_on) >= since)
    if until is not None:
        statement = statement.where(col(MonitoringNote.noted_on) <= until)
    for word in fold(query).split():
        statement = statement.where(col(MonitoringNote.search_text).like(_like_pattern(word), escape="\\"))
    if tag.strip():
        statement = statement.where(col(MonitoringNote.search_text).like(
            _like_pattern(f"#{fold(' '.join(tag.split()))}\n"), escape="\\"))
    statement = statement.order_by(col(MonitoringNote.noted_on).desc(), col(MonitoringNote.id).desc())
    if limit:
        statement = statement.limit(limit)
    return [_note_read(note) for note in session.exec(statement).all()]


def search_notes(session: Session, *, query: str, actor: Actor, **filters: Any) -> list[MonitoringNoteRead]:
    """``list_notes`` with a query: every space-separated part must occur somewhere (any substring)."""
    return list_notes(session, actor=actor, query=query, **filters)


# --- Talking points ------------------------------------------------------------------------------------

def _point_values(data: TalkingPointCreate | dict[str, Any]) -> TalkingPointCreate:
    values = data.model_dump() if isinstance(data, TalkingPointCreate) else dict(data)
    for key in ("topic", "text_th", "text_en"):
        if isinstance(values.get(key), str):
            values[key] = values[key].strip()
    checked = validate(TalkingPointCreate, values)
    if checked.valid_until is not None and checked.valid_until < checked.valid_from:
        raise field_error("valid_until", "ต้องไม่ก่อนวันเริ่มใช้", "must not be before the first valid day")
    return checked


def create_talking_point(session: Session, *, data: TalkingPointCreate | dict[str, Any], actor: Actor,
                         supersedes_id: int | None = None) -> TalkingPointRead:
    """A new talking point, not yet approved."""
    require(actor, "briefing.write")
    checked = _point_values(data)
    get_or_404(session, Country, checked.country_id, field="country_id")
    _check_classification(actor, checked.classification)
    with transaction(session, actor=actor):
        point = TalkingPoint(**checked.model_dump(), supersedes_id=supersedes_id, author_id=getattr(actor, "id", None))
        session.add(point)
        session.flush()
        return _point_read(point)


def get_talking_point(session: Session, *, point_id: int, actor: Actor) -> TalkingPoint:
    return get_visible(session, TalkingPoint, point_id, actor=actor, permission="briefing.read",
                       field="talking_point_id")


def revise_talking_point(session: Session, *, point_id: int, data: dict[str, Any], actor: Actor) -> TalkingPointRead:
    """A reworded talking point: a new, unapproved version; the old one stays (and stays approved if it was)."""
    old = get_talking_point(session, point_id=point_id, actor=actor)
    if session.exec(select(TalkingPoint.id).where(TalkingPoint.supersedes_id == point_id)).first() is not None:
        raise field_error("talking_point_id", "ประเด็นนี้มีฉบับแก้ไขที่ใหม่กว่าแล้ว",
                          "this talking point already has a newer version")
    values = {key: getattr(old, key) for key in TalkingPointCreate.model_fields}
    values.update(data)
    return create_talking_point(session, data=values, actor=actor, supersedes_id=old.id)


def approve_talking_point(session: Session, *, point_id: int, actor: Actor) -> TalkingPointRead:
    require(actor, "briefing.write")
    point = get_talking_point(session, point_id=point_id, actor=actor)
    if point.approved:
        return _point_read(point)
    with transaction(session, actor=actor):
        point.approved = True
        point.approved_by_id = getattr(actor, "id", None)
        point.approved_at = utcnow()
        session.add(point)
        session.flush()
        return _point_read(point)


def list_talking_points(session: Session, *, actor: Actor, country_id: int, on: dt.date | None = None,
                        approved_only: bool = False) -> list[TalkingPointRead]:
    """The current version of each talking point on the country that the actor may see; with ``on``, only those
    valid that day. Ordered by topic."""
    require(actor, "briefing.read")
    newer = aliased(TalkingPoint)
    statement = select(TalkingPoint).where(
        TalkingPoint.country_id == country_id, col(TalkingPoint.classification) <= clearance_of(actor),
        ~select(newer.id).where(newer.supersedes_id == TalkingPoint.id).exists(),
    )
    if approved_only:
        statement = statement.where(col(TalkingPoint.approved))
    points = session.exec(statement.order_by(col(TalkingPoint.topic), col(TalkingPoint.id))).all()
    return [_point_read(p) for p in points if on is None or p.valid_on(on)]


# --- Agreements ----------------------------------------------------------------------------------------

def record_agreement(session: Session, *, data: AgreementCreate | dict[str, Any], actor: Actor) -> AgreementRead:
    require(actor, "briefing.write")
    checked = validate(AgreementCreate, data)
    get_or_404(session, Country, checked.country_id, field="country_id")
    _check_url(checked.source_url)
    _check_classification(actor, checked.classification)
    with transaction(session, actor=actor):
        agreement = Agreement(**checked.model_dump(), entered_by_id=getattr(actor, "id", None))
        session.add(agreement)
        session.flush()
        return AgreementRead.model_validate(agreement, from_attributes=True)
