"""Saved-search alerts from the command line (``zhumys alerts``) and as an RQ job."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import click
from flask.cli import with_appcontext

from app import extensions
from app.services.saved_searches import run_alerts


@click.command("alerts")
@with_appcontext
def alerts_command() -> None:
    """Tell owners of saved searches about vacancies published since the last run (once)."""
    services = extensions.indexing()
    with extensions.database().session() as session:
        report = run_alerts(session, services)
    click.echo(
        f"{report.checked} saved searches checked, {report.notified} notifications, "
        f"{report.failed} failed"
    )
    if report.failed:
        raise SystemExit(1)


def alerts_job() -> dict[str, Any]:
    """RQ job: takes nothing, reloads state; running it twice in a row notifies once."""
    from app.search.tasks import worker_services

    services = worker_services()
    with services.db.session() as session:
        report = run_alerts(session, services)
    return asdict(report)
