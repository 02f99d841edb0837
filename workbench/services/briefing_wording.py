"""The wording of a Thai briefing pack: years written in B.E., and text that exists only in English marked so
(a Thai reader knows it was not translated)."""

from __future__ import annotations

import re

from workbench.i18n import t

THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
LATIN_LETTER = re.compile("[A-Za-z]")
CHRISTIAN_YEAR = re.compile(r"(?<![\d.])(1[89]\d\d|2[01]\d\d)(?![\d])")
BE_OFFSET = 543


def be_years(text: str, lang: str) -> str:
    """In a Thai pack, a Christian year standing alone in a short text ("2029") becomes its B.E. year ("2572")."""
    if lang != "th" or not text:
        return text
    return CHRISTIAN_YEAR.sub(lambda match: str(int(match.group(1)) + BE_OFFSET), text)


def thai_or_marked(text: str, lang: str) -> str:
    """In a Thai pack, text with Latin letters and no Thai ("Tokyo") is kept but marked "(ภาษาอังกฤษ)"."""
    if lang != "th" or not text or THAI_LETTER.search(text) or not LATIN_LETTER.search(text):
        return text
    return f"{text} {t('brief.english_mark', lang)}"
