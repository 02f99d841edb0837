"""BriefingDashboard: pick an engagement, read its assembled pack, choose and reword the talking points, save them,
and download the pack as DOCX, PDF or HTML. Everything is decided by ``services.briefing``; this widget collects
choices and shows results. The preview is the pack's escaped HTML; errors go to the notice.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench.db import new_session
from workbench.documents.briefing_export import export_pack, file_name
from workbench.documents.briefing_html import render_fragment
from workbench.i18n import current_lang, t
from workbench.services import briefing
from workbench.services.access import has_permission
from workbench.ui.briefing.pack_downloads import PackDownloads
from workbench.ui.briefing.talking_points_editor import TalkingPointsEditor
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

PREVIEW_STYLE = """<style>
.wb-brief { font-family: "Sarabun", "TH Sarabun New", "Loma", "Garuda", sans-serif; font-size: 15px;
            line-height: 1.5; }
.wb-brief h1 { font-size: 22px; margin: 0; } .wb-brief h2 { font-size: 18px; border-bottom: 1px solid #999; }
.wb-brief h3 { font-size: 15px; margin: 6px 0 0 0; } .wb-brief .meta { color: #555; font-size: 13px; }
.wb-brief .mark { color: #b71c1c; font-weight: 700; } .wb-brief p { white-space: pre-wrap; margin: 2px 0; }
.wb-brief table { border-collapse: collapse; font-size: 13px; }
.wb-brief th, .wb-brief td { border: 1px solid #aaa; padding: 2px 6px; vertical-align: top; text-align: left; }
.wb-brief .banner { text-align: center; }
</style>"""


class BriefingDashboard(widgets.VBox):
    """Public state: ``engagement_id`` (0 when none is chosen) and ``saved_version`` (0 when never saved).
    Children: ``picker``, ``notice``, ``preview``, ``editor``, ``save_button``, ``downloads``."""

    engagement_id = Int(0)
    saved_version = Int(0)

    def __init__(self, engine: Engine, user: Any, *, today: dt.date | None = None) -> None:
        self.engine = engine
        self.user = user
        self.lang = current_lang()
        self.today = today
        self.pack: briefing.Pack | None = None
        self.heading = widgets.HTML(f"<h2>{html.escape(t('dash.briefing.title'))}</h2>")
        self.notice = Notice()
        self.picker = widgets.Dropdown(description=t("brief.ui.engagement"), options=[(t("brief.ui.choose"), 0)],
                                       value=0, layout=widgets.Layout(width="100%"),
                                       style={"description_width": "initial"})
        self.preview = widgets.HTML("")
        self.preview.add_class("wb-pack-preview")
        self.editor = TalkingPointsEditor(on_change=guarded(self.notice)(self._edited), lang=self.lang)
        self.save_button = widgets.Button(description=t("brief.ui.save"), button_style="primary",
                                          disabled=not has_permission(user, "briefing.write"),
                                          tooltip=t("brief.ui.save_help"))
        self.downloads = PackDownloads(make=self._make, notice=self.notice)
        self.side = widgets.VBox([self.editor, self.save_button, self.downloads],
                                 layout=widgets.Layout(flex="2 1 0", min_width="320px", padding="0 0 0 12px"))
        self.work = widgets.HBox([widgets.Box([self.preview], layout=widgets.Layout(flex="3 1 0")), self.side],
                                 layout=widgets.Layout(display="none"))
        super().__init__([self.heading, self.picker, self.notice, self.work])
        self.add_class("wb-briefing")
        guard = guarded(self.notice)
        self.picker.observe(guard(self._picked), names="value")
        self.save_button.on_click(guard(lambda _b: self.save()))
        guard(self.refresh_choices)()

    # --- actions -----------------------------------------------------------------------------------------

    def refresh_choices(self) -> None:
        with new_session(self.engine) as session:
            choices = briefing.briefable_engagements(session, actor=self.user, lang=self.lang, around=self.today)
        self.picker.options = [(t("brief.ui.choose"), 0)] + [(c.label, c.engagement_id) for c in choices]

    def show_pack(self, engagement_id: int) -> None:
        """Assemble and show the pack of an engagement (what choosing it in the picker does)."""
        self.pack = None
        self.downloads.reset()
        if not engagement_id:
            self.reset()
            return
        with new_session(self.engine) as session:
            self.pack = briefing.assemble_pack(session, engagement_id=engagement_id, actor=self.user, lang=self.lang)
        self.engagement_id = engagement_id
        self.saved_version = self.pack.saved_version or 0
        self.editor.load(self.pack.points, self.pack.remarks)
        self._show()
        self.work.layout.display = "flex"
        self.notice.reset()

    def save(self) -> None:
        current = self._current()
        with new_session(self.engine) as session:
            saved = briefing.save_pack_points(session, pack=current, actor=self.user)
        self.saved_version = saved.version
        self.pack = current
        self.notice.success(t("brief.ui.saved", version=saved.version))

    def reset(self) -> None:
        self.pack = None
        self.engagement_id = 0
        self.saved_version = 0
        self.editor.reset()
        self.downloads.reset()
        self.preview.value = ""
        self.work.layout.display = "none"
        self.notice.reset()

    # --- helpers -----------------------------------------------------------------------------------------

    def _picked(self, change: dict) -> None:
        self.show_pack(int(change["new"] or 0))

    def _current(self) -> briefing.Pack:
        if self.pack is None:
            from workbench.errors import ValidationError

            raise ValidationError("ยังไม่ได้เลือกกิจกรรม", "no engagement chosen yet", field="engagement_id",
                                  field_th="กิจกรรม", field_en="Engagement")
        return self.pack.with_points(self.editor.points(), self.editor.remarks.value)

    def _edited(self) -> None:
        if self.pack is not None:
            self._show()

    def _show(self) -> None:
        self.preview.value = PREVIEW_STYLE + render_fragment(self._current())

    def _make(self, kind: str) -> tuple[bytes, str]:
        current = self._current()
        return export_pack(current, kind), file_name(current, kind)
