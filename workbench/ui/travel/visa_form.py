"""VisaForm: track one member's visa for the shown trip's destination (requested, received, refused)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.i18n import t
from workbench.models.travel import VisaStatus
from workbench.services.travel import readiness
from workbench.ui.date_field import DateField
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

STYLE = {"description_width": "11em"}
WIDE = widgets.Layout(width="30em")


class VisaForm(widgets.VBox):
    def __init__(self, engine: Engine, user: Any, *, today: dt.date, notice: Notice,
                 on_saved: Callable[[Any], None] | None = None) -> None:
        self.engine, self.user, self.notice = engine, user, notice
        self._on_saved = on_saved or (lambda _r: None)
        self.visit_id: int | None = None
        self.heading = widgets.HTML(f"<h3>{html.escape(t('travel.visa_form'))}</h3>")
        self.member = widgets.Dropdown(description=t("travel.holder"), options=[], style=STYLE, layout=WIDE)
        self.status = widgets.Dropdown(description=t("field.visa_status"), style=STYLE, options=[
            (t(f"travel.visa.{s.value}"), s.value) for s in (VisaStatus.REQUESTED, VisaStatus.RECEIVED,
                                                             VisaStatus.REFUSED, VisaStatus.TO_REQUEST)])
        self.on = DateField(t("travel.date"), value=today)
        self.save = widgets.Button(description=t("travel.save_visa"), layout=widgets.Layout(width="auto", align_self="flex-start"))
        super().__init__([self.heading, self.member, self.status, self.on, self.save])
        self.add_class("wb-travel-visa-form")
        self.save.on_click(guarded(notice)(lambda _b: self.submit()))

    def members(self, visit_id: int | None, choices: list[tuple[str, int]]) -> None:
        self.visit_id = visit_id
        self.member.options = choices
        self.member.value = choices[0][1] if choices else None

    def submit(self) -> None:
        with new_session(self.engine) as session:
            request = readiness.set_visa_status(session, visit_id=self.visit_id, person_id=self.member.value,
                                                status=self.status.value, on=self.on.value, actor=self.user)
        self.notice.success(t("travel.visa_saved"))
        self._on_saved(request)

    def reset(self) -> None:
        self.member.options = []
