"""Clearance on every path: every public service function, called by an uncleared user of each role against
classified records, behaves as if those records did not exist.

The functions are found by introspecting the ``workbench.services`` modules, so a new service is walked as soon as
it is written: the test fails until CALLS says how to call it (or EXCLUDED says why it needs no walk). For each
call the test asserts that

* a classified id gives exactly the outcome of an id that never existed: the same error class (``NotFound``, or
  ``PermissionDenied`` when the role may not act at all) with the same text once the id itself is blanked;
* a list holds no subject (every text of a classified record carries MARK) and no id of a classified record, and
  counts exactly what a cleared user of the same role sees minus the classified records;
* a clash with a classified engagement is still refused, naming neither its subject, nor its id, nor its times.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import Session, SQLModel, select

import workbench.services
from tests.factories import make_person, make_user, user_model
from tests.visit_factories import country_id, make_engagement, make_principal, make_visit
from workbench.db import SYSTEM, transaction
from workbench.errors import ConflictError, NotFound, PermissionDenied, WorkbenchError
from workbench.models.administration import Absence, Gift
from workbench.models.base import Clearance
from workbench.models.briefing import Agreement, BriefingPack, BriefingPackPoint, MonitoringNote, TalkingPoint
from workbench.models.budget import Allotment, BudgetLine, Commitment, Disbursement, Transfer
from workbench.models.correspondence import Correspondence, CorrespondenceAttachment, RoutingStep
from workbench.models.interparliamentary import (
    AgendaItem,
    CoordinationEntry,
    Intervention,
    Meeting,
    MeetingDocument,
    MeetingSummary,
    Position,
    PrepTask,
    SummaryFollowUp,
)
from workbench.models.travel import TravelLetter
from workbench.models.users import Role
from workbench.models.visit_documents import ProgrammeDetails, ReportNarrative
from workbench.models.visits import (
    ChecklistItem,
    ConversationRecord,
    DelegationMember,
    Engagement,
    FollowUp,
    Visit,
)
from workbench.services import (
    audit,
    briefing,
    budget,
    budget_reports,
    calendar,
    countries,
    engagements,
    monitoring,
    protocol,
    records,
    search,
    trip_costs,
    visit_documents,
    visits,
)
from workbench.services.administration import absence_calendar, gifts, sources, staff, statistics
from workbench.services.correspondence import attachments, registers, retention, routing
from workbench.services.interparliamentary import calendar as ip_calendar
from workbench.services.interparliamentary import exchanges, meetings, positions, stats, summaries
from workbench.services.travel import issuing, letters, passports, readiness

MARK = "ZQXลับ"  # in every text of every classified record made below
MISSING = 987_654_321  # an id no record has
SECRET = Clearance.SECRET
FY = 2570
DEC = dt.date(2026, 12, 1)


@dataclasses.dataclass
class World:
    """Classified records of every kind, made by the system, and the ids an uncleared user must never learn."""

    country: int
    principal: int
    guest: int
    visit: int
    engagement: int
    reception: int
    record: int
    follow_up: int
    checklist_item: int
    checklist_items: list[int]
    pack_points: list[int]
    member: int
    note: int
    point: int
    agreement: int
    pack: int
    line: int  # an unclassified line carrying classified money
    secret_line: int
    commitment: int
    draft: int
    disbursement: int
    allotment: int  # on the secret line
    transfer: int  # between two secret lines
    secret_twin: int
    open_visit: int  # an unclassified visit and engagement, so lists are not empty
    open_engagement: int
    free_engagement: int  # unclassified, in no visit
    document: int = 0  # a secret register entry (correspondence), with an attachment and routing steps
    attachment: int = 0
    destruction_list: int = 0  # drawn up by a cleared officer: holds the secret entry
    letter: int = 0  # a travel letter issued for the secret visit
    narrative: int = 0  # the secret visit's trip report narrative

    def secret_ids(self) -> dict[type, set[int]]:
        return {Visit: {self.visit}, Engagement: {self.engagement, self.reception}, ConversationRecord: {self.record},
                FollowUp: {self.follow_up}, ChecklistItem: set(self.checklist_items),
                DelegationMember: {self.member}, MonitoringNote: {self.note}, TalkingPoint: {self.point},
                Agreement: {self.agreement}, BriefingPack: {self.pack}, BriefingPackPoint: set(self.pack_points),
                BudgetLine: {self.secret_line, self.secret_twin},
                Commitment: {self.commitment, self.draft}, Disbursement: {self.disbursement},
                Allotment: {self.allotment}, Transfer: {self.transfer},
                Correspondence: {self.document} | self.letter_documents, CorrespondenceAttachment: {self.attachment},
                TravelLetter: {self.letter}, ReportNarrative: {self.narrative}, RoutingStep: set(self.steps),
                ProgrammeDetails: {self.engagement},  # (its key is its engagement's id)
                Position: {self.position}, Intervention: {self.intervention}, MeetingSummary: {self.summary, self.hidden_summary},
                SummaryFollowUp: {self.ip_follow_up, self.hidden_follow_up}, Gift: {self.gift},
                Absence: {self.absence},
                Meeting: {self.hidden_meeting}, **{model: set(ids) for model, ids in self.on_hidden_meeting.items()}}

    letter_documents: set[int] = dataclasses.field(default_factory=set)  # outgoing entries of the secret letters
    steps: list[int] = dataclasses.field(default_factory=list)  # the secret entry's routing steps
    meeting: int = 0  # an unclassified inter-parliamentary meeting with a secret position, intervention, summary
    position: int = 0
    intervention: int = 0
    summary: int = 0
    ip_follow_up: int = 0
    gift: int = 0  # received at the secret visit (gifts carry no classification: they hang on the visit)
    staff: int = 0  # an officer on the staff register, away on official travel for the secret visit
    absence: int = 0  # that travel (it hangs on the secret visit)
    hidden_meeting: int = 0  # a meeting whose delegation is the secret visit: as classified as the visit
    hidden_summary: int = 0  # that meeting's summary (unclassified itself)
    hidden_follow_up: int = 0  # a follow-up of that meeting's (unclassified) summary
    on_hidden_meeting: dict[type, list[int]] = dataclasses.field(default_factory=dict)  # what else hangs on it


OLD_YEAR = 2005  # the secret register entry's year: no other entry is of that year


IP_DAY = dt.date(2026, 12, 20)


def _follow_up_id(row: Any) -> int:
    return getattr(row, "id", None) or row.follow_up_id


def add_new_features(session: Session, world: World) -> World:
    """Classified records of the features added since: correspondence, travel letters, visit documents."""
    doc = registers.register_document(session, actor=SYSTEM, data={
        "register": "incoming", "doc_number": f"{MARK} 0201/1", "sender": f"{MARK} sender",
        "recipient": f"{MARK} recipient", "subject": f"{MARK} หนังสือลับ", "doc_type": "external",
        "urgency": "normal", "classification": SECRET, "registered_at": dt.datetime(OLD_YEAR, 3, 1, 9),
        "remarks": f"{MARK} remarks"})
    attachment = attachments.attach(session, document_id=doc.id, actor=SYSTEM, filename=f"{MARK}.pdf",
                                       content=b"%PDF zqxsecret")
    routing.route(session, document_id=doc.id, actor=SYSTEM, action="assign", to_group=f"{MARK} group",
                         note=f"{MARK} note", at=dt.datetime(OLD_YEAR, 3, 2, 9))
    listing = retention.draw_up_destruction_list(session, actor=SYSTEM, year_be=2569)
    visit_documents.save_narrative(session, visit_id=world.visit, actor=SYSTEM, data={
        "summary": f"{MARK} summary", "outcomes": f"{MARK} outcomes"})
    visit_documents.set_programme_details(session, engagement_id=world.engagement, actor=SYSTEM, data={
        "dress_code_th": f"{MARK} dress"})
    passports.register_passport(session, actor=SYSTEM, data={
        "person_id": world.principal, "passport_type": "diplomatic", "number": "D700001",
        "issue_date": dt.date(2025, 1, 2), "expiry_date": dt.date(2031, 1, 1)})
    letter = letters.issue(session, kind="passport", visit_id=world.visit, actor=SYSTEM, today=dt.date(2026, 11, 1))
    narrative = visit_documents.latest_narrative(session, visit_id=world.visit, actor=SYSTEM)
    meeting = meetings.create_meeting(session, actor=SYSTEM, data={
        "organization_id": meetings.organization_by_code(session, "AIPA").id, "kind": "executive_committee",
        "title_th": "ประชุมคณะกรรมการบริหาร AIPA", "start_date": IP_DAY, "end_date": IP_DAY})
    item = meetings.add_agenda_item(session, actor=SYSTEM, data={"meeting_id": meeting.id, "title_th": "เขตแดน"})
    position = positions.add_position(session, actor=SYSTEM, data={
        "agenda_item_id": item.id, "text": f"{MARK} ท่าทีลับ", "classification": SECRET})
    intervention = positions.add_intervention(session, actor=SYSTEM, data={
        "meeting_id": meeting.id, "speaker_id": world.principal, "day": IP_DAY, "summary": f"{MARK} speech",
        "classification": SECRET})
    summary = summaries.write_summary(session, actor=SYSTEM, data={
        "meeting_id": meeting.id, "overview": f"{MARK} overview", "key_decisions": f"{MARK} decisions",
        "classification": SECRET, "follow_ups": [{"action": f"{MARK} follow", "due_date": IP_DAY}]})
    ip_follow_up = summaries.follow_ups(session, actor=SYSTEM, meeting_id=meeting.id)[0]
    gift = gifts.record_gift(session, actor=SYSTEM, data={
        "direction": "received", "gift_date": dt.date(2026, 12, 2), "description_th": f"{MARK} แจกัน",
        "counterpart": f"{MARK} host", "visit_id": world.visit, "engagement_id": world.engagement,
        "value_baht": "50000.00", "occasion": f"{MARK} occasion"})
    officer = staff.add_staff(session, actor=SYSTEM, data={
        "person_id": world.guest, "position_th": "นักวิเทศสัมพันธ์", "work_group": "international_relations"})
    away = staff.record_absence(session, actor=SYSTEM, data={
        "staff_id": officer.id, "kind": "travel", "start_date": dt.date(2026, 12, 1), "end_date": dt.date(2026, 12, 4),
        "reason": f"{MARK} เดินทางกับคณะ", "visit_id": world.visit})
    hidden = meetings.create_meeting(session, actor=SYSTEM, data={  # (of AIPA, as the open meeting: the
        # participation table's row for AIPA that year is there either way, only its counts differ)
        "organization_id": meetings.organization_by_code(session, "AIPA").id, "kind": "workshop",
        "title_th": f"{MARK} สัมมนา", "start_date": dt.date(2026, 12, 2), "end_date": dt.date(2026, 12, 3),
        "country_id": world.country, "city": f"{MARK} city"})
    with transaction(session, actor=SYSTEM):  # its delegation travels on the secret visit
        row = session.get(Meeting, hidden.id)
        row.visit_id = world.visit
        session.add(row)
    hidden_item = meetings.add_agenda_item(session, actor=SYSTEM, data={
        "meeting_id": hidden.id, "title_th": f"{MARK} วาระ"})
    hidden_document = exchanges.add_document(session, actor=SYSTEM, data={
        "meeting_id": hidden.id, "direction": "received", "title": f"{MARK} หนังสือเชิญ", "day": IP_DAY})
    hidden_entry = exchanges.log_coordination(session, actor=SYSTEM, data={
        "meeting_id": hidden.id, "asked_on": IP_DAY, "asked_by": f"{MARK} asker", "question": f"{MARK} question"})
    hidden_summary = summaries.write_summary(session, actor=SYSTEM, data={
        "meeting_id": hidden.id, "key_decisions": f"{MARK} decided",
        "follow_ups": [{"action": f"{MARK} hidden follow", "due_date": IP_DAY}]})
    hidden_follow_up = summaries.follow_ups(session, actor=SYSTEM, meeting_id=hidden.id)[0]
    on_hidden = {AgendaItem: [hidden_item.id], MeetingDocument: [hidden_document.id], CoordinationEntry: [hidden_entry.id],
                 PrepTask: list(session.exec(select(PrepTask.id).where(PrepTask.meeting_id == hidden.id)).all())}
    return dataclasses.replace(world, hidden_meeting=hidden.id, hidden_follow_up=hidden_follow_up.id,
                               on_hidden_meeting=on_hidden, hidden_summary=hidden_summary.id, document=doc.id, attachment=attachment.id, destruction_list=listing.list_id,
                               letter=letter.letter.id, letter_documents={letter.letter.correspondence_id},
                               narrative=narrative.id,
                               steps=[step.id for step in routing.history(session, document_id=doc.id, actor=SYSTEM)],
                               meeting=meeting.id, position=position.id, intervention=intervention.id,
                               summary=summary.id, ip_follow_up=_follow_up_id(ip_follow_up), gift=gift.id,
                               staff=officer.id, absence=away.id)


def build_world(session: Session) -> World:
    jp = country_id(session)
    principal = make_principal(session)
    guest = make_person(session)
    open_visit = make_visit(session, title_th="การเยือนเปิดเผย", start_date=dt.date(2026, 12, 10),
                            end_date=dt.date(2026, 12, 12))
    open_engagement = make_engagement(session, title_th="การประชุมเปิดเผย", visit_id=open_visit.id,
                                      start=dt.datetime(2026, 12, 10, 9), end=dt.datetime(2026, 12, 10, 10))
    visit = make_visit(session, direction="outbound", title_th=f"{MARK} การเยือนลับ", title_en=f"{MARK} visit",
                       purpose=f"{MARK} purpose", cities=f"{MARK} city", classification=SECRET, officer_ids=[guest.id])
    engagement = make_engagement(session, visit_id=visit.id, title_th=f"{MARK} การเข้าพบลับ",
                                 title_en=f"{MARK} call", venue=f"{MARK} venue", classification=SECRET,
                                 principal_ids=[principal.id], guest_ids=[guest.id],
                                 start=dt.datetime(2026, 12, 2, 10), end=dt.datetime(2026, 12, 2, 11))
    reception = make_engagement(session, kind="reception", visit_id=visit.id, title_th=f"{MARK} งานเลี้ยงลับ",
                                title_en=f"{MARK} dinner", venue=f"{MARK} hall", classification=SECRET,
                                host_id=principal.id, guest_ids=[guest.id],
                                start=dt.datetime(2026, 12, 3, 19), end=dt.datetime(2026, 12, 3, 21))
    member = visits.add_delegation_member(session, actor=SYSTEM, data={
        "visit_id": visit.id, "person_id": principal.id, "role": "head", "dietary": f"{MARK} diet"})
    items = visits.checklist(session, visit_id=visit.id, actor=SYSTEM)
    record = records.record_conversation(session, actor=SYSTEM, data={
        "engagement_id": engagement.id, "summary": f"{MARK} summary", "topics": f"{MARK} topics",
        "attendees": f"{MARK} attendees", "classification": SECRET,
        "follow_ups": [{"action": f"{MARK} action", "owner_id": guest.id, "due_date": dt.date(2026, 12, 5)}]})
    follow_up = records.follow_ups(session, record_id=record.id, actor=SYSTEM)[0]
    note = monitoring.create_note(session, actor=SYSTEM, data={
        "country_id": jp, "noted_on": dt.date(2026, 11, 20), "category": "political", "title": f"{MARK} note",
        "summary": f"{MARK} note summary", "tags": "zqxsecret", "classification": SECRET})
    point = monitoring.create_talking_point(session, actor=SYSTEM, data={
        "country_id": jp, "topic": f"{MARK} topic", "text_th": f"{MARK} text", "text_en": f"{MARK} text",
        "valid_from": dt.date(2026, 1, 1), "classification": SECRET})
    monitoring.approve_talking_point(session, point_id=point.id, actor=SYSTEM)
    agreement = monitoring.record_agreement(session, actor=SYSTEM, data={
        "country_id": jp, "kind": "mou", "title_th": f"{MARK} agreement", "signed_on": dt.date(2026, 6, 1),
        "parties": f"{MARK} parties", "summary": f"{MARK}", "classification": SECRET})
    pack = briefing.save_pack(session, actor=SYSTEM, data={
        "engagement_id": engagement.id, "remarks": f"{MARK} remarks",
        "points": [{"topic": f"{MARK} pack topic", "text": f"{MARK} pack text", "classification": SECRET}]})
    line = budget.create_line(session, actor=SYSTEM, data={
        "fiscal_year": FY, "code": "OPEN1", "name_th": "ค่าเดินทาง", "category": "operations",
        "expense_type": "services", "allocated": "900000.00"})
    budget.add_allotment(session, actor=SYSTEM, data={"line_id": line.id, "period_no": 1,
                                                     "entry_date": dt.date(2026, 10, 1), "amount": "900000.00"})
    secret_line = budget.create_line(session, actor=SYSTEM, data={
        "fiscal_year": FY + 1, "code": "ZQX1", "name_th": f"{MARK} งบลับ", "category": "operations",
        "expense_type": "services", "allocated": "500000.00", "classification": SECRET})
    secret_twin = budget.create_line(session, actor=SYSTEM, data={
        "fiscal_year": FY + 1, "code": "ZQX2", "name_th": f"{MARK} งบลับสอง", "category": "operations",
        "expense_type": "services", "allocated": "10.00", "classification": SECRET})
    allotment = budget.add_allotment(session, actor=SYSTEM, data={
        "line_id": secret_line.id, "period_no": 1, "entry_date": dt.date(2027, 10, 1), "amount": "400000.00",
        "description": f"{MARK} allotment", "document_no": f"{MARK}-A"})
    transfer = budget.transfer(session, actor=SYSTEM, data={
        "from_line_id": secret_line.id, "to_line_id": secret_twin.id, "amount": "1000.00",
        "entry_date": dt.date(2027, 10, 2), "approver_id": principal.id, "description": f"{MARK} transfer"})
    commitment = budget.post_commitment(session, actor=SYSTEM, data={
        "line_id": line.id, "entry_date": dt.date(2026, 11, 1), "amount": "31337.00", "visit_id": visit.id,
        "description": f"{MARK} commitment", "document_no": f"{MARK}-C", "counterparty": f"{MARK} vendor"})
    draft = budget.post_commitment(session, actor=SYSTEM, draft=True, data={
        "line_id": line.id, "entry_date": dt.date(2026, 11, 2), "amount": "4242.00", "engagement_id": reception.id,
        "visit_id": visit.id, "description": f"{MARK} draft"})
    disbursement = budget.disburse(session, actor=SYSTEM, data={
        "commitment_id": commitment.id, "entry_date": dt.date(2026, 11, 3), "amount": "1313.00",
        "description": f"{MARK} payment", "payee": f"{MARK} payee", "document_no": f"{MARK}-D"})
    return World(country=jp, principal=principal.id, guest=guest.id, visit=visit.id, engagement=engagement.id,
                 reception=reception.id, record=record.id, follow_up=follow_up.id, checklist_item=items[0].id,
                 checklist_items=[i.id for i in items], secret_twin=secret_twin.id,
                 pack_points=list(session.exec(select(BriefingPackPoint.id).where(
                     BriefingPackPoint.pack_id == pack.id)).all()),
                 member=member.id, note=note.id, point=point.id, agreement=agreement.id, pack=pack.id,
                 line=line.id, secret_line=secret_line.id, commitment=commitment.id, draft=draft.id,
                 disbursement=disbursement.id, allotment=allotment.id, transfer=transfer.id,
                 open_visit=open_visit.id, open_engagement=open_engagement.id,
                 free_engagement=make_engagement(session, title_th="งานทั่วไป", start=dt.datetime(2026, 12, 15, 9),
                                                 end=dt.datetime(2026, 12, 15, 10)).id)


# --- what a result may not hold -------------------------------------------------------------------------------

def _fields(obj: Any) -> dict[str, Any] | None:
    if isinstance(obj, SQLModel):
        return {key: getattr(obj, key, None) for key in type(obj).model_fields}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): v for k, v in obj.items()}
    return None


REF_KEYS = {"meeting_id": Meeting, "summary_id": MeetingSummary, "correspondence_id": Correspondence, "letter_id": TravelLetter, "visit_id": Visit, "engagement_id": Engagement, "note_id": MonitoringNote,
            "talking_point_id": TalkingPoint, "commitment_id": Commitment, "line_id": BudgetLine,
            "disbursement_id": Disbursement}
ROW_KINDS = {"commitment": Commitment, "disbursement": Disbursement, "allotment": Allotment,
             "transfer_in": Transfer, "transfer_out": Transfer, "visit": Visit, "reception": Engagement,
             "engagement": Engagement, "record": ConversationRecord, "agreement": Agreement,
             "ip_meeting": Meeting, "ip_deadline": Meeting}
TABLES = {"admin_absence": Absence, "visit": Visit, "engagement": Engagement, "conversation_record": ConversationRecord,
          "follow_up": FollowUp, "checklist_item": ChecklistItem, "delegation_member": DelegationMember,
          "monitoring_note": MonitoringNote, "talking_point": TalkingPoint, "agreement": Agreement,
          "briefing_pack": BriefingPack, "briefing_pack_point": BriefingPackPoint, "budget_line": BudgetLine,
          "budget_commitment": Commitment,
          "budget_disbursement": Disbursement, "budget_allotment": Allotment, "budget_transfer": Transfer,
          "correspondence": Correspondence, "correspondence_attachment": CorrespondenceAttachment,
          "travel_letter": TravelLetter, "visit_report_narrative": ReportNarrative,
          "correspondence_routing_step": RoutingStep, "engagement_programme_details": ProgrammeDetails,
          "ip_position": Position, "ip_intervention": Intervention, "ip_summary": MeetingSummary,
          "ip_follow_up": SummaryFollowUp, "admin_gift": Gift, "ip_meeting": Meeting, "ip_agenda_item": AgendaItem,
          "ip_document": MeetingDocument, "ip_coordination": CoordinationEntry, "ip_prep_task": PrepTask}


def _table_of(model: type, secret: dict[type, set[int]]) -> type:
    """A *Read model stands for its table model (``CommitmentRead`` for ``Commitment``): its id is that row's."""
    name = model.__name__.removesuffix("Read")
    return next((table for table in secret if table.__name__ == name), model)


def leaks(obj: Any, world: World, _depth: int = 0) -> list[str]:
    """Every piece of ``obj`` that tells of a classified record: its subject (MARK) or its id."""
    secret = world.secret_ids()
    found: list[str] = []
    if _depth > 8 or obj is None or isinstance(obj, (int, float, Decimal, dt.date, enum.Enum, bytes)):
        return found
    if isinstance(obj, str):
        return [obj] if MARK in obj or "zqxsecret" in obj else []
    if isinstance(obj, (list, tuple, set, frozenset)):
        for item in obj:
            found += leaks(item, world, _depth + 1)
        return found
    fields = _fields(obj)
    if fields is None:
        return leaks(str(obj), world, _depth + 1)
    model = _table_of(type(obj), secret)
    if model in secret and fields.get("id") in secret[model]:
        found.append(f"{model.__name__} #{fields['id']}")
    for key, model_of_key in REF_KEYS.items():
        if fields.get(key) in secret[model_of_key]:
            found.append(f"{key}={fields[key]}")
    kind = fields.get("kind") or fields.get("item_type")
    row_id = fields.get("id", fields.get("record_id"))
    if isinstance(kind, str) and kind in ROW_KINDS and row_id in secret[ROW_KINDS[kind]]:
        found.append(f"{kind} #{row_id}")
    if "entity" in fields and fields["entity"] in TABLES and str(fields.get("entity_id", "")).isdigit() \
            and fields.get("action") in ("create", "update", "delete") \
            and int(fields["entity_id"]) in secret[TABLES[fields["entity"]]]:
        found.append(f"audit {fields['entity']} #{fields['entity_id']}")
    for uid_key in ("uid",):
        if isinstance(fields.get(uid_key), str):
            kind_, _, number = fields[uid_key].partition("-")
            if number.isdigit() and kind_ in ROW_KINDS and int(number) in secret[ROW_KINDS[kind_]]:
                found.append(fields[uid_key])
    for value in fields.values():
        found += leaks(value, world, _depth + 1)
    return found


# --- how to call each service -----------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class ById:
    """Called once with a classified id (``secret``) and once with MISSING: both must end the same way."""

    secret: Callable[[World], int]
    call: Callable[[Session, Any, World, int], Any]


@dataclasses.dataclass(frozen=True)
class Lists:
    """Returns what the actor may see: nothing classified, and exactly what a cleared user sees minus that."""

    call: Callable[[Session, Any, World], Any]


@dataclasses.dataclass(frozen=True)
class Clash:
    """Books the secret engagement's principal over it: refused, with nothing of the secret engagement said."""

    call: Callable[[Session, Any, World], Any]


def _w(name: str) -> Callable[[World], int]:
    return lambda w: getattr(w, name)


D1, D2 = dt.date(2026, 12, 1), dt.date(2026, 12, 31)
TRAVEL_DAY = dt.date(2026, 11, 2)


def _refusal(call: Callable[[], Any]) -> list[Any]:
    """A refusal that says nothing of a classified record as an empty list, one that does as its text; a success is
    returned as is (so the walk sees what it shows)."""
    try:
        return _as_list(call())
    except WorkbenchError as exc:
        return [exc.bilingual()] if MARK in exc.bilingual() else []


REASON = {"entry_date": dt.date(2026, 12, 20), "reason": "แก้ไข"}

CALLS: dict[str, list[Any]] = {
    "audit.recent_entries": [Lists(lambda s, a, w: audit.recent_entries(s, actor=a, limit=1000))],
    "audit.audit_page": [Lists(lambda s, a, w: audit.audit_page(s, actor=a, page_size=1000, include_sign_in=True)),
                         Lists(lambda s, a, w: audit.audit_page(s, actor=a, entity="engagement",
                                                                entity_id=str(w.engagement)))],
    "briefing.get_briefable_engagement": [
        ById(_w("engagement"), lambda s, a, w, x: briefing.get_briefable_engagement(s, engagement_id=x, actor=a))],
    "briefing.briefable_engagements": [Lists(lambda s, a, w: briefing.briefable_engagements(s, actor=a, around=DEC))],
    "briefing.assemble_pack": [
        ById(_w("engagement"), lambda s, a, w, x: briefing.assemble_pack(s, engagement_id=x, actor=a, today=DEC)),
        Lists(lambda s, a, w: briefing.assemble_pack(s, engagement_id=w.open_engagement, actor=a, today=DEC))],
    "briefing.latest_saved_pack": [
        ById(_w("engagement"), lambda s, a, w, x: briefing.latest_saved_pack(s, engagement_id=x, actor=a))],
    "briefing.save_pack": [
        ById(_w("engagement"), lambda s, a, w, x: briefing.save_pack(s, actor=a, data={"engagement_id": x})),
        ById(_w("point"), lambda s, a, w, x: briefing.save_pack(s, actor=a, data={
            "engagement_id": w.open_engagement, "points": [{"talking_point_id": x, "topic": "t", "text": "t"}]}))],
    "briefing.save_pack_points": [
        ById(_w("engagement"), lambda s, a, w, x: briefing.save_pack_points(s, actor=a, pack=briefing.Pack(
            engagement_id=x, lang="th", title="", subtitle="", country_id=w.country, sections=[], points=[])))],
    "budget.entry_visible": [Lists(lambda s, a, w: [
        row for row in [s.get(Commitment, w.commitment), s.get(Disbursement, w.disbursement),
                        s.get(Allotment, w.allotment), s.get(Transfer, w.transfer)]
        if budget.entry_visible(s, row, a)])],
    "budget.create_line": [],  # see test_a_line_code_clash_says_nothing_of_a_classified_line
    "budget.update_line": [
        ById(_w("secret_line"), lambda s, a, w, x: budget.update_line(s, line_id=x, data={"name_en": "x"}, actor=a))],
    "budget.get_line": [ById(_w("secret_line"), lambda s, a, w, x: budget.get_line(s, line_id=x, actor=a))],
    "budget.line_by_code": [  # here the "id" is the fiscal year: ZQX1 of FY + 1 is classified, of MISSING absent
        ById(lambda w: FY + 1, lambda s, a, w, x: budget.line_by_code(s, fiscal_year=x, code="ZQX1", actor=a))],
    "budget.list_lines": [Lists(lambda s, a, w: budget.list_lines(s, fiscal_year=FY + 1, actor=a)),
                          Lists(lambda s, a, w: budget.list_lines(s, fiscal_year=FY, actor=a))],
    # FY + 1 has only classified lines: offering that year tells that they exist
    "budget.fiscal_years": [Lists(lambda s, a, w: [f"{MARK} {y}" for y in budget.fiscal_years(s, actor=a)
                                                   if y == FY + 1])],
    "budget.line_figures": [
        ById(_w("secret_line"), lambda s, a, w, x: budget.line_figures(s, line_id=x, actor=a))],
    "budget.year_figures": [Lists(lambda s, a, w: budget.year_figures(s, fiscal_year=FY + 1, actor=a))],
    "budget.add_allotment": [ById(_w("secret_line"), lambda s, a, w, x: budget.add_allotment(s, actor=a, data={
        "line_id": x, "period_no": 2, "entry_date": dt.date(2027, 10, 5), "amount": "1.00"}))],
    "budget.post_commitment": [
        ById(_w("secret_line"), lambda s, a, w, x: budget.post_commitment(s, actor=a, data={
            "line_id": x, "entry_date": dt.date(2027, 10, 5), "amount": "1.00"})),
        ById(_w("visit"), lambda s, a, w, x: budget.post_commitment(s, actor=a, data={
            "line_id": w.line, "entry_date": dt.date(2026, 12, 5), "amount": "1.00", "visit_id": x})),
        ById(_w("reception"), lambda s, a, w, x: budget.post_commitment(s, actor=a, data={
            "line_id": w.line, "entry_date": dt.date(2026, 12, 5), "amount": "1.00", "engagement_id": x}))],
    "budget.post_draft": [
        ById(_w("draft"), lambda s, a, w, x: budget.post_draft(s, commitment_id=x, actor=a))],
    "budget.discard_draft": [
        ById(_w("draft"), lambda s, a, w, x: budget.discard_draft(s, commitment_id=x, actor=a))],
    "budget.reverse_commitment": [
        ById(_w("commitment"), lambda s, a, w, x: budget.reverse_commitment(s, commitment_id=x, actor=a, **REASON))],
    "budget.commitments": [Lists(lambda s, a, w: budget.commitments(s, fiscal_year=FY, actor=a)),
                           Lists(lambda s, a, w: budget.commitments(s, fiscal_year=FY, actor=a, line_id=w.line))],
    "budget.disburse": [
        ById(_w("commitment"), lambda s, a, w, x: budget.disburse(s, actor=a, data={
            "commitment_id": x, "entry_date": dt.date(2026, 12, 5), "amount": "1.00"})),
        ById(_w("secret_line"), lambda s, a, w, x: budget.disburse(s, actor=a, data={
            "line_id": x, "entry_date": dt.date(2027, 10, 5), "amount": "1.00"}))],
    "budget.reverse_disbursement": [
        ById(_w("disbursement"), lambda s, a, w, x: budget.reverse_disbursement(
            s, disbursement_id=x, actor=a, **REASON))],
    "budget.reverse_allotment": [
        ById(_w("allotment"), lambda s, a, w, x: budget.reverse_allotment(s, allotment_id=x, actor=a, **REASON))],
    "budget.transfer": [
        ById(_w("secret_line"), lambda s, a, w, x: budget.transfer(s, actor=a, data={
            "from_line_id": x, "to_line_id": w.line, "amount": "1.00", "entry_date": dt.date(2026, 12, 5),
            "approver_id": w.principal})),
        ById(_w("secret_line"), lambda s, a, w, x: budget.transfer(s, actor=a, data={
            "from_line_id": w.line, "to_line_id": x, "amount": "1.00", "entry_date": dt.date(2026, 12, 5),
            "approver_id": w.principal}))],
    "budget.reverse_transfer": [
        ById(_w("transfer"), lambda s, a, w, x: budget.reverse_transfer(
            s, transfer_id=x, actor=a, approver_id=w.principal, **REASON))],
    "budget.entries": [ById(_w("secret_line"), lambda s, a, w, x: budget.entries(s, line_id=x, actor=a)),
                       Lists(lambda s, a, w: budget.entries(s, line_id=w.line, actor=a))],
    "budget_reports.year_summary": [
        Lists(lambda s, a, w: budget_reports.year_summary(s, fiscal_year=FY + 1, actor=a, today=DEC).lines),
        # the year's totals count only lines the actor sees (FY + 1 has only classified ones)
        Lists(lambda s, a, w: [f"{MARK} total" for total in [budget_reports.year_summary(
            s, fiscal_year=FY + 1, actor=a, today=DEC).totals] if total.allocated or total.allotted])],
    "budget_reports.biggest": [Lists(lambda s, a, w: budget_reports.biggest(s, fiscal_year=FY, actor=a))],
    "budget_reports.year_choices": [Lists(lambda s, a, w: [
        f"{MARK} {y}" for y in budget_reports.year_choices(s, actor=a, today=DEC) if y == FY + 1])],
    "calendar.calendar_items": [Lists(lambda s, a, w: calendar.calendar_items(s, actor=a, first=D1, last=D2))],
    "calendar.schedule_warnings": [
        Lists(lambda s, a, w: calendar.schedule_warnings(s, actor=a, first=D1, last=D2))],
    "countries.country_profile": [Lists(lambda s, a, w: countries.country_profile(s, country_id=w.country, actor=a))],
    "countries.fact_history": [
        Lists(lambda s, a, w: countries.fact_history(s, country_id=w.country, key="capital", actor=a))],
    "countries.record_fact": [],  # writes an unclassified fact about a country: no classified record involved
    "countries.parliament_of": [Lists(lambda s, a, w: countries.parliament_of(s, country_id=w.country, actor=a))],
    "countries.record_chamber_figures": [],  # figures of a chamber: countries and chambers are not classified
    "countries.comparison_rows": [Lists(lambda s, a, w: countries.comparison_rows(s, iso2_codes=["JP"], actor=a))],
    "countries.relations_history": [
        Lists(lambda s, a, w: countries.relations_history(s, country_id=w.country, actor=a))],
    "countries.latest_records": [
        Lists(lambda s, a, w: countries.latest_records(s, country_id=w.country, actor=a, limit=50))],
    "engagements.get_engagement": [
        ById(_w("engagement"), lambda s, a, w, x: engagements.get_engagement(s, engagement_id=x, actor=a))],
    "engagements.read_engagement": [
        ById(_w("engagement"), lambda s, a, w, x: engagements.read_engagement(s, engagement_id=x, actor=a))],
    "engagements.create_engagement": [
        ById(_w("visit"), lambda s, a, w, x: engagements.create_engagement(s, actor=a, data={
            "kind": "meeting", "title_th": "ประชุม", "visit_id": x, "start": dt.datetime(2027, 3, 1, 9),
            "end": dt.datetime(2027, 3, 1, 10)})),  # outside the secret visit's dates: still only "not found"
        ById(_w("visit"), lambda s, a, w, x: engagements.create_engagement(s, actor=a, data={
            "kind": "meeting", "title_th": "ประชุม", "visit_id": x, "start": dt.datetime(2026, 12, 2, 14),
            "end": dt.datetime(2026, 12, 2, 15)})),  # inside them: no link to a visit the actor may not see
        Clash(lambda s, a, w: engagements.create_engagement(s, actor=a, data={
            "kind": "meeting", "title_th": "ประชุมซ้อน", "principal_ids": [w.principal],
            "start": dt.datetime(2026, 12, 2, 10, 30), "end": dt.datetime(2026, 12, 2, 11, 30)}))],
    "engagements.update_engagement": [
        ById(_w("engagement"), lambda s, a, w, x: engagements.update_engagement(
            s, engagement_id=x, data={"venue": "x"}, actor=a)),
        Clash(lambda s, a, w: engagements.update_engagement(s, engagement_id=w.free_engagement, actor=a, data={
            "principal_ids": [w.principal], "start": dt.datetime(2026, 12, 2, 10, 30),
            "end": dt.datetime(2026, 12, 2, 11, 30)}))],
    "engagements.set_engagement_status": [
        ById(_w("engagement"), lambda s, a, w, x: engagements.set_engagement_status(
            s, engagement_id=x, status="cancelled", actor=a))],
    "engagements.list_engagements": [
        Lists(lambda s, a, w: engagements.list_engagements(s, actor=a)),
        Lists(lambda s, a, w: engagements.list_engagements(s, actor=a, visit_id=w.visit))],
    "monitoring.create_note": [],  # writes a note on a country; creating above one's clearance is refused apart
    "monitoring.get_note": [ById(_w("note"), lambda s, a, w, x: monitoring.get_note(s, note_id=x, actor=a))],
    "monitoring.revise_note": [
        ById(_w("note"), lambda s, a, w, x: monitoring.revise_note(s, note_id=x, data={"title": "x"}, actor=a))],
    "monitoring.list_notes": [Lists(lambda s, a, w: monitoring.list_notes(s, actor=a, limit=None))],
    "monitoring.search_notes": [Lists(lambda s, a, w: monitoring.search_notes(s, query="zqx", actor=a))],
    "monitoring.create_talking_point": [],  # as create_note
    "monitoring.get_talking_point": [
        ById(_w("point"), lambda s, a, w, x: monitoring.get_talking_point(s, point_id=x, actor=a))],
    "monitoring.revise_talking_point": [
        ById(_w("point"), lambda s, a, w, x: monitoring.revise_talking_point(
            s, point_id=x, data={"topic": "x"}, actor=a))],
    "monitoring.approve_talking_point": [
        ById(_w("point"), lambda s, a, w, x: monitoring.approve_talking_point(s, point_id=x, actor=a))],
    "monitoring.list_talking_points": [
        Lists(lambda s, a, w: monitoring.list_talking_points(s, actor=a, country_id=w.country))],
    "monitoring.record_agreement": [],  # as create_note
    "parline.import_parline_file": [],  # loads parliament figures from a file: nothing classified
    "people.create_person": [],  # people, organisations and memberships carry no classification
    "people.update_person": [],
    "people.create_organization": [],
    "people.add_membership": [],
    "people.end_membership": [],
    "protocol.seating_plan": [
        ById(_w("reception"), lambda s, a, w, x: protocol.seating_plan(s, engagement_id=x, actor=a))],
    "protocol.set_precedence": [
        ById(_w("reception"), lambda s, a, w, x: protocol.set_precedence(
            s, engagement_id=x, person_id=w.guest, rank_code=None, actor=a))],
    "protocol.set_dietary": [
        ById(_w("reception"), lambda s, a, w, x: protocol.set_dietary(
            s, engagement_id=x, person_id=w.guest, dietary="vegan", actor=a))],
    "protocol.reception_summary": [
        ById(_w("reception"), lambda s, a, w, x: protocol.reception_summary(s, engagement_id=x, actor=a))],
    "records.record_conversation": [
        ById(_w("engagement"), lambda s, a, w, x: records.record_conversation(s, actor=a, data={
            "engagement_id": x, "summary": "บันทึก"}))],
    "records.amend_record": [
        ById(_w("record"), lambda s, a, w, x: records.amend_record(s, record_id=x, text="เพิ่มเติม", actor=a))],
    "records.get_record": [ById(_w("record"), lambda s, a, w, x: records.get_record(s, record_id=x, actor=a))],
    "records.record_for": [
        ById(_w("engagement"), lambda s, a, w, x: records.record_for(s, engagement_id=x, actor=a))],
    "records.follow_ups": [ById(_w("record"), lambda s, a, w, x: records.follow_ups(s, record_id=x, actor=a))],
    "records.complete_follow_up": [
        ById(_w("follow_up"), lambda s, a, w, x: records.complete_follow_up(s, follow_up_id=x, actor=a))],
    "records.overdue_records": [Lists(lambda s, a, w: records.overdue_records(
        s, actor=a, now=dt.datetime(2027, 2, 1), due_days=7))],
    "records.overdue_follow_ups": [
        Lists(lambda s, a, w: records.overdue_follow_ups(s, actor=a, today=dt.date(2027, 2, 1)))],
    "trip_costs.estimate_trip": [
        ById(_w("visit"), lambda s, a, w, x: trip_costs.estimate_trip(s, actor=a, data={"visit_id": x}))],
    "trip_costs.estimate_reception": [
        ById(_w("reception"), lambda s, a, w, x: trip_costs.estimate_reception(
            s, actor=a, data={"engagement_id": x}))],
    "trip_costs.draft_from_estimate": [
        ById(_w("visit"), lambda s, a, w, x: trip_costs.draft_from_estimate(
            s, actor=a, request={"visit_id": x}, line_id=w.line, entry_date=dt.date(2026, 12, 5))),
        ById(_w("secret_line"), lambda s, a, w, x: trip_costs.draft_from_estimate(
            s, actor=a, request={"country_id": w.country, "start_date": dt.date(2027, 10, 5),
                                 "end_date": dt.date(2027, 10, 7), "travellers": {"a": 1}},
            line_id=x, entry_date=dt.date(2027, 10, 5)))],
    "trip_costs.outbound_visits": [Lists(lambda s, a, w: trip_costs.outbound_visits(s, fiscal_year_be=FY, actor=a))],
    "trip_costs.receptions": [Lists(lambda s, a, w: trip_costs.receptions(s, fiscal_year_be=FY, actor=a))],
    "users.create_user": [],  # user accounts are not classified records
    "users.update_user": [],
    "users.set_password": [],
    "users.list_users": [],  # user accounts are not classified records
    "visits.get_visit": [ById(_w("visit"), lambda s, a, w, x: visits.get_visit(s, visit_id=x, actor=a))],
    "visits.read_visit": [ById(_w("visit"), lambda s, a, w, x: visits.read_visit(s, visit_id=x, actor=a))],
    "visits.schedule_visit": [],  # makes a new visit; links only to people, countries and organisations
    "visits.update_visit": [
        ById(_w("visit"), lambda s, a, w, x: visits.update_visit(s, visit_id=x, data={"cities": "x"}, actor=a))],
    "visits.change_status": [
        ById(_w("visit"), lambda s, a, w, x: visits.change_status(s, visit_id=x, status="approved", actor=a))],
    "visits.add_delegation_member": [
        ById(_w("visit"), lambda s, a, w, x: visits.add_delegation_member(s, actor=a, data={
            "visit_id": x, "person_id": w.guest}))],
    "visits.delegation": [ById(_w("visit"), lambda s, a, w, x: visits.delegation(s, visit_id=x, actor=a))],
    "visits.checklist": [ById(_w("visit"), lambda s, a, w, x: visits.checklist(s, visit_id=x, actor=a))],
    "visits.set_checklist_item": [
        ById(_w("checklist_item"), lambda s, a, w, x: visits.set_checklist_item(s, item_id=x, done=True, actor=a))],
    "visits.complete_checklist_items": [
        ById(_w("visit"), lambda s, a, w, x: visits.complete_checklist_items(
            s, visit_id=x, item_ids=[w.checklist_item], actor=a))],
    "visits.overdue_checklist": [
        Lists(lambda s, a, w: visits.overdue_checklist(s, actor=a, today=dt.date(2026, 12, 31)))],
    "visits.list_visits": [Lists(lambda s, a, w: visits.list_visits(s, actor=a))],
    "search.search": [Lists(lambda s, a, w: search.search(s, actor=a, query="zqx", limit=100))],
    # --- office administration: a gift received at the secret visit; statistics count what one may see
    "administration.record_gift": [
        ById(_w("visit"), lambda s, a, w, x: gifts.record_gift(s, actor=a, data={
            "direction": "received", "gift_date": dt.date(2026, 12, 2), "description_th": "ของที่ระลึก",
            "counterpart": "x", "visit_id": x, "value_baht": "10.00"})),
        ById(_w("engagement"), lambda s, a, w, x: gifts.record_gift(s, actor=a, data={
            "direction": "received", "gift_date": dt.date(2026, 12, 2), "description_th": "ของที่ระลึก",
            "counterpart": "x", "engagement_id": x, "value_baht": "10.00"}))],
    "administration.mark_reported": [ById(_w("gift"), lambda s, a, w, x: gifts.mark_reported(
        s, gift_id=x, reported_on=dt.date(2026, 12, 5), actor=a))],
    "administration.list_gifts": [Lists(lambda s, a, w: gifts.list_gifts(s, actor=a))],
    "administration.unreported": [Lists(lambda s, a, w: gifts.unreported(s, actor=a, today=DEC))],
    "administration.quarter_statistics": [
        Lists(lambda s, a, w: statistics.quarter_statistics(s, fiscal_year=FY, quarter=1, actor=a, today=D2))],
    "administration.period_statistics": [Lists(lambda s, a, w: statistics.period_statistics(
        s, start=D1, end=D2, actor=a, fiscal_year=FY, quarter=1, today=D2))],
    "administration.year_statistics": [
        Lists(lambda s, a, w: statistics.year_statistics(s, fiscal_year=FY, actor=a, today=D2))],
    "administration.visit_statistics": [
        Lists(lambda s, a, w: statistics.visit_statistics(s, start=D1, end=D2, actor=a, today=D2))],
    "administration.plan_progress": [
        Lists(lambda s, a, w: statistics.plan_progress(s, fiscal_year=FY, actor=a, today=D2))],
    "administration.away_on": [Lists(lambda s, a, w: staff.away_on(s, day=DEC, actor=a))],
    "administration.absences": [Lists(lambda s, a, w: staff.absences(s, actor=a, start=D1, end=D2))],
    "administration.record_absence": [ById(_w("visit"), lambda s, a, w, x: staff.record_absence(s, actor=a, data={
        "staff_id": w.staff, "kind": "travel", "start_date": dt.date(2027, 1, 5), "end_date": dt.date(2027, 1, 6),
        "reason": f"{MARK} travel", "visit_id": x}))],  # (a cleared walker's absence hangs on the secret visit)
    "administration.calendar_items": [  # the officer's absence for the secret visit is not drawn
        Lists(lambda s, a, w: absence_calendar.calendar_items(s, actor=a, first=D1, last=D2))],
    "administration.count_meetings_attended": [
        Lists(lambda s, a, w: [MARK] * sources.count_meetings_attended(s, start=D1, end=D2, actor=a)[0])],
    # --- inter-parliamentary work: an unclassified meeting with a secret position, intervention and summary
    "interparliamentary.set_follow_up_status": [
        ById(_w("hidden_follow_up"), lambda s, a, w, x: summaries.set_follow_up_status(
            s, follow_up_id=x, status="done", actor=a)),ById(_w("ip_follow_up"), lambda s, a, w, x: summaries.set_follow_up_status(
        s, follow_up_id=x, status="done", actor=a))],
    "interparliamentary.count_positions": [  # the meeting's only position is secret
        Lists(lambda s, a, w: [MARK] * positions.count_positions(s, meeting_id=w.meeting, actor=a))],
    "interparliamentary.positions": [
        Lists(lambda s, a, w: positions.positions(s, meeting_id=w.meeting, actor=a))],
    "interparliamentary.latest_positions": [
        Lists(lambda s, a, w: list(positions.latest_positions(s, meeting_id=w.meeting, actor=a).values()))],
    "interparliamentary.interventions": [
        Lists(lambda s, a, w: positions.interventions(s, meeting_id=w.meeting, actor=a))],
    "interparliamentary.resolutions": [
        Lists(lambda s, a, w: positions.resolutions(s, meeting_id=w.meeting, actor=a))],
    "interparliamentary.get_summary": [
        Lists(lambda s, a, w: summaries.get_summary(s, meeting_id=w.meeting, actor=a))],
    "interparliamentary.summary_view": [
        Lists(lambda s, a, w: _refusal(lambda: summaries.summary_view(s, meeting_id=w.meeting, actor=a)))],
    "interparliamentary.follow_ups": [
        # every follow-up of the meeting hangs on its secret summary
        Lists(lambda s, a, w: [f"{MARK} {r}" for r in summaries.follow_ups(s, actor=a) if r.meeting_id == w.meeting])],
    "interparliamentary.follow_up_completion": [
        # the only follow-ups are the secret summary's: any completion figure counts them
        Lists(lambda s, a, w: [f"{MARK} {r}" for r in stats.follow_up_completion(s, actor=a)])],
    "interparliamentary.participation_by_year": [
        Lists(lambda s, a, w: stats.participation_by_year(s, actor=a))],
    "interparliamentary.get_meeting": [
        Lists(lambda s, a, w: meetings.get_meeting(s, meeting_id=w.meeting, actor=a)),
        ById(_w("hidden_meeting"), lambda s, a, w, x: meetings.get_meeting(s, meeting_id=x, actor=a))],
    "interparliamentary.meeting_row": [
        Lists(lambda s, a, w: meetings.meeting_row(s, meeting_id=w.meeting, actor=a))],
    "interparliamentary.list_meetings": [
        Lists(lambda s, a, w: meetings.list_meetings(s, actor=a, first=D1, last=D2))],
    "interparliamentary.next_meeting": [
        Lists(lambda s, a, w: meetings.next_meeting(s, actor=a, organization_code="AIPA", after=D1))],
    "interparliamentary.agenda": [
        Lists(lambda s, a, w: meetings.agenda(s, meeting_id=w.meeting, actor=a)),
        ById(_w("hidden_meeting"), lambda s, a, w, x: meetings.agenda(s, meeting_id=x, actor=a))],
    "interparliamentary.observers": [
        Lists(lambda s, a, w: meetings.observers(s, meeting_id=w.meeting, actor=a))],
    "interparliamentary.delegation": [
        Lists(lambda s, a, w: meetings.delegation(s, meeting_id=w.meeting, actor=a))],
    "interparliamentary.documents": [
        Lists(lambda s, a, w: exchanges.documents(s, meeting_id=w.meeting, actor=a)),
        ById(_w("hidden_meeting"), lambda s, a, w, x: exchanges.documents(s, meeting_id=x, actor=a))],
    "interparliamentary.coordination_log": [
        Lists(lambda s, a, w: exchanges.coordination_log(s, actor=a)),
        ById(_w("hidden_meeting"), lambda s, a, w, x: exchanges.coordination_log(s, meeting_id=x, actor=a))],
    "interparliamentary.add_document": [  # a secret register entry is refused as a missing one
        ById(_w("document"), lambda s, a, w, x: exchanges.add_document(s, actor=a, data={
            "meeting_id": w.meeting, "direction": "received", "title": "หนังสือ", "day": IP_DAY,
            "correspondence_id": x})),
        ById(_w("hidden_meeting"), lambda s, a, w, x: exchanges.add_document(s, actor=a, data={
            "meeting_id": x, "direction": "received", "title": "หนังสือ", "day": IP_DAY}))],
    "interparliamentary.register_meeting_document": [
        ById(_w("hidden_meeting"), lambda s, a, w, x: exchanges.register_meeting_document(s, actor=a, data={
            "meeting_id": x, "direction": "sent", "title": "หนังสือ", "day": IP_DAY}, counterpart="IPU"))],
    "interparliamentary.log_coordination": [
        ById(_w("hidden_meeting"), lambda s, a, w, x: exchanges.log_coordination(s, actor=a, data={
            "meeting_id": x, "asked_on": IP_DAY, "asked_by": "ฝ่ายเลขานุการ", "question": "?"}))],
    "interparliamentary.write_summary": [  # the secret visit's meeting is missing (see also EXCLUDED's note)
        ById(_w("hidden_meeting"), lambda s, a, w, x: summaries.write_summary(s, actor=a, data={
            "meeting_id": x, "key_decisions": "x"}))],
    "interparliamentary.calendar_items": [
        Lists(lambda s, a, w: ip_calendar.calendar_items(s, actor=a, first=D1, last=D2))],
    "interparliamentary.update_summary": [
        Lists(lambda s, a, w: _refusal(lambda: summaries.update_summary(s, meeting_id=w.meeting, overview="x", actor=a)))],
    "interparliamentary.add_follow_up": [
        Lists(lambda s, a, w: _refusal(lambda: summaries.add_follow_up(s, meeting_id=w.meeting, data={"action": "x"}, actor=a)))],
    # --- correspondence: the secret register entry, its attachment, its routing, its destruction list
    "correspondence.get_document": [
        ById(_w("document"), lambda s, a, w, x: registers.get_document(s, document_id=x, actor=a))],
    "correspondence.read_document": [
        ById(_w("document"), lambda s, a, w, x: registers.read_document(s, document_id=x, actor=a))],
    "correspondence.history": [
        ById(_w("document"), lambda s, a, w, x: routing.history(s, document_id=x, actor=a))],
    "correspondence.steps_view": [
        ById(_w("document"), lambda s, a, w, x: routing.steps_view(s, document_id=x, actor=a))],
    "correspondence.route": [
        ById(_w("document"), lambda s, a, w, x: routing.route(
            s, document_id=x, actor=a, action="forward", to_group="กลุ่มงาน"))],
    "correspondence.list_attachments": [
        ById(_w("document"), lambda s, a, w, x: attachments.list_attachments(s, document_id=x, actor=a))],
    "correspondence.attach": [
        ById(_w("document"), lambda s, a, w, x: attachments.attach(
            s, document_id=x, actor=a, filename="a.pdf", content=b"%PDF a"))],
    "correspondence.download": [
        ById(_w("attachment"), lambda s, a, w, x: attachments.download(s, attachment_id=x, actor=a))],
    "correspondence.check_create": [
        ById(_w("document"), lambda s, a, w, x: registers.check_create(s, actor=a, data={
            "register": "outgoing", "subject": "ตอบ", "recipient": "x", "sender": "y", "reply_to_id": x})),
        ById(_w("visit"), lambda s, a, w, x: registers.check_create(s, actor=a, data={
            "register": "outgoing", "subject": "ตอบ", "recipient": "x", "sender": "y", "visit_id": x}))],
    "correspondence.register_document": [
        ById(_w("document"), lambda s, a, w, x: registers.register_document(s, actor=a, data={
            "register": "outgoing", "subject": "ตอบ", "recipient": "x", "sender": "y", "reply_to_id": x})),
        ById(_w("engagement"), lambda s, a, w, x: registers.register_document(s, actor=a, data={
            "register": "outgoing", "subject": "ตอบ", "recipient": "x", "sender": "y", "engagement_id": x}))],
    "correspondence.mark_transferred": [
        ById(_w("document"), lambda s, a, w, x: retention.mark_transferred(s, actor=a, document_ids=[x]))],
    "correspondence.list_documents": [Lists(lambda s, a, w: registers.list_documents(s, actor=a)),
                                      Lists(lambda s, a, w: registers.list_documents(s, actor=a, query="zqx"))],
    "correspondence.count_registered": [  # the year OLD_YEAR holds only the secret entry
        Lists(lambda s, a, w: [MARK] * registers.count_registered(
            s, start=dt.date(OLD_YEAR, 1, 1), end=dt.date(OLD_YEAR, 12, 31), actor=a)[0])],
    "correspondence.count_documents": [  # an uncleared user counts no classified entry
        Lists(lambda s, a, w: [MARK] * registers.count_documents(s, actor=a, classified_only=True))],
    "correspondence.register_page": [Lists(lambda s, a, w: registers.register_page(
        s, actor=a, register="incoming", year=OLD_YEAR))],
    "correspondence.years": [  # OLD_YEAR has only the secret entry: offering it tells that it exists
        Lists(lambda s, a, w: [f"{MARK} {y}" for y in registers.years(s, actor=a) if y == OLD_YEAR])],
    "correspondence.my_desk": [Lists(lambda s, a, w: routing.my_desk(s, actor=a))],
    "correspondence.overdue": [
        Lists(lambda s, a, w: routing.overdue(s, actor=a, now=dt.datetime(2027, 6, 1)))],
    "correspondence.officers": [Lists(lambda s, a, w: routing.officers(s, actor=a))],
    "correspondence.due_for_archives": [
        Lists(lambda s, a, w: retention.due_for_archives(s, actor=a, year_be=2569))],
    "correspondence.due_for_destruction": [
        Lists(lambda s, a, w: retention.due_for_destruction(s, actor=a, year_be=2569))],
    "correspondence.list_items": [
        Lists(lambda s, a, w: retention.list_items(s, actor=a, list_id=w.destruction_list))],
    "correspondence.draw_up_destruction_list": [  # the year's list is open: the refusal names no entry
        Lists(lambda s, a, w: _refusal(lambda: retention.draw_up_destruction_list(s, actor=a, year_be=2569)))],
    # --- travel documents of the secret visit
    "travel.visit_readiness": [ById(_w("visit"), lambda s, a, w, x: readiness.visit_readiness(
        s, visit_id=x, actor=a, today=TRAVEL_DAY))],
    "travel.draft": [ById(_w("visit"), lambda s, a, w, x: letters.draft(
        s, kind="passport", visit_id=x, actor=a, today=TRAVEL_DAY))],
    "travel.issue": [ById(_w("visit"), lambda s, a, w, x: letters.issue(
        s, kind="passport", visit_id=x, actor=a, today=TRAVEL_DAY))],
    "travel.passport_letter": [ById(_w("visit"), lambda s, a, w, x: letters.passport_letter(
        s, visit_id=x, actor=a, today=TRAVEL_DAY))],
    "travel.visa_note": [ById(_w("visit"), lambda s, a, w, x: letters.visa_note(
        s, visit_id=x, iso2="JP", actor=a, today=TRAVEL_DAY))],
    "travel.allocate_outgoing": [ById(_w("visit"), lambda s, a, w, x: issuing.allocate_outgoing(
        s, actor=a, visit_id=x, subject="หนังสือ", recipient="x", sender="y", doc_date=TRAVEL_DAY))],
    "travel.issued_letters": [
        ById(_w("visit"), lambda s, a, w, x: letters.issued_letters(s, visit_id=x, actor=a))],
    "travel.issued_document": [ById(_w("letter"), lambda s, a, w, x: letters.issued_document(
        s, letter_id=x, actor=a, today=TRAVEL_DAY))],
    "travel.set_visa_status": [ById(_w("visit"), lambda s, a, w, x: readiness.set_visa_status(
        s, visit_id=x, person_id=w.principal, status="requested", actor=a, on=TRAVEL_DAY))],
    "travel.upcoming_outbound": [
        Lists(lambda s, a, w: readiness.upcoming_outbound(s, actor=a, today=TRAVEL_DAY, days=400))],
    "travel.missing_for_calendar": [
        Lists(lambda s, a, w: readiness.missing_for_calendar(s, actor=a, today=TRAVEL_DAY, days=400))],
    "travel.list_passports": [Lists(lambda s, a, w: passports.list_passports(s, actor=a, today=TRAVEL_DAY))],
    "travel.expiring": [
        Lists(lambda s, a, w: passports.expiring(s, actor=a, today=TRAVEL_DAY, within_days=10_000))],
    # --- visit documents of the secret visit and its secret engagements
    "visit_documents.issue_programme": [ById(_w("visit"), lambda s, a, w, x: visit_documents.issue_programme(
        s, visit_id=x, lang="th", actor=a))],
    "visit_documents.document_versions": [ById(_w("visit"), lambda s, a, w, x: visit_documents.document_versions(
        s, visit_id=x, kind="programme", actor=a))],
    "visit_documents.issue_report": [
        ById(_w("visit"), lambda s, a, w, x: visit_documents.issue_report(s, visit_id=x, actor=a))],
    "visit_documents.latest_narrative": [
        ById(_w("visit"), lambda s, a, w, x: visit_documents.latest_narrative(s, visit_id=x, actor=a))],
    "visit_documents.narrative_versions": [
        ById(_w("visit"), lambda s, a, w, x: visit_documents.narrative_versions(s, visit_id=x, actor=a))],
    "visit_documents.save_narrative": [ById(_w("visit"), lambda s, a, w, x: visit_documents.save_narrative(
        s, visit_id=x, data={"summary": "สรุป"}, actor=a))],
    "visit_documents.mark_reported": [
        ById(_w("visit"), lambda s, a, w, x: visit_documents.mark_reported(s, visit_id=x, actor=a))],
    "visit_documents.seating_layout": [
        ById(_w("reception"), lambda s, a, w, x: visit_documents.seating_layout(s, engagement_id=x, actor=a))],
    "visit_documents.place_cards": [
        ById(_w("reception"), lambda s, a, w, x: visit_documents.place_cards(s, engagement_id=x, actor=a))],
    "visit_documents.set_programme_details": [
        ById(_w("engagement"), lambda s, a, w, x: visit_documents.set_programme_details(
            s, engagement_id=x, data={"dress_code_th": "สากล"}, actor=a))],
    "visit_documents.programme_details": [  # the secret engagement's dress code (MARKed above) stays hidden
        ById(_w("engagement"), lambda s, a, w, x: visit_documents.programme_details(s, engagement_id=x, actor=a))],
}

# Functions with a session and an actor that need no walk, and why.
EXCLUDED: dict[str, str] = {
    "common.get_visible": "the rule itself: every ById call above goes through it",
    "correspondence.check_file": "reads an import file; each row goes through check_create (walked above)",
    "correspondence.import_register_file": "as check_file, then stores the checked rows as register_document does",
    "correspondence.approve": "a committee member's approval of a destruction list, by list id: lists carry no "
                              "classification and the approval shows no entry (list_items is walked)",
    "correspondence.list_status": "a destruction list's year, status and approvals: lists carry no "
                                  "classification and the status names no entry (list_items is walked)",
    "correspondence.carry_out": "needs an approved list (chair and two members): see "
                                "test_carrying_out_a_list_leaves_and_does_not_count_what_the_officer_may_not_see",
    "travel.register_passport": "passports are personal data, not classified (travel.read guards them)",
    "travel.move_passport": "as register_passport", "travel.cancel_passport": "as register_passport",
    "travel.history": "the movements of a passport: as register_passport",
    "administration.add_staff": "the staff registry: office records with no classification",
    "administration.update_staff": "as add_staff", "administration.list_staff": "as add_staff",
    "administration.staff_passports": "an officer's passports (personal data, not classified: as travel's "
                                      "register_passport), read by administration.read",
    "administration.passports_by_staff": "as staff_passports",
    "administration.cancel_absence": "as add_staff",
    "administration.add_item": "supplies and souvenirs in stock: no classification",
    "administration.get_item": "as add_item", "administration.list_items": "as add_item",
    "administration.low_stock": "as add_item", "administration.movements": "as add_item",
    "administration.move": "as add_item", "administration.add_equipment": "equipment: no classification",
    "administration.hand_over": "as add_equipment", "administration.list_equipment": "as add_equipment",
    "administration.add_plan_item": "the office's work plan: no classification",
    "administration.plan": "as add_plan_item",
    "interparliamentary.create_meeting": "meetings are not classified: what is classified hangs on them (walked)",
    "interparliamentary.update_meeting": "as create_meeting", "interparliamentary.enter_predicted": "as create_meeting",
    "interparliamentary.set_prep_done": "preparation tasks of a meeting: not classified",
    "interparliamentary.add_agenda_item": "as create_meeting", "interparliamentary.add_observer": "as create_meeting",
    "interparliamentary.add_resolution": "as create_meeting (resolutions carry no classification)",
    "interparliamentary.ensure_visit": "schedules the meeting's (unclassified) visit; see the report on linked visits",
    "interparliamentary.add_delegate": "adds to the meeting's visit through visits.add_delegation_member (walked)",
    "interparliamentary.add_position": "writes a new version; above one's own clearance is refused (as create_note)",
    "interparliamentary.add_intervention": "as add_position",
    "interparliamentary.thai_seats": "reads only unclassified reference data (seats in organisations)",
    "interparliamentary.executive_committee": "as thai_seats",
    "visit_documents.visit_budget": "takes a visit and engagements already read with the actor's clearance "
                                    "(issue_report, walked above)",
    "audit_chain.verify_chain": "administrators only (audit.read); names a chain position and entry id, no contents",
}
# Functions that take a session but no actor: they serve sign-in, reference data and look-ups of things that carry
# no classification (people, countries, posts, rate tables), or work on what a walked function already filtered.
NO_ACTOR: dict[str, str] = {
    "auth.identity_of": "sign-in", "auth.sign_in": "sign-in",
    "correspondence.next_number": "the next number of a register: numbers are not classified",
    "correspondence.take_numbers": "as next_number, several at once (imports, the demo office)",
    "correspondence.to_read": "takes an entry already looked up with the actor's clearance",
    "travel.expiry_window_days": "rule data", "travel.lead_times": "rule data", "travel.margin_text": "rule data",
    "travel.rule": "rule data", "travel.valid_until_needed": "rule data", "travel.visa_rule": "rule data",
    "travel.required_passport_type": "rule data", "travel.positions": "posts people hold: not classified",
    "travel.passports_of": "passports: personal data, not classified",
    "travel.mark_requested": "takes a visit issue() has already looked up with the actor's clearance",
    "visit_documents.report_issued": "takes a visit id a caller has already looked up with the actor's clearance",
    "interparliamentary.lead_times": "rule data", "interparliamentary.organization_by_code": "organisations are "
                                                                                          "not classified",
    "auth.resolve_identity": "sign-in", "auth.refresh_identity": "sign-in", "auth.sign_out": "sign-in",
    "auth.hub_identity": "sign-in", "auth.start_web_session": "sign-in (web session)",
    "auth.open_web_session": "sign-in (web session)", "auth.end_web_session": "sign-in (web session)",
    "auth.web_session_id_of": "sign-in (web session)", "auth.web_session_is_open": "sign-in (web session)",
    "auth.web_session_user": "sign-in (web session)",
    "users.authenticate": "sign-in", "users.get_user": "sign-in", "users.get_active_user": "sign-in (by name)",
    "briefing.engagement_country": "takes an engagement already looked up with the actor's clearance",
    "budget_reports.targets": "the year's disbursement targets (reference rates)",
    "budget_reports.disbursement_curve": "takes a YearSummary already limited to the actor's lines",
    "common.get_or_404": "for unclassified reference records (countries, people, posts)",
    "countries.find_country": "reference data", "countries.require_country_code": "reference data",
    "countries.country_index": "reference data",
    "countries.list_countries": "reference data",
    "countries.latest_snapshot": "reference data", "countries.parliament_exists": "reference data",
    "countries.chamber_exists": "reference data", "countries.ensure_parliament": "reference data",
    "countries.ensure_chamber": "reference data", "countries.require_country": "reference data",
    "parline.check_rows": "checks rows of an import file against reference data",
    "people.holders": "people are not classified", "people.principals": "people are not classified",
    "people.organization_by_code": "organisations are not classified",
    "people.search_people": "people are not classified", "people.get_people": "people are not classified",
    "people.describe_people": "people are not classified",
    "precedence.default_precedences": "ranks of people from their posts", "protocol.default_precedence": "as above",
    "trip_costs.travel_grades": "rate tables",
}


def _service_functions() -> dict[str, Callable[..., Any]]:
    """Every public function defined in a module of ``workbench.services`` (subpackages included), named
    ``<top module>.<function>``: a module split into a subpackage keeps its names."""
    found = {}
    for info in pkgutil.walk_packages(workbench.services.__path__, prefix="workbench.services."):
        module = importlib.import_module(info.name)
        top = info.name.split(".")[2]
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ == module.__name__ and not name.startswith("_"):
                found[f"{top}.{name}"] = fn
    return found


def _walked() -> dict[str, Callable[..., Any]]:
    """The functions that take a session and an actor: each must be in CALLS or EXCLUDED."""
    return {key: fn for key, fn in _service_functions().items()
            if {"session", "actor"} <= set(inspect.signature(fn).parameters)}


def test_every_public_service_is_walked_or_excluded_with_a_reason():
    functions = _service_functions()
    with_session = {k for k, fn in functions.items() if "session" in inspect.signature(fn).parameters}
    walked = set(_walked())
    assert walked - set(CALLS) - set(EXCLUDED) == set(), "add these to CALLS (or EXCLUDED, with the reason)"
    assert with_session - walked - set(NO_ACTOR) == set(), "add these to NO_ACTOR with the reason"
    assert set(CALLS) | set(EXCLUDED) <= walked and set(NO_ACTOR) <= with_session - walked, "stale entries"
    empty = sorted(k for k, calls in CALLS.items() if not calls)
    assert all(k in EMPTY_REASONS_OK for k in empty)


# entries with no call: each names, next to it above, why no classified record can be reached through it
EMPTY_REASONS_OK = frozenset({
    "budget.create_line", "countries.record_fact", "countries.record_chamber_figures", "monitoring.create_note",
    "monitoring.create_talking_point", "monitoring.record_agreement", "parline.import_parline_file",
    "people.create_person", "people.update_person", "people.create_organization", "people.add_membership",
    "people.end_membership", "users.create_user", "users.update_user", "users.set_password",
    "users.list_users", "visits.schedule_visit"})


# --- the walk -----------------------------------------------------------------------------------------------------

def _outcome(session: Session, fn: Callable[[], Any], ids: tuple[int, ...]) -> tuple[str, str, Any]:
    try:
        result = fn()
    except WorkbenchError as exc:
        session.rollback()
        text = exc.bilingual()
        for number in ids:
            text = re.sub(rf"(?<!\d){number}(?!\d)", "<id>", text)
        return type(exc).__name__, text, None
    except Exception:
        session.rollback()
        raise
    session.rollback()  # (a write that succeeded has committed: for a classified id that is itself the failure)
    return "ok", "", result


@pytest.fixture
def world(session, tmp_path, monkeypatch) -> World:
    monkeypatch.setenv("WORKBENCH_ATTACHMENTS_DIR", str(tmp_path / "attachments"))
    return add_new_features(session, build_world(session))


def _actors(session: Session, clearance: Clearance) -> dict[Role, Any]:
    return {role: user_model(session, make_user(session, role=role, clearance=clearance)) for role in Role}


def _as_list(result: Any) -> list[Any]:
    if isinstance(result, (list, tuple)):
        return list(result)
    return [result]


def _check_by_id(session, spec, actor, world, where: str) -> list[str]:
    secret_id = spec.secret(world)
    got = _outcome(session, lambda: spec.call(session, actor, world, secret_id), (secret_id,))
    missing = _outcome(session, lambda: spec.call(session, actor, world, MISSING), (MISSING,))
    failures = []
    if got[:2] != missing[:2]:
        failures.append(f"{where}: classified id → {got[:2]}, missing id → {missing[:2]}")
    elif got[0] not in ("NotFound", "PermissionDenied"):
        failures.append(f"{where}: a classified id gives {got[0]}, not NotFound")
    if MARK in got[1] or leaks(got[2], world):
        failures.append(f"{where}: {got[1]} {leaks(got[2], world)}")
    return failures


def _check_list(session, spec, actor, cleared_actor, world, where: str) -> list[str]:
    got = _outcome(session, lambda: spec.call(session, actor, world), ())
    if got[0] == "PermissionDenied":
        return []
    if got[0] != "ok":
        return [f"{where}: {got[:2]}"]
    shown = leaks(got[2], world)
    if shown:
        return [f"{where} shows {shown[:3]}"]
    full = _outcome(session, lambda: spec.call(session, cleared_actor, world), ())
    if full[0] == "ok" and isinstance(got[2], (list, tuple)):
        expected = [item for item in _as_list(full[2]) if not leaks(item, world)]
        if len(got[2]) != len(expected):
            return [f"{where} counts {len(got[2])}, not {len(expected)}"]
    return []


def _check_clash(session, spec, actor, world, where: str) -> list[str]:
    got = _outcome(session, lambda: spec.call(session, actor, world), ())
    if got[0] == "PermissionDenied":
        return []
    if got[0] != "ConflictError":
        return [f"{where}: a clash with a classified engagement gives {got[:2]}"]
    if MARK in got[1] or f"#{world.engagement}" in got[1] or re.search(r"\b1[01][.:]00\b", got[1]):
        return [f"{where}: the clash message tells of it: {got[1]}"]
    return []


def test_an_uncleared_user_of_every_role_meets_no_classified_record(session, world):
    uncleared, cleared = _actors(session, Clearance.NONE), _actors(session, Clearance.TOP_SECRET)
    failures: list[str] = []
    calls = 0
    for key in sorted(CALLS):
        for spec in CALLS[key]:
            for role, actor in uncleared.items():
                calls += 1
                where = f"{key} as {role.value}"
                if isinstance(spec, ById):
                    failures += _check_by_id(session, spec, actor, world, where)
                elif isinstance(spec, Lists):
                    failures += _check_list(session, spec, actor, cleared[role], world, where)
                elif isinstance(spec, Clash):
                    failures += _check_clash(session, spec, actor, world, where)
    assert not failures, "\n".join(failures)
    assert calls == len(Role) * sum(len(specs) for specs in CALLS.values())
    assert len([key for key, specs in CALLS.items() if specs]) >= 80  # the walk covers the services, not a few


def test_the_walk_sees_the_classified_records_when_cleared(session, world):
    """The world is really there: a cleared user meets every classified record through the same calls."""
    cleared = _actors(session, Clearance.TOP_SECRET)
    admin = cleared[Role.ADMINISTRATOR]
    assert budget.get_line(session, line_id=world.secret_line, actor=admin).code == "ZQX1"
    entries = budget.entries(session, line_id=world.line, actor=cleared[Role.VIEWER])
    assert {("commitment", world.commitment), ("disbursement", world.disbursement)} <= {
        (r["kind"], r["id"]) for r in entries}
    assert leaks(calendar.calendar_items(session, actor=cleared[Role.VIEWER], first=D1, last=D2), world)
    assert leaks(audit.recent_entries(session, actor=admin, limit=1000), world)
    assert briefing.latest_saved_pack(session, engagement_id=world.engagement, actor=admin)[0].id == world.pack
    assert records.get_record(session, record_id=world.record, actor=admin).id == world.record


def test_a_clash_with_a_classified_engagement_is_refused_without_a_word_of_it(session, world):
    officer = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER))
    with pytest.raises(ConflictError) as refused:
        engagements.create_engagement(session, actor=officer, data={
            "kind": "meeting", "title_th": "ประชุมซ้อน", "principal_ids": [world.principal],
            "start": dt.datetime(2026, 12, 2, 10, 30), "end": dt.datetime(2026, 12, 2, 11, 30)})
    message = refused.value.bilingual()
    assert "10:30" in message and "11:30" in message  # the requester's own times
    assert MARK not in message and f"#{world.engagement}" not in message and "10:00" not in message
    cleared = user_model(session, make_user(session, role=Role.PROTOCOL_OFFICER, clearance=Clearance.SECRET))
    with pytest.raises(ConflictError) as told:
        engagements.create_engagement(session, actor=cleared, data={
            "kind": "meeting", "title_th": "ประชุมซ้อน", "principal_ids": [world.principal],
            "start": dt.datetime(2026, 12, 2, 10, 30), "end": dt.datetime(2026, 12, 2, 11, 30)})
    assert MARK in told.value.bilingual() and f"#{world.engagement}" in told.value.bilingual()


def test_an_officer_pays_and_reverses_nothing_of_a_classified_commitment(session, world):
    officer = user_model(session, make_user(session, role=Role.ADMIN_OFFICER))
    with pytest.raises(NotFound):
        budget.disburse(session, actor=officer, data={
            "commitment_id": world.commitment, "entry_date": dt.date(2026, 12, 5), "amount": "1.00"})
    with pytest.raises(NotFound):
        budget.reverse_disbursement(session, disbursement_id=world.disbursement, actor=officer, **REASON)
    with pytest.raises(NotFound):
        budget.reverse_commitment(session, commitment_id=world.commitment, actor=officer, **REASON)
    assert session.exec(select(Disbursement).where(Disbursement.commitment_id == world.commitment)).all() == [
        session.get(Disbursement, world.disbursement)]
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    kinds = [(r["kind"], r["id"]) for r in budget.entries(session, line_id=world.line, actor=viewer)]
    assert ("disbursement", world.disbursement) not in kinds and ("commitment", world.commitment) not in kinds


def test_a_line_code_clash_says_nothing_of_a_classified_line(session, world):
    """A new line may not reuse a code of its year; the refusal repeats only what the officer typed."""
    officer = user_model(session, make_user(session, role=Role.ADMIN_OFFICER))
    with pytest.raises(WorkbenchError) as refused:
        budget.create_line(session, actor=officer, data={
            "fiscal_year": FY + 1, "code": "ZQX1", "name_th": "ใหม่", "category": "operations",
            "expense_type": "services", "allocated": "1.00"})
    message = refused.value.bilingual()
    assert MARK not in message and not re.search(rf"(?<!\d){world.secret_line}(?!\d)", message.replace("2571", ""))


def test_a_permission_denied_is_not_a_leak(session, world):
    """A role without the permission is refused before any look-up, for a classified and a missing id alike."""
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    for record_id in (world.visit, MISSING):
        with pytest.raises(PermissionDenied):
            visits.update_visit(session, visit_id=record_id, data={"cities": "x"}, actor=viewer)


def test_carrying_out_a_list_leaves_and_does_not_count_what_the_officer_may_not_see(session, world):
    """The year's destruction list holds the secret entry (drawn up by a cleared officer). An uncleared officer
    who carries it out destroys only what they may see: the secret entry is neither counted nor destroyed."""
    from workbench.models.correspondence import Disposal
    from workbench.models.users import Role as R

    members = [user_model(session, make_user(session, role=R.ADMIN_OFFICER, clearance=SECRET)) for _ in range(3)]
    for member, role in zip(members, ("chair", "member", "member"), strict=True):
        retention.approve(session, actor=member, list_id=world.destruction_list, committee_role=role)
    officer = user_model(session, make_user(session, role=R.ADMIN_OFFICER))
    visible = len(retention.list_items(session, actor=officer, list_id=world.destruction_list))
    everything = len(retention.list_items(session, actor=members[0], list_id=world.destruction_list))
    assert everything == visible + 1  # the secret entry is on the list

    done = retention.carry_out(session, actor=officer, list_id=world.destruction_list)

    assert done == visible
    session.expire_all()
    assert session.get(Correspondence, world.document).disposal == Disposal.KEPT


def test_an_absence_for_a_classified_visit_behaves_as_a_missing_one(session, world):
    """The absence hangs on the secret visit (as a gift does): an uncleared officer sees no absence, no one away,
    and cannot link a new absence to that visit; a cleared one sees it with its visit and reason."""
    officer = user_model(session, make_user(session, role=Role.ADMIN_OFFICER))
    cleared = user_model(session, make_user(session, role=Role.ADMIN_OFFICER, clearance=SECRET))
    assert staff.absences(session, actor=officer, start=D1, end=D2) == []
    assert staff.away_on(session, day=DEC, actor=officer) == []
    assert [m.away for m in staff.list_staff(session, actor=officer, on=DEC)] == [""]
    [row] = staff.absences(session, actor=cleared, start=D1, end=D2)
    assert row["visit_id"] == world.visit and MARK in row["reason"]
    assert [m.away for m in staff.list_staff(session, actor=cleared, on=DEC)] == ["travel"]
    [item] = [i for i in calendar.calendar_items(session, actor=cleared, first=D1, last=D2)
              if i.item_type == "admin_absence"]
    assert item.visit_id == world.visit and MARK in item.venue
    with pytest.raises(NotFound) as refused:
        staff.record_absence(session, actor=officer, data={
            "staff_id": world.staff, "kind": "travel", "start_date": dt.date(2027, 1, 5),
            "end_date": dt.date(2027, 1, 6), "visit_id": world.visit})
    assert refused.value.field == "visit_id"
