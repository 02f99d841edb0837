"""EngagementDetail: one engagement seen and worked on: details, status, the record of conversation (with
follow-ups and amendments) for calls and meetings, and for receptions the seating plan and dietary summary."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench.db import new_session
from workbench.i18n import t
from workbench.models.visits import EngagementKind, EngagementStatus
from workbench.services import engagements, protocol, records
from workbench.services.access import has_permission
from workbench.thai import format_baht, format_date, format_datetime
from workbench.ui.choices import Choices
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.record_table import RecordTable
from workbench.ui.schema_form import field_label
from workbench.ui.visit_documents.engagement_documents import EngagementDocuments
from workbench.ui.visit_documents.programme_details_form import ProgrammeDetailsForm
from workbench.ui.visits.visit_detail import line, text_block


class EngagementDetail(widgets.VBox):
    """``engagement_id`` is the engagement shown. Callbacks: ``on_changed()`` after any write,
    ``on_edit(engagement_id)``, ``on_record(engagement_id, subject)``, ``on_open(item_type, record_id)``."""

    engagement_id = Int(None, allow_none=True)

    def __init__(self, engine: Engine, user: Any, choices: Choices, *,
                 on_changed: Callable[[], None] | None = None, on_edit: Callable[[int], None] | None = None,
                 on_record: Callable[[int, str], None] | None = None,
                 on_open: Callable[[str, int], None] | None = None) -> None:
        self.engine, self.user, self.choices = engine, user, choices
        self._on_changed = on_changed or (lambda: None)
        self._on_edit = on_edit or (lambda _i: None)
        self._on_record = on_record or (lambda _i, _s: None)
        self._on_open = on_open or (lambda _t, _i: None)
        self.can_write = has_permission(user, "visits.write")
        self.can_record = has_permission(user, "records.write")
        self.notice = Notice()
        self.heading = widgets.HTML()
        self.info = widgets.VBox()
        self.edit_button = widgets.Button(description=t("detail.edit"))
        self.status_buttons = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.record = widgets.VBox()
        self.reception = widgets.VBox()
        self.amendment = widgets.Textarea(description=t("detail.amend_text"), rows=2, style=DESCRIPTION_STYLE,
                                          layout=widgets.Layout(width="95%"))
        self.amend_button = widgets.Button(description=t("detail.amend"))
        self.write_record_button = widgets.Button(description=t("detail.write_record"), button_style="primary",
                                                  layout=widgets.Layout(width="auto"))
        self.edit_button.layout.width = "auto"
        writes = [widgets.HBox([self.edit_button, self.status_buttons], layout=widgets.Layout(flex_flow="row wrap"))
                  ] if self.can_write else []
        self.documents = EngagementDocuments(engine, user, notice=self.notice)
        self.programme = ProgrammeDetailsForm(engine, user, choices, notice=self.notice)
        super().__init__([self.heading, self.notice, self.info, *writes, self.record, self.reception, self.documents,
                          self.programme])
        self.add_class("wb-engagement-detail")
        guard = self._guard = guarded(self.notice)
        self.edit_button.on_click(guard(lambda _b: self._on_edit(self.engagement_id)))
        self.amend_button.on_click(guard(lambda _b: self.amend()))
        self.write_record_button.on_click(guard(lambda _b: self._on_record(self.engagement_id, self._subject)))
        self._subject = ""

    def show(self, engagement_id: int) -> None:
        self.engagement_id = engagement_id
        self.notice.reset()
        self.refresh()

    def refresh(self) -> None:
        lang = self.choices.lang
        with new_session(self.engine) as session:
            current = engagements.read_engagement(session, engagement_id=self.engagement_id, actor=self.user)
            recorded = current.kind in records.RECORDED_KINDS
            record = (records.record_for(session, engagement_id=self.engagement_id, actor=self.user)
                      if recorded else None)
            follow_ups = records.follow_ups(session, record_id=record.id, actor=self.user) if record else []
            reception = current.kind == EngagementKind.RECEPTION
            seats = (protocol.seating_plan(session, engagement_id=self.engagement_id, actor=self.user)
                     if reception else [])
            summary = (protocol.reception_summary(session, engagement_id=self.engagement_id, actor=self.user)
                       if reception else None)
        title = current.title_th if lang == "th" else current.title_en or current.title_th
        self._subject = f"{title} ({format_datetime(current.start, style='abbr')})"
        self.heading.value = f"<h3>{html.escape(title)}</h3>"
        countries = dict((v, k) for k, v in self.choices.countries)
        rows = [
            line(field_label("kind"), t(f"engagement_kind.{current.kind}")),
            line(t("detail.when"), f"{format_datetime(current.start)} – {current.end:%H.%M} น."
                 if current.end.date() == current.start.date() else
                 f"{format_datetime(current.start)} – {format_datetime(current.end)}"),
            line(field_label("status"), t(f"engagement_status.{current.status}")),
        ]
        if current.country_id:
            rows.append(line(t("detail.country"), countries.get(current.country_id, "")))
        if current.venue:
            rows.append(line(field_label("venue"), current.venue))
        if current.principal_ids:
            names = ", ".join(n for n, _ in self.choices.person_names(current.principal_ids))
            rows.append(line(t("detail.principals"), names))
        if current.guest_ids:
            rows.append(line(t("detail.guests"), ", ".join(n for n, _ in self.choices.person_names(current.guest_ids))))
        if current.host_id:
            rows.append(line(field_label("host_id"), self.choices.name_of(current.host_id)))
        if current.cost_estimate is not None:
            rows.append(line(field_label("cost_estimate"), format_baht(current.cost_estimate)))
        if current.notes:
            rows.append(text_block(current.notes))
        if current.visit_id:
            open_visit = widgets.Button(description=field_label("visit_id"),
                                        layout=widgets.Layout(width="auto"))
            open_visit.on_click(self._guard(lambda _b, number=current.visit_id: self._on_open("visit", number)))
            rows.append(open_visit)
        self.info.children = rows
        buttons = []
        for target in sorted(engagements.ENGAGEMENT_TRANSITIONS[EngagementStatus(current.status)]):
            button = widgets.Button(description=t("detail.engagement_status_to",
                                                  status=t(f"engagement_status.{target.value}")),
                                    layout=widgets.Layout(width="auto"))
            button.on_click(self._guard(lambda _b, s=target.value: self.set_status(s)))
            buttons.append(button)
        self.status_buttons.children = buttons
        self.record.children = self._record_rows(record, follow_ups) if recorded else ()
        self.reception.children = self._reception_rows(seats, summary) if reception else ()
        self.documents.layout.display = None if current.guest_ids else "none"
        if self.documents.engagement_id != self.engagement_id:
            self.documents.show(self.engagement_id, kind=current.kind)
        self.programme.layout.display = None if current.visit_id else "none"  # a programme is a visit's
        if current.visit_id and self.programme.engagement_id != self.engagement_id:
            self.programme.show(self.engagement_id)

    def _record_rows(self, record: Any, follow_ups: list) -> list[widgets.Widget]:
        rows: list[widgets.Widget] = [widgets.HTML(f"<h4>{html.escape(t('detail.record'))}</h4>")]
        if record is None:
            rows.append(widgets.Label(t("detail.no_record")))
            if self.can_record:
                rows.append(self.write_record_button)
            return rows
        for name in ("attendees", "topics"):
            if getattr(record, name):
                rows.append(line(field_label(name), getattr(record, name)))
        rows.append(widgets.HTML(f"<b>{html.escape(field_label('summary'))}:</b>"))
        rows.append(text_block(record.summary))
        if follow_ups:
            rows.append(widgets.HTML(f"<b>{html.escape(t('form.follow_ups'))}</b>"))
        for item in follow_ups:
            text = " · ".join(p for p in (item.action, self.choices.name_of(item.owner_id),
                                          format_date(item.due_date, style="abbr") if item.due_date else "",
                                          t("detail.follow_up_done") if item.done else "") if p)
            entry: list[widgets.Widget] = [widgets.Label(text)]
            if not item.done and self.can_record:
                done = widgets.Button(description=t("detail.mark_done"), layout=widgets.Layout(width="auto"))
                done.on_click(self._guard(lambda _b, number=item.id: self.complete(number)))
                entry.append(done)
            rows.append(widgets.HBox(entry))
        if self.can_record:
            rows += [self.amendment, self.amend_button]
        return rows

    def _reception_rows(self, seats: list, summary: Any) -> list[widgets.Widget]:
        lang = self.choices.lang
        table = RecordTable([(key, t(f"detail.{key}")) for key in ("seat", "name", "side", "rank")],
                            numeric={"seat"}, css_class="wb-seating")
        table.show([{"seat": seat.number, "name": seat.name_th if lang == "th" else seat.name_en,
                     "side": t(f"side.{seat.side}"), "rank": seat.rank if seat.rank_code else "-"} for seat in seats])
        dietary = ", ".join(f"{need} ({count})" for need, count in summary.dietary.items()) or t("detail.dietary_none")
        return [
            widgets.HTML(f"<h4>{html.escape(t('detail.seating'))}</h4>"),
            table,
            widgets.Label(t("detail.guest_count", guests=summary.guests, hosts=summary.hosts)),
            line(t("detail.dietary_summary"), dietary),
        ]

    def set_status(self, status: str) -> None:
        with new_session(self.engine) as session:
            engagements.set_engagement_status(session, engagement_id=self.engagement_id, status=status,
                                              actor=self.user)
        self.refresh()
        self.notice.success(t("notice.saved"))
        self._on_changed()

    def complete(self, follow_up_id: int) -> None:
        with new_session(self.engine) as session:
            records.complete_follow_up(session, follow_up_id=follow_up_id, actor=self.user)
        self.refresh()
        self._on_changed()

    def amend(self) -> None:
        with new_session(self.engine) as session:
            record = records.record_for(session, engagement_id=self.engagement_id, actor=self.user)
            records.amend_record(session, record_id=record.id if record else -1, text=self.amendment.value,
                                 actor=self.user)
        self.amendment.value = ""
        self.refresh()
        self.notice.success(t("detail.amended"))

    def reset(self) -> None:
        self.engagement_id = None
        self.heading.value = ""
        for box in (self.info, self.record, self.reception, self.status_buttons):
            box.children = ()
        self.notice.reset()
