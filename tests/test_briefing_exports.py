"""Briefing pack exports read back: DOCX (python-docx), HTML, PDF (pdftotext/pdffonts from poppler-utils): the
Thai text survives, the fonts are the Thai ones, and every page of a classified pack states its classification."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from docx import Document
from sqlmodel import select

from tests.conftest import DEMO_TODAY, IN_CI
from tests.visit_factories import make_engagement
from workbench.documents.briefing_export import export_pack, file_name
from workbench.errors import ValidationError
from workbench.models.users import User
from workbench.services import briefing, monitoring


def demo_user(session, name):
    return session.exec(select(User).where(User.username == name)).one()


def pack_for(session, username):
    user = demo_user(session, username)
    choice = briefing.briefable_engagements(session, actor=user, around=DEMO_TODAY)[0]
    return briefing.assemble_pack(session, engagement_id=choice.engagement_id, actor=user, lang="th")


def need(tool):
    if shutil.which(tool) is None:
        reason = f"{tool} not installed (Debian package poppler-utils; .ci/system-setup.sh installs it)"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)


def pdf_of(pack):
    from workbench.documents.briefing_pdf import chromium_path
    from workbench.errors import ConfigurationError

    try:
        chromium_path()
    except ConfigurationError as missing:
        if IN_CI:
            pytest.fail(missing.en)
        pytest.skip(missing.en)
    return export_pack(pack, "pdf")


def pdf_pages(data, tmp_path):
    need("pdftotext")
    path = tmp_path / "pack.pdf"
    path.write_bytes(data)
    count = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith("Pages:")))
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True,
                           text=True, check=True).stdout for n in range(1, count + 1)]


def pdf_fonts(data, tmp_path):
    need("pdffonts")
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def classified_pack(demo_session):
    pack = pack_for(demo_session, "analyst")
    assert pack.classification > 0, "the next demo call's country has a classified note"
    return pack


@pytest.fixture
def open_pack(demo_session):
    pack = pack_for(demo_session, "viewer")
    assert pack.classification == 0
    return pack


def first_note(pack):
    return next(s for s in pack.all_sections() if s.kind == "notes").items[0].heading


# --- DOCX ----------------------------------------------------------------------------------------------

def test_the_docx_holds_the_packs_thai_text(classified_pack):
    document = Document(io.BytesIO(export_pack(classified_pack, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)

    assert classified_pack.title in text and classified_pack.subtitle in text
    assert first_note(classified_pack) in text
    assert "ประเด็นการสนทนา" in text


def test_the_docx_tables_hold_thailands_parliament(classified_pack):
    document = Document(io.BytesIO(export_pack(classified_pack, "docx")))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}

    assert {"200", "500"} <= cells and any(cell.startswith("ไทย: วุฒิสภา") for cell in cells)


def test_the_docx_is_set_in_th_sarabun_16_pt_for_thai_script(classified_pack):
    document = Document(io.BytesIO(export_pack(classified_pack, "docx")))
    normal = document.styles["Normal"]
    fonts = normal.element.rPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")

    assert normal.font.name == "TH Sarabun New" and normal.font.size.pt == 16
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cs") == "TH Sarabun New"


def test_every_docx_page_header_and_footer_state_the_classification(classified_pack):
    document = Document(io.BytesIO(export_pack(classified_pack, "docx")))
    section = document.sections[0]

    assert "ชั้นความลับ: ลับ" in section.header.paragraphs[0].text
    assert "ชั้นความลับ: ลับ" in section.footer.paragraphs[0].text


def test_an_unclassified_docx_states_no_classification(open_pack):
    document = Document(io.BytesIO(export_pack(open_pack, "docx")))

    assert "ชั้นความลับ" not in document.sections[0].header.paragraphs[0].text
    assert "ชั้นความลับ" not in "\n".join(p.text for p in document.paragraphs)


# --- HTML ----------------------------------------------------------------------------------------------

def test_the_html_embeds_its_font_and_fetches_nothing(open_pack):
    page = export_pack(open_pack, "html").decode("utf-8")

    assert 'src: url("data:font/ttf;base64,' in page
    assert "http://" not in page.split("<body>")[0] and "https://" not in page.split("<body>")[0]
    assert open_pack.subtitle in page


def test_text_a_user_typed_stays_text_in_the_html(demo_session):
    analyst = demo_user(demo_session, "analyst")
    call = make_engagement(demo_session, country_id=pack_for(demo_session, "analyst").country_id)
    monitoring.create_note(demo_session, actor=analyst, data={
        "country_id": call.country_id, "noted_on": DEMO_TODAY, "category": "political",
        "title": "<script>alert('x')</script> ข่าวทดสอบ"})
    pack = briefing.assemble_pack(demo_session, engagement_id=call.id, actor=analyst)

    page = export_pack(pack, "html").decode("utf-8")

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; ข่าวทดสอบ" in page


# --- PDF -----------------------------------------------------------------------------------------------

def test_the_pdf_keeps_the_thai_text_and_embeds_sarabun(classified_pack, tmp_path):
    data = pdf_of(classified_pack)

    text = "".join(pdf_pages(data, tmp_path))
    assert data.startswith(b"%PDF")
    assert classified_pack.subtitle in text
    assert first_note(classified_pack) in text.replace("\n", "")
    assert "Sarabun" in pdf_fonts(data, tmp_path)


def test_every_pdf_page_states_the_classification(classified_pack, tmp_path):
    pages = pdf_pages(pdf_of(classified_pack), tmp_path)

    assert len(pages) > 1
    assert all("ชั้นความลับ: ลับ" in page for page in pages)


def test_an_unclassified_pdf_states_no_classification(open_pack, tmp_path):
    pages = pdf_pages(pdf_of(open_pack), tmp_path)

    assert not any("ชั้นความลับ" in page for page in pages)


def test_unknown_export_kinds_are_refused(open_pack):
    with pytest.raises(ValidationError):
        export_pack(open_pack, "odt")


def test_file_names_are_plain(open_pack):
    assert file_name(open_pack, "pdf") == f"briefing-{open_pack.engagement_id}-" \
        f"{open_pack.generated_at:%Y%m%d}.pdf"
