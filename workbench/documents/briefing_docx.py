"""A briefing pack as a Word document (python-docx), in TH Sarabun New 16 pt as Thai government documents are.

The font is named, not embedded: government computers have TH Sarabun New (the cabinet's standard font), and
elsewhere Word substitutes another Thai font. (The PDF export embeds Sarabun, the font's open counterpart.)
When the pack holds classified items, the header and the footer of every page state the classification.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from workbench.clock import BANGKOK
from workbench.documents.typography import FONT, SIZE_PT, THEME_FONT_ATTRIBUTES, set_font
from workbench.i18n import t
from workbench.services.briefing import Pack, PackItem, PackSection, show_datetime

CLASSIFIED = RGBColor(0xB7, 0x1C, 0x1C)
GREY = RGBColor(0x44, 0x44, 0x44)
LAYOUT_FILE = "document_layout.csv"
DEFAULT_MARGINS_MM = {"top": 25.0, "bottom": 20.0, "left": 30.0, "right": 20.0}  # common Thai practice


def _styles(document) -> None:
    sizes = {"Normal": SIZE_PT, "Title": 24, "Heading 1": 20, "Heading 2": 17, "Heading 3": 16, "Table Grid": SIZE_PT}
    for name, size in sizes.items():
        style = document.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        set_font(style.element, size_pt=size)
        if name.startswith("Heading") or name == "Title":
            style.font.color.rgb = RGBColor(0, 0, 0)
    for fonts in document.styles.element.iter(qn("w:rFonts")):  # no style (nor the defaults) takes a theme font
        for attribute in THEME_FONT_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
    normal = document.styles["Normal"].element.get_or_add_pPr()
    if normal.find(qn("w:suppressAutoHyphens")) is None:  # never hyphenate inside a Thai or English word
        normal.append(OxmlElement("w:suppressAutoHyphens"))
    settings = document.settings.element
    if settings.find(qn("w:autoHyphenation")) is None:
        hyphenation = OxmlElement("w:autoHyphenation")
        hyphenation.set(qn("w:val"), "false")
        settings.insert(0, hyphenation)


def page_margins(document_kind: str = "briefing") -> dict[str, float]:
    """The page margins in mm for a kind of document, from ``data/document_layout.csv`` (the office's practice);
    the common Thai practice (left 3 cm, right 2 cm) where the file or its row is missing."""
    import csv

    from workbench.config import get_settings

    margins = dict(DEFAULT_MARGINS_MM)
    path = get_settings().data_dir / LAYOUT_FILE
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("document") == document_kind:
                    margins.update({side: float(row[f"{side}_mm"]) for side in margins if row.get(f"{side}_mm")})
    return margins


def _table_rows(table) -> None:
    """The header row repeats at the top of every page; no row is split across two pages."""
    for position, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()  # noqa: SLF001 - python-docx has no API for these row properties
        flags = ["w:cantSplit", "w:tblHeader"] if position == 0 else ["w:cantSplit"]
        for flag in flags:
            if properties.find(qn(flag)) is None:
                properties.append(OxmlElement(flag))


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
    printed = t("brief.printed_at", pack.lang, when=show_datetime(pack.generated_at, pack.lang))
    _run(footer, f"{printed} · {t('brief.page', pack.lang)} ", colour=GREY, size=12)  # on every page, none alone
    _page_field(footer)


def _item(document, item: PackItem, lang: str) -> None:
    heading = document.add_paragraph(style="Heading 2")  # under the section's Heading 1: levels in order
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
        _table_rows(table)
    for item in section.items:
        _item(document, item, lang)


def render_docx(pack: Pack) -> bytes:
    document = Document()
    page = document.sections[0]
    page.page_width, page.page_height = Mm(210), Mm(297)
    margins = page_margins("briefing")
    page.left_margin, page.right_margin = Mm(margins["left"]), Mm(margins["right"])
    page.top_margin, page.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
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
    properties = document.core_properties
    properties.title = f"{pack.title}: {pack.subtitle}"[:250]
    properties.author = properties.last_modified_by = t("app.office", pack.lang)
    made = pack.generated_at.replace(tzinfo=BANGKOK).astimezone(dt.timezone.utc).replace(tzinfo=None)
    properties.created = properties.modified = made  # python-docx writes UTC; the pack's time is Bangkok's
    properties.language = "th-TH" if pack.lang == "th" else "en-GB"
    properties.revision = 1
    properties.comments = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
