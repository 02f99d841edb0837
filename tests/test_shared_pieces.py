"""One home for each shared piece: the money type of every schema, the Actor every service takes, the clearance
rule in ``services/access``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import TypeAdapter, ValidationError

from tests.factories import make_user, user_model
from workbench.db import SYSTEM
from workbench.models.base import Clearance, Money
from workbench.models.budget import AllotmentCreate, BudgetLineCreate
from workbench.services import auth
from workbench.services.access import Actor, classifications_for, clearance_of

MONEY = TypeAdapter(Money)


@pytest.mark.parametrize(("given", "amount"), [
    ("1,234.50", Decimal("1234.50")), ("๑,๐๐๐.๒๕", Decimal("1000.25")), (12, Decimal("12")),
    (Decimal("-0.01"), Decimal("-0.01")), ("  7.5 ", Decimal("7.5")),
])
def test_money_reads_text_thai_digits_integers_and_decimals(given, amount):
    assert MONEY.validate_python(given) == amount


@pytest.mark.parametrize("given", [12.5, 0.1, True, "NaN", "Infinity", "-Infinity", Decimal("NaN"), "1.255",
                                   Decimal("0.001"), "abc", "", None])
def test_money_refuses_floats_nan_infinity_and_fractions_of_a_satang(given):
    with pytest.raises(ValidationError):
        MONEY.validate_python(given)


def test_budget_schemas_use_the_money_type():
    line = {"fiscal_year": 2570, "code": "01", "name_th": "ค่าเดินทาง", "category": "operations",
            "expense_type": "services"}
    assert BudgetLineCreate.model_validate({**line, "allocated": "10.50"}).allocated == Decimal("10.50")
    with pytest.raises(ValidationError) as refused:
        BudgetLineCreate.model_validate({**line, "allocated": 10.5})
    assert [e["loc"] for e in refused.value.errors()] == [("allocated",)]
    with pytest.raises(ValidationError) as refused:
        AllotmentCreate.model_validate({"line_id": 1, "period_no": 1, "entry_date": "2026-10-01", "amount": "Infinity"})
    assert [e["loc"] for e in refused.value.errors()] == [("amount",)]


def test_every_kind_of_actor_meets_the_actor_protocol(session):
    read = make_user(session, role="analyst", clearance=Clearance.SECRET)
    row = user_model(session, read)
    for actor in (SYSTEM, read, row, auth.identity_of(session, row)):
        assert isinstance(actor, Actor)
    assert not isinstance(object(), Actor)


def test_clearance_and_the_classifications_an_actor_may_give(session):
    secret = make_user(session, role="analyst", clearance=Clearance.SECRET)
    assert clearance_of(None) == 0 and clearance_of(secret) == int(Clearance.SECRET)
    assert classifications_for(secret) == [Clearance.NONE, Clearance.CONFIDENTIAL, Clearance.SECRET]
    assert classifications_for(SYSTEM) == list(Clearance)
    assert classifications_for(None) == [Clearance.NONE]
