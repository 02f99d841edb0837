"""InterparliamentaryDashboard: upcoming meetings with their preparation status, one meeting's delegation,
observers and summary, open follow-ups (overdue first), the national groups' executive committees and the
coordination log with the House secretariat."""

from __future__ import annotations

import datetime as dt
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench import clock
from workbench.db import new_session
from workbench.i18n import t
from workbench.services.access import has_permission
from workbench.services.interparliamentary import committees, exchanges, meetings, summaries
from workbench.thai import format_date
from workbench.ui.choices import Choices
from workbench.ui.guard import guarded
from workbench.ui.interparliamentary.committee_table import CommitteeTable
from workbench.ui.interparliamentary.coordination_form import CoordinationForm
from workbench.ui.interparliamentary.follow_up_status_form import FollowUpStatusForm
from workbench.ui.interparliamentary.follow_ups_table import FollowUpsTable
from workbench.ui.interparliamentary.meeting_panel import MeetingPanel
from workbench.ui.interparliamentary.tables import html_table
from workbench.ui.interparliamentary.upcoming_meetings import UpcomingMeetings
from workbench.ui.notice import Notice

UPCOMING_DAYS = 200


class InterparliamentaryDashboard(widgets.VBox):
    def __init__(self, engine: Engine, user: Any, *, today: dt.date | None = None) -> None:
        self.engine, self.user = engine, user
        self.today = today or clock.today()
        self.notice = Notice()
        guard = guarded(self.notice)
        choices = Choices(engine, self.today)
        may_write = has_permission(user, meetings.WRITE)
        self.upcoming = UpcomingMeetings(load=self._upcoming, today=self.today,
                                         on_enter=guard(self._enter) if may_write else None)
        self.upcoming.enter_button._click_handlers.callbacks.clear()  # noqa: SLF001 - errors go to the notice
        self.upcoming.enter_button.on_click(lambda _b: guard(self.upcoming._enter)())  # noqa: SLF001
        self.panel = MeetingPanel(engine, user, choices, self.notice, today=self.today, on_changed=self.refresh)
        self.follow_ups = FollowUpsTable(load=self._follow_ups, export=self._export)
        self.status_form = FollowUpStatusForm(save=self._set_status, on_saved=self._status_saved, guard=guard)
        self.committee = CommitteeTable(load=self._committee, today=self.today)
        self.coordination = widgets.HTML()
        self.coordination_form = CoordinationForm(save=self._log, on_saved=self._logged, guard=guard)
        writer_only = (lambda *boxes: list(boxes)) if may_write else (lambda *_boxes: [])
        self.tabs = widgets.Tab(children=[
            widgets.VBox([self.upcoming, self.panel]),
            widgets.VBox([self.follow_ups, *writer_only(self.status_form)]),
            self.committee, widgets.VBox([self.coordination, *writer_only(self.coordination_form)])])
        for index, key in enumerate(("ip.tab.meetings", "ip.tab.followups", "ip.tab.committee", "ip.tab.coordination")):
            self.tabs.set_title(index, t(key))
        super().__init__([widgets.HTML(f"<h2>{t('ip.title')}</h2>"), self.notice, self.tabs])
        self.add_class("wb-ip-dashboard")
        self._coordination()
        self.status_form.set_rows(self.follow_ups.rows)

    def _upcoming(self) -> list[meetings.MeetingRow]:
        with new_session(self.engine) as session:
            return meetings.list_meetings(session, actor=self.user, first=self.today,
                                          last=self.today + dt.timedelta(days=UPCOMING_DAYS))

    def _enter(self, key: str) -> None:
        with new_session(self.engine) as session:
            meeting = meetings.enter_predicted(session, key=key, actor=self.user)
            meeting_id = meeting.id
        self.upcoming.refresh()
        self.panel.reload(select=meeting_id)

    def _follow_ups(self) -> list[summaries.FollowUpRow]:
        with new_session(self.engine) as session:
            return summaries.follow_ups(session, actor=self.user, open_only=True, today=self.today)

    def _export(self, rows: list[summaries.FollowUpRow]) -> bytes:
        from workbench.documents.spreadsheet import to_xlsx

        columns = [("organization", t("ip.col.org")), ("meeting", t("ip.col.meeting")), ("action", t("ip_doc.col_action")),
                   ("owner", t("ip_doc.col_owner")), ("due_date", t("ip_doc.col_due")), ("status", t("ip_doc.col_status"))]
        data = [{**r.as_dict(), "status": t(f"ip_follow.{r.status}")} for r in rows]
        return to_xlsx(data, columns, sheet="follow-ups")

    def _committee(self, group: str, day: dt.date) -> list[committees.Seat]:
        with new_session(self.engine) as session:
            return committees.executive_committee(session, actor=self.user, group_code=group, on=day)

    def _coordination(self) -> None:
        with new_session(self.engine) as session:
            entries = exchanges.coordination_log(session, actor=self.user)
            choices = meetings.list_meetings(session, actor=self.user, first=self.today - dt.timedelta(days=400),
                                             last=self.today + dt.timedelta(days=500), include_projected=False)
        self.coordination_form.set_meetings(
            [(f"{r.organization} · {r.title()} · {format_date(r.start, style='abbr')}", r.id) for r in choices])
        rows = [[format_date(e.asked_on, style="abbr"), e.asked_by, e.question, e.answer or "-", e.decision or "-"]
                for e in entries]
        self.coordination.value = f"<h3>{t('ip.coordination')}</h3>" + html_table(
            [t(f"ip.coord.{key}") for key in ("asked_on", "asked_by", "question", "answer", "decision")], rows, css_class="wb-ip-coordination")

    def _set_status(self, follow_up_id: int, status: str) -> None:
        with new_session(self.engine) as session:
            summaries.set_follow_up_status(session, follow_up_id=follow_up_id, status=status, actor=self.user)

    def _status_saved(self, message: str) -> None:
        self.notice.success(message)
        self.refresh()
        self.panel.show()

    def _log(self, values: dict[str, Any]) -> None:
        with new_session(self.engine) as session:
            exchanges.log_coordination(session, actor=self.user, data=values)

    def _logged(self, message: str) -> None:
        self.notice.success(message)
        self._coordination()

    def refresh(self) -> None:
        self.upcoming.refresh()
        self.follow_ups.refresh()
        self.status_form.set_rows(self.follow_ups.rows)

    def reset(self) -> None:
        self.notice.reset()
        self.refresh()
