"""A briefing pack as PDF: the HTML export printed by Debian's headless Chromium, offline.

Chromium shapes Thai correctly (HarfBuzz) with the Sarabun TTF that ``fontpkg-sarabun`` ships, referenced by a
local file URL: nothing is fetched from the network. Chromium is ``WORKBENCH_CHROMIUM`` or ``/usr/bin/chromium``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from workbench.documents.briefing_html import render_html
from workbench.errors import ConfigurationError
from workbench.services.briefing import Pack

TIMEOUT_S = 120
CHROMIUM_FLAGS = [
    "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--disable-default-apps", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
]


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
    """Print an HTML document to PDF with headless Chromium (A4, the document's own margins)."""
    chromium = chromium_path()
    with tempfile.TemporaryDirectory(prefix="wb-pdf-") as folder:
        source, target = Path(folder) / "pack.html", Path(folder) / "pack.pdf"
        source.write_text(document, "utf-8")
        command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={Path(folder) / 'profile'}",
                   f"--print-to-pdf={target}", source.as_uri()]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
        try:
            result = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False,
                                    env={**os.environ, "HOME": folder})
        except subprocess.TimeoutExpired:
            raise ConfigurationError(f"Chromium สร้าง PDF ไม่เสร็จภายใน {TIMEOUT_S} วินาที",
                                     f"Chromium did not finish the PDF within {TIMEOUT_S} s",
                                     field="WORKBENCH_CHROMIUM") from None
        if not target.is_file() or target.stat().st_size == 0:
            reason = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise ConfigurationError(f"Chromium สร้าง PDF ไม่ได้ ({reason[0][:200]})",
                                     f"Chromium could not make the PDF ({reason[0][:200]})", field="WORKBENCH_CHROMIUM")
        return target.read_bytes()


def render_pdf(pack: Pack) -> bytes:
    return html_to_pdf(render_html(pack, fonts="file"))
