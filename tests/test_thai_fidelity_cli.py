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
