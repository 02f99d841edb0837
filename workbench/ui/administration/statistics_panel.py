"""StatisticsPanel: the quarter's figures computed by the statistics service, the visits-by-region chart, and a
button that produces the quarterly report (the ``quarterly_statistics`` notebook, run for the signed-in user and
exported as PDF or HTML) with progress and a download link."""

from __future__ import annotations

import datetime as dt
import html
import io
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench.db import new_session
from workbench.documents import administration_charts as charts
from workbench.i18n import t
from workbench.services.administration import statistics
from workbench.thai import fiscal_quarter, fiscal_year
from workbench.ui.administration.list_table import ListTable
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.download_link import DownloadLink
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

MEDIA = {"pdf": "application/pdf", "html": "text/html"}
REPORT = "quarterly_statistics"


def figure_png(figure: Any) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90)
    return buffer.getvalue()


class StatisticsPanel(widgets.VBox):
    """Public state: ``fiscal_year`` and ``quarter`` shown; ``stats`` holds the last figures computed."""

    fiscal_year = Int(0)
    quarter = Int(1)

    def __init__(self, engine: Engine, user: Any, *, notice: Notice, today: dt.date) -> None:
        self.engine, self.user, self.notice, self.today = engine, user, notice, today
        self.stats: statistics.QuarterStatistics | None = None
        current = fiscal_year(today)
        self.year = widgets.Dropdown(description=t("field.fiscal_year"), style=DESCRIPTION_STYLE,
                                     options=[(str(y), y) for y in range(current - 2, current + 2)], value=current)
        self.quarter_choice = widgets.Dropdown(description=t("field.quarter"), style=DESCRIPTION_STYLE,
                                               options=[1, 2, 3, 4], value=fiscal_quarter(today))
        self.period = widgets.Label("")
        self.table = ListTable([("figure", t("admin.col.figure")), ("value", t("admin.col.value"))],
                               filename="quarter_statistics", notice=notice)
        self.regions = ListTable([("region", t("admin.col.region")), ("inbound", t("direction.inbound")),
                                  ("outbound", t("direction.outbound"))], filename="visits_by_region", notice=notice)
        self.chart = widgets.Image(format="png", layout=widgets.Layout(max_width="820px"))
        self.format = widgets.Dropdown(description=t("admin.report.format"), options=[("PDF", "pdf"), ("HTML", "html")],
                                       value="pdf", style=DESCRIPTION_STYLE)
        self.report_button = widgets.Button(description=t("admin.report.make"), button_style="primary", layout=widgets.Layout(width="auto"))
        self.progress = widgets.IntProgress(value=0, min=0, max=1, layout=widgets.Layout(width="200px",
                                                                                        visibility="hidden"))
        self.progress_text = widgets.Label("")
        self.download = DownloadLink()
        super().__init__([widgets.HTML(f"<h3>{html.escape(t('admin.stats.heading'))}</h3>"),
                          widgets.HBox([self.year, self.quarter_choice, self.period]), self.table, self.regions,
                          self.chart, widgets.HBox([self.format, self.report_button, self.progress,
                                                    self.progress_text]), self.download])
        self.add_class("wb-admin-statistics")
        guard = guarded(notice)
        self.year.observe(guard(lambda _c: self.refresh()), names="value")
        self.quarter_choice.observe(guard(lambda _c: self.refresh()), names="value")
        self.report_button.on_click(guard(lambda _b: self.make_report()))

    def refresh(self) -> None:
        self.fiscal_year, self.quarter = self.year.value, self.quarter_choice.value
        with new_session(self.engine) as session:
            stats = statistics.quarter_statistics(session, fiscal_year=self.fiscal_year, quarter=self.quarter,
                                                  actor=self.user, today=self.today)
        self.stats = stats
        self.period.value = charts.quarter_label(stats.fiscal_year, stats.quarter).replace("\n", " ")
        first, value = t("admin.col.figure"), t("admin.col.value")
        self.table.show([{"figure": r[first], "value": r[value]} for r in charts.statistics_rows(stats)])
        self.regions.show([{"region": t(f"region.{r}"), "inbound": n, "outbound": stats.outbound_by_region[r]}
                           for r, n in stats.inbound_by_region.items()])
        self.chart.value = figure_png(charts.region_figure(stats))
        self.download.reset()

    def _progress(self, number: int, total: int) -> None:
        self.progress.max, self.progress.value = total, number
        self.progress_text.value = t("admin.report.progress", n=number, total=total)

    def make_report(self) -> None:
        from workbench.documents import reports

        url = self.engine.url.render_as_string(hide_password=False)
        parameters = [f"fiscal_year={self.year.value}", f"quarter={self.quarter_choice.value}",
                      f"database_url={url}", f"as_user={getattr(self.user, 'username', '')}"]
        self.progress.layout.visibility = "visible"
        self.report_button.disabled = True
        try:
            result = reports.run_report(REPORT, parameters, progress=self._progress, today=self.today)
            payload = reports.render(result, self.format.value)
        finally:
            self.report_button.disabled = False
            self.progress.layout.visibility = "hidden"
        filename = f"quarterly_statistics_{self.year.value}_q{self.quarter_choice.value}.{self.format.value}"
        self.download.offer(payload, filename=filename, media_type=MEDIA[self.format.value],
                            text=t("admin.download", filename=filename))
        self.progress_text.value = t("admin.report.ready")

    def reset(self) -> None:
        self.download.reset()
        self.progress_text.value = ""
