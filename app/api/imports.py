"""Importing hh.ru-format vacancy files through the API (staff and admins)."""

from __future__ import annotations

from flask.typing import ResponseReturnValue

from app.api.problems import field_problem
from app.api.registry import Call, operation
from app.api.schemas import ImportQuery, ImportResult
from app.extensions import db_session
from app.services.imports.hh_format import PayloadError
from app.services.imports.runner import import_hh


@operation(
    "POST",
    "/imports",
    summary="Import an hh.ru-format file (search page, JSON array or JSON lines)",
    roles=("staff", "admin"),
    query=ImportQuery,
    body_media=("application/json", "application/x-ndjson"),
    response=ImportResult,
    errors=(401, 403, 422),
    description="With snapshot=true the file is the whole feed: missing vacancies are closed.",
    tag="imports",
)
def import_file(call: Call) -> ResponseReturnValue:
    query: ImportQuery = call.query
    session = db_session()
    try:
        report = import_hh(session, call.raw, snapshot=query.snapshot)
    except PayloadError as exc:
        session.rollback()
        raise field_problem("body", str(exc)) from None
    session.commit()
    return ImportResult.model_validate(report.to_dict()).model_dump(mode="json")
