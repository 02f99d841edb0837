"""`workbench register import`: all rows or none; every bad row is listed with its column and reason; columns
may be named by field or by their Thai label, choices by value or Thai label. And the other register commands."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import Workbook, load_workbook
from sqlmodel import select

from tests.correspondence_factories import letter
from workbench.cli import main
from workbench.db import SYSTEM
from workbench.models.correspondence import Correspondence
from workbench.services import correspondence as corr
from workbench.services.correspondence.imports import ImportRejected, import_register_file

HEADER = ["ทะเบียน", "ที่", "ลงวันที่", "จาก", "ถึง", "เรื่อง", "ชั้นความเร็ว", "ชั้นความลับ", "registered_at"]
GOOD = [
    ["incoming", "กต 0201/11", "1/3/2569", "กระทรวงการต่างประเทศ", "เลขาธิการวุฒิสภา", "ขอเชิญประชุม", "ด่วนมาก", "", "2026-03-02 09:00"],
    ["ทะเบียนหนังสือส่ง", "", "2026-03-03", "สำนักงานต่างประเทศ", "กรมพิธีการทูต", "ตอบรับคำเชิญ", "normal", "ลับ", "2026-03-03 10:00"],
]


def write_csv(path, rows, header=HEADER):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_a_good_file_is_registered_in_order(session, tmp_path):
    docs = import_register_file(session, path=write_csv(tmp_path / "in.csv", GOOD), actor=SYSTEM)
    assert [(d.register.value, d.number, d.urgency.value, int(d.classification)) for d in docs] == [
        ("incoming", 1, "very_urgent", 0), ("outgoing", 1, "normal", 1)]
    assert docs[0].doc_date.isoformat() == "2026-03-01"


def test_a_bad_row_stops_the_import_with_nothing_written_and_every_bad_row_listed(session, tmp_path):
    rows = [GOOD[0],
            ["incoming", "", "31/2/2569", "x", "y", "วันที่ผิด", "normal", "", ""],
            GOOD[1],
            ["incoming", "", "", "x", "y", "", "normal", "", ""],
            ["incoming", "", "", "x", "y", "ด่วนผิด", "เร็วมาก", "", ""]]
    with pytest.raises(ImportRejected) as rejected:
        import_register_file(session, path=write_csv(tmp_path / "bad.csv", rows), actor=SYSTEM)

    assert [(p.row, p.column) for p in rejected.value.problems] == [(3, "ลงวันที่"), (5, "เรื่อง"), (6, "ชั้นความเร็ว")]
    assert "เร็วมาก" in rejected.value.problems[2].th
    assert session.exec(select(Correspondence)).all() == []
    assert corr.register_document(session, actor=SYSTEM, data=letter()).number == 1  # no number was used up


def test_a_long_file_is_registered_in_batches_with_its_numbers_steps_and_audit_entries(session, tmp_path):
    """Many rows go through the bulk path: the same numbers, routing steps and audit entries as one by one, in a
    number of statements that does not grow with the rows."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from sqlmodel import col, func

    from workbench.models.audit import AuditEntry
    from workbench.models.correspondence import CorrespondenceStatus, RoutingStep
    from workbench.services.audit_chain import verify_chain

    corr.register_document(session, actor=SYSTEM, data=letter())  # incoming no. 1 of 2026 is taken already
    header = ["register", "subject", "urgency", "work_group", "registered_at"]
    rows = [["incoming" if n % 3 else "outgoing", f"หนังสือที่ {n}", "urgent" if n % 5 == 0 else "normal",
             "กลุ่มงานพิธีการ" if n % 4 == 0 else "", f"2026-03-{1 + n % 28:02d} 09:{n % 60:02d}"] for n in range(60)]
    seen: list[str] = []

    def count(_conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        docs = import_register_file(session, path=write_csv(tmp_path / "long.csv", rows, header=header), actor=SYSTEM)
    finally:
        event.remove(Engine, "before_cursor_execute", count)

    assert [d.subject for d in docs] == [f"หนังสือที่ {n}" for n in range(60)]
    incoming = [d.number for d in docs if d.register.value == "incoming"]
    outgoing = [d.number for d in docs if d.register.value == "outgoing"]
    assert incoming == list(range(2, 2 + len(incoming))) and outgoing == list(range(1, 1 + len(outgoing)))
    assert docs[0].display_number.endswith("/1") and docs[0].due_at is not None
    routed = [d for d in docs if d.work_group]
    assert routed and all(d.status == CorrespondenceStatus.ROUTED for d in routed)
    steps = session.exec(select(RoutingStep).where(col(RoutingStep.correspondence_id).in_([d.id for d in routed]))).all()
    assert sorted(s.correspondence_id for s in steps) == sorted(d.id for d in routed)
    stored = session.get(Correspondence, docs[-1].id)
    assert "หนังสือที่ 59" in stored.search_text and stored.number == docs[-1].number
    entries = session.exec(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.entity == "correspondence", col(AuditEntry.entity_id).in_([str(d.id) for d in docs]))).one()
    assert entries == 60
    assert len(seen) < 40  # read, check and write per batch, not per row
    assert verify_chain(session, actor=SYSTEM).ok


def test_a_nul_character_is_refused_with_its_row_and_column(session, tmp_path):
    rows = [GOOD[0], ["incoming", "", "", "x", "y", "เรื่อง\x00ลับ", "normal", "", ""]]
    with pytest.raises(ImportRejected) as rejected:
        import_register_file(session, path=write_csv(tmp_path / "nul.csv", rows), actor=SYSTEM)
    assert [(p.row, p.column) for p in rejected.value.problems] == [(3, "เรื่อง")]
    assert "NUL" in rejected.value.problems[0].en
    assert session.exec(select(Correspondence)).all() == []


def test_an_unknown_or_missing_column_is_refused(session, tmp_path):
    path = write_csv(tmp_path / "cols.csv", [["x", "incoming"]], header=["สี", "ทะเบียน"])
    with pytest.raises(ImportRejected) as rejected:
        import_register_file(session, path=path, actor=SYSTEM)
    assert {p.column for p in rejected.value.problems} == {"สี", "เรื่อง"}


def test_an_xlsx_file_imports_too(session, tmp_path):
    book = Workbook()
    book.active.append(HEADER)
    for row in GOOD:
        book.active.append(row)
    book.save(tmp_path / "in.xlsx")
    assert len(import_register_file(session, path=tmp_path / "in.xlsx", actor=SYSTEM)) == 2


def test_the_register_commands(engine, tmp_path, capsys):
    url = engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "register", "add", "--kind", "outgoing", "--subject", "ขอบคุณการต้อนรับ",
                 "--to", "เอกอัครราชทูตญี่ปุ่น"]) == 0
    assert capsys.readouterr().out.startswith("สว 0010/1\t")

    bad = write_csv(tmp_path / "bad.csv", [["incoming", "", "", "", "", "", "ช้า", "", ""]])
    assert main(["--database", url, "register", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "nothing was imported" in err and "row 2, column 'เรื่อง'" in err and "row 2, column 'ชั้นความเร็ว'" in err

    assert main(["--database", url, "register", "import", str(write_csv(tmp_path / "ok.csv", GOOD))]) == 0
    assert "2 document(s) registered" in capsys.readouterr().out

    out = tmp_path / "out.xlsx"
    assert main(["--database", url, "register", "export", "--year", "2569", "--kind", "incoming", "--out", str(out)]) == 0
    sheet = load_workbook(out).active
    assert sheet.cell(1, 1).value == "เลขทะเบียนรับ" and sheet.cell(2, 7).value == "ขอเชิญประชุม"
    capsys.readouterr()

    assert main(["--database", url, "retention", "list", "--year", "2569", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
