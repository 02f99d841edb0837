"""Official letters as reusable document builders: the Thai external letter (หนังสือภายนอก) and the English note
verbale, each as an editable DOCX (python-docx) and as PDF (HTML printed by headless Chromium, Sarabun embedded).

A feature fills an ``ExternalLetter`` or a ``NoteVerbale`` (``workbench.models.letters``) and calls
``render_letter(letter, "docx" | "pdf" | "html")``. The builders decide nothing: which text, which number and
which date come from the caller's service. A letter whose ``number`` is empty is a draft: it prints the office
code with the number left blank and, for Thai letters, the day of the date left blank to be filled when signed.
"""

from __future__ import annotations

from workbench.documents.letters.model import ExternalLetter, LetterTable, NoteVerbale, render_letter

__all__ = ["ExternalLetter", "LetterTable", "NoteVerbale", "render_letter"]
