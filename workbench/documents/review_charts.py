"""Tables and charts of two report notebooks: the country monitoring digest (a region over a period) and the budget
review (a fiscal year). matplotlib with Thai set in Sarabun, B.E. years on the axes.

Input is what the services return (``monitoring.list_notes``, ``visits.list_visits``, ``budget_reports``); nothing
here reads the database or decides a rule: it selects by region, groups for display, labels and draws. Text typed by
users (note titles and summaries, line names) goes into tables as text: ``text_table`` escapes it for HTML."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any

from workbench.documents.administration_charts import INBOUND_COLOUR, TARGET_COLOUR, _figure, shown
from workbench.i18n import t
from workbench.models.base import Region
from workbench.thai import be_year, format_date, format_month_year

TEXT_COLUMNS = ("digest.col.topics", "digest.col.country", "digest.col.direction", "digest.col.status")
CATEGORY_COLOURS = ["#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6"]


def text_table(rows: list[dict[str, Any]], *, left: tuple[str, ...] = ()) -> Any:
    """A pandas Styler of ``rows`` without the index, every cell's text escaped (user text stays text); the
    columns named in ``left`` (by their label key) are aligned left, as text is (figures stay right)."""
    import pandas as pd

    frame = pd.DataFrame(rows)
    styler = frame.style.hide(axis="index").format(escape="html")
    columns = [t(key) for key in left if t(key) in frame.columns]
    return styler.set_properties(subset=columns, **{"text-align": "left"}) if columns else styler


def region_of(text: str) -> Region:
    """A region from its code (``asia``) or its Thai or English label (``เอเชีย``, ``Asia``)."""
    wanted = " ".join((text or "").split()).casefold()
    for region in Region:
        if wanted in {region.value, t(f"region.{region.value}", "th").casefold(),
                      t(f"region.{region.value}", "en").casefold()}:
            return region
    from workbench.errors import ValidationError

    choices = ", ".join(r.value for r in Region)
    raise ValidationError(f"ไม่รู้จักภูมิภาค {text!r} (ใช้ {choices})", f"unknown region {text!r} (use {choices})",
                          field="region")


def months_between(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    months: list[tuple[int, int]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


# --- the country monitoring digest -----------------------------------------------------------------------------

def region_notes(notes: list[Any], countries: list[Any], region: Region) -> list[dict[str, Any]]:
    """The notes on countries of ``region``, newest first, with their country's names."""
    names = {c.id: c for c in countries if c.region == region}
    rows = [{"note": n, "country": names[n.country_id]} for n in notes if n.country_id in names]
    return sorted(rows, key=lambda r: (r["note"].noted_on, r["note"].id), reverse=True)


def region_visits(visits: list[Any], countries: list[Any], region: Region) -> list[dict[str, Any]]:
    """The visits with countries of ``region``, earliest first, with their country."""
    names = {c.id: c for c in countries if c.region == region}
    rows = [{"visit": v, "country": names[v.country_id]} for v in visits if v.country_id in names]
    return sorted(rows, key=lambda r: (r["visit"].start_date, r["visit"].id))


def digest_classification(notes: list[dict[str, Any]], visits: list[dict[str, Any]]) -> int:
    return max([int(r["note"].classification) for r in notes] + [int(r["visit"].classification) for r in visits],
               default=0)


def country_rows(notes: list[dict[str, Any]], visits: list[dict[str, Any]], lang: str = "th"
                 ) -> list[dict[str, Any]]:
    """Per country of the digest: its notes, what they are about (notes per category) and its visits; most notes
    first."""
    from workbench.models.briefing import NoteCategory

    by_country: dict[int, Counter[str]] = {}
    names: dict[int, str] = {}
    for row in notes:
        country = row["country"]
        names[country.id] = country.display_name(lang)
        by_country.setdefault(country.id, Counter())[row["note"].category.value] += 1
    visit_count = Counter(r["country"].id for r in visits)
    for row in visits:
        country = row["country"]
        names.setdefault(country.id, country.display_name(lang))
        by_country.setdefault(country.id, Counter())
    order = sorted(by_country, key=lambda c: (-sum(by_country[c].values()), -visit_count[c], names[c]))
    rows = []
    for country_id in order:
        counts = by_country[country_id]
        topics = ", ".join(f"{t(f'note_category.{c.value}', lang)} {counts[c.value]}" for c in NoteCategory
                           if counts[c.value])
        rows.append({t("digest.col.country", lang): names[country_id],
                     t("digest.col.notes", lang): sum(counts.values()),
                     t("digest.col.visits", lang): visit_count[country_id],
                     t("digest.col.topics", lang): topics or "-"})
    return rows


def notes_html(notes: list[dict[str, Any]], lang: str = "th") -> str:
    """The notes, newest first, each as a short paragraph: date, country and category in bold, then the title and
    the summary. Every piece of user text is escaped."""
    import html

    parts = []
    for row in notes:
        note, country = row["note"], row["country"]
        head = " · ".join([format_date(note.noted_on, style="abbr"),
                           country.display_name(lang),
                           t(f"note_category.{note.category.value}", lang)])
        summary = f"<br>{html.escape(note.summary)}" if note.summary.strip() else ""
        parts.append(f'<p class="wb-note"><b>{html.escape(head)}</b> — {html.escape(note.title)}{summary}</p>')
    return "\n".join(parts)


def visit_rows(visits: list[dict[str, Any]], lang: str = "th") -> list[dict[str, str]]:
    rows = []
    for row in visits:
        visit, country = row["visit"], row["country"]
        rows.append({t("digest.col.title", lang): visit.title_th if lang == "th" else (visit.title_en or visit.title_th),
                     t("digest.col.country", lang): country.display_name(lang),
                     t("digest.col.direction", lang): t(f"direction.{visit.direction.value}", lang),
                     t("digest.col.date", lang): f"{format_date(visit.start_date, style='abbr')} – "
                                                  f"{format_date(visit.end_date, style='abbr')}",
                     t("digest.col.status", lang): t(f"visit_status.{visit.status.value}", lang)})
    return rows


def notes_figure(notes: list[dict[str, Any]], start: dt.date, end: dt.date, region: Region, lang: str = "th"):
    """Notes per month of the period, stacked by category; months in Thai with B.E. years."""
    from workbench.models.briefing import NoteCategory

    months = months_between(start, end)
    figure = _figure(max(8, 0.7 * len(months)), 4.2)
    axes = figure.subplots()
    positions = list(range(len(months)))
    bottom = [0] * len(months)
    for category, colour in zip(NoteCategory, CATEGORY_COLOURS, strict=True):
        counts = Counter((r["note"].noted_on.year, r["note"].noted_on.month) for r in notes
                         if r["note"].category == category)
        heights = [counts[m] for m in months]
        if any(heights):
            axes.bar(positions, heights, bottom=bottom, color=colour, width=0.6,
                     label=t(f"note_category.{category.value}", lang))
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_xticks(positions, [format_month_year(y, m, abbr=True) for y, m in months], rotation=45, ha="right")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_ylabel(t("digest.axis.notes", lang))
    axes.set_title(t("digest.chart.notes", lang, region=t(f"region.{region.value}", lang),
                     start=be_year(start.year), end=be_year(end.year)))
    if any(bottom):
        axes.legend(fontsize=9)
    return figure


# --- the budget review ----------------------------------------------------------------------------------------

ALLOCATION_COLUMNS = ("allocated", "allotted", "available")
USE_COLUMNS = ("committed", "disbursed", "disbursed_percent")


def line_rows(summary: Any, columns: tuple[str, ...] = ALLOCATION_COLUMNS, lang: str = "th") -> list[dict[str, str]]:
    """Per budget line ("code name") and the total, the chosen figures (``ALLOCATION_COLUMNS``: allocated, allotted,
    available; ``USE_COLUMNS``: committed, disbursed, % disbursed): two tables that fit an A4 page."""
    from workbench.documents.budget_export import COLUMNS, headers, summary_rows

    names = dict(zip(COLUMNS, headers(lang), strict=True))
    return [{names["name"]: f"{row['code']} {row['name']}" if row["code"] != "TOTAL" else row["name"],
             **{names[key]: shown(row[key]) for key in columns}} for row in summary_rows(summary, lang=lang)]


def forecast_rows(forecast: Any, lang: str = "th") -> list[dict[str, str]]:
    figures = [("budget_review.on", format_date(forecast.on)),
               ("budget_review.days", f"{forecast.days_elapsed:,} / {forecast.days_in_year:,}"),
               ("admin.stat.budget_allocated", shown(forecast.allocated)),
               ("budget_review.disbursed", shown(forecast.disbursed)),
               ("budget_review.used", shown(forecast.used)),
               ("budget_review.projected", shown(forecast.projected_disbursed)),
               ("budget_review.projected_percent", shown(forecast.projected_disbursed_percent)),
               ("budget_review.unspent", shown(forecast.unspent))]
    return [{t("admin.col.figure", lang): t(key, lang), t("admin.col.value", lang): value} for key, value in figures]


def warning_texts(found: list[Any], lang: str = "th") -> list[str]:
    """The budget's warnings in words (the budget dashboard's labels)."""
    texts = []
    for warning in found:
        values = {k: shown(v) if isinstance(v, Decimal) else v for k, v in warning.values.items()}
        texts.append(t(f"budget.warn.{warning.kind}", lang, **values))
    return texts


def curve_figure(summary: Any, curve: list[tuple[dt.date, Decimal]], quarter_targets: list[Any],
                 lang: str = "th"):
    """Cumulative share of the allocation disbursed through the year, with the quarter-end targets."""
    first, last = summary.first_day, summary.last_day
    figure = _figure(9, 4.2)
    axes = figure.subplots()
    allocated = summary.totals.allocated
    days = [first - dt.timedelta(days=1)] + [day for day, _ in curve]
    shares = [0.0] + [float(amount * 100 / allocated) if allocated else 0.0 for _, amount in curve]
    axes.step([(d - first).days for d in days], shares, where="post", color=INBOUND_COLOUR,
              label=t("admin.stat.budget_disbursed_percent", lang))
    if quarter_targets:
        axes.plot([-1] + [(q.end - first).days for q in quarter_targets],
                  [0.0] + [float(q.percent) for q in quarter_targets], marker="s", linestyle="--",
                  color=TARGET_COLOUR, label=t("admin.stat.budget_target_percent", lang))
    months = months_between(first, last)
    axes.set_xticks([(dt.date(y, m, 1) - first).days for y, m in months],
                    [format_month_year(y, m, abbr=True) for y, m in months], rotation=45, ha="right")
    axes.set_xlim(-3, (last - first).days + 3)
    axes.set_ylim(0, 105)
    axes.set_ylabel("%")
    axes.set_title(t("budget_review.chart.curve", lang, year=summary.fiscal_year))
    axes.legend()
    return figure


def lines_figure(summary: Any, lang: str = "th"):
    """Each line's allocation beside what is committed and disbursed (baht, horizontal bars)."""
    lines = list(summary.lines)
    figure = _figure(9, max(3.2, 0.55 * len(lines) + 1.6))
    axes = figure.subplots()
    positions = list(range(len(lines)))
    axes.barh([p - 0.27 for p in positions], [float(f.allocated) / 1e6 for f in lines], height=0.27,
              color="#bdd7ee", label=t("budget.col.allocated", lang))
    axes.barh(positions, [float(f.committed) / 1e6 for f in lines], height=0.27, color=TARGET_COLOUR,
              label=t("budget.col.committed", lang))
    axes.barh([p + 0.27 for p in positions], [float(f.disbursed) / 1e6 for f in lines], height=0.27,
              color=INBOUND_COLOUR, label=t("budget.col.disbursed", lang))
    axes.set_yticks(positions, [f.line.code for f in lines])
    axes.invert_yaxis()
    axes.xaxis.set_major_formatter(lambda value, _pos: f"{value:,.1f}")
    axes.set_xlabel(t("budget_review.axis.baht", lang))
    axes.set_title(t("budget_review.chart.lines", lang, year=summary.fiscal_year))
    axes.legend(fontsize=9)
    return figure
