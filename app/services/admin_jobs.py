"""Long admin operations (hh.ru import, index rebuild) run in a background thread.

Progress is kept in a ``Registry`` (app/services/job_registry.py). Jobs are not resumed after a
restart; what an import already committed stays committed.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

from flask import Flask, current_app

from app import extensions
from app.services.imports.csv_format import decode_csv, import_csv, iter_rows
from app.services.imports.hh_format import (
    PayloadError,
    RowError,
    decode_payload,
    iter_items,
    parse_item,
)
from app.services.imports.runner import ImportReport, import_hh
from app.services.job_registry import RUNNING, Job, Registry
from indexer import DocType

IMPORT_CHUNK = 50  # rows per committed step at least
IMPORT_STEPS = 20  # a big file still moves the bar in about this many steps
_REGISTRY_KEY = "zhumys.admin_jobs"

Work = Callable[[Job, Registry], dict[str, Any]]


def registry(app: Flask | None = None) -> Registry:
    """The app's job registry (Redis-backed when REDIS_URL is set)."""
    app = app or current_app
    found: Registry | None = app.extensions.get(_REGISTRY_KEY)
    if found is None:
        found = app.extensions.setdefault(_REGISTRY_KEY, Registry(extensions.settings().redis_url))
    return found


def _run(app: Flask, jobs: Registry, job: Job, work: Work) -> None:
    with app.app_context():
        try:
            result = work(job, jobs)
        except Exception as exc:  # the job reports any failure on its page
            jobs.fail(job, str(exc) or type(exc).__name__)
            return
        jobs.finish(job, result)


def start(app: Flask, kind: str, user_id: int | None, work: Work) -> Job:
    jobs = registry(app)
    job = jobs.add(kind, user_id)
    thread = threading.Thread(
        target=_run, args=(app, jobs, job, work), name=f"admin-{kind}", daemon=True
    )
    thread.start()
    return job


def running(kind: str) -> bool:
    return any(j.kind == kind and j.state == RUNNING for j in registry().recent())


def _chunks(raw: bytes) -> tuple[int, list[list[tuple[int, Any]]]]:
    items = list(iter_items(decode_payload(raw)))
    size = max(IMPORT_CHUNK, -(-len(items) // IMPORT_STEPS))
    return len(items), [items[i : i + size] for i in range(0, len(items), size)]


def check_import_file(raw: bytes, file_format: str = "hh") -> PayloadError | None:
    """Why the file cannot be imported at all (read before the job starts), or None.
    ``file_format`` is ``hh`` or ``csv`` (``app.services.imports.format_for``)."""
    try:
        if file_format == "csv":
            sum(1 for _row in iter_rows(decode_csv(raw)))
        else:
            _chunks(raw)
    except PayloadError as exc:
        return exc
    return None


def import_work(raw: bytes, file_format: str = "hh") -> Work:
    """The import job for a file in ``file_format`` (``hh`` or ``csv``)."""
    return _csv_work(raw) if file_format == "csv" else _hh_work(raw)


def _csv_work(raw: bytes) -> Work:
    """A CSV file imports in one transaction, as the CLI and the API import it."""

    def work(job: Job, jobs: Registry) -> dict[str, Any]:
        total = sum(1 for _row in iter_rows(decode_csv(raw)))
        jobs.update(job, total=total, stage="import")
        with extensions.database().session() as session:
            report = import_csv(session, raw, source_prefix="csv")
        jobs.advance(job, total)
        return report.to_dict()

    return work


def _hh_work(raw: bytes) -> Work:
    """Import in chunks, each committed, so progress shows and accepted rows are kept."""

    def work(job: Job, jobs: Registry) -> dict[str, Any]:
        total, chunks = _chunks(raw)
        jobs.update(job, total=total, stage="import")
        report = ImportReport()
        for chunk in chunks:
            readable = [(line, item) for line, item in chunk if not isinstance(item, Exception)]
            for line, item in chunk:
                if isinstance(item, Exception):
                    error = parse_item(line, item)
                    assert isinstance(error, RowError)
                    report.rejected.append(error)
            if readable:
                _import_chunk(readable, report)
            jobs.advance(job, len(chunk))
        return report.to_dict()

    return work


def _import_chunk(chunk: list[tuple[int, Any]], report: ImportReport) -> None:
    payload = json.dumps([item for _line, item in chunk], ensure_ascii=False).encode()
    with extensions.database().session() as session:
        part = import_hh(session, payload)
    lines = [line for line, _item in chunk]
    for name in ("created", "updated", "unchanged", "closed"):
        setattr(report, name, getattr(report, name) + getattr(part, name))
    report.rejected += [RowError(lines[e.line - 1], e.external_id, e.reason) for e in part.rejected]
    report.warnings += [(lines[line - 1], ext, text) for line, ext, text in part.warnings]


def reindex_work(job: Job, jobs: Registry) -> dict[str, Any]:
    from app.search.rebuild import count_candidates, rebuild_index

    services = extensions.indexing()
    types = list(DocType)
    totals = {t: count_candidates(services.db, t) for t in types}
    jobs.update(job, total=sum(totals.values()))
    result: dict[str, Any] = {}
    for doc_type in types:
        jobs.update(job, stage=doc_type.value)
        summary = rebuild_index(
            services.db,
            services.engine,
            services.encoder,
            doc_type,
            progress=lambda n: jobs.advance(job, n),
        )
        report = summary.report
        result[doc_type.value] = {
            "documents": report.documents,
            "seconds": round(report.seconds, 2),
            "embedded": summary.embedded,
            "replayed": summary.replayed.events,
        }
    return result
