"""The admin page: import an hh.ru JSON or CSV file, rebuild the search index, mind the outbox.

Imports and rebuilds run in the background; the page shows a progress bar that
``static/admin.js`` refreshes from ``/admin/jobs/<id>`` (without JavaScript, reloading shows it).
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.extensions import db_session, indexing
from app.models import Role
from app.search.indexing import dead_letters, pending_count, retry_dead_letters
from app.services import admin_jobs
from app.services.audit import record
from app.services.imports import format_for
from app.services.job_registry import Job
from app.web.access import current_user, roles_required

bp = Blueprint("admin", __name__)


def _page(status: int = 200, **context: object) -> ResponseReturnValue:
    session = db_session()
    jobs = admin_jobs.registry().recent()[:10]
    return (
        render_template(
            "admin/index.html",
            jobs=jobs,
            pending=pending_count(session),
            dead=dead_letters(session),
            kinds={"import": _("Import of vacancies"), "reindex": _("Search index rebuild")},
            states={"running": _("Running"), "done": _("Finished"), "failed": _("Failed")},
            **context,
        ),
        status,
    )


@bp.get("/admin")
@roles_required(Role.ADMIN)
def index() -> ResponseReturnValue:
    return _page()


@bp.post("/admin/import")
@roles_required(Role.ADMIN)
def start_import() -> ResponseReturnValue:
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return _page(422, import_error=_("Choose a file to import."))
    raw = upload.read()
    file_format = format_for(upload.filename)
    problem = admin_jobs.check_import_file(raw, file_format)
    if problem is not None:
        return _page(
            422,
            import_error=_("The file cannot be imported: %(reason)s", reason=problem.localized()),
        )
    user = current_user()
    job = admin_jobs.start(
        current_app._get_current_object(),  # type: ignore[attr-defined]
        "import",
        user.id if user else None,
        admin_jobs.import_work(raw, file_format),
    )
    _audit("import_start", job.id, filename=upload.filename, size=len(raw), format=file_format)
    return redirect(url_for("admin.job_page", job_id=job.id), 303)


@bp.post("/admin/reindex")
@roles_required(Role.ADMIN)
def start_reindex() -> ResponseReturnValue:
    if admin_jobs.running("reindex"):
        flash(_("A rebuild is already running."), "warning")
        return redirect(url_for("admin.index"), 303)
    user = current_user()
    job = admin_jobs.start(
        current_app._get_current_object(),  # type: ignore[attr-defined]
        "reindex",
        user.id if user else None,
        admin_jobs.reindex_work,
    )
    _audit("reindex_start", job.id)
    return redirect(url_for("admin.job_page", job_id=job.id), 303)


@bp.post("/admin/outbox/retry")
@roles_required(Role.ADMIN)
def retry_outbox() -> ResponseReturnValue:
    session = db_session()
    count = retry_dead_letters(session)
    _audit("outbox_retry", None, requeued=count)
    session.commit()
    indexing().notify()
    flash(_("%(n)d events requeued.", n=count), "success")
    return redirect(url_for("admin.index"), 303)


def _audit(action: str, entity_id: str | None, **detail: Any) -> None:
    session = db_session()
    record(
        session,
        user=current_user(),
        action=f"admin.{action}",
        entity_type="admin_job" if entity_id else "outbox",
        entity_id=entity_id,
        ip=request.remote_addr,
        **detail,
    )
    session.commit()


def _job(job_id: str) -> Job:
    job = admin_jobs.registry().get(job_id)
    if job is None:
        abort(404)
    return job


@bp.get("/admin/jobs/<job_id>")
@roles_required(Role.ADMIN)
def job_status(job_id: str) -> ResponseReturnValue:
    response = jsonify(_job(job_id).to_dict())
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/admin/jobs/<job_id>/view")
@roles_required(Role.ADMIN)
def job_page(job_id: str) -> ResponseReturnValue:
    return _page(job=_job(job_id))
