"""The inter-parliamentary panels' tables: rows of cells by position, written by the one record table
(``ui/record_table.table_html``: every cell escaped, user text is never markup)."""

from __future__ import annotations

from typing import Any

from workbench.ui.record_table import table_html


def html_table(headers: list[str], rows: list[list[Any]], *, css_class: str, row_classes: list[str] | None = None) -> str:
    """``rows`` of cells under ``headers``; ``row_classes`` (one per row) marks rows, e.g. ``wb-overdue``."""
    columns = [(str(index), header) for index, header in enumerate(headers)]
    keyed = [{**{str(index): cell for index, cell in enumerate(row)}, "_class": row_classes[number] if row_classes else ""}
             for number, row in enumerate(rows)]
    return table_html(columns, keyed, css_class=css_class, row_class=lambda row: row["_class"])
