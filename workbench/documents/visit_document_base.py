"""What the documents of a visit share: a small block model (title, headings, paragraphs, tables, lists) that is
written out both as HTML (printed to PDF by headless Chromium, ``briefing_pdf``) and as a Word document in
TH Sarabun New 16 pt (the briefing pack's habits, ``briefing_docx``). When a document holds classified items, its
classification is printed at the top and bottom of every page. Every piece of text is escaped in HTML."""

from __future__ import annotations

import datetime as dt
import html
import io
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from workbench.documents.briefing_docx import CLASSIFIED, GREY, _page_field, _run, _styles
from workbench.documents.briefing_pdf import html_to_pdf
from workbench.documents.typography import FontMode, PageFrame, html_page
from workbench.i18n import t
from workbench.thai import THAI_WEEKDAYS, format_date

EN_MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

def day_heading(day: dt.date, lang: str) -> str:
    """ "วันอังคารที่ 1 ธันวาคม 2569" in Thai (B.E.); "Tuesday 1 December 2026" for the guests."""
    if lang == "th":
        return f"วัน{THAI_WEEKDAYS[day.weekday()]}ที่ {format_date(day)}"
    return f"{EN_WEEKDAYS[day.weekday()]} {day.day} {EN_MONTHS[day.month]} {day.year}"

def date_text(day: dt.date, lang: str) -> str:
    return format_date(day) if lang == "th" else f"{day.day} {EN_MONTHS[day.month]} {day.year}"

def time_range(start: dt.datetime, end: dt.datetime, lang: str) -> str:
    if lang == "th":
        return f"{start:%H.%M} – {end:%H.%M} น."
    return f"{start:%H:%M}–{end:%H:%M}"

def classification_label(level: int, lang: str) -> str:
    if not level:
        return ""
    text = t(f"clearance.{level}", lang)
    return text if lang == "th" else text.upper()

@dataclass
class Block:
    kind: str  # title, subtitle, h2, h3, p, meta, mark, table, bullets
    text: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)  # relative column widths of a table
    items: list[str] = field(default_factory=list)

@dataclass
class Doc:
    lang: str  # th or en: the language of the page furniture (the banner, page numbers)
    title: str
    classification: int = 0
    landscape: bool = False
    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: str, text: str = "", **values) -> Block:
        block = Block(kind, text, **values)
        self.blocks.append(block)
        return block

    @property
    def banner(self) -> str:
        label = classification_label(self.classification, self.lang)
        return t("brief.classified_banner", self.lang, level=label) if label else ""

STYLE = """
h1 { font-size: 21pt; margin: 0 0 1mm 0; text-align: center; }
.subtitle { font-size: 16pt; margin: 0 0 3mm 0; text-align: center; }
h2 { font-size: 17pt; margin: 5mm 0 1.5mm 0; border-bottom: 1px solid #999; break-after: avoid; }
h3 { font-size: 15pt; margin: 3mm 0 0 0; break-after: avoid; }
p { margin: 1mm 0; white-space: pre-wrap; }
.meta { color: #444; font-size: 13pt; }
.mark { color: #b71c1c; font-weight: 700; }
table { border-collapse: collapse; width: 100%; font-size: 13.5pt; margin: 1mm 0 2mm 0; }
th, td { border: 1px solid #888; padding: 0.8mm 1.8mm; vertical-align: top; text-align: left; }
th { background: #eee; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; }
ul { margin: 1mm 0 2mm 6mm; padding: 0; }
"""

def _e(text: object) -> str:
    return html.escape(str(text or ""))

def page_frame(doc: Doc, *, fonts: FontMode = "file", font_size: str = "15pt",
               line_height: float = 1.3) -> PageFrame:
    """The office's page for a visit document: A4 (landscape when the document says so), page numbers, and its
    classification at the top and bottom of every page."""
    return PageFrame(fonts=fonts, font_size=font_size, line_height=line_height,
                     size="A4 landscape" if doc.landscape else "A4", margins="20mm 15mm 18mm 15mm", banner=doc.banner)

def _numeric(text: str) -> bool:
    return bool(text) and text.replace(",", "").replace(".", "").replace("-", "").replace("−", "").strip().isdigit()

def render_html(doc: Doc, *, fonts: FontMode = "file") -> str:
    parts = []
    for block in doc.blocks:
        if block.kind == "title":
            parts.append(f"<h1>{_e(block.text)}</h1>")
        elif block.kind == "subtitle":
            parts.append(f'<div class="subtitle">{_e(block.text)}</div>')
        elif block.kind in ("h2", "h3"):
            parts.append(f"<{block.kind}>{_e(block.text)}</{block.kind}>")
        elif block.kind in ("meta", "mark"):
            parts.append(f'<p class="{block.kind}">{_e(block.text)}</p>')
        elif block.kind == "p":
            parts.append(f"<p>{_e(block.text)}</p>")
        elif block.kind == "bullets":
            parts.append("<ul>" + "".join(f"<li>{_e(item)}</li>" for item in block.items) + "</ul>")
        elif block.kind == "table":
            total = sum(block.widths) or 1
            cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in block.widths)
            head = "".join(f"<th>{_e(h)}</th>" for h in block.headers)
            body = "".join("<tr>" + "".join(
                f'<td class="num">{_e(c)}</td>' if _numeric(c) else f"<td>{_e(c)}</td>" for c in row) + "</tr>"
                for row in block.rows)
            parts.append(f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return html_page(lang=doc.lang, title=doc.title, style=STYLE, body="".join(parts),
                     frame=page_frame(doc, fonts=fonts))

def render_pdf(doc: Doc) -> bytes:
    return html_to_pdf(render_html(doc, fonts="file"))

def _docx_page(document: Any, doc: Doc) -> Any:
    """A4 (landscape when asked), margins, the classification banner in header and footer, page numbers."""
    page = document.sections[0]
    if doc.landscape:
        page.orientation = WD_ORIENT.LANDSCAPE
        page.page_width, page.page_height = Mm(297), Mm(210)
    else:
        page.page_width, page.page_height = Mm(210), Mm(297)
    page.left_margin = page.right_margin = Mm(20)
    page.top_margin, page.bottom_margin = Mm(20), Mm(18)
    for part in (page.header, page.footer):
        paragraph = part.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if doc.banner:
            _run(paragraph, doc.banner, bold=True, colour=CLASSIFIED)
    footer = page.footer.add_paragraph()
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(footer, f"{t('brief.page', doc.lang)} ", size=12)
    _page_field(footer)
    return page


def _docx_table(document: Any, block: Any, usable: int) -> None:
    table = document.add_table(rows=1, cols=len(block.headers), style="Table Grid")
    total = sum(block.widths) or 1
    if block.widths:  # Word and LibreOffice read the grid's column widths, not only the cells'
        table.autofit = False
        for column, share in zip(table.columns, block.widths, strict=True):
            column.width = int(usable * share / total)
    for index, (cell, text) in enumerate(zip(table.rows[0].cells, block.headers, strict=True)):
        _run(cell.paragraphs[0], text, bold=True, size=14)
        if block.widths:
            cell.width = int(usable * block.widths[index] / total)
    for row in block.rows:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
            _run(cell.paragraphs[0], text, size=14)
            if _numeric(text):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if block.widths:
                cell.width = int(usable * block.widths[index] / total)


def _docx_block(document: Any, block: Any, usable: int) -> None:
    if block.kind in ("title", "subtitle"):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if block.kind == "title":
            _run(paragraph, block.text, bold=True, size=20)
        else:
            _run(paragraph, block.text, size=16)
    elif block.kind in ("h2", "h3"):
        paragraph = document.add_paragraph(style="Heading 2" if block.kind == "h2" else "Heading 3")
        _run(paragraph, block.text, bold=True, size=17 if block.kind == "h2" else 16)
    elif block.kind == "p":
        _run(document.add_paragraph(), block.text)
    elif block.kind == "meta":
        _run(document.add_paragraph(), block.text, colour=GREY, size=14)
    elif block.kind == "mark":
        _run(document.add_paragraph(), block.text, bold=True, colour=CLASSIFIED)
    elif block.kind == "bullets":
        for item in block.items:
            _run(document.add_paragraph(style="List Bullet"), item)
    elif block.kind == "table":
        _docx_table(document, block, usable)


def render_docx(doc: Doc) -> bytes:
    document = Document()
    _styles(document)
    page = _docx_page(document, doc)
    usable = (page.page_width - page.left_margin - page.right_margin)
    for block in doc.blocks:
        _docx_block(document, block, usable)
    document.core_properties.title = doc.title[:250]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render(doc: Doc, kind: str) -> bytes:
    if kind == "docx":
        return render_docx(doc)
    if kind == "pdf":
        return render_pdf(doc)
    if kind == "html":
        return render_html(doc, fonts="embed").encode("utf-8")
    from workbench.services.common import field_error

    raise field_error("out", f"ไม่รู้จักชนิดไฟล์ '.{kind}' (.docx หรือ .pdf)", f"unknown file type '.{kind}' (.docx or .pdf)")
