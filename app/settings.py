"""Settings, read once from the environment into one typed object.

Nothing reads ``os.environ`` at import time: ``Settings.from_env()`` is called by the app
factory and the CLI, and tests pass their own values to ``create_app``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

SEARCH_BACKENDS = ("embedded", "elasticsearch")
DEFAULT_SECRET_KEY = "dev-insecure-change-me"
PASSWORD_HASH_COSTS = ("production", "test")  # app.services.passwords.COSTS
EMBEDDING_BACKENDS = ("onnx-int8", "torch")


class SettingsError(ValueError):
    """A setting has a value the platform cannot run with; the message names it."""


def _default_instance_path() -> Path:
    return Path(__file__).resolve().parent.parent / "instance"


def _as_bool(name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise SettingsError(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def _as_int(name: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise SettingsError(f"{name} must be an integer, got {value!r}") from None


@dataclass(frozen=True)
class Settings:
    """Everything the platform can be configured with.

    Environment variables have the same names in upper case (``DATABASE_URL``...).
    """

    secret_key: str = DEFAULT_SECRET_KEY
    instance_path: Path = field(default_factory=_default_instance_path)
    database_url: str = ""
    redis_url: str = ""
    search_backend: str = "embedded"
    es_url: str = ""
    es_index_prefix: str = "zhumys"
    es_russian_analyzer: str = "russian"
    embedding_model: str = "intfloat/multilingual-e5-small"
    embedding_dim: int = 384
    embedding_device: str = "cpu"
    embedding_batch_size: int = 32
    # torch: the float32 weights through sentence-transformers (the default until the int8
    # export's relevance cost is measured); onnx-int8: the verified int8 export through ONNX
    # Runtime (no torch in the web process; `zhumys encoder install` exports it when chosen).
    embedding_backend: str = "torch"
    embedding_passage_tokens: int = 0  # 0: the export's default (title + first part of the text)
    embedding_threads: int = 0  # 0: every CPU the process may use
    default_locale: str = "kk"
    testing: bool = False
    debug: bool = False  # development only: SQL parameters in error logs, the default secret
    secure_cookies: bool = True  # cookies only over HTTPS; the plain-HTTP demo turns it off
    max_upload_mb: int = 50
    sql_echo: bool = False
    demo_seed: int = 42
    # A snapshot import closes missing vacancies only if it lists at least this share of the
    # source's live ones (and rejected no row); below it, only with force.
    snapshot_min_percent: int = 50
    # argon2 parameters for new password hashes; "test" (the cheapest) only with testing=True.
    password_hash_cost: str = "production"
    # Where compiled catalogues go (default: <instance_path>/translations); tests share one.
    translations_path: Path | None = None

    def __post_init__(self) -> None:
        if not self.database_url:
            db_file = self.instance_path / "zhumys.sqlite3"
            object.__setattr__(self, "database_url", f"sqlite:///{db_file}")
        if self.search_backend not in SEARCH_BACKENDS:
            raise SettingsError(
                f"SEARCH_BACKEND must be one of {', '.join(SEARCH_BACKENDS)}, "
                f"got {self.search_backend!r}"
            )
        if self.search_backend == "elasticsearch" and not self.es_url:
            raise SettingsError("SEARCH_BACKEND=elasticsearch needs ES_URL")
        if self.password_hash_cost not in PASSWORD_HASH_COSTS:
            raise SettingsError(
                f"PASSWORD_HASH_COST must be one of {', '.join(PASSWORD_HASH_COSTS)}, "
                f"got {self.password_hash_cost!r}"
            )
        if self.password_hash_cost != "production" and not self.testing:
            raise SettingsError("PASSWORD_HASH_COST=test is for tests only (needs TESTING=1)")
        if self.embedding_backend not in EMBEDDING_BACKENDS:
            raise SettingsError(
                f"EMBEDDING_BACKEND must be one of {', '.join(EMBEDDING_BACKENDS)}, "
                f"got {self.embedding_backend!r}"
            )
        if self.default_locale not in {"kk", "ru", "en"}:
            raise SettingsError(f"DEFAULT_LOCALE must be kk, ru or en, got {self.default_locale!r}")

    @property
    def search_path(self) -> Path:
        """Where the embedded search engine keeps its index generations."""
        return self.instance_path / "search"

    @property
    def uses_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f.name.upper())
            if raw is None:
                continue
            if f.type in ("bool", bool):
                values[f.name] = _as_bool(f.name.upper(), raw)
            elif f.type in ("int", int):
                values[f.name] = _as_int(f.name.upper(), raw)
            elif f.type in ("Path", "Path | None", Path):
                values[f.name] = Path(raw)
            else:
                values[f.name] = raw
        values.update(overrides)
        return cls(**values)

    def check_secret(self) -> None:
        """Sessions signed with the published default key could be forged: serving with it
        is refused outside development (DEBUG) and tests."""
        if self.secret_key == DEFAULT_SECRET_KEY and not (self.debug or self.testing):
            raise SettingsError(
                "SECRET_KEY is the published default; set a random one "
                "(python -c 'import secrets; print(secrets.token_hex(32))'), or DEBUG=1 "
                "for development"
            )

    def with_overrides(self, **overrides: Any) -> Settings:
        return replace(self, **overrides)
