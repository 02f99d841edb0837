"""One typography module for every document writer: TH Sarabun New for every script in Word, Sarabun in HTML."""

from __future__ import annotations

from docx import Document
from docx.oxml.ns import qn

from workbench.documents import typography


def _rpr(run):
    return run._element.rPr  # noqa: SLF001 - python-docx exposes no public complex-script font API


def test_a_run_names_th_sarabun_new_for_thai_and_latin_with_both_sizes_and_bolds():
    run = Document().add_paragraph().add_run("บันทึกข้อความ")
    typography.set_font(run._element, size_pt=20, bold=True)  # noqa: SLF001
    rpr = _rpr(run)
    fonts = rpr.find(qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {"TH Sarabun New"}
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == rpr.find(qn("w:szCs")).get(qn("w:val")) == "40"
    assert rpr.find(qn("w:b")).get(qn("w:val")) == rpr.find(qn("w:bCs")).get(qn("w:val")) == "1"
    assert rpr.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"


def test_no_size_leaves_the_size_to_the_style():
    run = Document().add_paragraph().add_run("ก")
    typography.set_font(run._element, size_pt=None)  # noqa: SLF001
    assert _rpr(run).find(qn("w:sz")) is None and _rpr(run).find(qn("w:b")) is None


def test_font_faces_come_from_the_package_never_the_web():
    by_file = typography.font_faces("file", size_adjust="72%")
    assert by_file.count("@font-face") == 2 and "size-adjust: 72%" in by_file and "file://" in by_file
    assert "http" not in typography.font_faces("embed") and typography.font_faces("none") == ""


def test_the_page_frame_escapes_its_title():
    page = typography.html_page(lang="th", title="<b>หนังสือ</b>", style="p {}", body="<p>x</p>", body_class="ext")
    assert "<title>&lt;b&gt;หนังสือ&lt;/b&gt;</title>" in page
    assert page.startswith("<!DOCTYPE html>") and '<body class="ext"><p>x</p></body>' in page
