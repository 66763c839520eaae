"""Bearer tokens: issuing, revoking and resolving ``Authorization: Bearer`` to a user."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from flask import request
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.api.problems import ApiProblem
from app.models import ApiToken, User
from app.models.base import utcnow

ANONYMOUS = "anonymous"
ALL_ROLES = (ANONYMOUS, "seeker", "employer", "staff", "admin")
SIGNED_IN = ALL_ROLES[1:]
TOKEN_PREFIX = "zh_"


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_token(session: Session, user: User, name: str) -> IssuedToken:
    """A new token for ``user``; the secret is returned once and only its hash is stored."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id, name=name[:100], token_hash=hash_secret(secret), prefix=secret[:10]
    )
    session.add(token)
    session.flush()
    return IssuedToken(token, secret)


def bearer_secret() -> str | None:
    header = request.headers.get("Authorization", "")
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise ApiProblem(401, "use 'Authorization: Bearer <token>'")
    return value.strip()


def resolve_token(session: Session) -> ApiToken | None:
    """The request's live token, None without one; 401 for an unknown or revoked one."""
    secret = bearer_secret()
    if secret is None:
        return None
    token = session.execute(
        select(ApiToken).where(ApiToken.token_hash == hash_secret(secret))
    ).scalar_one_or_none()
    if token is None or token.revoked_at is not None or not token.user.is_active:
        raise ApiProblem(401, "the token is unknown, revoked or its user is disabled")
    token.last_used_at = utcnow()
    session.commit()
    return token


def authorize(session: Session, roles: tuple[str, ...]) -> ApiToken | None:
    """Enforce ``roles``: 401 when a sign-in is needed, 403 for a role not allowed."""
    token = resolve_token(session)
    if token is None:
        if ANONYMOUS not in roles:
            raise ApiProblem(401, "this operation needs a bearer token")
        return None
    if token.user.role.value not in roles:
        raise ApiProblem(403, f"role {token.user.role.value!r} may not do this")
    return token
