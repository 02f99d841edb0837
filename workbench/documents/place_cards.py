"""Name tents (place cards) for everyone at the table, as a printable PDF: one A4 landscape sheet per person,
folded along the dashed line; one face in Thai, the other in English (the guests' language, upside down on the
sheet so it stands the right way up once folded): the name and the title as the precedence list writes them."""

from __future__ import annotations

import html

from workbench.documents.briefing_pdf import html_to_pdf
from workbench.documents.typography import html_page
from workbench.documents.visit_document_base import Doc, page_frame
from workbench.services.visit_documents import PlaceCard, SeatingLayout

STYLE = """
.sheet { height: 170mm; display: flex; flex-direction: column; break-after: page; }
.sheet:last-child { break-after: auto; }
.face { height: 84mm; display: flex; flex-direction: column; align-items: center; justify-content: center;
        text-align: center; }
.face.back { transform: rotate(180deg); }
.fold { border-top: 0.4mm dashed #999; height: 0; }
.name { font-size: 40pt; font-weight: 700; line-height: 1.15; padding: 0 8mm; }
.title { font-size: 22pt; color: #333; margin-top: 2mm; }
"""


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def render_html(layout: SeatingLayout, cards: list[PlaceCard]) -> str:
    doc = Doc(lang="th", title=layout.engagement.title_th, classification=layout.classification, landscape=True)
    sheets = []
    for card in cards:
        sheets.append(
            f'<div class="sheet" data-person="{card.person_id}">'
            f'<div class="face back" lang="en"><div class="name">{_e(card.name_en)}</div>'
            f'<div class="title">{_e(card.title_en)}</div></div><div class="fold"></div>'
            f'<div class="face front" lang="th"><div class="name">{_e(card.name_th)}</div>'
            f'<div class="title">{_e(card.title_th)}</div></div></div>')
    return html_page(lang="th", title=doc.title, style=STYLE, body="".join(sheets),
                     frame=page_frame(doc, line_height=1.3))


def render_pdf(layout: SeatingLayout, cards: list[PlaceCard]) -> bytes:
    return html_to_pdf(render_html(layout, cards))
