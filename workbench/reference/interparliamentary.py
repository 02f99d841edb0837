"""Loaders of the inter-parliamentary reference data (``data/interparliamentary_*.csv``): committees and working
bodies, national-group executive-committee posts, recurring meeting series with their cadence, host rotation and
the preparation lead times. Appended to ``workbench.reference.LOADERS``."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, select

from workbench.errors import ValidationError
from workbench.models.interparliamentary import HostRotation, LeadTime, MeetingKind, MeetingSeries
from workbench.models.people import Organization
from workbench.reference import common, core
from workbench.reference.common import LoadReport
from workbench.services.countries import country_index, require_country_code


def _int_or_none(value: str, where: str, column: str) -> int | None:
    return common.read_int(value, where, column) if value else None


def load_bodies(session: Session, rows: list[dict[str, str]], report: LoadReport) -> None:
    core.load_organizations(session, rows, report)


def load_ip_posts(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    core.load_posts(session, rows, report)


def _months(value: str, where: str) -> str:
    try:
        months = [int(m) for m in value.split(";") if m.strip()]
    except ValueError:
        months = []
    if not months or any(m < 1 or m > 12 for m in months) or months != sorted(set(months)):
        raise ValidationError(f"เดือนต้องเป็นตัวเลข 1–12 คั่นด้วย ; เรียงจากน้อยไปมาก ({where})",
                              f"months must be 1–12 separated by ; in increasing order ({where})", field="months")
    return ";".join(str(m) for m in months)


def load_series(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    ref = common
    orgs = {o.code: o.id for o in session.exec(select(Organization)).all() if o.code}
    for number, row in enumerate(rows, start=2):
        where = f"interparliamentary_series.csv:{number}"
        if row["organization_code"] not in orgs:
            raise ValidationError(f"ไม่รู้จักหน่วยงาน '{row['organization_code']}' ({where})",
                                  f"unknown organization_code '{row['organization_code']}' ({where})",
                                  field="organization_code")
        ref.upsert(session, report, MeetingSeries, "code", {
            "code": row["code"], "organization_id": orgs[row["organization_code"]],
            "kind": ref.read_choice(MeetingKind, row["kind"], where, "kind"),
            "title_th": row["title_th"], "title_en": row.get("title_en", ""),
            "months": _months(row["months"], where),
            "opening_day": ref.read_int(row.get("opening_day") or "1", where, "opening_day"),
            "duration_days": ref.read_int(row.get("duration_days") or "1", where, "duration_days"),
            "number_anchor_year": _int_or_none(row.get("number_anchor_year", ""), where, "number_anchor_year"),
            "number_anchor": _int_or_none(row.get("number_anchor", ""), where, "number_anchor"),
            "rotation_anchor_year": _int_or_none(row.get("rotation_anchor_year", ""), where, "rotation_anchor_year"),
            "source": row.get("source", ""), "as_of": ref.read_date(row.get("as_of", ""), where),
            "note": row.get("note", ""),
        })


def load_hosts(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    ref = common
    series = {s.code: s.id for s in session.exec(select(MeetingSeries)).all()}
    countries = country_index(session)
    for number, row in enumerate(rows, start=2):
        where = f"interparliamentary_hosts.csv:{number}"
        if row["series_code"] not in series:
            raise ValidationError(f"ไม่รู้จักการประชุม '{row['series_code']}' ({where})",
                                  f"unknown series_code '{row['series_code']}' ({where})", field="series_code")
        iso2 = row.get("country_iso2", "")
        country = require_country_code(session, iso2, field="country_iso2", where=where, index=countries) \
            if iso2 else None
        ref.upsert(session, report, HostRotation, ("series_id", "position", "year"), {
            "series_id": series[row["series_code"]], "position": ref.read_int(row["position"], where, "position"),
            "year": _int_or_none(row.get("year", ""), where, "year"),
            "country_id": country.id if country else None,
            "city_th": row.get("city_th", ""), "city_en": row.get("city_en", ""),
            "source": row.get("source", ""), "as_of": ref.read_date(row.get("as_of", ""), where),
            "note": row.get("note", ""),
        })


def load_lead_times(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    ref = common
    for number, row in enumerate(rows, start=2):
        where = f"interparliamentary_lead_times.csv:{number}"
        ref.upsert(session, report, LeadTime, "code", {
            "code": row["code"], "label_th": row["label_th"], "label_en": row.get("label_en", ""),
            "days_before": ref.read_int(row["days_before"], where, "days_before"),
            "abroad_only": row.get("abroad_only", "").lower() in {"1", "true", "yes", "y"},
            "sort_order": ref.read_int(row.get("sort_order") or "0", where, "sort_order"),
            "source": row.get("source", ""), "as_of": ref.read_date(row.get("as_of", ""), where),
            "note": row.get("note", ""),
        })


LOADERS = [
    ("interparliamentary_bodies.csv", load_bodies),
    ("interparliamentary_posts.csv", load_ip_posts),
    ("interparliamentary_series.csv", load_series),
    ("interparliamentary_hosts.csv", load_hosts),
    ("interparliamentary_lead_times.csv", load_lead_times),
]
