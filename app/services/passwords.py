"""Password hashing with argon2id (the OWASP recommendation).

The cost is a setting (``PASSWORD_HASH_COST``): ``production`` is argon2-cffi's default,
RFC 9106's low-memory profile (t=3, m=64 MiB, p=4); ``test`` is the cheapest argon2id there
is, allowed only with ``TESTING`` (``Settings`` refuses it otherwise), so that a test suite
which signs in hundreds of times does not spend minutes hashing. Verification reads the
parameters from the stored hash, so either cost verifies the other's hashes; ``needs_rehash``
compares with the configured cost, so a cheap hash is upgraded at its owner's next sign-in.
"""

from __future__ import annotations

from argon2 import Parameters, PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

MIN_PASSWORD_LENGTH = 8

COSTS: dict[str, Parameters] = {
    "production": profiles.RFC_9106_LOW_MEMORY,
    "test": profiles.CHEAPEST,
}

_hasher = PasswordHasher.from_parameters(COSTS["production"])


def hasher_for(cost: str) -> PasswordHasher:
    return PasswordHasher.from_parameters(COSTS[cost])


def configure(cost: str) -> None:
    """Hash new passwords at ``cost`` from now on (the app factory calls it)."""
    global _hasher
    _hasher = hasher_for(cost)


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"password must be at least {MIN_PASSWORD_LENGTH} characters")
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
