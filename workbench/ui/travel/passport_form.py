"""PassportForm: record a passport for a member of the shown delegation (type, number, dates, name as printed)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.i18n import t
from workbench.models.travel import PassportLocation, PassportType
from workbench.services.travel import passports
from workbench.ui.date_field import DateField
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

STYLE = {"description_width": "11em"}
WIDE = widgets.Layout(width="30em")


class PassportForm(widgets.VBox):
    """``on_saved(passport)`` is called after a passport is recorded; ``members(choices)`` sets who may hold it."""

    def __init__(self, engine: Engine, user: Any, *, notice: Notice,
                 on_saved: Callable[[Any], None] | None = None) -> None:
        self.engine, self.user, self.notice = engine, user, notice
        self._on_saved = on_saved or (lambda _p: None)
        self.heading = widgets.HTML(f"<h3>{html.escape(t('travel.passport_form'))}</h3>")
        self.holder = widgets.Dropdown(description=t("travel.holder"), options=[], style=STYLE, layout=WIDE)
        self.passport_type = widgets.Dropdown(description=t("field.passport_type"), style=STYLE,
                                              options=[(t(f"travel.type.{v.value}"), v.value) for v in PassportType],
                                              value=PassportType.OFFICIAL.value)
        self.number = widgets.Text(description=t("field.passport_number"), style=STYLE)
        self.name_in_passport = widgets.Text(description=t("field.name_in_passport"), style=STYLE,
                                             placeholder="SURNAME Given names")
        self.issue_date = DateField(t("field.issue_date"))
        self.expiry_date = DateField(t("field.expiry_date"))
        self.location = widgets.Dropdown(description=t("field.location"), style=STYLE,
                                         options=[(t(f"travel.location.{v.value}"), v.value) for v in PassportLocation])
        self.save = widgets.Button(description=t("travel.save_passport"), button_style="primary",
                                   layout=widgets.Layout(width="auto", align_self="flex-start"))
        super().__init__([self.heading, self.holder, self.passport_type, self.number, self.name_in_passport,
                          self.issue_date, self.expiry_date, self.location, self.save])
        self.add_class("wb-travel-passport-form")
        self.save.on_click(guarded(notice)(lambda _b: self.submit()))

    def members(self, choices: list[tuple[str, int]]) -> None:
        self.holder.options = choices
        self.holder.value = choices[0][1] if choices else None

    def submit(self) -> None:
        with new_session(self.engine) as session:
            passport = passports.register_passport(session, actor=self.user, data={
                "person_id": self.holder.value, "passport_type": self.passport_type.value, "number": self.number.value,
                "name_in_passport": self.name_in_passport.value, "issue_date": self.issue_date.value,
                "expiry_date": self.expiry_date.value, "location": self.location.value})
        self.notice.success(t("travel.passport_saved", number=passport.number))
        self.reset()
        self._on_saved(passport)

    def reset(self) -> None:
        self.number.value = self.name_in_passport.value = ""
        self.issue_date.value = self.expiry_date.value = None
