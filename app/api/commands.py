"""``zhumys token create``: a bearer token for an existing user, printed once."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from app import extensions
from app.api.auth import issue_token
from app.models import User


@click.group("token")
def token_group() -> None:
    """API bearer tokens."""


@token_group.command("create")
@click.option("--email", required=True)
@click.option("--name", default="cli", show_default=True)
@with_appcontext
def create_token_command(email: str, name: str) -> None:
    """Create a token for the user with EMAIL; the secret is shown only now."""
    with extensions.database().session() as session:
        user = session.execute(
            select(User).where(User.email == email.strip().lower())
        ).scalar_one_or_none()
        if user is None or not user.is_active:
            raise click.BadParameter(f"no active user {email!r}", param_hint="--email")
        issued = issue_token(session, user, name)
        secret = issued.secret
    click.echo(secret)
