"""One settings object, read from the environment (prefix ``WORKBENCH_``) and an optional ``.env`` file.

Every field here is documented in the README's settings table; ``tests/test_readme.py`` keeps the two in step.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# JupyterLab for analysts, on an office network that may have no internet: no news feed fetched, no check for a
# newer JupyterLab (both would reach the web; the news one also greets every new user with a consent question).
OFFLINE_LAB_ARGS = ("--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate")


class Settings(BaseSettings):
    """The workbench's settings. Environment variables win over ``.env``; both win over the defaults."""

    model_config = SettingsConfigDict(
        env_prefix="WORKBENCH_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    database_url: str = Field(
        default="",
        description="SQLAlchemy URL of the database; empty means the SQLite file data/workbench.db.",
    )
    lang: Literal["th", "en"] = Field(default="th", description="Interface language: th (default) or en.")
    office_code: str = Field(
        default="สว 0010",
        description="The office's letter code, printed before outgoing numbers (to confirm with the office).",
    )
    data_dir: Path = Field(
        default=PROJECT_ROOT / "data", description="Folder of reference CSVs and the default SQLite file."
    )
    dashboards_dir: Path = Field(
        default=PROJECT_ROOT / "dashboards", description="Folder of Voila dashboards served by `workbench serve`."
    )
    notebooks_dir: Path = Field(
        default=PROJECT_ROOT / "notebooks", description="Folder of analyst notebooks opened by `workbench lab`."
    )
    export_dir: Path = Field(
        default=PROJECT_ROOT / "exports", description="Folder where exported files (XLSX, ICS, DOCX, PDF) are written."
    )
    record_due_days: int = Field(
        default=7, ge=0, description="Days after a courtesy call or meeting before a missing record is overdue."
    )
    letter_emblem: Path | None = Field(
        default=None, description="Image of the Garuda emblem (PNG or JPEG) printed at the top of official letters; "
                                  "none is shipped: without it the letter keeps the emblem's space."
    )
    letter_thai_digits: bool = Field(default=True, description="Write numbers and dates of Thai letters in Thai digits.")
    office_address: str = Field(
        default="อาคารรัฐสภา 1111 ถนนสามเสน; แขวงถนนนครไชยศรี เขตดุสิต; กรุงเทพฯ 10300",
        description="Address of the Secretariat under its name on external letters, lines separated by ';' (to confirm).",
    )
    office_phone: str = Field(default="", description="Telephone printed on the office's letters (โทร.).")
    office_fax: str = Field(default="", description="Fax number printed on the office's letters (โทรสาร).")
    office_email: str = Field(default="", description="E-mail address printed on the office's letters.")
    today: dt.date | None = Field(
        default=None,
        description="Pin today's date (demonstrations and training on the demo office); unset in real use."
    )
    chromium: str = Field(
        default="/usr/bin/chromium", description="Chromium used headless to print PDF documents (Debian's package)."
    )
    attachments_dir: Path | None = Field(
        default=None, description="Folder of correspondence attachments (by SHA-256); empty means data_dir/attachments."
    )
    echo_sql: bool = Field(default=False, description="Log every SQL statement (for debugging).")
    session_idle_minutes: int = Field(
        default=30, ge=1, description="`workbench serve`: a web session unused this many minutes is ended."
    )
    session_max_hours: int = Field(
        default=10, ge=1, description="`workbench serve`: a web session ends this many hours after sign-in."
    )

    @field_validator("database_url")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @property
    def effective_database_url(self) -> str:
        """The URL actually used: the configured one, or the SQLite file under ``data_dir``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'workbench.db').as_posix()}"

    @property
    def effective_attachments_dir(self) -> Path:
        """Where attachment files are kept: the configured folder, or ``attachments/`` under ``data_dir``."""
        return self.attachments_dir or self.data_dir / "attachments"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; call ``get_settings.cache_clear()`` after changing the environment)."""
    return Settings()
