"""`workbench programme`, `workbench seating` and `workbench trip-report`: the documents of a visit as files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbench.commands.common import actor, add_actor_option, write_output


def register(commands: Any, add: Any) -> None:
    programme = add("programme", cmd_programme,
                    "write a visit's programme (กำหนดการ) to .docx or .pdf; a changed programme is a new version")
    programme.add_argument("--visit", type=int, required=True, metavar="ID", help="visit id (see `workbench visit list`)")
    programme.add_argument("--lang", choices=["th", "en", "both"], default="th",
                           help="Thai, English (for the guests) or both side by side (default: th)")
    programme.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.docx or FILE.pdf")
    add_actor_option(programme)

    seating = add("seating", cmd_seating,
                  "write the seating plan of a reception or meeting (one-page PDF), or with --cards its place cards")
    seating.add_argument("--engagement", type=int, required=True, metavar="ID",
                         help="engagement id (see `workbench engagement list`)")
    seating.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.pdf")
    seating.add_argument("--cards", action="store_true", help="write the place cards (name tents) instead of the plan")
    seating.add_argument("--shape", choices=["round", "long"],
                         help="table shape (default: round for receptions, long for meetings)")
    add_actor_option(seating)

    report = add("trip-report", cmd_trip_report,
                 "write the trip report (outbound) or visit summary (inbound) to .docx or .pdf; issuing it ticks "
                 "the checklist's report item")
    report.add_argument("--visit", type=int, required=True, metavar="ID", help="visit id")
    report.add_argument("--out", type=Path, required=True, metavar="FILE", help="FILE.docx or FILE.pdf")
    add_actor_option(report)


def _kind(path: Path, allowed: tuple[str, ...]) -> str:
    from workbench.services.common import field_error

    kind = path.suffix.lower().lstrip(".")
    if kind not in allowed:
        wanted = " or ".join(f".{k}" for k in allowed)
        raise field_error("out", f"ไฟล์ต้องลงท้ายด้วย {wanted}", f"the file must end in {wanted}")
    return kind


def cmd_programme(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.documents.programme import export_programme
    from workbench.services.visit_documents import issue_programme

    kind = _kind(args.out, ("docx", "pdf"))
    with new_session(open_engine()) as session:
        programme = issue_programme(session, visit_id=args.visit, lang=args.lang, actor=actor(session, args))
    payload = export_programme(programme, kind)
    write_output(args.out, payload)
    version = f"version {programme.version}" if programme.version else "draft"
    print(f"programme of visit {args.visit} ({args.lang}, {version}, {len(programme.rows)} engagements, "
          f"{len(programme.changes)} changes) written to {args.out}")
    return 0


def cmd_seating(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.documents import place_cards, seating_plan
    from workbench.services import visit_documents

    _kind(args.out, ("pdf",))
    with new_session(open_engine()) as session:
        who = actor(session, args)
        if args.cards:
            layout, cards = visit_documents.place_cards(session, engagement_id=args.engagement, actor=who)
        else:
            layout = visit_documents.seating_layout(session, engagement_id=args.engagement, actor=who, shape=args.shape)
    if args.cards:
        payload = place_cards.render_pdf(layout, cards)
        what = f"{len(cards)} place cards"
    else:
        payload = seating_plan.render_pdf(layout)
        what = f"seating plan ({layout.shape} table, {len(layout.seats)} seats, {len(layout.interpreters)} interpreters)"
    write_output(args.out, payload)
    print(f"{what} of engagement {args.engagement} written to {args.out}")
    return 0


def cmd_trip_report(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.documents.trip_report import export_report
    from workbench.services.visit_documents import issue_report

    kind = _kind(args.out, ("docx", "pdf"))
    with new_session(open_engine()) as session:
        report = issue_report(session, visit_id=args.visit, actor=actor(session, args))
    payload = export_report(report, kind)
    write_output(args.out, payload)
    version = f"version {report.version}" if report.version else "draft"
    print(f"{'trip report' if report.outbound else 'visit summary'} of visit {args.visit} ({version}) written to {args.out}")
    return 0
