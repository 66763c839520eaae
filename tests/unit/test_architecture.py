"""Dependencies point one way: app → indexer → matching; nothing imports the web layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FORBIDDEN = {
    "matching": {
        "app",
        "indexer",
        "flask",
        "sqlalchemy",
        "elasticsearch",
        "tantivy",
        "redis",
        "rq",
    },
    "indexer": {"app", "flask", "sqlalchemy", "redis", "rq"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_upwards(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("layer", ["app/web", "app/api"])
def test_web_and_api_reach_the_index_through_app_search(layer: str) -> None:
    """One read path: pages and the API ask ``app.search`` (``find_vacancies`` and the
    services), never the engine package directly."""
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imports(path) & {"indexer"})
        for path in (ROOT / layer).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_nothing_outside_the_web_layer_imports_it() -> None:
    offenders = []
    for path in (ROOT / "app").rglob("*.py"):
        if "web" in path.relative_to(ROOT / "app").parts or path.name in {"__init__.py", "cli.py"}:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app.web"):
                offenders.append(str(path))
    assert offenders == []
