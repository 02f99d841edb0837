"""FollowUpList: the follow-ups of a record of conversation being written, one row each (from ``FollowUpCreate``)."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from traitlets import Int

from workbench.i18n import t
from workbench.models.visits import FollowUpCreate
from workbench.ui.choices import Choices
from workbench.ui.person_picker import PersonPicker
from workbench.ui.schema_form import SchemaForm, field_label


class FollowUpList(widgets.VBox):
    """Rows of action, owner and due date. ``count`` is the number of rows; empty rows are not sent."""

    count = Int(0)

    def __init__(self, choices: Choices) -> None:
        self.choices = choices
        self.heading = widgets.Label(t("form.follow_ups"))
        self.rows = widgets.VBox()
        self.add_button = widgets.Button(description=t("form.add_follow_up"))
        super().__init__([self.heading, self.rows, self.add_button])
        self.add_class("wb-follow-ups")
        self.add_button.on_click(lambda _b: self.add_row())

    def add_row(self) -> SchemaForm:
        owner = PersonPicker(field_label("owner_id"), search=self.choices.search_people,
                             names=self.choices.person_labels, multiple=False)
        form = SchemaForm(FollowUpCreate, overrides={"owner_id": owner})
        remove = widgets.Button(description=t("form.remove"))
        row = widgets.VBox([form, remove], layout=widgets.Layout(border="1px solid #ddd", padding="4px",
                                                                 margin="2px 0"))
        remove.on_click(lambda _b: self._remove(row))
        self.rows.children = (*self.rows.children, row)
        self.count = len(self.rows.children)
        return form

    def _remove(self, row: widgets.Widget) -> None:
        self.rows.children = tuple(r for r in self.rows.children if r is not row)
        self.count = len(self.rows.children)

    @property
    def forms(self) -> list[SchemaForm]:
        return [row.children[0] for row in self.rows.children]

    def form_value(self) -> list[dict[str, Any]]:
        """The rows as FollowUpCreate dicts, leaving out rows where nothing was entered."""
        rows = [form.values() for form in self.forms]
        return [r for r in rows if (r.get("action") or "").strip() or r.get("owner_id") or r.get("due_date")]

    def reset(self) -> None:
        self.rows.children = ()
        self.count = 0
