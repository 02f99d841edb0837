"""PDF printing keeps one headless Chromium per process: later prints reuse it, prints from several threads take
turns, and a browser that died (killed, crashed) is started again for the next print instead of failing it."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time

import pytest

from workbench.documents import briefing_pdf, chromium

pytestmark = pytest.mark.skipif(not os.path.exists(os.environ.get("WORKBENCH_CHROMIUM", "/usr/bin/chromium")),
                                reason="Debian's chromium is not installed")


def page(text: str) -> str:
    return ("<html><head><meta charset='utf-8'><style>@page { size: A4; margin: 2cm }</style></head>"
            f"<body style=\"font-family: 'Sarabun'\"><h1>{text}</h1><p>ทดสอบการพิมพ์ภาษาไทย</p></body></html>")


def text_of(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def test_prints_reuse_one_browser_and_each_prints_its_own_page():
    first = briefing_pdf.html_to_pdf(page("หนังสือฉบับแรก"))
    browser = chromium.running_browser()
    second = briefing_pdf.html_to_pdf(page("หนังสือฉบับที่สอง"))

    assert browser is not None and chromium.running_browser() == browser
    assert first.startswith(b"%PDF") and second.startswith(b"%PDF")
    assert "หนังสือฉบับแรก" in text_of(first)
    assert "หนังสือฉบับที่สอง" in text_of(second) and "ฉบับแรก" not in text_of(second)


def test_a_killed_browser_is_started_again_for_the_next_print():
    briefing_pdf.html_to_pdf(page("ก่อน"))
    killed = chromium.running_browser()
    os.killpg(killed, signal.SIGKILL)  # its whole process group: the browser, its renderers, its shell
    deadline = time.monotonic() + 10
    while chromium.running_browser() == killed and time.monotonic() < deadline:
        time.sleep(0.1)

    after = briefing_pdf.html_to_pdf(page("หลังจากเบราว์เซอร์หยุดทำงาน"))

    assert "หลังจากเบราว์เซอร์หยุดทำงาน" in text_of(after)
    assert chromium.running_browser() not in (None, killed)


def test_threads_printing_at_once_take_turns_on_the_one_browser():
    printed: dict[int, bytes] = {}

    def work(number: int) -> None:
        printed[number] = briefing_pdf.html_to_pdf(page(f"ฉบับที่ {number}"))

    threads = [threading.Thread(target=work, args=(number,)) for number in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert sorted(printed) == [0, 1, 2, 3]
    assert all(f"ฉบับที่ {number}" in text_of(pdf) for number, pdf in printed.items())


def test_an_idle_browser_is_closed_and_the_next_print_starts_one(monkeypatch):
    monkeypatch.setattr(chromium, "IDLE_S", 1)
    briefing_pdf.html_to_pdf(page("ก่อนพัก"))
    kept = chromium.running_browser()
    deadline = time.monotonic() + 30
    while chromium.running_browser() is not None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert chromium.running_browser() is None
    with pytest.raises(ProcessLookupError):  # the browser process itself is gone, not only forgotten
        os.kill(kept, 0)

    assert "หลังพัก" in text_of(briefing_pdf.html_to_pdf(page("หลังพัก")))
