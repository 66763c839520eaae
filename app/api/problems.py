"""Errors as RFC 9457 ``application/problem+json``, each naming the offending fields."""

from __future__ import annotations

import re
from typing import Any

from flask import Response, json
from pydantic import ValidationError

from app.services.errors import FieldError, ValidationFailed

PROBLEM_MEDIA = "application/problem+json"
TITLES = {
    400: "Bad request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    410: "Gone",
    415: "Unsupported media type",
    422: "Invalid input",
    429: "Too many requests",
    503: "Service unavailable",
}
_FIELD_PREFIX = re.compile(r"^([A-Za-z_][\w.]*(?:/[\w.]+)?): (.*)$", re.S)


class ApiProblem(Exception):
    def __init__(
        self,
        status: int,
        detail: str,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}

    def response(self) -> Response:
        body: dict[str, Any] = {
            "type": f"https://zhumys.kz/problems/{self.status}",
            "title": TITLES.get(self.status, "Error"),
            "status": self.status,
            "detail": self.detail,
        }
        if self.errors:
            body["errors"] = self.errors
        response = Response(json.dumps(body), status=self.status, mimetype=PROBLEM_MEDIA)
        response.headers.update(self.headers)
        return response


def field_problem(field: str, message: str, status: int = 422) -> ApiProblem:
    return ApiProblem(status, f"{field}: {message}", [{"field": field, "message": message}])


def from_value_error(exc: ValueError) -> ApiProblem:
    """Map the services' and the query model's ``ValueError``s (``"field: message"``)."""
    if isinstance(exc, ValidationError):
        errors = [
            {"field": ".".join(str(p) for p in e["loc"]) or "body", "message": e["msg"]}
            for e in exc.errors()
        ]
        return ApiProblem(422, "; ".join(f"{e['field']}: {e['message']}" for e in errors), errors)
    if isinstance(exc, ValidationFailed):
        errors = [{"field": e.field, "message": e.message} for e in exc.errors]
        return ApiProblem(422, str(exc), errors)
    if isinstance(exc, FieldError):
        return field_problem(exc.field, exc.message)
    match = _FIELD_PREFIX.match(str(exc))
    if match:
        return field_problem(match.group(1), match.group(2))
    return ApiProblem(422, str(exc))
