"""PackDownloads: buttons that make the pack's DOCX, PDF or HTML file and offer it as a link the browser saves.

The file is made by the injected ``make(kind) -> (payload, filename)``; this widget only turns the bytes into an
``<a download>`` with a ``data:`` URI (works offline in Voila). Errors go to the injected notice.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable

import ipywidgets as widgets
from traitlets import Unicode

from workbench.documents.briefing_export import MEDIA_TYPES
from workbench.i18n import t
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

KINDS = ("docx", "pdf", "html")


class PackDownloads(widgets.VBox):
    """Public state: ``filename`` of the last file offered ("" before any). Children: ``buttons``, ``link``."""

    filename = Unicode("")

    def __init__(self, *, make: Callable[[str], tuple[bytes, str]], notice: Notice) -> None:
        self.make = make
        self.notice = notice
        self.payload = b""
        self.buttons = {kind: widgets.Button(description=t(f"brief.ui.download_{kind}"))
                        for kind in KINDS}
        self.link = widgets.HTML("")
        self.link.add_class("wb-download")
        for kind, button in self.buttons.items():
            button.on_click(guarded(notice)(lambda _b, kind=kind: self.offer(kind)))
        super().__init__([widgets.HBox(list(self.buttons.values())), self.link])
        self.add_class("wb-pack-downloads")

    def offer(self, kind: str) -> None:
        self.link.value = ""
        self.notice.show(t("brief.ui.making", kind=kind.upper()), "info")
        payload, filename = self.make(kind)
        name = re.sub(r"[^A-Za-z0-9._-]", "_", filename)
        encoded = base64.b64encode(payload).decode("ascii")
        self.payload = payload
        self.filename = name
        self.link.value = (f'<a class="wb-download-link" download="{html.escape(name, quote=True)}" '
                           f'href="data:{MEDIA_TYPES[kind]};base64,{encoded}">'
                           f'{html.escape(t("brief.ui.save_file", name=name))}</a>')
        self.notice.success(t("brief.ui.made", name=name))

    def reset(self) -> None:
        self.payload = b""
        self.filename = ""
        self.link.value = ""
