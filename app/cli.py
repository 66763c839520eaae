"""Command line: ``zhumys COMMAND`` (or ``flask --app app COMMAND``)."""

from __future__ import annotations

import sys
from datetime import date

import click
from flask import Flask
from flask.cli import FlaskGroup, with_appcontext

from app import create_app, extensions
from app import migrate as migrations
from app.api.commands import token_group
from app.models import Role
from app.search.commands import COMMANDS as SEARCH_COMMANDS
from app.services.alerts_command import alerts_command
from app.settings import SettingsError


def _make_app() -> Flask:
    try:
        return create_app(serving=sys.argv[1:2] == ["run"])
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
    from app.demo import DemoAlreadyLoaded, fill_demo

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


@cli.command("create-user")
@click.option("--email", required=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--name", "display_name", default="")
@click.option("--centre-id", type=int, default=None)
@click.option("--employer-id", type=int, default=None)
@click.password_option()
@with_appcontext
def create_user_command(
    email: str,
    role: str,
    display_name: str,
    centre_id: int | None,
    employer_id: int | None,
    password: str,
) -> None:
    """Create a login (staff need --centre-id, employer users --employer-id)."""
    from app.services.users import UserError, create_user

    try:
        with extensions.database().session() as session:
            user = create_user(
                session,
                email=email,
                password=password,
                role=Role(role),
                display_name=display_name,
                centre_id=centre_id,
                employer_id=employer_id,
            )
    except UserError as exc:
        raise click.BadParameter(str(exc), param_hint=f"--{exc.field.replace('_', '-')}") from None
    click.echo(f"Created {user.role.value} user #{user.id} <{user.email}>")


@cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=str))
@click.option(
    "--snapshot",
    is_flag=True,
    help="The file is the whole feed: close this source's vacancies missing from it.",
)
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["auto", "hh", "csv"]),
    default="auto",
    show_default=True,
    help="File format; auto means CSV for a .csv file, hh.ru JSON otherwise.",
)
@click.option(
    "--force-close",
    is_flag=True,
    help="With --snapshot: close missing vacancies even when the file rejected rows or lists "
    "far fewer than are live.",
)
@click.option("--source", default=None, help="Prefix of the external ids [default: hh or csv].")
@with_appcontext
def import_command(
    path: str, snapshot: bool, force_close: bool, file_format: str, source: str | None
) -> None:
    """Import vacancies: hh.ru API format (search page, JSON array, JSON lines) or CSV."""
    from app.services.imports import format_for
    from app.services.imports.csv_format import import_csv
    from app.services.imports.hh_format import PayloadError
    from app.services.imports.runner import import_hh
    from app.services.imports.snapshot import SnapshotGuard

    if file_format == "auto":
        file_format = format_for(path)
    importer = import_csv if file_format == "csv" else import_hh
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        with extensions.database().session() as session:
            report = importer(
                session,
                raw,
                source_prefix=source or file_format,
                snapshot=snapshot,
                guard=SnapshotGuard(
                    force=force_close,
                    min_share=extensions.settings().snapshot_min_percent / 100,
                ),
            )
    except PayloadError as exc:
        raise click.ClickException(f"{path}: {exc}") from None
    click.echo(
        f"accepted {report.accepted} (created {report.created}, updated {report.updated}, "
        f"unchanged {report.unchanged}), closed {report.closed}, rejected {len(report.rejected)}"
    )
    if report.closing_withheld:
        click.echo(f"snapshot: {report.closing_withheld}", err=True)
    for error in report.rejected:
        click.echo(f"  line {error.line} id={error.external_id}: {error.reason}", err=True)


@cli.command("promote-unemployed")
@with_appcontext
def promote_unemployed_command() -> None:
    """Give unemployed status to job seekers whose search window has closed (run daily)."""
    from app.services.registration import promote_due_job_seekers

    with extensions.database().session() as session:
        promoted = promote_due_job_seekers(session, date.today())
    click.echo(f"{len(promoted)} job seekers registered as unemployed")


@cli.command("purge-retained")
@with_appcontext
def purge_retained_command() -> None:
    """Delete the centre records of deleted accounts whose retention period has ended (daily)."""
    from app.services.seeker_accounts import purge_expired_records

    with extensions.database().session() as session:
        purged = purge_expired_records(session, date.today())
    click.echo(f"{purged} kept records past their retention period deleted")


cli.add_command(token_group)
cli.add_command(alerts_command)
for _command in SEARCH_COMMANDS:
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="zhumys")
