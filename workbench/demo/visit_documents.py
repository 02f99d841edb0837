"""Demo visit documents: visiting delegations get their names and titles in Thai (for place cards), inbound
engagements a dress code, outbound visits their programme abroad with records, and visits that ended more than
30 days ago an analyst's narrative, an issued trip report or visit summary, and the status "reported"."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from workbench.demo import DemoContext, demo_builder
from workbench.demo.core import foreign_name, foreign_thai, join_parliament
from workbench.errors import ConflictError
from workbench.models.visits import Direction, MemberRole, Visit, VisitStatus
from workbench.services import engagements, people, protocol, records, visit_documents, visits

HONORIFICS = {"Hon.": "ฯพณฯ", "Mr.": "นาย", "Ms.": "นางสาว", "H.E.": "ฯพณฯ"}
RANK_OF_ROLE = {MemberRole.HEAD: "foreign-parliamentarian", MemberRole.MEMBER: "foreign-parliamentarian",
                MemberRole.SECRETARY: "official", MemberRole.INTERPRETER: "official", MemberRole.LIAISON: "official"}
DRESS = {"airport_welcome": ("ชุดสากล", "Lounge suit"), "meeting": ("ชุดสากล", "Lounge suit"),
         "reception": ("ชุดสากลนิยม หรือชุดไทยพระราชทาน", "Lounge suit or national dress"),
         "courtesy_call": ("ชุดสากล", "Lounge suit"), "site_visit": ("ชุดสุภาพ", "Smart casual")}


@demo_builder("visit_documents", order=60)
def build_visit_documents(context: DemoContext) -> None:
    session, actor = context.session, context.actor
    for visit in session.exec(select(Visit).order_by(Visit.start_date)).all():
        if visit.direction == Direction.INBOUND:
            _thai_names_and_ranks(context, visit)
        else:
            _programme_abroad(context, visit)
        for part in engagements.list_engagements(session, actor=actor, visit_id=visit.id):
            dress = DRESS.get(str(part.kind))
            if dress:
                contact = visit_officer(context, visit)
                visit_documents.set_programme_details(session, engagement_id=part.id, actor=actor, data={
                    "dress_code_th": dress[0], "dress_code_en": dress[1], "contact_person_id": contact})
        if visit.status == VisitStatus.COMPLETED and visit.end_date < context.today - dt.timedelta(days=30):
            _report(context, visit)


def visit_officer(context: DemoContext, visit: Visit) -> int | None:
    officers = visits.read_visit(context.session, visit_id=visit.id, actor=context.actor).officer_ids
    return officers[0] if officers else None


def _thai_names_and_ranks(context: DemoContext, visit: Visit) -> None:
    session, actor = context.session, context.actor
    members = visits.delegation(session, visit_id=visit.id, actor=actor)
    for _member, person in members:
        if not person.given_name_th:
            people.update_person(session, person_id=person.id, actor=actor, data={
                "honorific_th": HONORIFICS.get(person.honorific_en, ""),
                "given_name_th": foreign_thai(person.given_name_en),
                "family_name_th": foreign_thai(person.family_name_en)})
    ranks = {m.person_id: RANK_OF_ROLE[MemberRole(m.role)] for m, _ in members}
    for part in engagements.list_engagements(session, actor=actor, visit_id=visit.id):
        for person_id in part.guest_ids:
            if person_id in ranks:
                protocol.set_precedence(session, engagement_id=part.id, person_id=person_id,
                                        rank_code=ranks[person_id], actor=actor)


def _programme_abroad(context: DemoContext, visit: Visit) -> None:
    """Talks with the host parliament on the first full day and a study visit the day after."""
    session, actor = context.session, context.actor
    if visit.status in (VisitStatus.CANCELLED, VisitStatus.POSTPONED):
        return
    given, family = foreign_name(context, draw=False, start=visit.id or 0)
    counterpart = people.create_person(session, actor=actor, data={
        "honorific_en": "Hon.", "given_name_en": given, "family_name_en": family, "honorific_th": "ฯพณฯ",
        "given_name_th": foreign_thai(given), "family_name_th": foreign_thai(family), "nationality_id": visit.country_id,
        "biography": "ประธานรัฐสภาของประเทศเจ้าภาพ บุคคลสมมติสำหรับการสาธิตระบบ (fictional)."})
    join_parliament(context, counterpart, visit.country_id, ("ประธานรัฐสภา", "Speaker"))
    first = visit.start_date + dt.timedelta(days=1)
    plan = [("meeting", "หารือข้อราชการกับประธานรัฐสภาประเทศเจ้าภาพ", "Talks with the Speaker of the host parliament",
             dt.datetime.combine(first, dt.time(10, 0)), 90, "อาคารรัฐสภาประเทศเจ้าภาพ", [counterpart.id]),
            ("site_visit", "ศึกษาดูงานระบบงานคณะกรรมาธิการ", "Study visit: the committee system",
             dt.datetime.combine(first + dt.timedelta(days=1), dt.time(14, 0)), 120, "สำนักงานเลขาธิการรัฐสภา", []),
            ("courtesy_call", "เข้าเยี่ยมคารวะเอกอัครราชทูตไทย", "Call on the Thai Ambassador",
             dt.datetime.combine(first + dt.timedelta(days=1), dt.time(9, 0)), 60, "สถานเอกอัครราชทูตไทย", [])]
    for kind, title_th, title_en, start, minutes, venue, guests in plan:
        if start.date() > visit.end_date:
            continue
        data = {"visit_id": visit.id, "kind": kind, "title_th": title_th, "title_en": title_en, "start": start,
                "end": start + dt.timedelta(minutes=minutes), "venue": venue, "country_id": visit.country_id,
                "principal_ids": [visit.principal_id] if visit.principal_id else [], "guest_ids": guests}
        part = None
        for _ in range(5):
            try:
                part = engagements.create_engagement(session, actor=actor, data=data)
                break
            except ConflictError:
                data = {**data, "start": data["start"] + dt.timedelta(hours=2), "end": data["end"] + dt.timedelta(hours=2)}
        if part is not None and kind in ("meeting", "courtesy_call") and part.end.date() < context.today:
            records.record_conversation(session, actor=actor, data={
                "engagement_id": part.id, "attendees": "คณะผู้แทนวุฒิสภาและฝ่ายเจ้าภาพ",
                "topics": "ความร่วมมือระหว่างรัฐสภา; การแลกเปลี่ยนการศึกษาดูงาน",
                "summary": "ทั้งสองฝ่ายเห็นพ้องส่งเสริมการแลกเปลี่ยนระหว่างรัฐสภาและจัดตั้งกลุ่มมิตรภาพ (ข้อมูลสมมติ)",
                "follow_ups": [{"action": "เสนอการจัดตั้งกลุ่มมิตรภาพรัฐสภาต่อที่ประชุม",
                                "owner_id": visit_officer(context, visit),
                                "due_date": part.end.date() + dt.timedelta(days=30)}]})


def _report(context: DemoContext, visit: Visit) -> None:
    session, actor = context.session, context.actor
    if not engagements.list_engagements(session, actor=actor, visit_id=visit.id):
        return
    visit_documents.save_narrative(session, visit_id=visit.id, actor=actor, data={
        "summary": f"{visit.title_th} เป็นไปตามกำหนดการ ทุกกิจกรรมบรรลุวัตถุประสงค์ (ข้อมูลสมมติ)",
        "outcomes": "กระชับความสัมพันธ์ระหว่างรัฐสภา และตกลงแลกเปลี่ยนข้อมูลด้านนิติบัญญัติ",
        "recommendations": "ควรติดตามการจัดตั้งกลุ่มมิตรภาพรัฐสภาภายในปีงบประมาณนี้"})
    visit_documents.issue_report(session, visit_id=visit.id, actor=actor)
    visits.change_status(session, visit_id=visit.id, status=VisitStatus.REPORTED, actor=actor)
