"""A briefing pack as PDF: the HTML export printed by Debian's headless Chromium, offline.

Chromium shapes Thai correctly (HarfBuzz) with the Sarabun TTF that ``fontpkg-sarabun`` ships, referenced by a
local file URL: nothing is fetched from the network. Chromium is ``WORKBENCH_CHROMIUM`` or ``/usr/bin/chromium``,
started once per process and kept for later prints (``documents/chromium.py``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from workbench.documents import chromium
from workbench.documents.briefing_html import render_html
from workbench.errors import ConfigurationError
from workbench.services.briefing import Pack

TIMEOUT_S = chromium.TIMEOUT_S


def chromium_path() -> str:
    from workbench.config import get_settings

    wanted = get_settings().chromium
    found = wanted if Path(wanted).is_file() else shutil.which(wanted) or shutil.which("chromium")
    if not found:
        raise ConfigurationError(
            f"ไม่พบโปรแกรม Chromium ({wanted}) ที่ใช้สร้างไฟล์ PDF: ติดตั้งแพ็กเกจ chromium หรือกำหนด WORKBENCH_CHROMIUM",
            f"Chromium ({wanted}) is needed to make PDF files: install Debian's chromium or set WORKBENCH_CHROMIUM",
            field="WORKBENCH_CHROMIUM")
    return found


def html_to_pdf(document: str) -> bytes:
    """Print an HTML document to PDF with headless Chromium (A4, the document's own margins); the process keeps
    one Chromium for all its prints (``documents/chromium.py``)."""
    return chromium.print_pdf(chromium_path(), document, timeout=TIMEOUT_S)


def render_pdf(pack: Pack) -> bytes:
    return html_to_pdf(render_html(pack, fonts="file"))
