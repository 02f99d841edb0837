"""Tables and charts of the administration reports (matplotlib, Thai set in Sarabun, B.E. years on the axes).

Input is what ``services.administration.statistics`` returns; nothing here reads the database or decides a rule:
it labels, groups for display and draws."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any

from workbench.i18n import t
from workbench.thai import be_year, format_baht, format_month_year

INBOUND_COLOUR, OUTBOUND_COLOUR, TARGET_COLOUR = "#1f4e79", "#c55a11", "#7f7f7f"
NOT_AVAILABLE = "ไม่มีข้อมูล (n/a)"


def _figure(width: float = 9, height: float = 4.2):
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    from workbench.documents.briefing_charts import use_thai_font

    use_thai_font()
    matplotlib.rcParams["font.size"] = 12
    return Figure(figsize=(width * 0.85, height * 0.95), dpi=110, layout="constrained")


def shown(value: Any) -> str:
    """A figure as the reports print it: counts as integers, money with commas, absent sources as n/a."""
    if value is None:
        return NOT_AVAILABLE
    if isinstance(value, Decimal):
        return format_baht(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def quarter_label(fiscal_year_be: int, quarter: int, lang: str = "th") -> str:
    """'ไตรมาส 1 (ต.ค.–ธ.ค. 2569)': the months and the B.E. year of a quarter of the fiscal year."""
    from workbench.thai import fiscal_quarter_bounds

    first, last = fiscal_quarter_bounds(fiscal_year_be, quarter)
    start = format_month_year(first.year, first.month, abbr=True).rsplit(" ", 1)[0]
    end = format_month_year(last.year, last.month, abbr=True)
    return f"{t('admin.quarter', lang)} {quarter}\n({start}–{end})"


def statistics_rows(stats: Any, lang: str = "th") -> list[dict[str, str]]:
    """The quarter's figures as rows of (figure, value) with Thai labels."""
    figures = [
        ("admin.stat.inbound_visits", stats.inbound_visits), ("admin.stat.outbound_visits", stats.outbound_visits),
        ("admin.stat.courtesy_calls", stats.courtesy_calls), ("admin.stat.receptions", stats.receptions),
        ("admin.stat.briefs", stats.briefs), ("admin.stat.documents_registered", stats.documents_registered),
        ("admin.stat.meetings_attended", stats.meetings_attended),
        ("admin.stat.budget_allocated", stats.budget_allocated),
        ("admin.stat.budget_disbursed", stats.budget_disbursed),
        ("admin.stat.budget_disbursed_percent", stats.budget_disbursed_percent),
        ("admin.stat.budget_target_percent", stats.budget_target_percent),
    ]
    return [{t("admin.col.figure", lang): t(key, lang), t("admin.col.value", lang): shown(value)}
            for key, value in figures]


def region_rows(stats: Any, lang: str = "th") -> list[dict[str, Any]]:
    rows = []
    for region in stats.inbound_by_region:
        inbound, outbound = stats.inbound_by_region[region], stats.outbound_by_region.get(region, 0)
        rows.append({t("admin.col.region", lang): t(f"region.{region}", lang),
                     t("direction.inbound", lang): inbound, t("direction.outbound", lang): outbound,
                     t("admin.col.total", lang): inbound + outbound})
    return rows


def region_figure(stats: Any, lang: str = "th"):
    figure = _figure(9, 4)
    axes = figure.subplots()
    regions = list(stats.inbound_by_region)
    positions = list(range(len(regions)))
    axes.bar([p - 0.2 for p in positions], [stats.inbound_by_region[r] for r in regions], width=0.4,
             color=INBOUND_COLOUR, label=t("direction.inbound", lang))
    axes.bar([p + 0.2 for p in positions], [stats.outbound_by_region.get(r, 0) for r in regions], width=0.4,
             color=OUTBOUND_COLOUR, label=t("direction.outbound", lang))
    axes.set_xticks(positions, [t(f"region.{r}", lang) for r in regions])
    axes.set_ylabel(t("admin.axis.visits", lang))
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_title(t("admin.chart.visits_by_region", lang) + " · " + quarter_label(stats.fiscal_year, stats.quarter,
                                                                                     lang).replace("\n", " "))
    axes.legend()
    return figure


def activity_rows(quarters: list[Any], lang: str = "th") -> list[dict[str, Any]]:
    keys = ["inbound_visits", "outbound_visits", "courtesy_calls", "receptions", "briefs", "documents_registered",
            "meetings_attended"]
    rows = []
    for key in keys:
        row: dict[str, Any] = {t("admin.col.figure", lang): t(f"admin.stat.{key}", lang)}
        values = [getattr(q, key) for q in quarters]
        for q, value in zip(quarters, values, strict=True):
            row[f"{t('admin.quarter', lang)} {q.quarter}"] = shown(value)
        row[t("admin.col.total", lang)] = shown(None if any(v is None for v in values) else sum(values))
        rows.append(row)
    return rows


def activity_figure(quarters: list[Any], lang: str = "th"):
    """Visits, calls, receptions and briefs per quarter of the year (grouped bars)."""
    figure = _figure(10, 4.4)
    axes = figure.subplots()
    keys = ["inbound_visits", "outbound_visits", "courtesy_calls", "receptions", "briefs"]
    colours = [INBOUND_COLOUR, OUTBOUND_COLOUR, "#548235", "#7030a0", "#bf9000"]
    width = 0.16
    for number, (key, colour) in enumerate(zip(keys, colours, strict=True)):
        axes.bar([q.quarter + (number - 2) * width for q in quarters], [getattr(q, key) for q in quarters],
                 width=width, color=colour, label=t(f"admin.stat.{key}", lang))
    axes.set_xticks([q.quarter for q in quarters], [quarter_label(q.fiscal_year, q.quarter, lang) for q in quarters])
    axes.set_ylabel(t("admin.axis.count", lang))
    axes.yaxis.get_major_locator().set_params(integer=True)
    if quarters:
        axes.set_title(t("admin.chart.activities", lang, year=quarters[0].fiscal_year))
    axes.legend(fontsize=9, ncols=3)
    return figure


def budget_rows(quarters: list[Any], lang: str = "th") -> list[dict[str, str]]:
    return [{t("admin.col.quarter", lang): quarter_label(q.fiscal_year, q.quarter, lang).replace("\n", " "),
             t("admin.stat.budget_allocated", lang): shown(q.budget_allocated),
             t("admin.stat.budget_disbursed", lang): shown(q.budget_disbursed),
             t("admin.stat.budget_disbursed_percent", lang): shown(q.budget_disbursed_percent),
             t("admin.stat.budget_target_percent", lang): shown(q.budget_target_percent)} for q in quarters]


def budget_figure(quarters: list[Any], lang: str = "th"):
    """Cumulative share of the budget disbursed at each quarter's end against the government's target."""
    figure = _figure(9, 4)
    axes = figure.subplots()
    known = [q for q in quarters if q.budget_disbursed_percent is not None]
    axes.plot([q.quarter for q in known], [float(q.budget_disbursed_percent) for q in known], marker="o",
              color=INBOUND_COLOUR, label=t("admin.stat.budget_disbursed_percent", lang))
    targets = [q for q in quarters if q.budget_target_percent is not None]
    axes.plot([q.quarter for q in targets], [float(q.budget_target_percent) for q in targets], marker="s",
              linestyle="--", color=TARGET_COLOUR, label=t("admin.stat.budget_target_percent", lang))
    axes.set_xticks([q.quarter for q in quarters], [quarter_label(q.fiscal_year, q.quarter, lang) for q in quarters])
    axes.set_ylim(0, 105)
    axes.set_ylabel("%")
    if quarters:
        axes.set_title(t("admin.chart.budget", lang, year=quarters[0].fiscal_year))
    axes.legend()
    return figure


def target_text(value: Decimal) -> str:
    """A plan target: a whole count without decimals (12), a share with them (77.50)."""
    return f"{int(value):,}" if value == value.to_integral_value() else format_baht(value)


def plan_rows(rows: list[dict[str, Any]], lang: str = "th") -> list[dict[str, str]]:
    out = []
    for row in rows:
        out.append({t("admin.col.plan_item", lang): f"{row['code']} {row['title_th'] if lang == 'th' else row['title_en']}",
                    t("admin.col.target", lang): target_text(row["target"]),
                    **{f"{t('admin.quarter', lang)} {q}": shown(row[f"q{q}"]) for q in (1, 2, 3, 4)},
                    t("admin.col.actual", lang): shown(row["actual"]),
                    t("admin.col.reached", lang): shown(row["reached_percent"])})
    return out


def count_by(rows: list[dict[str, Any]], key: str, *, label_prefix: str | None = None, lang: str = "th"
             ) -> list[dict[str, Any]]:
    """Visit rows counted by one key (inbound and outbound side by side), largest first."""
    inbound = Counter(r[key] for r in rows if r["direction"] == "inbound")
    outbound = Counter(r[key] for r in rows if r["direction"] == "outbound")
    keys = sorted(set(inbound) | set(outbound), key=lambda k: (-(inbound[k] + outbound[k]), str(k)))
    label = t(f"admin.col.{key}", lang)
    return [{label: (t(f"{label_prefix}.{k}", lang) if label_prefix else (k or "-")),
             t("direction.inbound", lang): inbound[k], t("direction.outbound", lang): outbound[k],
             t("admin.col.total", lang): inbound[k] + outbound[k]} for k in keys]


def monthly_figure(rows: list[dict[str, Any]], start: dt.date, end: dt.date, lang: str = "th"):
    """Visits per month of the period, inbound and outbound; months labelled in Thai with B.E. years."""
    months: list[tuple[int, int]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    inbound = Counter((r["start_date"].year, r["start_date"].month) for r in rows if r["direction"] == "inbound")
    outbound = Counter((r["start_date"].year, r["start_date"].month) for r in rows if r["direction"] == "outbound")
    figure = _figure(max(8, 0.7 * len(months)), 4)
    axes = figure.subplots()
    positions = list(range(len(months)))
    axes.bar([p - 0.2 for p in positions], [inbound[m] for m in months], width=0.4, color=INBOUND_COLOUR,
             label=t("direction.inbound", lang))
    axes.bar([p + 0.2 for p in positions], [outbound[m] for m in months], width=0.4, color=OUTBOUND_COLOUR,
             label=t("direction.outbound", lang))
    axes.set_xticks(positions, [format_month_year(y, m, abbr=True) for y, m in months], rotation=45, ha="right")
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_ylabel(t("admin.axis.visits", lang))
    axes.set_title(t("admin.chart.monthly", lang, start=be_year(start.year), end=be_year(end.year)))
    axes.legend()
    return figure
