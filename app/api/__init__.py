"""The public REST API ``/api/v1``: JSON, bearer tokens, problem+json errors, OpenAPI 3.1."""

from __future__ import annotations

from flask import request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from app.api import changes, docs, editing, imports, match, personal, tokens, vacancies
from app.api.problems import ApiProblem
from app.api.registry import bp

__all__ = [
    "bp",
    "changes",
    "docs",
    "editing",
    "imports",
    "match",
    "personal",
    "tokens",
    "vacancies",
]


def _http_error(exc: HTTPException) -> ResponseReturnValue:
    """Routing errors (unknown path, wrong method) as problems under /api/, as before elsewhere."""
    if not request.path.startswith(bp.url_prefix or "/api/"):
        return exc
    return ApiProblem(exc.code or 500, exc.description or exc.name).response()


bp.app_errorhandler(404)(_http_error)
bp.app_errorhandler(405)(_http_error)
