"""`workbench budget …`: the year's summary, a line's register, trip estimates, and postings for scripts.

Reading commands act as the system operator unless ``--as USERNAME`` is given; posting commands need a user
who may write budget entries (``--as``, or the system operator). Every posting goes through the services, so it
is checked and audited exactly as from the dashboard.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from workbench.commands.common import (
    actor,
    add_actor_option,
    add_lang_option,
    open_engine,
    parse_day,
    print_json,
    print_rows,
    print_table,
    table_lang,
)
from workbench.i18n import t
from workbench.thai import format_date

FISCAL_YEARS = (2500, 2700)  # B.E.; a year outside is a slip (a Christian year, 2400...)


def register(commands: Any, add: Any) -> None:
    group = add("budget", lambda a: _help(group), "budget: summary, entries, estimate, and postings")
    sub = group.add_subparsers(dest="budget_command", metavar="ACTION")

    summary = add("summary", cmd_summary, "a fiscal year per line: allocated, allotted, committed, disbursed, "
                  "available", sub)
    summary.add_argument("--fy", type=fiscal_year, required=True, help="fiscal year in B.E. (e.g. 2569)")
    summary.add_argument("--lang", choices=["th", "en"], help="language of the table (default: WORKBENCH_LANG)")
    summary.add_argument("--on", type=parse_day, help="figures as of this day (default: today, kept in the year)")
    summary.add_argument("--format", choices=["table", "csv", "json"], default="table",
                         help="output format (default table)")
    add_actor_option(summary)

    entries = add("entries", cmd_entries, "every posted entry of one budget line, in date order", sub)
    entries.add_argument("--fy", type=fiscal_year, required=True, help="fiscal year in B.E.")
    entries.add_argument("--line", required=True, help="the line's code")
    entries.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    add_lang_option(entries)
    add_actor_option(entries)

    estimate = add("estimate", cmd_estimate, "estimate a trip abroad from the rate tables (nothing is saved)", sub)
    estimate.add_argument("--visit", type=int, help="outbound visit id (see `workbench visit list`)")
    estimate.add_argument("--country", help="destination ISO code, e.g. JP (default: the visit's)")
    estimate.add_argument("--from", dest="first", type=parse_day, help="departure day (default: the visit's)")
    estimate.add_argument("--to", dest="last", type=parse_day, help="return day (default: the visit's)")
    estimate.add_argument("--travellers", help="travellers per grade, e.g. a=2,b=1 (default: the delegation)")
    estimate.add_argument("--flat", action="store_true", help="flat-rate accommodation instead of actual cost")
    estimate.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    add_lang_option(estimate)
    add_actor_option(estimate)

    line = add("add-line", cmd_add_line, "add a budget line with its allocation", sub)
    line.add_argument("--fy", type=fiscal_year, required=True, help="fiscal year in B.E.")
    line.add_argument("--code", required=True, help="the line's code, unique in the year")
    line.add_argument("--name", required=True, help="Thai name of the line")
    line.add_argument("--category", required=True,
                      choices=["personnel", "operations", "investment", "grants", "other"], help="budget category")
    line.add_argument("--expense-type", required=True,
                      choices=["remuneration", "services", "materials", "utilities", "salaries", "equipment",
                               "subsidies", "other"], help="expense type")
    line.add_argument("--allocated", required=True, help="allocated amount in baht, e.g. 1500000.00")
    add_actor_option(line)

    for name, handler, text in (("allot", cmd_allot, "release an allotment period's money to a line"),
                                ("commit", cmd_commit, "post a commitment on a line (refused beyond what is available "
                                 "or allotted)"),
                                ("pay", cmd_pay, "post a disbursement against a commitment or directly against a "
                                 "line")):
        posting = add(name, handler, text, sub)
        posting.add_argument("--fy", type=fiscal_year, required=True, help="fiscal year in B.E.")
        posting.add_argument("--line", help="the line's code" + (" (not needed with --commitment)"
                                                                   if name == "pay" else ""),
                             required=name != "pay")
        posting.add_argument("--amount", required=True, help="amount in baht, e.g. 12500.50")
        posting.add_argument("--date", type=parse_day, required=True, help="entry date (2026-12-01 or 1/12/2569)")
        posting.add_argument("--document", default="", help="document number")
        posting.add_argument("--description", default="", help="what it is for")
        if name == "allot":
            posting.add_argument("--period", type=int, required=True, help="allotment period number (งวดที่)")
        if name == "commit":
            posting.add_argument("--visit", type=int, help="visit id the commitment is for")
            posting.add_argument("--reception", type=int, help="reception (engagement) id it is for")
        if name == "pay":
            posting.add_argument("--commitment", type=int, help="commitment id this payment releases")
        add_actor_option(posting)

    move = add("transfer", cmd_transfer, "move allotted, unused money between two lines of a year", sub)
    move.add_argument("--fy", type=fiscal_year, required=True, help="fiscal year in B.E.")
    move.add_argument("--from-line", required=True, help="code of the source line")
    move.add_argument("--to-line", required=True, help="code of the receiving line")
    move.add_argument("--amount", required=True, help="amount in baht")
    move.add_argument("--date", type=parse_day, required=True, help="entry date")
    move.add_argument("--approver-id", type=int, required=True, help="id of the person who approved the transfer")
    move.add_argument("--document", default="", help="document number")
    add_actor_option(move)

    reverse = add("reverse", cmd_reverse, "correct a posted entry with a linked reversing entry", sub)
    reverse.add_argument("kind", choices=["commitment", "disbursement", "allotment", "transfer"],
                         help="kind of entry to reverse")
    reverse.add_argument("id", type=int, help="id of the entry")
    reverse.add_argument("--date", type=parse_day, required=True, help="date of the reversal")
    reverse.add_argument("--reason", required=True, help="why (kept with the entry)")
    reverse.add_argument("--amount", help="commitments only: release this much (default: all that remains)")
    reverse.add_argument("--approver-id", type=int, help="transfers only: who approved the reversal")
    add_actor_option(reverse)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _session() -> Any:
    from workbench.db import new_session

    return new_session(open_engine())


def _amount(value: Decimal) -> str:
    return f"{value:,.2f}"


def cmd_summary(args: argparse.Namespace) -> int:
    from workbench import clock
    from workbench.documents import budget_export
    from workbench.services import budget_reports

    with _session() as session:
        summary = budget_reports.year_summary(session, fiscal_year=args.fy, actor=actor(session, args),
                                              today=args.on or clock.today())
    if args.format == "csv":
        print(budget_export.summary_csv(summary), end="")
    elif args.format == "json":
        print_json([{"fiscal_year": summary.fiscal_year, "as_of": summary.on,
                     "lines": budget_export.summary_rows(summary, lang="en")}])
    elif not summary.lines:  # say so, rather than a table of zeros
        print(t("cli.budget.no_lines", _lang(args), year=summary.fiscal_year))
    else:
        lang = _lang(args)
        rows = [{k: _amount(v) if isinstance(v, Decimal) and k != "disbursed_percent" else v for k, v in row.items()}
                for row in budget_export.summary_rows(summary, lang=lang)]
        on = format_date(summary.on) if lang == "th" else summary.on.isoformat()
        print(t("cli.budget.heading", lang, year=summary.fiscal_year, on=on))
        shown = [c for c in budget_export.COLUMNS if c not in ("category", "expense_type")]
        print_table(rows, [(c, t(f"budget.col.{c}", lang)) for c in shown])
    return 0


def _lang(args: argparse.Namespace) -> str:
    from workbench.config import get_settings

    return getattr(args, "lang", None) or get_settings().lang


def fiscal_year(text: str) -> int:
    """A fiscal year in B.E. (2569); a Christian year or an absurd one (2400) is refused, saying which to use."""
    from workbench.commands.common import bounded_int

    try:
        year = bounded_int("fy")(text)  # digits only (Thai digits too): no "2_569", no "²"
    except argparse.ArgumentTypeError:
        year = 0
    if not FISCAL_YEARS[0] <= year <= FISCAL_YEARS[1]:
        raise argparse.ArgumentTypeError(
            f"ปีงบประมาณ {text!r} ไม่ถูกต้อง: ใช้ปีพุทธศักราช {FISCAL_YEARS[0]}–{FISCAL_YEARS[1]} เช่น 2569 / "
            f"fiscal year {text!r} is not valid: use the B.E. year, {FISCAL_YEARS[0]}-{FISCAL_YEARS[1]}, e.g. 2569")
    return year


def cmd_entries(args: argparse.Namespace) -> int:
    from workbench.services import budget

    with _session() as session:
        who = actor(session, args)
        line = budget.line_by_code(session, fiscal_year=args.fy, code=args.line, actor=who)
        rows = budget.entries(session, line_id=line.id, actor=who)
    if args.format != "json":
        rows = [{**r, "amount": _amount(r["amount"]), "reverses_id": r["reverses_id"] or ""} for r in rows]
    print_rows(args, rows, ["entry_date", "kind", "id", "amount", "document_no", "reverses_id", "description"],
               codes={"kind": "cli.entry_kind"})
    return 0


def _travellers(text: str | None) -> dict[str, int] | None:
    from workbench.errors import ValidationError

    if not text:
        return None
    try:
        return {code.strip(): int(n) for code, n in (part.split("=") for part in text.split(","))}
    except ValueError:
        raise ValidationError("รูปแบบ --travellers เช่น a=2,b=1", "--travellers looks like a=2,b=1",
                              field="--travellers") from None


def cmd_estimate(args: argparse.Namespace) -> int:
    from workbench.services import countries, trip_costs

    with _session() as session:
        country = countries.require_country_code(session, args.country, field="--country") if args.country else None
        estimate = trip_costs.estimate_trip(session, actor=actor(session, args), data={
            "visit_id": args.visit, "country_id": country.id if country else None, "start_date": args.first,
            "end_date": args.last, "travellers": _travellers(args.travellers),
            "accommodation": "flat" if args.flat else "actual"})
    if args.format == "json":
        print_json([estimate.as_json()])
        return 0
    from workbench.thai import baht_text

    lang = table_lang(args)  # Thai by default (WORKBENCH_LANG), --lang en for English
    print_table([{"item": t(f"budget.est.item.{i.code}", lang), "grade": i.grade, "persons": i.persons,
                  "units": i.units, "rate": _amount(i.unit_amount), "amount": _amount(i.amount)}
                 for i in estimate.items],
                [(key, t(f"budget.est.col.{key}", lang)) for key in ("item", "grade", "persons", "units", "rate",
                                                                       "amount")])
    words = baht_text(estimate.total) if lang == "th" else ""
    print(t("budget.est.total", lang, total=_amount(estimate.total), words=words).replace(" ()", ""))
    return 0


def cmd_add_line(args: argparse.Namespace) -> int:
    from workbench.services import budget

    with _session() as session:
        line = budget.create_line(session, actor=actor(session, args), data={
            "fiscal_year": args.fy, "code": args.code, "name_th": args.name, "category": args.category,
            "expense_type": args.expense_type, "allocated": args.allocated})
        print(f"line {line.code} added (id {line.id}, allocated {_amount(line.allocated)})")
    return 0


def _line_id(session: Any, who: Any, fy: int, code: str | None) -> int | None:
    from workbench.services import budget

    return budget.line_by_code(session, fiscal_year=fy, code=code, actor=who).id if code else None


def cmd_allot(args: argparse.Namespace) -> int:
    from workbench.services import budget

    with _session() as session:
        who = actor(session, args)
        entry = budget.add_allotment(session, actor=who, data={
            "line_id": _line_id(session, who, args.fy, args.line), "period_no": args.period, "amount": args.amount,
            "entry_date": args.date, "document_no": args.document, "description": args.description})
        print(f"allotment {entry.id} posted: {_amount(entry.amount)}")
    return 0


def cmd_commit(args: argparse.Namespace) -> int:
    from workbench.services import budget

    with _session() as session:
        who = actor(session, args)
        entry = budget.post_commitment(session, actor=who, data={
            "line_id": _line_id(session, who, args.fy, args.line), "amount": args.amount, "entry_date": args.date,
            "document_no": args.document, "description": args.description, "visit_id": args.visit,
            "engagement_id": args.reception})
        print(f"commitment {entry.id} posted: {_amount(entry.amount)}")
    return 0


def cmd_pay(args: argparse.Namespace) -> int:
    from workbench.services import budget

    with _session() as session:
        who = actor(session, args)
        entry = budget.disburse(session, actor=who, data={
            "line_id": _line_id(session, who, args.fy, args.line), "commitment_id": args.commitment,
            "amount": args.amount, "entry_date": args.date, "document_no": args.document,
            "description": args.description})
        print(f"disbursement {entry.id} posted: {_amount(entry.amount)}")
    return 0


def cmd_transfer(args: argparse.Namespace) -> int:
    from workbench.services import budget

    with _session() as session:
        who = actor(session, args)
        entry = budget.transfer(session, actor=who, data={
            "from_line_id": _line_id(session, who, args.fy, args.from_line),
            "to_line_id": _line_id(session, who, args.fy, args.to_line), "amount": args.amount,
            "entry_date": args.date, "approver_id": args.approver_id, "document_no": args.document})
        print(f"transfer {entry.id} posted: {_amount(entry.amount)}")
    return 0


def cmd_reverse(args: argparse.Namespace) -> int:
    from workbench.services import budget

    with _session() as session:
        who = actor(session, args)
        common = {"entry_date": args.date, "reason": args.reason, "actor": who}
        if args.kind == "commitment":
            entry = budget.reverse_commitment(session, commitment_id=args.id, amount=args.amount, **common)
        elif args.kind == "disbursement":
            entry = budget.reverse_disbursement(session, disbursement_id=args.id, **common)
        elif args.kind == "allotment":
            entry = budget.reverse_allotment(session, allotment_id=args.id, **common)
        else:
            entry = budget.reverse_transfer(session, transfer_id=args.id, approver_id=args.approver_id, **common)
        print(f"{args.kind} {args.id} reversed by entry {entry.id}: {_amount(entry.amount)}")
    return 0
