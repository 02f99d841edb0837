"""The office's safety net: `workbench audit verify`, `workbench backup --out FILE`, `workbench restore FILE`.

They act as the system operator (a backup holds every record of every secrecy class)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workbench.commands.common import open_engine


def register(commands: Any, add: Any) -> None:
    audit = add("audit", lambda a: _help(audit), "the audit trail: verify its hash chain")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    add("verify", cmd_audit_verify, "walk the audit trail's hash chain and report the first broken link "
        "(exit code 1 when broken)", audit_sub)

    backup = add("backup", cmd_backup, "write the whole database (one consistent snapshot, attachments included) "
                 "to one backup file")
    backup.add_argument("--out", type=Path, required=True, metavar="FILE", help="backup file to write (.wbk)")

    restore = add("restore", cmd_restore, "load a backup file into an empty database (SQLite or PostgreSQL), all or "
                  "nothing; row counts and the audit chain are verified before it is kept")
    restore.add_argument("file", type=Path, metavar="FILE", help="a file written by `workbench backup`")


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from workbench.db import SYSTEM, new_session
    from workbench.services.audit_chain import verify_chain

    with new_session(open_engine()) as session:
        report = verify_chain(session, actor=SYSTEM)
    print(report.message("th"))
    print(report.message("en"))
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from workbench.db import SYSTEM
    from workbench.services.backup import backup

    report = backup(open_engine(any_schema=True), out=args.out, actor=SYSTEM)
    print(f"backup: {args.out} (schema {report.revision}, {report.rows:,} rows in {len(report.counts)} tables, "
          f"{report.files} attachment files)")
    for sha in report.missing_files:  # the rest is kept, but the run fails so that a scheduled backup is noticed
        print(f"error: attachment file {sha} is missing from the attachment folder and is not in the backup",
              file=sys.stderr)
    return 1 if report.missing_files else 0


def cmd_restore(args: argparse.Namespace) -> int:
    from workbench.db import SYSTEM
    from workbench.services.backup import restore

    report = restore(open_engine(any_schema=True), path=args.file, actor=SYSTEM)
    print(f"restore: {args.file} (schema {report.revision}, {report.rows:,} rows in {len(report.counts)} tables, "
          f"{report.files} attachment files)")
    print(report.chain.message("en"))
    return 0
