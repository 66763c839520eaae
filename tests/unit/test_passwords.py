"""Password hashes: production cost by default, the cheap test cost only where tests ask."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import extract_parameters

from app import create_app
from app.services import passwords
from app.settings import Settings, SettingsError


def test_production_cost_is_rfc_9106_low_memory_argon2id(tmp_path: Path) -> None:
    settings = Settings(
        database_url="sqlite://",
        instance_path=tmp_path,
        embedding_model="none",
        secret_key="a-production-secret-not-the-published-default",
    )
    assert settings.password_hash_cost == "production"
    create_app(settings)  # the factory configures the hasher from the settings
    stored = passwords.hash_password("correct horse")
    params = extract_parameters(stored)
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert (params.time_cost, params.memory_cost, params.parallelism) == (3, 65536, 4)
    assert (params.salt_len, params.hash_len) == (16, 32)
    assert passwords.verify_password(stored, "correct horse")
    assert not passwords.needs_rehash(stored)


def test_test_cost_hashes_verify_and_are_upgraded_in_production() -> None:
    passwords.configure("test")
    cheap = passwords.hash_password("correct horse")
    assert extract_parameters(cheap).memory_cost < 65536
    passwords.configure("production")
    assert passwords.verify_password(cheap, "correct horse")
    assert not passwords.verify_password(cheap, "wrong horse")
    assert passwords.needs_rehash(cheap)


def test_test_cost_needs_testing() -> None:
    with pytest.raises(SettingsError, match="PASSWORD_HASH_COST"):
        Settings.from_env({"PASSWORD_HASH_COST": "test"})
    with pytest.raises(SettingsError, match="PASSWORD_HASH_COST"):
        Settings.from_env({"PASSWORD_HASH_COST": "cheap", "TESTING": "1"})
    assert Settings.from_env({"PASSWORD_HASH_COST": "test", "TESTING": "1"}).testing
