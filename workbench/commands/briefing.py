"""`workbench briefing --engagement ID --out FILE` and `workbench import parline FILE`."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from workbench.commands.common import actor, add_actor_option, open_engine, parse_day, write_output


def register(commands: Any, add: Any) -> None:
    brief = add("briefing", cmd_briefing,
                "write the briefing pack of an engagement to a .docx, .pdf or .html file")
    brief.add_argument("--engagement", type=int, required=True, metavar="ID",
                       help="engagement id (see `workbench engagement list`)")
    brief.add_argument("--out", type=Path, required=True, metavar="FILE",
                       help="file to write; its extension (.docx, .pdf, .html) decides the format")
    brief.add_argument("--lang", choices=["th", "en"], help="language of the pack (default: WORKBENCH_LANG)")
    add_actor_option(brief)

    imports = add("import", lambda a: _help(imports), "import data files that users supply: parline")
    sub = imports.add_subparsers(dest="import_command", metavar="KIND")
    parline = add("parline", cmd_import_parline,
                  "load an IPU Parline export (CSV or XLSX) into the parliaments: all rows or none", sub)
    parline.add_argument("file", type=Path, help="the .csv or .xlsx file exported from Parline")
    parline.add_argument("--as-of", dest="as_of", type=parse_day,
                         help="date of the data when the file has no date column (2026-10-01 or 1/10/2569)")
    parline.add_argument("--source", help="source to record (default: 'IPU Parline export (FILE NAME)')")
    add_actor_option(parline)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def cmd_briefing(args: argparse.Namespace) -> int:
    from workbench.config import get_settings
    from workbench.db import new_session
    from workbench.documents.briefing_export import export_pack
    from workbench.services.briefing import assemble_pack

    kind = args.out.suffix.lower().lstrip(".")
    started = time.perf_counter()
    with new_session(open_engine()) as session:
        pack = assemble_pack(session, engagement_id=args.engagement, actor=actor(session, args),
                             lang=args.lang or get_settings().lang)
    payload = export_pack(pack, kind)
    write_output(args.out, payload)
    label = pack.classification_label()
    classified = f"; classified: {label}" if label else ""
    print(f"briefing pack for engagement {args.engagement} written to {args.out} "
          f"({len(payload):,} bytes, {time.perf_counter() - started:.1f} s{classified})")
    return 0


def cmd_import_parline(args: argparse.Namespace) -> int:
    from workbench.db import new_session
    from workbench.services.parline import import_parline_file

    with new_session(open_engine()) as session:
        report = import_parline_file(session, path=args.file, actor=actor(session, args), as_of=args.as_of,
                                     source=args.source)
    print(f"{report.rows} row(s) read: {report.snapshots_added} chamber snapshot(s) added, {report.unchanged} "
          f"unchanged; {report.parliaments_created} parliament(s) and {report.chambers_created} chamber(s) new")
    return 0
