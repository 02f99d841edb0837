"""`workbench calendar export`, `workbench visit list`, `workbench engagement list`."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from workbench.commands.common import (
    actor,
    add_actor_option,
    open_engine,
    parse_day,
    print_json,
    print_table,
    write_output,
)
from workbench.i18n import t


def register(commands: Any, add: Any) -> None:
    calendar = add("calendar", lambda a: _help(calendar), "the visit calendar: export")
    sub = calendar.add_subparsers(dest="calendar_command", metavar="ACTION")
    export = add("export", cmd_calendar_export, "export visits and engagements in a date range to iCalendar (.ics)",
                 sub)
    export.add_argument("--from", dest="first", type=parse_day, required=True,
                        help="first day (2026-12-01 or 1/12/2569)")
    export.add_argument("--to", dest="last", type=parse_day, required=True, help="last day, included")
    export.add_argument("--out", type=Path, required=True, help="the .ics file to write")
    export.add_argument("--lang", choices=["th", "en"], help="language of titles (default: WORKBENCH_LANG)")
    add_actor_option(export)

    visit = add("visit", lambda a: _help(visit), "visits: list")
    visit_sub = visit.add_subparsers(dest="visit_command", metavar="ACTION")
    visit_list = add("list", cmd_visit_list, "list visits (ids, kinds, dates, status, principal, country)", visit_sub)
    _range_and_format(visit_list)
    visit_list.add_argument("--direction", choices=["inbound", "outbound"], help="only this direction")
    visit_list.add_argument("--status", help="only this status (proposed, approved, confirmed, ...)")

    engagement = add("engagement", lambda a: _help(engagement), "engagements: list")
    engagement_sub = engagement.add_subparsers(dest="engagement_command", metavar="ACTION")
    engagement_list = add("list", cmd_engagement_list, "list engagements (ids, kinds, times, principals, country)",
                          engagement_sub)
    _range_and_format(engagement_list)
    engagement_list.add_argument("--kind", help="only this kind (courtesy_call, meeting, reception, ...)")


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _range_and_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="first", type=parse_day, help="first day (2026-12-01 or 1/12/2569)")
    parser.add_argument("--to", dest="last", type=parse_day, help="last day, included")
    parser.add_argument("--format", choices=["table", "json"], default="table", help="output format (default table)")
    parser.add_argument("--lang", choices=["th", "en"],
                        help="language of the table: headers, kinds, states, names and dates (default: WORKBENCH_LANG)")
    add_actor_option(parser)


def _check_range(args: argparse.Namespace) -> None:
    from workbench.services.common import field_error

    if args.first and args.last and args.last < args.first:
        raise field_error("end_date", "--to ต้องไม่ก่อน --from", "--to must not be before --from")


def cmd_calendar_export(args: argparse.Namespace) -> int:
    from workbench.config import get_settings
    from workbench.db import new_session
    from workbench.documents.ics import calendar_to_ics
    from workbench.services.calendar import calendar_items

    _check_range(args)
    lang = args.lang or get_settings().lang
    with new_session(open_engine()) as session:
        items = calendar_items(session, actor=actor(session, args), first=args.first, last=args.last)
        payload = calendar_to_ics(items, lang=lang)
    write_output(args.out, payload)
    print(f"{len(items)} item(s) written to {args.out}")
    return 0


def _load(session: Any, model: Any, ids: set[int]) -> dict[int, Any]:
    """The rows of ``model`` with these ids, by id, in one query (not one query per listed row)."""
    from sqlmodel import col, select

    if not ids:
        return {}
    return {row.id: row for row in session.exec(select(model).where(col(model.id).in_(sorted(ids))))}


def cmd_visit_list(args: argparse.Namespace) -> int:
    from workbench.db import new_session
    from workbench.models.countries import Country
    from workbench.models.people import Person
    from workbench.services.visits import list_visits

    _check_range(args)
    with new_session(open_engine()) as session:
        found = list_visits(session, actor=actor(session, args), start=args.first, end=args.last,
                            direction=args.direction, status=args.status)
        countries = _load(session, Country, {v.country_id for v in found if v.country_id})
        people = _load(session, Person, {v.principal_id for v in found if v.principal_id})
        rows = []
        for visit in found:
            country = countries.get(visit.country_id)
            principal = people.get(visit.principal_id) if visit.principal_id else None
            rows.append({"id": visit.id, "direction": visit.direction, "kind": visit.kind,
                         "start": visit.start_date, "end": visit.end_date, "status": visit.status,
                         "principal": principal.display_name(_lang(args)) if principal else "",
                         "country": _country(country, args),
                         "title": (visit.title_en if _lang(args) == "en" else "") or visit.title_th})
    _output(args, rows, "visit")
    return 0


def cmd_engagement_list(args: argparse.Namespace) -> int:
    from workbench.db import new_session
    from workbench.models.countries import Country
    from workbench.models.people import Person
    from workbench.services.engagements import list_engagements

    _check_range(args)
    start = dt.datetime.combine(args.first, dt.time()) if args.first else None
    end = dt.datetime.combine(args.last + dt.timedelta(days=1), dt.time()) if args.last else None
    with new_session(open_engine()) as session:
        found = list_engagements(session, actor=actor(session, args), start=start, end=end, kind=args.kind)
        countries = _load(session, Country, {e.country_id for e in found if e.country_id})
        people = _load(session, Person, {pid for e in found for pid in e.principal_ids})
        rows = []
        for engagement in found:
            country = countries.get(engagement.country_id) if engagement.country_id else None
            names = [people[pid].display_name(_lang(args)) for pid in engagement.principal_ids]
            rows.append({"id": engagement.id, "kind": engagement.kind, "start": engagement.start,
                         "end": engagement.end, "status": engagement.status, "principals": "; ".join(names),
                         "country": _country(country, args), "visit": engagement.visit_id or "",
                         "title": (engagement.title_en if _lang(args) == "en" else "") or engagement.title_th})
    _output(args, rows, "engagement")
    return 0


def _country(country: Any, args: argparse.Namespace) -> str:
    """The country's Thai name in a Thai table, its ISO code otherwise (and in JSON)."""
    if country is None:
        return ""
    return country.name_th if _lang(args) == "th" and args.format == "table" else country.iso2


def _lang(args: argparse.Namespace) -> str:
    from workbench.config import get_settings

    return getattr(args, "lang", None) or get_settings().lang


def _output(args: argparse.Namespace, rows: list[dict[str, Any]], record: str) -> None:
    """JSON keeps codes and ISO dates; the table is in the user's language: Thai headers, codes and B.E. dates
    (``--lang en``: English headers and codes, ISO dates)."""
    if args.format == "json":
        print_json(rows)
        return
    lang = _lang(args)
    shown = [{key: _shown(key, value, record, lang) for key, value in row.items()} for row in rows]
    keys = list(rows[0].keys()) if rows else ["id"]
    print_table(shown, [(key, t(f"cli.col.{key}", lang)) for key in keys])


def _shown(key: str, value: Any, record: str, lang: str) -> Any:
    from workbench.thai import format_date

    if key in ("direction", "kind", "status") and value:
        prefix = "direction" if key == "direction" else f"{record}_{key}"
        return t(f"{prefix}.{value}", lang)
    if isinstance(value, dt.datetime):
        return f"{format_date(value.date(), style='abbr')} {value:%H.%M}" if lang == "th" else f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return format_date(value, style="abbr") if lang == "th" else value.isoformat()
    return value
