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

from workbench.commands.common import (
    actor,
    add_actor_option,
    add_lang_option,
    print_json,
    print_rows,
    print_table,
    table_lang,
    write_output,
)


def register(commands: Any, add: Any) -> None:
    gift = add("gift", lambda a: _help(gift), "the gift register: list gifts (e.g. those still to be reported)")
    gift_sub = gift.add_subparsers(dest="gift_command", metavar="ACTION")
    gift_list = add("list", cmd_gift_list, "list gifts given and received, newest first", gift_sub)
    gift_list.add_argument("--unreported", action="store_true",
                           help="only gifts received above the NACC threshold not yet reported, nearest deadline first")
    gift_list.add_argument("--direction", choices=["given", "received"], help="only gifts given or received")
    gift_list.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    add_lang_option(gift_list)
    add_actor_option(gift_list)

    stock = add("stock", lambda a: _help(stock), "supplies, equipment and souvenirs in stock")
    stock_sub = stock.add_subparsers(dest="stock_command", metavar="ACTION")
    low = add("low", cmd_stock_low, "items at or below their own low-stock threshold", stock_sub)
    low.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    add_lang_option(low)
    add_actor_option(low)

    stats = add("stats", cmd_stats, "quarterly statistics computed from the records (visits by region, calls, "
                "receptions, briefs, budget disbursed against the target)")
    stats.add_argument("--fy", type=int, required=True, help="fiscal year in B.E. (e.g. 2570)")
    stats.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4], help="quarter of the fiscal year")
    stats.add_argument("--format", choices=["table", "json"], default="table", help="output format")
    add_lang_option(stats)
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
    from workbench import clock
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
    if args.format != "json":
        data = [{**r, "value": _baht(r["value"])} for r in data]
    print_rows(args, data, ["id", "direction", "date", "description", "counterpart", "value", "report_due",
                            "reported_on", "flag"], codes={"direction": "gift_direction", "flag": "cli.flag"})
    return 0


def cmd_stock_low(args: argparse.Namespace) -> int:
    from workbench.services.administration import stock

    with _session() as session:
        rows = stock.low_stock(session, actor=actor(session, args))
    data = [{"id": i.id, "code": i.code, "name": i.name_th, "category": i.category.value, "on_hand": i.on_hand,
             "threshold": i.low_stock_threshold, "unit": i.unit} for i in rows]
    print_rows(args, data, ["code", "name", "category", "on_hand", "threshold", "unit"],
               codes={"category": "stock_category"})
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

    from workbench.i18n import t
    from workbench.thai import format_date

    lang = table_lang(args)

    def shown(value: Any) -> str:
        return t("cli.not_available", lang) if value is None else (
            _baht(value) if isinstance(value, Decimal) else str(value))

    def figure(key: str, value: Any) -> dict[str, Any]:
        return {"figure": t(f"admin.stat.{key}", lang), "value": shown(value)}

    def region(way: str, code: str) -> str:
        return "  " + t(f"cli.stats.{way}", lang, region=t(f"region.{code}", lang))

    rows = [figure("inbound_visits", figures.inbound_visits),
            *({"figure": region("from", code), "value": n} for code, n in figures.inbound_by_region.items()),
            figure("outbound_visits", figures.outbound_visits),
            *({"figure": region("to", code), "value": n} for code, n in figures.outbound_by_region.items()),
            figure("courtesy_calls", figures.courtesy_calls), figure("receptions", figures.receptions),
            figure("briefs", figures.briefs), figure("documents_registered", figures.documents_registered),
            figure("meetings_attended", figures.meetings_attended),
            figure("budget_allocated", figures.budget_allocated), figure("budget_disbursed", figures.budget_disbursed),
            figure("budget_disbursed_percent", figures.budget_disbursed_percent),
            figure("budget_target_percent", figures.budget_target_percent)]
    if lang == "th":
        print(f"ปีงบประมาณ {figures.fiscal_year} ไตรมาสที่ {figures.quarter}: {format_date(figures.start)} – "
              f"{format_date(figures.end)}")
    else:
        print(f"fiscal year {figures.fiscal_year}, quarter {figures.quarter}: {figures.start} – {figures.end}")
    print_table(rows, [("figure", t("admin.col.figure", lang)), ("value", t("admin.col.value", lang))])
    if figures.not_available:
        print(f"{t('cli.not_available', lang)}: " + ", ".join(figures.not_available))
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
