"""Migrations: one head, and the migrated schema is exactly what the models describe."""

from __future__ import annotations

from app.migrate import current_revision, downgrade, heads, pending_model_changes, upgrade


def test_single_head() -> None:
    assert len(heads()) == 1


def test_models_and_migrations_agree(database_url: str) -> None:
    assert current_revision(database_url) == heads()[0]
    assert pending_model_changes(database_url) == []


def test_downgrade_then_upgrade_round_trip(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'roundtrip.sqlite3'}"
    upgrade(url)
    downgrade(url, "base")
    assert current_revision(url) is None
    upgrade(url)
    assert current_revision(url) == heads()[0]
    assert pending_model_changes(url) == []
