"""Load the reference data shipped in ``app/data`` (geography, occupations, holidays).

Loading is idempotent: rows are matched on their natural key (KATO code, ISCO code, date)
and updated in place, so a new release of the data files can be applied to a live database.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CalendarDay, HolidayKind, Locality, Occupation, Region, RegionKind
from matching.calendar import kazakhstan_holidays


@dataclass
class LoadReport:
    regions: int = 0
    localities: int = 0
    occupations: int = 0
    calendar_days: int = 0


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("app.data").joinpath(name).read_text(encoding="utf-8")
    yield from csv.DictReader(io.StringIO(text, newline=""))


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _upsert(
    session: Session, model: type[Any], key: str, value: Any, fields: dict[str, Any]
) -> None:
    obj = session.execute(select(model).where(getattr(model, key) == value)).scalar_one_or_none()
    if obj is None:
        session.add(model(**{key: value}, **fields))
    else:
        for name, field_value in fields.items():
            setattr(obj, name, field_value)


def load_geography(session: Session) -> tuple[int, int]:
    regions = 0
    for row in _rows("regions.csv"):
        _upsert(
            session,
            Region,
            "kato",
            row["kato"],
            {
                "name_kk": row["name_kk"],
                "name_ru": row["name_ru"],
                "name_en": row["name_en"],
                "kind": RegionKind(row["kind"]),
                "centre_kk": row["centre_kk"],
                "centre_ru": row["centre_ru"],
                "lat": float(row["lat"]),
                "lon": float(row["lon"]),
            },
        )
        regions += 1
    session.flush()
    region_ids = {kato: id_ for kato, id_ in session.execute(select(Region.kato, Region.id))}
    localities = 0
    for row in _rows("localities.csv"):
        _upsert(
            session,
            Locality,
            "kato",
            row["kato"],
            {
                "region_id": region_ids[row["region_kato"]],
                "district_kk": row["district_kk"] or None,
                "district_ru": row["district_ru"] or None,
                "name_kk": row["name_kk"],
                "name_ru": row["name_ru"],
                "name_en": row["name_en"],
                "lat": float(row["lat"]),
                "lon": float(row["lon"]),
                "is_urban": row["is_urban"] == "1",
                "is_region_centre": row["is_region_centre"] == "1",
            },
        )
        localities += 1
    session.flush()
    return regions, localities


def load_occupations(session: Session) -> int:
    rows = sorted(_rows("occupations.csv"), key=lambda r: (int(r["level"]), r["code"]))
    for row in rows:
        _upsert(
            session,
            Occupation,
            "code",
            row["code"],
            {
                "level": int(row["level"]),
                "parent_code": row["parent_code"] or None,
                "name_en": row["name_en"],
                "name_ru": row["name_ru"],
                "name_kk": row["name_kk"],
                "synonyms_ru": _split(row["synonyms_ru"]),
                "synonyms_kk": _split(row["synonyms_kk"]),
                "synonyms_en": _split(row["synonyms_en"]),
            },
        )
        if int(row["level"]) < 4:
            session.flush()
    session.flush()
    return len(rows)


def load_calendar(session: Session, first_year: int, last_year: int) -> int:
    """Seed public holidays; days staff already edited are left as they are."""
    existing = set(session.execute(select(CalendarDay.day)).scalars())
    added = 0
    for year in range(first_year, last_year + 1):
        for holiday in kazakhstan_holidays(year):
            if holiday.kind not in {k.value for k in HolidayKind} or holiday.date in existing:
                continue
            session.add(
                CalendarDay(
                    day=holiday.date,
                    kind=HolidayKind(holiday.kind),
                    name_kk=holiday.name_kk,
                    name_ru=holiday.name_ru,
                )
            )
            existing.add(holiday.date)
            added += 1
    session.flush()
    return added


def load_all(session: Session, today: date | None = None) -> LoadReport:
    year = (today or date.today()).year
    regions, localities = load_geography(session)
    return LoadReport(
        regions=regions,
        localities=localities,
        occupations=load_occupations(session),
        calendar_days=load_calendar(session, year - 2, year + 2),
    )
