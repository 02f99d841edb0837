"""SummaryForm: write a meeting's summary (overview, key decisions) with its follow-ups (action, owner, due)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import t
from workbench.ui.choices import Choices
from workbench.ui.follow_up_list import FollowUpList
from workbench.ui.schema_form import field_label


class SummaryForm(widgets.VBox):
    """``save(values)`` stores a ``SummaryCreate``-shaped dict (without meeting_id) and raises on bad input."""

    def __init__(self, choices: Choices, *, save: Callable[[dict[str, Any]], None],
                 on_saved: Callable[[str], None] | None = None) -> None:
        self._save = save
        self._on_saved = on_saved or (lambda _m: None)
        wide = widgets.Layout(width="95%", height="90px")
        self.overview = widgets.Textarea(description=field_label("overview"), layout=wide,
                                         style={"description_width": "initial"})
        self.key_decisions = widgets.Textarea(description=field_label("key_decisions"), layout=wide,
                                              style={"description_width": "initial"})
        self.follow_ups = FollowUpList(choices)
        self.save_button = widgets.Button(description=t("ip.summary.save"), button_style="primary",
                                          layout=widgets.Layout(width="auto"))
        self.save_button.on_click(lambda _b: self.submit())
        super().__init__([widgets.HTML(f"<h4>{t('ip.summaries')}</h4>"), self.overview, self.key_decisions,
                          self.follow_ups, self.save_button])
        self.add_class("wb-ip-summary-form")

    def value(self) -> dict[str, Any]:
        return {"overview": self.overview.value, "key_decisions": self.key_decisions.value,
                "follow_ups": self.follow_ups.form_value()}

    def submit(self) -> None:
        self._save(self.value())
        self.reset()
        self._on_saved(t("ip.summary.saved"))

    def reset(self) -> None:
        self.overview.value = ""
        self.key_decisions.value = ""
        self.follow_ups.reset()
