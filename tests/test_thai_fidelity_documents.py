"""A briefing pack read back as a Thai official reads it: PDF pages (pdftotext) where no tone mark or upper vowel
is left at the foot of the page before, no page that holds only the print time, one Bangkok clock for the cover
and the print time; a DOCX that Word sets in TH Sarabun New (bold and italic for complex script too, no theme
fonts), with headings in order, table header rows repeated and rows kept whole, the office's margins and
properties."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import unicodedata
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.test_briefing_exports import need, pack_for, pdf_of
from workbench.documents.briefing_docx import DEFAULT_MARGINS_MM, page_margins
from workbench.documents.briefing_export import export_pack
from workbench.services.briefing import Pack, PackItem, PackSection, PackTable

STACKED = "รั้วยี่สิบปั้นกี่ที่นี่ ผู้ชี้ชั่งน้ำหนักที่ดี้ "  # upper vowels with tone marks above them


def marks_only(line: str) -> bool:
    text = line.strip()
    return bool(text) and all(unicodedata.category(ch) == "Mn" or ch.isspace() for ch in text)


def read_pdf(data: bytes, tmp_path) -> tuple[list[str], list[tuple[float, str]]]:
    """The text of every page, and every word with its printed width (a mark left alone has none)."""
    need("pdftotext")
    path = tmp_path / "pack.pdf"
    path.write_bytes(data)
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")[:-1]
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout
    words = [(float(x1) - float(x0), word) for x0, x1, word in
             re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', boxes)]
    return pages, words


def assert_no_stray_marks(pages, words):
    assert not [line for page in pages for line in page.splitlines() if marks_only(line)]
    assert not [word for width, word in words if width < 0.5 and re.search("[\u0e00-\u0e7f]", word)], \
        "a Thai word printed with no width: marks left behind by a line that moved to the next page"


def stacked_pack() -> Pack:
    """Many lines full of stacked marks, in paragraphs, items and a table long enough to break across pages."""
    sections = [
        PackSection(kind="notes", title="ทดสอบการตัดหน้า", paragraphs=[STACKED * 3] * 6 + [STACKED * 90],
                    items=[PackItem(heading=f"หัวข้อที่ {n} รั้ว", meta="ยี่สิบ", body=STACKED * (14 if n % 3 else 4))
                           for n in range(30)]),
        PackSection(kind="profile", title="ตาราง", table=PackTable(headers=["รายการ", "ข้อมูล"],
                                                                  rows=[["ปั้นยี่", STACKED * 2]] * 40)),
    ]
    return Pack(engagement_id=1, lang="th", title="ข้อมูลประกอบการสนทนา", subtitle="ยี่สิบปั้น", country_id=1,
                sections=sections, points=[])


def test_no_tone_mark_is_left_at_the_foot_of_a_page(tmp_path):
    pages, words = read_pdf(pdf_of(stacked_pack()), tmp_path)

    assert len(pages) > 5
    assert_no_stray_marks(pages, words)


def test_a_demo_pack_has_no_stray_marks_and_no_page_of_only_the_print_time(demo_session, tmp_path):
    pack = pack_for(demo_session, "analyst")
    pages, words = read_pdf(pdf_of(pack), tmp_path)

    assert_no_stray_marks(pages, words)
    for page in pages:
        body = [line for line in page.splitlines()
                if line.strip() and "จัดทำเมื่อ" not in line and "ชั้นความลับ" not in line
                and not re.fullmatch(r"\s*\d+\s*/\s*\d+\s*", line)]
        assert len(body) >= 2, f"a page holds only its margins: {page!r}"
    assert all("จัดทำเมื่อ" in page for page in pages), "the print time is in the margin of every page"


def test_the_cover_date_and_the_print_time_come_from_one_bangkok_clock(demo_session, tmp_path):
    from workbench.documents.briefing_html import printed_at
    from workbench.thai import format_date

    pack = pack_for(demo_session, "viewer")
    cover = next(s for s in pack.sections if s.kind == "cover").table.rows
    prepared = next(value for label, value in cover if label == "จัดทำเมื่อ")

    assert prepared == format_date(pack.generated_at.date())
    assert printed_at(pack).startswith(f"จัดทำเมื่อ {prepared} เวลา ")


# --- DOCX ----------------------------------------------------------------------------------------------

@pytest.fixture
def docx_bytes(demo_session):
    return export_pack(pack_for(demo_session, "analyst"), "docx")


def test_every_bold_run_is_bold_for_thai_script_too(docx_bytes):
    document = Document(io.BytesIO(docx_bytes))
    properties = [run._element.rPr for paragraph in document.paragraphs for run in paragraph.runs]  # noqa: SLF001
    properties += [run._element.rPr for table in document.tables for row in table.rows  # noqa: SLF001
                   for cell in row.cells for paragraph in cell.paragraphs for run in paragraph.runs]
    bold = [rpr for rpr in properties if rpr is not None and rpr.find(qn("w:b")) is not None
            and rpr.find(qn("w:b")).get(qn("w:val")) not in ("0", "false")]

    assert len(bold) > 10
    assert all(rpr.find(qn("w:bCs")) is not None for rpr in bold)
    styles = Document(io.BytesIO(docx_bytes)).styles
    for name in ("Title", "Heading 1", "Heading 2"):
        rpr = styles[name].element.rPr
        assert rpr.find(qn("w:b")) is None or rpr.find(qn("w:bCs")) is not None, name


def test_no_style_takes_a_theme_font(docx_bytes):
    styles = zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/styles.xml").decode("utf-8")

    assert "Theme=" not in styles and "cstheme" not in styles
    assert 'w:cs="TH Sarabun New"' in styles


def test_headings_follow_in_order_and_words_are_never_hyphenated(docx_bytes):
    document = Document(io.BytesIO(docx_bytes))
    levels = [0 if p.style.name == "Title" else int(p.style.name.split()[-1])
              for p in document.paragraphs if p.style.name == "Title" or p.style.name.startswith("Heading")]

    assert levels[0] == 0 and {1, 2} <= set(levels)
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:], strict=False))
    normal = document.styles["Normal"].element.pPr
    assert normal.find(qn("w:suppressAutoHyphens")) is not None


def test_table_headers_repeat_and_rows_stay_whole(docx_bytes):
    document = Document(io.BytesIO(docx_bytes))

    assert document.tables
    for table in document.tables:
        rows = [row._tr.trPr for row in table.rows]  # noqa: SLF001
        assert rows[0].find(qn("w:tblHeader")) is not None
        assert all(rpr is not None and rpr.find(qn("w:cantSplit")) is not None for rpr in rows)


def test_margins_are_the_offices_data_with_the_thai_default(docx_bytes, tmp_path, monkeypatch):
    section = Document(io.BytesIO(docx_bytes)).sections[0]

    assert round(section.left_margin.mm) == round(page_margins()["left"]) == 30
    assert round(section.right_margin.mm) == 20
    (tmp_path / "document_layout.csv").write_text(
        "document,top_mm,bottom_mm,left_mm,right_mm,source,as_of,note\nbriefing,20,20,35,15,office,2026-11-30,\n",
        "utf-8")
    monkeypatch.setenv("WORKBENCH_DATA_DIR", str(tmp_path))
    from workbench.config import get_settings

    get_settings.cache_clear()
    try:
        assert page_margins() == {"top": 20.0, "bottom": 20.0, "left": 35.0, "right": 15.0}
        (tmp_path / "document_layout.csv").unlink()
        assert page_margins() == DEFAULT_MARGINS_MM
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_the_document_properties_name_the_office_and_the_time_made(demo_session):
    pack = pack_for(demo_session, "viewer")
    properties = Document(io.BytesIO(export_pack(pack, "docx"))).core_properties

    assert properties.author == "สำนักงานต่างประเทศ สำนักงานเลขาธิการวุฒิสภา"
    assert properties.comments == "" and "python-docx" not in (properties.author + properties.last_modified_by)
    made = properties.created.replace(tzinfo=None)
    assert abs((made + dt.timedelta(hours=7) - pack.generated_at).total_seconds()) < 2
