"""RegisterExport: print a register of a year in the regulation's column layout (PDF, Sarabun) or export it to
XLSX; only the entries the user may see are in the file."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets

from workbench.i18n import t
from workbench.models.correspondence import Register
from workbench.thai import be_year
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.download_link import DownloadLink
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class RegisterExport(widgets.VBox):
    """``make(register, year_ce, kind) -> bytes`` is the injected document builder (``kind``: pdf or xlsx)."""

    def __init__(self, *, years: list[int], make: Callable[[str, int, str], bytes]) -> None:
        self._make = make
        self.notice = Notice()
        self.register = widgets.Dropdown(description=t("field.register"), style=DESCRIPTION_STYLE,
                                         options=[(t(f"register.{r.value}"), r.value) for r in Register])
        self.year = widgets.Dropdown(description=t("field.year"), style=DESCRIPTION_STYLE,
                                     options=[(str(be_year(y)), y) for y in years])
        self.pdf_button = widgets.Button(description=t("corr.export.pdf"))
        self.xlsx_button = widgets.Button(description=t("corr.export.xlsx"))
        self.download = DownloadLink()
        super().__init__([widgets.HTML(f"<h4>{html.escape(t('corr.export.heading'))}</h4>"),
                          widgets.HBox([self.register, self.year], layout=widgets.Layout(flex_flow="row wrap")),
                          widgets.HBox([self.pdf_button, self.xlsx_button]), self.notice, self.download])
        self.add_class("wb-corr-export")
        guard = guarded(self.notice)
        self.pdf_button.on_click(guard(lambda _b: self.export("pdf")))
        self.xlsx_button.on_click(guard(lambda _b: self.export("xlsx")))

    def set_years(self, years: list[int]) -> None:
        current = self.year.value
        self.year.options = [(str(be_year(y)), y) for y in years]
        if current in years:
            self.year.value = current

    def export(self, kind: str) -> None:
        if self.year.value is None:
            return
        payload = self._make(self.register.value, self.year.value, kind)
        name = f"register-{self.register.value}-{be_year(self.year.value)}.{kind}"
        self.download.offer(payload, filename=name, media_type="application/pdf" if kind == "pdf" else XLSX,
                            text=t("corr.export.ready", name=name))

    def reset(self) -> None:
        self.download.reset()
        self.notice.reset()
