"""The label catalogue: every piece of UI text, Thai first, English second.

The catalogue is every ``*.csv`` file in this folder (``labels.csv`` for the core, one file per feature), each
with the columns ``key,th,en``; a key may appear only once across all files.

``t("key")`` returns the label in the current language (``WORKBENCH_LANG``, default Thai);
``t("key", lang="en")`` asks for one language; ``t("key", "both")`` gives "ไทย / English" (bilingual documents).
Placeholders use ``str.format`` names: ``t("audit.count", n=3)``.

The one rule for Thai/English texts: labels (what a screen or document names — headings, buttons, column heads,
field names, choices) live here and are read with ``t``; error messages are written where they are raised, as an
inline Thai/English pair (``WorkbenchError(th, en, field=...)``, ``services.common.field_error``), because they
carry the values of the case; the field an error names takes its labels from here (``field.<name>``).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

FOLDER = Path(__file__).parent


@lru_cache(maxsize=1)
def catalogue() -> dict[str, tuple[str, str]]:
    """All labels as ``{key: (thai, english)}``; a key defined twice is an error."""
    labels: dict[str, tuple[str, str]] = {}
    for path in sorted(FOLDER.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                key = row["key"].strip()
                if key in labels:
                    raise ValueError(f"label key {key!r} defined twice (second time in {path.name})")
                labels[key] = (row["th"].strip(), row["en"].strip())
    return labels


def current_lang() -> str:
    from workbench.config import get_settings

    return get_settings().lang


def t(key: str, lang: str | None = None, **values: object) -> str:
    """The label for ``key`` in ``lang`` (default: the configured language). Unknown keys raise KeyError."""
    th, en = catalogue()[key]
    lang = lang or current_lang()
    if lang == "both":
        return f"{t(key, 'th', **values)} / {t(key, 'en', **values)}"
    text = th if lang == "th" else en
    return text.format(**values) if values else text
