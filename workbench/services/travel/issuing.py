"""The one place where a travel letter takes its outgoing number: the correspondence register's
``register_document`` (register ``outgoing``), called inside the caller's transaction so that the number, the
register entry and the issued letter are written together or not at all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from workbench.errors import ConfigurationError
from workbench.services.access import Actor
from workbench.services.common import classification_of, get_visible


@dataclass(frozen=True)
class Allocated:
    correspondence_id: int | None
    office_code: str
    number: str
    display_number: str


def split_number(display_number: str) -> tuple[str, str]:
    """``สว 0010/1234`` → (``สว 0010``, ``1234``)."""
    code, _, number = display_number.rpartition("/")
    return code.strip(), number.strip()


def _visit_classification(session: Session, visit_id: int, actor: Actor) -> int:
    """The letter's register entry is classified as its visit: its subject and link tell of the visit."""
    from workbench.models.visits import Visit

    return classification_of(get_visible(session, Visit, visit_id, actor=actor, permission="travel.read",
                                         field="visit_id"))


def allocate_outgoing(session: Session, *, actor: Actor, visit_id: int, subject: str, recipient: str, sender: str,
                      doc_date: dt.date) -> Allocated:
    """Register the letter in the outgoing register and return its number (joins the caller's transaction)."""
    try:
        from workbench.models.correspondence import CorrespondenceCreate
        from workbench.services.correspondence import register_document
    except ImportError:
        raise ConfigurationError(
            "ยังออกเลขหนังสือไม่ได้: ระบบทะเบียนหนังสือส่งยังไม่ได้ติดตั้ง (ใช้ร่างหนังสือได้)",
            "letters cannot be issued yet: the outgoing correspondence register is not installed (drafts work)",
            field="register", field_th="ทะเบียนหนังสือส่ง", field_en="outgoing register") from None
    entry = register_document(session, actor=actor, data=CorrespondenceCreate(
        register="outgoing", subject=subject[:500], recipient=recipient[:300], sender=sender[:300],
        doc_date=doc_date, visit_id=visit_id, classification=_visit_classification(session, visit_id, actor)),
        permission="travel.write")
    code, number = split_number(entry.display_number)
    return Allocated(entry.id, code, number, entry.display_number)
