"""The seating plan and place cards of a reception or meeting, from the precedence service's seating."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from workbench.models.people import person_name
from workbench.models.visits import EngagementKind, EngagementRead, MemberRole, PrecedenceRank, Side
from workbench.services import engagements, protocol, visits
from workbench.services.access import Actor
from workbench.services.common import field_error
from workbench.services.visit_documents.versions import _people


@dataclass(frozen=True)
class PlacedSeat:
    seat: protocol.Seat
    title_th: str  # the precedence list's label
    title_en: str
    interpreter: bool


@dataclass(frozen=True)
class SeatingLayout:
    engagement: EngagementRead
    shape: str  # round or long
    seats: list[PlacedSeat]  # at the table, in the precedence service's order
    interpreters: list[PlacedSeat]  # behind the host and the guest of honour
    classification: int
    host_id: int | None
    guest_of_honour_id: int | None

    @property
    def all_seats(self) -> list[PlacedSeat]:
        return sorted(self.seats + self.interpreters, key=lambda s: s.seat.number)


SHAPES = ("round", "long")


def seating_layout(session: Session, *, engagement_id: int, actor: Actor, shape: str | None = None) -> SeatingLayout:
    """The table plan from the precedence seating: interpreters of the visit's delegation sit behind the heads."""
    engagement = engagements.read_engagement(session, engagement_id=engagement_id, actor=actor)
    if shape is not None and shape not in SHAPES:
        raise field_error("shape", f"ไม่รู้จักรูปโต๊ะ '{shape}' (round หรือ long)", f"unknown table shape '{shape}' (round or long)")
    if not engagement.guest_ids:
        kind_th = "งานเลี้ยงรับรอง" if engagement.kind == EngagementKind.RECEPTION else "กิจกรรม"
        raise field_error("guest_ids", f"{kind_th} #{engagement.id} «{engagement.title_th}» ยังไม่มีรายชื่อแขก",
                          f"engagement #{engagement.id} «{engagement.title_en or engagement.title_th}» has no guests yet")
    seats = protocol.seating_plan(session, engagement_id=engagement_id, actor=actor)
    labels = {r.code: (r.label_th, r.label_en) for r in session.exec(select(PrecedenceRank)).all()}
    interpreters: set[int] = set()
    if engagement.visit_id is not None:
        interpreters = {m.person_id for m, _ in visits.delegation(session, visit_id=engagement.visit_id, actor=actor)
                        if m.role == MemberRole.INTERPRETER}
    placed = [PlacedSeat(s, *labels.get(s.rank_code or "", ("", "")), s.person_id in interpreters) for s in seats]
    at_table = [p for p in placed if not p.interpreter]
    guests = [p for p in at_table if p.seat.side == Side.GUEST]
    hosts = [p for p in at_table if p.seat.side == Side.HOST]
    chosen = shape or ("round" if engagement.kind == EngagementKind.RECEPTION else "long")
    return SeatingLayout(engagement=engagement, shape=chosen, seats=at_table,
                         interpreters=[p for p in placed if p.interpreter], classification=int(engagement.classification),
                         host_id=hosts[0].seat.person_id if hosts else None,
                         guest_of_honour_id=guests[0].seat.person_id if guests else None)


@dataclass(frozen=True)
class PlaceCard:
    person_id: int
    side: str
    name_th: str
    name_en: str
    title_th: str
    title_en: str


def place_cards(session: Session, *, engagement_id: int, actor: Actor) -> tuple[SeatingLayout, list[PlaceCard]]:
    """A card for everyone at the table, in seat order: name and title in Thai and in English (the guests'
    language). Anything missing is refused in one message naming every person and what they lack."""
    layout = seating_layout(session, engagement_id=engagement_id, actor=actor)
    people = _people(session, [p.seat.person_id for p in layout.seats])
    cards, missing_th, missing_en = [], [], []
    for placed in layout.seats:
        person = people[placed.seat.person_id]
        lacks_th = [w for w, ok in (("ชื่อภาษาไทย", person.given_name_th.strip()),
                                     ("ตำแหน่งภาษาไทย", placed.title_th.strip())) if not ok]
        lacks_en = [w for w, ok in (("English name", person.given_name_en.strip()),
                                     ("English title", placed.title_en.strip())) if not ok]
        if lacks_th or lacks_en:
            who_th = person.display_name("th") or person.display_name("en")
            who_en = person.display_name("en") or person.display_name("th")
            missing_th.append(f"{who_th} (#{person.id}): " + ", ".join(
                lacks_th + [{"English name": "ชื่อภาษาอังกฤษ", "English title": "ตำแหน่งภาษาอังกฤษ"}[x] for x in lacks_en]))
            missing_en.append(f"{who_en} (#{person.id}): " + ", ".join(
                [{"ชื่อภาษาไทย": "Thai name", "ตำแหน่งภาษาไทย": "Thai title"}[x] for x in lacks_th] + lacks_en))
            continue
        cards.append(PlaceCard(person.id, str(placed.seat.side), person_name(person, "th"), person_name(person, "en"),
                               placed.title_th, placed.title_en))
    if missing_th:
        raise field_error("guest_ids", "ทำป้ายชื่อไม่ได้ ข้อมูลไม่ครบ: " + "; ".join(missing_th)
                          + " (ตำแหน่งมาจากลำดับอาวุโสของผู้ร่วมงาน)",
                          "cannot make the place cards, missing: " + "; ".join(missing_en)
                          + " (titles come from each participant's precedence rank)")
    return layout, cards
