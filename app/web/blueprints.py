"""Every page blueprint, in one list the factory registers (one line per area)."""

from __future__ import annotations

from flask import Blueprint


def page_blueprints() -> list[Blueprint]:
    from app.web import auth, health, home, search

    return [health.bp, auth.bp, home.bp, search.bp]
