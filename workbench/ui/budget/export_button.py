"""BudgetExportButton: a button that makes the year's XLSX and offers it as a download link."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable

import ipywidgets as widgets
from traitlets import Unicode

from workbench.i18n import t
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class BudgetExportButton(widgets.HBox):
    """``make_file()`` (injected) returns ``(bytes, filename)``; the file is offered as an ``<a download>`` with a
    ``data:`` URI (works offline in Voila). Public state: ``filename`` of the file offered ("" before any)."""

    filename = Unicode("")

    def __init__(self, make_file: Callable[[], tuple[bytes, str]], notice: Notice) -> None:
        self.make_file = make_file
        self.payload = b""
        self.button = widgets.Button(description=t("budget.export"), icon="download")
        self.link = widgets.HTML("")
        super().__init__([self.button, self.link])
        self.add_class("wb-budget-export")
        self.button.on_click(guarded(notice)(lambda _b: self.export()))

    def export(self) -> None:
        payload, filename = self.make_file()
        self.payload, self.filename = payload, filename
        encoded = base64.b64encode(payload).decode("ascii")
        self.link.value = (f'<a class="wb-download-link" download="{html.escape(filename, quote=True)}" '
                           f'href="data:{XLSX};base64,{encoded}">'
                           f'{html.escape(t("budget.export_ready", filename=filename))}</a>')

    def reset(self) -> None:
        self.payload, self.filename = b"", ""
        self.link.value = ""
