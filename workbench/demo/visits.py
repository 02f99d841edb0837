"""Demo visits: a believable year (per fiscal year covered) of delegations in and out, courtesy calls by
ambassadors, meetings and receptions, records of conversation with follow-ups; a few left overdue on purpose."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from workbench.demo import DemoContext, demo_builder
from workbench.errors import ConflictError
from workbench.models.base import Clearance
from workbench.models.people import Person
from workbench.services import countries, engagements, people, protocol, records, visits
from workbench.thai import fiscal_year, fiscal_year_bounds

INBOUND = [  # (iso2, Thai title, English title)
    ("JP", "คณะผู้แทนสภาที่ปรึกษาแห่งญี่ปุ่นเยือนวุฒิสภา", "House of Councillors of Japan delegation"),
    ("FR", "คณะผู้แทนวุฒิสภาฝรั่งเศสเยือนไทยอย่างเป็นทางการ", "Official visit of a French Senate delegation"),
    ("AU", "คณะกรรมาธิการวุฒิสภาออสเตรเลียศึกษาดูงาน", "Australian Senate committee study visit"),
    ("KR", "ประธานสภาแห่งชาติสาธารณรัฐเกาหลีเยือนไทย", "Visit of the Speaker of the Korean National Assembly"),
    ("VN", "คณะผู้แทนสมัชชาแห่งชาติเวียดนามเยือนวุฒิสภา", "Vietnamese National Assembly delegation"),
    ("KE", "คณะวุฒิสมาชิกเคนยาศึกษาดูงานระบบรัฐสภาไทย", "Kenyan senators' study visit"),
    ("CA", "คณะผู้แทนวุฒิสภาแคนาดาเยือนไทย", "Senate of Canada delegation"),
    ("IN", "คณะผู้แทนราชยสภาอินเดียเยือนวุฒิสภา", "Rajya Sabha delegation"),
]
OUTBOUND = [
    ("SG", "ประธานวุฒิสภาเยือนสิงคโปร์อย่างเป็นทางการ", "Senate President's official visit to Singapore", "official_visit"),
    ("CH", "คณะผู้แทนวุฒิสภาเข้าร่วมประชุมสมัชชา IPU ณ นครเจนีวา", "IPU Assembly, Geneva", "conference"),
    ("DE", "คณะกรรมาธิการการต่างประเทศศึกษาดูงาน ณ เยอรมนี", "Foreign Affairs Committee study trip to Germany",
     "study_trip"),
    ("ID", "คณะผู้แทนวุฒิสภาเข้าร่วมประชุมสมัชชา AIPA", "AIPA General Assembly", "conference"),
    ("NZ", "รองประธานวุฒิสภาเยือนนิวซีแลนด์", "Vice President's visit to New Zealand", "official_visit"),
    ("BR", "คณะกรรมาธิการศึกษาดูงานด้านเกษตร ณ บราซิล", "Committee study trip to Brazil", "study_trip"),
]
TOPICS = [
    "ความร่วมมือด้านการค้าและการลงทุน", "การแลกเปลี่ยนระหว่างรัฐสภา", "ความร่วมมือด้านการศึกษาและทุนการศึกษา",
    "การท่องเที่ยวและการเชื่อมโยงการคมนาคม", "ความร่วมมือด้านพลังงานสะอาด", "ความมั่นคงทางอาหาร",
]


@demo_builder("visits", order=30)
def build_visits(context: DemoContext) -> None:
    for year in range(context.years):
        fy = fiscal_year(context.today) - context.years + 1 + year
        _fiscal_year(context, *fiscal_year_bounds(fy))


def _country(context: DemoContext, iso2: str):
    cache = context.refs.setdefault("countries", {})
    if iso2 not in cache:
        cache[iso2] = countries.find_country(context.session, iso2)
    return cache[iso2]


def _principals(context: DemoContext) -> list[Person]:
    return [person for _, person in people.principals(context.session, on=context.today)][:3]


def _officers(context: DemoContext) -> list[Person]:
    return list(context.refs.get("staff", {}).get("fao-protocol", []))


def _fiscal_year(context: DemoContext, first: dt.date, last: dt.date) -> None:
    rng = context.rng
    principals, officers = _principals(context), _officers(context)
    span = (last - first).days
    for index, (iso2, title_th, title_en) in enumerate(INBOUND):
        start = first + dt.timedelta(days=int(span * (index + 0.5) / len(INBOUND)) + rng.randint(-5, 5))
        visit = _visit(context, "inbound", "official_visit" if index % 3 else "study_trip", iso2, title_th, title_en,
                       start, start + dt.timedelta(days=rng.randint(2, 4)), principals[index % len(principals)],
                       officers)
        if visit is not None:
            _inbound_programme(context, visit, principals[index % len(principals)])
    for index, (iso2, title_th, title_en, kind) in enumerate(OUTBOUND):
        start = first + dt.timedelta(days=int(span * (index + 0.3) / len(OUTBOUND)) + rng.randint(0, 9))
        head = principals[index % len(principals)]
        visit = _visit(context, "outbound", kind, iso2, title_th, title_en, start,
                       start + dt.timedelta(days=rng.randint(4, 7)), head, officers)
        if visit is not None:
            _outbound_delegation(context, visit, head)
    _courtesy_calls(context, first, last, principals)


def _status_for(context: DemoContext, start: dt.date, end: dt.date) -> list[str]:
    if end < context.today - dt.timedelta(days=30):
        return ["approved", "confirmed", "completed"]  # reported once its report is issued (demo/visit_documents.py)
    if end < context.today:
        return ["approved", "confirmed", "completed"]
    if start < context.today + dt.timedelta(days=45):
        return ["approved", "confirmed"]
    return ["approved"] if context.rng.random() < 0.5 else []


def _visit(context: DemoContext, direction: str, kind: str, iso2: str, title_th: str, title_en: str,
           start: dt.date, end: dt.date, principal: Person, officers: list[Person]):
    country = _country(context, iso2)
    if country is None:
        return None
    visit = visits.schedule_visit(context.session, actor=context.actor, data={
        "direction": direction, "kind": kind, "title_th": title_th, "title_en": title_en, "country_id": country.id,
        "principal_id": principal.id, "start_date": start, "end_date": end,
        "cities": "กรุงเทพมหานคร" if direction == "inbound" else country.name_th,
        "officer_ids": [o.id for o in context.rng.sample(officers, k=min(2, len(officers)))],
    })
    for status in _status_for(context, start, end):
        visits.change_status(context.session, visit_id=visit.id, status=status, actor=context.actor)
    done = [item.id for item in visits.checklist(context.session, visit_id=visit.id, actor=context.actor)
            if item.due_date < context.today - dt.timedelta(days=3) or context.rng.random() < 0.2]
    visits.complete_checklist_items(context.session, visit_id=visit.id, item_ids=done, actor=context.actor)
    return visit


def _book(context: DemoContext, data: dict, *, tries: int = 6):
    """Create an engagement, moving it by an hour and a half while a principal is already booked."""
    for _ in range(tries):
        try:
            return engagements.create_engagement(context.session, actor=context.actor, data=data)
        except ConflictError:
            shift = dt.timedelta(minutes=90)
            data = {**data, "start": data["start"] + shift, "end": data["end"] + shift}
    return None


GUEST_DIETS = ["", "", "มังสวิรัติ", "อาหารฮาลาล", "ไม่รับประทานเนื้อหมู", "แพ้อาหารทะเลประเภทกุ้งและหอย"]
DELEGATION_POSITIONS = {"head": ("สมาชิกรัฐสภา", "Member of Parliament"),
                        "member": ("สมาชิกรัฐสภา", "Member of Parliament"),
                        "secretary": ("เลขานุการคณะผู้แทน", "Secretary to the delegation"),
                        "interpreter": ("ล่าม", "Interpreter")}
GUEST_ROLES = [("head", "Hon."), ("member", "Hon."), ("member", "Hon."), ("secretary", ""), ("interpreter", "")]


def _delegation(context: DemoContext, visit) -> list[Person]:
    """Three to five fictional members of a visiting delegation, with roles and dietary needs."""
    from workbench.demo.core import FICTIONAL, foreign_name, foreign_title, join_parliament

    members = []
    for role, title in GUEST_ROLES[: context.rng.randint(3, 5)]:
        given, family = foreign_name(context)
        person = people.create_person(context.session, actor=context.actor, data={
            "honorific_en": title or foreign_title(given), "given_name_en": given, "family_name_en": family,
            "nationality_id": visit.country_id, "biography": f"สมาชิกคณะผู้แทนที่เดินทางมาเยือนประเทศไทย {FICTIONAL}"})
        join_parliament(context, person, visit.country_id, DELEGATION_POSITIONS[role])
        visits.add_delegation_member(context.session, actor=context.actor, data={
            "visit_id": visit.id, "person_id": person.id, "role": role, "dietary": context.rng.choice(GUEST_DIETS)})
        members.append(person)
    return members


def _outbound_delegation(context: DemoContext, visit, principal: Person) -> None:
    """The principal heads it; two senators and a protocol officer as secretary go too."""
    senators = [p for p in context.refs.get("senators", []) if p.id != principal.id]
    officers = _officers(context)
    team = [(principal, "head")] + [(p, "member") for p in context.rng.sample(senators, k=min(2, len(senators)))]
    if officers:
        team.append((context.rng.choice(officers), "secretary"))
    for person, role in team:
        visits.add_delegation_member(context.session, actor=context.actor, data={
            "visit_id": visit.id, "person_id": person.id, "role": role})


def _inbound_programme(context: DemoContext, visit, principal: Person) -> None:
    day = visit.start_date
    guests = _delegation(context, visit)
    guest_ids = [g.id for g in guests]
    welcome = dt.datetime.combine(day, dt.time(9, 0))
    _book(context, {"visit_id": visit.id, "kind": "airport_welcome", "title_th": f"ต้อนรับ{visit.title_th[:60]}",
                    "title_en": "Airport welcome", "start": welcome, "end": welcome + dt.timedelta(hours=1),
                    "venue": "ท่าอากาศยานสุวรรณภูมิ", "country_id": visit.country_id})
    meeting_start = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(10, 0))
    meeting = _book(context, {
        "visit_id": visit.id, "kind": "meeting", "title_th": "การหารือข้อราชการกับประธานวุฒิสภา",
        "title_en": "Talks with the Senate President", "start": meeting_start,
        "end": meeting_start + dt.timedelta(hours=1, minutes=30), "venue": "อาคารรัฐสภา ห้องรับรอง 1",
        "country_id": visit.country_id, "principal_ids": [principal.id], "guest_ids": guest_ids})
    dinner = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(18, 30))
    hosts = [principal.id] + [p.id for p in context.rng.sample(context.refs.get("senators", []), k=2)]
    reception = _book(context, {
        "visit_id": visit.id, "kind": "reception", "title_th": "งานเลี้ยงรับรองอย่างเป็นทางการ",
        "title_en": "Official dinner", "start": dinner, "end": dinner + dt.timedelta(hours=2, minutes=30),
        "venue": "ห้องจัดเลี้ยง อาคารรัฐสภา", "country_id": visit.country_id, "host_id": principal.id,
        "principal_ids": hosts, "guest_ids": guest_ids,
        "cost_estimate": Decimal(context.rng.choice([45000, 60000, 80000])),
    })
    if reception is not None:
        members = {m.person_id: m
                   for m, _ in visits.delegation(context.session, visit_id=visit.id, actor=context.actor)}
        for guest in guests:
            if members[guest.id].dietary:
                protocol.set_dietary(context.session, engagement_id=reception.id, person_id=guest.id,
                                     dietary=members[guest.id].dietary, actor=context.actor)
        if guests:
            protocol.set_precedence(context.session, engagement_id=reception.id, person_id=guests[0].id,
                                    rank_code="foreign-parliamentarian", actor=context.actor)
    if meeting is not None and meeting.end < dt.datetime.combine(context.today, dt.time()):
        _record(context, meeting.id)


def _serving_ambassador(context: DemoContext, iso2: str, day: dt.date) -> Person:
    """The ambassador of that country serving on the day of the call."""
    country = _country(context, iso2)
    terms = context.refs.get("ambassador_terms", {}).get(country.id, [])
    serving = [person for person, start, end in terms if start <= day <= end]
    return serving[0] if serving else context.refs["ambassadors"][iso2]


def _courtesy_calls(context: DemoContext, first: dt.date, last: dt.date, principals: list[Person]) -> None:
    ambassadors = list(context.refs.get("ambassadors", {}).items())
    day = first + dt.timedelta(days=7)
    number = 0
    while day <= last and ambassadors:
        if day.weekday() < 5:
            iso2, _current = ambassadors[number % len(ambassadors)]
            ambassador = _serving_ambassador(context, iso2, day)
            principal = principals[number % len(principals)]
            country = _country(context, iso2)
            start = dt.datetime.combine(day, dt.time(context.rng.choice([10, 11, 14, 15])))
            name = ambassador.display_name("en")
            call = _book(context, {
                "kind": "courtesy_call", "title_th": f"เอกอัครราชทูต{country.name_th}เข้าเยี่ยมคารวะ",
                "title_en": f"Courtesy call by the Ambassador of {country.name_en} ({name})",
                "start": start, "end": start + dt.timedelta(minutes=45), "venue": "ห้องรับรอง ประธานวุฒิสภา",
                "country_id": country.id, "principal_ids": [principal.id], "guest_ids": [ambassador.id],
                "classification": Clearance.CONFIDENTIAL if number % 11 == 5 else Clearance.NONE,
            })
            recent = start > dt.datetime.combine(context.today - dt.timedelta(days=25), dt.time())
            past = start < dt.datetime.combine(context.today, dt.time())
            if call is not None and past and not (recent and number % 2):
                _record(context, call.id, classification=call.classification if number % 7 else Clearance.SECRET)
            number += 1
        day += dt.timedelta(days=context.rng.choice([2, 3, 4, 5, 7]))


def _record(context: DemoContext, engagement_id: int, classification: int = Clearance.NONE) -> None:
    topics = context.rng.sample(TOPICS, k=2)
    owners = _officers(context)
    records.record_conversation(context.session, actor=context.actor, data={
        "engagement_id": engagement_id, "attendees": "ผู้บริหารวุฒิสภา เอกอัครราชทูต และเจ้าหน้าที่สำนักงานต่างประเทศ",
        "topics": "; ".join(topics),
        "summary": f"ทั้งสองฝ่ายหารือเรื่อง{topics[0]} และเห็นพ้องให้ส่งเสริม{topics[1]} (ข้อมูลสมมติ)",
        "classification": max(int(classification), 0),
        "follow_ups": [{"action": f"ประสานงานเรื่อง{topics[0]}กับกระทรวงการต่างประเทศ",
                        "owner_id": owners[0].id if owners else None,
                        "due_date": context.today + dt.timedelta(days=context.rng.randint(-20, 30))}],
    })
