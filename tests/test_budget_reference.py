"""Budget reference data: the rate tables and targets in data/ are dated, sourced, marked to confirm, and load
idempotently."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import select

from workbench.config import PROJECT_ROOT
from workbench.db import SYSTEM, transaction
from workbench.errors import ValidationError
from workbench.models.budget import AllowanceRate, CountryRateGroup, DisbursementTarget
from workbench.reference import LoadReport, load_reference_data
from workbench.reference.budget import LOADERS, load_disbursement_targets

DATA = PROJECT_ROOT / "data"
FILES = [name for name, _ in LOADERS]


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("name", FILES)
def test_every_rate_row_has_a_source_a_date_and_is_marked_to_confirm(name):
    assert rows(name)
    for row in rows(name):
        assert row["source"].strip(), row
        dt.date.fromisoformat(row["as_of"])
        assert "to confirm" in row["note"], row


@pytest.mark.parametrize("name", FILES)
def test_every_rate_file_is_documented(name):
    assert f"`{name}`" in (DATA / "README.md").read_text("utf-8")


def test_the_rates_are_loaded_by_init(session):
    assert session.exec(select(AllowanceRate).where(AllowanceRate.grade_code == "a")).one().daily_amount == \
        Decimal("3100.00")
    assert session.exec(select(CountryRateGroup).where(CountryRateGroup.iso2 == "*")).one().country_group == "C"
    targets = session.exec(select(DisbursementTarget).where(DisbursementTarget.fiscal_year == 2570)
                           .order_by(DisbursementTarget.quarter)).all()
    assert [t.cumulative_percent for t in targets] == [Decimal("30.00"), Decimal("54.00"), Decimal("77.00"),
                                                       Decimal("100.00")]


def test_loading_again_changes_nothing(session):
    report = load_reference_data(session, data_dir=DATA, actor=SYSTEM)
    for name in ("budget_allowance_rate", "budget_country_group", "budget_disbursement_target"):
        assert report.counts[name]["inserted"] == report.counts[name]["updated"] == 0


def test_falling_cumulative_targets_are_refused(session):
    bad = [{"fiscal_year": "2580", "quarter": str(q), "cumulative_percent": p, "source": "t", "as_of": "", "note": ""}
           for q, p in ((1, "40"), (2, "30"))]
    with pytest.raises(ValidationError, match="must not fall"), transaction(session, actor=SYSTEM):
        load_disbursement_targets(session, bad, LoadReport())
    assert session.exec(select(DisbursementTarget).where(DisbursementTarget.fiscal_year == 2580)).all() == []
