"""Importing vacancy files through the API (staff and admins): hh.ru JSON formats and CSV."""

from __future__ import annotations

from flask import request
from flask.typing import ResponseReturnValue

from app.api.problems import ApiProblem, field_problem
from app.api.registry import Call, operation
from app.api.schemas import ImportQuery, ImportResult
from app.extensions import db_session, settings
from app.models import User
from app.services.imports.csv_format import import_csv
from app.services.imports.hh_format import PayloadError
from app.services.imports.runner import import_hh
from app.services.imports.snapshot import SnapshotGuard

JSON_MEDIA = ("application/json", "application/x-ndjson")


def csv_source(user: User | None) -> str:
    """CSV ids are the file owner's: each centre has its own namespace, so one centre's file
    (or its snapshot) never updates or closes another's vacancies. hh ids are hh.kz's own,
    global ones, and stay shared."""
    if user is not None and user.centre_id is not None:
        return f"csv-c{user.centre_id}"
    return "csv"


CSV_MEDIA = ("text/csv",)


@operation(
    "POST",
    "/imports",
    summary="Import vacancies: an hh.ru-format file (search page, JSON array, JSON lines) or CSV",
    roles=("staff", "admin"),
    query=ImportQuery,
    body_media=JSON_MEDIA + CSV_MEDIA,
    response=ImportResult,
    errors=(401, 403, 415, 422),
    description=(
        "The Content-Type picks the format. CSV (`text/csv`, UTF-8 with or without BOM, `;`, `,` "
        "or tab delimited) has a header row naming the columns: external_id, title, employer, "
        "locality (name or KATO code) are required; employer_bin, region, salary_from, "
        "salary_to, schedule, employment, experience, kind, description, address, skills "
        "(separated by |), lat, lon, places, url, archived are optional. CSV ids are stored as "
        "`csv-c<centre id>:<external_id>` (a centre's own namespace; admins: `csv:`), so "
        "re-importing a file updates its vacancies. Rejected rows name their line and field; "
        "the other rows import. With snapshot=true the file is the whole feed: this source's "
        "vacancies missing from it are closed, unless the file rejected rows or lists fewer "
        "than SNAPSHOT_MIN_PERCENT of the live ones (closing_withheld says so; force=true "
        "closes anyway)."
    ),
    tag="imports",
)
def import_file(call: Call) -> ResponseReturnValue:
    query: ImportQuery = call.query
    media = request.mimetype
    if media not in JSON_MEDIA + CSV_MEDIA:
        allowed = ", ".join(JSON_MEDIA + CSV_MEDIA)
        raise ApiProblem(
            415,
            f"Content-Type {media or '(none)'} is not supported; use one of: {allowed}",
            [{"field": "Content-Type", "message": f"use one of: {allowed}"}],
        )
    session = db_session()
    guard = SnapshotGuard(force=query.force, min_share=settings().snapshot_min_percent / 100)
    try:
        if media in CSV_MEDIA:
            report = import_csv(
                session,
                call.raw,
                source_prefix=csv_source(call.user),
                snapshot=query.snapshot,
                guard=guard,
            )
        else:
            report = import_hh(session, call.raw, snapshot=query.snapshot, guard=guard)
    except PayloadError as exc:
        session.rollback()
        raise field_problem("body", str(exc)) from None
    session.commit()
    return ImportResult.model_validate(report.to_dict()).model_dump(mode="json")
