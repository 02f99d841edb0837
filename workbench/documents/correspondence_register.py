"""A register page as the regulation lays it out (ทะเบียนหนังสือรับ / ส่ง): PDF in Sarabun, printed by headless
Chromium (the path of ``briefing_pdf``), and XLSX with the same columns.

Columns of the incoming register: เลขทะเบียนรับ, วันที่รับ, ที่, ลงวันที่, จาก, ถึง, เรื่อง, การปฏิบัติ, หมายเหตุ;
of the outgoing register: เลขทะเบียนส่ง, วันที่ส่ง, ที่, ลงวันที่, จาก, ถึง, เรื่อง, หมายเหตุ. A page holding a
classified entry states the highest class at its top and bottom. All text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from workbench.documents.spreadsheet import to_xlsx
from workbench.documents.typography import CLASSIFIED_COLOUR, FontMode, PageFrame, html_page
from workbench.i18n import t
from workbench.models.correspondence import CorrespondenceRead, Register
from workbench.thai import be_year, format_date, to_thai_digits

COLUMNS: dict[Register, list[tuple[str, str]]] = {
    Register.INCOMING: [("display_number", "เลขทะเบียนรับ"), ("registered", "วันที่รับ"), ("doc_number", "ที่"),
                        ("doc_date", "ลงวันที่"), ("sender", "จาก"), ("recipient", "ถึง"), ("subject", "เรื่อง"),
                        ("action", "การปฏิบัติ"), ("remarks", "หมายเหตุ")],
    Register.OUTGOING: [("display_number", "เลขทะเบียนส่ง"), ("registered", "วันที่ส่ง"), ("doc_number", "ที่"),
                        ("doc_date", "ลงวันที่"), ("sender", "จาก"), ("recipient", "ถึง"), ("subject", "เรื่อง"),
                        ("remarks", "หมายเหตุ")],
    Register.INTERNAL: [("display_number", "เลขทะเบียน"), ("registered", "วันที่"), ("doc_number", "ที่"),
                        ("doc_date", "ลงวันที่"), ("sender", "จาก"), ("recipient", "ถึง"), ("subject", "เรื่อง"),
                        ("action", "การปฏิบัติ"), ("remarks", "หมายเหตุ")],
}
WIDTHS = {"display_number": "8%", "registered": "9%", "doc_number": "10%", "doc_date": "9%", "sender": "14%",
          "recipient": "12%", "subject": "23%", "action": "7%", "remarks": "8%"}

STYLE = """
h1 { font-size: 20pt; text-align: center; margin: 0 0 1mm 0; }
.sub { text-align: center; margin: 0 0 3mm 0; }
.mark { color: %s; font-weight: 700; text-align: center; font-size: 16pt; }
table { border-collapse: collapse; width: 100%%; table-layout: fixed; }
th, td { border: 0.6pt solid #000; padding: 1mm 1.5mm; vertical-align: top; overflow-wrap: break-word;
         white-space: pre-line; }
th { font-weight: 700; text-align: center; }
td.num { text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.classified { color: %s; font-weight: 700; }
""" % (CLASSIFIED_COLOUR, CLASSIFIED_COLOUR)


def register_rows(docs: Sequence[CorrespondenceRead], *, thai_digits: bool = True) -> list[dict[str, str]]:
    """The register's cells, as printed (B.E. dates, Thai digits on the printed page)."""
    rows = []
    for d in docs:
        remarks = d.remarks
        if d.classification:
            remarks = f"[{t(f'clearance.{int(d.classification)}', 'th')}] {remarks}".strip()
        if d.urgency != "normal":
            remarks = f"{t(f'urgency.{d.urgency.value}', 'th')} {remarks}".strip()
        rows.append({
            "display_number": d.display_number,
            "registered": f"{format_date(d.registered_at.date(), style='abbr')}\n"
                          f"{d.registered_at.hour:02d}.{d.registered_at.minute:02d} น.",
            "doc_number": d.doc_number or (d.display_number if d.register == Register.OUTGOING else ""),
            "doc_date": format_date(d.doc_date, style="abbr") if d.doc_date else "",
            "sender": d.sender, "recipient": d.recipient, "subject": d.subject,
            "action": t(f"action_requested.{d.action_requested.value}", "th"),
            "remarks": remarks, "classification": int(d.classification),
        })
    if thai_digits:
        for row in rows:
            for key in ("display_number", "registered", "doc_number", "doc_date"):
                row[key] = to_thai_digits(row[key])
    return rows


def render_html(docs: Sequence[CorrespondenceRead], *, register: Register | str, year_ce: int,
                fonts: FontMode = "file") -> str:
    register = Register(register)
    columns = COLUMNS[register]
    rows = register_rows(docs)
    top = max((r["classification"] for r in rows), default=0)
    mark = f'<div class="mark">{html.escape(t(f"clearance.{top}", "th"))}</div>' if top else ""
    head = "".join(f'<th style="width:{WIDTHS[key]}">{html.escape(label)}</th>' for key, label in columns)
    body = []
    for row in rows:
        cells = []
        for key, _label in columns:
            css = ' class="num"' if key in ("display_number", "registered", "doc_date") else ""
            cells.append(f"<td{css}>{html.escape(str(row[key]))}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(columns)}" class="num">— ไม่มีรายการ —</td></tr>')
    title = t(f"register.{register.value}", "th")
    year = to_thai_digits(be_year(year_ce))
    frame = PageFrame(fonts=fonts, font_size="13pt", line_height=1.25, ink="#000", size="A4 landscape",
                      margins="14mm 10mm 14mm 10mm", numbers="")
    return html_page(lang="th", title=title, style=STYLE, frame=frame, body=(
            f"{mark}<h1>{html.escape(title)}</h1><div class=\"sub\">สำนักงานต่างประเทศ สำนักงานเลขาธิการวุฒิสภา "
            f"· ปี พ.ศ. {year} · {to_thai_digits(len(docs))} รายการ</div>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{mark}"))


def render_pdf(docs: Sequence[CorrespondenceRead], *, register: Register | str, year_ce: int) -> bytes:
    from workbench.documents.briefing_pdf import html_to_pdf

    return html_to_pdf(render_html(docs, register=register, year_ce=year_ce, fonts="file"))


def render_xlsx(docs: Sequence[CorrespondenceRead], *, register: Register | str) -> bytes:
    register = Register(register)
    columns = COLUMNS[register] + [("classification_label", "ชั้นความลับ"), ("urgency_label", "ชั้นความเร็ว"),
                                   ("status_label", "สถานะ")]
    rows = register_rows(docs, thai_digits=False)
    for row, d in zip(rows, docs, strict=True):
        row["classification_label"] = t(f"clearance.{int(d.classification)}", "th") if d.classification else ""
        row["urgency_label"] = t(f"urgency.{d.urgency.value}", "th")
        row["status_label"] = t(f"correspondence_status.{d.status.value}", "th")
        # date cells (sortable, filterable), shown in B.E. by the spreadsheet's number format
        row["registered"], row["doc_date"] = d.registered_at, d.doc_date
    return to_xlsx(rows, columns, sheet=t(f"register.{register.value}", "th"))
