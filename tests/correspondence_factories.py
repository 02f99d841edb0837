"""Factories for correspondence tests: valid register entries and users of each role."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from tests.factories import make_user, user_model
from workbench.models.base import Clearance
from workbench.models.users import Role


def letter(**overrides: Any) -> dict[str, Any]:
    """The fields of a valid incoming letter (a dict, as a form or an import gives them)."""
    data = {"register": "incoming", "doc_number": "กต 0201/1234", "sender": "กระทรวงการต่างประเทศ",
            "recipient": "ผู้อำนวยการสำนักงานต่างประเทศ", "subject": "ขอเชิญประชุมหารือการเยือนญี่ปุ่น",
            "doc_type": "external", "urgency": "normal"}
    return {**data, **overrides}


def clerk(session: Session, *, role: str | Role = Role.ADMIN_OFFICER, clearance: Clearance = Clearance.NONE):
    """A user of ``role`` (default: an administration officer who registers), as the table row."""
    return user_model(session, make_user(session, role=Role(role), clearance=clearance))
