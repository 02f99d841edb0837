"""Demo travel documents: passports for the members of the demo office's outbound delegations, with moves
(handed to the holder for a trip, returned, one lodged with the Ministry), one passport expiring soon and one
member of the next delegation abroad with no passport at all; visas tracked for that delegation."""

from __future__ import annotations

import datetime as dt

from sqlmodel import col, select

from workbench.demo import DemoContext, demo_builder
from workbench.models.travel import PassportLocation, VisaStatus
from workbench.models.visits import DelegationMember, Direction, Visit
from workbench.services.travel import passports, readiness, rules

PREFIX = {"diplomatic": "D", "official": "O", "ordinary": "A"}


@demo_builder("travel", order=60)
def build_travel(context: DemoContext) -> None:
    session = context.session
    outbound = session.exec(select(Visit).where(Visit.direction == Direction.OUTBOUND)
                            .order_by(col(Visit.start_date), col(Visit.id))).all()
    if not outbound:
        return
    upcoming = [v for v in outbound if v.start_date > context.today]
    nxt = upcoming[0] if upcoming else None
    members = session.exec(select(DelegationMember).where(col(DelegationMember.visit_id).in_([v.id for v in outbound]))
                           .order_by(col(DelegationMember.id))).all()
    team_next = [m.person_id for m in members if nxt is not None and m.visit_id == nxt.id]
    missing = team_next[2] if len(team_next) > 2 else None  # a senator of the next delegation: no passport yet
    expiring = team_next[-1] if len(team_next) > 3 else None  # its secretary: valid, but not long enough
    person_ids = list(dict.fromkeys(m.person_id for m in members))
    where = rules.positions(session, person_ids, context.today)
    for number, person_id in enumerate(person_ids, start=1):
        if person_id == missing:
            continue
        position = where.get(person_id)
        kind = rules.required_passport_type(session, position.post_code if position else None)
        if person_id == expiring and nxt is not None:
            expiry = nxt.end_date + dt.timedelta(days=75)
        else:
            expiry = context.today + dt.timedelta(days=400 + context.rng.randint(0, 1400))
        issued = rules.add_months(expiry, -60)
        passport = passports.register_passport(session, actor=context.actor, data={
            "person_id": person_id, "passport_type": kind, "number": f"{PREFIX[kind]}{700000 + number * 37:07d}",
            "issue_date": issued, "expiry_date": expiry, "location": PassportLocation.OFFICE,
            "note": "ข้อมูลสมมติ (demo)"})
        if number % 3 == 0:  # used for an earlier trip: handed over, then returned
            out = max(issued, min(context.today - dt.timedelta(days=60), issued + dt.timedelta(days=30)))
            passports.move_passport(session, actor=context.actor, data={
                "passport_id": passport.id, "location": PassportLocation.HOLDER, "moved_on": out,
                "note": "มอบให้ผู้ถือก่อนเดินทาง"})
            passports.move_passport(session, actor=context.actor, data={
                "passport_id": passport.id, "location": PassportLocation.OFFICE, "moved_on": out + dt.timedelta(days=10),
                "note": "รับคืนหลังเดินทางกลับ"})
        elif number % 5 == 0:
            passports.move_passport(session, actor=context.actor, data={
                "passport_id": passport.id, "location": PassportLocation.MFA,
                "moved_on": context.today - dt.timedelta(days=20), "note": "ส่งคืนกระทรวงการต่างประเทศ"})
    if nxt is not None:
        state = readiness.visit_readiness(session, visit_id=nxt.id, actor=context.actor, today=context.today)
        needing = [m for m in state.members if m.visa_needed and m.passport_id is not None]
        if needing:
            readiness.set_visa_status(session, visit_id=nxt.id, person_id=needing[0].person_id,
                                      status=VisaStatus.REQUESTED, on=context.today - dt.timedelta(days=3),
                                      actor=context.actor)
