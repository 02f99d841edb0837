"""ReadinessTable: each member of an outbound delegation, ready or not and why, and the deadlines of the trip."""

from __future__ import annotations

import html

import ipywidgets as widgets
from traitlets import List

from workbench.i18n import current_lang, t
from workbench.services.travel.readiness import VisitReadiness
from workbench.thai import format_date


class ReadinessTable(widgets.VBox):
    """Shows a ``VisitReadiness``. Public state: ``not_ready`` (names of members not ready, in order)."""

    not_ready = List()

    def __init__(self) -> None:
        self.lang = current_lang()
        self.summary = widgets.HTML("")
        self.table = widgets.HTML("")
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
        head = "".join(f"<th>{e(t(k))}</th>" for k in ("travel.col.member", "travel.col.position", "travel.col.passport",
                                                       "travel.col.visa", "travel.col.state"))
        rows = []
        for member in state.members:
            if member.passport_number:
                passport = (f"{t('travel.type.' + member.passport_type)} {member.passport_number} · "
                            f"{t('travel.expires', date=format_date(member.passport_expiry, style='abbr'))}")
            else:
                passport = t("travel.no_passport")
            position = member.position.label_th if lang == "th" else member.position.label_en
            if member.ready:
                state_cell = f'<span class="wb-ok" style="color:#1b5e20">{e(t("travel.ready"))}</span>'
            else:
                reasons = "".join(f"<li>{e(p.text(lang))}</li>" for p in member.problems)
                state_cell = (f'<span class="wb-not-ready" style="color:#b71c1c"><b>{e(t("travel.not_ready"))}</b></span>'
                              f'<ul style="margin:0;padding-left:1.2em">{reasons}</ul>')
            rows.append(f"<tr><td>{e(member.name(lang))}</td><td>{e(position)}</td><td>{e(passport)}</td>"
                        f"<td>{e(t('travel.visa.' + member.visa_status))}</td><td>{state_cell}</td></tr>")
        self.table.value = (f'<table class="wb-table wb-travel-table"><thead><tr>{head}</tr></thead>'
                            f'<tbody>{"".join(rows)}</tbody></table>')
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
        self.summary.value = self.table.value = self.deadlines.value = ""
        self.not_ready = []
