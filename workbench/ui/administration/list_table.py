"""ListTable: rows shown in a ``RecordTable``, with an XLSX export of exactly the rows shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
from traitlets import List

from workbench.documents.spreadsheet import to_xlsx
from workbench.i18n import t
from workbench.ui.download_link import DownloadLink
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.record_table import RecordTable

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ListTable(widgets.VBox):
    """``columns``: (key, header) pairs; ``show(rows)`` with rows of display text (or values) by key. Rows whose
    ``_flag`` is true are marked (warnings). Public state: ``rows``. The export button offers the rows as XLSX."""

    rows = List()

    def __init__(self, columns: Sequence[tuple[str, str]], *, filename: str, notice: Notice,
                 empty: str = "") -> None:
        self.columns, self.filename, self.empty = list(columns), filename, empty or t("admin.none")
        self.table = RecordTable(self.columns, empty=self.empty,
                                 row_class=lambda row: "wb-flag" if row.get("_flag") else "")
        self.export_button = widgets.Button(description=t("admin.export_xlsx"), icon="download")
        self.link = DownloadLink()
        super().__init__([self.table, widgets.HBox([self.export_button, self.link])])
        self.add_class("wb-admin-list")
        self.export_button.on_click(guarded(notice)(lambda _b: self.export()))

    def show(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.link.reset()
        self.table.show(rows)

    def export(self) -> None:
        payload = to_xlsx(self.rows, self.columns, sheet=self.filename)
        self.link.offer(payload, filename=f"{self.filename}.xlsx", media_type=XLSX,
                        text=t("admin.download", filename=f"{self.filename}.xlsx"))

    def reset(self) -> None:
        self.rows = []
        self.table.reset()
        self.link.reset()
