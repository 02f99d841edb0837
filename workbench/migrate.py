"""Schema migrations (Alembic, shipped inside the package). Production code never calls ``create_all``.

Alembic is imported only to migrate: every command checks the database's revision first (``check_not_newer``),
which reads the ``alembic_version`` table and the revision ids written in the migration files, without loading
Alembic or running the migration modules (a read-only list starts without them)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"""^revision(?:\s*:\s*str)?\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)
_DOWN_REVISION = re.compile(r"""^down_revision(?:\s*:\s*[^=]+)?\s*=\s*['"]([^'"]+)['"]""", re.MULTILINE)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def check_not_newer(engine: Engine) -> None:
    """Refuse a database whose schema is newer than this workbench (written by a later version): running old code
    on it could lose what the newer schema holds. Raises ConfigurationError naming both revisions."""
    unknown = [revision for revision in stored_revisions(engine) if revision not in known_revisions()]
    if unknown:
        current = unknown[0]
        from workbench.errors import ConfigurationError

        raise ConfigurationError(
            f"ฐานข้อมูลมีโครงสร้างรุ่น {current} ซึ่งใหม่กว่าโปรแกรมนี้ (รุ่นล่าสุดที่รู้จัก {head_revision()}): "
            "โปรดติดตั้งโปรแกรมรุ่นใหม่กว่า",
            f"the database schema is at revision {current}, newer than this workbench knows (newest "
            f"{head_revision()}): install the newer workbench", field="WORKBENCH_DATABASE_URL")


def check_current(engine: Engine) -> None:
    """Refuse a database that is empty or at an older schema than this workbench: reading or writing it would fail
    half-way on a missing table or column. Raises ConfigurationError saying to run ``workbench init`` (which
    upgrades, keeping the data). A newer schema is refused as ``check_not_newer`` says."""
    check_not_newer(engine)
    stored, head = stored_revisions(engine), shipped_head()
    if stored == [head]:
        return
    current = stored[0] if stored else None
    from workbench.errors import ConfigurationError

    if current is None:
        raise ConfigurationError(
            "ฐานข้อมูลยังว่างอยู่ (ยังไม่มีตาราง): โปรดสั่ง workbench init ก่อน",
            "the database is empty (no tables yet): run `workbench init` first", field="WORKBENCH_DATABASE_URL")
    raise ConfigurationError(
        f"ฐานข้อมูลมีโครงสร้างรุ่น {current} ซึ่งเก่ากว่าโปรแกรมนี้ (รุ่น {head}): โปรดสั่ง workbench init "
        "เพื่อปรับรุ่นฐานข้อมูล (ข้อมูลเดิมอยู่ครบ) และควรสำรองข้อมูลก่อน",
        f"the database schema is at revision {current}, older than this workbench ({head}): run `workbench init` "
        "to upgrade it (its data is kept; take a backup first)", field="WORKBENCH_DATABASE_URL")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: the newest schema). Safe to run again. A database newer than
    this code is refused (``check_not_newer``)."""
    from alembic import command

    check_not_newer(engine)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    check_not_newer(engine)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def stored_revisions(engine: Engine) -> list[str]:
    """The revision ids in the database's ``alembic_version`` table (none for an empty database), read with one
    plain query."""
    with engine.connect() as connection:
        if not sa.inspect(connection).has_table("alembic_version"):
            return []
        return [row[0] for row in connection.execute(sa.text("SELECT version_num FROM alembic_version"))]


@lru_cache(maxsize=1)
def known_revisions() -> frozenset[str]:
    """Every revision id this workbench ships, read from the ``revision = '…'`` line of each migration file (the
    same ids as ``revisions()``, which asks Alembic; a test keeps the two equal)."""
    return frozenset(match.group(1) for path in (MIGRATIONS / "versions").glob("*.py")
                     for match in [_REVISION.search(path.read_text("utf-8"))] if match)


@lru_cache(maxsize=1)
def shipped_head() -> str:
    """The newest revision this workbench ships: the one no migration file names as its ``down_revision`` (the
    same as ``head_revision()``, which asks Alembic; a test keeps the two equal)."""
    texts = [path.read_text("utf-8") for path in (MIGRATIONS / "versions").glob("*.py")]
    below = {match.group(1) for text in texts for match in [_DOWN_REVISION.search(text)] if match}
    heads = sorted(known_revisions() - below)
    assert len(heads) == 1, f"the migrations have {len(heads)} heads: {heads}"
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def revisions() -> list[str]:
    """Every revision id, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
