"""RecordTable: the one read-only table of records (escaped text, a classification badge, an empty-state text)."""

from __future__ import annotations

from html.parser import HTMLParser

from workbench.models.base import Clearance
from workbench.ui.record_table import RecordTable

COLUMNS = [("title", "เรื่อง"), ("amount", "จำนวนเงิน"), ("classification", "ชั้นความลับ")]


class _Cells(HTMLParser):
    """The table's text, row by row, as a reader sees it (and which cells are badges or right-aligned)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.badges: list[str] = []
        self.right: list[str] = []
        self._in: str | None = None
        self._cell_class = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self.rows[-1].append("")
            self._cell_class = dict(attrs).get("class") or ""
        if tag in ("td", "th", "span", "style", "p"):
            self._in = tag

    def handle_data(self, data: str) -> None:
        if self._in == "span":
            self.badges.append(data)
        if self._in in ("td", "th", "span"):
            self.rows[-1][-1] += data
            if self._cell_class == "wb-num":
                self.right.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in = "td" if tag == "span" else None


def _read(table: RecordTable) -> _Cells:
    cells = _Cells()
    cells.feed(table.value)
    return cells


def test_rows_show_as_escaped_text_under_their_headers():
    table = RecordTable(COLUMNS, numeric={"amount"}, badge="classification")
    rows = [{"title": "<script>alert(1)</script> & co", "amount": "1,234.50", "classification": 0},
            {"title": "ประชุม", "amount": None, "classification": Clearance.SECRET}]
    table.show(rows)
    assert "<script>" not in table.value and "&lt;script&gt;" in table.value
    cells = _read(table)
    assert cells.rows == [["เรื่อง", "จำนวนเงิน", "ชั้นความลับ"],
                          ["<script>alert(1)</script> & co", "1,234.50", ""],
                          ["ประชุม", "", "ลับมาก"]]
    assert cells.badges == ["ลับมาก"]
    assert cells.right == ["จำนวนเงิน", "1,234.50"]
    assert table.rows == rows


def test_a_badge_column_takes_a_label_already_said():
    table = RecordTable(COLUMNS, badge="classification")
    table.show([{"title": "a", "classification": "ลับ"}, {"title": "b", "classification": ""}])
    assert _read(table).badges == ["ลับ"]


def test_no_badge_column_shows_the_level_as_plain_text():
    table = RecordTable(COLUMNS)
    table.show([{"title": "a", "classification": "ลับ"}])
    assert _read(table).badges == [] and _read(table).rows[1] == ["a", "", "ลับ"]


def test_without_rows_the_empty_state_text_shows_instead_of_a_table():
    table = RecordTable(COLUMNS, empty="ไม่มี <รายการ>")
    table.show([])
    assert "<table" not in table.value and "ไม่มี &lt;รายการ&gt;" in table.value
    assert RecordTable(COLUMNS).value == ""


def test_a_caption_counts_the_rows_and_a_total_row_comes_last():
    table = RecordTable(COLUMNS[:2], caption=lambda n: f"{n} รายการ", numeric={"amount"})
    table.show([{"title": "ก", "amount": "1.00"}, {"title": "ข", "amount": "2.00"}],
               total={"title": "รวม", "amount": "3.00"})
    cells = _read(table)
    assert "2 รายการ" in table.value
    assert cells.rows[-1] == ["รวม", "3.00"] and "class='wb-total'" in table.value
    assert len(table.rows) == 2


def test_reset_clears_the_table():
    table = RecordTable(COLUMNS, empty="ไม่มีรายการ")
    table.show([{"title": "ก"}])
    table.reset()
    assert table.value == "" and table.rows == []


def test_a_list_cell_shows_its_items_as_escaped_bullets_and_a_changed_value_struck_through():
    from workbench.ui.record_table import Entry

    table = RecordTable([("title", "เรื่อง"), ("why", "เหตุผล")])
    table.show([{"title": "ก", "why": ["ไม่มี <หนังสือเดินทาง>", Entry("ชื่อ", "สมศรี", was="<สมหญิง>"),
                                      Entry("วันที่", "1 ธ.ค. 2569")]}])
    assert "<li>ไม่มี &lt;หนังสือเดินทาง&gt;</li>" in table.value
    assert "<li><b>ชื่อ</b>: <s>&lt;สมหญิง&gt;</s> → สมศรี</li>" in table.value
    assert "<li><b>วันที่</b>: 1 ธ.ค. 2569</li>" in table.value
    assert "<ul class='wb-cell-list'><li>" in table.value and table.rows[0]["why"][1].was == "<สมหญิง>"


def test_a_row_class_marks_warnings_and_late_rows():
    table = RecordTable(COLUMNS[:1], row_class=lambda row: "wb-overdue" if row["late"] else "")
    table.show([{"title": "ตรงเวลา", "late": False}, {"title": "เลยกำหนด", "late": True}])
    assert "<tr><td>ตรงเวลา</td></tr>" in table.value
    assert "<tr class='wb-overdue'><td>เลยกำหนด</td></tr>" in table.value
    assert "tr.wb-overdue td { color: #b71c1c; }" in table.value


def test_the_same_table_inside_a_larger_panel_and_one_records_fields():
    from workbench.ui.record_table import fields_html, table_html

    table = RecordTable(COLUMNS, numeric={"amount"}, css_class="wb-x")
    rows = [{"title": "<b>ก</b>", "amount": "1.00", "classification": "ลับ"}]
    table.show(rows)
    assert table.value == table_html(COLUMNS, rows, numeric={"amount"}, css_class="wb-x")
    page = fields_html([("เลขที่", "สว 0012/2569"), ("เรื่อง", "<script>x</script>")], css_class="wb-fields")
    cells = _Cells()
    cells.feed(page)
    assert cells.rows == [["เลขที่", "สว 0012/2569"], ["เรื่อง", "<script>x</script>"]]
    assert "<script>" not in page and "class='wb-table wb-record-table wb-fields'" in page
