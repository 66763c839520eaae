"""The centre dashboard: programme figures for a period, as charts, tables and CSV.

Staff see their own centre only; the admin sees everything and may narrow it to a region.
Only aggregates are shown, never a person.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask.wrappers import Response
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db_session
from app.models import Centre, Region, Role
from app.services.figures import AGE_GROUPS, Scope, compute
from app.web.access import current_user, roles_required
from app.web.dashboard_tables import FIGURE_NAMES, build_tables
from app.web.i18n import current_language
from app.web.locale_format import csv_delimiter, sorted_by_name, spreadsheet_number

bp = Blueprint("dashboard", __name__)


def today() -> date:
    """The service day (tests replace it to freeze time)."""
    return date.today()


@dataclass
class Filters:
    scope: Scope
    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    centre: Centre | None = None


def _date(name: str, default: date, filters: dict[str, str], errors: dict[str, str]) -> date:
    raw = request.args.get(name, "").strip()
    filters[name] = raw or default.isoformat()
    if not raw:
        return default
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors[name] = _("Enter a date as YYYY-MM-DD.")
        return default


def read_filters() -> Filters:
    """The period and the region from the query string; staff are held to their centre."""
    user = current_user()
    assert user is not None
    session = db_session()
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    day = today()
    date_from = _date("from", date(day.year, 1, 1), values, errors)
    date_to = _date("to", day, values, errors)
    if "from" not in errors and "to" not in errors and date_from > date_to:
        errors["to"] = _("The end of the period must not be before its start.")
        date_from, date_to = date(day.year, 1, 1), day
    centre = None
    region_id = None
    if user.role is Role.STAFF:
        if user.centre_id is None:
            abort(403)
        centre = session.get(Centre, user.centre_id)
    else:
        raw = request.args.get("region", "").strip()
        values["region"] = raw
        if raw:
            region_id = session.execute(
                select(Region.id).where(Region.kato == raw)
            ).scalar_one_or_none()
            if region_id is None:
                errors["region"] = _("Unknown region.")
    scope = Scope(date_from, date_to, user.centre_id if centre else None, region_id)
    return Filters(scope, values, errors, centre)


@bp.get("/dashboard")
@roles_required(Role.STAFF, Role.ADMIN)
def index() -> ResponseReturnValue:
    filters = read_filters()
    session = db_session()
    figures = compute(session, filters.scope, today=today())
    lang = current_language()
    regions = sorted_by_name(list(session.scalars(select(Region))), lambda r: r.name(lang))
    page = render_template(
        "dashboard/index.html",
        filters=filters,
        tables=build_tables(session, figures),
        regions=regions,
        age_groups=[label for label, _low, _high in AGE_GROUPS],
        export_query=request.query_string.decode("ascii", "replace"),
    )
    return page, 422 if filters.errors else 200


@bp.get("/dashboard/export/<figure>.csv")
@roles_required(Role.STAFF, Role.ADMIN)
def export(figure: str) -> ResponseReturnValue:
    if figure not in FIGURE_NAMES:
        abort(404)
    filters = read_filters()
    if filters.errors:
        return Response(
            "\n".join(f"{k}: {v}" for k, v in filters.errors.items()),
            status=422,
            mimetype="text/plain",
        )
    session = db_session()
    table = build_tables(session, compute(session, filters.scope, today=today()))[figure]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=csv_delimiter())
    writer.writerow(table.value_columns)
    writer.writerows(
        [cell if isinstance(cell, str) else spreadsheet_number(cell) for cell in row]
        for row in table.values
    )
    scope = filters.scope
    filename = f"{figure}_{scope.date_from.isoformat()}_{scope.date_to.isoformat()}.csv"
    return Response(
        "\ufeff" + out.getvalue(),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )
