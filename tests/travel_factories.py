"""Factories for travel documents: an outbound delegation with passports, made through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from tests.visit_factories import country_id, make_principal, make_visit
from workbench.db import SYSTEM
from workbench.services import visits
from workbench.services.travel import passports

_numbers = iter(range(100001, 999999))
START, END = dt.date(2027, 3, 10), dt.date(2027, 3, 15)
TODAY = dt.date(2027, 1, 5)


def make_outbound(session: Session, *, iso2: str = "CH", **overrides: Any):
    data = {"direction": "outbound", "kind": "conference", "title_th": "คณะผู้แทนวุฒิสภาเข้าร่วมประชุมสมัชชา IPU",
            "title_en": "IPU Assembly", "country_id": country_id(session, iso2), "start_date": START,
            "end_date": END, "cities": "เจนีวา"}
    return make_visit(session, **{**data, **overrides})


def add_member(session: Session, visit_id: int, person_id: int, role: str = "member") -> None:
    visits.add_delegation_member(session, actor=SYSTEM, data={"visit_id": visit_id, "person_id": person_id,
                                                              "role": role})


def give_passport(session: Session, person_id: int, *, kind: str = "official", expiry: dt.date = dt.date(2031, 1, 1),
                  **overrides: Any):
    data = {"person_id": person_id, "passport_type": kind, "number": f"{kind[0].upper()}{next(_numbers)}",
            "issue_date": dt.date(2025, 1, 2), "expiry_date": expiry}
    return passports.register_passport(session, actor=SYSTEM, data={**data, **overrides})


def delegation(session: Session, *, iso2: str = "CH"):
    """An outbound visit headed by the Senate President (diplomatic passport) with a senator (official)."""
    visit = make_outbound(session, iso2=iso2)
    head = make_principal(session, "senate-president", honorific_th="นาย", given_name_th="ประธาน",
                          family_name_th="ทดสอบ", given_name_en="Prathan", family_name_en="Thotsop")
    senator = make_principal(session, "senator", honorific_th="นาง", given_name_th="สมาชิก", family_name_th="ทดสอบ",
                             given_name_en="Samachik", family_name_en="Thotsop")
    add_member(session, visit.id, head.id, "head")
    add_member(session, visit.id, senator.id)
    give_passport(session, head.id, kind="diplomatic")
    give_passport(session, senator.id, kind="official")
    return visit, head, senator
