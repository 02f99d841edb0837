"""FollowUpStatusForm: change the status of one follow-up of a meeting summary (open, in progress, done,
cancelled); the service decides and stamps when it was done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import t
from workbench.models.interparliamentary import FollowUpStatus
from workbench.services.interparliamentary.summaries import FollowUpRow

Guard = Callable[[Callable[..., Any]], Callable[..., Any]]


class FollowUpStatusForm(widgets.VBox):
    """``set_rows(rows)`` offers the follow-ups; ``save(follow_up_id, status)`` changes one and raises on bad input."""

    def __init__(self, *, save: Callable[[int, str], None], on_saved: Callable[[str], None] | None = None,
                 guard: Guard = lambda f: f) -> None:
        self._save = save
        self._on_saved = on_saved or (lambda _m: None)
        self.follow_up = widgets.Dropdown(description=t("ip.followup.item"), options=[],
                                          layout=widgets.Layout(width="70%"))
        self.status = widgets.Dropdown(description=t("ip_doc.col_status"),
                                       options=[(t(f"ip_follow.{s.value}"), s.value) for s in FollowUpStatus])
        self.save_button = widgets.Button(description=t("ip.followup.save"), button_style="primary",
                                          layout=widgets.Layout(width="auto", align_self="flex-start"))
        self.save_button.on_click(lambda _b: guard(self.submit)())
        self.follow_up.observe(lambda _c: self._current(), names="value")
        super().__init__([widgets.HTML(f"<h4>{t('ip.followup.change')}</h4>"), self.follow_up,
                          widgets.HBox([self.status, self.save_button])])
        self.add_class("wb-ip-followup-status-form")
        self._rows: dict[int, FollowUpRow] = {}

    def set_rows(self, rows: list[FollowUpRow]) -> None:
        current = self.follow_up.value
        self._rows = {r.id: r for r in rows}
        self.follow_up.options = [(f"{r.organization} · {r.action} · {r.owner or '-'}", r.id) for r in rows]
        self.follow_up.value = current if current in self._rows else (rows[0].id if rows else None)
        self._current()

    def _current(self) -> None:
        row = self._rows.get(self.follow_up.value)
        if row is not None:
            self.status.value = row.status

    def submit(self) -> None:
        if self.follow_up.value is None:
            from workbench.services.common import field_error

            raise field_error("follow_up_id", "ต้องเลือกเรื่องที่ต้องติดตาม", "choose a follow-up")
        self._save(self.follow_up.value, self.status.value)
        self._on_saved(t("ip.followup.saved"))

    def reset(self) -> None:
        self._current()
