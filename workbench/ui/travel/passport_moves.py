"""PassportMoves: move a passport (to its holder, back to the office, to the Ministry...) and read its history."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.i18n import t
from workbench.models.travel import PassportLocation
from workbench.services.travel import passports
from workbench.thai import format_date
from workbench.ui.date_field import DateField
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

STYLE = {"description_width": "11em"}
WIDE = widgets.Layout(width="30em")


class PassportMoves(widgets.VBox):
    """``on_moved(move)`` is called after a move is recorded. Public state: the ``history`` HTML."""

    def __init__(self, engine: Engine, user: Any, *, today: dt.date, notice: Notice,
                 on_moved: Callable[[Any], None] | None = None) -> None:
        self.engine, self.user, self.today, self.notice = engine, user, today, notice
        self._on_moved = on_moved or (lambda _m: None)
        self.heading = widgets.HTML(f"<h3>{html.escape(t('travel.moves'))}</h3>")
        self.passport = widgets.Dropdown(description=t("field.passport_id"), options=[], style=STYLE,
                                         layout=widgets.Layout(width="95%", max_width="36em"))
        self.location = widgets.Dropdown(description=t("travel.move_to"), style=STYLE,
                                         options=[(t(f"travel.location.{v.value}"), v.value) for v in PassportLocation])
        self.moved_on = DateField(t("field.moved_on"), value=today)
        self.note = widgets.Text(description=t("travel.note"), style=STYLE)
        self.save = widgets.Button(description=t("travel.save_move"), layout=widgets.Layout(width="auto", align_self="flex-start"))
        self.history = widgets.HTML("")
        super().__init__([self.heading, self.passport, self.location, self.moved_on, self.note, self.save, self.history])
        self.add_class("wb-travel-moves")
        guard = guarded(notice)
        self.save.on_click(guard(lambda _b: self.submit()))
        self.passport.observe(guard(lambda _c: self.show_history()), names="value")

    def load(self) -> None:
        with new_session(self.engine) as session:
            rows = passports.list_passports(session, actor=self.user, today=self.today)
        current = self.passport.value
        self.passport.options = [(f"{r.holder} · {r.passport.number} · {t('travel.location.' + r.passport.location)}",
                                  r.passport.id) for r in rows]
        ids = [r.passport.id for r in rows]
        self.passport.value = current if current in ids else (ids[0] if ids else None)
        self.show_history()

    def show_history(self) -> None:
        if self.passport.value is None:
            self.history.value = ""
            return
        with new_session(self.engine) as session:
            moves = passports.history(session, passport_id=self.passport.value, actor=self.user)
        e = html.escape
        items = "".join(
            f"<li>{e(format_date(m.moved_on, style='abbr'))}: "
            f"{e(t('travel.location.' + m.from_location) if m.from_location else '–')} → "
            f"{e(t('travel.location.' + m.location))} {e(m.note)}</li>" for m in moves)
        self.history.value = f"<ul>{items}</ul>"

    def submit(self) -> None:
        with new_session(self.engine) as session:
            move = passports.move_passport(session, actor=self.user, data={
                "passport_id": self.passport.value, "location": self.location.value,
                "moved_on": self.moved_on.value, "note": self.note.value})
        self.notice.success(t("travel.moved"))
        self.note.value = ""
        self.load()
        self._on_moved(move)

    def reset(self) -> None:
        self.note.value = ""
        self.history.value = ""
