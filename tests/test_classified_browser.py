"""Secrecy in the real browser: a user without clearance never sees a classified record's subject anywhere on
the page, while a cleared user does (so the check can fail). Issue 3's security requirement, through the
briefing dashboard (monitoring notes and engagements) and, where installed, the visit calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from tests.browser import open_dashboard, sign_in
from tests.conftest import DEMO_TODAY
from workbench.db import SYSTEM, new_session
from workbench.models.base import Clearance
from workbench.models.countries import Country
from workbench.services import engagements, monitoring

pytestmark = pytest.mark.browser

OPEN_CALL = "คารวะทดสอบชั้นความลับ"
OPEN_NOTE = "หมายเหตุเปิดเผยทดสอบ"
SECRET_NOTE = "หมายเหตุลับมากทดสอบ"
SECRET_CALL = "ภารกิจลับมากทดสอบ"


@pytest.fixture(scope="module")
def arranged(voila_server):
    tomorrow = DEMO_TODAY + dt.timedelta(days=1)  # the served dashboards' today
    with new_session(voila_server.engine) as session:
        fiji = session.exec(select(Country).where(Country.iso2 == "FJ")).one()
        call = engagements.create_engagement(session, actor=SYSTEM, data={
            "kind": "courtesy_call", "title_th": OPEN_CALL, "title_en": OPEN_CALL, "country_id": fiji.id,
            "start": dt.datetime.combine(tomorrow, dt.time(7, 0)),
            "end": dt.datetime.combine(tomorrow, dt.time(7, 30))})
        engagements.create_engagement(session, actor=SYSTEM, data={
            "kind": "courtesy_call", "title_th": SECRET_CALL, "title_en": SECRET_CALL, "country_id": fiji.id,
            "classification": Clearance.SECRET,
            "start": dt.datetime.combine(tomorrow, dt.time(7, 30)),
            "end": dt.datetime.combine(tomorrow, dt.time(8, 0))})
        for title, level in ((OPEN_NOTE, Clearance.NONE), (SECRET_NOTE, Clearance.SECRET)):
            monitoring.create_note(session, actor=SYSTEM, data={
                "country_id": fiji.id, "noted_on": DEMO_TODAY - dt.timedelta(days=2), "category": "political",
                "title": title, "summary": title, "classification": level})
        return call


def open_pack(page, voila_server, username):
    open_dashboard(page, voila_server, "/voila/render/briefing.ipynb")
    sign_in(page, username)
    picker = page.locator(".wb-briefing select").first
    picker.wait_for()
    labels = picker.locator("option").all_inner_texts()
    [label] = [text for text in labels if OPEN_CALL in text]
    picker.select_option(label=label)
    page.locator(".wb-pack-preview").get_by_text(OPEN_NOTE).first.wait_for()
    return labels


def test_a_viewer_without_clearance_never_sees_secret_subjects(page, voila_server, arranged):
    labels = open_pack(page, voila_server, "viewer")
    assert not any(SECRET_CALL in text for text in labels)
    content = page.content()
    assert SECRET_NOTE not in content and SECRET_CALL not in content


def test_a_cleared_analyst_sees_them(page, voila_server, arranged):
    labels = open_pack(page, voila_server, "analyst")  # the demo analyst holds ลับมาก (secret)
    assert any(SECRET_CALL in text for text in labels)
    page.locator(".wb-pack-preview").get_by_text(SECRET_NOTE).first.wait_for()
