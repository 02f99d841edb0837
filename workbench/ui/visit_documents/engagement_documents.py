"""EngagementDocuments: the seating plan (round or long table, one-page PDF) and the place cards (PDF) of a
reception or meeting, offered as files to save."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench.db import new_session
from workbench.i18n import t
from workbench.services import visit_documents
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.download_link import DownloadLink
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice


class EngagementDocuments(widgets.VBox):
    """``engagement_id`` is the engagement. Children: ``shape``, ``seating_button``, ``cards_button``, ``link``."""

    engagement_id = Int(None, allow_none=True)

    def __init__(self, engine: Engine, user: Any, *, notice: Notice | None = None) -> None:
        self.engine, self.user = engine, user
        self.notice = notice or Notice()
        self.shape = widgets.Dropdown(description=t("vdoc.ui.shape"), style=DESCRIPTION_STYLE, options=[
            (t("vdoc.shape.round"), "round"), (t("vdoc.shape.long"), "long")], value="round")
        self.seating_button = widgets.Button(description=t("vdoc.ui.seating_pdf"), layout=widgets.Layout(width="auto"))
        self.cards_button = widgets.Button(description=t("vdoc.ui.cards_pdf"), layout=widgets.Layout(width="auto"))
        self.seating_button.add_class("wb-seating-pdf")
        self.cards_button.add_class("wb-cards-pdf")
        self.link = DownloadLink()
        guard = guarded(self.notice)
        self.seating_button.on_click(guard(lambda _b: self.seating()))
        self.cards_button.on_click(guard(lambda _b: self.cards()))
        super().__init__([widgets.HTML(f"<h4>{html.escape(t('vdoc.ui.seating_heading'))}</h4>"),
                          widgets.HBox([self.shape, self.seating_button, self.cards_button],
                                       layout=widgets.Layout(flex_flow="row wrap")), self.link])
        self.add_class("wb-engagement-documents")

    def show(self, engagement_id: int, *, kind: str = "reception") -> None:
        self.engagement_id = engagement_id
        self.shape.value = "round" if kind == "reception" else "long"
        self.link.reset()

    def seating(self) -> None:
        from workbench.documents.seating_plan import render_pdf

        self.link.reset()
        with new_session(self.engine) as session:
            layout = visit_documents.seating_layout(session, engagement_id=self.engagement_id, actor=self.user,
                                                    shape=self.shape.value)
        name = f"seating-plan-engagement{self.engagement_id}.pdf"
        self.link.offer(render_pdf(layout), filename=name, media_type="application/pdf",
                        text=t("vdoc.ui.save_file", name=name))
        self.notice.success(t("vdoc.ui.made", name=name))

    def cards(self) -> None:
        from workbench.documents.place_cards import render_pdf

        self.link.reset()
        with new_session(self.engine) as session:
            layout, cards = visit_documents.place_cards(session, engagement_id=self.engagement_id, actor=self.user)
        name = f"place-cards-engagement{self.engagement_id}.pdf"
        self.link.offer(render_pdf(layout, cards), filename=name, media_type="application/pdf",
                        text=t("vdoc.ui.save_file", name=name))
        self.notice.success(t("vdoc.ui.made", name=name))

    def reset(self) -> None:
        self.engagement_id = None
        self.link.reset()
