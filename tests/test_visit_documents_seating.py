"""Seating plan and place cards (issue 19): the plan's seats in the precedence service's order, host and guest of
honour placed, interpreters behind them, one page; cards in Thai and English with the precedence list's titles;
a reception without guests or a guest without a title is refused by name, and no file is written."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlmodel import select

from tests.factories import make_person
from tests.visit_documents_helpers import legend_order, pdf_pages, pdf_text
from tests.visit_factories import make_engagement, make_principal, make_visit
from workbench.cli import main
from workbench.db import SYSTEM
from workbench.documents import place_cards, seating_plan
from workbench.errors import ValidationError
from workbench.models.visits import Engagement, EngagementKind
from workbench.services import protocol, visit_documents, visits


def _reception(session, *, interpreter: bool = True):
    president = make_principal(session)
    senator = make_principal(session, post_code="senator")
    trip = make_visit(session)
    guests = [make_person(session, honorific_en="Hon.", honorific_th="ฯพณฯ") for _ in range(3)]
    for index, guest in enumerate(guests):
        role = "interpreter" if interpreter and index == 2 else ("head" if index == 0 else "member")
        visits.add_delegation_member(session, actor=SYSTEM, data={"visit_id": trip.id, "person_id": guest.id,
                                                                  "role": role})
    dinner = make_engagement(session, visit_id=trip.id, kind="reception", title_th="งานเลี้ยงรับรอง",
                             title_en="Dinner", start=dt.datetime(2026, 12, 2, 18, 30),
                             end=dt.datetime(2026, 12, 2, 21, 0), host_id=president.id,
                             principal_ids=[president.id, senator.id], guest_ids=[g.id for g in guests])
    for guest, rank in zip(guests, ("foreign-parliamentarian", "foreign-parliamentarian", "official"), strict=True):
        protocol.set_precedence(session, engagement_id=dinner.id, person_id=guest.id, rank_code=rank, actor=SYSTEM)
    return dinner, president, guests


def test_the_plan_seats_people_in_the_precedence_services_order_on_one_page(session):
    dinner, president, guests = _reception(session)
    order = protocol.seating_plan(session, engagement_id=dinner.id, actor=SYSTEM)
    layout = visit_documents.seating_layout(session, engagement_id=dinner.id, actor=SYSTEM)
    assert [p.seat for p in layout.all_seats] == order
    assert layout.shape == "round" and layout.host_id == president.id and layout.guest_of_honour_id == guests[0].id
    assert [p.seat.person_id for p in layout.interpreters] == [guests[2].id]  # behind, not at the table
    payload = seating_plan.render_pdf(layout)
    assert pdf_pages(payload) == 1
    text = pdf_text(payload)
    positions = legend_order(payload, order)
    assert positions == sorted(positions)
    flat = re.sub(r"\s+", "", text)
    assert "เจ้าภาพ" in flat and "แขกเกียรติยศ" in flat and "ล่าม(นั่งด้านหลัง)" in flat


def test_a_meeting_gets_a_long_table_and_the_shape_can_be_chosen(session):
    dinner, _, _ = _reception(session, interpreter=False)
    assert visit_documents.seating_layout(session, engagement_id=dinner.id, actor=SYSTEM, shape="long").shape == "long"
    text = pdf_text(seating_plan.render_pdf(visit_documents.seating_layout(session, engagement_id=dinner.id,
                                                                           actor=SYSTEM, shape="long")))
    assert "โต๊ะยาว" in text
    with pytest.raises(ValidationError):
        visit_documents.seating_layout(session, engagement_id=dinner.id, actor=SYSTEM, shape="oval")


def test_place_cards_carry_thai_and_english_names_and_titles_in_seat_order(session):
    dinner, president, guests = _reception(session)
    layout, cards = visit_documents.place_cards(session, engagement_id=dinner.id, actor=SYSTEM)
    assert [c.person_id for c in cards] == [p.seat.person_id for p in layout.seats]
    first = cards[0]
    assert (first.person_id, first.title_th, first.title_en) == (president.id, "ประธานวุฒิสภา", "President of the Senate")
    payload = place_cards.render_pdf(layout, cards)
    assert pdf_pages(payload) == len(cards)
    text = pdf_text(payload)
    assert "สมาชิกรัฐสภาต่างประเทศ" in text and "ฯพณฯ" in text


def test_a_guest_without_a_title_is_named_and_no_card_file_is_written(session, engine, tmp_path, capsys):
    dinner, _, guests = _reception(session)
    protocol.set_precedence(session, engagement_id=dinner.id, person_id=guests[1].id, rank_code=None, actor=SYSTEM)
    with pytest.raises(ValidationError) as caught:
        visit_documents.place_cards(session, engagement_id=dinner.id, actor=SYSTEM)
    name = guests[1].display_name("en")
    assert f"{name} (#{guests[1].id}): Thai title, English title" in caught.value.en
    assert "ตำแหน่งภาษาไทย" in caught.value.th
    out = tmp_path / "cards.pdf"
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "seating", "--engagement", str(dinner.id), "--cards", "--out", str(out)]) != 0
    assert not out.exists() and name in capsys.readouterr().err


def test_a_reception_without_guests_is_refused_and_no_plan_is_written(session, engine, tmp_path, capsys):
    host = make_principal(session)
    lonely = make_engagement(session, kind="reception", title_th="งานเลี้ยงไม่มีแขก", host_id=host.id,
                             principal_ids=[host.id])
    with pytest.raises(ValidationError) as caught:
        visit_documents.seating_layout(session, engagement_id=lonely.id, actor=SYSTEM)
    assert "ยังไม่มีรายชื่อแขก" in caught.value.th and "has no guests" in caught.value.en
    out = tmp_path / "plan.pdf"
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "seating", "--engagement", str(lonely.id), "--out", str(out)]) != 0
    assert not out.exists() and "has no guests" in capsys.readouterr().err


def test_the_demo_receptions_plan_and_cards_from_the_cli(demo_session, demo_engine, tmp_path):
    dinner = demo_session.exec(select(Engagement).where(Engagement.kind == EngagementKind.RECEPTION,
                                                        Engagement.visit_id.is_not(None))
                               .order_by(Engagement.start)).first()
    url = demo_engine.url.render_as_string(hide_password=False)
    for name, extra in (("plan.pdf", []), ("cards.pdf", ["--cards"])):
        assert main(["--database", url, "seating", "--engagement", str(dinner.id), "--out", str(tmp_path / name),
                     *extra]) == 0
    order = protocol.seating_plan(demo_session, engagement_id=dinner.id, actor=SYSTEM)
    positions = legend_order((tmp_path / "plan.pdf").read_bytes(), order)
    assert positions == sorted(positions)
    at_table = visit_documents.seating_layout(demo_session, engagement_id=dinner.id, actor=SYSTEM).seats
    assert pdf_pages((tmp_path / "cards.pdf").read_bytes()) == len(at_table)
