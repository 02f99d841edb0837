"""What every document of a visit shares: the languages, the engagements that go in, and the numbered versions
(a document whose content changed is saved as a new version; the changes since the one before are listed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from workbench.db import transaction
from workbench.errors import WorkbenchError
from workbench.models.base import Clearance, utcnow
from workbench.models.people import Person, person_name
from workbench.models.visit_documents import VisitDocumentKind, VisitDocumentVersion
from workbench.models.visits import ChecklistItem, EngagementRead, VisitRead
from workbench.services import engagements, visits
from workbench.services.access import Actor, can_see, has_permission
from workbench.services.common import field_error

LANGS = ("th", "en", "both")
ZERO = Decimal("0.00")
REPORT_ITEM = "report"


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise field_error("lang", f"ไม่รู้จักภาษา '{lang}' (th, en หรือ both)", f"unknown language '{lang}' (th, en or both)")


def _name(person: Person | None, lang: str) -> str:
    return person_name(person, lang)  # with the title in the document's language (นาย, ฯพณฯ…)

@dataclass(frozen=True)
class Change:
    """One difference from the previous version: added, removed or changed (with the fields that changed)."""

    what: str
    engagement_id: int
    title_th: str
    title_en: str
    fields: tuple[str, ...] = ()
    start: str = ""

def _people(session: Session, ids: list[int]) -> dict[int, Person]:
    if not ids:
        return {}
    return {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(ids))).all()}


def _visible_engagements(session: Session, visit_id: int, actor: Actor) -> list[EngagementRead]:
    return [e for e in engagements.list_engagements(session, actor=actor, visit_id=visit_id)
            if e.status != "cancelled"]


def _no_engagements(visit: VisitRead) -> WorkbenchError:
    return field_error("visit_id", f"การเยือน #{visit.id} «{visit.title_th}» ยังไม่มีกิจกรรมในกำหนดการ: เพิ่มกิจกรรมก่อน",
                       f"visit #{visit.id} «{visit.title_en or visit.title_th}» has no engagements yet: "
                       "add its engagements first")

def _latest(session: Session, visit_id: int, kind: VisitDocumentKind) -> VisitDocumentVersion | None:
    return session.exec(select(VisitDocumentVersion).where(
        VisitDocumentVersion.visit_id == visit_id, VisitDocumentVersion.kind == kind)
        .order_by(col(VisitDocumentVersion.number).desc())).first()


def _changes(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[Change]:
    old = {r["engagement_id"]: r for r in before}
    new = {r["engagement_id"]: r for r in after}
    changes = []
    for key, row in new.items():
        if key not in old:
            changes.append(Change("added", key, row["activity_th"], row["activity_en"], start=row["start"]))
        elif row != old[key]:
            fields = tuple(name for name in row if row[name] != old[key].get(name))
            changes.append(Change("changed", key, row["activity_th"], row["activity_en"], fields, start=row["start"]))
    for key, row in old.items():
        if key not in new:
            changes.append(Change("removed", key, row["activity_th"], row["activity_en"], start=row["start"]))
    return sorted(changes, key=lambda c: (c.start, c.engagement_id))


def _issue(session: Session, *, visit: VisitRead, kind: VisitDocumentKind, content: dict[str, Any], lang: str,
           classification: int, actor: Actor) -> tuple[int | None, bool, list[Change]]:
    """The version this content is: the latest one when unchanged, else a new one (for users who may write;
    others get an unnumbered draft). Returns (number, is latest, changes since the version before)."""
    previous = _latest(session, visit.id, kind)
    same = previous is not None and previous.content.get("rows") == content.get("rows") and \
        previous.content.get("extra") == content.get("extra")
    if same:
        before = session.exec(select(VisitDocumentVersion).where(
            VisitDocumentVersion.visit_id == visit.id, VisitDocumentVersion.kind == kind,
            VisitDocumentVersion.number == previous.number - 1)).first()
        return previous.number, True, _changes(before.content.get("rows", []) if before else [],
                                               content.get("rows", [])) if before else []
    changes = _changes(previous.content.get("rows", []), content.get("rows", [])) if previous else []
    if not has_permission(actor, "visits.write") and not (kind == VisitDocumentKind.TRIP_REPORT
                                                         and has_permission(actor, "records.write")):
        return None, False, changes
    with transaction(session, actor=actor):
        version = VisitDocumentVersion(visit_id=visit.id, kind=kind, number=(previous.number + 1) if previous else 1,
                                       lang=lang, content=content, classification=Clearance(classification),
                                       created_by_id=getattr(actor, "id", None))
        session.add(version)
        if kind == VisitDocumentKind.TRIP_REPORT:
            item = session.exec(select(ChecklistItem).where(ChecklistItem.visit_id == visit.id,
                                                            ChecklistItem.code == REPORT_ITEM)).first()
            if item is not None and not item.done:
                item.done, item.done_at = True, utcnow()
                session.add(item)
        session.flush()
        return version.number, True, changes

@dataclass(frozen=True)
class VersionInfo:
    number: int
    kind: str
    lang: str
    created_at: dt.datetime
    created_by_id: int | None
    latest: bool


def document_versions(session: Session, *, visit_id: int, kind: str, actor: Actor) -> list[VersionInfo]:
    """The saved versions of a visit's programme or report, newest first (the first is the latest)."""
    visits.get_visit(session, visit_id=visit_id, actor=actor)
    rows = session.exec(select(VisitDocumentVersion).where(
        VisitDocumentVersion.visit_id == visit_id, VisitDocumentVersion.kind == VisitDocumentKind(kind))
        .order_by(col(VisitDocumentVersion.number).desc())).all()
    return [VersionInfo(r.number, str(r.kind), r.lang, r.created_at, r.created_by_id, index == 0)
            for index, r in enumerate(rows) if can_see(actor, r.classification)]
