"""The programme of a visit (กำหนดการ) as DOCX (staff can still edit it) or PDF: day by day, time, activity,
place, dress code, who attends and the contact officer; in Thai, in English (for the guests) or both side by side.
The version it is, whether it is the latest, and the changes since the version before are stated at the top."""

from __future__ import annotations

from workbench.documents.visit_document_base import Doc, date_text, day_heading, render, time_range
from workbench.i18n import t
from workbench.services.visit_documents import Change, Programme

FIELD_KEYS = {"start": "vdoc.col.time", "end": "vdoc.col.time", "activity_th": "vdoc.col.activity",
              "activity_en": "vdoc.col.activity", "venue": "vdoc.col.venue", "dress_th": "vdoc.col.dress",
              "dress_en": "vdoc.col.dress"}


def _change_text(change: Change, lang: str) -> str:
    title = change.title_th if lang == "th" else change.title_en or change.title_th
    if lang == "both":
        title = f"{change.title_th} / {change.title_en}"
    fields = sorted({t(FIELD_KEYS[f], lang) for f in change.fields if f in FIELD_KEYS})
    text = f"{t(f'vdoc.change.{change.what}', lang)}: {title}"
    return text + (f" ({', '.join(fields)})" if fields else "")


def build(programme: Programme) -> Doc:
    lang = programme.lang
    page_lang = "en" if lang == "en" else "th"
    visit = programme.visit
    title = {"th": visit.title_th, "en": visit.title_en or visit.title_th,
             "both": f"{visit.title_th} / {visit.title_en}"}[lang]
    doc = Doc(lang=page_lang, title=f"{t('vdoc.programme', lang)}: {title}", classification=programme.classification,
              landscape=lang == "both")
    doc.add("title", t("vdoc.programme", lang))
    doc.add("subtitle", title)
    when = {code: f"{date_text(visit.start_date, code)} – {date_text(visit.end_date, code)}" for code in ("th", "en")}
    doc.add("subtitle", when["th"] if lang == "th" else when["en"] if lang == "en" else f"{when['th']} / {when['en']}")
    if programme.version is None:
        doc.add("mark", t("vdoc.draft", lang))
    else:
        state = t("vdoc.latest", lang) if programme.latest else ""
        issued = programme.generated_at.date()
        issued_text = date_text(issued, "th") if lang != "en" else date_text(issued, "en")
        doc.add("meta", f"{t('vdoc.version', lang, number=programme.version)} {state} · "
                        f"{t('vdoc.issued', lang)} {issued_text}")
    if programme.changes:
        doc.add("h3", t("vdoc.changes", lang))
        doc.add("bullets", items=[_change_text(c, lang) for c in programme.changes])
    for day, rows in programme.days():
        heading = day_heading(day, lang) if lang != "both" else f"{day_heading(day, 'th')} / {day_heading(day, 'en')}"
        doc.add("h2", heading)
        if lang == "both":
            headers = [t("vdoc.col.time", "both"), t("vdoc.col.activity", "th"), t("vdoc.col.activity", "en"),
                       t("vdoc.col.venue", "both"), t("vdoc.col.dress", "both"), t("vdoc.col.attendees", "both"),
                       t("vdoc.col.contact", "both")]
            table = [[time_range(r.start, r.end, "th"), r.activity_th, r.activity_en, r.venue,
                      " / ".join(x for x in (r.dress_th, r.dress_en) if x) or "–",
                      r.attendees_th or "–", r.contact_th or "–"] for r in rows]
            widths = [11, 17, 17, 14, 12, 19, 10]
        else:
            headers = [t(f"vdoc.col.{c}", lang) for c in ("time", "activity", "venue", "dress", "attendees", "contact")]
            table = [[time_range(r.start, r.end, lang), r.activity_th if lang == "th" else r.activity_en, r.venue,
                      (r.dress_th if lang == "th" else r.dress_en) or "–",
                      (r.attendees_th if lang == "th" else r.attendees_en) or "–",
                      (r.contact_th if lang == "th" else r.contact_en) or "–"] for r in rows]
            widths = [14, 26, 18, 12, 18, 12]
        doc.add("table", headers=headers, rows=table, widths=widths)
    return doc


def export_programme(programme: Programme, kind: str) -> bytes:
    return render(build(programme), kind)
