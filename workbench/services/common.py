"""Helpers shared by services: schema validation with bilingual field errors, look-ups that raise NotFound."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, TypeVar

import pydantic
from sqlmodel import Session, SQLModel

from workbench.errors import NotFound, ValidationError
from workbench.i18n import catalogue
from workbench.services.access import Actor

S = TypeVar("S", bound=SQLModel)
T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

PYDANTIC_MESSAGES = {
    "missing": ("ต้องกรอก", "is required"),
    "string_too_short": ("ต้องไม่เว้นว่าง", "must not be empty"),
    "string_too_long": ("ยาวเกินกำหนด", "is too long"),
    "string_pattern_mismatch": ("มีรูปแบบไม่ถูกต้อง", "has the wrong form"),
    "date_from_datetime_parsing": ("ไม่ใช่วันที่ที่ถูกต้อง", "is not a valid date"),
    "date_parsing": ("ไม่ใช่วันที่ที่ถูกต้อง", "is not a valid date"),
    "int_parsing": ("ต้องเป็นตัวเลขจำนวนเต็ม", "must be a whole number"),
    "decimal_parsing": ("ต้องเป็นตัวเลข", "must be a number"),
    "enum": ("ไม่อยู่ในตัวเลือกที่กำหนด", "is not one of the allowed choices"),
    "greater_than": ("ต้องมากกว่าศูนย์", "must be greater than zero"),
}


def field_labels(field: str, *, prefix: str = "field.") -> tuple[str, str]:
    """Thai and English labels of a field name (``field.<name>`` in the catalogue, or a feature's own ``prefix``
    such as ``budget.field.``), or the name itself."""
    return catalogue().get(f"{prefix}{field}", (field, field))


def field_error(field: str, th: str, en: str, *, prefix: str = "field.",
                kind: type[ValidationError] = ValidationError) -> ValidationError:
    """A ValidationError (or the subclass ``kind``) for ``field``, its message an inline Thai/English pair, the
    field's labels from the catalogue."""
    label_th, label_en = field_labels(field, prefix=prefix)
    return kind(th, en, field=field, field_th=label_th, field_en=label_en)


def validate(schema: type[S], data: S | dict[str, Any]) -> S:
    """``data`` checked against ``schema``; the first problem raised as a bilingual ValidationError."""
    if isinstance(data, schema):
        data = data.model_dump()
    try:
        return schema.model_validate(data)
    except pydantic.ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else "input"
        th, en = PYDANTIC_MESSAGES.get(error["type"], ("ไม่ถูกต้อง", error["msg"]))
        raise field_error(field, th, en) from None


def get_or_404(session: Session, model: type[T], record_id: Any, *, field: str = "id") -> T:
    """The record of ``model`` with primary key ``record_id``, or NotFound naming the field."""
    record = session.get(model, record_id) if record_id is not None else None
    if record is None:
        label_th, label_en = field_labels(field)
        raise NotFound(f"ไม่พบรายการหมายเลข {record_id}", f"no record with id {record_id}",
                       field=field, field_th=label_th, field_en=label_en)
    return record


def not_found(field: str, record_id: Any, *, labels: tuple[str, str] | None = None) -> NotFound:
    """The one message for a record that is missing or that the actor may not see: the two read the same."""
    label_th, label_en = labels or field_labels(field)
    return NotFound(f"ไม่พบ{label_th}หมายเลข {record_id}", f"no {label_en.lower()} with id {record_id}",
                    field=field, field_th=label_th, field_en=label_en)


def classification_of(record: Any) -> int:
    """A record's secrecy classification as a level (0 for records that carry none)."""
    level = getattr(record, "classification", 0)
    return int(level) if isinstance(level, int) else 0


def get_visible(session: Session, model: type[T], record_id: Any, *, actor: Actor, permission: str, field: str,
                visible: Callable[[T], bool] | None = None, labels: tuple[str, str] | None = None) -> T:
    """The record with this id if the actor holds ``permission`` and is cleared for its classification (and,
    with ``visible``, for whatever else it hangs on: its budget line, its commitment, its visit…).

    A classified record the actor may not see is reported exactly like a missing one, so its existence leaks
    nothing. Every service looks records up through here."""
    from workbench.services.access import can_see, require

    require(actor, permission)
    record = session.get(model, record_id) if record_id is not None else None
    if record is None or not can_see(actor, classification_of(record)) or (
            visible is not None and not visible(record)):
        raise not_found(field, record_id, labels=labels)
    return record


def check_transition(transitions: dict[Any, frozenset[Any]], current: Any, target: Any) -> None:
    """Refuse a status change that its workflow does not allow, naming both states and the allowed ones."""
    if target not in transitions[current]:
        allowed = ", ".join(sorted(str(s.value) for s in transitions[current])) or "-"
        raise field_error("status", f"เปลี่ยนจาก {current.value} เป็น {target.value} ไม่ได้ (ทำได้: {allowed})",
                          f"cannot go from {current.value} to {target.value} (allowed: {allowed})")


def choice(kind: type[E], value: Any, field: str) -> E:
    """``value`` as a member of the enum ``kind``; an unknown value is refused naming the field and the choices."""
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in kind)  # type: ignore[attr-defined]
        raise field_error(field, f"ไม่รู้จักค่า '{value}' (เลือกได้: {allowed})",
                          f"unknown value '{value}' (choose from: {allowed})") from None
