"""Default order of precedence of people on a day, from their current posts (data/precedence.csv).

Its own module because both engagements (ranks given to new participants) and protocol (seating) need it, and
protocol builds on engagements: here neither imports the other's caller.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, or_, select

from workbench.models.people import Membership, Post
from workbench.models.visits import PrecedenceRank


def default_precedences(session: Session, person_ids: list[int], on: dt.date) -> dict[int, str | None]:
    """Each person's rank on a day: the most senior rank of their current Senate posts, else 'ambassador' for
    a serving ambassador, else none. Two queries for any number of people."""
    if not person_ids:
        return {}
    current = (col(Membership.person_id).in_(person_ids), Membership.start_date <= on,
               or_(col(Membership.end_date).is_(None), col(Membership.end_date) >= on))
    ranks: dict[int, str | None] = dict.fromkeys(person_ids)
    by_post = session.exec(
        select(Membership.person_id, PrecedenceRank.code)
        .join(Post, col(Post.id) == col(Membership.post_id))
        .join(PrecedenceRank, col(PrecedenceRank.post_code) == col(Post.code))
        .where(*current).order_by(col(PrecedenceRank.rank).desc())
    ).all()
    for person_id, code in by_post:  # most senior last, so it wins
        ranks[person_id] = code
    ambassador = session.exec(select(PrecedenceRank.code).where(PrecedenceRank.code == "ambassador")).first()
    if ambassador:
        serving = session.exec(select(Membership.person_id).where(Membership.role_en == "Ambassador", *current)).all()
        for person_id in serving:
            ranks[person_id] = ranks[person_id] or ambassador
    return ranks
