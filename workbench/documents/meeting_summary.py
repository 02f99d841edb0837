"""The meeting summary (สรุปผลการประชุม) as DOCX and PDF, with the briefing pack's typography: TH Sarabun New 16 pt
in Word (complex-script font and size set, so Thai runs use it too), Sarabun embedded in the PDF printed by
headless Chromium, B.E. dates, and the classification at the top and bottom of every page when classified.
Every piece of text a user typed is escaped in the HTML: nothing becomes markup."""

from __future__ import annotations

import datetime as dt
import html
import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from workbench.documents.briefing_docx import CLASSIFIED, GREY, SIZE_PT, _page_field, _styles
from workbench.documents.briefing_docx import _run as _plain_run
from workbench.documents.briefing_pdf import html_to_pdf
from workbench.documents.typography import FontMode, PageFrame, html_page
from workbench.i18n import t
from workbench.services.interparliamentary.summaries import SummaryView
from workbench.thai import format_date


def date_range(first: dt.date, last: dt.date) -> str:
    """"15–19 ตุลาคม 2569", "30 กันยายน – 2 ตุลาคม 2569" or a single day, with B.E. years."""
    if first == last:
        return format_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{format_date(last)}"
    if first.year == last.year:
        return f"{format_date(first).rsplit(' ', 1)[0]} – {format_date(last)}"
    return f"{format_date(first)} – {format_date(last)}"


def _run(paragraph, text: str, *, bold: bool = False, **kwargs):
    """A run in TH Sarabun New (every script); bold also for the complex script (``w:bCs``), which Thai uses."""
    run = _plain_run(paragraph, text, bold=bold, **kwargs)
    if bold:
        rpr = run._element.get_or_add_rPr()  # noqa: SLF001 - python-docx has no API for complex-script bold
        if rpr.find(qn("w:bCs")) is None:
            rpr.append(OxmlElement("w:bCs"))
    return run


def _bold_styles(document) -> None:
    for name in ("Heading 1", "Heading 3"):
        rpr = document.styles[name].element.get_or_add_rPr()
        if rpr.find(qn("w:bCs")) is None:
            rpr.append(OxmlElement("w:bCs"))


def banner(view: SummaryView, lang: str = "th") -> str:
    return t("brief.classified_banner", lang, level=t(f"clearance.{view.classification}", lang)) if view.classification else ""


def _facts(view: SummaryView) -> list[tuple[str, str]]:
    return [(t("ip_doc.organization", "th"), view.organization_th),
            (t("ip_doc.when", "th"), date_range(view.meeting.start, view.meeting.end)),
            (t("ip_doc.where", "th"), view.venue or t("ip.none", "th"))]


def _follow_up_rows(view: SummaryView) -> list[list[str]]:
    return [[str(number), f.action, f.owner or "-", format_date(f.due_date) if f.due_date else "-",
             t(f"ip_follow.{f.status}", "th")] for number, f in enumerate(view.follow_ups, start=1)]


FOLLOW_UP_HEADERS = ["ip_doc.col_no", "ip_doc.col_action", "ip_doc.col_owner", "ip_doc.col_due", "ip_doc.col_status"]


# --- DOCX ------------------------------------------------------------------------------------------------

def render_docx(view: SummaryView) -> bytes:
    document = Document()
    page = document.sections[0]
    page.page_width, page.page_height = Mm(210), Mm(297)
    page.left_margin, page.right_margin = Mm(30), Mm(20)
    page.top_margin, page.bottom_margin = Mm(25), Mm(20)
    _styles(document)
    _bold_styles(document)
    label = banner(view)
    section = document.sections[0]
    for part in (section.header, section.footer):
        paragraph = part.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if label:
            _run(paragraph, label, bold=True, colour=CLASSIFIED)
    footer = section.footer.add_paragraph()
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_field(footer)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, t("ip_doc.title", "th"), bold=True, size=20)
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(subtitle, view.meeting.title_th, bold=True)
    for name, value in _facts(view):
        paragraph = document.add_paragraph()
        _run(paragraph, f"{name}: ", bold=True)
        _run(paragraph, value)

    def heading(key: str) -> None:
        _run(document.add_paragraph(style="Heading 1"), t(key, "th"), bold=True, size=SIZE_PT + 2)

    def lines(texts: list[str]) -> None:
        for text in texts or [t("ip_doc.none", "th")]:
            _run(document.add_paragraph(), text)

    heading("ip_doc.delegation")
    lines([f"{n}. {name} ({t(f'member_role.{role}', 'th')})" for n, (name, role) in enumerate(view.delegation, 1)])
    heading("ip_doc.observers")
    lines([f"{n}. {name}" for n, name in enumerate(view.observers, 1)])
    if view.overview:
        heading("ip_doc.overview")
        lines([view.overview])
    heading("ip_doc.decisions")
    lines([view.key_decisions])
    heading("ip_doc.positions")
    for number, (item, text, version, level) in enumerate(view.agenda, 1):
        paragraph = document.add_paragraph(style="Heading 3")
        if level:
            _run(paragraph, f"[{t(f'clearance.{level}', 'th')}] ", bold=True, colour=CLASSIFIED)
        _run(paragraph, f"{number}. {item}", bold=True)
        if text:
            _run(document.add_paragraph(), text)
            _run(document.add_paragraph(), t("ip_doc.version", "th", n=version), colour=GREY, size=14)
        else:
            _run(document.add_paragraph(), t("ip_doc.no_position", "th"), colour=GREY)
    if not view.agenda:
        lines([])
    heading("ip_doc.resolutions")
    lines([f"{n}. {title} — {outcome} ({t(f'ip_vote.{vote}', 'th')})"
           for n, (title, outcome, vote) in enumerate(view.resolutions, 1)])
    heading("ip_doc.interventions")
    lines([f"{speaker} ({format_date(day)}): {text}" for speaker, day, text, _ in view.interventions])
    heading("ip_doc.follow_ups")
    table = document.add_table(rows=1, cols=len(FOLLOW_UP_HEADERS), style="Table Grid")
    for cell, key in zip(table.rows[0].cells, FOLLOW_UP_HEADERS, strict=True):
        _run(cell.paragraphs[0], t(key, "th"), bold=True, size=14)
    for row in _follow_up_rows(view):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            _run(cell.paragraphs[0], text, size=14)
    generated = document.add_paragraph()
    generated.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(generated, t("ip_doc.generated", "th", day=format_date(view.generated_on or dt.date.today())),
         colour=GREY, size=14)
    document.core_properties.title = f"{t('ip_doc.title', 'th')}: {view.meeting.title_th}"[:250]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- HTML and PDF -----------------------------------------------------------------------------------------

STYLE = """
h1 { font-size: 20pt; text-align: center; margin: 0; }
.subtitle { font-size: 16pt; font-weight: 700; text-align: center; margin: 0 0 4mm 0; }
h2 { font-size: 18pt; margin: 6mm 0 1mm 0; break-after: avoid; }
h3 { font-size: 16pt; margin: 2mm 0 0 0; break-after: avoid; }
p { margin: 1mm 0; white-space: pre-wrap; }
.meta { color: #444; font-size: 14pt; }
.mark { color: #b71c1c; font-weight: 700; }
table { border-collapse: collapse; width: 100%; font-size: 14pt; }
th, td { border: 1px solid #888; padding: 1mm 2mm; vertical-align: top; text-align: left; }
th { background: #eee; }
table.follow-ups th:nth-child(1) { width: 8%; } table.follow-ups th:nth-child(2) { width: 42%; }
table.follow-ups th:nth-child(3) { width: 20%; } table.follow-ups th:nth-child(4) { width: 18%; }
table.follow-ups td:nth-child(5) { white-space: nowrap; }
.generated { text-align: right; color: #444; font-size: 14pt; margin-top: 6mm; }
"""


def _e(text: object) -> str:
    return html.escape(str(text or ""))


def render_html(view: SummaryView, *, fonts: FontMode = "embed") -> str:
    frame = PageFrame(fonts=fonts, line_height=1.45, margins="25mm 20mm 22mm 30mm", numbers="12pt", banner=banner(view))
    parts = [f"<h1>{_e(t('ip_doc.title', 'th'))}</h1>", f'<div class="subtitle">{_e(view.meeting.title_th)}</div>']
    parts += [f"<p><b>{_e(name)}:</b> {_e(value)}</p>" for name, value in _facts(view)]

    def section(key: str, texts: list[str]) -> None:
        parts.append(f"<h2>{_e(t(key, 'th'))}</h2>")
        parts.extend(f"<p>{_e(text)}</p>" for text in (texts or [t("ip_doc.none", "th")]))

    section("ip_doc.delegation", [f"{n}. {name} ({t(f'member_role.{role}', 'th')})"
                                  for n, (name, role) in enumerate(view.delegation, 1)])
    section("ip_doc.observers", [f"{n}. {name}" for n, name in enumerate(view.observers, 1)])
    if view.overview:
        section("ip_doc.overview", [view.overview])
    section("ip_doc.decisions", [view.key_decisions])
    parts.append(f"<h2>{_e(t('ip_doc.positions', 'th'))}</h2>")
    for number, (item, text, version, level) in enumerate(view.agenda, 1):
        mark = f'<span class="mark">[{_e(t(f"clearance.{level}", "th"))}]</span> ' if level else ""
        parts.append(f"<h3>{mark}{_e(number)}. {_e(item)}</h3>")
        if text:
            parts.append(f"<p>{_e(text)}</p><div class=\"meta\">{_e(t('ip_doc.version', 'th', n=version))}</div>")
        else:
            parts.append(f'<p class="meta">{_e(t("ip_doc.no_position", "th"))}</p>')
    if not view.agenda:
        parts.append(f"<p>{_e(t('ip_doc.none', 'th'))}</p>")
    section("ip_doc.resolutions", [f"{n}. {title} — {outcome} ({t(f'ip_vote.{vote}', 'th')})"
                                   for n, (title, outcome, vote) in enumerate(view.resolutions, 1)])
    section("ip_doc.interventions", [f"{speaker} ({format_date(day)}): {text}"
                                     for speaker, day, text, _ in view.interventions])
    head = "".join(f"<th>{_e(t(key, 'th'))}</th>" for key in FOLLOW_UP_HEADERS)
    body = "".join("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in _follow_up_rows(view))
    parts.append(f"<h2>{_e(t('ip_doc.follow_ups', 'th'))}</h2><table class=\"follow-ups\"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts.append(f'<div class="generated">{_e(t("ip_doc.generated", "th", day=format_date(view.generated_on or dt.date.today())))}</div>')
    return html_page(lang="th", title=f"{t('ip_doc.title', 'th')}: {view.meeting.title_th}", style=STYLE,
                     body="".join(parts), frame=frame)


def render_pdf(view: SummaryView) -> bytes:
    return html_to_pdf(render_html(view, fonts="file"))
