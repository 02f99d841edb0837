"""Reading one visit as the UI shows it: with its officers, and only for actors who may see it."""

from __future__ import annotations

import pytest

from tests.factories import make_person, make_user, user_model
from tests.visit_factories import make_visit
from workbench.db import SYSTEM
from workbench.errors import NotFound
from workbench.models.base import Clearance
from workbench.models.users import Role
from workbench.services import visits


def test_read_visit_gives_its_officers(session):
    officer = make_person(session)
    visit = make_visit(session, officer_ids=[officer.id])
    assert visits.read_visit(session, visit_id=visit.id, actor=SYSTEM).officer_ids == [officer.id]


def test_a_classified_visit_is_not_found_by_an_uncleared_user(session):
    visit = make_visit(session, classification=Clearance.SECRET)
    viewer = user_model(session, make_user(session, role=Role.VIEWER))
    with pytest.raises(NotFound):
        visits.read_visit(session, visit_id=visit.id, actor=viewer)
