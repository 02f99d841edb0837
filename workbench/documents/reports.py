"""Notebooks exported as the office's reports (``workbench report NOTEBOOK -p NAME=VALUE … --to html|pdf``).

1. The notebook is read from the notebooks folder; its cell tagged ``parameters`` declares the parameters and
   their defaults. Each ``-p NAME=VALUE`` must name one of them and is converted to the default's type; they are
   injected as a new cell after the parameters cell (tagged ``injected-parameters``), as papermill does.
2. The notebook runs cell by cell in a fresh Python kernel (nbclient) with the configured database (the kernel
   inherits ``WORKBENCH_DATABASE_URL``); ``progress(n, N)`` is called before each code cell. A failing cell stops
   the run: ``ReportError`` names the cell (its number among the code cells) and the error, never a traceback.
3. The executed notebook is exported without code cells (nbconvert's ``basic`` template, ``exclude_input``):
   figures are PNG ``data:`` URIs and the Sarabun font is embedded, so the HTML opens with no network. A title
   page names the office, the report, the parameters, the date (B.E.) and the classification of the most
   sensitive data used, which the notebook declares with ``declare_report(...)`` (a hidden output).
4. PDF: the same HTML printed by headless Chromium (``documents.briefing_pdf.html_to_pdf``), Thai shaped by
   HarfBuzz with the font by local file URL, text extractable.
"""

from __future__ import annotations

import ast
import datetime as dt
import html
import json
import os
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.errors import NotFound, ValidationError, WorkbenchError

if TYPE_CHECKING:
    from workbench.documents.typography import FontMode

REPORT_MIME = "application/vnd.workbench.report+json"
OFFICE_TH = "สำนักงานต่างประเทศ สำนักงานเลขาธิการวุฒิสภา"
OFFICE_EN = "Foreign Affairs Office, Secretariat of the Senate"
CELL_TIMEOUT_S = 600
OPERATOR_ENV = "WORKBENCH_REPORT_OPERATOR"  # set by ``execute`` for the kernel of a ``workbench report`` run

Progress = Callable[[int, int], None]


class ReportError(WorkbenchError):
    """A cell of the report's notebook failed: names the cell and the error."""


def declare_report(*, title: str, classification: int = 0) -> None:
    """Called by a report notebook: its title and the highest classification of the data it used. The output is
    read by the exporter and never shown."""
    from IPython.display import display

    display({REPORT_MIME: {"title": title, "classification": int(classification)}}, raw=True)


@dataclass
class ReportResult:
    notebook: Any
    title: str
    parameters: dict[str, Any]
    classification: int
    generated_on: dt.date
    cells: int
    body: str = ""
    warnings: list[str] = field(default_factory=list)


# --- finding and parametrising the notebook --------------------------------------------------------------------

def notebooks_dir() -> Path:
    from workbench.config import get_settings

    return Path(get_settings().notebooks_dir)


def find_notebook(name: str, folder: Path | None = None) -> Path:
    """``annual_report`` or ``annual_report.ipynb`` inside the notebooks folder (no paths outside it)."""
    folder = Path(folder or notebooks_dir()).resolve()
    wanted = name if name.endswith(".ipynb") else f"{name}.ipynb"
    path = (folder / wanted).resolve()
    if path.parent != folder or not path.is_file():
        available = ", ".join(sorted(p.stem for p in folder.glob("*.ipynb"))) or "-"
        raise NotFound(f"ไม่พบสมุดบันทึก {name} ในโฟลเดอร์ {folder} (มี: {available})",
                       f"no notebook {name} in {folder} (available: {available})", field="NOTEBOOK")
    return path


def parameters_cell(notebook: Any) -> tuple[int, dict[str, Any]]:
    """Index of the cell tagged ``parameters`` and its declared names with their default values."""
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            defaults: dict[str, Any] = {}
            for node in ast.parse(cell.source).body:
                if isinstance(node, (ast.Assign, ast.AnnAssign)):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        if isinstance(target, ast.Name):
                            try:
                                defaults[target.id] = ast.literal_eval(node.value)
                            except ValueError:
                                defaults[target.id] = None
            return index, defaults
    raise ValidationError("สมุดบันทึกไม่มีเซลล์ที่ติดป้าย parameters", "the notebook has no cell tagged 'parameters'",
                          field="NOTEBOOK")


def convert(name: str, text: str, default: Any) -> Any:
    """A ``-p`` value as the type of the parameter's default (int, bool, float, list, or text)."""
    try:
        if isinstance(default, bool):
            if text.lower() not in {"true", "false", "1", "0", "yes", "no"}:
                raise ValueError(text)
            return text.lower() in {"true", "1", "yes"}
        if isinstance(default, int):
            from workbench.thai import to_arabic_digits

            return int(to_arabic_digits(text))
        if isinstance(default, float):
            return float(text)
        if isinstance(default, (list, tuple)):
            return [part.strip() for part in text.split(",") if part.strip()]
    except ValueError:
        kind = type(default).__name__
        raise ValidationError(f"ค่า {text!r} ของพารามิเตอร์ {name} ต้องเป็นชนิด {kind}",
                              f"value {text!r} of parameter {name} must be of type {kind}", field="-p") from None
    return text


def parse_parameters(pairs: list[str], defaults: dict[str, Any]) -> dict[str, Any]:
    """``["fiscal_year=2570", "quarter=1"]`` checked against the declared parameters."""
    values: dict[str, Any] = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ValidationError(f"พารามิเตอร์ {pair!r} ต้องอยู่ในรูป NAME=VALUE", f"parameter {pair!r} must be NAME=VALUE",
                                  field="-p")
        if name not in defaults:
            known = ", ".join(sorted(defaults)) or "-"
            raise ValidationError(f"สมุดบันทึกไม่มีพารามิเตอร์ {name} (มี: {known})",
                                  f"the notebook has no parameter {name} (it has: {known})", field="-p")
        values[name] = convert(name, text.strip(), defaults[name])
    return values


def inject(notebook: Any, values: dict[str, Any]) -> None:
    """Insert the injected-parameters cell after the parameters cell (papermill's convention)."""
    import nbformat

    index, _ = parameters_cell(notebook)
    source = "# Parameters\n" + "\n".join(f"{name} = {value!r}" for name, value in values.items())
    cell = nbformat.v4.new_code_cell(source=source, metadata={"tags": ["injected-parameters"]})
    cell.pop("id", None)
    notebook.cells.insert(index + 1, cell)


# --- running ---------------------------------------------------------------------------------------------------

def _error_text(outputs: list[Any]) -> tuple[str, str]:
    for output in outputs:
        if output.get("output_type") == "error":
            return output.get("ename", "Error"), output.get("evalue", "")
    return "Error", ""


def _first_line(source: str) -> str:
    lines = [line for line in source.splitlines() if line.strip()]
    return lines[0][:80] if lines else ""


def _injected(cell: Any) -> bool:
    return "injected-parameters" in cell.get("metadata", {}).get("tags", [])


def execute(notebook: Any, *, folder: Path, progress: Progress | None = None) -> int:
    """Run every code cell in order; the number of the notebook's own code cells run. Cells are numbered as in
    the notebook (the injected parameters count with the parameters cell). A failing cell raises ReportError."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    code = [(i, c) for i, c in enumerate(notebook.cells) if c.cell_type == "code"]
    total = sum(1 for _, c in code if not _injected(c))
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(folder)}})
    number = 0
    # the kernel's own log lines are not the report's; the kernel knows the operator's command runs it (report_actor)
    with client.setup_kernel(stderr=subprocess.DEVNULL, env={**os.environ, OPERATOR_ENV: "1"}):
        for index, cell in code:
            if not _injected(cell):
                number += 1
                if progress:
                    progress(number, total)
            try:
                client.execute_cell(cell, index)
            except CellExecutionError:
                ename, evalue = _error_text(cell.get("outputs", []))
                where = _first_line(cell.source)
                raise ReportError(
                    f"เซลล์ที่ {number} จาก {total} ผิดพลาด ({where}): {ename}: {evalue}",
                    f"cell {number} of {total} failed ({where}): {ename}: {evalue}", field="NOTEBOOK") from None
    return total


def declared(notebook: Any) -> dict[str, Any]:
    """What the notebook declared with ``declare_report`` (the last declaration wins)."""
    found: dict[str, Any] = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if REPORT_MIME in data:
                value = data[REPORT_MIME]
                found.update(json.loads(value) if isinstance(value, str) else dict(value))
    return found


def _strip_declarations(notebook: Any) -> None:
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if REPORT_MIME not in o.get("data", {})]


# --- exporting -------------------------------------------------------------------------------------------------

def body_html(notebook: Any) -> str:
    """The executed notebook as an HTML fragment without code cells, prompts or the injected parameters."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    shown = notebook.copy()
    shown.cells = [c for c in notebook.cells if "injected-parameters" not in c.get("metadata", {}).get("tags", [])
                   and "parameters" not in c.get("metadata", {}).get("tags", [])]
    body, _ = exporter.from_notebook_node(shown)
    # nothing from the network: drop any script (MathJax/require loaders) the template may add; no ¶ anchors
    body = re.sub(r"<script\b[^>]*>.*?</script>", "", body, flags=re.S | re.I)
    return re.sub(r'<a class="anchor-link"[^>]*>.*?</a>', "", body, flags=re.S)


STYLE = """
body { margin: 0 auto; max-width: 190mm; }
.wb-title { break-after: page; text-align: center; padding-top: 35mm; }
.wb-title .office { font-size: 20pt; font-weight: 700; }
.wb-title h1 { font-size: 26pt; margin: 18mm 0 10mm 0; }
.wb-title table { margin: 0 auto; border-collapse: collapse; font-size: 15pt; }
.wb-title td { padding: 1mm 4mm; text-align: left; border-bottom: 1px solid #ccc; }
.wb-title .date { margin-top: 12mm; }
.wb-class { color: #b71c1c; font-weight: 700; font-size: 18pt; text-align: center; }
h1 { font-size: 22pt; } h2 { font-size: 18pt; border-bottom: 1px solid #999; break-after: avoid; }
h3 { font-size: 16pt; break-after: avoid; }
table { border-collapse: collapse; font-size: 13pt; margin: 2mm 0 4mm 0; break-inside: avoid; min-width: 60%; }
td:first-child { min-width: 55mm; }
th, td { border: 1px solid #999; padding: 1mm 2mm; text-align: right; }
th { background: #eee; } td:first-child, th:first-child { text-align: left; }
img { max-width: 100%; break-inside: avoid; }
pre { white-space: pre-wrap; font-family: "Sarabun", monospace; font-size: 13pt; }
.jp-OutputArea-output, .output_subarea { margin: 0; }
.jp-RenderedText pre, .output_text pre { font-size: 13pt; }
@media print { .wb-screen-only { display: none; } }
"""


def classification_label(level: int, lang: str = "th") -> str:
    from workbench.i18n import t

    return t(f"clearance.{int(level)}", lang) if level else ""


def title_page(result: ReportResult) -> str:
    from workbench.thai import format_date

    esc = html.escape
    rows = "".join(f"<tr><td>{esc(str(name))}</td><td>{esc(str(value) if value not in ('', None) else '—')}</td></tr>"
                   for name, value in result.parameters.items())
    label = classification_label(result.classification)
    mark = f'<div class="wb-class">ชั้นความลับ: {esc(label)}</div>' if label else \
        '<div class="meta">ไม่มีชั้นความลับ (unclassified)</div>'
    return (f'<section class="wb-title">{mark}<div class="office">{esc(OFFICE_TH)}</div>'
            f'<div class="office-en">{esc(OFFICE_EN)}</div><h1>{esc(result.title)}</h1>'
            f"<table><tbody><tr><td>พารามิเตอร์ (parameters)</td><td></td></tr>{rows}</tbody></table>"
            f'<div class="date">จัดทำเมื่อ {esc(format_date(result.generated_on))}</div></section>')


def document(result: ReportResult, *, fonts: FontMode = "embed") -> str:
    from workbench.documents.typography import PageFrame, html_page

    label = classification_label(result.classification)
    bottom = f'<div class="wb-class wb-screen-only">{html.escape(label)}</div>' if label else ""
    frame = PageFrame(fonts=fonts, font_size="15pt", line_height=1.45, margins="20mm 18mm 20mm 25mm", banner=label)
    return html_page(lang="th", title=result.title, style=STYLE, frame=frame,
                     body=f"{title_page(result)}<main>{result.body}</main>{bottom}")


def run_report(name: str, pairs: list[str], *, progress: Progress | None = None, folder: Path | None = None,
               today: dt.date | None = None) -> ReportResult:
    """Find, parametrise and run a report notebook; the result holds its HTML body and what it declared."""
    import nbformat

    from workbench import clock

    path = find_notebook(name, folder)
    notebook = nbformat.read(path, as_version=4)
    _, defaults = parameters_cell(notebook)
    values = parse_parameters(pairs, defaults)
    inject(notebook, values)
    cells = execute(notebook, folder=path.parent, progress=progress)
    info = declared(notebook)
    _strip_declarations(notebook)
    shown = {**{k: v for k, v in defaults.items() if k != "database_url"}, **values}
    shown.pop("database_url", None)
    result = ReportResult(notebook=notebook, title=str(info.get("title") or path.stem), parameters=shown,
                          classification=int(info.get("classification", 0)), generated_on=today or clock.today(),
                          cells=cells)
    result.body = body_html(notebook)
    return result


def render(result: ReportResult, to: str) -> bytes:
    """The report as ``html`` (self-contained) or ``pdf`` (printed by headless Chromium)."""
    if to == "html":
        return document(result, fonts="embed").encode("utf-8")
    if to == "pdf":
        from workbench.documents.briefing_pdf import html_to_pdf

        return html_to_pdf(document(result, fonts="file"))
    raise ValidationError(f"ไม่รู้จักรูปแบบ {to}", f"unknown format {to}", field="--to")


# --- helpers for report notebooks ------------------------------------------------------------------------------

def report_actor(session: Any, username: str = "") -> Any:
    """Who a report is made for. Run by ``workbench report`` (the operator's command, like every command's
    ``--as``): a named active user (only what they may see is counted), or the system operator (everything) when
    ``username`` is empty. Opened in JupyterLab instead, the notebook acts for a signed-in user
    (``ui.notebook_user``: the password of ``username`` is asked, or the hub's user is taken), never for a name
    merely typed and never as the operator."""
    from workbench.db import SYSTEM
    from workbench.services.users import get_user

    if not os.environ.get(OPERATOR_ENV):
        from workbench.ui.notebook_user import notebook_user

        return notebook_user(session, username)
    if not username:
        return SYSTEM
    user = get_user(session, username=username)
    if user is None or not user.is_active:
        raise ValidationError(f"ไม่พบผู้ใช้ที่ใช้งานได้ชื่อ {username}", f"no active user named {username}", field="as_user")
    return user


def report_period(start_text: str = "", end_text: str = "", *, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """A report's period from text (ISO or Thai dates); empty ends are those of the current fiscal year."""
    from workbench import clock
    from workbench.thai import fiscal_year, fiscal_year_bounds, parse_date

    first, last = fiscal_year_bounds(fiscal_year(today or clock.today()))

    def read(text: str, default: dt.date, name: str) -> dt.date:
        if not text.strip():
            return default
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            try:
                return parse_date(text.strip())
            except (ValueError, TypeError):
                raise ValidationError(f"วันที่ {text!r} ไม่ถูกต้อง", f"{text!r} is not a date", field=name) from None

    start, end = read(start_text, first, "start_date"), read(end_text, last, "end_date")
    if end < start:
        raise ValidationError("วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น", "the end must not be before the start", field="end_date")
    return start, end
