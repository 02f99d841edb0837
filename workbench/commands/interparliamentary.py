"""`workbench meeting list`, `workbench meeting summary`, `workbench followup list`."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from workbench.commands.common import (
    actor,
    add_actor_option,
    add_lang_option,
    parse_day,
    print_rows,
    table_lang,
    write_output,
)


def register(commands: Any, add: Any) -> None:
    meeting = add("meeting", lambda a: _help(meeting), "inter-parliamentary meetings: list, summary")
    sub = meeting.add_subparsers(dest="meeting_command", metavar="ACTION")
    listing = add("list", cmd_meeting_list, "list IPU/APPF/AIPA meetings, entered and predicted from their cadence "
                  "(ids, organisation, dates, host, preparation done)", sub)
    listing.add_argument("--org", help="organisation code or abbreviation (IPU, APPF, AIPA, ...)")
    listing.add_argument("--from", dest="first", type=parse_day, help="first day (default: today)")
    listing.add_argument("--to", dest="last", type=parse_day, help="last day, included (default: a year after --from)")
    listing.add_argument("--format", choices=["table", "json"], default="table", help="output format (default table)")
    add_lang_option(listing)
    add_actor_option(listing)
    summary = add("summary", cmd_meeting_summary, "write a meeting's summary (สรุปผลการประชุม) as DOCX or PDF", sub)
    summary.add_argument("--meeting", type=int, required=True, help="the meeting's id (see `workbench meeting list`)")
    summary.add_argument("--out", type=Path, required=True, help="the file to write: .docx or .pdf")
    add_actor_option(summary)

    followup = add("followup", lambda a: _help(followup), "follow-ups of meeting summaries: list")
    follow_sub = followup.add_subparsers(dest="followup_command", metavar="ACTION")
    follow_list = add("list", cmd_followup_list, "list follow-ups of meeting summaries, overdue first", follow_sub)
    follow_list.add_argument("--overdue", action="store_true", help="only the overdue ones")
    follow_list.add_argument("--open", dest="open_only", action="store_true", help="only open ones (not done/cancelled)")
    follow_list.add_argument("--format", choices=["table", "json"], default="table", help="output format (default table)")
    add_lang_option(follow_list)
    add_actor_option(follow_list)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


MEETING_KEYS = ["id", "organization", "kind", "number", "title", "start", "end", "country", "city", "projected",
                "visit_id", "preparation"]
FOLLOW_UP_KEYS = ["id", "meeting_id", "meeting", "organization", "action", "owner", "due_date", "status", "overdue"]


def cmd_meeting_list(args: argparse.Namespace) -> int:
    from workbench import clock
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.services.common import field_error
    from workbench.services.interparliamentary import meetings

    first = args.first or clock.today()
    last = args.last or first + dt.timedelta(days=365)
    if last < first:
        raise field_error("end_date", "--to ต้องไม่ก่อน --from", "--to must not be before --from")
    with new_session(open_engine()) as session:
        org_id = meetings.organization_by_code(session, args.org).id if args.org else None
        found = meetings.list_meetings(session, actor=actor(session, args), first=first, last=last,
                                       organization_id=org_id)
    rows = [row.as_dict() for row in found]
    if args.format == "table":  # the title and the country in the table's language
        lang = table_lang(args)
        rows = [{**row, "title": meeting.title(lang), "country": meeting.country_th if lang == "th" else row["country"]}
                for row, meeting in zip(rows, found, strict=True)]
    print_rows(args, rows, MEETING_KEYS, codes={"kind": "ip_kind"}, headers={"number": "cli.col.session"})
    return 0


def cmd_meeting_summary(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.documents import meeting_summary
    from workbench.services.common import field_error
    from workbench.services.interparliamentary.summaries import summary_view

    suffix = args.out.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        raise field_error("--out", "ไฟล์ต้องเป็น .docx หรือ .pdf", "the file must be .docx or .pdf")
    with new_session(open_engine()) as session:
        view = summary_view(session, meeting_id=args.meeting, actor=actor(session, args))
    payload = meeting_summary.render_docx(view) if suffix == ".docx" else meeting_summary.render_pdf(view)
    write_output(args.out, payload)
    print(f"{args.out} written ({len(view.follow_ups)} follow-up(s))")
    return 0


def cmd_followup_list(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.services.interparliamentary.summaries import follow_ups

    with new_session(open_engine()) as session:
        rows = [row.as_dict() for row in follow_ups(session, actor=actor(session, args), overdue_only=args.overdue,
                                                     open_only=args.open_only)]
    print_rows(args, rows, FOLLOW_UP_KEYS, codes={"status": "ip_follow"})
    return 0
