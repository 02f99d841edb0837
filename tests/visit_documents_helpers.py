"""Helpers of the visit documents tests: read DOCX and PDF files back as text."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

from docx import Document


def docx_text(payload: bytes) -> str:
    """Paragraphs and table cells, in document order, one per line."""
    document = Document(io.BytesIO(payload))
    lines = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(node.text or "" for node in child.iter() if node.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = [" ".join("".join(n.text or "" for n in cell.iter() if n.tag.endswith("}t")).split())
                             for cell in row if cell.tag.endswith("}tc")]
                    lines.append(" | ".join(cells))
    return "\n".join(lines)


def docx_header_text(payload: bytes) -> str:
    document = Document(io.BytesIO(payload))
    section = document.sections[0]
    return "\n".join(p.text for p in section.header.paragraphs + section.footer.paragraphs)


def pdf_text(payload: bytes, *, layout: bool = False, crop: tuple[int, int, int, int] | None = None) -> str:
    """The PDF's text (pdftotext); ``crop`` = (x, y, width, height) in points keeps one area of the page."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(payload)
        area = [] if crop is None else ["-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H", str(crop[3])]
        args = ["pdftotext", *(["-layout"] if layout else []), *area, str(path), "-"]
        return subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")


def pdf_pages(payload: bytes) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(payload)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode("utf-8")
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def legend_order(payload: bytes, seats) -> list[int]:
    """Where each seat's "number + Thai name" stands in the seating plan's list (the right of the A4 landscape
    page), whitespace ignored: ascending when the list is in the seats' order."""
    import re

    flat = re.sub(r"\s+", "", pdf_text(payload, crop=(490, 0, 352, 595)))
    names = [re.sub(r"\s+", "", seat.name_th or seat.name_en) for seat in seats]
    return [flat.index(f"{seat.number}{name}") for seat, name in zip(seats, names, strict=True)]
