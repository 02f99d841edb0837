"""GiftsPanel: the gift register (given and received; a received gift above the NACC threshold shows its
reporting deadline until reported), the form to record a gift (from ``GiftCreate``) and marking one reported."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.i18n import t
from workbench.models.administration import GiftCreate
from workbench.services.access import has_permission
from workbench.services.administration import gifts, stock
from workbench.thai import format_baht, format_date
from workbench.ui.administration.list_table import ListTable
from workbench.ui.date_field import DESCRIPTION_STYLE, DateField
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.schema_form import SchemaForm, field_label

HIDDEN = ("counterpart_person_id", "country_id", "visit_id", "engagement_id", "recipient_person_id")


class GiftsPanel(widgets.VBox):
    def __init__(self, engine: Engine, user: Any, *, notice: Notice, today: dt.date,
                 on_changed: Callable[[], None] | None = None) -> None:
        self.engine, self.user, self.notice, self.today = engine, user, notice, today
        self.on_changed = on_changed or (lambda: None)
        self.table = ListTable([("id", "#"), ("date", field_label("gift_date")), ("direction", field_label("direction")),
                                ("description_th", field_label("description_th")),
                                ("counterpart", field_label("counterpart")), ("value", field_label("value_baht")),
                                ("kept_at", field_label("kept_at")), ("report", t("admin.col.report"))],
                               filename="gifts", notice=notice)
        parts: list[widgets.Widget] = [widgets.HTML(f"<h3>{html.escape(t('admin.gifts.heading'))}</h3>"), self.table]
        self.form = None
        if has_permission(user, "administration.write"):
            self.item_choice = widgets.Dropdown(description=field_label("stock_item_id"), style=DESCRIPTION_STYLE)
            self.form = SchemaForm(GiftCreate, overrides={"stock_item_id": self.item_choice}, exclude=HIDDEN)
            self.add_button = widgets.Button(description=t("admin.gifts.add"), button_style="primary", layout=widgets.Layout(width="auto"))
            self.report_choice = widgets.Dropdown(description=field_label("gift_id"), style=DESCRIPTION_STYLE)
            self.reported_on = DateField(field_label("reported_on"))
            self.reference = widgets.Text(description=t("admin.gifts.reference"), style=DESCRIPTION_STYLE)
            self.report_button = widgets.Button(description=t("admin.gifts.mark_reported"), layout=widgets.Layout(width="auto"))
            guard = guarded(notice)
            self.add_button.on_click(guard(lambda _b: self.add()))
            self.report_button.on_click(guard(lambda _b: self.mark_reported()))
            parts += [widgets.HTML(f"<h4>{html.escape(t('admin.gifts.add'))}</h4>"), self.form, self.add_button,
                      widgets.HTML(f"<h4>{html.escape(t('admin.gifts.mark_reported'))}</h4>"),
                      widgets.HBox([self.report_choice, self.reported_on, self.reference, self.report_button])]
        super().__init__(parts)
        self.add_class("wb-admin-gifts")

    def _report_text(self, gift: Any) -> str:
        if gift.reported_on is not None:
            return t("admin.gifts.reported", day=format_date(gift.reported_on, style="abbr"))
        if gift.report_due is not None:
            key = "admin.gifts.overdue" if gift.overdue else "admin.gifts.due"
            return t(key, day=format_date(gift.report_due, style="abbr"))
        return ""

    def refresh(self) -> None:
        with new_session(self.engine) as session:
            rows = gifts.list_gifts(session, actor=self.user, today=self.today)
            items = stock.list_items(session, actor=self.user, category="souvenir") if self.form else []
        self.table.show([{"id": g.id, "date": format_date(g.gift_date, style="abbr"),
                          "direction": t(f"gift_direction.{g.direction.value}"), "description_th": g.description_th,
                          "counterpart": g.counterpart, "value": format_baht(g.value_baht), "kept_at": g.kept_at,
                          "report": self._report_text(g), "_flag": g.unreported} for g in rows])
        if self.form is not None:
            self.item_choice.options = [(t("form.none"), None)] + [(f"{i.name_th} ({i.on_hand} {i.unit})", i.id)
                                                                   for i in items]
            self.report_choice.options = [(t("form.choose"), None)] + [(f"#{g.id} {g.description_th}", g.id)
                                                                       for g in rows if g.unreported]

    def add(self) -> None:
        with new_session(self.engine) as session:
            gift = gifts.record_gift(session, actor=self.user, data=self.form.values())
        self.form.reset()
        if gift.must_report:
            self.notice.show(t("admin.gifts.must_report", day=format_date(gift.report_due),
                                threshold=format_baht(gift.threshold)), "error")
        else:
            self.notice.success(t("admin.saved"))
        self.refresh()
        self.on_changed()

    def mark_reported(self) -> None:
        with new_session(self.engine) as session:
            gifts.mark_reported(session, actor=self.user, gift_id=self.report_choice.value,
                                reported_on=self.reported_on.value or self.today, reference=self.reference.value)
        self.reference.value = ""
        self.notice.success(t("admin.saved"))
        self.refresh()
        self.on_changed()

    def reset(self) -> None:
        if self.form is not None:
            self.form.reset()
