"""Rendering a letter (``workbench.models.letters``: what it says) as a file; the data classes are re-exported here
for the renderers."""

from __future__ import annotations

from workbench.errors import ValidationError
from workbench.models.letters import (  # noqa: F401 - re-exported for the renderers
    EN_MONTHS,
    MEDIA_TYPES,
    ExternalLetter,
    Letter,
    LetterTable,
    NoteVerbale,
)


def render_letter(letter: Letter, kind: str) -> bytes:
    """The letter as a file of ``kind``: docx, pdf or html."""
    kind = kind.lower().lstrip(".")
    if kind == "docx":
        from workbench.documents.letters import docx_render

        return docx_render.render_docx(letter)
    if kind in ("pdf", "html", "htm"):
        from workbench.documents.letters import html_render

        if kind == "pdf":
            from workbench.documents.briefing_pdf import html_to_pdf

            return html_to_pdf(html_render.render_html(letter, fonts="file"))
        return html_render.render_html(letter, fonts="embed").encode("utf-8")
    raise ValidationError(f"ไม่รองรับไฟล์ชนิด '{kind}' (ใช้ .docx หรือ .pdf)",
                          f"unsupported file kind '{kind}' (use .docx or .pdf)", field="--out",
                          field_th="ไฟล์ผลลัพธ์", field_en="output file")
