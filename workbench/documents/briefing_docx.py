"""A briefing pack as a Word document (python-docx), in TH Sarabun New 16 pt as Thai government documents are.

The font is named, not embedded: government computers have TH Sarabun New (the cabinet's standard font), and
elsewhere Word substitutes another Thai font. (The PDF export embeds Sarabun, the font's open counterpart.)
When the pack holds classified items, the header and the footer of every page state the classification.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from workbench.documents.typography import FONT, SIZE_PT, set_font
from workbench.i18n import t
from workbench.services.briefing import Pack, PackItem, PackSection, show_datetime

CLASSIFIED = RGBColor(0xB7, 0x1C, 0x1C)
GREY = RGBColor(0x44, 0x44, 0x44)


def _styles(document) -> None:
    sizes = {"Normal": SIZE_PT, "Title": 24, "Heading 1": 20, "Heading 2": 17, "Heading 3": 16, "Table Grid": SIZE_PT}
    for name, size in sizes.items():
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        set_font(style.element, size_pt=size)
        if name.startswith("Heading") or name == "Title":
            style.font.color.rgb = RGBColor(0, 0, 0)


def _run(paragraph, text: str, *, bold: bool = False, colour: RGBColor | None = None, size: float = SIZE_PT):
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    set_font(run._element, size_pt=size)  # noqa: SLF001 - python-docx exposes no public complex-script font API
    if colour is not None:
        run.font.color.rgb = colour
    return run


def _page_field(paragraph) -> None:
    run = _run(paragraph, "", size=12)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        else:
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = text
        run._element.append(node)  # noqa: SLF001


def _header_footer(document, pack: Pack) -> None:
    label = pack.classification_label()
    section = document.sections[0]
    for part in (section.header, section.footer):
        paragraph = part.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if label:
            _run(paragraph, t("brief.classified_banner", pack.lang, level=label), bold=True, colour=CLASSIFIED)
    footer = section.footer.add_paragraph()
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(footer, f"{t('brief.page', pack.lang)} ", size=12)
    _page_field(footer)


def _item(document, item: PackItem, lang: str) -> None:
    heading = document.add_paragraph(style="Heading 3")
    if item.classification:
        _run(heading, f"[{t(f'clearance.{item.classification}', lang)}] ", bold=True, colour=CLASSIFIED)
    _run(heading, item.heading, bold=True)
    if item.meta:
        _run(document.add_paragraph(), item.meta, colour=GREY, size=14)
    if item.body:
        _run(document.add_paragraph(), item.body)
    if item.link:
        _run(document.add_paragraph(), item.link, colour=GREY, size=14)


def _section(document, section: PackSection, lang: str) -> None:
    heading = document.add_paragraph(style="Heading 1")
    _run(heading, section.title, bold=True, size=20)
    for text in section.paragraphs:
        _run(document.add_paragraph(), text)
    if section.table is not None:
        table = document.add_table(rows=1, cols=len(section.table.headers), style="Table Grid")
        for cell, text in zip(table.rows[0].cells, section.table.headers, strict=True):
            _run(cell.paragraphs[0], text, bold=True, size=14)
        for row in section.table.rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                _run(cell.paragraphs[0], text, size=14)
    for item in section.items:
        _item(document, item, lang)


def render_docx(pack: Pack) -> bytes:
    document = Document()
    page = document.sections[0]
    page.page_width, page.page_height = Mm(210), Mm(297)
    page.left_margin = page.right_margin = Mm(25)
    page.top_margin, page.bottom_margin = Mm(25), Mm(20)
    _styles(document)
    _header_footer(document, pack)
    title = document.add_paragraph(style="Title")
    _run(title, pack.title, bold=True, size=24)
    _run(document.add_paragraph(), pack.subtitle, size=18)
    label = pack.classification_label()
    if label:
        _run(document.add_paragraph(), t("brief.classified_banner", pack.lang, level=label), bold=True,
             colour=CLASSIFIED)
    for section in pack.all_sections():
        _section(document, section, pack.lang)
    _run(document.add_paragraph(), show_datetime(pack.generated_at, pack.lang), colour=GREY, size=12)
    document.core_properties.title = f"{pack.title}: {pack.subtitle}"[:250]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
