"""The public REST API ``/api/v1``: JSON, bearer tokens, problem+json errors, OpenAPI 3.1."""

from __future__ import annotations

from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from app.api import (
    applications,
    changes,
    docs,
    editing,
    imports,
    match,
    measures,
    personal,
    referrals,
    saved_searches,
    seekers,
    tokens,
    vacancies,
)
from app.api.problems import ApiProblem
from app.api.registry import bp

__all__ = [
    "applications",
    "bp",
    "changes",
    "docs",
    "editing",
    "imports",
    "match",
    "measures",
    "personal",
    "problem_for",
    "referrals",
    "saved_searches",
    "seekers",
    "tokens",
    "vacancies",
]


def problem_for(exc: HTTPException) -> ResponseReturnValue:
    """An HTTP error under /api/ (unknown path, wrong method) as a problem document."""
    return ApiProblem(exc.code or 500, exc.description or exc.name).response()
