"""Declaring operations once: route, roles, and the pydantic models the OpenAPI document uses."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import Blueprint, request
from flask.typing import ResponseReturnValue
from pydantic import BaseModel

from app.api.auth import authorize
from app.api.problems import ApiProblem, from_value_error
from app.api.schemas import MAX_ROW_ID
from app.extensions import db_session
from app.models import User
from app.search.find import SearchUnavailable

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    roles: tuple[str, ...]
    query: type[BaseModel] | None = None
    body: type[BaseModel] | None = None
    body_media: tuple[str, ...] = ()  # raw bodies (imports): these media types, no model
    response: type[BaseModel] | None = None
    status: int = 200
    response_media: str = "application/json"
    errors: tuple[int, ...] = ()
    description: str = ""
    tag: str = "vacancies"


OPERATIONS: list[Operation] = []


@dataclass
class Call:
    """What a view receives: the caller (None when anonymous) and the validated inputs."""

    user: User | None
    query: Any = None
    body: Any = None
    raw: bytes = b""
    extra: dict[str, Any] = field(default_factory=dict)


def _json_body() -> Any:
    raw = request.get_data(cache=True)
    if not raw:
        raise ApiProblem(400, "a JSON body is required", [{"field": "body", "message": "empty"}])
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiProblem(
            400, f"malformed JSON: {exc}", [{"field": "body", "message": "malformed JSON"}]
        ) from None


def _nul_field(value: Any, path: str) -> str | None:
    """The first field holding a NUL character (PostgreSQL text cannot store one), else None."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        pairs = list(value.items())
    elif isinstance(value, list):
        pairs = list(enumerate(value))
    else:
        return None
    for key, item in pairs:
        inner = f"{path}.{key}" if path else str(key)
        if "\x00" in str(key):
            return path or "body"
        found = _nul_field(item, inner)
        if found is not None:
            return found
    return None


def _reject_nul(value: Any, where: str) -> Any:
    name = _nul_field(value, "")
    if name is not None:
        name = name or where
        raise ApiProblem(
            422,
            f"{name}: NUL characters are not allowed",
            [{"field": name, "message": "NUL characters are not allowed"}],
        )
    return value


def _run(op: Operation, view: Callable[..., ResponseReturnValue], kwargs: Any) -> Any:
    token = authorize(db_session(), op.roles)
    if any(isinstance(v, int) and v > MAX_ROW_ID for v in kwargs.values()):
        raise ApiProblem(404, "no such record")
    call = Call(user=token.user if token else None, extra={"token": token})
    if op.query is not None:
        call.query = op.query.model_validate(_reject_nul(request.args.to_dict(), "query"))
    if op.body is not None:
        call.body = op.body.model_validate(_reject_nul(_json_body(), "body"))
    if op.body_media:
        call.raw = request.get_data(cache=True)
    return view(call, **kwargs)


def operation(
    method: str, path: str, *, summary: str, roles: tuple[str, ...], **options: Any
) -> Callable[[Callable[..., ResponseReturnValue]], Callable[..., ResponseReturnValue]]:
    """Register ``path`` (OpenAPI template, ``{id}`` an integer) under ``/api/v1``."""
    op = Operation(method=method.upper(), path=path, summary=summary, roles=roles, **options)
    OPERATIONS.append(op)

    def decorate(view: Callable[..., ResponseReturnValue]) -> Callable[..., ResponseReturnValue]:
        @wraps(view)
        def wrapper(**kwargs: Any) -> ResponseReturnValue:
            try:
                return _run(op, view, kwargs)
            except ApiProblem as problem:
                return problem.response()
            except SearchUnavailable as exc:
                return ApiProblem(503, f"search is temporarily unavailable: {exc}").response()
            except ValueError as exc:
                db_session().rollback()
                return from_value_error(exc).response()

        rule = path.replace("{id}", "<int:id>")
        bp.add_url_rule(
            rule,
            endpoint=f"{method.lower()}_{view.__name__}",
            view_func=wrapper,
            methods=[op.method],
        )
        return wrapper

    return decorate
