"""CorrespondenceApp: the correspondence dashboard — the registers with filters and a fragment search, "my desk",
overdue items, the registration form (registering staff), printable register pages and XLSX, and the detail of
the chosen document with its routing and attachments. Every call goes through the services with the signed-in
user, so a classified document the user is not cleared for is never listed, counted, exported or opened."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from workbench import clock
from workbench.db import new_session
from workbench.documents import correspondence_register as register_document_file
from workbench.i18n import t
from workbench.models.correspondence import CorrespondenceRead, Register
from workbench.models.visits import Engagement, Visit
from workbench.services import correspondence as corr
from workbench.services.access import has_permission
from workbench.services.correspondence import attachments, routing
from workbench.thai import format_date
from workbench.ui.correspondence.document_detail import DocumentDetail
from workbench.ui.correspondence.register_export import RegisterExport
from workbench.ui.correspondence.register_form import RegisterForm
from workbench.ui.correspondence.register_table import RegisterTable
from workbench.ui.guard import guarded
from workbench.ui.notice import Notice

TAB_KEYS = ("corr.tab.registers", "corr.tab.desk", "corr.tab.overdue", "corr.tab.new", "corr.tab.print")


class CorrespondenceApp(widgets.VBox):
    def __init__(self, engine: Engine, user: Any) -> None:
        self.engine, self.user = engine, user
        self.notice = Notice()
        with new_session(engine) as session:
            officers = routing.officers(session, actor=user)
            years = corr.years(session, actor=user) or [clock.today().year]
            visits, engagements = self._link_choices(session)
            replies = self._reply_choices(session)
        self.can_register = has_permission(user, "correspondence.write")
        self.detail = DocumentDetail(officers=officers, load=self._load, route=self._route, attach=self._attach,
                                     download=self._download, on_changed=self._changed)
        self.table = RegisterTable(years=years, fetch=self._fetch, on_open=self.open_document, is_overdue=corr.is_overdue)
        self.desk = RegisterTable(years=years, fetch=self._fetch_desk, on_open=self.open_document, is_overdue=corr.is_overdue,
                                  show_filters=False)
        self.overdue = RegisterTable(years=years, fetch=self._fetch_overdue, on_open=self.open_document,
                                     is_overdue=corr.is_overdue, show_filters=False)
        self.form = RegisterForm(clearance=int(getattr(user, "clearance", 0)), officers=officers, visits=visits,
                                 engagements=engagements, replies=replies, register=self._register,
                                 on_registered=self._registered)
        self.export = RegisterExport(years=years, make=self._make_file)
        pages = [self.table, self.desk, self.overdue]
        titles = list(TAB_KEYS[:3])
        if self.can_register:
            pages.append(self.form)
            titles.append(TAB_KEYS[3])
        pages.append(self.export)
        titles.append(TAB_KEYS[4])
        self.tabs = widgets.Tab(children=pages)
        for index, key in enumerate(titles):
            self.tabs.set_title(index, t(key))
        self.tab_titles = [t(k) for k in titles]
        self.tabs.observe(guarded(self.notice)(lambda _c: self._show_tab()), names="selected_index")
        super().__init__([widgets.HTML(f"<h2>{html.escape(t('dash.correspondence.title'))}</h2>"), self.notice,
                          self.tabs, self.detail])
        self.add_class("wb-correspondence")
        guarded(self.notice)(self.refresh)()

    # --- data -----------------------------------------------------------------------------------------

    def _link_choices(self, session: Any) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        level = int(getattr(self.user, "clearance", 0))
        visits = session.exec(select(Visit).where(col(Visit.classification) <= level)
                              .order_by(col(Visit.start_date).desc()).limit(80)).all()
        engagements = session.exec(select(Engagement).where(col(Engagement.classification) <= level)
                                   .order_by(col(Engagement.start).desc()).limit(80)).all()
        return ([(f"{format_date(v.start_date, style='abbr')} {v.title_th}", v.id) for v in visits],
                [(f"{format_date(e.start.date(), style='abbr')} {e.title_th}", e.id) for e in engagements])

    def _reply_choices(self, session: Any) -> list[tuple[str, int]]:
        docs = corr.list_documents(session, actor=self.user, register=Register.INCOMING, limit=60)
        return [(f"{d.display_number}/{d.year + 543} {d.subject}"[:90], d.id) for d in docs]

    def _fetch(self, filters: dict[str, Any], offset: int, limit: int) -> tuple[list[CorrespondenceRead], int]:
        query = dict(filters)
        if query.pop("overdue", False):
            query["overdue_at"] = clock.now()
        with new_session(self.engine) as session:
            total = corr.count_documents(session, actor=self.user, **query)
            rows = corr.list_documents(session, actor=self.user, offset=offset, limit=limit, **query)
        return rows, total

    def _fetch_desk(self, _filters: dict[str, Any], offset: int, limit: int) -> tuple[list[CorrespondenceRead], int]:
        with new_session(self.engine) as session:
            rows = corr.my_desk(session, actor=self.user)
        return rows[offset:offset + limit], len(rows)

    def _fetch_overdue(self, _filters: dict[str, Any], offset: int, limit: int) -> tuple[list[CorrespondenceRead], int]:
        with new_session(self.engine) as session:
            rows = corr.overdue(session, actor=self.user)
        return rows[offset:offset + limit], len(rows)

    def _load(self, document_id: int) -> tuple[CorrespondenceRead, list, list]:
        with new_session(self.engine) as session:
            doc = corr.read_document(session, document_id=document_id, actor=self.user)
            steps = routing.steps_view(session, document_id=document_id, actor=self.user)
            files = attachments.list_attachments(session, document_id=document_id, actor=self.user)
        return doc, steps, files

    def _route(self, document_id: int, action: str, to_user_id: int | None, to_group: str,
               note: str) -> CorrespondenceRead:
        with new_session(self.engine) as session:
            return corr.route(session, document_id=document_id, actor=self.user, action=action,
                              to_user_id=to_user_id, to_group=to_group, note=note)

    def _attach(self, document_id: int, filename: str, content: bytes) -> Any:
        with new_session(self.engine) as session:
            return attachments.attach(session, document_id=document_id, actor=self.user, filename=filename,
                                      content=content)

    def _download(self, attachment_id: int) -> Any:
        with new_session(self.engine) as session:
            return attachments.download(session, attachment_id=attachment_id, actor=self.user)

    def _register(self, values: dict[str, Any]) -> CorrespondenceRead:
        with new_session(self.engine) as session:
            return corr.register_document(session, actor=self.user, data=values)

    def _make_file(self, register: str, year: int, kind: str) -> bytes:
        with new_session(self.engine) as session:
            docs = corr.register_page(session, actor=self.user, register=register, year=year)
        if kind == "pdf":
            return register_document_file.render_pdf(docs, register=register, year_ce=year)
        return register_document_file.render_xlsx(docs, register=register)

    # --- flow -----------------------------------------------------------------------------------------

    def open_document(self, document_id: int) -> None:
        self.detail.show(document_id)

    def open_item(self, kind: str, record_id: int) -> None:
        """Open a record asked for from elsewhere (the home page's search): a registered document."""
        if kind == "correspondence":
            self.open_document(record_id)

    def _registered(self, read: CorrespondenceRead) -> None:
        self.notice.success(t("corr.form.saved", number=read.display_number, subject=read.subject))
        self._changed()
        self.detail.show(read.id)

    def _changed(self) -> None:
        with new_session(self.engine) as session:
            self.form.set_replies(self._reply_choices(session))
            years = corr.years(session, actor=self.user) or [clock.today().year]
        self.export.set_years(years)
        self.refresh()

    def _show_tab(self) -> None:
        """My desk and overdue are read when their tab is opened (the page loads faster)."""
        shown = self.tabs.children[self.tabs.selected_index or 0]
        if shown in (self.desk, self.overdue):
            shown.refresh()

    def refresh(self) -> None:
        self.table.refresh()
        self._show_tab()

    def reset(self) -> None:
        self.detail.reset()
        self.form.reset()
        self.export.reset()
        self.table.reset()


def build(engine: Engine, user: Any) -> CorrespondenceApp:
    return CorrespondenceApp(engine, user)
