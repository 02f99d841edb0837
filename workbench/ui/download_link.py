"""DownloadLink: a file made in the kernel, offered as a link the browser saves (works offline in Voila)."""

from __future__ import annotations

import base64
import html
import re

import ipywidgets as widgets
from traitlets import Unicode

SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str) -> str:
    """``name`` reduced to letters, digits, dot, dash and underscore (never empty, never hidden)."""
    cleaned = SAFE_NAME.sub("_", name).strip("._") or "export"
    return cleaned[:120]


class DownloadLink(widgets.HTML):
    """An ``<a download>`` whose href is a ``data:`` URI holding the bytes in base64.

    Only the base64 payload, the sanitised file name, a fixed media type and the (escaped) link text go into the
    HTML. Public state: ``filename`` ("" until a file is offered).
    """

    filename = Unicode("")

    def __init__(self) -> None:
        super().__init__("")
        self.add_class("wb-download")
        self.payload = b""

    def offer(self, payload: bytes, *, filename: str, media_type: str, text: str) -> None:
        if not re.fullmatch(r"[a-z]+/[a-z0-9.+-]+", media_type):
            raise ValueError(f"not a media type: {media_type!r}")
        self.payload = payload
        self.filename = safe_filename(filename)
        encoded = base64.b64encode(payload).decode("ascii")
        self.value = (f'<a class="wb-download-link" download="{self.filename}" '
                      f'href="data:{media_type};base64,{encoded}">{html.escape(text)}</a>')

    def reset(self) -> None:
        self.payload = b""
        self.filename = ""
        self.value = ""
