"""RegisterTable: a register's entries, filtered (register, year, any fragment, status, urgency, overdue only),
a page at a time, each row with a button that opens it. Counts and rows come from the service, which leaves out
whatever the user's clearance does not cover. All text is shown escaped."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from workbench.i18n import t
from workbench.models.correspondence import CorrespondenceRead, CorrespondenceStatus, Register, Urgency
from workbench.thai import be_year, format_datetime
from workbench.ui.date_field import DESCRIPTION_STYLE
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

PAGE = 20
URGENCY_COLOURS = {Urgency.MOST_URGENT: "#b71c1c", Urgency.VERY_URGENT: "#d84315", Urgency.URGENT: "#ef6c00"}


class RegisterTable(widgets.VBox):
    """``fetch(filters, offset, limit) -> (rows, total)`` is the injected service call; ``on_open(id)``."""

    def __init__(self, *, years: list[int], fetch: Callable[..., tuple[list[CorrespondenceRead], int]],
                 on_open: Callable[[int], None], is_overdue: Callable[[CorrespondenceRead], bool],
                 show_filters: bool = True) -> None:
        self._fetch, self._on_open, self._is_overdue = fetch, on_open, is_overdue
        self.notice = Notice()
        self.register = widgets.Dropdown(description=t("field.register"), style=DESCRIPTION_STYLE, options=[
            (t("corr.all"), ""), *[(t(f"register.{r.value}"), r.value) for r in Register]])
        self.year = widgets.Dropdown(description=t("field.year"), style=DESCRIPTION_STYLE,
                                     options=[(t("corr.all"), 0), *[(str(be_year(y)), y) for y in years]])
        self.query = widgets.Text(description=t("corr.search"), placeholder=t("corr.search_hint"),
                                  style=DESCRIPTION_STYLE, continuous_update=False,
                                  layout=widgets.Layout(width="460px"))
        self.status = widgets.Dropdown(description=t("field.status"), style=DESCRIPTION_STYLE, options=[
            (t("corr.all"), ""), *[(t(f"correspondence_status.{s.value}"), s.value) for s in CorrespondenceStatus]])
        self.urgency = widgets.Dropdown(description=t("field.urgency"), style=DESCRIPTION_STYLE, options=[
            (t("corr.all"), ""), *[(t(f"urgency.{u.value}"), u.value) for u in Urgency]])
        self.overdue_only = widgets.Checkbox(description=t("corr.overdue_only"), indent=False)
        self.search_button = widgets.Button(description=t("corr.search_button"), button_style="primary")
        self.count = widgets.HTML("")
        self.rows_box = widgets.VBox()
        self.rows_box.add_class("wb-corr-rows")
        self.previous_button = widgets.Button(description=t("corr.previous"))
        self.next_button = widgets.Button(description=t("corr.next"))
        self.page = 0
        self.total = 0
        self.rows: list[CorrespondenceRead] = []
        filters = widgets.HBox([self.register, self.year, self.status, self.urgency],
                               layout=widgets.Layout(flex_flow="row wrap"))
        search = widgets.HBox([self.query, self.overdue_only, self.search_button],
                              layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        top = [filters, search] if show_filters else []
        super().__init__([*top, self.notice, self.count, self.rows_box,
                          widgets.HBox([self.previous_button, self.next_button])])
        self.add_class("wb-corr-register-table")
        guard = guarded(self.notice)
        self.search_button.on_click(guard(lambda _b: self.refresh(first_page=True)))
        self.query.observe(guard(lambda _c: self.refresh(first_page=True)), names="value")
        for box in (self.register, self.year, self.status, self.urgency, self.overdue_only):
            box.observe(guard(lambda _c: self.refresh(first_page=True)), names="value")
        self.previous_button.on_click(guard(lambda _b: self._turn(-1)))
        self.next_button.on_click(guard(lambda _b: self._turn(1)))
        self._guard = guard

    def filters(self) -> dict[str, Any]:
        return {"register": self.register.value or None, "year": self.year.value or None,
                "query": self.query.value.strip(), "status": self.status.value or None,
                "urgency": self.urgency.value or None, "overdue": self.overdue_only.value}

    def refresh(self, *, first_page: bool = False) -> None:
        if first_page:
            self.page = 0
        self.rows, self.total = self._fetch(self.filters(), self.page * PAGE, PAGE)
        pages = max(1, -(-self.total // PAGE))
        self.count.value = html.escape(t("corr.count", n=f"{self.total:,}", page=self.page + 1, pages=pages))
        self.rows_box.children = [self._header()] + [self._row(d) for d in self.rows]
        self.previous_button.disabled = self.page == 0
        self.next_button.disabled = (self.page + 1) * PAGE >= self.total

    def _turn(self, step: int) -> None:
        self.page = max(0, self.page + step)
        self.refresh()

    @staticmethod
    def _cells(values: list[str], *, bold: bool = False) -> widgets.HTML:
        widths = ["22%", "14%", "44%", "20%"]
        tag = "b" if bold else "span"
        cells = "".join(f'<div style="width:{w};padding:0 6px">' + f"<{tag}>{v}</{tag}></div>"
                        for w, v in zip(widths, values, strict=True))
        return widgets.HTML(f'<div style="display:flex;width:100%">{cells}</div>',
                            layout=widgets.Layout(width="100%"))

    def _header(self) -> widgets.Widget:
        labels = [html.escape(t(k)) for k in ("corr.col.registered", "corr.col.from_to", "field.subject",
                                                  "corr.col.state")]
        return widgets.HBox([widgets.HTML(f"<b>{html.escape(t('corr.col.number'))}</b>",
                                          layout=widgets.Layout(width="150px")), self._cells(labels, bold=True)])

    def _row(self, doc: CorrespondenceRead) -> widgets.Widget:
        button = widgets.Button(description=doc.display_number, tooltip=t("corr.open"),
                                layout=widgets.Layout(width="150px"))
        button.add_class("wb-corr-open")
        button.on_click(self._guard(lambda _b, doc_id=doc.id: self._on_open(doc_id)))
        state = t(f"correspondence_status.{doc.status.value}")
        marks = []
        if doc.classification:
            marks.append(f'<span style="color:#b71c1c;font-weight:700">{html.escape(t(f"clearance.{int(doc.classification)}"))}</span>')
        if doc.urgency in URGENCY_COLOURS:
            marks.append(f'<span style="color:{URGENCY_COLOURS[doc.urgency]}">{html.escape(t(f"urgency.{doc.urgency.value}"))}</span>')
        if self._is_overdue(doc):
            marks.append(f'<span style="color:#b71c1c">{html.escape(t("corr.overdue"))}</span>')
        who = doc.sender if doc.register != Register.OUTGOING else doc.recipient
        values = [html.escape(t(f"register.{doc.register.value}")) + "<br>" + html.escape(
                      format_datetime(doc.registered_at, style="abbr")),
                  html.escape(who), " ".join(marks) + " " + html.escape(doc.subject),
                  html.escape(state) + (f"<br>{html.escape(doc.assignee_name)}" if doc.assignee_name else "")]
        row = widgets.HBox([button, self._cells(values)], layout=widgets.Layout(border_bottom="1px solid #ddd"))
        row.add_class("wb-corr-row")
        return row

    def reset(self) -> None:
        for box, value in ((self.register, ""), (self.year, 0), (self.status, ""), (self.urgency, ""),
                           (self.query, ""), (self.overdue_only, False)):
            box.value = value
        self.refresh(first_page=True)
