"""Bearer tokens: issued for e-mail and password (once), revoked, and created from the CLI."""

from __future__ import annotations

import hashlib

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.cli import cli
from app.models import ApiToken
from tests.api.conftest import World


def test_token_for_password_then_revoke(app: Flask, client: FlaskClient, world: World) -> None:
    body = {"email": "Seeker@example.kz", "password": "correct horse", "name": "phone"}
    response = client.post("/api/v1/auth/tokens", json=body)
    assert response.status_code == 201
    secret = response.get_json()["token"]
    assert response.get_json()["prefix"] == secret[:10]
    with extensions.database(app).session() as session:
        stored = session.execute(select(ApiToken).where(ApiToken.name == "phone")).scalar_one()
        assert stored.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/vacancies", headers=headers).status_code == 200
    assert client.delete("/api/v1/auth/tokens/current", headers=headers).status_code == 204
    assert client.get("/api/v1/vacancies", headers=headers).status_code == 401


def test_wrong_credentials_are_401(client: FlaskClient, world: World) -> None:
    for email, password in (("seeker@example.kz", "wrong pass"), ("nobody@x.kz", "whatever1")):
        response = client.post("/api/v1/auth/tokens", json={"email": email, "password": password})
        assert response.status_code == 401
        assert response.mimetype == "application/problem+json"
    response = client.post("/api/v1/auth/tokens", json={"email": "seeker@example.kz"})
    assert response.status_code == 422 and response.get_json()["errors"][0]["field"] == "password"


def test_cli_creates_a_token(app: Flask, world: World) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(cli, ["token", "create", "--email", "staff@example.kz", "--name", "bot"])
    assert result.exit_code == 0, result.output
    secret = result.output.strip()
    client = app.test_client()
    response = client.get("/api/v1/vacancies", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200
    missing = runner.invoke(cli, ["token", "create", "--email", "ghost@example.kz"])
    assert missing.exit_code != 0
