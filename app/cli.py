"""Command line: ``zhumys COMMAND`` (or ``flask --app app COMMAND``)."""

from __future__ import annotations

import sys
from datetime import date

import click
from flask import Flask
from flask.cli import FlaskGroup, with_appcontext

from app import create_app, extensions
from app import migrate as migrations
from app.settings import SettingsError


def _make_app() -> Flask:
    try:
        return create_app()
    except SettingsError as exc:
        click.echo(f"Configuration error: {exc}", err=True)
        sys.exit(2)


@click.group(cls=FlaskGroup, create_app=_make_app, add_version_option=False)
def cli() -> None:
    """Zhumys: job matching for Kazakhstan's public employment service."""


@cli.command("migrate")
@click.option("--revision", default="head", show_default=True)
@with_appcontext
def migrate_command(revision: str) -> None:
    """Bring the database schema up to REVISION."""
    migrations.upgrade(extensions.database().url, revision)
    click.echo(f"Database at {migrations.current_revision(extensions.database().url)}")


@cli.command("load-reference")
@with_appcontext
def load_reference_command() -> None:
    """Load or refresh regions, localities, occupations and the holiday calendar."""
    from app.services.reference_data import load_all

    with extensions.database().session() as session:
        report = load_all(session)
    click.echo(
        f"Reference data: {report.regions} regions, {report.localities} localities, "
        f"{report.occupations} occupations, {report.calendar_days} new calendar days"
    )


@cli.command("init")
@click.pass_context
def init_command(ctx: click.Context) -> None:
    """Create or upgrade the database and load reference data (safe to repeat)."""
    ctx.invoke(migrate_command)
    ctx.invoke(load_reference_command)


@cli.command("demo")
@click.option("--seed", type=int, default=None, help="Random seed (default: DEMO_SEED).")
@click.option("--vacancies", type=click.IntRange(0, 200_000), default=600, show_default=True)
@click.option("--seekers", type=click.IntRange(0, 100_000), default=300, show_default=True)
@click.option(
    "--shared-data",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="Folder with hh.kz CSV samples to draw real vacancy texts from (optional).",
)
@with_appcontext
def demo_command(seed: int | None, vacancies: int, seekers: int, shared_data: str | None) -> None:
    """Fill the database with a believable, deterministic demo (only into an empty one)."""
    from app.services.demo import DemoAlreadyLoaded, fill_demo

    seed = extensions.settings().demo_seed if seed is None else seed
    try:
        with extensions.database().session() as session:
            report = fill_demo(
                session,
                seed=seed,
                vacancies=vacancies,
                seekers=seekers,
                shared_data=shared_data,
                today=date.today(),
            )
    except DemoAlreadyLoaded as exc:
        click.echo(str(exc))
        return
    click.echo(report.summary())


def main() -> None:
    cli(prog_name="zhumys")
