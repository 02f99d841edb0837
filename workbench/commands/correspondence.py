"""`workbench register add|import|list|export` and `workbench retention list|draw|show|approve|carry-out`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbench.commands.common import (
    actor,
    add_actor_option,
    add_lang_option,
    parse_day,
    print_rows,
    write_output,
)

KINDS = ["incoming", "outgoing", "internal"]


def register(commands: Any, add: Any) -> None:
    reg = add("register", lambda a: _help(reg), "correspondence registers: add, import, list, export")
    sub = reg.add_subparsers(dest="register_command", metavar="ACTION")

    add_cmd = add("add", cmd_register_add, "register one document; prints its register number", sub)
    add_cmd.add_argument("--kind", choices=KINDS, required=True, help="which register")
    add_cmd.add_argument("--subject", required=True, help="เรื่อง")
    add_cmd.add_argument("--doc-number", default="", help="the document's own number (ที่ …)")
    add_cmd.add_argument("--doc-date", type=parse_day, help="the date written on it (2026-12-01 or 1/12/2569)")
    add_cmd.add_argument("--from", dest="sender", default="", help="จาก")
    add_cmd.add_argument("--to", dest="recipient", default="", help="ถึง")
    add_cmd.add_argument("--type", dest="doc_type", default="external",
                         choices=["external", "internal", "stamped", "directive", "announcement", "evidence"])
    add_cmd.add_argument("--urgency", default="normal", choices=["most_urgent", "very_urgent", "urgent", "normal"])
    add_cmd.add_argument("--classification", type=int, default=0, choices=[0, 1, 2],
                         help="0 none, 1 ลับ, 2 ลับมาก (ลับที่สุด stays off electronic registers)")
    add_cmd.add_argument("--action", dest="action_requested", default="for_information",
                         choices=["for_information", "for_consideration", "for_action", "for_signature", "for_reply"])
    add_cmd.add_argument("--work-group", default="", help="the work group it goes to")
    add_cmd.add_argument("--remarks", default="")
    add_cmd.add_argument("--visit-id", type=int, help="link to a visit")
    add_cmd.add_argument("--engagement-id", type=int, help="link to an engagement")
    add_cmd.add_argument("--reply-to", dest="reply_to_id", type=int, help="register entry id this document answers")
    add_actor_option(add_cmd)

    imp = add("import", cmd_register_import, "register every row of a CSV or XLSX file, or none (bad rows listed)", sub)
    imp.add_argument("file", type=Path, help="FILE.csv or FILE.xlsx: a header row naming the fields")
    add_actor_option(imp)

    lst = add("list", cmd_register_list, "list a register's entries of a year", sub)
    lst.add_argument("--year", type=int, required=True, help="B.E. year, e.g. 2569")
    lst.add_argument("--kind", choices=KINDS, required=True)
    lst.add_argument("--format", choices=["table", "json"], default="table")
    add_lang_option(lst)
    add_actor_option(lst)

    exp = add("export", cmd_register_export, "write a register of a year as XLSX or as the printed PDF page", sub)
    exp.add_argument("--year", type=int, required=True, help="B.E. year, e.g. 2569")
    exp.add_argument("--kind", choices=KINDS, required=True)
    exp.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.pdf")
    add_actor_option(exp)

    ret = add("retention", lambda a: _help(ret), "retention: destruction and National Archives lists")
    ret_sub = ret.add_subparsers(dest="retention_command", metavar="ACTION")
    ret_list = add("list", cmd_retention_list,
                   "documents past retention in a year (destruction list) and those due to the National Archives",
                   ret_sub)
    ret_list.add_argument("--year", type=int, required=True, help="B.E. year, e.g. 2569")
    ret_list.add_argument("--format", choices=["table", "json"], default="table")
    add_lang_option(ret_list)
    add_actor_option(ret_list)

    draw = add("draw", cmd_retention_draw, "draw up a year's destruction list (บัญชีหนังสือขอทำลาย) for the committee",
               ret_sub)
    draw.add_argument("--year", type=int, required=True, help="B.E. year, e.g. 2569")
    add_actor_option(draw)

    show = add("show", cmd_retention_show, "a destruction list: its documents, the committee's approvals, its status",
               ret_sub)
    show.add_argument("--list", dest="list_id", type=int, required=True, help="the destruction list's number")
    show.add_argument("--format", choices=["table", "json"], default="table")
    add_lang_option(show)
    add_actor_option(show)

    appr = add("approve", cmd_retention_approve,
               "approve a destruction list as a committee member, in your own name (--as); the chair and at least "
               "two members approve it", ret_sub)
    appr.add_argument("--list", dest="list_id", type=int, required=True, help="the destruction list's number")
    appr.add_argument("--role", dest="committee_role", choices=["chair", "member"], required=True,
                      help="chair (ประธานกรรมการ) or member (กรรมการ)")
    appr.add_argument("--note", default="", help="a remark kept with the approval")
    add_actor_option(appr)

    done = add("carry-out", cmd_retention_carry_out,
               "mark every document of an approved list destroyed (the register entries stay, marked)", ret_sub)
    done.add_argument("--list", dest="list_id", type=int, required=True, help="the destruction list's number")
    add_actor_option(done)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _year_ce(year_be: int) -> int:
    from workbench.services.common import field_error

    if not 2400 <= year_be <= 2700:
        raise field_error("year", "ต้องเป็นปีพุทธศักราช เช่น 2569", "must be a B.E. year such as 2569")
    return year_be - 543


def cmd_register_add(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.services.correspondence import register_document

    data = {"register": args.kind, "subject": args.subject, "doc_number": args.doc_number, "doc_date": args.doc_date,
            "sender": args.sender, "recipient": args.recipient, "doc_type": args.doc_type, "urgency": args.urgency,
            "classification": args.classification, "action_requested": args.action_requested,
            "work_group": args.work_group, "remarks": args.remarks, "visit_id": args.visit_id,
            "engagement_id": args.engagement_id, "reply_to_id": args.reply_to_id}
    with new_session(open_engine()) as session:
        doc = register_document(session, actor=actor(session, args), data=data)
    print(f"{doc.display_number}\t(id {doc.id}, {doc.register.value} {doc.year + 543})")
    return 0


def cmd_register_import(args: argparse.Namespace) -> int:
    import sys

    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.services.correspondence.imports import ImportRejected, import_register_file

    with new_session(open_engine()) as session:
        try:
            docs = import_register_file(session, path=args.file, actor=actor(session, args))
        except ImportRejected as rejected:
            print(f"workbench: ไม่ได้นำเข้าแม้แต่แถวเดียว / nothing was imported: {len(rejected.problems)} problem(s)",
                  file=sys.stderr)
            for problem in rejected.problems:
                print(f"  {problem.text('th')} / {problem.text('en')}", file=sys.stderr)
            return 1
    first, last = (docs[0].display_number, docs[-1].display_number) if docs else ("-", "-")
    print(f"{len(docs)} document(s) registered ({first} … {last})")
    return 0


def _rows(docs: list[Any]) -> list[dict[str, Any]]:
    return [{"id": d.id, "number": d.display_number, "registered": d.registered_at,
             "doc_number": d.doc_number, "from": d.sender, "to": d.recipient, "subject": d.subject,
             "urgency": d.urgency.value, "status": d.status.value, "classification": int(d.classification)}
            for d in docs]


def cmd_register_list(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.services.correspondence import register_page

    year = _year_ce(args.year)
    with new_session(open_engine()) as session:
        docs = register_page(session, actor=actor(session, args), register=args.kind, year=year)
    print_rows(args, _rows(docs), ["id", "number", "registered", "doc_number", "from", "subject", "urgency", "status"],
               codes={"urgency": "urgency", "status": "correspondence_status", "classification": "clearance"})
    return 0


def cmd_register_export(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.documents import correspondence_register as document
    from workbench.errors import ValidationError
    from workbench.services.correspondence import register_page

    year = _year_ce(args.year)
    suffix = args.out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError("--out ต้องเป็นไฟล์ .xlsx หรือ .pdf", "--out must be a .xlsx or .pdf file", field="--out")
    with new_session(open_engine()) as session:
        docs = register_page(session, actor=actor(session, args), register=args.kind, year=year)
    payload = (document.render_xlsx(docs, register=args.kind) if suffix == ".xlsx"
               else document.render_pdf(docs, register=args.kind, year_ce=year))
    write_output(args.out, payload)
    print(f"{len(docs)} entr{'y' if len(docs) == 1 else 'ies'} written to {args.out}")
    return 0


def cmd_retention_list(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.services.correspondence import retention

    _year_ce(args.year)
    with new_session(open_engine()) as session:
        who = actor(session, args)
        destroy = retention.due_for_destruction(session, actor=who, year_be=args.year)
        archives = retention.due_for_archives(session, actor=who, year_be=args.year)
    rows = [{"list": "destruction", "id": r.document.id, "number": r.document.display_number,
             "register": r.document.register.value, "year": r.document.year + 543, "type": r.document.doc_type.value,
             "kept_years": r.retention_years, "subject": r.document.subject} for r in destroy]
    rows += [{"list": "national_archives", "id": d.id, "number": d.display_number, "register": d.register.value,
              "year": d.year + 543, "type": d.doc_type.value, "kept_years": "", "subject": d.subject}
             for d in archives]
    if args.format != "json":
        print(f"บัญชีหนังสือขอทำลาย ปี {args.year} / destruction list {args.year}: {len(destroy)}")
        print(f"ส่งมอบหอจดหมายเหตุแห่งชาติ / due to the National Archives: {len(archives)}")
    print_rows(args, rows, ["list", "id", "register", "year", "number", "type", "kept_years", "subject"],
               codes={"list": "cli.list", "register": "register", "type": "document_type"})
    return 0


STATUS_TH = {"draft": "รออนุมัติ", "approved": "อนุมัติแล้ว", "carried_out": "ทำลายแล้ว"}
ROLE_TH = {"chair": "ประธานกรรมการ", "member": "กรรมการ"}


def cmd_retention_draw(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.services.correspondence import retention

    with new_session(open_engine()) as session:
        who = actor(session, args)
        listing = retention.draw_up_destruction_list(session, actor=who, year_be=args.year)
        count = len(retention.list_items(session, actor=who, list_id=listing.list_id))
    print(f"บัญชีหนังสือขอทำลาย ปี {args.year} หมายเลข {listing.list_id}: {count} ฉบับ รอคณะกรรมการอนุมัติ")
    print(f"destruction list {listing.list_id} for {args.year}: {count} document(s), awaiting the committee")
    return 0


def cmd_retention_show(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.services.correspondence import retention

    with new_session(open_engine()) as session:
        who = actor(session, args)
        status = retention.list_status(session, actor=who, list_id=args.list_id)
        docs = retention.list_items(session, actor=who, list_id=args.list_id)
    rows = [{"id": d.id, "number": d.display_number, "register": d.register.value, "year": d.year + 543,
             "type": d.doc_type.value, "subject": d.subject, "disposal": d.disposal.value} for d in docs]
    if args.format == "json":
        import json

        from workbench.models.base import jsonable

        print(json.dumps(jsonable({"list": status.list_id, "year": status.year_be, "status": status.status,
                    "approvals": [{"user": a.username, "role": a.committee_role, "at": a.approved_at.isoformat(),
                                   "note": a.note} for a in status.approvals], "documents": rows}),
                         ensure_ascii=False, indent=2))
        return 0
    print(f"บัญชีหนังสือขอทำลาย ปี {status.year_be} หมายเลข {status.list_id}: "
          f"{STATUS_TH.get(status.status, status.status)} / {status.status}")
    for a in status.approvals:
        print(f"  {ROLE_TH.get(a.committee_role, a.committee_role)} / {a.committee_role}: {a.username}"
              f"{' — ' + a.note if a.note else ''}")
    if not status.approvals:
        print("  ยังไม่มีกรรมการอนุมัติ / no approvals yet")
    print_rows(args, rows, ["id", "register", "year", "number", "type", "disposal", "subject"],
               codes={"register": "register", "type": "document_type", "disposal": "disposal"})
    return 0


def cmd_retention_approve(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.services.correspondence import retention

    with new_session(open_engine()) as session:
        listing = retention.approve(session, actor=actor(session, args), list_id=args.list_id,
                                    committee_role=args.committee_role, note=args.note)
        status = listing.status
    print(f"บันทึกการอนุมัติแล้ว: บัญชีหมายเลข {args.list_id} {STATUS_TH.get(status, status)}")
    print(f"approval recorded: list {args.list_id} is {status}")
    return 0


def cmd_retention_carry_out(args: argparse.Namespace) -> int:
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.services.correspondence import retention

    with new_session(open_engine()) as session:
        count = retention.carry_out(session, actor=actor(session, args), list_id=args.list_id)
    print(f"ทำลายแล้ว {count} ฉบับ (รายการในทะเบียนยังคงอยู่ พร้อมหมายเหตุการทำลาย)")
    print(f"{count} document(s) marked destroyed (their register entries stay)")
    return 0
