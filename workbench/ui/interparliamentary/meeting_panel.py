"""MeetingPanel: one entered meeting: its preparation timeline, the delegation and observers, its resolutions,
interventions and documents (MeetingRecords), the summary (write
it, or read it with its follow-ups) and the DOCX/PDF downloads. Every read and write goes through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.documents import meeting_summary
from workbench.i18n import t
from workbench.services.access import has_permission
from workbench.services.interparliamentary import meetings, summaries
from workbench.thai import format_date
from workbench.ui.choices import Choices
from workbench.ui.interparliamentary.delegation_panel import DelegationPanel
from workbench.ui.interparliamentary.meeting_records import MeetingRecords
from workbench.ui.interparliamentary.summary_downloads import SummaryDownloads
from workbench.ui.interparliamentary.summary_form import SummaryForm
from workbench.ui.interparliamentary.tables import html_table
from workbench.ui.notice import Notice


class MeetingPanel(widgets.VBox):
    """Shows the meeting chosen in ``meeting`` (a Dropdown of entered meetings)."""

    def __init__(self, engine: Engine, user: Any, choices: Choices, notice: Notice, *, today: dt.date,
                 on_changed: Any = None) -> None:
        from workbench.ui.guard import guarded

        self.engine, self.user, self.today, self.notice = engine, user, today, notice
        self._on_changed = on_changed or (lambda: None)
        guard = guarded(notice)
        self.meeting = widgets.Dropdown(description=t("ip.meeting"), layout=widgets.Layout(width="90%"))
        self.timeline = widgets.HTML()
        self.delegation = DelegationPanel(choices, load=self._people, add_delegate=self._add_delegate,
                                          add_observer=self._add_observer, on_saved=self._saved)
        for button, action in ((self.delegation.add_delegate_button, self.delegation.save_delegate),
                               (self.delegation.add_observer_button, self.delegation.save_observer)):
            button._click_handlers.callbacks.clear()  # noqa: SLF001 - route the clicks through the guard
            button.on_click(lambda _b, a=action: guard(a)())
        self.summary_form = SummaryForm(choices, save=self._save_summary, on_saved=self._saved)
        self.summary_form.save_button._click_handlers.callbacks.clear()  # noqa: SLF001
        self.summary_form.save_button.on_click(lambda _b: guard(self.summary_form.submit)())
        self.summary_view = widgets.HTML()
        self.downloads = SummaryDownloads(make=self._make)
        for button, fmt in ((self.downloads.docx_button, "docx"), (self.downloads.pdf_button, "pdf")):
            button._click_handlers.callbacks.clear()  # noqa: SLF001
            button.on_click(lambda _b, f=fmt: guard(self.downloads.offer)(f))
        self.summary_box = widgets.VBox()
        self.records = MeetingRecords(engine, user, choices, today=today, guard=guard, on_saved=notice.success,
                                      may_write=has_permission(user, meetings.WRITE))
        super().__init__([self.meeting, self.timeline, self.delegation, self.records, self.summary_box])
        self.add_class("wb-ip-meeting")
        self.meeting.observe(lambda _c: guard(self.show)(), names="value")
        self.reload()

    # --- data ---------------------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        with new_session(self.engine) as session:
            rows = meetings.list_meetings(session, actor=self.user, first=self.today - dt.timedelta(days=400),
                                          last=self.today + dt.timedelta(days=500), include_projected=False)
        options = [(f"{r.organization} · {r.title()} · {format_date(r.start, style='abbr')}", r.id) for r in rows]
        current = select if select is not None else self.meeting.value
        self.meeting.options = options
        ids = [o[1] for o in options]
        upcoming = [r.id for r in rows if r.start >= self.today]
        self.meeting.value = current if current in ids else (upcoming[0] if upcoming else (ids[-1] if ids else None))
        self.show()

    def _people(self) -> tuple[list[tuple[str, str]], list[str]]:
        if not self.meeting.value:
            return [], []
        with new_session(self.engine) as session:
            delegates = [(p.display_name(), str(m.role)) for m, p in
                         meetings.delegation(session, meeting_id=self.meeting.value, actor=self.user)]
            observers = [p.display_name() for _, p in meetings.observers(session, meeting_id=self.meeting.value, actor=self.user)]
        return delegates, observers

    def _add_delegate(self, person_id: int, role: str) -> None:
        with new_session(self.engine) as session:
            meetings.add_delegate(session, meeting_id=self.meeting.value, person_id=person_id, role=role, actor=self.user)

    def _add_observer(self, person_id: int) -> None:
        with new_session(self.engine) as session:
            meetings.add_observer(session, meeting_id=self.meeting.value, person_id=person_id, actor=self.user)

    def _save_summary(self, values: dict[str, Any]) -> None:
        with new_session(self.engine) as session:
            summaries.write_summary(session, actor=self.user, data={**values, "meeting_id": self.meeting.value})

    def _make(self, fmt: str) -> tuple[bytes, str]:
        with new_session(self.engine) as session:
            view = summaries.summary_view(session, meeting_id=self.meeting.value, actor=self.user)
        payload = meeting_summary.render_docx(view) if fmt == "docx" else meeting_summary.render_pdf(view)
        return payload, f"meeting_summary_{self.meeting.value}.{fmt}"

    def _saved(self, message: str) -> None:
        self.notice.success(message)
        self.show()
        self._on_changed()

    # --- display ------------------------------------------------------------------------------------------

    def show(self) -> None:
        self.records.show(self.meeting.value or None)
        if not self.meeting.value:
            self.timeline.value = f"<p>{t('ip.no_meetings')}</p>"
            self.summary_box.children = ()
            return
        with new_session(self.engine) as session:
            row = meetings.meeting_row(session, meeting_id=self.meeting.value, actor=self.user)
            summary = summaries.get_summary(session, meeting_id=self.meeting.value, actor=self.user)
            follow = summaries.follow_ups(session, actor=self.user, meeting_id=self.meeting.value, today=self.today)
        steps = [[s.label(), format_date(s.due, style="abbr"),
                  "✓" if s.done else (t("ip.overdue") if s.overdue(self.today) else "")] for s in row.prep]
        self.timeline.value = (f"<h4>{t('ip.calendar_detail')}</h4>"
                               + html_table([t("ip.col.step"), t("ip_doc.col_due"), t("ip_doc.col_status")], steps,
                                            css_class="wb-ip-timeline",
                                            row_classes=["wb-overdue" if s.overdue(self.today) else "" for s in row.prep]))
        self.delegation.refresh()
        if summary is None:
            self.summary_box.children = (self.summary_form,)
            return
        import html as _html

        rows = [[f.action, f.owner or "-", format_date(f.due_date, style="abbr") if f.due_date else "-",
                 t(f"ip_follow.{f.status}")] for f in sorted(follow, key=lambda r: r.id)]
        self.summary_view.value = (
            f"<h4>{t('ip.summaries')}</h4><p style='white-space:pre-wrap'>{_html.escape(summary.key_decisions)}</p>"
            + html_table([t("ip_doc.col_action"), t("ip_doc.col_owner"), t("ip_doc.col_due"), t("ip_doc.col_status")],
                         rows, css_class="wb-ip-summary-followups"))
        self.downloads.reset()
        self.summary_box.children = (self.summary_view, self.downloads)

    def reset(self) -> None:
        self.summary_form.reset()
        self.delegation.reset()
        self.reload()
