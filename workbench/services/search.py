"""One search box for the whole office: correspondence, monitoring notes, records of conversation, visits and
engagements, found by any Thai or Latin fragment (Latin ignoring case), ranked, each hit naming the dashboard
that shows it. Only what the actor's role and clearance allow is ever looked at: a classified item above the
actor's clearance is not a hit, and is not counted.

Ranking: a hit whose title contains the whole query comes before one that only matches elsewhere; a title that
starts with it comes first; ties go to the newest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from workbench.models.briefing import MonitoringNote
from workbench.models.correspondence import Correspondence
from workbench.models.visits import ConversationRecord, Engagement, Visit
from workbench.services.access import Actor, has_permission
from workbench.services.correspondence.registers import display_number, fold, like_pattern

PER_KIND = 40


@dataclass(frozen=True)
class Hit:
    kind: str  # correspondence | note | record | visit | engagement
    id: int
    title: str
    detail: str
    dashboard: str
    when: dt.datetime
    score: int
    opens: str = ""  # "kind:id" of the record its dashboard shows, when not the hit itself

    @property
    def target(self) -> str:
        """What the hit's dashboard opens: ``kind:id`` (a record of conversation opens its engagement)."""
        return self.opens or f"{self.kind}:{self.id}"


def _words(query: str) -> list[str]:
    return [w for w in fold(query).split() if w]


def _all_words(columns: list[Any], words: list[str]) -> Any:
    """Every word occurs in at least one of ``columns`` (each lower-cased: Latin ignores case, Thai unchanged)."""
    return sa.and_(*[sa.or_(*[sa.func.lower(c).like(like_pattern(w), escape="\\") for c in columns]) for w in words])


def _score(title: str, words: list[str], phrase: str) -> int:
    folded = fold(title)
    if folded.startswith(phrase):
        return 3
    if phrase in folded:
        return 2
    return 1 if all(w in folded for w in words) else 0


def _as_datetime(value: Any) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return dt.datetime.min


def search(session: Session, *, actor: Actor, query: str, limit: int = 30) -> list[Hit]:
    """The best ``limit`` hits for ``query`` among everything the actor may see."""
    words = _words(query)
    if not words:
        return []
    phrase = " ".join(words)
    clearance = int(getattr(actor, "clearance", 0))
    hits: list[Hit] = []

    if has_permission(actor, "correspondence.read"):
        docs = session.exec(select(Correspondence).where(
            col(Correspondence.classification) <= clearance,
            *[col(Correspondence.search_text).like(like_pattern(w), escape="\\") for w in words],
        ).order_by(col(Correspondence.registered_at).desc()).limit(PER_KIND)).all()
        for d in docs:
            hits.append(Hit("correspondence", d.id, d.subject,
                            f"{display_number(d.register, d.number)} · {d.sender or d.recipient}",
                            "correspondence", d.registered_at, _score(d.subject, words, phrase)))

    if has_permission(actor, "briefing.read"):
        notes = session.exec(select(MonitoringNote).where(
            col(MonitoringNote.classification) <= clearance,
            *[col(MonitoringNote.search_text).like(like_pattern(w), escape="\\") for w in words],
        ).order_by(col(MonitoringNote.noted_on).desc()).limit(PER_KIND)).all()
        for n in notes:
            hits.append(Hit("note", n.id, n.title, n.summary[:120], "briefing", _as_datetime(n.noted_on),
                            _score(n.title, words, phrase)))

    if has_permission(actor, "visits.read"):
        visits = session.exec(select(Visit).where(
            col(Visit.classification) <= clearance,
            _all_words([col(Visit.title_th), col(Visit.title_en), col(Visit.cities), col(Visit.notes)], words),
        ).order_by(col(Visit.start_date).desc()).limit(PER_KIND)).all()
        for v in visits:
            hits.append(Hit("visit", v.id, v.title_th, v.title_en or v.cities, "visits", _as_datetime(v.start_date),
                            max(_score(v.title_th, words, phrase), _score(v.title_en, words, phrase))))

        engagements = session.exec(select(Engagement).where(
            col(Engagement.classification) <= clearance,
            _all_words([col(Engagement.title_th), col(Engagement.title_en), col(Engagement.venue),
                        col(Engagement.notes)], words),
        ).order_by(col(Engagement.start).desc()).limit(PER_KIND)).all()
        for e in engagements:
            hits.append(Hit("engagement", e.id, e.title_th, e.venue or e.title_en, "visits", e.start,
                            max(_score(e.title_th, words, phrase), _score(e.title_en, words, phrase))))

        records = session.exec(select(ConversationRecord, Engagement).join(
            Engagement, col(Engagement.id) == col(ConversationRecord.engagement_id)).where(
            col(ConversationRecord.classification) <= clearance,
            col(Engagement.classification) <= clearance,
            _all_words([col(ConversationRecord.summary), col(ConversationRecord.topics),
                        col(ConversationRecord.attendees)], words),
        ).order_by(col(Engagement.start).desc()).limit(PER_KIND)).all()
        for r, e in records:
            hits.append(Hit("record", r.id, e.title_th, r.summary[:120], "visits", e.start,
                            _score(r.topics, words, phrase), opens=f"engagement:{e.id}"))

    hits.sort(key=lambda h: (-h.score, -h.when.timestamp() if h.when != dt.datetime.min else 0, h.kind, h.id))
    return hits[:limit]
