"""RecordForm: the record of conversation of a courtesy call or meeting, with its follow-ups."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench.db import new_session
from workbench.i18n import t
from workbench.models.visits import ConversationRecordCreate, ConversationRecordRead
from workbench.services import records
from workbench.ui.choices import Choices
from workbench.ui.follow_up_list import FollowUpList
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.schema_form import SchemaForm


class RecordForm(widgets.VBox):
    """``engagement_id`` is the call or meeting recorded; ``on_saved(ConversationRecordRead)`` after a save."""

    engagement_id = Int(None, allow_none=True)

    def __init__(self, engine: Engine, user: Any, choices: Choices, *,
                 on_saved: Callable[[ConversationRecordRead], None] | None = None,
                 on_close: Callable[[], None] | None = None) -> None:
        self.engine, self.user, self.choices = engine, user, choices
        self._on_saved = on_saved or (lambda _r: None)
        self._on_close = on_close or (lambda: None)
        self.heading = widgets.HTML(f"<h3>{html.escape(t('form.new_record'))}</h3>")
        self.subject = widgets.Label("")
        self.follow_ups = FollowUpList(choices)
        self.fields = SchemaForm(ConversationRecordCreate, exclude=("engagement_id",),
                                 overrides={"follow_ups": self.follow_ups})
        self.notice = Notice()
        self.save_button = widgets.Button(description=t("form.save"), button_style="primary")
        self.close_button = widgets.Button(description=t("form.cancel"))
        super().__init__([self.heading, self.subject, self.fields, self.notice,
                          widgets.HBox([self.save_button, self.close_button])])
        self.add_class("wb-record-form")
        guard = guarded(self.notice)
        self.save_button.on_click(guard(lambda _b: self.save()))
        self.close_button.on_click(guard(lambda _b: self._on_close()))

    def new(self, engagement_id: int, *, subject: str = "") -> None:
        self.reset()
        self.engagement_id = engagement_id
        self.subject.value = subject

    def save(self) -> ConversationRecordRead:
        values = {**self.fields.values(), "engagement_id": self.engagement_id}
        with new_session(self.engine) as session:
            saved = records.record_conversation(session, data=values, actor=self.user)
        self.notice.success(t("form.saved_record"))
        self._on_saved(saved)
        return saved

    def reset(self) -> None:
        self.fields.reset()
        self.follow_ups.reset()
        self.notice.reset()
        self.engagement_id = None
        self.subject.value = ""
