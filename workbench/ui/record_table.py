"""RecordTable: the one read-only table of records every dashboard shows (escaped text, never HTML from the data).

``columns`` are (key, header) pairs; ``show(rows)`` takes rows as dicts by key (text, numbers, dates, ``None`` for
an empty cell). Options: ``numeric`` keys are right-aligned (amounts, counts); ``badge`` names the column holding a
classification (a clearance level, shown as its label in a red badge; "unclassified" shows nothing); ``empty`` is
the text shown instead of a table without rows; ``caption(n)`` a line above the table (such as "12 notes").
A ``total`` row is shown last, in bold.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Sequence
from typing import Any

import ipywidgets as widgets
from traitlets import List

from workbench.i18n import t

STYLE = ("<style>.wb-record-table { border-collapse: collapse; margin: 4px 0 8px; }"
         " .wb-record-table th, .wb-record-table td { padding: 3px 8px; border-bottom: 1px solid #e0e0e0;"
         " text-align: left; vertical-align: top; }"
         " .wb-record-table th { background: #f3f5f7; font-weight: 600; }"
         " .wb-record-table td.wb-num, .wb-record-table th.wb-num { text-align: right; }"
         " .wb-record-table tr.wb-total td { font-weight: 700; border-top: 2px solid #9aa5b1; }"
         " .wb-badge { color: #fff; background: #b71c1c; border-radius: 3px; padding: 0 6px; font-size: 90%;"
         " white-space: nowrap; }</style>")


def cell_text(value: Any) -> str:
    """What a cell says: ``None`` is empty; anything else is its ``str``."""
    return "" if value is None else str(value)


def badge_text(value: Any) -> str:
    """A clearance level as its label (empty for unclassified); text is taken as already said."""
    if value is None or isinstance(value, str):
        return value or ""
    return t(f"clearance.{int(value)}") if int(value) else ""


class RecordTable(widgets.HTML):
    """Public state: ``rows`` (the rows shown, as given; the total row not included) and ``value`` (the HTML)."""

    rows = List()

    def __init__(self, columns: Sequence[tuple[str, str]], *, numeric: Collection[str] = (),
                 badge: str | None = None, empty: str = "", caption: Callable[[int], str] | None = None,
                 css_class: str = "") -> None:
        super().__init__("")
        self.columns, self.numeric, self.badge = list(columns), set(numeric), badge
        self.empty, self.caption, self.css_class = empty, caption, css_class
        self.add_class("wb-record-table-box")
        self.reset()

    def show(self, rows: Sequence[dict[str, Any]], *, total: dict[str, Any] | None = None) -> None:
        self.rows = list(rows)
        if not rows:
            self.value = f"<p>{html.escape(self.empty)}</p>" if self.empty else ""
            return
        head = "".join(f"<th{self._align(key)}>{html.escape(header)}</th>" for key, header in self.columns)
        body = "".join(self._row(row) for row in rows) + (self._row(total, "wb-total") if total else "")
        above = f"<p>{html.escape(self.caption(len(rows)))}</p>" if self.caption else ""
        self.value = (f"{STYLE}{above}<table class='wb-table wb-record-table {self.css_class}'>"
                      f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    def reset(self) -> None:
        self.rows = []
        self.value = ""

    def _align(self, key: str) -> str:
        return " class='wb-num'" if key in self.numeric else ""

    def _row(self, row: dict[str, Any], css: str = "") -> str:
        cells = "".join(f"<td{self._align(key)}>{self._cell(key, row.get(key))}</td>" for key, _ in self.columns)
        return f"<tr class='{css}'>{cells}</tr>" if css else f"<tr>{cells}</tr>"

    def _cell(self, key: str, value: Any) -> str:
        if key == self.badge:
            label = badge_text(value)
            return f"<span class='wb-badge'>{html.escape(label)}</span>" if label else ""
        return html.escape(cell_text(value))
