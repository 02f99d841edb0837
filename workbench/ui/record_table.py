"""RecordTable: the one read-only table of records every dashboard shows (escaped text, never HTML from the data).

``columns`` are (key, header) pairs; ``show(rows)`` takes rows as dicts by key (text, numbers, dates, ``None`` for
an empty cell). Options: ``numeric`` keys are right-aligned (amounts, counts); ``badge`` names the column holding a
classification (a clearance level, shown as its label in a red badge; "unclassified" shows nothing); ``empty`` is
the text shown instead of a table without rows; ``caption(n)`` a line above the table (such as "12 notes").
A ``total`` row is shown last, in bold; ``row_class(row)`` names a row's look (``wb-flag``: a warning, in red and
bold; ``wb-overdue``: late, in red).

A cell holding a list or tuple shows its items as a bullet list: each item is text, or an ``Entry`` (a field label
in bold with its value, or with the value it had struck through and the new one after an arrow).

``table_html`` (a table of rows) and ``fields_html`` (one record's fields, a label heading each line) write the
same table for dashboards that compose it into a larger panel; they are the only writers of ``<table`` under
``ui/`` (a test checks it).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
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
         " .wb-record-table tr.wb-flag td { color: #b71c1c; font-weight: 600; }"
         " .wb-record-table tr.wb-overdue td { color: #b71c1c; }"
         " .wb-record-table th.wb-field { background: none; white-space: nowrap; }"
         " .wb-record-table ul.wb-cell-list { margin: 0; padding-left: 1.2em; }"
         " .wb-badge { color: #fff; background: #b71c1c; border-radius: 3px; padding: 0 6px; font-size: 90%;"
         " white-space: nowrap; }</style>")


@dataclass(frozen=True)
class Entry:
    """One item of a list cell: ``label`` in bold, then ``text`` (after ``was`` struck through, when it changed)."""

    label: str
    text: str
    was: str | None = None

    def html(self) -> str:
        before = f"<s>{html.escape(self.was)}</s> → " if self.was is not None else ""
        return f"<b>{html.escape(self.label)}</b>: {before}{html.escape(self.text)}"


def cell_text(value: Any) -> str:
    """What a cell says: ``None`` is empty; anything else is its ``str``."""
    return "" if value is None else str(value)


def cell_html(value: Any) -> str:
    """A cell's escaped markup: text, or a bullet list of its items (text or ``Entry``)."""
    if isinstance(value, (list, tuple)):
        items = "".join(f"<li>{item.html() if isinstance(item, Entry) else html.escape(cell_text(item))}</li>"
                        for item in value)
        return f"<ul class='wb-cell-list'>{items}</ul>" if items else ""
    return html.escape(cell_text(value))


def badge_text(value: Any) -> str:
    """A clearance level as its label (empty for unclassified); text is taken as already said."""
    if value is None or isinstance(value, str):
        return value or ""
    return t(f"clearance.{int(value)}") if int(value) else ""


def table_html(columns: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]], *, numeric: Collection[str] = (),
               badge: str | None = None, css_class: str = "", total: dict[str, Any] | None = None,
               row_class: Callable[[dict[str, Any]], str] | None = None) -> str:
    """The table of ``rows`` under the ``columns``' headers (see the module's text for the options)."""
    numeric = set(numeric)

    def align(key: str) -> str:
        return " class='wb-num'" if key in numeric else ""

    def cell(key: str, value: Any) -> str:
        if key == badge:
            label = badge_text(value)
            return f"<span class='wb-badge'>{html.escape(label)}</span>" if label else ""
        return cell_html(value)

    def line(row: dict[str, Any], css: str = "") -> str:
        cells = "".join(f"<td{align(key)}>{cell(key, row.get(key))}</td>" for key, _ in columns)
        return f"<tr class='{html.escape(css)}'>{cells}</tr>" if css else f"<tr>{cells}</tr>"

    head = "".join(f"<th{align(key)}>{html.escape(header)}</th>" for key, header in columns)
    body = "".join(line(row, row_class(row) if row_class else "") for row in rows)
    body += line(total, "wb-total") if total else ""
    return (f"{STYLE}<table class='wb-table wb-record-table {html.escape(css_class)}'>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def fields_html(fields: Sequence[tuple[str, Any]], *, css_class: str = "") -> str:
    """One record's fields as (label, value) lines, the label heading each line; values as in a table's cells."""
    body = "".join(f"<tr><th class='wb-field' scope='row'>{html.escape(label)}</th><td>{cell_html(value)}</td></tr>"
                   for label, value in fields)
    return f"{STYLE}<table class='wb-table wb-record-table {html.escape(css_class)}'><tbody>{body}</tbody></table>"


class RecordTable(widgets.HTML):
    """Public state: ``rows`` (the rows shown, as given; the total row not included) and ``value`` (the HTML)."""

    rows = List()

    def __init__(self, columns: Sequence[tuple[str, str]], *, numeric: Collection[str] = (),
                 badge: str | None = None, empty: str = "", caption: Callable[[int], str] | None = None,
                 css_class: str = "", row_class: Callable[[dict[str, Any]], str] | None = None) -> None:
        super().__init__("")
        self.columns, self.numeric, self.badge, self.row_class = list(columns), set(numeric), badge, row_class
        self.empty, self.caption, self.css_class = empty, caption, css_class
        self.add_class("wb-record-table-box")
        self.reset()

    def show(self, rows: Sequence[dict[str, Any]], *, total: dict[str, Any] | None = None) -> None:
        self.rows = list(rows)
        if not rows:
            self.value = f"<p>{html.escape(self.empty)}</p>" if self.empty else ""
            return
        above = f"<p>{html.escape(self.caption(len(rows)))}</p>" if self.caption else ""
        self.value = above + table_html(self.columns, rows, numeric=self.numeric, badge=self.badge,
                                        css_class=self.css_class, total=total, row_class=self.row_class)

    def reset(self) -> None:
        self.rows = []
        self.value = ""
