"""StockPanel: supplies, equipment and souvenirs with stock on hand (low ones marked), the movement form (from
``StockMovementCreate``), the new-item form (from ``StockItemCreate``) and the equipment register."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.i18n import t
from workbench.models.administration import StockItemCreate, StockMovementCreate
from workbench.services.access import has_permission
from workbench.services.administration import stock
from workbench.thai import format_baht
from workbench.ui.administration.list_table import ListTable
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.schema_form import SchemaForm, field_label


class StockPanel(widgets.VBox):
    def __init__(self, engine: Engine, user: Any, *, notice: Notice, today: dt.date,
                 on_changed: Callable[[], None] | None = None) -> None:
        self.engine, self.user, self.notice, self.today = engine, user, notice, today
        self.on_changed = on_changed or (lambda: None)
        self.table = ListTable([("code", field_label("code")), ("name_th", field_label("name_th")),
                                ("category", field_label("category")), ("on_hand", t("admin.col.on_hand")),
                                ("unit", field_label("unit")), ("threshold", field_label("low_stock_threshold")),
                                ("state", t("admin.col.state"))], filename="stock", notice=notice)
        self.equipment = ListTable([("asset_number", field_label("asset_number")), ("name_th", field_label("name_th")),
                                    ("custodian", field_label("custodian_id")), ("location", field_label("location")),
                                    ("value", field_label("value_baht"))], filename="equipment", notice=notice)
        parts: list[widgets.Widget] = [widgets.HTML(f"<h3>{html.escape(t('admin.stock.heading'))}</h3>"), self.table]
        self.movement_form = self.item_form = None
        if has_permission(user, "administration.write"):
            self.item_choice = widgets.Dropdown(description=field_label("stock_item_id"), style=DESCRIPTION_STYLE)
            self.movement_form = SchemaForm(StockMovementCreate, overrides={"stock_item_id": self.item_choice},
                                            exclude=("person_id",))
            self.move_button = widgets.Button(description=t("admin.stock.move"), button_style="primary", layout=widgets.Layout(width="auto"))
            self.item_form = SchemaForm(StockItemCreate)
            self.item_button = widgets.Button(description=t("admin.stock.add"), button_style="primary", layout=widgets.Layout(width="auto"))
            guard = guarded(notice)
            self.move_button.on_click(guard(lambda _b: self.move()))
            self.item_button.on_click(guard(lambda _b: self.add_item()))
            parts += [widgets.HTML(f"<h4>{html.escape(t('admin.stock.move'))}</h4>"), self.movement_form,
                      self.move_button, widgets.HTML(f"<h4>{html.escape(t('admin.stock.add'))}</h4>"),
                      self.item_form, self.item_button]
        parts += [widgets.HTML(f"<h3>{html.escape(t('admin.equipment.heading'))}</h3>"), self.equipment]
        super().__init__(parts)
        self.add_class("wb-admin-stock")

    def refresh(self) -> None:
        with new_session(self.engine) as session:
            items = stock.list_items(session, actor=self.user)
            equipment = stock.list_equipment(session, actor=self.user)
        self.table.show([{"code": i.code, "name_th": i.name_th, "category": t(f"stock_category.{i.category.value}"),
                          "on_hand": i.on_hand, "unit": i.unit, "threshold": i.low_stock_threshold,
                          "state": t("admin.stock.low") if i.low else "", "_flag": i.low} for i in items])
        self.equipment.show([{**e, "value": format_baht(e["value_baht"]) if e["value_baht"] is not None else ""}
                             for e in equipment])
        if self.movement_form is not None:
            self.item_choice.options = [(t("form.choose"), None)] + [
                (f"{i.code} {i.name_th} ({i.on_hand} {i.unit})", i.id) for i in items]

    def move(self) -> None:
        with new_session(self.engine) as session:
            movement = stock.move(session, actor=self.user, data=self.movement_form.values())
        self.movement_form.reset()
        self.notice.success(t("admin.stock.moved", balance=movement.balance_after))
        self.refresh()
        self.on_changed()

    def add_item(self) -> None:
        with new_session(self.engine) as session:
            stock.add_item(session, actor=self.user, data=self.item_form.values())
        self.item_form.reset()
        self.notice.success(t("admin.saved"))
        self.refresh()
        self.on_changed()

    def reset(self) -> None:
        for form in (self.movement_form, self.item_form):
            if form is not None:
                form.reset()
