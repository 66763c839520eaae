"""Apply parsed import rows to the database, idempotently, with a report of what happened."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from app.models import Employer, Locality, Vacancy, VacancySource, VacancyStatus
from app.services.errors import ValidationFailed
from app.services.imports.hh_format import (
    ParsedItem,
    RowError,
    decode_payload,
    iter_items,
    parse_item,
)
from app.services.imports.snapshot import GUARDED, SnapshotGuard, close_missing
from app.services.occupations import occupation_classifier
from app.services.vacancies import VacancyInput, apply_input, close_vacancy, create_vacancy
from matching.occupations import OccupationClassifier
from matching.text import fold


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0
    closing_withheld: str | None = None  # why a snapshot closed nothing
    rejected: list[RowError] = field(default_factory=list)
    warnings: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return self.created + self.updated + self.unchanged

    def to_dict(self) -> dict[str, Any]:
        return {
            "accepted": self.accepted,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "closed": self.closed,
            "closing_withheld": self.closing_withheld,
            "rejected": [
                {"line": e.line, "external_id": e.external_id, "reason": e.reason}
                for e in self.rejected
            ],
            "warnings": [
                {"line": line, "external_id": ext, "warning": text}
                for line, ext, text in self.warnings
            ],
        }


class _Places:
    """Locality lookup by the names imports use (Russian or Kazakh, any case)."""

    def __init__(self, session: Session) -> None:
        self._by_name: dict[str, Locality] = {}
        for locality in session.execute(select(Locality)).scalars():
            for name in (locality.name_ru, locality.name_kk, locality.name_en):
                self._by_name.setdefault(fold(name), locality)

    def find(self, name: str | None) -> Locality | None:
        return self._by_name.get(fold(name)) if name else None


def _state(vacancy: Vacancy) -> tuple[Any, ...]:
    """The vacancy's column values (autoflush during an update hides ``is_modified``)."""
    return tuple(
        getattr(vacancy, attr.key)
        for attr in inspect(Vacancy).column_attrs
        if attr.key not in {"updated_at", "created_at"}
    )


def _employer(session: Session, name: str, cache: dict[str, Employer], region_id: int) -> Employer:
    key = fold(name)
    if key not in cache:
        found = session.execute(
            select(Employer).where(func.lower(Employer.name) == name.lower()).limit(1)
        ).scalar_one_or_none()
        if found is None:
            found = Employer(name=name, region_id=region_id)
            session.add(found)
            session.flush()
        cache[key] = found
    return cache[key]


EXTERNAL_ID_MAX = 64  # the column's width


def source_external_id(source_prefix: str, raw_id: str) -> str:
    """``prefix:id`` as stored; an id too long for the column keeps its start and gets a hash
    of the whole id, so two long ids never collide and re-imports still find their vacancy."""
    full = f"{source_prefix}:{raw_id}"
    if len(full) <= EXTERNAL_ID_MAX:
        return full
    digest = hashlib.sha256(raw_id.encode()).hexdigest()[:16]
    return f"{full[: EXTERNAL_ID_MAX - len(digest) - 1]}~{digest}"


class EmployerCache(dict[str, Employer]):
    """Employers met in this import by name; ``mark`` / ``forget_since`` drop the ones made
    inside a row whose savepoint was rolled back (their rows no longer exist)."""

    def mark(self) -> set[str]:
        return set(self)

    def forget_since(self, mark: set[str]) -> None:
        for key in set(self) - mark:
            del self[key]


def _apply_row(
    session: Session,
    row: ParsedItem,
    source_prefix: str,
    locality: Locality,
    classifier: OccupationClassifier,
    employers: dict[str, Employer],
) -> str:
    """Create or update one vacancy; returns "created", "updated" or "unchanged"."""
    values = {name: getattr(row.data, name) for name in row.data.set_fields}
    values["locality_kato"] = locality.kato
    guess = classifier.classify(row.data.title or "")
    for role in row.roles if guess is None else ():
        guess = classifier.classify(role)
        if guess is not None:
            break
    values["occupation_code"] = guess.code if guess else None
    data = VacancyInput.of(**values)
    external_id = source_external_id(source_prefix, row.external_id)
    vacancy = session.execute(
        select(Vacancy).where(
            Vacancy.source == VacancySource.IMPORT, Vacancy.external_id == external_id
        )
    ).scalar_one_or_none()
    if vacancy is None:
        employer = _employer(session, row.employer_name, employers, locality.region_id)
        vacancy = create_vacancy(
            session,
            employer,
            data,
            source=VacancySource.IMPORT,
            external_id=external_id,
            publish=not row.archived,
        )
        if row.published_at is not None and not row.archived:
            vacancy.published_at = row.published_at
        outcome = "created"
    else:
        before = _state(vacancy)
        apply_input(session, vacancy, data)
        if row.archived and vacancy.status == VacancyStatus.PUBLISHED:
            close_vacancy(vacancy)
        outcome = "updated" if _state(vacancy) != before else "unchanged"
    session.flush()
    return outcome


def import_hh(
    session: Session,
    raw: bytes,
    *,
    source_prefix: str = "hh",
    snapshot: bool = False,
    guard: SnapshotGuard = GUARDED,
) -> ImportReport:
    """Import an hh.ru-format file. With ``snapshot``, vacancies of this source that the file
    no longer contains are closed (the file is the whole feed, not a delta), as ``guard``
    allows (see ``snapshot.close_missing``)."""
    text = decode_payload(raw)
    report = ImportReport()
    places = _Places(session)
    classifier = occupation_classifier(session)
    employers = EmployerCache()
    seen: set[str] = set()
    for line, item in iter_items(text):
        row = parse_item(line, item)
        if isinstance(row, RowError):
            report.rejected.append(row)
            continue
        seen.add(source_external_id(source_prefix, row.external_id))
        locality = places.find(row.area_name)
        if locality is None:
            reason = f"area: {row.area_name!r} is not a known locality of Kazakhstan"
            report.rejected.append(RowError(line, row.external_id, reason))
            continue
        savepoint, known = session.begin_nested(), employers.mark()
        try:
            outcome = _apply_row(session, row, source_prefix, locality, classifier, employers)
        except ValidationFailed as exc:
            savepoint.rollback()
            employers.forget_since(known)
            report.rejected.append(RowError(line, row.external_id, str(exc)))
            continue
        savepoint.commit()
        setattr(report, outcome, getattr(report, outcome) + 1)
        report.warnings += [(line, row.external_id, w) for w in row.warnings]
    if snapshot:
        close_snapshot_missing(session, report, source_prefix, seen, guard)
    return report


def close_snapshot_missing(
    session: Session, report: ImportReport, source_prefix: str, seen: set[str], guard: SnapshotGuard
) -> None:
    report.closed, report.closing_withheld = close_missing(
        session,
        source_prefix,
        seen,
        accepted=report.accepted,
        rejected=len(report.rejected),
        guard=guard,
    )
