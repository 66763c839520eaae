"""Vacancy search parameters: the one cleaner for every way a search is asked for.

The search page's query string, a saved search's stored ``params`` and the API's vacancy search
are all read here, one name at a time, into cleaned values (``Params``). Two ways to report a
problem, one rule set:

- ``clean_params`` (saved searches, the API) raises ``ParamError`` on the first problem; it is a
  ``FieldError``, so the API answers 422 naming the field;
- ``read_params`` (the search page) keeps going: values outside a closed list (``kind=pirate``,
  from an old link) are dropped silently, and numbers that do not parse are collected per field
  so the page shows them beside the field while the search runs without them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from app.services.errors import FieldError
from indexer import Sort
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
# Problems the page drops without a word (a stale link), rather than showing beside a field.
SILENT = frozenset({"choice", "code", "sort", "days", "flag", "text"})

ParamValue = str | int | float | bool | list[str]
Params = dict[str, ParamValue]


class ParamError(FieldError):
    """A parameter that cannot be used. ``kind`` says what is wrong (for the page's wording):
    ``number``, ``range`` (``low``/``high`` set), ``pair``, ``needs_place``, or one of
    ``SILENT``."""

    def __init__(
        self,
        name: str,
        message: str,
        kind: str,
        *,
        prefix: str = "",
        low: float | None = None,
        high: float | None = None,
    ) -> None:
        super().__init__(prefix + name, message)
        self.name = name
        self.kind = kind
        self.low = low
        self.high = high


def _number(name: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool):
        raise ParamError(name, "must be a number", "number")
    if isinstance(value, str):
        value = value.strip().replace(",", ".").replace(" ", "").replace("\u00a0", "")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ParamError(name, "must be a number", "number") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise ParamError(name, f"must be from {low:g} to {high:g}", "range", low=low, high=high)
    return number


def _text(name: str, value: Any, max_length: int) -> str:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ParamError(name, "must be a string", "text")
    text = " ".join(str(value).split())
    if len(text) > max_length:
        raise ParamError(name, f"must be at most {max_length} characters", "text")
    return text


def _choices(name: str, value: Any, lenient: bool) -> list[str]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise ParamError(name, "must be a string or a list of strings", "choice")
    allowed = CHOICES[name]
    out: list[str] = []
    for item in values:
        if item not in allowed:
            if lenient:
                continue
            raise ParamError(name, f"{item!r} is not one of {', '.join(sorted(allowed))}", "choice")
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
    raise ParamError(name, "must be true or false", "flag")


def _one(name: str, value: Any, lenient: bool) -> ParamValue | None:
    """One parameter cleaned; ``None`` when it is empty (it is then not stored)."""
    if name in CHOICES:
        return _choices(name, value, lenient) or None
    if isinstance(value, list | tuple):
        if len(value) > 1 and not lenient:
            raise ParamError(name, "give one value", "text")
        value = value[0] if value else ""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if name == "q":
        if lenient and isinstance(value, str):
            return " ".join(value.split())[:MAX_TEXT] or None
        return _text(name, value, MAX_TEXT) or None
    if name in CODES:
        code = _text(name, value, 12)
        if not code.isdigit():
            raise ParamError(name, "must be a KATO code (digits)", "code")
        return code
    if name == "occupation":
        code = _text(name, value, 4)
        if not code.isdigit():
            raise ParamError(name, "must be an ISCO-08 code (1-4 digits)", "code")
        return code
    if name == "salary_min":
        return int(_number(name, value, 0, MAX_SALARY))
    if name == "with_salary":
        return _flag(name, value) or None
    if name == "days":
        try:
            days = _number(name, value, 1, 30)
        except ParamError as exc:
            raise ParamError(name, exc.message, "days") from None
        if days not in DAYS:
            raise ParamError(name, f"must be one of {', '.join(map(str, DAYS))}", "days")
        return int(days)
    if name == "lat":
        return _number(name, value, -90, 90)
    if name == "lon":
        return _number(name, value, -180, 180)
    if name == "radius_km":
        return _number(name, value, 0.1, MAX_RADIUS_KM)
    sort = _text(name, value, 16)
    if sort not in {s.value for s in Sort}:
        raise ParamError(name, f"must be one of {', '.join(s.value for s in Sort)}", "sort")
    return sort


def _check_place(out: Params) -> list[ParamError]:
    """The rules between parameters: a point needs both coordinates; a radius and distance
    sorting need a point (``near``, or ``lat`` and ``lon``)."""
    problems: list[ParamError] = []
    if ("lat" in out) != ("lon" in out):
        name = "lon" if "lat" in out else "lat"
        problems.append(ParamError(name, "give both lat and lon", "pair"))
        out.pop("lat", None)
        out.pop("lon", None)
    has_place = "lat" in out or "near" in out
    if "radius_km" in out and not has_place:
        problems.append(
            ParamError("radius_km", "needs a place (near, or lat and lon)", "needs_place")
        )
        del out["radius_km"]
    if out.get("sort") == Sort.DISTANCE.value and not has_place:
        problems.append(
            ParamError("sort", "distance sorting needs a place (near, or lat and lon)", "sort")
        )
        del out["sort"]
    return problems


def _items(params: Mapping[str, Any]) -> list[tuple[str, Any]]:
    getlist = getattr(params, "getlist", None)  # a query string (MultiDict): every value
    if getlist is not None:
        return [(key, getlist(key)) for key in params]
    return list(params.items())


def _clean(
    params: Mapping[str, Any], *, lenient: bool, ignore: frozenset[str] = frozenset()
) -> tuple[Params, list[ParamError]]:
    out: Params = {}
    problems: list[ParamError] = []
    for key, value in _items(params):
        if key in ignore:
            continue
        name = ALIASES.get(key, key)
        if name not in PARAMS:
            if lenient:
                continue
            raise ParamError(str(key), "unknown search parameter", "unknown")
        try:
            cleaned = _one(name, value, lenient)
        except ParamError as exc:
            if not lenient:
                raise
            problems.append(exc)
            continue
        if cleaned is not None:
            out[name] = cleaned
    problems += _check_place(out)
    return out, problems


def clean_params(params: Mapping[str, Any], prefix: str = "params.") -> Params:
    """Validate search parameters; raise ``ParamError`` naming ``<prefix><key>`` on the first
    problem (unknown keys included). Empty values are dropped."""
    if not isinstance(params, Mapping):
        raise FieldError(prefix.rstrip(".") or "params", "must be an object of search parameters")
    try:
        out, problems = _clean(params, lenient=False)
        if problems:
            raise problems[0]
    except ParamError as exc:
        raise ParamError(
            exc.name, exc.message, exc.kind, prefix=prefix, low=exc.low, high=exc.high
        ) from None
    return out


def read_params(
    params: Mapping[str, Any], ignore: frozenset[str] = frozenset()
) -> tuple[Params, dict[str, ParamError]]:
    """The page's reading: what can be used, and the problems worth showing, by field."""
    out, problems = _clean(params, lenient=True, ignore=ignore)
    shown = {p.name: p for p in problems if p.kind not in SILENT}
    return out, shown


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
