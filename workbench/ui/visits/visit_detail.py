"""VisitDetail: one visit seen and worked on: its details, the status buttons its workflow allows, the delegation,
the protocol checklist with ticks, and its engagements. Write actions appear only for users allowed to write."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from traitlets import Int

from workbench.db import new_session
from workbench.i18n import t
from workbench.models.visits import MemberRole, VisitStatus
from workbench.services import engagements, visits
from workbench.services.access import has_permission
from workbench.thai import format_date, format_datetime
from workbench.ui.choices import Choices
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.person_picker import PersonPicker
from workbench.ui.schema_form import field_label
from workbench.ui.visit_documents.visit_documents_panel import VisitDocuments

WORKFLOW_ORDER = [s.value for s in VisitStatus]


def text_block(text: str) -> widgets.HTML:
    """Long user-typed text, escaped, keeping its line breaks."""
    return widgets.HTML(f"<div style='white-space:pre-wrap'>{html.escape(text)}</div>")


def line(label: str, value: str) -> widgets.HTML:
    return widgets.HTML(f"<b>{html.escape(label)}:</b> {html.escape(value)}")


class VisitDetail(widgets.VBox):
    """``visit_id`` is the visit shown. Callbacks: ``on_changed()`` after any write, ``on_edit(visit_id)``,
    ``on_new_engagement(visit_id, start)``, ``on_open(item_type, record_id)`` for an engagement of the visit."""

    visit_id = Int(None, allow_none=True)

    def __init__(self, engine: Engine, user: Any, choices: Choices, *,
                 on_changed: Callable[[], None] | None = None, on_edit: Callable[[int], None] | None = None,
                 on_new_engagement: Callable[[int, dt.datetime], None] | None = None,
                 on_open: Callable[[str, int], None] | None = None) -> None:
        self.engine, self.user, self.choices = engine, user, choices
        self._on_changed = on_changed or (lambda: None)
        self._on_edit = on_edit or (lambda _i: None)
        self._on_new_engagement = on_new_engagement or (lambda _i, _s: None)
        self._on_open = on_open or (lambda _t, _i: None)
        self.can_write = has_permission(user, "visits.write")
        self.notice = Notice()
        self.heading = widgets.HTML()
        self.info = widgets.VBox()
        self.edit_button = widgets.Button(description=t("detail.edit"))
        self.reason = widgets.Text(description=t("detail.reason"), style=DESCRIPTION_STYLE)
        self.status_buttons = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.delegation = widgets.VBox()
        self.member_picker = PersonPicker(field_label("person_id"), search=choices.search_people,
                                          names=choices.person_labels, multiple=False)
        self.member_role = widgets.Dropdown(description=field_label("role"), style=DESCRIPTION_STYLE,
                                            options=[(t(f"member_role.{r.value}"), r.value) for r in MemberRole])
        self.add_member_button = widgets.Button(description=t("detail.add_member"))
        self.checklist = widgets.VBox()
        self.engagements = widgets.VBox()
        self.add_engagement_button = widgets.Button(description=t("detail.add_engagement"),
                                                    layout=widgets.Layout(width="auto"))
        self.documents = VisitDocuments(engine, user, notice=self.notice, on_changed=lambda: self._documents_changed())
        writes = [self.edit_button, self.reason, self.status_buttons] if self.can_write else []
        member_form = [self.member_picker, self.member_role, self.add_member_button] if self.can_write else []
        super().__init__([
            self.heading, self.notice, self.info, *writes,
            widgets.HTML(f"<h4>{html.escape(t('detail.delegation'))}</h4>"), self.delegation, *member_form,
            widgets.HTML(f"<h4>{html.escape(t('detail.checklist'))}</h4>"), self.checklist,
            widgets.HTML(f"<h4>{html.escape(t('detail.engagements'))}</h4>"), self.engagements,
            *([self.add_engagement_button] if self.can_write else []), self.documents,
        ])
        self.add_class("wb-visit-detail")
        guard = self._guard = guarded(self.notice)
        self.edit_button.on_click(guard(lambda _b: self._on_edit(self.visit_id)))
        self.add_member_button.on_click(guard(lambda _b: self.add_member()))
        self.add_engagement_button.on_click(guard(lambda _b: self._new_engagement()))
        self._start: dt.date | None = None

    def show(self, visit_id: int) -> None:
        self.visit_id = visit_id
        self.notice.reset()
        self.documents.reset()
        self.refresh()

    def refresh(self) -> None:
        lang = self.choices.lang
        with new_session(self.engine) as session:
            visit = visits.read_visit(session, visit_id=self.visit_id, actor=self.user)
            members = visits.delegation(session, visit_id=self.visit_id, actor=self.user)
            items = visits.checklist(session, visit_id=self.visit_id, actor=self.user)
            parts = engagements.list_engagements(session, actor=self.user, visit_id=self.visit_id)
        self._start = visit.start_date
        title = visit.title_th if lang == "th" else visit.title_en or visit.title_th
        self.heading.value = f"<h3>{html.escape(title)}</h3>"
        countries = dict((v, k) for k, v in self.choices.countries)
        status = t(f"visit_status.{visit.status}")
        rows = [
            line(field_label("kind"), f"{t(f'visit_kind.{visit.kind}')} · {t(f'direction.{visit.direction}')}"),
            line(t("detail.when"), f"{format_date(visit.start_date)} – {format_date(visit.end_date)}"),
            line(field_label("status"), status + (f" ({visit.status_reason})" if visit.status_reason else "")),
            line(t("detail.country"), countries.get(visit.country_id, "")),
        ]
        if visit.principal_id:
            rows.append(line(field_label("principal_id"), self.choices.name_of(visit.principal_id)))
        if visit.officer_ids:
            names = ", ".join(n for n, _ in self.choices.person_names(visit.officer_ids))
            rows.append(line(t("detail.officers"), names))
        if visit.cities:
            rows.append(line(field_label("cities"), visit.cities))
        if visit.notes:
            rows.append(text_block(visit.notes))
        self.info.children = rows
        allowed = sorted((s.value for s in visits.TRANSITIONS[VisitStatus(visit.status)]), key=WORKFLOW_ORDER.index)
        buttons = []
        for target in allowed:
            button = widgets.Button(description=t("detail.status_to", status=t(f"visit_status.{target}")),
                                    layout=widgets.Layout(width="auto"))
            button.add_class(f"wb-status-{target}")
            button.on_click(self._guard(lambda _b, s=target: self.change_status(s)))
            buttons.append(button)
        self.status_buttons.children = buttons
        self.reason.layout.display = None if allowed else "none"
        self.delegation.children = [widgets.Label(
            f"{person.display_name(lang)} · {t(f'member_role.{member.role}')}"
            + (f" · {field_label('dietary')}: {member.dietary}" if member.dietary else "")
            + (f" · {field_label('accessibility')}: {member.accessibility}" if member.accessibility else ""))
            for member, person in members] or [widgets.Label(t("detail.delegation_empty"))]
        boxes = []
        for item in items:
            box = widgets.Checkbox(value=item.done, disabled=not self.can_write, indent=False,
                                   description=f"{item.label_th if lang == 'th' else item.label_en or item.label_th}"
                                               f" · {t('detail.due', date=format_date(item.due_date, style='abbr'))}",
                                   layout=widgets.Layout(width="98%"))
            box.add_class("wb-checklist-item")
            box.observe(self._guard(lambda c, item_id=item.id: self.tick(item_id, c["new"])), names="value")
            boxes.append(box)
        self.checklist.children = boxes
        entries = []
        for part in parts:
            title = part.title_th if lang == 'th' else part.title_en or part.title_th
            label = f"{format_datetime(part.start, style='abbr')} {title}"
            button = widgets.Button(description=label, tooltip=label, layout=widgets.Layout(width="98%"))
            button.on_click(self._guard(lambda _b, number=part.id: self._on_open("engagement", number)))
            entries.append(button)
        self.engagements.children = entries or [widgets.Label(t("panel.none"))]
        if self.documents.visit_id != self.visit_id:
            self.documents.show(self.visit_id)

    def _documents_changed(self) -> None:
        self.refresh()  # an issued report ticks the checklist; "reported" changes the status
        self._on_changed()

    def change_status(self, status: str) -> None:
        with new_session(self.engine) as session:
            visits.change_status(session, visit_id=self.visit_id, status=status, reason=self.reason.value,
                                 actor=self.user)
        self.reason.value = ""
        self.refresh()
        self.notice.success(t("detail.status_changed", status=t(f"visit_status.{status}")))
        self._on_changed()

    def tick(self, item_id: int, done: bool) -> None:
        with new_session(self.engine) as session:
            visits.set_checklist_item(session, item_id=item_id, done=done, actor=self.user)
        self._on_changed()

    def add_member(self) -> None:
        chosen = self.member_picker.value
        with new_session(self.engine) as session:
            data = {"visit_id": self.visit_id, "role": self.member_role.value}
            if chosen:
                data["person_id"] = chosen[0]
            visits.add_delegation_member(session, data=data, actor=self.user)
        self.member_picker.reset()
        self.refresh()
        self.notice.success(t("detail.member_added"))

    def _new_engagement(self) -> None:
        start = dt.datetime.combine(self._start or self.choices.today, dt.time(10, 0))
        self._on_new_engagement(self.visit_id, start)

    def reset(self) -> None:
        self.visit_id = None
        self.heading.value = ""
        for box in (self.info, self.delegation, self.checklist, self.engagements, self.status_buttons):
            box.children = ()
        self.notice.reset()
        self.documents.reset()
