"""The command line in Thai too: with WORKBENCH_LANG=th (the default) table headers, codes (direction, kind,
status) and names are Thai and dates B.E.; ``--lang en`` gives English; numbers are right-aligned and Thai is
measured by the columns it takes on screen."""

from __future__ import annotations

import json
import re

from tests.test_visits_cli import demo_url  # noqa: F401 - the demo database the CLI tests share
from workbench.cli import main
from workbench.commands.common import print_table, text_width


def test_a_thai_table_has_thai_headers_codes_and_buddhist_dates(demo_url, capsys):  # noqa: F811
    assert main(["--database", demo_url, "visit", "list", "--lang", "th", "--direction", "outbound"]) == 0
    lines = capsys.readouterr().out.splitlines()

    assert lines[0].split()[:4] == ["เลขที่", "ทิศทาง", "ประเภท", "เริ่ม"]
    body = "\n".join(lines[1:])
    assert "ไทยเยือนต่างประเทศ" in body and "outbound" not in body
    assert re.search(r"\d{1,2} [ก-๙.]+ 25\d\d", body), "dates in B.E."
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", body)


def test_lang_en_gives_english_and_json_keeps_codes(demo_url, capsys):  # noqa: F811
    assert main(["--database", demo_url, "engagement", "list", "--lang", "en", "--kind", "courtesy_call"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["id", "kind", "start"]
    assert "Courtesy call" in "\n".join(lines[1:]) and re.search(r"20\d\d-\d\d-\d\d \d\d:\d\d", lines[1])

    assert main(["--database", demo_url, "engagement", "list", "--format", "json", "--kind", "courtesy_call"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["kind"] == "courtesy_call" and re.fullmatch(r"[A-Z]{2}", rows[0]["country"])


def test_numbers_are_right_aligned_and_thai_marks_take_no_column(capsys):
    print_table([{"name": "ยี่สิบ", "amount": 5}, {"name": "ab", "amount": 1250}], [("name", "ชื่อ"), ("amount", "จำนวน")])
    header, first, second = capsys.readouterr().out.splitlines()

    assert text_width("ยี่สิบ") == 3 and text_width("จำนวน") == 5
    assert first.endswith("   5") and second.endswith("1250")
    assert text_width(first) == text_width(second) == text_width(header)


def test_the_correspondence_register_in_thai_and_in_english(demo_url, capsys):  # noqa: F811
    assert main(["--database", demo_url, "register", "list", "--year", "2569", "--kind", "incoming"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["เลขที่", "เลขทะเบียน", "วันที่ลงทะเบียน"]
    body = "\n".join(lines[1:])
    assert re.search(r"\d{1,2} [ก-๙.]+ 25\d\d \d\d\.\d\d น\.", body) and "signed_off" not in body
    assert "ลงนาม/สั่งการแล้ว" in body or "ลงทะเบียนแล้ว" in body

    assert main(["--database", demo_url, "register", "list", "--year", "2569", "--kind", "incoming", "--lang", "en"]) == 0
    english = capsys.readouterr().out.splitlines()
    assert english[0].split()[:3] == ["id", "number", "registered"] and re.search(r"20\d\d-\d\d-\d\d \d\d:\d\d", english[1])
    assert main(["--database", demo_url, "register", "list", "--year", "2569", "--kind", "incoming",
                 "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["status"] in ("registered", "routed", "returned", "signed_off")
    assert re.fullmatch(r"20\d\d-\d\d-\d\dT\d\d:\d\d(:\d\d)?", rows[0]["registered"])


def test_an_absurd_year_is_refused(demo_url, capsys):  # noqa: F811
    import pytest

    for command in (["register", "list", "--year", "2400", "--kind", "incoming"], ["retention", "list", "--year", "2400"],
                    ["stats", "--fy", "2400", "--quarter", "1"]):
        with pytest.raises(SystemExit):
            main(["--database", demo_url, *command])
        assert "2400" in capsys.readouterr().err


def test_budget_entries_meetings_and_statistics_speak_thai(demo_url, capsys):  # noqa: F811
    assert main(["--database", demo_url, "budget", "summary", "--fy", "2570", "--format", "json"]) == 0
    line = json.loads(capsys.readouterr().out)[0]["lines"][0]["code"]
    assert main(["--database", demo_url, "budget", "entries", "--fy", "2570", "--line", line]) == 0
    header, *body = capsys.readouterr().out.splitlines()
    assert header.split()[:2] == ["วันที่", "ประเภท"] and "จำนวนเงิน" in header
    assert any("ผูกพัน" in row for row in body) and not any("commitment" in row for row in body)
    assert all(re.search(r"\d,\d\d\d\.\d\d", row) for row in body)  # amounts with thousands and satang

    assert main(["--database", demo_url, "meeting", "list", "--from", "2026-11-25", "--to", "2027-12-31"]) == 0
    header, *body = capsys.readouterr().out.splitlines()
    assert header.split()[:4] == ["เลขที่", "องค์การ", "ประเภท", "ครั้งที่"]
    assert any("สมัชชา" in row for row in body) and not any("assembly" in row for row in body)

    assert main(["--database", demo_url, "stats", "--fy", "2570", "--quarter", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ปีงบประมาณ 2570 ไตรมาสที่ 1: 1 ตุลาคม 2569") and "การเข้าเยี่ยมคารวะ" in out
    assert main(["--database", demo_url, "stats", "--fy", "2570", "--quarter", "1", "--lang", "en"]) == 0
    assert "Courtesy calls" in capsys.readouterr().out


def test_users_passports_gifts_and_stock_in_thai(demo_url, capsys):  # noqa: F811
    assert main(["--database", demo_url, "user", "list"]) == 0
    users = capsys.readouterr().out
    assert "ผู้ดูแลระบบ" in users and "ลับที่สุด" in users and "administrator" not in users
    assert main(["--database", demo_url, "passport", "expiring", "--within", "3650"]) == 0
    passports = capsys.readouterr().out
    assert passports.split()[:2] == ["เลขที่", "ผู้ถือ"] and not re.search(r"\b(official|diplomatic)\b", passports)
    assert main(["--database", demo_url, "gift", "list"]) == 0
    gifts = capsys.readouterr().out
    assert "มอบให้" in gifts and "given" not in gifts
    assert main(["--database", demo_url, "gift", "list", "--lang", "en"]) == 0
    assert "Given" in capsys.readouterr().out
