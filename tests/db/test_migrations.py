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


def test_name_keys_are_backfilled_for_people_already_on_file(tmp_path) -> None:
    import sqlalchemy as sa

    url = f"sqlite:///{tmp_path / 'keys.sqlite3'}"
    upgrade(url, "0004")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO seeker (last_name, first_name, birth_date, sex, languages, skills,"
                " desired_occupations, desired_schedules, receives_job_loss_payment, is_student,"
                " is_full_time_student, is_carer, is_kandas, has_paid_work, long_illness,"
                " on_downtime, created_at, updated_at) VALUES ('Тұрсынова', 'Әсел', '1990-01-01',"
                " 'female', '[]', '[]', '[]', '[]', 0, 0, 0, 0, 0, 0, 0, 0,"
                " '2026-01-01', '2026-01-01')"
            )
        )
    upgrade(url)
    with engine.connect() as conn:
        keys = conn.execute(sa.text("SELECT last_name_key, first_name_key FROM seeker")).one()
    engine.dispose()
    assert tuple(keys) == ("турсынова", "асел")
