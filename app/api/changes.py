"""A delta feed of vacancy changes from the outbox, and a snapshot to start it from."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import timedelta

from flask import Response, stream_with_context
from flask.typing import ResponseReturnValue
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.api.auth import ALL_ROLES
from app.api.pagination import decode_cursor, encode_cursor
from app.api.present import summary
from app.api.problems import ApiProblem, field_problem
from app.api.registry import Call, operation
from app.api.schemas import Change, ChangesPage, ChangesQuery, VacancySummary
from app.extensions import database, db_session
from app.models import OutboxEvent, Vacancy, VacancyStatus
from app.models.base import utcnow
from app.search.find import load_rows
from app.search.outbox import VACANCIES

RETENTION = timedelta(days=7)  # prune_processed's default: older cursors need a new snapshot
SNAPSHOT_BATCH = 500


def feed_cursor(last_event_id: int) -> str:
    return encode_cursor({"e": last_event_id, "t": int(time.time())})


def _since(cursor: str | None) -> int:
    if not cursor:
        return 0
    state = decode_cursor(cursor, "since")
    last, issued = state.get("e"), state.get("t")
    if not isinstance(last, int) or not isinstance(issued, int):
        raise field_problem("since", "is not a valid cursor")
    if time.time() - issued > RETENTION.total_seconds():
        raise ApiProblem(410, "the cursor is older than the 7-day retention: take a new snapshot")
    return last


def _is_live(vacancy: Vacancy | None) -> bool:
    if vacancy is None or vacancy.status is not VacancyStatus.PUBLISHED:
        return False
    return vacancy.expires_at is None or vacancy.expires_at > utcnow()


def _never_published(vacancy: Vacancy | None) -> bool:
    """A draft no feed reader has seen: its changes are nobody's business, not a removal."""
    return (
        vacancy is not None
        and vacancy.status is VacancyStatus.DRAFT
        and vacancy.published_at is None
    )


def _latest_event_id(session: Session) -> int:
    value = session.execute(
        select(func.max(OutboxEvent.id)).where(OutboxEvent.doc_type == VACANCIES)
    ).scalar()
    return int(value or 0)


@operation(
    "GET",
    "/vacancies/changes",
    summary="Vacancy changes since a cursor, in commit order (removals included)",
    roles=ALL_ROLES,
    query=ChangesQuery,
    response=ChangesPage,
    errors=(401, 410, 422),
    description="Start from /vacancies/snapshot; a cursor older than 7 days is 410 Gone.",
)
def changes(call: Call) -> ResponseReturnValue:
    query: ChangesQuery = call.query
    session = db_session()
    since = _since(query.since)
    events = session.execute(
        select(OutboxEvent.id, OutboxEvent.doc_id)
        .where(OutboxEvent.doc_type == VACANCIES, OutboxEvent.id > since)
        .order_by(OutboxEvent.id)
        .limit(query.limit + 1)
    ).all()
    has_more = len(events) > query.limit
    events = events[: query.limit]
    last_seen: dict[int, int] = {}
    for event_id, doc_id in events:
        last_seen.pop(doc_id, None)
        last_seen[doc_id] = event_id  # the latest state, in the order of its last change
    rows = load_rows(session, list(last_seen))
    external: dict[int, str | None] = {
        vacancy_id: external_id
        for vacancy_id, external_id in session.execute(
            select(Vacancy.id, Vacancy.external_id).where(Vacancy.id.in_(last_seen))
        )
    }
    items = []
    for doc_id in last_seen:
        vacancy = rows.get(doc_id)
        if vacancy is not None and _is_live(vacancy):
            items.append(
                Change(
                    id=doc_id,
                    external_id=vacancy.external_id,
                    op="upsert",
                    vacancy=summary(vacancy),
                )
            )
        elif not _never_published(vacancy):
            items.append(Change(id=doc_id, external_id=external.get(doc_id), op="delete"))
    cursor = feed_cursor(events[-1][0] if events else since)
    return ChangesPage(items=items, next_cursor=cursor, has_more=has_more).model_dump(mode="json")


def _snapshot_lines(cursor: str) -> Iterator[str]:
    last_id = 0
    with database().session() as session:
        while True:
            ids = (
                session.execute(
                    select(Vacancy.id)
                    .where(Vacancy.status == VacancyStatus.PUBLISHED, Vacancy.id > last_id)
                    .order_by(Vacancy.id)
                    .limit(SNAPSHOT_BATCH)
                )
                .scalars()
                .all()
            )
            if not ids:
                break
            rows = load_rows(session, ids)
            for vacancy_id in ids:
                if _is_live(rows[vacancy_id]):
                    yield summary(rows[vacancy_id]).model_dump_json() + "\n"
            last_id = ids[-1]
            session.expunge_all()
    yield json.dumps({"next_cursor": cursor}) + "\n"


@operation(
    "GET",
    "/vacancies/snapshot",
    summary="Every published vacancy as JSON lines; the last line holds the feed cursor",
    roles=ALL_ROLES,
    response=VacancySummary,
    response_media="application/x-ndjson",
    errors=(401, 429),
    description="The cursor is also in the X-Next-Cursor header; continue with /vacancies/changes."
    " Anonymous callers are rate limited per IP (429 with Retry-After).",
)
def snapshot(call: Call) -> ResponseReturnValue:
    cursor = feed_cursor(_latest_event_id(db_session()))
    body = stream_with_context(_snapshot_lines(cursor))
    return Response(body, mimetype="application/x-ndjson", headers={"X-Next-Cursor": cursor})
