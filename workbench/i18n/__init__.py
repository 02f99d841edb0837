"""The label catalogue: every piece of UI text, Thai first, English second (``labels.csv``).

``t("key")`` returns the label in the current language (``WORKBENCH_LANG``, default Thai);
``t("key", lang="en")`` asks for one language; ``both("key")`` gives "ไทย / English" for errors.
Placeholders use ``str.format`` names: ``t("audit.count", n=3)``.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

CATALOGUE = Path(__file__).with_name("labels.csv")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, tuple[str, str]]:
    """All labels as ``{key: (thai, english)}``; duplicate keys are an error."""
    labels: dict[str, tuple[str, str]] = {}
    with CATALOGUE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = row["key"].strip()
            if key in labels:
                raise ValueError(f"duplicate label key {key!r} in {CATALOGUE.name}")
            labels[key] = (row["th"].strip(), row["en"].strip())
    return labels


def current_lang() -> str:
    from workbench.config import get_settings

    return get_settings().lang


def t(key: str, lang: str | None = None, **values: object) -> str:
    """The label for ``key`` in ``lang`` (default: the configured language). Unknown keys raise KeyError."""
    th, en = catalogue()[key]
    text = th if (lang or current_lang()) == "th" else en
    return text.format(**values) if values else text


def both(key: str, **values: object) -> tuple[str, str]:
    """The Thai and English labels of ``key``."""
    return t(key, "th", **values), t(key, "en", **values)
