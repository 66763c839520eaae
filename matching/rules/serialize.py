"""Rule versions as JSON-ready dicts, so staff-edited versions can be stored and reloaded.

Dates are ISO strings, sets are sorted lists, schedules are lists of dicts. Keys missing from a
stored dict take the current defaults, so adding a parameter does not break old records.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

from matching.rules.params import DatedAmount, PensionAge, RuleBook, RuleParams


def params_to_dict(params: RuleParams) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(params):
        value = getattr(params, f.name)
        if isinstance(value, date):
            out[f.name] = value.isoformat()
        elif isinstance(value, frozenset):
            out[f.name] = sorted(value)
        elif f.name == "pension_ages":
            out[f.name] = [
                {
                    "effective_from": e.effective_from.isoformat(),
                    "men_months": e.men_months,
                    "women_months": e.women_months,
                }
                for e in value
            ]
        elif f.name in ("minimum_wages", "mrp_values"):
            out[f.name] = [
                {"effective_from": e.effective_from.isoformat(), "amount": e.amount} for e in value
            ]
        elif isinstance(value, tuple):
            out[f.name] = list(value)
        else:
            out[f.name] = value
    return out


def params_from_dict(data: dict[str, Any]) -> RuleParams:
    known = {f.name: f for f in fields(RuleParams)}
    unknown = set(data) - set(known)
    if unknown:
        raise ValueError(f"unknown rule parameters: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for name, value in data.items():
        if name == "effective_from":
            values[name] = date.fromisoformat(value)
        elif name == "pension_ages":
            values[name] = tuple(
                PensionAge(
                    date.fromisoformat(e["effective_from"]), e["men_months"], e["women_months"]
                )
                for e in value
            )
        elif name in ("minimum_wages", "mrp_values"):
            values[name] = tuple(
                DatedAmount(date.fromisoformat(e["effective_from"]), e["amount"]) for e in value
            )
        elif name in (
            "youth_practice_levels",
            "summer_holiday_months",
            "suitable_consent_schedules",
        ):
            values[name] = frozenset(value)
        elif name in (
            "suitable_no_qualification_prefixes",
            "housing_mrp_urban",
            "housing_mrp_rural",
        ):
            values[name] = tuple(value)
        else:
            values[name] = value
    return RuleParams(**values)


def rulebook_to_list(book: RuleBook) -> list[dict[str, Any]]:
    return [params_to_dict(v) for v in book.versions]


def rulebook_from_list(data: list[dict[str, Any]]) -> RuleBook:
    return RuleBook(params_from_dict(d) for d in data)
