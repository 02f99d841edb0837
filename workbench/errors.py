"""Errors are values the UI can show: each names the field and says what is wrong, in Thai and English."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base of every error a service raises on purpose. ``str(err)`` gives both languages."""

    def __init__(self, th: str, en: str, *, field: str | None = None, field_th: str | None = None,
                 field_en: str | None = None) -> None:
        self.th = th
        self.en = en
        self.field = field
        self.field_th = field_th or field
        self.field_en = field_en or field
        super().__init__(self.bilingual())

    def message(self, lang: str = "th") -> str:
        """The message in one language, prefixed with the field's label when there is one."""
        text, label = (self.th, self.field_th) if lang == "th" else (self.en, self.field_en)
        return f"{label}: {text}" if label else text

    def bilingual(self) -> str:
        return f"{self.message('th')} / {self.message('en')}"


class ValidationError(WorkbenchError):
    """Input that breaks a rule; nothing was written."""


class NotFound(WorkbenchError):
    """A record the caller named does not exist (or the caller may not see it)."""


class PermissionDenied(WorkbenchError):
    """The actor's role or clearance does not allow the action."""


class ConflictError(WorkbenchError):
    """The action clashes with existing records (double booking, duplicate, stale state)."""


class ConfigurationError(WorkbenchError):
    """The workbench cannot start: bad database URL, unwritable path, missing file."""
