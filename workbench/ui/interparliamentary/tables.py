"""HTML tables of rows of text: every cell escaped (user text is never markup)."""

from __future__ import annotations

import html


def html_table(headers: list[str], rows: list[list[str]], *, css_class: str, row_classes: list[str] | None = None) -> str:
    head = "".join(f"<th style='text-align:left;padding:2px 8px;border-bottom:1px solid #999'>{html.escape(h)}</th>"
                   for h in headers)
    body = []
    for index, row in enumerate(rows):
        extra = f" class='{html.escape(row_classes[index])}'" if row_classes and row_classes[index] else ""
        colour = " style='color:#b71c1c'" if row_classes and row_classes[index] == "wb-overdue" else ""
        body.append(f"<tr{extra}{colour}>" + "".join(
            f"<td style='padding:2px 8px;border-bottom:1px solid #eee;vertical-align:top'>{html.escape(str(c))}</td>"
            for c in row) + "</tr>")
    return f"<table class='{html.escape(css_class)}' style='border-collapse:collapse'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
