"""What an official letter says, independent of its file format: services fill these, ``workbench.documents.letters``
renders them (DOCX, PDF, HTML)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from workbench.thai import THAI_MONTHS, be_year, format_date, to_thai_digits

MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html",
}
EN_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


@dataclass(frozen=True)
class LetterTable:
    """A table inside the body (a delegation list): header row, rows, relative column widths."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()


@dataclass(frozen=True)
class ExternalLetter:
    """หนังสือภายนอก, parts in the order of the Regulation on Correspondence: ที่, ส่วนราชการเจ้าของหนังสือ with
    its address, วันที่, เรื่อง, เรียน, อ้างถึง, สิ่งที่ส่งมาด้วย, body, คำลงท้าย, signature (full name in brackets),
    ตำแหน่ง, ส่วนราชการเจ้าของเรื่อง, โทร/โทรสาร/ไปรษณีย์อิเล็กทรอนิกส์, สำเนาส่ง."""

    office_code: str  # e.g. "สว 0010": printed before the number
    number: str  # the register number alone ("1234"); empty for a draft
    office: str  # ส่วนราชการเจ้าของหนังสือ
    address: tuple[str, ...]
    date: dt.date
    subject: str
    addressee: str  # เรียน ...
    body: tuple[str, ...]
    signer_name: str
    signer_position: tuple[str, ...]
    owner_unit: str  # ส่วนราชการเจ้าของเรื่อง
    phone: str = ""
    fax: str = ""
    email: str = ""
    references: tuple[str, ...] = ()
    enclosures: tuple[str, ...] = ()
    table: LetterTable | None = None
    body_after: tuple[str, ...] = ()
    closing: str = "ขอแสดงความนับถือ"
    copies_to: tuple[str, ...] = ()
    urgency: str = ""  # ด่วน / ด่วนมาก / ด่วนที่สุด, printed in red
    thai_digits: bool = False
    emblem: Path | None = None  # the Garuda image the office supplies; None leaves its space
    title: str = ""  # document title for the file's properties

    @property
    def is_draft(self) -> bool:
        return not self.number

    def digits(self, text: str) -> str:
        return to_thai_digits(text) if self.thai_digits else text

    def number_line(self) -> str:
        """ที่ สว 0010/1234 (a draft: the number left blank)."""
        number = self.number if self.number else "\u00a0" * 12
        return f"ที่ {self.digits(self.office_code)}/{self.digits(number)}"

    def date_line(self) -> str:
        """๒๙ พฤศจิกายน ๒๕๖๙; a draft leaves the day blank, to be written when the letter is signed."""
        if self.is_draft:
            return self.digits(f"{chr(0xa0) * 6}{THAI_MONTHS[self.date.month]} {be_year(self.date.year)}")
        return format_date(self.date, thai_digits=self.thai_digits)

    def contact_lines(self) -> list[str]:
        blank = "." * 20
        return [f"โทร. {self.digits(self.phone) or blank}", f"โทรสาร {self.digits(self.fax) or blank}",
                f"ไปรษณีย์อิเล็กทรอนิกส์ {self.email or blank}"]


@dataclass(frozen=True)
class NoteVerbale:
    """A note verbale in English: third person, the customary opening and complimentary close, unsigned, place
    and date at the bottom, the addressee below them."""

    number: str  # the full outgoing number ("สว 0010/1234"); empty for a draft
    office_code: str
    sender: str  # "The Secretariat of the Senate of the Kingdom of Thailand"
    embassy: str  # "the Embassy of Switzerland"
    request: str  # what follows "has the honour to ..."
    body: tuple[str, ...] = ()  # paragraphs after the opening one (before the table)
    table: LetterTable | None = None
    body_after: tuple[str, ...] = ()
    place: str = "Bangkok"
    date: dt.date = field(default_factory=dt.date.today)
    addressee_lines: tuple[str, ...] = ()  # printed at the bottom left
    emblem: Path | None = None
    title: str = ""

    @property
    def is_draft(self) -> bool:
        return not self.number

    def number_line(self) -> str:
        return f"No. {self.number}" if self.number else f"No. {self.office_code}/{chr(0xa0) * 12}"

    def opening(self) -> str:
        return f"{self.sender} presents its compliments to {self.embassy} and has the honour to {self.request}"

    def closing(self) -> str:
        return (f"{self.sender} avails itself of this opportunity to renew to {self.embassy} the assurances of its "
                f"highest consideration.")

    def place_date(self) -> str:
        day = f"{self.date.day} {EN_MONTHS[self.date.month]} {self.date.year}" if not self.is_draft else \
            f"{chr(0xa0) * 6}{EN_MONTHS[self.date.month]} {self.date.year}"
        return f"{self.place}, {day}"


Letter = ExternalLetter | NoteVerbale
