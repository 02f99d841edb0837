"""Schema migrations (Alembic, shipped inside the package). Production code never calls ``create_all``."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def check_not_newer(engine: Engine) -> None:
    """Refuse a database whose schema is newer than this workbench (written by a later version): running old code
    on it could lose what the newer schema holds. Raises ConfigurationError naming both revisions."""
    current = current_revision(engine)
    if current is not None and current not in revisions():
        from workbench.errors import ConfigurationError

        raise ConfigurationError(
            f"ฐานข้อมูลมีโครงสร้างรุ่น {current} ซึ่งใหม่กว่าโปรแกรมนี้ (รุ่นล่าสุดที่รู้จัก {head_revision()}): "
            "โปรดติดตั้งโปรแกรมรุ่นใหม่กว่า",
            f"the database schema is at revision {current}, newer than this workbench knows (newest "
            f"{head_revision()}): install the newer workbench", field="WORKBENCH_DATABASE_URL")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: the newest schema). Safe to run again. A database newer than
    this code is refused (``check_not_newer``)."""
    check_not_newer(engine)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    check_not_newer(engine)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def revisions() -> list[str]:
    """Every revision id, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
