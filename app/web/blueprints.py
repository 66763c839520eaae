"""Every page blueprint, in one list the factory registers (one line per area)."""

from __future__ import annotations

from flask import Blueprint


def page_blueprints() -> list[Blueprint]:
    from app.web import (
        admin,
        auth,
        dashboard,
        desk_clients,
        desk_work,
        employer,
        health,
        home,
        measures,
        public,
        search,
        seeker,
    )

    return [
        health.bp,
        auth.bp,
        home.bp,
        search.bp,
        *public.BLUEPRINTS,
        desk_clients.bp,
        desk_work.bp,
        measures.bp,
        employer.bp,
        dashboard.bp,
        admin.bp,
        seeker.bp,
    ]
