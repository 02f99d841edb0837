"""Relations history of a country: every visit, engagement, record of conversation and agreement involving it,
newest first, without what the reader may not see."""

from __future__ import annotations

import datetime as dt

from tests.briefing_factories import analyst, country, viewer
from tests.visit_factories import make_engagement, make_visit
from workbench.db import SYSTEM
from workbench.models.base import Clearance
from workbench.services import countries, monitoring, records


def arrange(session):
    japan = country(session, "JP")
    visit = make_visit(session, country_id=japan.id, title_th="คณะผู้แทนญี่ปุ่นเยือน", start_date=dt.date(2026, 3, 1),
                       end_date=dt.date(2026, 3, 3))
    call = make_engagement(session, country_id=japan.id, title_th="ทูตญี่ปุ่นเข้าเยี่ยมคารวะ",
                           start=dt.datetime(2026, 6, 2, 10), end=dt.datetime(2026, 6, 2, 11))
    in_visit = make_engagement(session, visit_id=visit.id, country_id=None, kind="meeting",
                               title_th="หารือระหว่างการเยือน", start=dt.datetime(2026, 3, 2, 10),
                               end=dt.datetime(2026, 3, 2, 11))
    records.record_conversation(session, actor=SYSTEM, data={"engagement_id": call.id, "summary": "หารือเรื่องการค้า"})
    monitoring.record_agreement(session, actor=SYSTEM, data={
        "country_id": japan.id, "kind": "mou", "title_th": "บันทึกความเข้าใจความร่วมมือระหว่างรัฐสภา",
        "signed_on": dt.date(2026, 8, 15), "parties": "วุฒิสภาไทย; สภาที่ปรึกษาญี่ปุ่น"})
    make_engagement(session, country_id=japan.id, title_th="การหารือลับ", kind="meeting",
                    start=dt.datetime(2026, 7, 1, 10), end=dt.datetime(2026, 7, 1, 11),
                    classification=Clearance.SECRET)
    make_engagement(session, country_id=country(session, "FR").id, title_th="ทูตฝรั่งเศส",
                    start=dt.datetime(2026, 6, 3, 10), end=dt.datetime(2026, 6, 3, 11))
    return japan, in_visit


def test_everything_involving_the_country_newest_first(session):
    japan, _ = arrange(session)

    history = countries.relations_history(session, country_id=japan.id, actor=analyst(session, Clearance.SECRET))

    assert [(e.day.isoformat(), e.kind) for e in history] == [
        ("2026-08-15", "agreement"), ("2026-07-01", "engagement"), ("2026-06-02", "engagement"),
        ("2026-06-02", "record"), ("2026-03-02", "engagement"), ("2026-03-01", "visit")]


def test_an_engagement_inside_a_visit_counts_for_the_visit_country(session):
    japan, in_visit = arrange(session)

    history = countries.relations_history(session, country_id=japan.id, actor=viewer(session))

    assert in_visit.id in [e.ref_id for e in history if e.kind == "engagement"]


def test_other_countries_are_left_out(session):
    japan, _ = arrange(session)

    history = countries.relations_history(session, country_id=japan.id, actor=viewer(session))

    assert "ทูตฝรั่งเศส" not in [e.title for e in history]


def test_classified_engagements_are_left_out_for_uncleared_readers(session):
    japan, _ = arrange(session)

    open_titles = [e.title for e in countries.relations_history(session, country_id=japan.id, actor=viewer(session))]
    cleared = [e.title for e in countries.relations_history(
        session, country_id=japan.id, actor=viewer(session, Clearance.SECRET))]

    assert "การหารือลับ" not in open_titles
    assert "การหารือลับ" in cleared
