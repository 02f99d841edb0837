"""What the home page shows about the database: revision and how many records of each kind it holds."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from workbench import migrate
from workbench.db import masked_url
from workbench.models import AuditEntry, Country, Organization, Person, User


@dataclass(frozen=True)
class DatabaseStatus:
    url: str
    revision: str | None
    head: str
    counts: dict[str, int]

    @property
    def initialised(self) -> bool:
        return self.revision == self.head


def database_status(engine: Engine) -> DatabaseStatus:
    """The database's revision and record counts (counts are empty when the schema is not there yet)."""
    url = masked_url(engine.url.render_as_string(hide_password=False))
    revision, head = migrate.current_revision(engine), migrate.head_revision()
    counts: dict[str, int] = {}
    if revision == head:
        with Session(engine) as session:
            for model in (Country, Organization, Person, User, AuditEntry):
                counts[model.__tablename__] = session.exec(select(func.count()).select_from(model)).one()
    return DatabaseStatus(url=url, revision=revision, head=head, counts=counts)


def table_exists(engine: Engine, name: str) -> bool:
    return name in sa.inspect(engine).get_table_names()
