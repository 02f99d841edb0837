"""Office administration and reports: `workbench gift list`, `workbench stock low`, `workbench stats`, and
`workbench report NOTEBOOK -p NAME=VALUE … --to html|pdf --out FILE`.

Reading commands act as the system operator unless ``--as USERNAME`` is given (then only what that user may
see is counted)."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from workbench import clock
from workbench.commands.common import actor, add_actor_option, print_json, print_table, write_output


def register(commands: Any, add: Any) -> None:
    gift = add("gift", lambda a: _help(gift), "the gift register: list gifts (e.g. those still to be reported)")
    gift_sub = gift.add_subparsers(dest="gift_command", metavar="ACTION")
    gift_list = add("list", cmd_gift_list, "list gifts given and received, newest first", gift_sub)
    gift_list.add_argument("--unreported", action="store_true",
                           help="only gifts received above the NACC threshold not yet reported, nearest deadline first")
    gift_list.add_argument("--direction", choices=["given", "received"], help="only gifts given or received")
    gift_list.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    add_actor_option(gift_list)

    stock = add("stock", lambda a: _help(stock), "supplies, equipment and souvenirs in stock")
    stock_sub = stock.add_subparsers(dest="stock_command", metavar="ACTION")
    low = add("low", cmd_stock_low, "items at or below their own low-stock threshold", stock_sub)
    low.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    add_actor_option(low)

    stats = add("stats", cmd_stats, "quarterly statistics computed from the records (visits by region, calls, "
                "receptions, briefs, budget disbursed against the target)")
    stats.add_argument("--fy", type=int, required=True, help="fiscal year in B.E. (e.g. 2570)")
    stats.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4], help="quarter of the fiscal year")
    stats.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    add_actor_option(stats)

    report = add("report", cmd_report, "run a report notebook from notebooks/ and export it without code as HTML "
                 "or PDF, with a title page (office, parameters, date, classification)")
    report.add_argument("notebook", metavar="NOTEBOOK", help="notebook name, e.g. quarterly_statistics")
    report.add_argument("-p", "--parameter", dest="parameters", action="append", default=[], metavar="NAME=VALUE",
                        help="set a parameter declared in the notebook's 'parameters' cell (repeatable)")
    report.add_argument("--to", choices=["html", "pdf"], default=None, help="format (default: from --out's suffix)")
    report.add_argument("--out", type=Path, required=True, help="file to write")


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _session() -> Any:
    from workbench.commands.common import open_engine
    from workbench.db import new_session

    return new_session(open_engine())


def _baht(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def cmd_gift_list(args: argparse.Namespace) -> int:
    from workbench.services.administration import gifts

    today = clock.today()
    with _session() as session:
        who = actor(session, args)
        rows = (gifts.unreported(session, actor=who, today=today) if args.unreported
                else gifts.list_gifts(session, actor=who, direction=args.direction, today=today))
    data = [{"id": g.id, "direction": g.direction.value, "date": g.gift_date, "description": g.description_th,
             "counterpart": g.counterpart, "value": g.value_baht, "report_due": g.report_due or "",
             "reported_on": g.reported_on or "", "flag": "OVERDUE" if g.overdue else ("REPORT" if g.unreported else "")}
            for g in rows]
    if args.format == "json":
        print_json(data)
    else:
        print_table([{**r, "value": _baht(r["value"])} for r in data],
                    [("id", "id"), ("direction", "direction"), ("date", "date"), ("description", "gift"),
                     ("counterpart", "to/from"), ("value", "value (baht)"), ("report_due", "report by"),
                     ("reported_on", "reported"), ("flag", "flag")])
    return 0


def cmd_stock_low(args: argparse.Namespace) -> int:
    from workbench.services.administration import stock

    with _session() as session:
        rows = stock.low_stock(session, actor=actor(session, args))
    data = [{"id": i.id, "code": i.code, "name": i.name_th, "category": i.category.value, "on_hand": i.on_hand,
             "threshold": i.low_stock_threshold, "unit": i.unit} for i in rows]
    if args.format == "json":
        print_json(data)
    else:
        print_table(data, [("code", "code"), ("name", "item"), ("category", "category"), ("on_hand", "on hand"),
                           ("threshold", "threshold"), ("unit", "unit")])
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from workbench.services.administration import statistics

    with _session() as session:
        figures = statistics.quarter_statistics(session, fiscal_year=args.fy, quarter=args.quarter,
                                                actor=actor(session, args))
    data = figures.as_dict()
    if args.format == "json":
        print_json([data])
        return 0

    def shown(value: Any) -> str:
        return "n/a" if value is None else (_baht(value) if isinstance(value, Decimal) else str(value))

    rows = [{"figure": "inbound visits", "value": shown(figures.inbound_visits)},
            *({"figure": f"  inbound from {region}", "value": n} for region, n in figures.inbound_by_region.items()),
            {"figure": "outbound visits", "value": shown(figures.outbound_visits)},
            *({"figure": f"  outbound to {region}", "value": n} for region, n in figures.outbound_by_region.items()),
            {"figure": "courtesy calls", "value": figures.courtesy_calls},
            {"figure": "receptions", "value": figures.receptions},
            {"figure": "briefs produced", "value": figures.briefs},
            {"figure": "documents registered", "value": shown(figures.documents_registered)},
            {"figure": "meetings attended", "value": shown(figures.meetings_attended)},
            {"figure": "budget allocated (baht)", "value": shown(figures.budget_allocated)},
            {"figure": "budget disbursed by quarter end (baht)", "value": shown(figures.budget_disbursed)},
            {"figure": "budget disbursed (%)", "value": shown(figures.budget_disbursed_percent)},
            {"figure": "cumulative target (%)", "value": shown(figures.budget_target_percent)}]
    print(f"fiscal year {figures.fiscal_year}, quarter {figures.quarter}: {figures.start} – {figures.end}")
    print_table(rows, [("figure", "figure"), ("value", "value")])
    if figures.not_available:
        print("not available: " + ", ".join(figures.not_available))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from workbench.documents import reports
    from workbench.errors import ValidationError

    to = args.to or args.out.suffix.lstrip(".").lower()
    if to not in ("html", "pdf"):
        raise ValidationError("ระบุ --to html หรือ pdf (หรือใช้ชื่อไฟล์ .html/.pdf)",
                              "give --to html or pdf (or an --out file ending in .html/.pdf)", field="--to")

    def progress(number: int, total: int) -> None:
        print(f"\rเซลล์ {number}/{total} · cell {number} of {total}", end="", file=sys.stderr, flush=True)

    try:
        result = reports.run_report(args.notebook, args.parameters, progress=progress)
    finally:
        print(file=sys.stderr)
    payload = reports.render(result, to)
    write_output(args.out, payload)
    print(f"{args.out} ({to}, {len(payload):,} bytes, {result.cells} cells)")
    return 0
