"""BudgetCurveChart: the year's cumulative disbursement (% of the allocation) against the quarterly targets,
with the linear year-end projection; a PNG drawn by matplotlib with Thai labels (Sarabun)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import ipywidgets as widgets
from traitlets import Int

from workbench.i18n import t
from workbench.services.budget_reports import Forecast, QuarterTarget, YearSummary, percent
from workbench.thai import THAI_MONTHS_ABBR, be_year

_FONT_READY = False


def thai_font() -> str:
    """Register the Sarabun fonts shipped by ``fontpkg-sarabun`` with matplotlib (once); the family name."""
    global _FONT_READY
    import fontpkg_sarabun
    from matplotlib import font_manager

    if not _FONT_READY:
        for style in ("Regular", "Bold"):
            font_manager.fontManager.addfont(str(fontpkg_sarabun.ROOT / "files" / f"Sarabun-{style}.ttf"))
        _FONT_READY = True
    return fontpkg_sarabun.FAMILY


def month_label(day: dt.date) -> str:
    return f"{THAI_MONTHS_ABBR[day.month]} {str(be_year(day.year))[-2:]}"


class BudgetCurveChart(widgets.VBox):
    """Public state: ``points`` (number of points on the actual curve; 0 before anything is shown)."""

    points = Int(0)

    def __init__(self) -> None:
        self.heading = widgets.HTML("")
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="760px"))
        super().__init__([self.heading, self.image])
        self.add_class("wb-budget-chart")

    def show(self, summary: YearSummary, curve: list[tuple[dt.date, Decimal]], quarter_targets: list[QuarterTarget],
             forecast: Forecast) -> None:
        import html

        import matplotlib

        matplotlib.use("Agg")
        from matplotlib.figure import Figure

        family = thai_font()
        allocated = summary.totals.allocated
        figure = Figure(figsize=(7.6, 3.8), dpi=100)
        axes = figure.add_subplot()
        xs = [day for day, _ in curve]
        ys = [float(percent(amount, allocated)) for _, amount in curve]
        axes.step(xs, ys, where="post", color="#1f4e79", linewidth=2, label=t("budget.chart.actual"))
        if quarter_targets:
            target_days = [summary.first_day] + [q.end for q in quarter_targets]
            target_values = [0.0] + [float(q.percent) for q in quarter_targets]
            axes.plot(target_days, target_values, color="#b71c1c", linestyle="--", marker="o",
                      label=t("budget.chart.target"))
            for q in quarter_targets:
                axes.annotate(f"{q.percent:.0f}%", (q.end, float(q.percent)), textcoords="offset points",
                              xytext=(-4, 6), ha="right", fontsize=8, family=family, color="#b71c1c")
        if summary.on < summary.last_day and allocated:
            axes.plot([summary.on, summary.last_day], [ys[-1], float(forecast.projected_disbursed_percent)],
                      color="#1f4e79", linestyle=":", label=t("budget.chart.forecast"))
        ticks = [dt.date(summary.first_day.year + (m + 9) // 12, (m + 9) % 12 + 1, 1) for m in range(12)]
        axes.set_xticks(ticks, [month_label(day) for day in ticks], fontsize=8, family=family)
        axes.set_xlim(summary.first_day, summary.last_day)
        axes.set_ylim(0, 105)
        axes.set_ylabel(t("budget.chart.y"), family=family)
        axes.set_title(t("budget.chart.title", year=summary.fiscal_year), family=family)
        axes.grid(alpha=0.3)
        axes.legend(prop={"family": family, "size": 8}, loc="upper left")
        figure.subplots_adjust(left=0.09, right=0.98, top=0.9, bottom=0.12)
        out = io.BytesIO()
        figure.savefig(out, format="png")
        self.image.value = out.getvalue()
        self.points = len(curve)
        self.heading.value = f"<h3>{html.escape(t('budget.chart.heading'))}</h3>"

    def reset(self) -> None:
        self.image.value = b""
        self.points = 0
