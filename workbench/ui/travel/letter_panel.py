"""LetterPanel: the passport request letter and the visa note verbale of one visit: a draft (no number) to read
and edit, then issue (the outgoing number is taken only then), as DOCX or PDF; the letters issued so far."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Unicode

from workbench.db import new_session
from workbench.documents.letters import render_letter
from workbench.documents.letters.model import MEDIA_TYPES
from workbench.i18n import t
from workbench.services.access import has_permission
from workbench.services.travel import letters
from workbench.thai import format_date
from workbench.ui.download_link import DownloadLink
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice


class LetterPanel(widgets.VBox):
    """``visit_id`` / ``iso2`` say which visit; ``on_issued(letter)`` is called after a letter is issued.
    Public state: ``last_number`` (display number of the last letter issued here, "" for a draft)."""

    last_number = Unicode("")

    def __init__(self, engine: Engine, user: Any, *, today: dt.date, notice: Notice,
                 on_issued: Callable[[Any], None] | None = None) -> None:
        self.engine, self.user, self.today, self.notice = engine, user, today, notice
        self._on_issued = on_issued or (lambda _letter: None)
        self.visit_id: int | None = None
        self.iso2 = ""
        self.heading = widgets.HTML(f"<h3>{html.escape(t('travel.letters'))}</h3>")
        self.kind = widgets.ToggleButtons(options=[("DOCX", "docx"), ("PDF", "pdf")], value="docx",
                                          description=t("travel.format"))
        self.draft_passport = widgets.Button(description=t("travel.draft_passport"), layout=widgets.Layout(width="auto"))
        self.draft_visa = widgets.Button(description=t("travel.draft_visa"), layout=widgets.Layout(width="auto"))
        self.issue_passport = widgets.Button(description=t("travel.issue_passport"), button_style="primary",
                                             layout=widgets.Layout(width="auto"))
        self.issue_visa = widgets.Button(description=t("travel.issue_visa"), button_style="primary",
                                         layout=widgets.Layout(width="auto"))
        self.link = DownloadLink()
        self.issued = widgets.HTML("")
        may_issue = has_permission(user, "travel.write")
        buttons = [self.draft_passport, self.draft_visa] + ([self.issue_passport, self.issue_visa] if may_issue else [])
        super().__init__([self.heading, self.kind, widgets.HBox(buttons, layout=widgets.Layout(flex_flow="row wrap")),
                          self.link, self.issued])
        self.add_class("wb-travel-letters")
        guard = guarded(notice)
        self.draft_passport.on_click(guard(lambda _b: self.make("passport", issue=False)))
        self.draft_visa.on_click(guard(lambda _b: self.make("visa", issue=False)))
        self.issue_passport.on_click(guard(lambda _b: self.make("passport", issue=True)))
        self.issue_visa.on_click(guard(lambda _b: self.make("visa", issue=True)))

    def load(self, visit_id: int | None, iso2: str) -> None:
        """Show the letters of ``visit_id``; the last letter's download link stays while the visit stays (the
        dashboard reloads the panel after each issue)."""
        if (visit_id, iso2) != (self.visit_id, self.iso2):
            self.link.reset()
        self.visit_id, self.iso2 = visit_id, iso2
        self.list_issued()

    def make(self, kind: str, *, issue: bool) -> None:
        self.link.reset()
        if self.visit_id is None:
            return
        extension = self.kind.value
        with new_session(self.engine) as session:
            if issue:
                issued = letters.issue(session, kind=kind, visit_id=self.visit_id, iso2=self.iso2, actor=self.user,
                                       today=self.today)
                document, number = issued.document, issued.letter.display_number
            else:
                document = letters.draft(session, kind=kind, visit_id=self.visit_id, iso2=self.iso2, actor=self.user,
                                         today=self.today)
                number = ""
        payload = render_letter(document, extension)
        filename = letters.file_name(kind, self.visit_id, extension, number)
        self.link.offer(payload, filename=filename, media_type=MEDIA_TYPES[extension],
                        text=t("travel.download", filename=filename))
        self.last_number = number
        if issue:
            self.notice.success(t("travel.issued", number=number))
            self.list_issued()
            self._on_issued(number)
        else:
            self.notice.show(t("travel.drafted"), "info")

    def list_issued(self) -> None:
        if self.visit_id is None:
            self.issued.value = ""
            return
        with new_session(self.engine) as session:
            rows = letters.issued_letters(session, visit_id=self.visit_id, actor=self.user)
        items = "".join(f"<li>{html.escape(r.display_number)} · {html.escape(format_date(r.letter_date, style='abbr'))}"
                        f" · {html.escape(t('travel.kind.' + r.kind))} · {html.escape(r.recipient)}</li>" for r in rows)
        self.issued.value = (f"<b>{html.escape(t('travel.issued_list'))}</b>"
                             + (f"<ul>{items}</ul>" if items else f"<p>{html.escape(t('travel.none'))}</p>"))

    def reset(self) -> None:
        self.link.reset()
        self.issued.value = ""
        self.last_number = ""
