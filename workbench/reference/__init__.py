"""Reference data: the CSV files under ``data/`` (each with source and as-of columns) loaded into tables.

Loading is idempotent: rows are matched on their natural key (ISO code, organisation code, post code); only
changed values are written, so loading twice changes nothing and writes no audit entries the second time.

One loader module per feature (``core``: countries, organisations, posts, precedence, checklist; ``budget``;
``briefing``; ``travel``; ``interparliamentary``), each with its ``LOADERS`` list; ``common`` holds what they share. A new feature adds its module and
one line below.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlmodel import Session

from workbench.db import transaction
from workbench.reference.briefing import LOADERS as BRIEFING_LOADERS
from workbench.reference.budget import LOADERS as BUDGET_LOADERS
from workbench.reference.common import LoadReport, read_csv
from workbench.reference.core import LOADERS as CORE_LOADERS
from workbench.reference.interparliamentary import LOADERS as INTERPARLIAMENTARY_LOADERS
from workbench.reference.travel import LOADERS as TRAVEL_LOADERS

__all__ = ["LOADERS", "LoadReport", "load_reference_data", "read_csv"]


# File name -> loader, in load order. Later features add their own module's LOADERS here.
LOADERS: list[tuple[str, Callable[[Session, Any, LoadReport], None]]] = [
    *CORE_LOADERS,
    *BUDGET_LOADERS,
    *BRIEFING_LOADERS,
    *TRAVEL_LOADERS,
    *INTERPARLIAMENTARY_LOADERS,
]


def load_reference_data(session: Session, *, data_dir: Path, actor: Any) -> LoadReport:
    """Load every reference CSV in one transaction: all of it, or (on any bad row) none of it."""
    report = LoadReport()
    with transaction(session, actor=actor):
        for filename, loader in LOADERS:
            loader(session, read_csv(data_dir / filename), report)
    return report
