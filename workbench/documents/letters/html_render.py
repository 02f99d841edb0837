"""Official letters as HTML: the source of their PDF (printed by headless Chromium with the Sarabun TTF of
``fontpkg-sarabun`` by local file URL, offline) and a stand-alone file (fonts embedded). Every text is escaped."""

from __future__ import annotations

import base64
import html
import mimetypes

from workbench.documents.typography import FontMode, PageFrame, html_page
from workbench.models.letters import ExternalLetter, LetterTable, NoteVerbale

# The page of a Thai official letter (ระเบียบงานสารบรรณ): left margin 3 cm, black ink, no page numbers on a
# one-page letter; the line a little tighter than a report's.
MARGINS = "15mm 20mm 20mm 30mm"
STYLE = """
p { margin: 0; white-space: pre-wrap; }
.emblem { height: 30mm; text-align: center; }
.emblem img { height: 30mm; }
.draft { position: fixed; top: 0; right: 0; color: #888; font-weight: 700; }
.urgency { color: #c00000; font-weight: 700; }
.head { display: flex; justify-content: space-between; margin-top: 2mm; }
.head .office { width: 80mm; }
.date { margin: 3mm 0 0 80mm; }
.part { margin-top: 2mm; padding-left: 22mm; text-indent: -22mm; }
.part b { display: inline-block; min-width: 20mm; text-indent: 0; }
.body { text-indent: 25mm; }
.first { margin-top: 3mm; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; font-size: 16pt; line-height: 1.2; }
th, td { border: 1px solid #000; padding: 0.6mm 1.5mm; vertical-align: top; text-align: left; }
th { text-align: center; font-weight: 700; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.sign { margin-left: 60mm; text-align: center; break-inside: avoid; }
.sign .closing { margin-top: 5mm; }
.sign .space { height: 24mm; }
.owner { margin-top: 10mm; break-inside: avoid; }
.nv .body { text-align: justify; text-indent: 25mm; margin-top: 3mm; }
.nv .place { text-align: right; margin-top: 10mm; }
.nv .addressee { margin-top: 14mm; }
"""


# Sarabun draws larger than TH Sarabun New at the same size: scaled so that 16 pt reads as the office's 16 pt.
SIZE_ADJUST = "72%"


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def _emblem(letter: ExternalLetter | NoteVerbale) -> str:
    if letter.emblem is not None and letter.emblem.is_file():
        media = mimetypes.guess_type(letter.emblem.name)[0] or "image/png"
        data = base64.b64encode(letter.emblem.read_bytes()).decode("ascii")
        return f'<div class="emblem"><img alt="" src="data:{_e(media)};base64,{data}"></div>'
    return '<div class="emblem"></div>'


def _table(table: LetterTable | None) -> str:
    if table is None:
        return ""
    total = sum(table.widths) if table.widths else len(table.headers)
    widths = table.widths or tuple(1 for _ in table.headers)
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths)
    head = "".join(f"<th>{_e(h)}</th>" for h in table.headers)
    rows = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in table.rows)
    return f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _parts(label: str, items: tuple[str, ...], digits) -> str:
    out = []
    for number, item in enumerate(items, start=1):
        text = f"{digits(str(number))}. {item}" if len(items) > 1 else item
        shown = f"<b>{_e(label)}</b>" if number == 1 else "<b></b>"
        out.append(f'<p class="part">{shown} {_e(digits(text))}</p>')
    return "".join(out)


def external_body(letter: ExternalLetter) -> str:
    d = letter.digits
    parts = [
        '<p class="draft">ร่าง</p>' if letter.is_draft else "",
        f'<p class="urgency">{_e(letter.urgency)}</p>' if letter.urgency else "",
        _emblem(letter),
        f'<div class="head"><p class="number">{_e(letter.number_line())}</p>'
        f'<div class="office"><p>{_e(letter.office)}</p>'
        + "".join(f"<p>{_e(d(line))}</p>" for line in letter.address) + "</div></div>",
        f'<p class="date">{_e(letter.date_line())}</p>',
        f'<p class="part"><b>เรื่อง</b> {_e(d(letter.subject))}</p>',
        f'<p class="part"><b>เรียน</b> {_e(letter.addressee)}</p>',
        _parts("อ้างถึง", letter.references, d),
        _parts("สิ่งที่ส่งมาด้วย", letter.enclosures, d),
        "".join(f'<p class="body{" first" if i == 0 else ""}">{_e(d(t))}</p>' for i, t in enumerate(letter.body)),
        _table(letter.table),
        "".join(f'<p class="body">{_e(d(t))}</p>' for t in letter.body_after),
        f'<div class="sign"><p class="closing">{_e(letter.closing)}</p><div class="space"></div>'
        f'<p>({_e(letter.signer_name) or "&nbsp;" * 40})</p>'
        + "".join(f"<p>{_e(line)}</p>" for line in letter.signer_position) + "</div>",
        f'<div class="owner"><p>{_e(letter.owner_unit)}</p>'
        + "".join(f"<p>{_e(line)}</p>" for line in letter.contact_lines()) + "</div>",
    ]
    if letter.copies_to:
        parts.append('<p class="first"><b>สำเนาส่ง</b></p>' + "".join(
            f'<p class="body">{_e(line)}</p>' for line in letter.copies_to))
    return "".join(parts)


def note_body(note: NoteVerbale) -> str:
    return "".join([
        '<p class="draft">DRAFT</p>' if note.is_draft else "",
        _emblem(note),
        f'<p class="number">{_e(note.number_line())}</p>',
        f'<p class="body">{_e(note.opening())}</p>',
        "".join(f'<p class="body">{_e(t)}</p>' for t in note.body),
        _table(note.table),
        "".join(f'<p class="body">{_e(t)}</p>' for t in note.body_after),
        f'<p class="body">{_e(note.closing())}</p>',
        f'<p class="place">{_e(note.place_date())}</p>',
        '<div class="addressee">' + "".join(f"<p>{_e(line)}</p>" for line in note.addressee_lines) + "</div>",
    ])


def render_html(letter: ExternalLetter | NoteVerbale, *, fonts: FontMode = "embed") -> str:
    thai = isinstance(letter, ExternalLetter)
    body = external_body(letter) if thai else note_body(letter)
    title = letter.title or (letter.subject if thai else "Note verbale")
    frame = PageFrame(fonts=fonts, size_adjust=SIZE_ADJUST, line_height=1.35, ink="#000", margins=MARGINS, numbers="")
    return html_page(lang="th" if thai else "en", title=title, style=STYLE, body=body,
                     body_class="ext" if thai else "nv", frame=frame)
