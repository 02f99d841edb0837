"""Settings: environment over .env over defaults; the SQLite file under data/ by default."""

from __future__ import annotations

from workbench.config import Settings


def test_default_database_is_sqlite_under_data(monkeypatch):
    monkeypatch.delenv("WORKBENCH_DATABASE_URL")
    settings = Settings()
    assert settings.effective_database_url.startswith("sqlite:///")
    assert settings.effective_database_url.endswith("/data/workbench.db")
    assert settings.lang == "th"


def test_environment_overrides(monkeypatch):
    monkeypatch.setenv("WORKBENCH_DATABASE_URL", "postgresql+psycopg://u:p@h/db")
    monkeypatch.setenv("WORKBENCH_LANG", "en")
    monkeypatch.setenv("WORKBENCH_OFFICE_CODE", "สว 0099")
    settings = Settings()
    assert settings.effective_database_url == "postgresql+psycopg://u:p@h/db"
    assert (settings.lang, settings.office_code) == ("en", "สว 0099")


def test_dotenv_file_is_read(monkeypatch, tmp_path):
    monkeypatch.delenv("WORKBENCH_DATABASE_URL")
    (tmp_path / ".env").write_text("WORKBENCH_LANG=en\nWORKBENCH_OFFICE_CODE=TEST 1\n", "utf-8")
    settings = Settings()
    assert (settings.lang, settings.office_code) == ("en", "TEST 1")


def test_the_office_clock_is_bangkok_time_unless_pinned(monkeypatch):
    import datetime as dt
    from zoneinfo import ZoneInfo

    from workbench import clock
    from workbench.config import get_settings

    get_settings.cache_clear()
    assert clock.today() == dt.datetime.now(ZoneInfo("Asia/Bangkok")).date()
    monkeypatch.setenv("WORKBENCH_TODAY", "2026-11-25")
    get_settings.cache_clear()
    assert clock.today() == dt.date(2026, 11, 25) and clock.now().date() == dt.date(2026, 11, 25)
