"""StaffPanel: the office's officers by work group with who is away today and their passports (read from the
passport register), the form to register an officer (from ``StaffMemberCreate``) and the form to record an absence
(from ``AbsenceCreate``)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine

from workbench.db import new_session
from workbench.errors import WorkbenchError
from workbench.i18n import current_lang, t
from workbench.models.administration import AbsenceCreate, StaffMemberCreate
from workbench.services import visits
from workbench.services.access import has_permission
from workbench.services.administration import staff
from workbench.thai import format_date
from workbench.ui.administration.list_table import ListTable
from workbench.ui.choices import Choices
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice
from workbench.ui.person_picker import PersonPicker
from workbench.ui.schema_form import SchemaForm, field_label


class StaffPanel(widgets.VBox):
    def __init__(self, engine: Engine, user: Any, *, notice: Notice, today: dt.date,
                 on_changed: Callable[[], None] | None = None) -> None:
        self.engine, self.user, self.notice, self.today = engine, user, notice, today
        self.on_changed = on_changed or (lambda: None)
        self.table = ListTable([("name", t("admin.col.name")), ("position_th", field_label("position_th")),
                                ("work_group", field_label("work_group")), ("languages", field_label("languages")),
                                ("office_phone", field_label("office_phone")), ("passports", t("admin.col.passports")),
                                ("away", t("admin.col.away"))],
                               filename="staff", notice=notice)
        self.away = widgets.HTML("")
        note = widgets.HTML(f"<small>{html.escape(t('admin.staff.passports_note'))}</small>")
        parts: list[widgets.Widget] = [widgets.HTML(f"<h3>{html.escape(t('admin.staff.heading'))}</h3>"), self.away,
                                       self.table, note]
        self.form = self.absence_form = None
        if has_permission(user, "administration.write"):
            choices = Choices(engine, today)
            picker = PersonPicker(field_label("person_id"), search=choices.search_people, names=choices.person_labels,
                                  multiple=False)
            self.form = SchemaForm(StaffMemberCreate, overrides={"person_id": picker},
                                   exclude=("user_id", "is_active"))
            self.add_button = widgets.Button(description=t("admin.staff.add"), button_style="primary", layout=widgets.Layout(width="auto"))
            self.staff_choice = widgets.Dropdown(description=field_label("staff_id"), style=DESCRIPTION_STYLE)
            self.visit_choice = widgets.Dropdown(description=field_label("visit_id"), style=DESCRIPTION_STYLE,
                                                 options=[(t("form.none"), None)])
            self.absence_form = SchemaForm(AbsenceCreate, overrides={"staff_id": self.staff_choice,
                                                                     "visit_id": self.visit_choice})
            self.absence_button = widgets.Button(description=t("admin.absence.add"), button_style="primary", layout=widgets.Layout(width="auto"))
            guard = guarded(notice)
            self.add_button.on_click(guard(lambda _b: self.add()))
            self.absence_button.on_click(guard(lambda _b: self.add_absence()))
            parts += [widgets.HTML(f"<h4>{html.escape(t('admin.staff.add'))}</h4>"), self.form, self.add_button,
                      widgets.HTML(f"<h4>{html.escape(t('admin.absence.add'))}</h4>"), self.absence_form,
                      self.absence_button]
        super().__init__(parts)
        self.add_class("wb-admin-staff")

    def refresh(self) -> None:
        with new_session(self.engine) as session:
            members = staff.list_staff(session, actor=self.user, on=self.today)
            away = staff.away_on(session, day=self.today, actor=self.user)
            passports = staff.passports_by_staff(session, actor=self.user, today=self.today)
        self.table.show([{"name": m.name, "position_th": m.position_th,
                          "work_group": t(f"work_group.{m.work_group.value}"), "languages": languages_text(m.languages),
                          "office_phone": m.office_phone, "passports": passport_text(passports.get(m.id, [])),
                          "away": t(f"absence_kind.{m.away}") if m.away else "",
                          "_flag": bool(m.away)} for m in members])
        names = ", ".join(f"{a['name']} ({t('absence_kind.' + a['kind'].value)} {format_date(a['start_date'], style='abbr')}"
                          f"–{format_date(a['end_date'], style='abbr')})" for a in away)
        self.away.value = html.escape(t("admin.staff.away_today", day=format_date(self.today)) + " " +
                                      (names or t("admin.none")))
        if self.absence_form is not None:  # whose absence is chosen, never silently the first officer listed
            self.staff_choice.options = [(t("form.choose"), None)] + [(m.name, m.id) for m in members]
            self.visit_choice.options = [(t("form.none"), None)] + self._visits()

    def _visits(self) -> list[tuple[str, int]]:
        """Visits an absence (official travel) may be for: from three months back to a year ahead."""
        with new_session(self.engine) as session:
            found = visits.list_visits(session, actor=self.user, start=self.today - dt.timedelta(days=90),
                                       end=self.today + dt.timedelta(days=365))
        return [(f"{format_date(v.start_date, style='abbr')} · {v.title_th}", v.id) for v in found]

    def add(self) -> None:
        with new_session(self.engine) as session:
            staff.add_staff(session, actor=self.user, data=self.form.values())
        self.form.reset()
        self.notice.success(t("admin.saved"))
        self.refresh()
        self.on_changed()

    def add_absence(self) -> None:
        with new_session(self.engine) as session:
            staff.record_absence(session, actor=self.user, data=self.absence_form.values())
        self.absence_form.reset()
        self.notice.success(t("admin.saved"))
        self.refresh()

    def reset(self) -> None:
        for form in (self.form, self.absence_form):
            if form is not None:
                form.reset()


def languages_text(text: str) -> str:
    """'en:fluent, de:basic' as a Thai reader reads it: 'อังกฤษ (ดีมาก), เยอรมัน (พื้นฐาน)' (CLDR language names)."""
    from babel import Locale

    try:
        parsed = staff.parse_languages(text)
    except WorkbenchError:
        return text
    names = Locale.parse(current_lang()).languages
    return ", ".join(f"{names.get(code.lower(), code)} ({t(f'language_level.{level.value}')})" for code, level in parsed)


def passport_text(rows: list[dict[str, Any]]) -> str:
    """'ทูต D1234567 หมดอายุ 1 ม.ค. 2574 (สำนักงาน); …' for the registry's passports column."""
    return "; ".join(t("admin.staff.passport_entry", type=t(f"travel.type.{r['passport_type'].value}"),
                       number=r["number"], expiry=format_date(r["expiry_date"], style="abbr"),
                       location=t(f"travel.location.{r['location'].value}")) for r in rows)
