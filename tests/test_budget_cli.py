"""`workbench budget …`: summary as table, CSV and JSON; estimates; postings checked like the dashboard's."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.budget_helpers import make_line, officer
from workbench.cli import main
from workbench.services import budget

COMMANDS = [["budget"], ["budget", "summary"], ["budget", "entries"], ["budget", "estimate"], ["budget", "add-line"],
            ["budget", "allot"], ["budget", "commit"], ["budget", "pay"], ["budget", "transfer"], ["budget", "reverse"]]
NOV1 = dt.date(2025, 11, 1)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_budget_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])
    assert exited.value.code == 0 and "usage: workbench budget" in capsys.readouterr().out


@pytest.fixture
def url(engine, session):
    actor = officer(session)
    line = make_line(session, actor, allocated="1000.00", allot="1000.00", code="T1", name_en="Travel")
    make_line(session, actor, allocated="500.50", code="T2", name_en="Gifts")
    budget.post_commitment(session, actor=actor, data={"line_id": line.id, "entry_date": NOV1, "amount": "300.25"})
    budget.disburse(session, actor=actor, data={"line_id": line.id, "entry_date": NOV1, "amount": "100.00"})
    return engine.url.render_as_string(hide_password=False)


def summary(url, fmt, capsys, lang="en"):
    assert main(["--database", url, "budget", "summary", "--fy", "2569", "--on", "2025-11-15", "--format", fmt,
                 "--lang", lang]) == 0
    return capsys.readouterr().out


def test_summary_as_csv(url, capsys):
    assert summary(url, "csv", capsys).splitlines() == [
        "code,name,category,expense_type,allocated,allotted,committed,disbursed,available,disbursed_percent",
        "T1,Travel,Operations,Services,1000.00,1000.00,300.25,100.00,599.75,10.00",
        "T2,Gifts,Operations,Services,500.50,0.00,0.00,0.00,500.50,0.00",
        "TOTAL,Total,,,1500.50,1000.00,300.25,100.00,1100.25,6.66",
    ]


def test_summary_as_json(url, capsys):
    data = json.loads(summary(url, "json", capsys))[0]
    assert (data["fiscal_year"], data["as_of"]) == (2569, "2025-11-15")
    assert data["lines"][0]["available"] == "599.75" and data["lines"][-1]["code"] == "TOTAL"


def test_summary_as_table(url, capsys):
    lines = summary(url, "table", capsys).splitlines()
    assert lines[0] == "fiscal year 2569, as of 2025-11-15"
    assert lines[1].split()[:3] == ["Code", "Line", "Allocated"]
    assert lines[2].split() == ["T1", "Travel", "1,000.00", "1,000.00", "300.25", "100.00", "599.75", "10.00"]


def test_summary_in_thai_and_a_year_without_lines_or_an_absurd_year(url, capsys):
    lines = summary(url, "table", capsys, lang="th").splitlines()
    assert lines[0] == "ปีงบประมาณ 2569 ข้อมูล ณ วันที่ 15 พฤศจิกายน 2568"
    assert lines[1].split()[:2] == ["รหัส", "รายการ"] and lines[2].rstrip().endswith("10.00")
    assert main(["--database", url, "budget", "summary", "--fy", "2575", "--lang", "th"]) == 0
    assert capsys.readouterr().out.strip() == "ปีงบประมาณ 2575 ยังไม่มีรายการงบประมาณ"
    with pytest.raises(SystemExit):
        main(["--database", url, "budget", "summary", "--fy", "2400"])
    assert "2569" in capsys.readouterr().err


def test_a_posting_beyond_what_is_available_is_one_clear_line(url, capsys):
    code = main(["--database", url, "budget", "commit", "--fy", "2569", "--line", "T1", "--amount", "600",
                 "--date", "2025-11-02"])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "599.75" in err and "600.00" in err and "Traceback" not in err


def test_postings_and_a_correction_from_the_command_line(url, capsys):
    assert main(["--database", url, "budget", "pay", "--fy", "2569", "--line", "T1", "--amount", "50",
                 "--date", "1/12/2568"]) == 0
    paid = int(capsys.readouterr().out.split()[1])
    assert main(["--database", url, "budget", "reverse", "disbursement", str(paid), "--date", "2025-12-02",
                 "--reason", "duplicate"]) == 0
    assert "reversed by entry" in capsys.readouterr().out
    assert main(["--database", url, "budget", "entries", "--fy", "2569", "--line", "T1", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["amount"], r["reverses_id"]) for r in rows][-2:] == [
        ("disbursement", "50.00", None), ("disbursement", "-50.00", paid)]


def test_a_trip_estimate_from_the_command_line(url, capsys):
    assert main(["--database", url, "budget", "estimate", "--country", "JP", "--from", "2026-01-10", "--to",
                 "2026-01-14", "--travellers", "a=2,b=1"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["รายการ", "ระดับ", "จำนวนคน", "วัน/คืน", "อัตรา", "จำนวนเงิน"]  # Thai by default
    assert table[1].split()[0] == "เบี้ยเลี้ยงเดินทาง"
    assert table[-1] == "รวมประมาณการ 259,500.00 บาท (สองแสนห้าหมื่นเก้าพันห้าร้อยบาทถ้วน)"

    assert main(["--database", url, "budget", "estimate", "--country", "JP", "--from", "2026-01-10", "--to",
                 "2026-01-14", "--travellers", "a=2,b=1", "--lang", "en"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[1].startswith("Daily allowance") and table[-1] == "Estimated total 259,500.00 baht"
