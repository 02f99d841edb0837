"""A briefing pack as HTML: the export itself (fonts embedded, so the file reads the same anywhere, offline) and the
source of the PDF (fonts by local file URL). Every piece of text is escaped: nothing a user typed becomes markup.

When the pack holds classified items, a banner with the classification is fixed to the top and the bottom of the
page; printed (``briefing_pdf``), fixed elements repeat on every page, so every page states the classification.
"""

from __future__ import annotations

import html

from workbench.documents.typography import FontMode, PageFrame, html_page
from workbench.i18n import t
from workbench.services.briefing import Pack, PackItem, PackSection, show_datetime
from workbench.thai import format_datetime

MARGINS = "24mm 18mm 22mm 18mm"
STYLE = """
.wb-brief h1 { font-size: 22pt; margin: 0 0 2mm 0; }
.wb-brief h2 { font-size: 18pt; margin: 7mm 0 2mm 0; border-bottom: 1px solid #999; break-after: avoid; }
.wb-brief h3 { font-size: 16pt; margin: 3mm 0 0 0; break-after: avoid; }
.wb-brief .subtitle { font-size: 18pt; margin: 0 0 4mm 0; }
.wb-brief .meta { color: #444; font-size: 14pt; }
.wb-brief .mark { color: #b71c1c; font-weight: 700; }
.wb-brief table { border-collapse: collapse; width: 100%; font-size: 14pt; }
.wb-brief th, .wb-brief td { border: 1px solid #888; padding: 1mm 2mm; vertical-align: top; text-align: left; }
.wb-brief th { background: #eee; }
.wb-brief .item { break-inside: avoid; margin-bottom: 2mm; }
.wb-brief p { margin: 1mm 0; white-space: pre-wrap; }
.wb-brief tr { break-inside: avoid; }
.banner { text-align: center; color: #b71c1c; font-weight: 700; font-size: 16pt; }
@media print {
  .banner, .wb-brief .printed { display: none; }
  /* Thai stacks tone marks above upper vowels (รั้, ยี่): with a line box tall enough to hold them, a line moved
     to the next page takes its marks along instead of leaving them at the foot of the page before. */
  body { line-height: 1.7; }
  .wb-brief h1, .wb-brief h2, .wb-brief h3 { padding-top: 0.2em; }
}
"""


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def _mark(level: int, lang: str) -> str:
    return f'<span class="mark">[{_e(t(f"clearance.{level}", lang))}]</span> ' if level else ""


def _item(item: PackItem, lang: str) -> str:
    parts = [f'<div class="item"><h3>{_mark(item.classification, lang)}{_e(item.heading)}</h3>']
    if item.meta:
        parts.append(f'<div class="meta">{_e(item.meta)}</div>')
    if item.body:
        parts.append(f"<p>{_e(item.body)}</p>")
    if item.link:
        parts.append(f'<div class="meta">{_e(item.link)}</div>')
    parts.append("</div>")
    return "".join(parts)


def _section(section: PackSection, lang: str) -> str:
    parts = [f'<section class="wb-section wb-section-{_e(section.kind)}"><h2>{_e(section.title)}</h2>']
    parts += [f"<p>{_e(text)}</p>" for text in section.paragraphs]
    if section.table is not None:
        head = "".join(f"<th>{_e(cell)}</th>" for cell in section.table.headers)
        body = "".join("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>"
                       for row in section.table.rows)
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts += [_item(item, lang) for item in section.items]
    parts.append("</section>")
    return "".join(parts)


def render_fragment(pack: Pack) -> str:
    """The pack's content as an HTML fragment (for the dashboard's preview and inside the full document)."""
    lang = pack.lang
    label = pack.classification_label()
    parts = ['<div class="wb-brief">']
    if label:
        parts.append(f'<div class="mark banner">{_e(t("brief.classified_banner", lang, level=label))}</div>')
    parts.append(f"<h1>{_e(pack.title)}</h1><div class=\"subtitle\">{_e(pack.subtitle)}</div>")
    parts += [_section(section, lang) for section in pack.all_sections()]
    parts.append(f'<div class="meta printed">{_e(printed_at(pack))}</div></div>')
    return "".join(parts)


def printed_at(pack: Pack, *, short: bool = False) -> str:
    """When the pack was made, by the office's (Bangkok) clock, as the cover's date is (``short``: "25 พ.ย. 2569")."""
    when = show_datetime(pack.generated_at, pack.lang)
    if short and pack.lang == "th":
        when = format_datetime(pack.generated_at, style="abbr")
    return t("brief.printed_at", pack.lang, when=when)


def page_frame(pack: Pack, *, fonts: FontMode = "embed") -> PageFrame:
    """Printed pages: the classification at the top and bottom of every page, page numbers bottom right, and when
    the pack was made bottom left (in the margin of every page, so no page holds only that)."""
    label = pack.classification_label()
    return PageFrame(fonts=fonts, margins=MARGINS, numbers="12pt", note=printed_at(pack, short=True),
                     banner=t("brief.classified_banner", pack.lang, level=label) if label else "")


def render_html(pack: Pack, *, fonts: FontMode = "embed") -> str:
    """The whole pack as one HTML document (``fonts="embed"``: self-contained; ``"file"``: for printing here).

    On screen a classified pack shows its classification at the top and the bottom; printed, every page carries
    it in the page's top and bottom margins."""
    label = pack.classification_label()
    bottom = ""
    if label:  # the fragment opens with the classification; the screen version repeats it at the end
        bottom = f'<div class="banner">{_e(t("brief.classified_banner", pack.lang, level=label))}</div>'
    return html_page(lang=pack.lang, title=f"{pack.title}: {pack.subtitle}", style=STYLE,
                     body=f"{render_fragment(pack)}{bottom}", frame=page_frame(pack, fonts=fonts))
