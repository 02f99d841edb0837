"""Sign-in and the dashboard frame as widgets (no browser): set values, click, read the widgets and the database."""

from __future__ import annotations

import logging

import ipywidgets as widgets
import pytest
from sqlmodel import select

from tests.factories import make_user, user_model
from workbench.db import new_session
from workbench.demo import DEMO_PASSWORD
from workbench.i18n import t
from workbench.models.audit import AuditEntry
from workbench.models.users import Role
from workbench.services import auth
from workbench.ui.app import AppShell
from workbench.ui.audit.table import AuditTable
from workbench.ui.guard import guarded
from workbench.ui.home.dashboard import HomePage
from workbench.ui.notice import Notice
from workbench.ui.signin import SignInForm


def form_for(session, signed_in: list):
    return SignInForm(authenticate=lambda u, p: auth.sign_in(session, username=u, password=p),
                      on_signed_in=signed_in.append)


def test_the_right_password_signs_in_and_clears_the_password(session):
    make_user(session, username="ploy", password="correct horse")
    signed_in: list = []
    form = form_for(session, signed_in)
    form.username.value, form.password.value = "ploy", "correct horse"
    form.submit.click()
    assert [i.username for i in signed_in] == ["ploy"]
    assert form.signed_in_as == "ploy" and form.password.value == ""


def test_a_wrong_password_shows_a_thai_message_and_signs_nobody_in(session):
    make_user(session, username="ploy", password="correct horse")
    signed_in: list = []
    form = form_for(session, signed_in)
    form.username.value, form.password.value = "ploy", "wrong horse"
    form.submit.click()
    assert signed_in == [] and form.failures == 1 and form.signed_in_as == ""
    assert form.notice.label.value == "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง หรือบัญชีถูกระงับ"
    assert form.notice.kind == "error" and form.password.value == ""


def test_an_empty_username_is_named_in_the_message(session):
    form = form_for(session, [])
    form.password.value = "something"
    form.submit.click()
    assert form.notice.label.value.startswith("ชื่อผู้ใช้:")


def test_reset_clears_the_form(session):
    form = form_for(session, [])
    form.username.value, form.password.value = "x", "y"
    form.submit.click()
    form.reset()
    assert (form.username.value, form.password.value, form.notice.label.value, form.failures) == ("", "", "", 0)


def test_english_labels_with_workbench_lang_en(session, monkeypatch):
    from workbench.config import get_settings

    monkeypatch.setenv("WORKBENCH_LANG", "en")
    get_settings.cache_clear()
    form = form_for(session, [])
    assert (form.username.description, form.submit.description) == ("Username", "Sign in")
    form.username.value, form.password.value = "nobody", "x"
    form.submit.click()
    assert form.notice.label.value == "wrong username or password, or the account is disabled"


# --- errors in callbacks -----------------------------------------------------------------------------

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

def shell(engine, dashboard="home", build=HomePage, **kwargs):
    return AppShell(engine, dashboard=dashboard, build=build, **kwargs)


def sign_in_on(app, username, password=DEMO_PASSWORD):
    form = app.body.children[0]
    assert isinstance(form, SignInForm)
    form.username.value, form.password.value = username, password
    form.submit.click()


def test_a_dashboard_opened_by_nobody_shows_the_sign_in_form(demo_engine):
    app = shell(demo_engine)
    assert isinstance(app.body.children[0], SignInForm) and app.header.children == ()


@pytest.mark.parametrize(("username", "sees_audit"), [("admin", True), ("viewer", False), ("analyst", False)])
def test_after_sign_in_the_home_page_lists_what_the_role_may_open(demo_engine, username, sees_audit):
    app = shell(demo_engine)
    sign_in_on(app, username)
    assert app.username == username
    home = app.body.children[0]
    assert isinstance(home, HomePage)
    titles = [entry.children[1].children[0].value for entry in home.entries.children if
              isinstance(entry, widgets.HBox)]
    assert (f"<b>{t('dash.audit.title')}</b>" in titles) is sees_audit


def test_a_role_without_the_permission_gets_a_notice_not_the_dashboard(demo_engine):
    app = shell(demo_engine, dashboard="audit", build=AuditTable)
    sign_in_on(app, "viewer")
    assert app.body.children == ()
    assert "ไม่มีสิทธิ์เปิดแดชบอร์ดนี้" in app.notice.label.value
    assert app.header.children  # still signed in, with a way home


def test_a_hand_over_token_in_the_address_opens_the_dashboard_directly(demo_engine):
    with new_session(demo_engine) as session:
        admin = auth.sign_in(session, username="admin", password=DEMO_PASSWORD)
        token = auth.issue_handoff(session, actor=admin, target="audit")
    app = shell(demo_engine, dashboard="audit", build=AuditTable, query_string=f"handoff={token}")
    assert app.username == "admin" and isinstance(app.body.children[0], AuditTable)
    again = shell(demo_engine, dashboard="audit", build=AuditTable, query_string=f"handoff={token}")
    assert isinstance(again.body.children[0], SignInForm)
    assert again.notice.label.value == "ลิงก์นี้หมดอายุหรือถูกใช้ไปแล้ว โปรดลงชื่อเข้าใช้"


def test_open_on_the_home_page_moves_the_browser_with_a_fresh_token(demo_engine):
    app = shell(demo_engine)
    sign_in_on(app, "admin")
    home = app.body.children[0]
    open_audit = next(e for e in home.entries.children if "wb-dashboard-audit" in e._dom_classes)
    open_audit.children[0].click()
    assert 'http-equiv="refresh"' in app.navigator.value and "audit.ipynb?handoff=" in app.navigator.value
    token = app.navigator.value.split("handoff=")[1].split('"')[0]
    with new_session(demo_engine) as session:
        assert auth.redeem_handoff(session, token=token, target="audit").username == "admin"


def test_sign_out_returns_to_the_form_and_is_audited(demo_engine):
    app = shell(demo_engine)
    sign_in_on(app, "protocol")
    app.header.children[0].sign_out.click()
    assert app.username == "" and isinstance(app.body.children[0], SignInForm)
    assert app.notice.label.value == t("signin.signed_out")
    with new_session(demo_engine) as session:
        assert session.exec(select(AuditEntry).where(AuditEntry.action == "logout")).one().actor_name == "protocol"


def test_the_jupyterhub_user_needs_no_form(demo_engine):
    app = shell(demo_engine, hub_user="analyst")
    assert app.username == "analyst" and isinstance(app.body.children[0], HomePage)


def test_the_page_text_fallback_shows_no_widget_values(demo_engine):
    app = shell(demo_engine)
    sign_in_on(app, "admin")
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
