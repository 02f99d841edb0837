"""Retention: the destruction list follows the retention years per document type in
data/correspondence_retention.csv; nothing is marked destroyed before the chair and at least two members approve;
entries stay (marked); documents 20 years old are listed for the National Archives."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from sqlmodel import select

from tests.correspondence_factories import clerk, letter
from workbench.db import SYSTEM
from workbench.errors import ValidationError
from workbench.models.correspondence import Correspondence, Disposal
from workbench.services import correspondence as corr
from workbench.services.correspondence import retention, rules


def registered(session, year_ce: int, doc_type: str, subject: str):
    return corr.register_document(session, actor=SYSTEM, data=letter(
        doc_type=doc_type, subject=subject, registered_at=dt.datetime(year_ce, 6, 1, 9, 0)))


def test_the_destruction_list_follows_the_retention_data(session):
    table = rules.retention_table()
    docs = {}
    for doc_type in ("external", "stamped", "directive", "evidence"):
        for year in (2010, 2016, 2020, 2025):
            docs[(doc_type, year)] = registered(session, year, doc_type, f"{doc_type} {year}")

    rows = retention.due_for_destruction(session, actor=SYSTEM, year_be=2569)  # 2026

    expected = {(t, y) for (t, y) in docs if not table[t].permanent and y + table[t].years <= 2026}
    assert {(r.document.doc_type.value, r.document.year) for r in rows} == expected
    assert ("directive", 2010) not in expected  # kept for good
    assert ("external", 2016) in expected and ("external", 2020) not in expected  # 10 years
    assert {r.retention_years for r in rows if r.document.doc_type == "external"} == {table["external"].years}


def test_nothing_is_destroyed_before_the_committee_approves(session):
    old = registered(session, 2010, "external", "หนังสือเก่า")
    keeper = clerk(session)
    listing = retention.draw_up_destruction_list(session, actor=keeper, year_be=2569)
    assert [d.id for d in retention.list_items(session, actor=keeper, list_id=listing.list_id)] == [old.id]

    with pytest.raises(ValidationError):
        retention.carry_out(session, actor=keeper, list_id=listing.list_id)
    chair, first, second = (clerk(session, role="protocol_officer") for _ in range(3))
    retention.approve(session, actor=chair, list_id=listing.list_id, committee_role="chair")
    retention.approve(session, actor=first, list_id=listing.list_id, committee_role="member")
    with pytest.raises(ValidationError):
        retention.approve(session, actor=first, list_id=listing.list_id, committee_role="member")  # once each
    with pytest.raises(ValidationError):
        retention.carry_out(session, actor=keeper, list_id=listing.list_id)  # chair + one member is not enough
    assert session.get(Correspondence, old.id).disposal == Disposal.KEPT

    retention.approve(session, actor=second, list_id=listing.list_id, committee_role="member")
    assert retention.carry_out(session, actor=keeper, list_id=listing.list_id) == 1

    kept_entry = session.get(Correspondence, old.id)
    assert kept_entry.disposal == Disposal.DESTROYED and kept_entry.disposed_at is not None
    assert len(session.exec(select(Correspondence)).all()) == 1  # nothing deleted
    assert retention.due_for_destruction(session, actor=SYSTEM, year_be=2569) == []


def test_documents_twenty_years_old_are_listed_for_the_national_archives(session):
    old = registered(session, 2005, "directive", "คำสั่งแต่งตั้งคณะทำงาน")
    registered(session, 2007, "directive", "คำสั่งที่ยังไม่ครบ")
    assert [d.id for d in retention.due_for_archives(session, actor=SYSTEM, year_be=2569)] == [old.id]
    assert retention.mark_transferred(session, actor=SYSTEM, document_ids=[old.id]) == 1
    assert retention.due_for_archives(session, actor=SYSTEM, year_be=2569) == []


def test_the_committee_approves_and_the_office_destroys_from_the_command_line(engine, session, capsys):
    from workbench.cli import main

    old = registered(session, 2010, "external", "หนังสือเก่าที่ครบกำหนด")
    keeper = clerk(session)
    chair, first, second = (clerk(session, role="protocol_officer") for _ in range(3))
    url = engine.url.render_as_string(hide_password=False)

    assert main(["--database", url, "retention", "draw", "--year", "2569", "--as", keeper.username]) == 0
    out = capsys.readouterr().out
    listing = int(re.search(r"destruction list (\d+) for 2569: 1 document", out).group(1))

    assert main(["--database", url, "retention", "carry-out", "--list", str(listing), "--as", keeper.username]) == 1
    assert "at least two members must approve" in capsys.readouterr().err
    for who, role in ((chair, "chair"), (first, "member")):
        assert main(["--database", url, "retention", "approve", "--list", str(listing), "--role", role,
                     "--as", who.username]) == 0
    assert "list %d is draft" % listing in capsys.readouterr().out
    assert main(["--database", url, "retention", "approve", "--list", str(listing), "--role", "member"]) == 1
    assert "named user" in capsys.readouterr().err  # the system operator is no committee member
    assert main(["--database", url, "retention", "approve", "--list", str(listing), "--role", "member",
                 "--note", "ตรวจแล้ว", "--as", second.username]) == 0
    assert f"list {listing} is approved" in capsys.readouterr().out

    assert main(["--database", url, "retention", "show", "--list", str(listing), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == "approved" and shown["year"] == 2569
    assert [(a["user"], a["role"]) for a in shown["approvals"]] == [
        (chair.username, "chair"), (first.username, "member"), (second.username, "member")]
    assert [d["id"] for d in shown["documents"]] == [old.id]

    assert main(["--database", url, "retention", "carry-out", "--list", str(listing), "--as", keeper.username]) == 0
    assert "1 document(s) marked destroyed" in capsys.readouterr().out
    assert main(["--database", url, "retention", "show", "--list", str(listing), "--lang", "en"]) == 0
    table = capsys.readouterr().out
    assert "ทำลายแล้ว / carried_out" in table and "Destroyed" in table and "ประธานกรรมการ" in table
