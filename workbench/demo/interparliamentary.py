"""Demo inter-parliamentary work around the demo office's day: the Thai national groups' executive committees
(with a change of president), Thailand's seats on IPU and AIPA bodies, the recent and the next IPU Assemblies, an
APPF annual meeting and an AIPA General Assembly with delegations, observers, agenda, positions (one classified),
resolutions, interventions, summaries with follow-ups (one overdue), documents and the coordination log with the
House secretariat; earlier years' meetings for the participation chart. Every name is fictional."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workbench.demo import DemoContext, demo_builder
from workbench.models.base import Clearance
from workbench.models.interparliamentary import FollowUpStatus, MeetingKind, MeetingRead
from workbench.models.people import PersonRead
from workbench.models.visits import MemberRole
from workbench.services import countries, people
from workbench.services.interparliamentary import exchanges, meetings, positions, summaries

D = dt.timedelta


@demo_builder("interparliamentary", order=60)
def build_interparliamentary(context: DemoContext) -> None:
    senators: list[PersonRead] = list(context.refs.get("senators", []))
    principals: dict[str, PersonRead] = context.refs.get("principals", {})
    officers: list[PersonRead] = list(context.refs.get("staff", {}).get("fao-ir", []))
    if len(senators) < 12 or not officers:
        return
    today = context.today
    _committees(context, senators, principals)
    vp = principals.get("senate-first-vice-president", senators[0])
    head2 = principals.get("senate-second-vice-president", senators[1])
    # The recent IPU Assembly (held, summarised) and the next one (in preparation).
    recent_ipu = _enter(context, "ipu-assembly", today, before=True)
    _meeting_content(context, recent_ipu, vp, senators[2:5], officers, held=True, classified_position=True)
    next_ipu = _enter(context, "ipu-assembly", today, before=False, country_iso2="CH", city="เจนีวา")
    _prepare(context, next_ipu, vp, senators[2:4], officers)
    # AIPA General Assembly of the year (held) and the APPF annual meeting of the year (held).
    aipa = _enter(context, "aipa-general-assembly", today, before=True)
    _meeting_content(context, aipa, head2, senators[5:8], officers, held=True)
    appf = _enter(context, "appf-annual", today, before=True, country_iso2="JP", city="โตเกียว")
    _meeting_content(context, appf, senators[8], senators[9:11], officers, held=True)
    _history(context, senators, officers)
    _coordination(context, next_ipu, aipa)


def _person_ids(people_list: list[PersonRead]) -> list[int]:
    return [p.id for p in people_list]


def _committees(context: DemoContext, senators: list[PersonRead], principals: dict[str, PersonRead]) -> None:
    start = min(context.first_day, context.today - D(days=730))  # committees elected before the years covered
    change = context.today - D(days=120)
    for index, group in enumerate(("ipu", "appf", "aipa")):
        committee = people.organization_by_code(context.session, f"{group}-thai-group-excom")
        post = {code: p for code, p in ((c, _post(context, f"{group}-excom-{c}"))
                                        for c in ("president", "vice-president", "secretary", "member"))}
        first_president, second_president = senators[index], senators[index + 12]
        if group == "ipu":  # the IPU group changed president during the year
            _member(context, first_president, committee, post["president"], start, change - D(days=1))
            _member(context, second_president, committee, post["president"], change, None)
        else:
            _member(context, first_president, committee, post["president"], start, None)
        _member(context, senators[index + 3], committee, post["vice-president"], start, None)
        _member(context, senators[index + 6], committee, post["secretary"], start, None)
        for senator in senators[index + 15:index + 18]:
            _member(context, senator, committee, post["member"], start, None)
    seats = [("ipu-sc-peace", senators[2]), ("ipu-sc-development", senators[4]), ("ipu-women", senators[13]),
             ("ipu-governing-council", senators[12]), ("aipa-executive-committee", senators[5])]
    for code, senator in seats:
        body = people.organization_by_code(context.session, code)
        people.add_membership(context.session, actor=context.actor, data={
            "person_id": senator.id, "organization_id": body.id, "role_th": "ผู้แทนไทย", "role_en": "Thai member",
            "start_date": start})


def _post(context: DemoContext, code: str):
    from sqlmodel import select

    from workbench.models.people import Post

    return context.session.exec(select(Post).where(Post.code == code)).one()


def _member(context: DemoContext, person: PersonRead, committee: Any, post: Any, start: dt.date, end: dt.date | None) -> None:
    people.add_membership(context.session, actor=context.actor, data={
        "person_id": person.id, "organization_id": committee.id, "post_id": post.id, "start_date": start,
        "end_date": end})


def _enter(context: DemoContext, series_code: str, around: dt.date, *, before: bool,
           country_iso2: str | None = None, city: str = "") -> MeetingRead:
    """Enter the series' last meeting before ``around`` (or the first after it) from its predicted dates."""
    org = {"ipu-assembly": "IPU", "aipa-general-assembly": "AIPA", "appf-annual": "APPF"}[series_code]
    org_id = meetings.organization_by_code(context.session, org).id
    window = (around - D(days=400), around) if before else (around, around + D(days=400))
    rows = [r for r in meetings.list_meetings(context.session, actor=context.actor, first=window[0], last=window[1],
                                              organization_id=org_id)
            if r.series_code == series_code and r.projected and ((r.end < around) if before else (r.start > around))]
    row = rows[-1] if before else rows[0]
    meeting = meetings.enter_predicted(context.session, key=row.key, actor=context.actor)
    if country_iso2 and meeting.country_id is None:
        country = countries.find_country(context.session, country_iso2)
        meeting = meetings.update_meeting(context.session, meeting_id=meeting.id, actor=context.actor, data={
            "country_id": country.id, "city": city, "notes": "demo: host chosen for the demo office"})
    return meeting


def _agenda(context: DemoContext, meeting: MeetingRead) -> list[Any]:
    topics = [("การอภิปรายทั่วไป: บทบาทของรัฐสภาในการส่งเสริมสันติภาพ", "General debate: parliaments and peace"),
              ("ความมั่นคงทางอาหารและการเปลี่ยนแปลงสภาพภูมิอากาศ", "Food security and climate change"),
              ("ความร่วมมือด้านความมั่นคงทางไซเบอร์", "Cooperation on cybersecurity")]
    return [meetings.add_agenda_item(context.session, actor=context.actor, data={
        "meeting_id": meeting.id, "title_th": th, "title_en": en, "body": "ที่ประชุมใหญ่"}) for th, en in topics]


def _delegation(context: DemoContext, meeting: MeetingRead, head: PersonRead, members: list[PersonRead], officers: list[PersonRead]) -> None:
    meetings.add_delegate(context.session, meeting_id=meeting.id, person_id=head.id, role=MemberRole.HEAD, actor=context.actor)
    for member in members:
        meetings.add_delegate(context.session, meeting_id=meeting.id, person_id=member.id, role=MemberRole.MEMBER,
                              actor=context.actor)
    meetings.add_delegate(context.session, meeting_id=meeting.id, person_id=officers[1].id, role=MemberRole.ADVISER,
                          actor=context.actor)
    meetings.add_delegate(context.session, meeting_id=meeting.id, person_id=officers[2].id, role=MemberRole.SECRETARY,
                          actor=context.actor)
    meetings.add_observer(context.session, meeting_id=meeting.id, person_id=officers[3].id,
                          note="ผู้สังเกตการณ์จากสำนักงานต่างประเทศ", actor=context.actor)


def _meeting_content(context: DemoContext, meeting: MeetingRead, head: PersonRead, members: list[PersonRead],
                     officers: list[PersonRead], *, held: bool, classified_position: bool = False) -> None:
    _delegation(context, meeting, head, members, officers)
    items = _agenda(context, meeting)
    approver = head
    for number, item in enumerate(items):
        positions.add_position(context.session, actor=context.actor, data={
            "agenda_item_id": item.id, "text": "ไทยสนับสนุนบทบาทของรัฐสภาในการเสริมสร้างความร่วมมือระหว่างประเทศ (ร่าง)"})
        level = Clearance.CONFIDENTIAL if classified_position and number == 2 else Clearance.NONE
        positions.add_position(context.session, actor=context.actor, data={
            "agenda_item_id": item.id, "classification": level, "approved_by_id": approver.id,
            "approved_on": meeting.start_date - D(days=10),
            "text": ("ไทยสนับสนุนร่างข้อมติ และเสนอให้เพิ่มความร่วมมือด้านการแลกเปลี่ยนข้อมูลระหว่างรัฐสภา"
                     if level == Clearance.NONE else
                     "ท่าทีลับ: ไทยจะไม่ร่วมสนับสนุนร่างข้อมติหากมีการอ้างถึงกรณีพิพาทเขตแดน")})
    exchanges.add_document(context.session, actor=context.actor, data={
        "meeting_id": meeting.id, "direction": "received", "title": f"หนังสือเชิญเข้าร่วม{meeting.title_th}",
        "day": meeting.start_date - D(days=120)})
    exchanges.add_document(context.session, actor=context.actor, data={
        "meeting_id": meeting.id, "direction": "sent", "title": "หนังสือแจ้งรายชื่อคณะผู้แทนไทย",
        "day": meeting.start_date - D(days=40)})
    if not held:
        return
    positions.add_resolution(context.session, actor=context.actor, data={
        "meeting_id": meeting.id, "agenda_item_id": items[1].id,
        "title_th": "ข้อมติว่าด้วยความมั่นคงทางอาหารและการเปลี่ยนแปลงสภาพภูมิอากาศ",
        "title_en": "Resolution on food security and climate change", "outcome": "รับรองโดยฉันทามติ",
        "thailand_vote": "consensus"})
    positions.add_intervention(context.session, actor=context.actor, data={
        "meeting_id": meeting.id, "agenda_item_id": items[0].id, "speaker_id": head.id, "day": meeting.start_date,
        "summary": "หัวหน้าคณะผู้แทนไทยกล่าวถ้อยแถลงในการอภิปรายทั่วไป เน้นบทบาทของรัฐสภาในการส่งเสริมสันติภาพ"})
    visit_id = meetings.ensure_visit(context.session, meeting_id=meeting.id, actor=context.actor)  # the delegation's
    for visit_status in ("approved", "confirmed", "completed"):
        from workbench.services import visits

        visits.change_status(context.session, visit_id=visit_id, status=visit_status, actor=context.actor)
    # the trip went ahead, so its protocol checklist was worked through (not 91 items overdue years later)
    done = [item.id for item in visits.checklist(context.session, visit_id=visit_id, actor=context.actor)
            if item.due_date < context.today - D(days=3)]
    visits.complete_checklist_items(context.session, visit_id=visit_id, item_ids=done, actor=context.actor)
    for step in meetings.meeting_row(context.session, meeting_id=meeting.id, actor=context.actor).prep:
        if step.task_id:  # a meeting held was prepared
            meetings.set_prep_done(context.session, task_id=step.task_id, done=True, actor=context.actor)
    today = context.today
    summary = summaries.write_summary(context.session, actor=context.actor, data={
        "meeting_id": meeting.id,
        "overview": f"คณะผู้แทนไทยเข้าร่วม{meeting.title_th} และร่วมอภิปรายในทุกวาระ",
        "key_decisions": "ที่ประชุมรับรองข้อมติว่าด้วยความมั่นคงทางอาหาร และเห็นชอบแผนงานของคณะกรรมาธิการสามัญ",
        "follow_ups": [
            {"action": "จัดทำรายงานผลการประชุมเสนอประธานวุฒิสภา", "owner_id": officers[2].id,
             "due_date": meeting.end_date + D(days=14)},
            {"action": "แจ้งข้อมติต่อคณะกรรมาธิการที่เกี่ยวข้อง", "owner_id": officers[3].id,
             "due_date": max(meeting.end_date + D(days=30), today - D(days=10))},
            {"action": "เตรียมข้อมูลสำหรับการประชุมครั้งต่อไป", "owner_id": officers[1].id,
             "due_date": today + D(days=25)},
        ]})
    first = summaries.follow_ups(context.session, actor=context.actor, meeting_id=meeting.id)
    done = min(first, key=lambda r: r.id)
    summaries.set_follow_up_status(context.session, follow_up_id=done.id, status=FollowUpStatus.DONE, actor=context.actor)
    del summary


def _prepare(context: DemoContext, meeting: MeetingRead, head: PersonRead, members: list[PersonRead], officers: list[PersonRead]) -> None:
    items = _agenda(context, meeting)
    positions.add_position(context.session, actor=context.actor, data={
        "agenda_item_id": items[0].id, "text": "ร่างท่าทีไทย: สนับสนุนหัวข้อการอภิปรายทั่วไป (รอความเห็นชอบ)"})
    exchanges.add_document(context.session, actor=context.actor, data={
        "meeting_id": meeting.id, "direction": "received", "title": f"หนังสือเชิญเข้าร่วม{meeting.title_th}",
        "day": context.today - D(days=20)})
    row = meetings.meeting_row(context.session, meeting_id=meeting.id, actor=context.actor)
    for step in row.prep:
        if step.due < context.today and step.task_id:
            meetings.set_prep_done(context.session, task_id=step.task_id, done=True, actor=context.actor)
    del head, members, officers  # the delegation is recorded by staff (the browser test does it)


def _history(context: DemoContext, senators: list[PersonRead], officers: list[PersonRead]) -> None:
    """Earlier years' AIPA and IPU meetings with small delegations and closed follow-ups (participation chart)."""
    for years_back in (1, 2):
        day = context.today - D(days=365 * years_back)
        for series in ("aipa-general-assembly", "ipu-assembly"):
            meeting = _enter(context, series, day, before=True)
            if meeting.country_id is None:
                continue
            meetings.add_delegate(context.session, meeting_id=meeting.id, person_id=senators[years_back + 18].id,
                                  role=MemberRole.HEAD, actor=context.actor)
            meetings.add_delegate(context.session, meeting_id=meeting.id, person_id=officers[4].id,
                                  role=MemberRole.SECRETARY, actor=context.actor)
            summaries.write_summary(context.session, actor=context.actor, data={
                "meeting_id": meeting.id, "key_decisions": "ที่ประชุมรับรองข้อมติตามวาระ",
                "follow_ups": [{"action": "รายงานผลการประชุม", "owner_id": officers[4].id,
                                "due_date": meeting.end_date + D(days=14)}]})
            for row in summaries.follow_ups(context.session, actor=context.actor, meeting_id=meeting.id):
                summaries.set_follow_up_status(context.session, follow_up_id=row.id, status="done", actor=context.actor)


def _coordination(context: DemoContext, next_ipu: MeetingRead, aipa: MeetingRead) -> None:
    exchanges.log_coordination(context.session, actor=context.actor, data={
        "meeting_id": next_ipu.id, "asked_on": context.today - D(days=12),
        "asked_by": "สำนักองค์การรัฐสภาระหว่างประเทศ สำนักงานเลขาธิการสภาผู้แทนราษฎร",
        "question": "ขอรายชื่อสมาชิกวุฒิสภาที่จะร่วมคณะผู้แทนรัฐสภาไทย", "answer": "", "decision": ""})
    exchanges.log_coordination(context.session, actor=context.actor, data={
        "meeting_id": aipa.id, "asked_on": aipa.start_date - D(days=60),
        "asked_by": "สำนักงานต่างประเทศ สำนักงานเลขาธิการวุฒิสภา",
        "question": "สัดส่วนสมาชิกวุฒิสภาในคณะผู้แทนร่วม", "answer": "วุฒิสภา 3 คน สภาผู้แทนราษฎร 5 คน",
        "answered_on": aipa.start_date - D(days=55), "decision": "เห็นชอบตามสัดส่วนที่เสนอ"})


__all__ = ["build_interparliamentary", "MeetingKind"]
