"""One entry point for the briefing pack's files: DOCX, PDF or HTML, with file names and media types."""

from __future__ import annotations

import re

from workbench.errors import ValidationError
from workbench.services.briefing import Pack

MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html",
}


def export_pack(pack: Pack, kind: str) -> bytes:
    """The pack as a file of ``kind`` (docx, pdf or html)."""
    kind = kind.lower().lstrip(".")
    if kind == "docx":
        from workbench.documents.briefing_docx import render_docx

        return render_docx(pack)
    if kind == "pdf":
        from workbench.documents.briefing_pdf import render_pdf

        return render_pdf(pack)
    if kind in ("html", "htm"):
        from workbench.documents.briefing_html import render_html

        return render_html(pack, fonts="embed").encode("utf-8")
    raise ValidationError(f"ไม่รองรับไฟล์ชนิด '{kind}' (ใช้ .docx .pdf หรือ .html)",
                          f"unsupported file kind '{kind}' (use .docx, .pdf or .html)", field="--out",
                          field_th="ไฟล์ผลลัพธ์", field_en="output file")


def file_name(pack: Pack, kind: str) -> str:
    """briefing-<engagement id>-<date>.<kind>, plain ASCII so every system can store it."""
    stamp = pack.generated_at.strftime("%Y%m%d")
    return re.sub(r"[^A-Za-z0-9_.-]", "", f"briefing-{pack.engagement_id}-{stamp}.{kind}")
