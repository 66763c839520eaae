"""Import vacancies from a CSV file (a spreadsheet export), idempotent on the file's own ids.

The first row names the columns (any order, any case; unknown columns are ignored). ``;``,
``,`` or tab delimited, UTF-8 with or without a BOM. Columns:

- ``external_id`` (required): the row's id in the source; re-importing updates that vacancy.
- ``title``, ``employer`` (required); ``employer_bin`` (12 digits: finds the employer by BIN).
- ``locality`` (required): a locality's name (Kazakh, Russian or English) or its 9-digit KATO
  code; ``region`` (name or KATO) picks among localities of the same name.
- ``salary_from``, ``salary_to`` (tenge, whole numbers), ``schedule``, ``employment``,
  ``experience``, ``kind`` (our codes, e.g. ``full_day``, ``full``, ``1_3``, ``public_works``;
  hh.ru ids such as ``fullDay`` are accepted too), ``description``, ``address``,
  ``skills`` (separated by ``|``), ``lat``, ``lon``, ``places``, ``url``, ``archived``
  (``1``/``true``/``yes`` closes the vacancy).

A broken row becomes a rejection naming its line number and field; the other rows import.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Employer, Locality, Region
from app.services.errors import ValidationFailed
from app.services.imports.hh_format import (
    EMPLOYMENT,
    EXPERIENCE,
    MAX_PAYLOAD_BYTES,
    N_,
    SCHEDULES,
    ParsedItem,
    PayloadError,
    RowError,
    too_large,
)
from app.services.imports.runner import (
    EmployerCache,
    ImportReport,
    _apply_row,
    close_snapshot_missing,
    source_external_id,
)
from app.services.imports.snapshot import GUARDED, SnapshotGuard
from app.services.occupations import occupation_classifier
from app.services.vacancies import VacancyInput
from indexer.documents import EMPLOYMENT_TYPES, EXPERIENCES, KINDS
from indexer.documents import SCHEDULES as OUR_SCHEDULES
from matching.text import fold

COLUMNS = (
    "external_id",
    "title",
    "employer",
    "employer_bin",
    "region",
    "locality",
    "salary_from",
    "salary_to",
    "schedule",
    "employment",
    "experience",
    "kind",
    "description",
    "address",
    "skills",
    "lat",
    "lon",
    "places",
    "url",
    "archived",
)
ALIASES = {"id": "external_id", "name": "title", "employment_type": "employment"}
REQUIRED = ("external_id", "title", "employer", "locality")
TRUE = {"1", "true", "yes", "y", "да", "иә"}
FALSE = {"", "0", "false", "no", "n", "нет", "жоқ"}
# Each coded column: the values we store, plus hh.ru's ids mapped onto them.
CODES: dict[str, tuple[str, frozenset[str], dict[str, str]]] = {
    "schedule": ("schedule", OUR_SCHEDULES, SCHEDULES),
    "employment": ("employment_type", EMPLOYMENT_TYPES, EMPLOYMENT),
    "experience": ("experience", EXPERIENCES, EXPERIENCE),
    "kind": ("kind", KINDS, {}),
}


class RowProblem(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")


def _looks_like_utf16(raw: bytes) -> bool:
    """Text of ASCII-range letters in UTF-16 has a NUL in every other byte."""
    sample = raw[:2000]
    return len(sample) >= 4 and sample.count(0) >= len(sample) // 4


def decode_csv(raw: bytes) -> str:
    """The file as text; a clear ``PayloadError`` for a non-UTF-8 (e.g. Windows-1251) file."""
    if len(raw) > MAX_PAYLOAD_BYTES:
        raise too_large()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")  # Excel's "Unicode text": read it as it is
        except UnicodeDecodeError:
            raise PayloadError("file starts as UTF-16 but cannot be read as UTF-16") from None
    if _looks_like_utf16(raw):
        raise PayloadError(
            "file is not UTF-8 (it looks like UTF-16 without a byte-order mark); "
            "save it as CSV UTF-8 and import again"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            raw.decode("cp1251")
        except UnicodeDecodeError:
            message = N_(
                "file is not UTF-8: byte %(byte)d cannot be read; "
                "save it as CSV UTF-8 and import again"
            )
        else:
            message = N_(
                "file is not UTF-8 (it looks like Windows-1251): byte %(byte)d cannot be read; "
                "save it as CSV UTF-8 and import again"
            )
        raise PayloadError(message, byte=exc.start) from None


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def iter_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, {column: value}) for every non-empty data row."""
    if not text.strip():
        raise PayloadError(N_("file is empty"))
    first = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first))
    try:
        header = next(reader)
        while not any(c.strip() for c in header):
            header = next(reader)
    except StopIteration:
        raise PayloadError(N_("file is empty")) from None
    names = [ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise PayloadError(
            N_("header: missing column(s) %(missing)s; columns: %(columns)s"),
            missing=", ".join(missing),
            columns=", ".join(COLUMNS),
        )
    line = reader.line_num
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                yield line + 1, {n: c.strip() for n, c in zip(names, cells, strict=False)}
            line = reader.line_num
    except csv.Error as exc:
        raise PayloadError(
            N_("line %(line)d: %(problem)s"), line=reader.line_num, problem=str(exc)
        ) from None


def _number(row: dict[str, str], name: str, low: float, high: float) -> float | None:
    text = row.get(name, "").replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise RowProblem(name, f"{row[name]!r} is not a number") from None
    if not low <= value <= high:
        raise RowProblem(name, f"must be between {low:g} and {high:g}")
    return value


def _code(row: dict[str, str], column: str) -> tuple[str, str] | None:
    target, ours, theirs = CODES[column]
    text = row.get(column, "")
    if not text:
        return None
    if text in ours:
        return target, text
    if text in theirs:
        return target, theirs[text]
    raise RowProblem(column, f"{text!r} is not one of: {', '.join(sorted(ours))}")


def _flag(row: dict[str, str], name: str) -> bool:
    text = row.get(name, "").lower()
    if text in TRUE or text in FALSE:
        return text in TRUE
    raise RowProblem(name, f"{row[name]!r} is not yes or no")


def parse_row(line: int, row: dict[str, str]) -> ParsedItem:
    """One CSV row as an import item; ``RowProblem`` names the field that is wrong."""
    for name, value in row.items():
        if "\x00" in value:
            raise RowProblem(name, "NUL characters are not allowed")
    for name in REQUIRED:
        if not row.get(name):
            raise RowProblem(name, "missing")
    values: dict[str, Any] = {"title": row["title"], "description": row.get("description", "")}
    for name in ("salary_from", "salary_to"):
        salary = _number(row, name, 0, 100_000_000)
        if salary is not None:
            values[name] = int(salary)
    lat, lon = _number(row, "lat", -90, 90), _number(row, "lon", -180, 180)
    if (lat is None) != (lon is None):
        raise RowProblem("lon" if lon is None else "lat", "lat and lon go together")
    if lat is not None:
        values["lat"], values["lon"] = lat, lon
    places = _number(row, "places", 1, 10_000)
    if places is not None:
        values["places"] = int(places)
    for column in CODES:
        coded = _code(row, column)
        if coded is not None:
            values[coded[0]] = coded[1]
    if row.get("skills"):
        values["skills"] = [s.strip() for s in row["skills"].split("|") if s.strip()]
    if row.get("address"):
        values["address"] = row["address"]
    if row.get("url"):
        values["source_url"] = row["url"]
    bin_ = row.get("employer_bin", "")
    if bin_ and not (len(bin_) == 12 and bin_.isascii() and bin_.isdigit()):
        raise RowProblem("employer_bin", "must be 12 digits")
    return ParsedItem(
        line=line,
        external_id=row["external_id"][:255],
        employer_name=row["employer"][:255],
        data=VacancyInput.of(**values),
        area_name=row["locality"],
        published_at=None,
        archived=_flag(row, "archived"),
    )


class _Places:
    """Localities by KATO code or by name, narrowed by region when a name repeats."""

    def __init__(self, session: Session) -> None:
        self._by_kato: dict[str, Locality] = {}
        self._by_name: dict[str, list[Locality]] = {}
        for locality in session.execute(select(Locality)).scalars():
            self._by_kato[locality.kato] = locality
            for name in {fold(locality.name_ru), fold(locality.name_kk), fold(locality.name_en)}:
                self._by_name.setdefault(name, []).append(locality)
        self._regions: dict[str, int] = {}
        for region in session.execute(select(Region)).scalars():
            for key in (region.kato, fold(region.name_ru), fold(region.name_kk)):
                self._regions[key] = region.id
            self._regions[fold(region.name_en)] = region.id

    def find(self, locality: str, region: str) -> Locality:
        region_id = self._regions.get(region if region.isdigit() else fold(region))
        if region and region_id is None:
            raise RowProblem("region", f"{region!r} is not a region of Kazakhstan")
        if locality.isdigit():
            found = self._by_kato.get(locality)
            if found is None:
                raise RowProblem("locality", f"{locality!r} is not a known KATO code")
            return found
        options = self._by_name.get(fold(locality), [])
        if region_id is not None:
            options = [o for o in options if o.region_id == region_id]
        if not options:
            raise RowProblem("locality", f"{locality!r} is not a known locality of Kazakhstan")
        return options[0]


def _employer_by_bin(session: Session, bin_: str, name: str, region_id: int) -> Employer:
    found = session.execute(select(Employer).where(Employer.bin == bin_)).scalar_one_or_none()
    if found is None:
        found = Employer(name=name, bin=bin_, region_id=region_id)
        session.add(found)
        session.flush()
    return found


def _employer_by_name(session: Session, name: str, cache: dict[str, Employer]) -> None:
    """Cache an employer of exactly this name (SQLite's lower() folds only ASCII letters)."""
    stmt = select(Employer).where(Employer.name == name).order_by(Employer.id).limit(1)
    found = session.execute(stmt).scalar_one_or_none()
    if found is not None:
        cache[fold(name)] = found


def import_csv(
    session: Session,
    raw: bytes,
    *,
    source_prefix: str = "csv",
    snapshot: bool = False,
    guard: SnapshotGuard = GUARDED,
) -> ImportReport:
    """Import a CSV file (see the module docstring). With ``snapshot``, this source's vacancies
    missing from the file are closed. Raises ``PayloadError`` when the file cannot be read."""
    text = decode_csv(raw)
    report = ImportReport()
    places = _Places(session)
    classifier = occupation_classifier(session)
    employers = EmployerCache()
    seen: set[str] = set()
    for line, row in iter_rows(text):
        external_id = row.get("external_id") or None
        savepoint, known = session.begin_nested(), employers.mark()
        try:
            item = parse_row(line, row)
            seen.add(source_external_id(source_prefix, item.external_id))
            locality = places.find(row["locality"], row.get("region", ""))
            key = fold(item.employer_name)
            if row.get("employer_bin"):
                employers[key] = _employer_by_bin(
                    session, row["employer_bin"], item.employer_name, locality.region_id
                )
            elif key not in employers:
                _employer_by_name(session, item.employer_name, employers)
            outcome = _apply_row(session, item, source_prefix, locality, classifier, employers)
        except (RowProblem, ValidationFailed) as exc:
            savepoint.rollback()
            employers.forget_since(known)
            report.rejected.append(RowError(line, external_id, str(exc)))
            continue
        savepoint.commit()
        setattr(report, outcome, getattr(report, outcome) + 1)
    if snapshot:
        close_snapshot_missing(session, report, source_prefix, seen, guard)
    return report
