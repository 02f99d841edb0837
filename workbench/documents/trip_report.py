"""The trip report (รายงานผลการเดินทาง) of an outbound visit, or the summary (สรุปผลการเยือน) of an inbound one,
as DOCX or PDF, in Thai: the visit, the delegation, the analyst's narrative, each engagement with its record of
conversation and follow-ups, and the budget actually spent against the estimate (the budget services' figures)."""

from __future__ import annotations

from workbench.documents.visit_document_base import Doc, date_text, render, time_range
from workbench.i18n import t
from workbench.services.visit_documents import TripReport
from workbench.thai import format_baht, format_date

L = "th"


def _money(amount) -> str:
    return format_baht(amount)


def build(report: TripReport) -> Doc:
    visit = report.visit
    kind = "vdoc.trip_report" if report.outbound else "vdoc.visit_summary"
    doc = Doc(lang=L, title=f"{t(kind, L)}: {visit.title_th}", classification=report.classification)
    doc.add("title", t(kind, L))
    doc.add("subtitle", visit.title_th)
    doc.add("subtitle", f"{report.country_th} · {date_text(visit.start_date, L)} – {date_text(visit.end_date, L)}")
    if report.version is None:
        doc.add("mark", t("vdoc.draft", L))
    else:
        doc.add("meta", f"{t('vdoc.version', L, number=report.version)} {t('vdoc.latest', L) if report.latest else ''}"
                        f" · {t('vdoc.issued', L)} {format_date(report.generated_at.date())}")
    doc.add("h2", t("vdoc.report.delegation", L))
    if report.delegation:
        doc.add("table", headers=[t("vdoc.col.no", L), t("vdoc.col.name", L), t("vdoc.col.role", L)],
                rows=[[str(i), th, t(f"member_role.{role}", L)] for i, (th, _en, role) in enumerate(report.delegation, 1)],
                widths=[8, 60, 32])
    else:
        doc.add("p", "–")
    narrative = report.narrative
    doc.add("h2", t("vdoc.report.summary", L))
    doc.add("p", narrative.summary if narrative else t("vdoc.report.no_narrative", L))
    if narrative and narrative.outcomes:
        doc.add("h2", t("vdoc.report.outcomes", L))
        doc.add("p", narrative.outcomes)
    doc.add("h2", t("vdoc.report.engagements", L))
    for part in report.engagements:
        e = part.engagement
        mark = f"[{t(f'clearance.{max(int(e.classification), part.record_classification)}', L)}] " \
            if max(int(e.classification), part.record_classification) else ""
        doc.add("h3", f"{mark}{format_date(e.start.date())} {time_range(e.start, e.end, L)} {e.title_th}")
        details = [t(f"engagement_kind.{e.kind}", L)] + ([e.venue] if e.venue else [])
        doc.add("meta", " · ".join(details))
        if part.record_summary:
            if part.record_topics:
                doc.add("p", f"{t('vdoc.report.topics', L)}: {part.record_topics}")
            doc.add("p", part.record_summary)
        if part.follow_ups:
            doc.add("bullets", items=[
                " · ".join(x for x in (action, owner, format_date(due) if due else "",
                                       t("vdoc.report.done", L) if done else t("vdoc.report.open", L)) if x)
                for action, owner, due, done in part.follow_ups])
    doc.add("h2", t("vdoc.report.budget", L))
    if report.budget is None:
        doc.add("meta", t("vdoc.report.budget_hidden", L))
    elif not report.budget:
        doc.add("meta", t("vdoc.report.budget_none", L))
    else:
        total = report.budget_total()
        rows = [[r.label_th, _money(r.estimate), _money(r.committed), _money(r.spent), _money(r.difference)]
                for r in report.budget + [total]]
        doc.add("table", headers=[t("vdoc.col.item", L), t("vdoc.col.estimate", L), t("vdoc.col.committed", L),
                                  t("vdoc.col.spent", L), t("vdoc.col.difference", L)], rows=rows,
                widths=[36, 16, 16, 16, 16])
        doc.add("meta", t("vdoc.report.budget_note", L))
    if narrative and narrative.recommendations:
        doc.add("h2", t("vdoc.report.recommendations", L))
        doc.add("p", narrative.recommendations)
    return doc


def export_report(report: TripReport, kind: str) -> bytes:
    return render(build(report), kind)
