"""Charts for the inter-parliamentary notebook (matplotlib, Thai in Sarabun, years in B.E.): follow-up completion
per year and Thailand's participation per year and organisation. Input comes from
``services.interparliamentary.stats``; nothing here reads the database."""

from __future__ import annotations

from typing import Any

from workbench.documents.briefing_charts import use_thai_font

COLOURS = {"done": "#2e7d32", "open": "#e65100", "cancelled": "#9e9e9e"}
ORG_COLOURS = ["#1f4e79", "#6a1b9a", "#00695c", "#ad1457", "#558b2f"]


def follow_up_figure(rows: list[dict[str, Any]], *, lang: str = "th"):
    """Stacked bars of follow-ups done / open / cancelled per B.E. year of the meeting."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    use_thai_font()
    labels = {"done": ("ดำเนินการแล้ว", "Done"), "open": ("ยังไม่แล้วเสร็จ", "Open"), "cancelled": ("ยกเลิก", "Cancelled")}
    figure = Figure(figsize=(8, 4.2), layout="constrained")
    axes = figure.subplots()
    years = [str(r["year_be"]) for r in rows]
    bottom = [0] * len(rows)
    for key in ("done", "open", "cancelled"):
        values = [r[key] for r in rows]
        axes.bar(years, values, bottom=bottom, color=COLOURS[key], label=labels[key][0 if lang == "th" else 1])
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_title("การดำเนินการตามเรื่องที่ต้องติดตาม รายปี (พ.ศ.)" if lang == "th" else "Follow-ups per year (B.E.)")
    axes.set_xlabel("ปี พ.ศ." if lang == "th" else "Year (B.E.)")
    axes.set_ylabel("จำนวนเรื่อง" if lang == "th" else "Follow-ups")
    axes.legend()
    return figure


def participation_figure(rows: list[dict[str, Any]], *, lang: str = "th"):
    """Grouped bars: Thai delegates sent per B.E. year, one bar per organisation."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    use_thai_font()
    years = sorted({r["year_be"] for r in rows})
    orgs = sorted({r["organization"] for r in rows})
    figure = Figure(figsize=(8, 4.2), layout="constrained")
    axes = figure.subplots()
    width = 0.8 / max(len(orgs), 1)
    for index, org in enumerate(orgs):
        values = [sum(r["delegates"] for r in rows if r["year_be"] == y and r["organization"] == org) for y in years]
        axes.bar([i + index * width for i in range(len(years))], values, width=width, label=org,
                 color=ORG_COLOURS[index % len(ORG_COLOURS)])
    axes.set_xticks([i + width * (len(orgs) - 1) / 2 for i in range(len(years))], [str(y) for y in years])
    axes.set_title("การเข้าร่วมประชุมของคณะผู้แทนไทย (จำนวนผู้แทน) รายปี พ.ศ." if lang == "th"
                   else "Thai delegates at meetings per year (B.E.)")
    axes.set_xlabel("ปี พ.ศ." if lang == "th" else "Year (B.E.)")
    axes.set_ylabel("จำนวนผู้แทน" if lang == "th" else "Delegates")
    axes.legend()
    return figure
