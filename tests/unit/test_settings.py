from __future__ import annotations

from pathlib import Path

import pytest

from app.settings import Settings, SettingsError


def test_defaults_to_a_sqlite_file_under_instance(tmp_path: Path) -> None:
    settings = Settings.from_env({"INSTANCE_PATH": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'zhumys.sqlite3'}"
    assert settings.search_backend == "embedded"
    assert settings.search_path == tmp_path / "search"
    assert settings.redis_url == ""


def test_reads_typed_values() -> None:
    settings = Settings.from_env(
        {
            "DATABASE_URL": "postgresql+psycopg://u@h/db",
            "TESTING": "yes",
            "EMBEDDING_BATCH_SIZE": "64",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        }
    )
    assert settings.database_url == "postgresql+psycopg://u@h/db"
    assert settings.testing is True
    assert settings.embedding_batch_size == 64
    assert not settings.uses_sqlite


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SEARCH_BACKEND": "solr"}, "SEARCH_BACKEND"),
        ({"SEARCH_BACKEND": "elasticsearch"}, "ES_URL"),
        ({"TESTING": "maybe"}, "TESTING"),
        ({"EMBEDDING_BATCH_SIZE": "many"}, "EMBEDDING_BATCH_SIZE"),
        ({"DEFAULT_LOCALE": "de"}, "DEFAULT_LOCALE"),
    ],
)
def test_bad_values_name_the_setting(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)


def test_overrides_win_over_environment() -> None:
    settings = Settings.from_env({"DEMO_SEED": "1"}, demo_seed=5)
    assert settings.demo_seed == 5


def test_translations_path_is_a_path_and_defaults_to_none(tmp_path: Path) -> None:
    assert Settings.from_env({}).translations_path is None
    assert Settings.from_env({"TRANSLATIONS_PATH": str(tmp_path)}).translations_path == tmp_path
