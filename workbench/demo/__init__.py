"""Demo office: a deterministic, clearly fictional office built through the same services staff use.

Each feature registers a builder with ``@demo_builder("name", order=N)``; ``build_demo`` runs them in order
inside one transaction. ``years`` scales the synthetic history for benchmarks (``workbench demo --years 20``).
All names are invented; every demo person's biography says so.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from workbench import clock
from workbench.db import SYSTEM, transaction
from workbench.errors import ValidationError
from workbench.models.people import Person
from workbench.thai import fiscal_year, fiscal_year_bounds

DEMO_PASSWORD = "demo-password"  # documented in the README: for the demo office only


@dataclass
class DemoContext:
    """What builders share: the session, a seeded random generator, the period covered and named records."""

    session: Session
    rng: random.Random
    today: dt.date
    years: int
    actor: Any = SYSTEM
    refs: dict[str, Any] = field(default_factory=dict)

    @property
    def first_day(self) -> dt.date:
        """First day of the oldest fiscal year covered (the current fiscal year is the newest)."""
        return fiscal_year_bounds(fiscal_year(self.today) - self.years + 1)[0]

    @property
    def last_day(self) -> dt.date:
        return fiscal_year_bounds(fiscal_year(self.today))[1]


Builder = Callable[[DemoContext], None]
_BUILDERS: list[tuple[int, str, Builder]] = []


def demo_builder(name: str, *, order: int) -> Callable[[Builder], Builder]:
    """Register ``function`` as the demo builder ``name``; lower ``order`` runs first (core people = 10)."""

    def register(function: Builder) -> Builder:
        if all(existing != name for _, existing, _ in _BUILDERS):
            _BUILDERS.append((order, name, function))
            _BUILDERS.sort(key=lambda item: (item[0], item[1]))
        return function

    return register


def builders() -> list[tuple[str, Builder]]:
    _import_feature_builders()
    return [(name, function) for _, name, function in _BUILDERS]


# Modules whose import registers a builder; each feature adds its own line.
FEATURE_MODULES = [
    "workbench.demo.core",
    "workbench.demo.visits",
    "workbench.demo.budget",
    "workbench.demo.briefing",
    "workbench.demo.correspondence",
    "workbench.demo.travel",
    "workbench.demo.interparliamentary",
    "workbench.demo.visit_documents",
    "workbench.demo.administration",
    "workbench.demo.history",
]


def _import_feature_builders() -> None:
    from importlib import import_module

    for name in FEATURE_MODULES:
        import_module(name)


def has_data(session: Session) -> bool:
    return session.exec(select(Person.id).limit(1)).first() is not None


def build_demo(session: Session, *, seed: int = 2569, years: int = 1, today: dt.date | None = None,
               progress: Callable[[int, int, str], None] | None = None) -> DemoContext:
    """Fill an empty database with the demo office. Refuses a database that already holds people."""
    if years < 1 or years > 50:
        raise ValidationError("จำนวนปีต้องอยู่ระหว่าง 1 ถึง 50", "years must be between 1 and 50", field="years")
    if has_data(session):
        raise ValidationError("ฐานข้อมูลมีข้อมูลอยู่แล้ว ข้อมูลสาธิตใส่ได้เฉพาะฐานข้อมูลว่าง",
                              "the database already holds data; demo data goes only into an empty database",
                              field="database")
    context = DemoContext(session=session, rng=random.Random(seed), today=today or clock.today(), years=years)
    steps = builders()
    with transaction(session, actor=SYSTEM):
        for number, (name, function) in enumerate(steps, start=1):
            if progress:
                progress(number, len(steps), name)
            function(context)
    return context
