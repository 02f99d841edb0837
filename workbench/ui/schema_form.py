"""SchemaForm: one input per field of a ``*Create`` / ``*Update`` schema, so a field added to a model appears in
its forms. Types decide the input: text, long text, date, date and time, choice of an enum, tick box.

Fields that need a picker (people, countries, visits) are given as ``overrides``; list fields without one are
left out (they are relations, not values). The form only collects: the service validates and decides.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
import typing
from collections.abc import Iterable
from typing import Any

import ipywidgets as widgets
import sqlalchemy as sa
from sqlmodel import SQLModel

from workbench.i18n import catalogue, t
from workbench.ui.date_field import DESCRIPTION_STYLE, DateField

LONG_TEXT_NAMES = frozenset({"notes", "summary", "topics", "attendees", "biography"})


def field_label(name: str) -> str:
    key = f"field.{name}"
    return t(key) if key in catalogue() else name


def allows_none(annotation: Any) -> bool:
    return (typing.get_origin(annotation) in (typing.Union, types.UnionType)
            and type(None) in typing.get_args(annotation))


def core_type(annotation: Any) -> Any:
    """``int | None`` → ``int``; ``list[int] | None`` → ``list[int]``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kept = [a for a in typing.get_args(annotation) if a is not type(None)]
        return kept[0] if len(kept) == 1 else str
    return annotation


def enum_prefix(enum_type: type[enum.Enum]) -> str:
    """The label prefix of an enum: ``VisitKind`` → ``visit_kind`` (labels ``visit_kind.official_visit``)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", enum_type.__name__).lower()


def enum_options(enum_type: type[enum.Enum], *, optional: bool) -> list[tuple[str, Any]]:
    prefix = enum_prefix(enum_type)
    labels = catalogue()
    options = [(t(f"{prefix}.{m.value}") if f"{prefix}.{m.value}" in labels else str(m.value), m.value)
               for m in enum_type]
    return [(t("form.none"), None), *options] if optional else options


def _is_long_text(name: str, info: Any) -> bool:
    sa_type = getattr(info, "sa_type", None)
    return name in LONG_TEXT_NAMES or sa_type is sa.Text or isinstance(sa_type, sa.Text)


def build_input(name: str, info: Any, *, required: bool) -> widgets.Widget | None:
    """The input widget for one schema field, or None when the field needs a picker given as an override."""
    kind = core_type(info.annotation)
    label = field_label(name) + (" *" if required else "")
    if typing.get_origin(kind) in (list, tuple, set):
        return None
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        options = enum_options(kind, optional=allows_none(info.annotation))
        dropdown = widgets.Dropdown(description=label, options=options, style=DESCRIPTION_STYLE)
        if isinstance(info.default, enum.Enum):
            dropdown.value = info.default.value
        return dropdown
    if kind is bool:
        return widgets.Checkbox(description=label, indent=True)
    if kind is dt.datetime:
        return DateField(label, with_time=True)
    if kind is dt.date:
        return DateField(label)
    if kind is str and _is_long_text(name, info):
        return widgets.Textarea(description=label, rows=3, style=DESCRIPTION_STYLE,
                                layout=widgets.Layout(width="95%"))
    if isinstance(kind, type) and issubclass(kind, SQLModel):
        return None
    return widgets.Text(description=label, style=DESCRIPTION_STYLE, layout=widgets.Layout(width="95%")
                        if kind is str else widgets.Layout())


class SchemaForm(widgets.VBox):
    """Inputs for ``schema``'s fields in ``inputs`` (name → widget), in the schema's order (``first`` leads)."""

    def __init__(self, schema: type[SQLModel], *, overrides: dict[str, widgets.Widget] | None = None,
                 exclude: Iterable[str] = (), first: Iterable[str] = (), nullable_from: type[SQLModel] | None = None
                 ) -> None:
        """``nullable_from``: for an update schema (every field optional), the create schema whose fields say
        which may really be emptied; an emptied input of any other field is left out (unchanged)."""
        self.schema = schema
        self.nullable_from = nullable_from or schema
        overrides = overrides or {}
        excluded = set(exclude)
        names = [n for n in schema.model_fields if n not in excluded]
        leading = [n for n in first if n in names]
        self.inputs: dict[str, widgets.Widget] = {}
        for name in leading + [n for n in names if n not in leading]:
            info = schema.model_fields[name]
            widget = overrides.get(name) or build_input(name, info, required=info.is_required())
            if widget is not None:
                if isinstance(widget, (widgets.Dropdown, widgets.SelectMultiple, widgets.Text, widgets.Textarea)):
                    widget.layout.width = "95%"
                widget.add_class(f"wb-field-{name}")
                self.inputs[name] = widget
        super().__init__(list(self.inputs.values()))
        self.add_class("wb-schema-form")

    def values(self) -> dict[str, Any]:
        """What the inputs hold, as the schema's field names. An empty input is None where the field may be
        empty, and is left out otherwise (so the schema reports a required field, or keeps its default)."""
        values = {}
        for name, widget in self.inputs.items():
            value = self._read(name, widget)
            reference = self.nullable_from.model_fields.get(name) or self.schema.model_fields[name]
            if value is None and not allows_none(reference.annotation):
                continue
            values[name] = value
        return values

    def _read(self, name: str, widget: widgets.Widget) -> Any:
        raw = widget.form_value() if hasattr(widget, "form_value") else widget.value
        kind = core_type(self.schema.model_fields[name].annotation)
        if isinstance(raw, tuple):
            raw = list(raw)
        if isinstance(raw, list) and typing.get_origin(kind) is not list:
            return raw[0] if raw else None
        if isinstance(raw, str) and kind is not str:
            return raw.strip() or None
        return raw

    def load(self, record: Any) -> None:
        """Fill the inputs from a record (or dict) holding the same field names."""
        for name, widget in self.inputs.items():
            value = record.get(name) if isinstance(record, dict) else getattr(record, name, None)
            self._write(widget, value)

    def set(self, **values: Any) -> None:
        for name, value in values.items():
            if name in self.inputs:
                self._write(self.inputs[name], value)

    @staticmethod
    def _write(widget: widgets.Widget, value: Any) -> None:
        if isinstance(value, enum.Enum):
            value = value.value
        if isinstance(widget, (widgets.Text, widgets.Textarea)):
            widget.value = "" if value is None else str(value)
        elif isinstance(widget, widgets.SelectMultiple):
            allowed = {v for _, v in widget.options}
            widget.value = tuple(v for v in (value or []) if v in allowed)
        elif isinstance(widget, widgets.Dropdown):
            allowed = [v for _, v in widget.options] if widget.options and isinstance(widget.options[0], tuple) \
                else list(widget.options)
            widget.value = value if value in allowed else (None if None in allowed else widget.value)
        elif isinstance(widget, widgets.Checkbox):
            widget.value = bool(value)
        else:
            widget.value = value if value is not None else ([] if isinstance(widget.value, list) else None)

    def reset(self) -> None:
        """Every input back to its field's default (empty where there is none)."""
        for name, widget in self.inputs.items():
            if hasattr(widget, "reset"):
                widget.reset()
                continue
            info = self.schema.model_fields[name]
            self._write(widget, None if info.is_required() else info.get_default(call_default_factory=True))

