"""The dashboard frame as widgets (no browser): the user the server signed in, header, links, sign-out."""

from __future__ import annotations

import logging

import ipywidgets as widgets
import pytest
from sqlmodel import select

from tests.factories import make_user, user_model
from workbench.db import new_session
from workbench.demo import DEMO_PASSWORD
from workbench.i18n import t
from workbench.kernel_protocol import WEB_SESSION, WEB_USER
from workbench.models.audit import AuditEntry
from workbench.models.users import Role
from workbench.models.web_session import WebSession
from workbench.services import auth
from workbench.ui.app import AppShell
from workbench.ui.audit.table import AuditTable
from workbench.ui.guard import guarded
from workbench.ui.home.dashboard import HomePage
from workbench.ui.notice import Notice


def test_an_unforeseen_error_in_a_callback_is_a_short_notice_and_a_logged_traceback(caplog):
    notice = Notice()
    button = widgets.Button()

    @guarded(notice)
    def broken(_button):
        raise RuntimeError("database exploded at line 42")

    button.on_click(broken)
    with caplog.at_level(logging.ERROR, logger="workbench"):
        button.click()
    assert notice.label.value == t("notice.error") and notice.kind == "error"
    assert "exploded" not in notice.label.value
    assert "Traceback" in caplog.text and "database exploded at line 42" in caplog.text
    button.click()  # the page stays usable: the next click runs again
    assert notice.label.value == t("notice.error")


# --- the dashboard frame -----------------------------------------------------------------------------

def signed_in(engine, username):
    """What the server hands a kernel for a browser signed in as ``username``: user and web session id."""
    with new_session(engine) as session:
        identity = auth.sign_in(session, username=username, password=DEMO_PASSWORD)
        _, session_id = auth.start_web_session(session, identity=identity)
    return {WEB_USER: username, WEB_SESSION: str(session_id)}


def shell(engine, dashboard="home", build=HomePage, *, user=None, **kwargs):
    request = signed_in(engine, user) if user else {}
    return AppShell(engine, dashboard=dashboard, build=build, request=request, **kwargs)


def test_a_dashboard_opened_without_a_signed_in_user_shows_nothing_but_the_way_to_sign_in(demo_engine):
    app = shell(demo_engine)
    assert app.body.children == () and app.header.children == ()
    assert 'href="/login"' in app.navigator.value
    assert "โปรดลงชื่อเข้าใช้ใหม่" in app.notice.label.value


def test_a_user_name_from_the_page_alone_opens_nothing(demo_engine):
    app = AppShell(demo_engine, dashboard="home", build=HomePage, request={WEB_USER: "admin", WEB_SESSION: "999"})
    assert app.username == "" and app.body.children == ()


@pytest.mark.parametrize(("username", "sees_audit"), [("admin", True), ("viewer", False), ("analyst", False)])
def test_the_signed_in_user_sees_on_the_home_page_what_the_role_may_open(demo_engine, username, sees_audit):
    app = shell(demo_engine, user=username)
    assert app.username == username
    home = app.body.children[0]
    assert isinstance(home, HomePage)
    titles = [entry.children[1].children[0].value for entry in home.entries.children if
              isinstance(entry, widgets.HBox)]
    assert (f"<b>{t('dash.audit.title')}</b>" in titles) is sees_audit


def test_a_role_without_the_permission_gets_a_notice_not_the_dashboard(demo_engine):
    app = shell(demo_engine, dashboard="audit", build=AuditTable, user="viewer")
    assert app.body.children == ()
    assert "ไม่มีสิทธิ์เปิดแดชบอร์ดนี้" in app.notice.label.value
    assert app.header.children  # still signed in, with a way home


def test_open_on_the_home_page_moves_the_browser_with_a_plain_link(demo_engine):
    app = shell(demo_engine, user="admin")
    home = app.body.children[0]
    open_audit = next(e for e in home.entries.children if "wb-dashboard-audit" in e._dom_classes)
    open_audit.children[0].click()
    assert 'http-equiv="refresh"' in app.navigator.value
    assert 'url=/voila/render/audit.ipynb"' in app.navigator.value and "?" not in app.navigator.value


def test_sign_out_ends_the_web_session_and_sends_the_browser_to_the_servers_sign_out(demo_engine):
    app = shell(demo_engine, user="protocol")
    session_id = app.web_session_id
    app.header.children[0].sign_out.click()
    assert app.username == "" and app.body.children == () and app.header.children == ()
    assert app.notice.label.value == t("signin.signed_out")
    assert 'url=/logout"' in app.navigator.value
    with new_session(demo_engine) as session:
        assert session.get(WebSession, session_id).end_reason == "sign_out"
        assert session.exec(select(AuditEntry).where(AuditEntry.action == "logout")).one().actor_name == "protocol"


def test_behind_jupyterhub_the_session_must_be_the_hub_users(demo_engine):
    app = shell(demo_engine, user="analyst", hub_user="analyst")
    assert app.username == "analyst" and isinstance(app.body.children[0], HomePage)
    other = shell(demo_engine, user="analyst", hub_user="admin")
    assert other.username == "" and other.body.children == ()


def test_the_page_text_fallback_shows_no_widget_values(demo_engine):
    app = shell(demo_engine, user="admin")
    assert repr(app) == "<workbench dashboard home>"
    assert "sqlite" not in app._repr_mimebundle_()["text/plain"]


def test_a_name_with_markup_is_shown_as_text_in_the_header(session):
    from workbench.ui.header import AppHeader

    hostile = "<img src=x onerror=alert(1)>"
    user = user_model(session, make_user(session, role=Role.VIEWER, password="long enough"))
    from workbench.models.people import Person

    person = session.get(Person, user.person_id)
    from workbench.db import SYSTEM
    from workbench.services import people

    people.update_person(session, person_id=person.id, data={"given_name_th": hostile}, actor=SYSTEM)
    identity = auth.identity_of(session, user)
    header = AppHeader(identity, on_home=None, on_sign_out=lambda: None)
    assert isinstance(header.who, widgets.Label) and hostile in header.who.value
