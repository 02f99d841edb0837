"""Demo correspondence: a believable year of letters in and out per year covered — invitations and replies about
the demo visits (linked to them), embassy notes, internal memos, budget requests — registered in date order,
some classified, a few urgent ones left open past their due time, and a share routed and signed off. Each letter
is checked by the register's own rules and numbered from its register's counter, then written with its routing
steps through the bulk path (``workbench.bulk.bulk_insert``: batched, one audit entry per row)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlmodel import col, select

from workbench.bulk import bulk_insert
from workbench.demo import DemoContext, demo_builder
from workbench.models.base import Clearance
from workbench.models.correspondence import Correspondence, CorrespondenceStatus, RoutingAction, RoutingStep
from workbench.models.visits import Visit
from workbench.services.correspondence import rules
from workbench.services.correspondence.registers import check_create, search_text, take_numbers

PER_YEAR = 220
SENDERS_IN = ["กระทรวงการต่างประเทศ", "สถานเอกอัครราชทูต{c} ประจำประเทศไทย", "สำนักงานเลขาธิการสภาผู้แทนราษฎร",
              "กรมพิธีการทูต กระทรวงการต่างประเทศ", "สำนักงบประมาณ", "สำนักการประชุม สำนักงานเลขาธิการวุฒิสภา",
              "สถานเอกอัครราชทูตไทย ณ {c}"]
RECIPIENTS_OUT = ["เอกอัครราชทูต{c} ประจำประเทศไทย", "อธิบดีกรมพิธีการทูต", "ปลัดกระทรวงการต่างประเทศ",
                  "เอกอัครราชทูตไทย ณ {c}", "เลขาธิการสภาผู้แทนราษฎร"]
INCOMING_VISIT = ["ขอเชิญคณะผู้แทนวุฒิสภาเยือน{c}", "แจ้งกำหนดการเยือนของ{v}", "ขอความร่วมมือจัดการเข้าเยี่ยมคารวะประธานวุฒิสภา ({c})",
                  "ขอรายชื่อคณะผู้แทนเพื่อประสานการตรวจลงตรา ({c})", "ส่งร่างกำหนดการ {v}", "ขอข้อมูลประกอบการสนทนา {c}"]
OUTGOING_VISIT = ["ตอบรับคำเชิญเยือน{c}", "ยืนยันกำหนดการ {v}", "ขอความอนุเคราะห์ออกหนังสือนำตรวจลงตรา ({c})",
                  "แจ้งรายชื่อคณะผู้แทนวุฒิสภา ({c})", "ขอบคุณการต้อนรับคณะผู้แทนวุฒิสภา ({c})"]
INCOMING_OTHER = ["ขอเชิญเข้าร่วมการสัมมนาทางวิชาการด้านการทูตรัฐสภา", "แจ้งการจัดสรรงบประมาณรายจ่ายประจำปี",
                  "ขอความร่วมมือตอบแบบสอบถามการประเมินผล", "ส่งรายงานการประชุมคณะกรรมาธิการการต่างประเทศ",
                  "ขอเชิญร่วมงานเลี้ยงรับรองเนื่องในวันชาติ", "แจ้งเปลี่ยนแปลงเอกอัครราชทูตประจำประเทศไทย",
                  "ขอรับการสนับสนุนล่ามภาษาอังกฤษ", "ส่งสรุปสถานการณ์ทางการเมืองประจำเดือน"]
INTERNAL = ["ขออนุมัติเดินทางไปราชการต่างประเทศ", "ขออนุมัติเบิกจ่ายค่ารับรองคณะผู้แทน", "รายงานผลการเยือน",
            "ขอแต่งตั้งเจ้าหน้าที่ประสานงานคณะผู้แทน", "ขออนุมัติจัดซื้อของที่ระลึก", "สรุปผลการประชุมประจำเดือนของสำนักงาน"]
CLASSIFIED_SUBJECTS = ["ท่าทีของไทยต่อประเด็นทะเลจีนใต้ในการประชุม AIPA", "ข้อมูลประกอบการหารือทวิภาคีเรื่องความมั่นคงชายแดน",
                       "รายงานการประเมินสถานการณ์การเมือง{c}"]
OUTGOING_OTHER = ["ขอความอนุเคราะห์ข้อมูลประกอบการจัดทำข้อมูลประกอบการสนทนา", "แจ้งรายชื่อเจ้าหน้าที่ประสานงาน",
                  "ขอเชิญร่วมงานเลี้ยงรับรองคณะผู้แทนรัฐสภาต่างประเทศ", "ขอบคุณที่ให้การสนับสนุนล่าม",
                  "ส่งรายงานผลการประชุมคณะกรรมาธิการการต่างประเทศ"]
GROUPS = ["กลุ่มงานพิธีการ", "กลุ่มงานความสัมพันธ์ระหว่างประเทศ", "กลุ่มงานบริหารงานทั่วไป"]


@demo_builder("correspondence", order=60)
def build_correspondence(context: DemoContext) -> None:
    rng = context.rng
    session = context.session
    visits = list(session.exec(select(Visit).where(col(Visit.classification) == 0).order_by(col(Visit.start_date))).all())
    users = context.refs.get("users", {})
    officer = users.get("officer")
    admin = users.get("admin")
    last = min(context.today, dt.date.today()) - dt.timedelta(days=1)
    first = last - dt.timedelta(days=365 * context.years - 1)
    moments = []
    for _ in range(PER_YEAR * context.years):
        day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
        if day.weekday() >= 5:
            day -= dt.timedelta(days=day.weekday() - 4)
        moments.append(dt.datetime.combine(day, dt.time(rng.randint(8, 15), rng.randint(0, 59))))
    documents = []
    for index, at in enumerate(sorted(moments)):
        visit = _nearby_visit(visits, at.date(), rng)
        documents.append(_registered(context, _letter(context, at, visit, index)))
    _number(context, documents)
    steps = _route(context, documents, officer, admin)
    ids = bulk_insert(session, Correspondence, documents)
    for step in steps:
        step["correspondence_id"] = ids[step.pop("document")]
    bulk_insert(session, RoutingStep, steps)


def _registered(context: DemoContext, data: dict) -> dict:
    """A letter as ``register_document`` stores it (checked by the same rules), still without its number."""
    checked = check_create(context.session, actor=context.actor, data=data)
    registered_at = checked.registered_at.replace(microsecond=0)
    return {**checked.model_dump(exclude={"registered_at"}), "year": registered_at.year, "registered_at": registered_at,
            "due_at": rules.due_at(registered_at, checked.urgency), "status": CorrespondenceStatus.REGISTERED,
            "registered_by_id": getattr(context.actor, "id", None)}


def _number(context: DemoContext, documents: list[dict]) -> None:
    """Each register's numbers of a year in registration order, taken from its counter at once."""
    wanted = Counter((doc["register"], doc["year"]) for doc in documents)
    numbers = {key: iter(take_numbers(context.session, register=key[0], year=key[1], count=count))
               for key, count in wanted.items()}
    for doc in documents:
        doc["number"] = next(numbers[(doc["register"], doc["year"])])
        doc["search_text"] = search_text(doc)


def _nearby_visit(visits: list[Visit], day: dt.date, rng) -> Visit | None:
    close = [v for v in visits if -30 <= (v.start_date - day).days <= 90]
    return rng.choice(close) if close and rng.random() < 0.75 else None


def _country_name(visit: Visit | None, rng) -> str:
    names = ["ญี่ปุ่น", "ฝรั่งเศส", "สิงคโปร์", "เยอรมนี", "ออสเตรเลีย", "สาธารณรัฐเกาหลี", "เวียดนาม", "อินเดีย"]
    if visit is not None:
        for name in names:
            if name in visit.title_th:
                return name
    return rng.choice(names)


def _letter(context: DemoContext, at: dt.datetime, visit: Visit | None, index: int) -> dict:
    rng = context.rng
    country = _country_name(visit, rng)
    vtitle = visit.title_th if visit else f"คณะผู้แทน{country}"
    roll = rng.random()
    register = "incoming" if roll < 0.55 else "outgoing" if roll < 0.85 else "internal"
    classification = Clearance.NONE
    if register == "internal":
        subject, doc_type = rng.choice(INTERNAL), "internal"
        sender, recipient = rng.choice(GROUPS), "ผู้อำนวยการสำนักงานต่างประเทศ"
        doc_number = f"สว 0010.{rng.randint(1, 3)}/{rng.randint(100, 999)}"
    elif register == "incoming":
        pool = INCOMING_VISIT if visit else INCOMING_OTHER
        subject, doc_type = rng.choice(pool), rng.choice(["external", "external", "external", "stamped"])
        sender = rng.choice(SENDERS_IN)
        recipient = "เลขาธิการวุฒิสภา"
        doc_number = f"{rng.choice(['กต', 'สผ', 'สว', 'นร'])} {rng.randint(1000, 1999):04d}/{rng.randint(1, 9999)}"
    else:
        subject, doc_type = rng.choice(OUTGOING_VISIT if visit else OUTGOING_OTHER), "external"
        sender = "สำนักงานต่างประเทศ สำนักงานเลขาธิการวุฒิสภา"
        recipient = rng.choice(RECIPIENTS_OUT)
        doc_number = ""
    if rng.random() < 0.07 and register != "outgoing":
        subject = rng.choice(CLASSIFIED_SUBJECTS)
        classification = Clearance.SECRET if rng.random() < 0.3 else Clearance.CONFIDENTIAL
        doc_type = "external" if register == "incoming" else "internal"
    urgency = rng.choices(["normal", "urgent", "very_urgent", "most_urgent"], weights=[70, 16, 10, 4])[0]
    return {
        "register": register, "registered_at": at, "doc_number": doc_number,
        "doc_date": (at - dt.timedelta(days=rng.randint(0, 3))).date() if register == "incoming" else at.date(),
        "sender": sender.format(c=country), "recipient": recipient.format(c=country),
        "subject": subject.format(c=country, v=vtitle)[:500], "doc_type": doc_type, "urgency": urgency,
        "classification": classification,
        "action_requested": rng.choice(["for_information", "for_consideration", "for_action", "for_reply"]),
        "visit_id": visit.id if visit else None, "remarks": "",
    }


def _route(context: DemoContext, documents: list[dict], officer, admin) -> list[dict]:
    """Most letters are routed and signed off; the newest stay on desks, some past their due time. Each document
    is left as ``route`` would leave it; returns its steps (``document``: its place in ``documents``)."""
    rng = context.rng
    cutoff = dt.datetime.combine(min(context.today, dt.date.today()) - dt.timedelta(days=21), dt.time())
    latest = dt.datetime.combine(min(context.today, dt.date.today()), dt.time(8, 0))
    by = {"by_id": getattr(context.actor, "id", None), "by_name": getattr(context.actor, "username", "")}
    steps = []
    for index, doc in enumerate(documents):
        holder = officer if officer is not None and doc["classification"] == Clearance.NONE else admin
        if holder is None:
            continue
        group = rng.choice(GROUPS)
        at = min(latest, doc["registered_at"] + dt.timedelta(minutes=rng.randint(20, 180)))
        steps.append({"document": index, "action": RoutingAction.ASSIGN, **by, "to_user_id": holder.id,
                      "to_group": group, "note": "โปรดพิจารณาดำเนินการ", "at": at.replace(microsecond=0)})
        doc.update(status=CorrespondenceStatus.ROUTED, assignee_id=holder.id, work_group=group)
        if doc["registered_at"] < cutoff or rng.random() < 0.3:
            at = min(latest, doc["registered_at"] + dt.timedelta(hours=rng.randint(4, 60)))
            steps.append({"document": index, "action": RoutingAction.SIGN_OFF, **by, "to_user_id": holder.id,
                          "to_group": group, "note": "ทราบ ดำเนินการแล้ว", "at": at.replace(microsecond=0)})
            doc["status"] = CorrespondenceStatus.SIGNED_OFF
    return steps
