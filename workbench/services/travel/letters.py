"""The letters that obtain passports and visas for an outbound delegation.

* The passport request: a Thai external letter (หนังสือภายนอก) to the Director-General of the Department of
  Consular Affairs listing the delegation with the passport type each member's post needs.
* The visa request: a note verbale in English to the embassy of the destination, listing the members who need a
  visa with their names as in their passports, positions, passport types and numbers, travel dates and purpose.

A draft is made on demand and carries no number. Issuing checks everything first, then, in one transaction,
takes the outgoing number from the correspondence register (``issuing.allocate_outgoing``), records the issued
letter and (for visas) marks the visas requested. Any refusal happens before a number is taken, and any failure
after it rolls the whole transaction back, so a refused letter never consumes a number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from workbench.config import get_settings
from workbench.db import transaction
from workbench.errors import ValidationError
from workbench.models.countries import Country, long_name
from workbench.models.letters import EN_MONTHS, ExternalLetter, LetterTable, NoteVerbale
from workbench.models.people import Organization, person_name
from workbench.models.travel import LetterKind, TravelLetter, TravelLetterRead
from workbench.models.visits import Direction, Visit
from workbench.services import countries, people
from workbench.services import visits as visit_service
from workbench.services.access import Actor, can_see, require
from workbench.services.common import classification_of, get_or_404, get_visible
from workbench.services.travel import issuing, readiness
from workbench.thai import THAI_MONTHS, be_year, format_date, to_thai_digits

SENDER_EN = "The Secretariat of the Senate of the Kingdom of Thailand"
CONSULAR_TH = "อธิบดีกรมการกงสุล"
TYPE_TH = {"diplomatic": "หนังสือเดินทางทูต", "official": "หนังสือเดินทางราชการ", "ordinary": "หนังสือเดินทางธรรมดา"}
SHORT_TH = {"diplomatic": "ทูต", "official": "ราชการ", "ordinary": "ธรรมดา"}
TYPE_EN = {"diplomatic": "Diplomatic", "official": "Official", "ordinary": "Ordinary"}


def _person_error(member: readiness.MemberReadiness, th: str, en: str) -> ValidationError:
    return ValidationError(th, en, field="person_id", field_th=member.name_th, field_en=member.name_en)


def _checked(session: Session, *, visit_id: int, actor: Actor, today: dt.date, iso2: str | None = None
             ) -> readiness.VisitReadiness:
    """The visit's readiness, refusing what no letter may be made from (each message names the person)."""
    require(actor, "travel.read")
    state = readiness.visit_readiness(session, visit_id=visit_id, actor=actor, today=today)
    visit = state.visit
    if visit.direction != Direction.OUTBOUND:
        raise ValidationError(f"«{visit.title_th}» ไม่ใช่การเดินทางไปต่างประเทศ",
                              f"«{visit.title_en or visit.title_th}» is not an outbound visit", field="visit_id",
                              field_th="การเยือน", field_en="visit")
    if iso2 is not None and iso2.upper() != state.iso2:
        country = countries.find_country(session, iso2)
        shown = country.name_th if country else iso2
        raise ValidationError(
            f"{shown} ไม่อยู่ในกำหนดการของ «{visit.title_th}» (ประเทศปลายทาง: {state.country_th})",
            f"{country.name_en if country else iso2} is not on the visit «{visit.title_en or visit.title_th}» "
            f"(destination: {state.country_en})", field="country", field_th="ประเทศ", field_en="country")
    if not state.members:
        raise ValidationError(f"«{visit.title_th}» ยังไม่มีรายชื่อคณะผู้แทน",
                              f"«{visit.title_en or visit.title_th}» has no delegation members yet",
                              field="delegation", field_th="คณะผู้แทน", field_en="delegation")
    for member in state.members:
        if member.passport_id is None:
            raise _person_error(member, "ไม่มีหนังสือเดินทางในทะเบียน: บันทึกหนังสือเดินทางก่อนทำหนังสือ",
                                "has no passport in the register: record it before making the letter")
        if member.passport_expiry is not None and member.passport_expiry < member.travel_to:
            raise _person_error(
                member, f"หนังสือเดินทางเลขที่ {member.passport_number} หมดอายุ {format_date(member.passport_expiry)} "
                        f"ระหว่างการเดินทาง", f"passport {member.passport_number} expires on "
                        f"{member.passport_expiry.isoformat()}, during the trip")
    return state


def _org(session: Session, code: str, lang: str = "th") -> str:
    org = session.exec(select(Organization).where(Organization.code == code)).first()
    return org.display_name(lang) if org else ""


def _signer(session: Session, on: dt.date) -> tuple[str, tuple[str, ...]]:
    holders = people.holders(session, post_code="senate-secretary-general", on=on)
    return person_name(holders[0] if holders else None, "th", form="letter"), ("เลขาธิการวุฒิสภา",)


def _span_th(first: dt.date, last: dt.date) -> str:
    if first == last:
        return f"วันที่ {format_date(first)}"
    if (first.year, first.month) == (last.year, last.month):
        return f"ระหว่างวันที่ {first.day} – {last.day} {THAI_MONTHS[first.month]} {be_year(first.year)}"
    return f"ระหว่างวันที่ {format_date(first)} ถึงวันที่ {format_date(last)}"


def _span_en(first: dt.date, last: dt.date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {EN_MONTHS[first.month]} {first.year}"
    return (f"{first.day} {EN_MONTHS[first.month]} {first.year} – "
            f"{last.day} {EN_MONTHS[last.month]} {last.year}")


def passport_letter(session: Session, *, visit_id: int, actor: Actor, today: dt.date, office_code: str | None = None,
                    number: str = "", letter_date: dt.date | None = None) -> ExternalLetter:
    """The passport request to the Department of Consular Affairs (a draft unless ``number`` is given)."""
    state = _checked(session, visit_id=visit_id, actor=actor, today=today)
    settings = get_settings()
    thai_digits = settings.letter_thai_digits
    d = (lambda text: to_thai_digits(text)) if thai_digits else (lambda text: text)
    visit, members = state.visit, state.members
    rows = tuple((d(str(i)), m.name_th, m.position.label_th or "-", SHORT_TH[m.required_type],
                  f"{SHORT_TH[m.passport_type]} {m.passport_number} หมดอายุ "
                  f"{format_date(m.passport_expiry, style='abbr', thai_digits=thai_digits)}")
                 for i, m in enumerate(members, start=1))
    signer, position = _signer(session, letter_date or today)
    where = visit.cities if visit.cities and visit.cities != state.country_th else ""
    country = long_name(countries.find_country(session, state.iso2), "th") or state.country_th  # a letter: long
    place = f"{where} {country}".strip() if where else country
    # a title that already says where ("… ณ นครเจนีวา") gets the country after it, not a second "ณ"
    place = (f" {country}" if country not in visit.title_th else "") if " ณ " in visit.title_th else f" ณ {place}"
    return ExternalLetter(
        office_code=office_code or settings.office_code, number=number,
        office=_org(session, "senate-secretariat") or "สำนักงานเลขาธิการวุฒิสภา",
        address=tuple(line.strip() for line in settings.office_address.split(";") if line.strip()),
        date=letter_date or today,
        subject="ขอความอนุเคราะห์ออกหนังสือเดินทางให้แก่คณะผู้แทนวุฒิสภา",
        addressee=CONSULAR_TH,
        enclosures=(f"สำเนาหนังสือเดินทางของคณะผู้แทน จำนวน {len(members)} ฉบับ",),
        body=(f"ด้วยวุฒิสภามีกำหนดการ{visit.title_th}{place} {_span_th(visit.start_date, visit.end_date)}",
              f"ในการนี้ สำนักงานเลขาธิการวุฒิสภาจึงขอความอนุเคราะห์กรมการกงสุลออกหนังสือเดินทางให้แก่คณะผู้แทน "
              f"จำนวน {len(members)} คน ตามรายชื่อดังต่อไปนี้"),
        table=LetterTable(("ลำดับ", "ชื่อ – นามสกุล", "ตำแหน่ง", "ประเภทที่ขอ", "หนังสือเดินทางเล่มปัจจุบัน"),
                          rows, (13, 28, 25, 18, 32)),  # "ลำดับ", "ประเภท" unbroken
        body_after=("จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์ด้วย จะขอบคุณยิ่ง",),
        signer_name=signer, signer_position=position,
        owner_unit=" ".join(p for p in (_org(session, "fao"), _org(session, "fao-protocol")) if p),
        phone=settings.office_phone, fax=settings.office_fax, email=settings.office_email,
        thai_digits=thai_digits, emblem=settings.letter_emblem,
        title=f"ขอความอนุเคราะห์ออกหนังสือเดินทาง: {visit.title_th}",
    )


def _visa_members(state: readiness.VisitReadiness) -> list[readiness.MemberReadiness]:
    needing = [m for m in state.members if m.visa_needed]
    if not needing:
        raise ValidationError(f"ไม่มีสมาชิกในคณะที่ต้องขอวีซ่า{state.country_th} (ตามข้อมูลอ้างอิง)",
                              f"no member of the delegation needs a visa for {state.country_en} (per the reference data)",
                              field="country", field_th="ประเทศ", field_en="country")
    return needing


def visa_note(session: Session, *, visit_id: int, iso2: str, actor: Actor, today: dt.date, number: str = "",
              office_code: str | None = None, letter_date: dt.date | None = None) -> NoteVerbale:
    """The note verbale asking the destination's embassy for the visas (a draft unless ``number`` is given)."""
    state = _checked(session, visit_id=visit_id, actor=actor, today=today, iso2=iso2)
    settings = get_settings()
    members = _visa_members(state)
    visit = state.visit
    purpose = visit.title_en or visit.title_th
    rows = tuple((str(i), m.name_in_passport or m.name_en, m.position.label_en or "-",
                  f"{TYPE_EN[m.passport_type]} {m.passport_number}", _span_en(m.travel_from, m.travel_to))
                 for i, m in enumerate(members, start=1))
    country_en = long_name(countries.find_country(session, state.iso2), "en") or state.country_en  # a letter: long
    embassy = f"the Embassy of {country_en}"
    return NoteVerbale(
        number=f"{office_code or settings.office_code}/{number}" if number else "",
        office_code=office_code or settings.office_code, sender=SENDER_EN, embassy=embassy,
        request=(f"request the kind assistance of the Embassy in issuing visas to the following "
                 f"{'member' if len(members) == 1 else str(len(members)) + ' members'} of the delegation of the "
                 f"Senate of the Kingdom of Thailand, who will travel to {country_en} "
                 f"{_from_to_en(visit.start_date, visit.end_date)} on official business:"),
        # the purpose is said once, under the table: six columns do not fit an A4 page at 16 pt (names and
        # "December" were broken in the middle)
        table=LetterTable(("No.", "Name (as in passport)", "Position", "Passport", "Travel dates"), rows,
                          (14, 47, 33, 34, 32)),
        body_after=(f"The purpose of the visit is: {purpose}. The Secretariat of the Senate would be most grateful "
                    f"if the visas could be issued before {_date_en(visit.start_date - dt.timedelta(days=7))}.",),
        date=letter_date or today, addressee_lines=(f"The Embassy of {country_en}", "Bangkok"),
        emblem=settings.letter_emblem, title=f"Note verbale: visas for {purpose}",
    )


def _from_to_en(first: dt.date, last: dt.date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return f"from {first.day} to {last.day} {EN_MONTHS[first.month]} {first.year}"
    return f"from {_date_en(first)} to {_date_en(last)}"


def _date_en(day: dt.date) -> str:
    return f"{day.day} {EN_MONTHS[day.month]} {day.year}"


def draft(session: Session, *, kind: LetterKind | str, visit_id: int, actor: Actor, today: dt.date,
          iso2: str | None = None) -> ExternalLetter | NoteVerbale:
    """A draft (no number) of the passport letter or of the visa note verbale for ``iso2``."""
    if LetterKind(kind) == LetterKind.PASSPORT:
        return passport_letter(session, visit_id=visit_id, actor=actor, today=today)
    return visa_note(session, visit_id=visit_id, iso2=iso2 or "", actor=actor, today=today)


@dataclass(frozen=True)
class Issued:
    letter: TravelLetterRead
    document: ExternalLetter | NoteVerbale


def issue(session: Session, *, kind: LetterKind | str, visit_id: int, actor: Actor, today: dt.date,
          iso2: str | None = None) -> Issued:
    """Issue the letter: checks first (nothing written when refused), then number, record and visa tracking in
    one transaction."""
    require(actor, "travel.write")
    kind = LetterKind(kind)
    preview = draft(session, kind=kind, visit_id=visit_id, actor=actor, today=today, iso2=iso2)
    visit = visit_service.get_visit(session, visit_id=visit_id, actor=actor)
    country = get_or_404(session, Country, visit.country_id, field="country_id")
    state = readiness.visit_readiness(session, visit_id=visit_id, actor=actor, today=today)
    listed = _visa_members(state) if kind == LetterKind.VISA else list(state.members)
    if kind == LetterKind.PASSPORT:
        subject, recipient = preview.subject, CONSULAR_TH
    else:
        subject, recipient = f"Note verbale: visas for {visit.title_en or visit.title_th}", \
            f"สถานเอกอัครราชทูต{long_name(country, 'th')} (Embassy of {long_name(country, 'en')})"
    with transaction(session, actor=actor):
        number = issuing.allocate_outgoing(session, actor=actor, visit_id=visit_id, subject=subject,
                                           recipient=recipient, sender="สำนักงานเลขาธิการวุฒิสภา", doc_date=today)
        record = TravelLetter(kind=kind, visit_id=visit_id, country_id=country.id,
                              correspondence_id=number.correspondence_id, display_number=number.display_number,
                              letter_date=today, subject=subject, recipient=recipient,
                              member_ids=",".join(str(m.person_id) for m in listed),
                              issued_by_id=getattr(actor, "id", None))
        session.add(record)
        session.flush()
        if kind == LetterKind.VISA:
            readiness.mark_requested(session, visit=visit, person_ids=[m.person_id for m in listed],
                                     letter_id=record.id, on=today)
        document = _numbered(session, record, actor=actor, today=today, code=number.office_code, number=number.number)
        session.flush()
        return Issued(TravelLetterRead.model_validate(record.model_dump()), document)


def _numbered(session: Session, record: TravelLetter, *, actor: Actor, today: dt.date, code: str, number: str):
    country = session.get(Country, record.country_id) if record.country_id else None
    if record.kind == LetterKind.PASSPORT:
        return passport_letter(session, visit_id=record.visit_id, actor=actor, today=today, office_code=code,
                               number=number, letter_date=record.letter_date)
    return visa_note(session, visit_id=record.visit_id, iso2=country.iso2 if country else "", actor=actor,
                     today=today, office_code=code, number=number, letter_date=record.letter_date)


def issued_document(session: Session, *, letter_id: int, actor: Actor, today: dt.date) -> ExternalLetter | NoteVerbale:
    """An issued letter made again with its number and date (for another copy or another format)."""
    record = get_visible(session, TravelLetter, letter_id, actor=actor, permission="travel.read", field="letter_id",
                         visible=lambda r: can_see(actor, classification_of(session.get(Visit, r.visit_id))))
    code, number = issuing.split_number(record.display_number)
    return _numbered(session, record, actor=actor, today=today, code=code, number=number)


def issued_letters(session: Session, *, visit_id: int, actor: Actor) -> list[TravelLetterRead]:
    require(actor, "travel.read")
    visit_service.get_visit(session, visit_id=visit_id, actor=actor)
    rows = session.exec(select(TravelLetter).where(TravelLetter.visit_id == visit_id)
                        .order_by(col(TravelLetter.issued_at), col(TravelLetter.id))).all()
    return [TravelLetterRead.model_validate(r.model_dump()) for r in rows]


def file_name(kind: LetterKind | str, visit_id: int, extension: str, number: str = "") -> str:
    suffix = number.rpartition("/")[2] if number else "draft"
    return f"{LetterKind(kind).value}-letter-visit{visit_id}-{suffix}.{extension}"
