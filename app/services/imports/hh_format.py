"""Parse vacancies in the hh.ru API format into ``VacancyInput`` rows.

Accepted containers: a search page (``{"items": [...]}``), a JSON array of items, or JSON lines.
Each item is parsed on its own: a broken item becomes a ``RowError`` and never stops the batch.
Fields follow the public hh.ru API (``name``, ``area``, ``salary``, ``snippet``, ``description``,
``schedule``, ``employment``, ``experience``, ``address`` with ``lat``/``lng``, ``employer``,
``professional_roles``, ``key_skills``, ``published_at``, ``archived``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.services.vacancies import VacancyInput

MAX_PAYLOAD_BYTES = 50 * 1024 * 1024

SCHEDULES = {
    "fullDay": "full_day",
    "shift": "shift",
    "flexible": "flexible",
    "remote": "remote",
    "flyInFlyOut": "rotation",
}
EMPLOYMENT = {
    "full": "full",
    "part": "part",
    "project": "project",
    "probation": "internship",
    "volunteer": "temporary",
}
EXPERIENCE = {
    "noExperience": "none",
    "between1And3": "1_3",
    "between3And6": "3_6",
    "moreThan6": "6_plus",
}


def N_(message: str) -> str:
    """Marks a message for the catalogues where it is written; it is translated where shown."""
    return message


class PayloadError(ValueError):
    """The file as a whole cannot be read (encoding, size, not JSON).

    ``str()`` is the English message (CLI, API); ``localized()`` is the same message in the
    reader's language (the admin page), so no half-English error reaches a Kazakh or Russian page.
    """

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params

    def localized(self) -> str:
        from flask_babel import gettext

        return gettext(self.message, **self.params)


def too_large() -> PayloadError:
    return PayloadError(N_("file is larger than %(mb)d MB"), mb=MAX_PAYLOAD_BYTES // (1024 * 1024))


@dataclass
class ParsedItem:
    line: int
    external_id: str
    employer_name: str
    data: VacancyInput
    area_name: str | None
    published_at: datetime | None
    archived: bool
    roles: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class RowError:
    line: int
    external_id: str | None
    reason: str


def decode_payload(raw: bytes) -> str:
    if len(raw) > MAX_PAYLOAD_BYTES:
        raise too_large()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PayloadError(
            N_("file is not UTF-8 (byte %(byte)d); re-save it as UTF-8 and import again"),
            byte=exc.start,
        ) from None


def iter_items(text: str) -> Iterator[tuple[int, Any]]:
    """(position, raw item) pairs; a JSON-lines line that is not JSON yields an Exception."""
    stripped = text.lstrip()
    if not stripped:
        raise PayloadError(N_("file is empty"))
    if stripped[0] in "[{":
        try:
            document = json.loads(stripped)
        except json.JSONDecodeError:
            document = None
        except RecursionError:
            raise PayloadError("the JSON is nested too deeply") from None
        if isinstance(document, dict) and isinstance(document.get("items"), list):
            yield from enumerate(document["items"], start=1)
            return
        if isinstance(document, list):
            yield from enumerate(document, start=1)
            return
        if isinstance(document, dict):
            yield 1, document
            return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, ValueError(f"not valid JSON: {exc.msg}")
        except RecursionError:
            yield number, ValueError("not valid JSON: nested too deeply")


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    return None


def _id(value: Any) -> str | None:
    if isinstance(value, dict) and value.get("id") is not None:
        return str(value["id"])
    return None


def _salary(item: dict[str, Any], warnings: list[str]) -> dict[str, Any]:
    salary = item.get("salary")
    if not isinstance(salary, dict):
        return {}
    currency = salary.get("currency") or "KZT"
    if currency != "KZT":
        warnings.append(f"salary in {currency} not imported (tenge only)")
        return {}
    out = {}
    for key in ("from", "to"):
        value = salary.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"salary.{key}: not a number")
        out[f"salary_{key}"] = int(value)
    return out


def _description(item: dict[str, Any]) -> str:
    description = item.get("description")
    if isinstance(description, str) and description.strip():
        return description
    snippet = item.get("snippet")
    if not isinstance(snippet, dict):
        return ""
    parts = [snippet.get("responsibility"), snippet.get("requirement")]
    return "\n".join(p for p in parts if isinstance(p, str) and p)


def _mapped(
    item: dict[str, Any], key: str, table: dict[str, str], warnings: list[str]
) -> str | None:
    raw = _id(item.get(key))
    if raw is None:
        return None
    if raw not in table:
        warnings.append(f"{key} {raw!r} not recognised; default used")
        return None
    return table[raw]


def _published(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return datetime.fromisoformat(value)


def parse_item(line: int, item: Any) -> ParsedItem | RowError:
    if isinstance(item, Exception):
        return RowError(line, None, str(item))
    if not isinstance(item, dict):
        return RowError(line, None, "item is not a JSON object")
    external_id = item.get("id")
    if external_id is None or not str(external_id).strip():
        return RowError(line, None, "id: missing")
    external_id = str(external_id).strip()[:255]
    title = item.get("name")
    if not isinstance(title, str) or not title.strip():
        return RowError(line, external_id, "name: missing")
    employer = _name(item.get("employer"))
    if not employer:
        return RowError(line, external_id, "employer.name: missing")
    warnings: list[str] = []
    try:
        values: dict[str, Any] = {"title": title, "description": _description(item)}
        values.update(_salary(item, warnings))
        for key, table, target in (
            ("schedule", SCHEDULES, "schedule"),
            ("employment", EMPLOYMENT, "employment_type"),
            ("experience", EXPERIENCE, "experience"),
        ):
            mapped = _mapped(item, key, table, warnings)
            if mapped is not None:
                values[target] = mapped
        address = item.get("address")
        if not isinstance(address, dict):
            address = {}
        if address.get("lat") is not None and address.get("lng") is not None:
            values["lat"], values["lon"] = float(address["lat"]), float(address["lng"])
        if isinstance(address.get("raw"), str):
            values["address"] = address["raw"]
        skills = item.get("key_skills")
        if isinstance(skills, list):
            values["skills"] = [s["name"] for s in skills if isinstance(s, dict) and "name" in s]
        if isinstance(item.get("alternate_url"), str):
            values["source_url"] = item["alternate_url"]
        published_at = _published(item.get("published_at"))
    except (TypeError, ValueError, OverflowError) as exc:
        return RowError(line, external_id, str(exc))
    raw_roles = item.get("professional_roles")
    roles = [r for r in map(_name, raw_roles) if r] if isinstance(raw_roles, list) else []
    return ParsedItem(
        line=line,
        external_id=external_id,
        employer_name=employer.strip()[:255],
        data=VacancyInput.of(**values),
        area_name=_name(item.get("area")),
        published_at=published_at,
        archived=bool(item.get("archived")),
        roles=roles,
        warnings=warnings,
    )
