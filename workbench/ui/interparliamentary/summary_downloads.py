"""SummaryDownloads: the meeting summary as DOCX or PDF, offered as a download link."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from workbench.i18n import t
from workbench.ui.download_link import DownloadLink

MEDIA = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pdf": "application/pdf"}


class SummaryDownloads(widgets.HBox):
    """``make(fmt)`` returns ``(bytes, filename)`` for ``"docx"`` or ``"pdf"``."""

    def __init__(self, *, make: Callable[[str], tuple[bytes, str]]) -> None:
        self._make = make
        self.docx_button = widgets.Button(description=t("ip.download_docx"), layout=widgets.Layout(width="auto"))
        self.pdf_button = widgets.Button(description=t("ip.download_pdf"), layout=widgets.Layout(width="auto"))
        self.link = DownloadLink()
        self.docx_button.on_click(lambda _b: self.offer("docx"))
        self.pdf_button.on_click(lambda _b: self.offer("pdf"))
        super().__init__([self.docx_button, self.pdf_button, self.link])
        self.add_class("wb-ip-downloads")

    def offer(self, fmt: str) -> None:
        payload, filename = self._make(fmt)
        self.link.offer(payload, filename=filename, media_type=MEDIA[fmt], text=f"{t('ip.download_' + fmt)}: {filename}")

    def reset(self) -> None:
        self.link.reset()
