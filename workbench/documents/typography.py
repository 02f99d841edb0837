"""The office's type, in one place for every document writer: TH Sarabun New 16 pt named in Word documents (for
every script: Thai is a complex script in Word), Sarabun (``fontpkg-sarabun``, OFL) in HTML and PDF, and the frame
of a stand-alone HTML page (fonts embedded, or by local file URL for Chromium's PDF; nothing from the web)."""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# --- Word --------------------------------------------------------------------------------------------------------

FONT = "TH Sarabun New"
SIZE_PT = 16
THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_font(element, *, size_pt: float | None = SIZE_PT, bold: bool | None = None) -> None:
    """Name TH Sarabun New for Latin, complex-script (Thai) and East Asian text (no theme font to override it);
    set both sizes (``None``: leave them) and both bolds (``None``: leave them; a bold or italic already there is
    mirrored for the complex script, ``w:bCs``/``w:iCs``); mark the complex script as Thai."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for attribute in THEME_FONT_ATTRIBUTES:  # a theme font would win over the font named here
        fonts.attrib.pop(qn(attribute), None)
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            node = rpr.find(qn(tag))
            if node is None:
                node = OxmlElement(tag)
                rpr.append(node)
            node.set(qn("w:val"), "1" if bold else "0")
    for latin, complex_script in (("w:b", "w:bCs"), ("w:i", "w:iCs")):  # Word bolds Thai only by w:bCs
        node, twin = rpr.find(qn(latin)), rpr.find(qn(complex_script))
        if node is not None and twin is None:
            twin = OxmlElement(complex_script)
            node.addnext(twin)
        if node is not None and node.get(qn("w:val")) is not None:
            twin.set(qn("w:val"), node.get(qn("w:val")))
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            node = rpr.find(qn(tag))
            if node is None:
                node = OxmlElement(tag)
                rpr.append(node)
            node.set(qn("w:val"), str(int(size_pt * 2)))
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:bidi"), "th-TH")


# --- HTML and PDF ------------------------------------------------------------------------------------------------

FontMode = Literal["file", "embed", "none"]
FONT_FAMILY = "Sarabun"
FONT_FILES = {400: "Sarabun-Regular.ttf", 700: "Sarabun-Bold.ttf"}


def font_path(weight: int = 400) -> Path:
    """The Sarabun TTF shipped by the ``fontpkg-sarabun`` package (OFL)."""
    import fontpkg_sarabun

    return Path(fontpkg_sarabun.__file__).parent / "files" / FONT_FILES[weight]


@lru_cache(maxsize=2)
def embedded_font(weight: int) -> str:
    return "data:font/ttf;base64," + base64.b64encode(font_path(weight).read_bytes()).decode("ascii")


def font_faces(mode: FontMode, *, size_adjust: str | None = None) -> str:
    """``@font-face`` rules for Sarabun: embedded (``"embed"``), by local file URL (``"file"``) or none;
    ``size_adjust`` scales it (e.g. "72%" so that 16 pt reads like TH Sarabun New's 16 pt)."""
    if mode == "none":
        return ""
    adjust = f" size-adjust: {size_adjust};" if size_adjust else ""
    faces = []
    for weight in FONT_FILES:
        url = embedded_font(weight) if mode == "embed" else font_path(weight).as_uri()
        faces.append(f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight};{adjust} '
                     f'src: url("{url}") format("truetype"); }}')
    return "\n".join(faces)


FONT_STACK = f'"{FONT_FAMILY}", "TH Sarabun New", "TH SarabunPSK", sans-serif'
LINE_HEIGHT = 1.4  # Thai stacks vowels and tone marks above and below the line: room for them, never less than 1.25
CLASSIFIED_COLOUR = "#b71c1c"


def css_string(text: str) -> str:
    """``text`` as a CSS string (for ``content:``), every character not plainly safe written as an escape."""
    return '"' + "".join(ch if ch.isalnum() or ch in " :.-()" else f"\\{ord(ch):06x}" for ch in text) + '"'


@dataclass(frozen=True)
class PageFrame:
    """What every printed page of the office has: Sarabun (``fonts``: embedded, by local file URL for Chromium's
    PDF, or none), its size and line height (Thai needs room above and below the line), the ink, the paper
    (``size``, ``margins``) and the page boxes: the page number bottom right (``numbers``: its size, "" for none),
    a ``note`` bottom left (such as when it was printed) and the classification ``banner`` at the top and the
    bottom of every page (in red, bold)."""

    fonts: FontMode = "embed"
    font_size: str = f"{SIZE_PT}pt"
    line_height: float = LINE_HEIGHT
    ink: str = "#111"
    size: str = "A4"
    margins: str = "20mm"
    numbers: str = "11pt"
    note: str = ""
    banner: str = ""
    size_adjust: str | None = None

    def page_boxes(self) -> list[str]:
        nowrap = "white-space: nowrap;"
        boxes = []
        if self.numbers:
            boxes.append(f'@bottom-right {{ content: counter(page) " / " counter(pages); font-family: {FONT_FAMILY}; '
                         f"font-size: {self.numbers};{' width: 58mm; ' + nowrap if self.note else ''} }}")
        if self.note:
            boxes.append(f"@bottom-left {{ content: {css_string(self.note)}; font-family: {FONT_FAMILY}; "
                         f"font-size: 10pt; color: #444; width: 58mm; {nowrap} }}")
        if self.banner:
            style = (f"color: {CLASSIFIED_COLOUR}; font-family: {FONT_FAMILY}; font-size: {SIZE_PT}pt; "
                     f"font-weight: 700; {nowrap}")
            boxes += [f"@top-center {{ content: {css_string(self.banner)}; {style} }}",
                      f"@bottom-center {{ content: {css_string(self.banner)}; {style} }}"]
        return boxes

    def css(self) -> str:
        faces = font_faces(self.fonts, size_adjust=self.size_adjust)
        return (f"{faces}\n@page {{ size: {self.size}; margin: {self.margins}; {' '.join(self.page_boxes())} }}\n"
                f"body {{ font-family: {FONT_STACK}; font-size: {self.font_size}; line-height: {self.line_height}; "
                f"color: {self.ink}; margin: 0; }}\n")


def html_page(*, lang: str, title: str, style: str, body: str, body_class: str = "",
              frame: PageFrame | None = None) -> str:
    """A stand-alone HTML page: ``title`` is escaped here; ``style`` and ``body`` are the caller's (escaped) markup.
    With a ``frame`` the page starts from the office's type and paper (the caller's ``style`` comes after it)."""
    attributes = f' class="{html.escape(body_class)}"' if body_class else ""
    style = f"{frame.css()}{style}" if frame is not None else style
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{style}</style></head>"
            f"<body{attributes}>{body}</body></html>\n")
