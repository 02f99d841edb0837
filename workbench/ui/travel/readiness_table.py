"""ReadinessTable: each member of an outbound delegation, ready or not and why, and the deadlines of the trip."""

from __future__ import annotations

import html

import ipywidgets as widgets
from traitlets import List

from workbench.i18n import current_lang, t
from workbench.services.travel.readiness import VisitReadiness
from workbench.thai import format_date
from workbench.ui.record_table import RecordTable


class ReadinessTable(widgets.VBox):
    """Shows a ``VisitReadiness``. Public state: ``not_ready`` (names of members not ready, in order)."""

    not_ready = List()

    def __init__(self) -> None:
        self.lang = current_lang()
        self.summary = widgets.HTML("")
        self.table = RecordTable([("member", t("travel.col.member")), ("position", t("travel.col.position")),
                                  ("passport", t("travel.col.passport")), ("visa", t("travel.col.visa")),
                                  ("state", t("travel.col.state")), ("why", "")], css_class="wb-travel-table",
                                 row_class=lambda row: "" if row["ready"] else "wb-overdue")
        self.deadlines = widgets.HTML("")
        super().__init__([self.summary, self.table, self.deadlines])
        self.add_class("wb-travel-readiness")

    def show(self, state: VisitReadiness) -> None:
        lang, e = self.lang, html.escape
        ready = sum(1 for m in state.members if m.ready)
        self.summary.value = (f"<h3>{e(t('travel.readiness'))}: {e(state.visit.title_th if lang == 'th' else state.visit.title_en or state.visit.title_th)}</h3>"
                              f"<p>{e(format_date(state.visit.start_date))} – {e(format_date(state.visit.end_date))} · "
                              f"{e(state.country_th if lang == 'th' else state.country_en)} · "
                              f"<b>{e(t('travel.ready_count', ready=ready, total=len(state.members)))}</b></p>")
        rows = []
        for member in state.members:
            if member.passport_number:
                passport = (f"{t('travel.type.' + member.passport_type)} {member.passport_number} · "
                            f"{t('travel.expires', date=format_date(member.passport_expiry, style='abbr'))}")
            else:
                passport = t("travel.no_passport")
            rows.append({"member": member.name(lang), "ready": member.ready,
                         "position": member.position.label_th if lang == "th" else member.position.label_en,
                         "passport": passport, "visa": t("travel.visa." + member.visa_status),
                         "state": t("travel.ready") if member.ready else t("travel.not_ready"),
                         "why": [p.text(lang) for p in member.problems]})
        self.table.show(rows)
        items = []
        for deadline in state.deadlines:
            label = deadline.label_th if lang == "th" else deadline.label_en
            when = t("travel.deadline_due", date=format_date(deadline.due, style="abbr"))
            mark = (t("travel.deadline_done") if deadline.done else
                    t("travel.deadline_overdue") if deadline.overdue else "")
            colour = "#1b5e20" if deadline.done else "#b71c1c" if deadline.overdue else "#333"
            items.append(f'<li style="color:{colour}">{e(label)}: {e(when)} {e(mark)}</li>')
        self.deadlines.value = f"<b>{e(t('travel.deadlines'))}</b><ul>{''.join(items)}</ul>"
        self.not_ready = [m.name(lang) for m in state.members if not m.ready]

    def reset(self) -> None:
        self.summary.value = self.deadlines.value = ""
        self.table.reset()
        self.not_ready = []
