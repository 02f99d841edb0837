"""The passport request letter (หนังสือภายนอก) and the visa note verbale, read back from DOCX (python-docx) and
PDF (pdftotext): parts in their order, TH Sarabun New 16 pt for Thai (complex-script font and bold), the B.E. date
with its Thai month, the delegation table as in the database; drafts carry no number; issued letters take
consecutive outgoing numbers; refused letters write nothing and consume no number."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from sqlmodel import func, select

from tests.factories import make_person
from tests.travel_factories import TODAY, add_member, delegation, give_passport, make_outbound
from workbench.db import SYSTEM
from workbench.documents.letters import render_letter
from workbench.errors import ValidationError
from workbench.models.correspondence import Correspondence
from workbench.models.travel import Passport, TravelLetter, VisaRequest
from workbench.services.travel import letters
from workbench.thai import to_thai_digits

FONT = "TH Sarabun New"
THAI_PARTS = ["ที่ สว", "สำนักงานเลขาธิการวุฒิสภา", "๕ มกราคม ๒๕๗๐", "เรื่อง", "เรียน", "สิ่งที่ส่งมาด้วย", "ด้วยวุฒิสภา",
              "จึงเรียนมา", "ขอแสดงความนับถือ", "(", "เลขาธิการวุฒิสภา", "สำนักงานต่างประเทศ", "โทร.", "โทรสาร",
              "ไปรษณีย์อิเล็กทรอนิกส์"]


def paragraphs(payload: bytes) -> list[str]:
    """Every paragraph of the document in reading order, those inside tables included."""
    document = Document(io.BytesIO(payload))
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]


def in_order(lines: list[str], parts: list[str]) -> list[int]:
    found, start = [], 0
    for part in parts:
        index = next(i for i in range(start, len(lines)) if lines[i].strip().startswith(part))
        found.append(index)
        start = index + 1
    return found


def pdf_text(payload: bytes, tmp_path) -> str:
    path = tmp_path / "letter.pdf"
    path.write_bytes(payload)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


needs_chromium = pytest.mark.skipif(shutil.which("chromium") is None and shutil.which("/usr/bin/chromium") is None,
                                    reason="Chromium is needed for PDF")


def test_the_draft_passport_letter_has_the_parts_of_an_external_letter_in_order_and_no_number(session):
    visit, head, senator = delegation(session)
    letter = letters.draft(session, kind="passport", visit_id=visit.id, actor=SYSTEM, today=TODAY)
    lines = paragraphs(render_letter(letter, "docx"))
    number_line = next(line for line in lines if line.startswith("ที่ "))
    assert number_line.rstrip("\u00a0 ").endswith("สว ๐๐๑๐/")  # a draft: the number is left blank
    assert not any(line.strip() == "๕ มกราคม ๒๕๗๐" for line in lines)  # and the day too, to be written when signed
    assert any(line.strip() == "มกราคม ๒๕๗๐" for line in lines)
    parts = [p for p in THAI_PARTS if p != "๕ มกราคม ๒๕๗๐"]
    in_order(lines, parts)
    assert lines[0].strip() == "" or "ร่าง" in "".join(lines)


def test_the_issued_passport_letter_reads_back_with_font_date_and_the_delegation_as_in_the_database(session):
    visit, head, senator = delegation(session)
    issued = letters.issue(session, kind="passport", visit_id=visit.id, actor=SYSTEM, today=TODAY)
    payload = render_letter(issued.document, "docx")
    lines = paragraphs(payload)
    in_order(lines, THAI_PARTS)
    number = issued.letter.display_number.rpartition("/")[2]
    assert f"ที่ สว ๐๐๑๐/{to_thai_digits(number)}" in lines
    assert "เรื่อง  ขอความอนุเคราะห์ออกหนังสือเดินทางให้แก่คณะผู้แทนวุฒิสภา" in lines
    assert "เรียน  อธิบดีกรมการกงสุล" in lines
    document = Document(io.BytesIO(payload))
    runs = [r for p in document.element.body.iter(qn("w:p")) for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    assert runs
    for run in runs:
        props = run.find(qn("w:rPr"))
        fonts = props.find(qn("w:rFonts"))
        assert fonts.get(qn("w:cs")) == FONT and fonts.get(qn("w:ascii")) == FONT
        assert props.find(qn("w:szCs")).get(qn("w:val")) == "32" and props.find(qn("w:sz")).get(qn("w:val")) == "32"
    bold = [r for r in runs if r.find(qn("w:rPr")).find(qn("w:b")) is not None
            and r.find(qn("w:rPr")).find(qn("w:b")).get(qn("w:val")) == "1"]
    assert {"".join(t.text for t in r.iter(qn("w:t"))) for r in bold} >= {"เรื่อง", "เรียน"}
    assert all(r.find(qn("w:rPr")).find(qn("w:bCs")).get(qn("w:val")) == "1" for r in bold)
    table = document.tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][:3] == ["ลำดับ", "ชื่อ – นามสกุล", "ตำแหน่ง"]
    passports = {p.person_id: p for p in session.exec(select(Passport)).all()}
    assert [r[1] for r in rows[1:]] == [head.display_name("th"), senator.display_name("th")]
    assert rows[1][2] == "ประธานวุฒิสภา" and rows[2][2] == "สมาชิกวุฒิสภา"
    assert rows[1][3] == "ทูต" and rows[2][3] == "ราชการ"
    assert passports[head.id].number in rows[1][4] and passports[senator.id].number in rows[2][4]


def test_the_visa_note_verbale_is_third_person_unsigned_with_the_delegation_table(session):
    visit, head, senator = delegation(session)  # Switzerland: official passports need a visa, diplomatic do not
    note = letters.draft(session, kind="visa", visit_id=visit.id, iso2="CH", actor=SYSTEM, today=TODAY)
    payload = render_letter(note, "docx")
    lines = [line for line in paragraphs(payload) if line.strip()]
    assert lines[0].startswith("No. สว 0010/")
    assert lines[1].startswith("The Secretariat of the Senate of the Kingdom of Thailand presents its compliments to "
                               "the Embassy of the Swiss Confederation and has the honour to")
    closing = ("The Secretariat of the Senate of the Kingdom of Thailand avails itself of this opportunity to renew "
               "to the Embassy of the Swiss Confederation the assurances of its highest consideration.")
    assert closing in lines
    assert lines.index(closing) < len(lines) - 3  # place and date, then the addressee, at the bottom
    assert lines[-3].startswith("Bangkok, ") and lines[-2:] == ["The Embassy of the Swiss Confederation", "Bangkok"]
    rows = [[c.text for c in row.cells] for row in Document(io.BytesIO(payload)).tables[0].rows]
    assert rows[0] == ["No.", "Name (as in passport)", "Position", "Passport", "Travel dates"]
    official = session.exec(select(Passport).where(Passport.person_id == senator.id)).one()
    assert rows[1:] == [["1", official.name_in_passport, "Senator", f"Official {official.number}", "10–15 March 2027"]]
    assert any(line.startswith("The purpose of the visit is: IPU Assembly.") for line in lines)


@needs_chromium
def test_both_letters_as_pdf_embed_sarabun_and_read_back_in_order(session, tmp_path):
    visit, head, senator = delegation(session)
    first = letters.issue(session, kind="passport", visit_id=visit.id, actor=SYSTEM, today=TODAY)
    text = pdf_text(render_letter(first.document, "pdf"), tmp_path)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    positions = [next(i for i, line in enumerate(lines) if line.startswith(part)) for part in
                 ("ที่ สว", "เรื่อง", "เรียน", "สิ่งที่ส่งมาด้วย", "ขอแสดงความนับถือ", "เลขาธิการวุฒิสภา", "โทรสาร")]
    assert positions == sorted(positions)
    assert "๕ มกราคม ๒๕๗๐" in text
    assert to_thai_digits(first.letter.display_number.rpartition("/")[2]) in text
    fonts = subprocess.run(["pdffonts", str(tmp_path / "letter.pdf")], capture_output=True, text=True).stdout
    assert "Sarabun" in fonts
    second = letters.issue(session, kind="visa", visit_id=visit.id, iso2="CH", actor=SYSTEM, today=TODAY)
    text = pdf_text(render_letter(second.document, "pdf"), tmp_path)
    assert "presents its compliments to the Embassy of the Swiss Confederation" in " ".join(text.split())
    assert "Bangkok, 5 January 2027" in text
    assert session.exec(select(Passport).where(Passport.person_id == senator.id)).one().number in text


def test_issued_letters_take_consecutive_numbers_from_the_outgoing_register(session):
    visit, head, senator = delegation(session)
    first = letters.issue(session, kind="passport", visit_id=visit.id, actor=SYSTEM, today=TODAY)
    second = letters.issue(session, kind="visa", visit_id=visit.id, iso2="CH", actor=SYSTEM, today=TODAY)
    entries = session.exec(select(Correspondence).order_by(Correspondence.number)).all()
    assert [e.number for e in entries][-2:] == [entries[-2].number, entries[-2].number + 1]
    assert [first.letter.correspondence_id, second.letter.correspondence_id] == [e.id for e in entries[-2:]]
    assert all(e.register == "outgoing" and e.visit_id == visit.id for e in entries[-2:])
    assert first.letter.display_number == f"สว 0010/{entries[-2].number}"
    requests = session.exec(select(VisaRequest).where(VisaRequest.visit_id == visit.id)).all()
    assert [(r.person_id, r.status, r.letter_id) for r in requests] == [(senator.id, "requested", second.letter.id)]
    again = letters.issued_document(session, letter_id=first.letter.id, actor=SYSTEM, today=TODAY)
    assert again.number == str(entries[-2].number)


def _counts(session):
    return (session.exec(select(func.count()).select_from(Correspondence)).one(),
            session.exec(select(func.count()).select_from(TravelLetter)).one())


def test_bad_input_is_refused_naming_the_person_and_consumes_no_number(session):
    visit, head, senator = delegation(session)
    before = _counts(session)
    empty = make_outbound(session)
    with pytest.raises(ValidationError, match="ยังไม่มีรายชื่อคณะผู้แทน"):
        letters.issue(session, kind="passport", visit_id=empty.id, actor=SYSTEM, today=TODAY)
    with pytest.raises(ValidationError, match="เยอรมนี ไม่อยู่ในกำหนดการ") as refused:
        letters.issue(session, kind="visa", visit_id=visit.id, iso2="DE", actor=SYSTEM, today=TODAY)
    assert "Germany is not on the visit" in str(refused.value)
    newcomer = make_person(session, honorific_th="นาย", given_name_th="ไม่มี", family_name_th="เล่ม",
                           given_name_en="Maimee", family_name_en="Lem")
    add_member(session, visit.id, newcomer.id)
    with pytest.raises(ValidationError) as refused:
        letters.issue(session, kind="passport", visit_id=visit.id, actor=SYSTEM, today=TODAY)
    assert "นายไม่มี เล่ม: ไม่มีหนังสือเดินทาง" in str(refused.value) and "Maimee Lem" in str(refused.value)
    give_passport(session, newcomer.id, expiry=dt.date(2027, 3, 12))  # expires during the trip (10-15 March)
    with pytest.raises(ValidationError) as refused:
        letters.issue(session, kind="visa", visit_id=visit.id, iso2="CH", actor=SYSTEM, today=TODAY)
    assert "นายไม่มี เล่ม" in str(refused.value) and "during the trip" in str(refused.value)
    assert _counts(session) == before
    # the next letter issued takes the very next number: nothing was consumed by the refusals
    other = make_outbound(session, start_date=dt.date(2027, 4, 1), end_date=dt.date(2027, 4, 5))
    add_member(session, other.id, head.id, "head")
    add_member(session, other.id, senator.id)
    issued = letters.issue(session, kind="passport", visit_id=other.id, actor=SYSTEM, today=TODAY)
    numbers = [e.number for e in session.exec(select(Correspondence).order_by(Correspondence.number)).all()]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    assert issued.letter.display_number.endswith(f"/{numbers[-1]}")
