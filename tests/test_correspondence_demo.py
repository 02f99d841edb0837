"""The demo office's correspondence: a believable year of letters in and out, Thai subjects, linked to demo
visits, some classified, some overdue, numbered without gaps."""

from __future__ import annotations

import datetime as dt

from sqlmodel import col, select

from tests.conftest import DEMO_TODAY
from workbench.db import SYSTEM
from workbench.models.correspondence import Correspondence, Register
from workbench.services import correspondence as corr


def test_the_demo_office_has_a_year_of_letters(demo_session):
    docs = demo_session.exec(select(Correspondence)).all()
    assert len(docs) >= 200
    assert {d.register for d in docs} == set(Register)
    assert sum(1 for d in docs if d.visit_id) > 40
    assert any(d.classification for d in docs)
    assert all(any("\u0e00" <= ch <= "\u0e7f" for ch in d.subject) for d in docs)
    for register in Register:
        for year in {d.year for d in docs if d.register == register}:
            numbers = sorted(d.number for d in docs if d.register == register and d.year == year)
            assert numbers == list(range(1, len(numbers) + 1))
    span = max(d.registered_at for d in docs) - min(d.registered_at for d in docs)
    assert span > dt.timedelta(days=300)


def test_some_demo_letters_are_overdue_and_on_desks(demo_session):
    now = dt.datetime.combine(DEMO_TODAY, dt.time(12, 0))
    assert corr.overdue(demo_session, actor=SYSTEM, now=now)
    from workbench.models.users import User

    officer = demo_session.exec(select(User).where(User.username == "officer")).one()
    assert corr.my_desk(demo_session, actor=officer)
    signed = demo_session.exec(select(Correspondence).where(col(Correspondence.status) == "signed_off")).all()
    assert len(signed) > 100
