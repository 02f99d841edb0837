"""Official letters as Word documents that staff can still edit: TH Sarabun New 16 pt named for every script
(Thai is a complex script in Word: ``w:cs`` and ``w:szCs``, bold as ``w:b`` and ``w:bCs``), A4 with the
margins of the Regulation on Correspondence, the Garuda emblem (or its space) at the top."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from workbench.documents.typography import FONT, SIZE_PT, set_font
from workbench.models.letters import ExternalLetter, LetterTable, NoteVerbale

EMBLEM_MM = 30
TEXT_WIDTH_MM = 160  # A4 210 mm less 30 mm left and 20 mm right margins
HALF_MM = 80
INDENT_MM = 25  # first-line indent of body paragraphs (2.5 cm)
RED = RGBColor(0xC0, 0x00, 0x00)
GREY = RGBColor(0x80, 0x80, 0x80)


def _document():
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(20)
    section.top_margin, section.bottom_margin = Mm(15), Mm(20)
    section.header_distance = Mm(8)
    for name in ("Normal", "Table Grid"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(SIZE_PT)
        set_font(style.element, bold=False)
    normal = document.styles["Normal"].paragraph_format
    normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(0), 1.0
    return document


def _paragraph(container, text: str = "", *, bold: bool = False, align=None, left_mm: float = 0,
               first_mm: float = 0, before_pt: float = 0, colour: RGBColor | None = None):
    paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    fmt = paragraph.paragraph_format
    if left_mm:
        fmt.left_indent = Mm(left_mm)
    if first_mm:
        fmt.first_line_indent = Mm(first_mm)
    if before_pt:
        fmt.space_before = Pt(before_pt)
    if text:
        _run(paragraph, text, bold=bold, colour=colour)
    return paragraph


def _run(paragraph, text: str, *, bold: bool = False, colour: RGBColor | None = None, size: float = SIZE_PT):
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    set_font(run._element, size_pt=size, bold=bold)  # noqa: SLF001 - python-docx has no complex-script API
    if colour is not None:
        run.font.color.rgb = colour
    return run


def _labelled(document, label: str, text: str, *, before_pt: float = 6):
    """``เรื่อง  ...``: the part's name in bold, its text after two spaces; later lines hang under the text."""
    paragraph = _paragraph(document, before_pt=before_pt)
    _run(paragraph, label, bold=True)
    _run(paragraph, "  " + text)
    return paragraph


def _emblem(document, emblem) -> None:
    paragraph = _paragraph(document, align=WD_ALIGN_PARAGRAPH.CENTER)
    if emblem is not None and emblem.is_file():
        paragraph.add_run().add_picture(str(emblem), height=Mm(EMBLEM_MM))
    else:  # the office prints on Garuda paper or adds its image: keep the emblem's room
        paragraph.paragraph_format.line_spacing = Mm(EMBLEM_MM)
        _run(paragraph, "\u00a0")


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        node = OxmlElement(f"w:{edge}")
        node.set(qn("w:val"), "nil")
        borders.append(node)
    table._tbl.tblPr.append(borders)  # noqa: SLF001


def _draft_mark(document, text: str) -> None:
    header = document.sections[0].header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(header, text, bold=True, colour=GREY)


def _table(document, table: LetterTable) -> None:
    grid = document.add_table(rows=1, cols=len(table.headers), style="Table Grid")
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    total = sum(table.widths) if table.widths else len(table.headers)
    widths = [Mm(TEXT_WIDTH_MM * (w / total)) for w in (table.widths or [1] * len(table.headers))]
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for index, (cell, text) in enumerate(zip(grid.rows[0].cells, table.headers, strict=True)):
        cell.width = widths[index]
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(cell.paragraphs[0], text, bold=True)
    header_row = grid.rows[0]._tr.get_or_add_trPr()  # noqa: SLF001 - repeat the header row on every page
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_row.append(repeat)
    for row in table.rows:
        added = grid.add_row()
        keep = OxmlElement("w:cantSplit")  # a member's row stays on one page
        keep.set(qn("w:val"), "true")
        added._tr.get_or_add_trPr().append(keep)  # noqa: SLF001
        cells = added.cells
        for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.width = widths[index]
            _run(cell.paragraphs[0], text)


def _save(document, title: str) -> bytes:
    document.core_properties.title = title[:250]
    document.core_properties.language = "th-TH"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_external(letter: ExternalLetter) -> bytes:
    document = _document()
    if letter.is_draft:
        _draft_mark(document, "ร่าง")
    if letter.urgency:
        _paragraph(document, letter.urgency, bold=True, colour=RED)
    _emblem(document, letter.emblem)
    heading = document.add_table(rows=1, cols=2)
    heading.autofit = False
    _no_borders(heading)
    left, right = heading.rows[0].cells
    for column, cell, width in zip(heading.columns, (left, right), (HALF_MM, HALF_MM), strict=True):
        column.width = cell.width = Mm(width)
    _run(left.paragraphs[0], letter.number_line())
    _run(right.paragraphs[0], letter.office)
    for line in letter.address:
        _run(right.add_paragraph(), letter.digits(line))
    _paragraph(document, letter.date_line(), left_mm=HALF_MM, before_pt=6)
    _labelled(document, "เรื่อง", letter.digits(letter.subject))
    _labelled(document, "เรียน", letter.addressee)
    for label, items in (("อ้างถึง", letter.references), ("สิ่งที่ส่งมาด้วย", letter.enclosures)):
        for number, item in enumerate(items, start=1):
            text = f"{letter.digits(str(number))}. {item}" if len(items) > 1 else item
            _labelled(document, label if number == 1 else "\u00a0" * len(label) * 2, letter.digits(text),
                      before_pt=6 if number == 1 else 0)
    for index, text in enumerate(letter.body):
        _paragraph(document, letter.digits(text), first_mm=INDENT_MM, before_pt=6 if index == 0 else 0)
    if letter.table is not None:
        _paragraph(document)
        _table(document, letter.table)
    for index, text in enumerate(letter.body_after):
        _paragraph(document, letter.digits(text), first_mm=INDENT_MM, before_pt=6 if index == 0 else 0)
    _paragraph(document, letter.closing, align=WD_ALIGN_PARAGRAPH.CENTER, left_mm=HALF_MM - 20, before_pt=12)
    for _ in range(2):  # room for the signature
        _paragraph(document)
    _paragraph(document, f"({letter.signer_name or chr(0xa0) * 30})", align=WD_ALIGN_PARAGRAPH.CENTER,
               left_mm=HALF_MM - 20)
    for line in letter.signer_position:
        _paragraph(document, line, align=WD_ALIGN_PARAGRAPH.CENTER, left_mm=HALF_MM - 20)
    _paragraph(document, letter.owner_unit, before_pt=12)
    for line in letter.contact_lines():
        _paragraph(document, line)
    if letter.copies_to:
        _paragraph(document, "สำเนาส่ง", bold=True, before_pt=12)
        for line in letter.copies_to:
            _paragraph(document, line, left_mm=INDENT_MM)
    return _save(document, letter.title or letter.subject)


def render_note(note: NoteVerbale) -> bytes:
    document = _document()
    if note.is_draft:
        _draft_mark(document, "DRAFT")
    _emblem(document, note.emblem)
    _paragraph(document, note.number_line(), before_pt=6)
    _paragraph(document, note.opening(), align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_mm=INDENT_MM, before_pt=12)
    for text in note.body:
        _paragraph(document, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_mm=INDENT_MM, before_pt=6)
    if note.table is not None:
        _paragraph(document)
        _table(document, note.table)
    for text in note.body_after:
        _paragraph(document, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_mm=INDENT_MM, before_pt=6)
    _paragraph(document, note.closing(), align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_mm=INDENT_MM, before_pt=6)
    _paragraph(document, note.place_date(), align=WD_ALIGN_PARAGRAPH.RIGHT, before_pt=24)
    for index, line in enumerate(note.addressee_lines):
        _paragraph(document, line, before_pt=36 if index == 0 else 0)
    return _save(document, note.title or "Note verbale")


def render_docx(letter: ExternalLetter | NoteVerbale) -> bytes:
    return render_external(letter) if isinstance(letter, ExternalLetter) else render_note(letter)
