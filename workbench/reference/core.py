"""Reference data of people and protocol: countries, organisations, posts, order of precedence, and the
protocol checklist template."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlmodel import Session, select

from workbench.errors import ValidationError
from workbench.models.base import Region
from workbench.models.countries import Country
from workbench.models.people import Organization, OrgClassification, Post
from workbench.models.visits import ChecklistTemplateItem, PrecedenceRank
from workbench.reference.common import LoadReport, read_bool, read_choice, read_date, read_int, upsert
from workbench.services.countries import country_index, require_country_code


def _country_values(row: dict[str, str], where: str) -> dict[str, Any]:
    return {
        "iso2": row["iso2"].upper(), "iso3": row["iso3"].upper(), "numeric": row.get("numeric", ""),
        "name_en": row["name_en"], "name_th": row["name_th"],
        "region": read_choice(Region, row["region"], where, "region"),
        "source": row.get("source", ""), "as_of": read_date(row.get("as_of", ""), where),
    }


def load_countries(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    for number, row in enumerate(rows, start=2):
        upsert(session, report, Country, "iso2", _country_values(row, f"countries.csv:{number}"))


def load_country_long_names(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    """The long (formal) names letters use, as the Ministry of Foreign Affairs writes them (the short Thai name is
    already in countries.csv, put there by data/build_countries.py)."""
    from workbench.reference.common import update_in_place

    countries = country_index(session)
    for number, row in enumerate(rows, start=2):
        where = f"country_names_mfa.csv:{number}"
        country = require_country_code(session, row["iso2"], field="iso2", where=where, index=countries)
        update_in_place(session, report, "country_long_name", country, {
            "name_th_long": row.get("name_th_long", ""), "name_en_long": row.get("name_en_long", "")})


def load_organizations(session: Session, rows: list[dict[str, str]], report: LoadReport) -> None:
    countries = country_index(session)
    pending = list(enumerate(rows, start=2))
    while pending:  # parents before children, whatever the file's order
        codes = {o.code: o.id for o in session.exec(select(Organization)).all() if o.code}
        ready = [(n, r) for n, r in pending if not r.get("parent_code") or r["parent_code"] in codes]
        if not ready:
            number, row = pending[0]
            raise ValidationError(f"ไม่พบหน่วยงานแม่ '{row['parent_code']}' (organizations.csv:{number})",
                                  f"unknown parent_code '{row['parent_code']}' (organizations.csv:{number})",
                                  field="parent_code")
        for number, row in ready:
            where = f"organizations.csv:{number}"
            iso2 = row.get("country_iso2", "")
            country = require_country_code(session, iso2, field="country_iso2", where=where, index=countries) \
                if iso2 else None
            upsert(session, report, Organization, "code", {
                "code": row["code"], "abbreviation": row.get("abbreviation", ""), "name_th": row["name_th"],
                "name_en": row.get("name_en", ""),
                "classification": read_choice(OrgClassification, row["classification"], where, "classification"),
                "parent_id": codes.get(row.get("parent_code", "")) if row.get("parent_code") else None,
                "country_id": country.id if country else None,
                "source": row.get("source", ""), "as_of": read_date(row.get("as_of", ""), where),
                "note": row.get("note", ""),
            })
        pending = [(n, r) for n, r in pending if (n, r) not in ready]


def load_posts(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    codes = {o.code: o.id for o in session.exec(select(Organization)).all() if o.code}
    for number, row in enumerate(rows, start=2):
        where = f"posts.csv:{number}"
        if row["organization_code"] not in codes:
            raise ValidationError(f"ไม่รู้จักหน่วยงาน '{row['organization_code']}' ({where})",
                                  f"unknown organization_code '{row['organization_code']}' ({where})",
                                  field="organization_code")
        try:
            precedence = int(row.get("precedence") or 100)
        except ValueError:
            raise ValidationError(f"ลำดับอาวุโสต้องเป็นตัวเลข ({where})", f"precedence must be a number ({where})",
                                  field="precedence") from None
        upsert(session, report, Post, "code", {
            "code": row["code"], "organization_id": codes[row["organization_code"]], "label_th": row["label_th"],
            "label_en": row.get("label_en", ""), "precedence": precedence,
            "single_holder": read_bool(row.get("single_holder", "")),
            "source": row.get("source", ""), "as_of": read_date(row.get("as_of", ""), where),
            "note": row.get("note", ""),
        })


def load_precedence(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    for number, row in enumerate(rows, start=2):
        where = f"precedence.csv:{number}"
        upsert(session, report, PrecedenceRank, "code", {
            "code": row["code"], "label_th": row["label_th"], "label_en": row.get("label_en", ""),
            "rank": read_int(row.get("rank", ""), where, "rank"), "post_code": row.get("post_code") or None,
            "source": row.get("source", ""), "as_of": read_date(row.get("as_of", ""), where),
        })


def load_checklist_template(session: Session, rows: Iterable[dict[str, str]], report: LoadReport) -> None:
    for number, row in enumerate(rows, start=2):
        where = f"protocol_checklist.csv:{number}"
        direction = row.get("direction", "both") or "both"
        if direction not in {"inbound", "outbound", "both"}:
            raise ValidationError(f"ทิศทาง '{direction}' ไม่ถูกต้อง ({where})", f"bad direction '{direction}' ({where})",
                                  field="direction")
        upsert(session, report, ChecklistTemplateItem, "code", {
            "code": row["code"], "label_th": row["label_th"], "label_en": row.get("label_en", ""),
            "days_before": read_int(row.get("days_before", ""), where, "days_before"), "direction": direction,
            "sort_order": read_int(row.get("sort_order") or "0", where, "sort_order"),
            "source": row.get("source", ""), "as_of": read_date(row.get("as_of", ""), where),
        })


LOADERS = [
    ("countries.csv", load_countries),
    ("country_names_mfa.csv", load_country_long_names),
    ("organizations.csv", load_organizations),
    ("posts.csv", load_posts),
    ("precedence.csv", load_precedence),
    ("protocol_checklist.csv", load_checklist_template),
]
