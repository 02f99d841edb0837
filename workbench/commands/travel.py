"""`workbench letter passport|visa` and `workbench passport expiring`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workbench.commands.common import actor, add_actor_option, add_lang_option, print_rows, write_output


def register(commands: Any, add: Any) -> None:
    letter = add("letter", lambda a: _help(letter), "travel letters: passport request, visa note verbale")
    sub = letter.add_subparsers(dest="letter_command", metavar="KIND")
    passport = add("passport", cmd_letter_passport,
                   "the passport request letter (หนังสือภายนอก) of an outbound visit to the Department of Consular "
                   "Affairs, as .docx or .pdf: a draft, or issued with --issue", sub)
    _letter_options(passport)
    visa = add("visa", cmd_letter_visa,
               "the visa note verbale of an outbound visit to the embassy of a destination, as .docx or .pdf: a "
               "draft, or issued with --issue", sub)
    _letter_options(visa)
    visa.add_argument("--country", required=True, metavar="ISO2", help="destination country (ISO alpha-2, e.g. CH)")

    passports = add("passport", lambda a: _help(passports), "passports: expiring")
    passport_sub = passports.add_subparsers(dest="passport_command", metavar="ACTION")
    expiring = add("expiring", cmd_passport_expiring, "list valid passports expiring within DAYS, soonest first",
                   passport_sub)
    expiring.add_argument("--within", type=int, metavar="DAYS",
                          help="days from today (default: passport_expiry_window in data/travel_rules.csv)")
    expiring.add_argument("--format", choices=["table", "json"], default="table", help="output format (default table)")
    add_lang_option(expiring)
    add_actor_option(expiring)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _letter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--visit", type=int, required=True, metavar="ID", help="outbound visit id (see `workbench visit list`)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="file to write; its extension (.docx or .pdf) decides the format")
    parser.add_argument("--issue", action="store_true",
                        help="issue the letter: take its outgoing number from the correspondence register (without "
                             "it, a draft with no number)")
    add_actor_option(parser)


def _letter(args: argparse.Namespace, kind: str, iso2: str | None) -> int:
    from workbench import clock
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.documents.letters import render_letter
    from workbench.documents.letters.model import MEDIA_TYPES
    from workbench.errors import ValidationError
    from workbench.services.travel import letters

    extension = args.out.suffix.lower().lstrip(".")
    if extension not in ("docx", "pdf") or extension not in MEDIA_TYPES:
        raise ValidationError("ไฟล์ต้องเป็น .docx หรือ .pdf", "the file must be .docx or .pdf", field="--out")
    today = clock.today()
    with new_session(open_engine()) as session:
        who = actor(session, args)
        if args.issue:
            issued = letters.issue(session, kind=kind, visit_id=args.visit, iso2=iso2, actor=who, today=today)
            document, number = issued.document, issued.letter.display_number
        else:
            document = letters.draft(session, kind=kind, visit_id=args.visit, iso2=iso2, actor=who, today=today)
            number = ""
    payload = render_letter(document, extension)
    write_output(args.out, payload)
    shown = f"issued as {number}" if number else "draft, no number"
    print(f"{kind} letter for visit {args.visit} ({shown}) written to {args.out} ({len(payload):,} bytes)")
    return 0


def cmd_letter_passport(args: argparse.Namespace) -> int:
    return _letter(args, "passport", None)


def cmd_letter_visa(args: argparse.Namespace) -> int:
    return _letter(args, "visa", args.country)


def cmd_passport_expiring(args: argparse.Namespace) -> int:
    from workbench import clock
    from workbench.commands.common import open_engine
    from workbench.db import new_session
    from workbench.services.travel import passports

    with new_session(open_engine()) as session:
        rows = passports.expiring(session, actor=actor(session, args), today=clock.today(), within_days=args.within)
    data = [{"id": r.passport.id, "holder": r.holder, "holder_en": r.holder_en, "type": r.passport.passport_type,
             "number": r.passport.number, "expiry_date": r.passport.expiry_date, "days_left": r.days_left,
             "location": r.passport.location} for r in rows]
    english = args.format == "table" and (getattr(args, "lang", None) or "") == "en"
    shown = [{**row, "holder": row["holder_en"] or row["holder"]} for row in data] if english else data
    print_rows(args, shown, ["id", "holder", "type", "number", "expiry_date", "days_left", "location"],
               codes={"type": "travel.type", "location": "travel.location"})
    return 0
