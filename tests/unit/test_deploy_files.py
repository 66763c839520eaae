"""docker-compose.yml, the Dockerfile and .ci/run cannot run here; check they are consistent."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from app.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_compose_has_the_production_services() -> None:
    services = _compose()["services"]
    assert {"app", "worker", "postgres", "redis", "elasticsearch"} <= set(services)
    for name, service in services.items():
        assert "image" in service or "build" in service, name
    assert services["elasticsearch"]["image"].split(":")[-1].startswith("8.")


def test_compose_commands_exist() -> None:
    for name, service in _compose()["services"].items():
        if "build" not in service:
            continue
        command = service["command"]
        if command[0] == "zhumys":
            assert command[1] in cli.commands, f"{name}: no such CLI command {command[1]!r}"
        else:
            assert command[0] == "gunicorn", name
            assert command[-1] == "app:create_app()"


def test_compose_app_services_share_the_configuration() -> None:
    services = _compose()["services"]
    envs = [services[n]["environment"] for n in ("app", "worker", "migrate")]
    assert envs[0] == envs[1] == envs[2]
    assert envs[0]["SEARCH_BACKEND"] == "elasticsearch"
    assert envs[0]["ES_URL"].startswith("http://elasticsearch:")
    assert envs[0]["REDIS_URL"].startswith("redis://redis:")


def test_dockerfile_copies_what_exists() -> None:
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        match = re.match(r"COPY (\S+) ", line)
        if match:
            for source in line.split()[1:-1]:
                assert (ROOT / source).exists(), source


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in ci
    assert "bash scripts/test.sh" in readme
    assert "bash scripts/run-demo.sh" in readme
