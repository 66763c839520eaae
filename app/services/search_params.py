"""The public search page's query parameters: validated (unknown keys rejected, the field named),
turned into the index query the way the search page builds it, and back into a ``/search`` link.
Saved searches store these parameters; the API's saved-search resource validates with them."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Locality
from app.services.errors import FieldError
from indexer import Filters, GeoFilter, SearchQuery, Sort
from indexer.documents import EMPLOYMENT_TYPES, EXPERIENCES, KINDS, SCHEDULES
from indexer.query import MAX_RADIUS_KM

MAX_TEXT = 200
MAX_SALARY = 100_000_000
DAYS = (1, 3, 7, 30)

# Multi-choice parameters and the values each allows.
CHOICES: dict[str, frozenset[str]] = {
    "kind": KINDS,
    "schedule": SCHEDULES,
    "employment": EMPLOYMENT_TYPES,
    "experience": EXPERIENCES,
}
CODES = ("region", "locality", "near")  # KATO codes
# Every parameter a saved search may hold (the search page's query string, less ``page``).
PARAMS = frozenset(
    {
        "q",
        *CODES,
        "occupation",
        *CHOICES,
        "salary_min",
        "with_salary",
        "days",
        "lat",
        "lon",
        "radius_km",
        "sort",
    }
)
ALIASES = {"salary_from": "salary_min"}  # the name used by the API's vacancy objects

ParamValue = str | int | float | bool | list[str]
Params = dict[str, ParamValue]


def _field(name: str) -> str:
    return f"params.{name}"


def _number(name: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool):
        raise FieldError(_field(name), "must be a number")
    if isinstance(value, str):
        value = value.strip().replace(",", ".").replace(" ", "").replace("\u00a0", "")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise FieldError(_field(name), "must be a number") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise FieldError(_field(name), f"must be from {low:g} to {high:g}")
    return number


def _text(name: str, value: Any, max_length: int) -> str:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise FieldError(_field(name), "must be a string")
    text = " ".join(str(value).split())
    if len(text) > max_length:
        raise FieldError(_field(name), f"must be at most {max_length} characters")
    return text


def _choices(name: str, value: Any) -> list[str]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise FieldError(_field(name), "must be a string or a list of strings")
    allowed = CHOICES[name]
    out: list[str] = []
    for item in values:
        if item not in allowed:
            raise FieldError(_field(name), f"{item!r} is not one of {', '.join(sorted(allowed))}")
        if item not in out:
            out.append(item)
    return out


def _flag(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "on", "true", "yes"):
        return True
    if text in ("0", "off", "false", "no"):
        return False
    raise FieldError(_field(name), "must be true or false")


def _one(name: str, value: Any) -> ParamValue | None:
    """One parameter cleaned; ``None`` when it is empty (it is then not stored)."""
    if name in CHOICES:
        return _choices(name, value) or None
    if isinstance(value, list):
        if len(value) > 1:
            raise FieldError(_field(name), "give one value")
        value = value[0] if value else ""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if name == "q":
        return _text(name, value, MAX_TEXT) or None
    if name in CODES:
        code = _text(name, value, 12)
        if not code.isdigit():
            raise FieldError(_field(name), "must be a KATO code (digits)")
        return code
    if name == "occupation":
        code = _text(name, value, 4)
        if not code.isdigit():
            raise FieldError(_field(name), "must be an ISCO-08 code (1-4 digits)")
        return code
    if name == "salary_min":
        return int(_number(name, value, 0, MAX_SALARY))
    if name == "with_salary":
        return _flag(name, value) or None
    if name == "days":
        days = _number(name, value, 1, 30)
        if days not in DAYS:
            raise FieldError(_field(name), f"must be one of {', '.join(map(str, DAYS))}")
        return int(days)
    if name == "lat":
        return _number(name, value, -90, 90)
    if name == "lon":
        return _number(name, value, -180, 180)
    if name == "radius_km":
        return _number(name, value, 0.1, MAX_RADIUS_KM)
    sort = _text(name, value, 16)
    if sort not in {s.value for s in Sort}:
        raise FieldError(_field(name), f"must be one of {', '.join(s.value for s in Sort)}")
    return sort


def clean_params(params: Mapping[str, Any]) -> Params:
    """Validate search parameters; raise ``FieldError`` naming ``params.<key>`` on the first
    problem (unknown keys included). Empty values are dropped."""
    if not isinstance(params, Mapping):
        raise FieldError("params", "must be an object of search parameters")
    out: Params = {}
    for key, value in params.items():
        name = ALIASES.get(key, key)
        if name not in PARAMS:
            raise FieldError(_field(str(key)), "unknown search parameter")
        cleaned = _one(name, value)
        if cleaned is not None:
            out[name] = cleaned
    if ("lat" in out) != ("lon" in out):
        raise FieldError(_field("lon" if "lat" in out else "lat"), "give both lat and lon")
    has_place = "lat" in out or "near" in out
    if "radius_km" in out and not has_place:
        raise FieldError(_field("radius_km"), "needs a place (near, or lat and lon)")
    if out.get("sort") == Sort.DISTANCE.value and not has_place:
        raise FieldError(_field("sort"), "distance sorting needs a place (near, or lat and lon)")
    return out


def _strings(params: Mapping[str, Any], name: str) -> tuple[str, ...]:
    value = params.get(name)
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def search_query_from_params(
    params: Mapping[str, Any],
    *,
    place: tuple[float, float] | None = None,
    now: datetime | None = None,
    published_since: datetime | None = None,
    limit: int = 20,
    offset: int = 0,
    facets: tuple[str, ...] = (),
) -> SearchQuery:
    """The index query for cleaned ``params``, built as the search page builds it. ``place`` is
    the point of ``near`` (a locality's coordinates, looked up by the caller); otherwise
    ``lat``/``lon`` are used. ``published_since`` narrows further (the later of it and ``days``)."""
    now = now or datetime.now(UTC)
    salary_min = params.get("salary_min")
    if params.get("with_salary") and salary_min is None:
        salary_min = 0
    since = now - timedelta(days=int(params["days"])) if params.get("days") else None
    if published_since is not None:
        since = published_since if since is None else max(since, published_since)
    occupation = params.get("occupation")
    filters = Filters(
        region_katos=_strings(params, "region"),
        locality_katos=_strings(params, "locality"),
        occupation_codes=(str(occupation),) if occupation else (),
        kinds=_strings(params, "kind"),
        schedules=_strings(params, "schedule"),
        employment_types=_strings(params, "employment"),
        experiences=_strings(params, "experience"),
        salary_min=None if salary_min is None else int(salary_min),
        published_since=since,
    )
    if place is None and params.get("lat") is not None and params.get("lon") is not None:
        place = (float(params["lat"]), float(params["lon"]))
    radius = params.get("radius_km")
    geo = None
    if place is not None:
        geo = GeoFilter(place[0], place[1], None if radius is None else float(radius))
    sort = Sort(params.get("sort") or Sort.RELEVANCE.value)
    if sort is Sort.DISTANCE and geo is None:
        sort = Sort.RELEVANCE
    return SearchQuery(
        text=str(params.get("q") or ""),
        filters=filters,
        geo=geo,
        sort=sort,
        facets=facets,
        limit=limit,
        offset=offset,
    )


def place_of(session: Session, params: Mapping[str, Any]) -> tuple[float, float] | None:
    """The coordinates of ``near`` (a locality's KATO), if it names a locality with some."""
    near = params.get("near")
    if not near:
        return None
    row = session.execute(
        select(Locality.lat, Locality.lon).where(Locality.kato == str(near))
    ).first()
    if row is None or row.lat is None or row.lon is None:
        return None
    return float(row.lat), float(row.lon)


def search_url(params: Mapping[str, Any]) -> str:
    """The public search page's address for these parameters."""
    pairs: list[tuple[str, str]] = []
    for name in sorted(params):
        value = params[name]
        if isinstance(value, list):
            pairs.extend((name, str(v)) for v in value)
        elif isinstance(value, bool):
            if value:
                pairs.append((name, "1"))
        elif isinstance(value, float):
            pairs.append((name, f"{value:g}"))
        else:
            pairs.append((name, str(value)))
    return "/search" + ("?" + urlencode(pairs) if pairs else "")
