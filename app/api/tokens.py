"""Issuing and revoking bearer tokens."""

from __future__ import annotations

from flask.typing import ResponseReturnValue

from app.api.auth import ALL_ROLES, SIGNED_IN, issue_token
from app.api.problems import ApiProblem
from app.api.registry import Call, operation
from app.api.schemas import TokenOut, TokenRequest
from app.extensions import db_session
from app.models.base import utcnow
from app.services.users import authenticate


@operation(
    "POST",
    "/auth/tokens",
    summary="Exchange e-mail and password for a new bearer token (shown once)",
    roles=ALL_ROLES,
    body=TokenRequest,
    response=TokenOut,
    status=201,
    errors=(400, 401, 422, 429),
    description="Failed attempts are limited per account and per address (429 with "
    "Retry-After); an unknown e-mail and a wrong password get the same answer.",
    tag="auth",
)
def create_token(call: Call) -> ResponseReturnValue:
    body: TokenRequest = call.body
    session = db_session()
    attempt = authenticate(session, body.email, body.password)
    if not attempt.ok or attempt.account is None:
        raise ApiProblem(401, "wrong e-mail or password")
    issued = issue_token(session, attempt.account, body.name)
    session.commit()
    token = issued.token
    out = TokenOut(
        id=token.id,
        name=token.name,
        prefix=token.prefix,
        created_at=token.created_at,
        token=issued.secret,
    )
    return out.model_dump(mode="json"), 201


@operation(
    "DELETE",
    "/auth/tokens/current",
    summary="Revoke the token this request is made with",
    roles=SIGNED_IN,
    status=204,
    errors=(401,),
    tag="auth",
)
def revoke_current(call: Call) -> ResponseReturnValue:
    token = call.extra["token"]
    token.revoked_at = utcnow()
    db_session().commit()
    return "", 204
