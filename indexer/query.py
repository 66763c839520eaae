"""The engine-neutral query model: frozen values, validated on construction.

Semantics every backend implements (the conformance suite checks them):

- Text is analysed with ``matching.text.analyze_query``; each position matches any of its
  alternatives; a document must match all positions of a one- or two-word query and three
  quarters (rounded down) of a longer one (``indexer.analysis.minimum_should_match``). Ranking
  is BM25 over ``indexer.fields.TEXT_BOOSTS`` (a title match outranks a description match).
  Empty text matches every document that passes the filters.
- Filters are AND-ed; within one filter the values are OR-ed. An empty tuple means "no filter".
- ``occupation_codes`` use prefix semantics: ``"25"`` matches ``"2512"``.
- Salary is overlap: a document's salary range is ``[lo, hi]`` with ``lo``/``hi`` the smaller and
  larger of ``salary_from``/``salary_to`` that are given (a CV's range is its expected salary).
  ``salary_min`` keeps documents with ``hi >= salary_min`` (i.e. salary_to or salary_from reaches
  it), ``salary_max`` keeps those with ``lo <= salary_max``. Documents without any salary are
  excluded as soon as either bound is set.
- ``published_since`` applies to ``published_at`` (vacancies) or ``updated_at`` (CVs).
- ``statuses=None`` means the default: ``("published",)`` for vacancies, any status for CVs.
- Geo: documents without coordinates fail a radius filter; with ``radius_km=None`` the point
  only serves distance sorting and ``Hit.distance_km`` (documents without coordinates last).
- Facet counts are over the whole filtered match set (not the page), top ``FACET_SIZE`` values
  by count, ties by value. In vector mode they are over the kNN candidates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

import numpy as np

from indexer.documents import (
    EMPLOYMENT_TYPES,
    EXPERIENCES,
    KINDS,
    SCHEDULES,
    VISIBILITIES,
    DocType,
    Vector,
    as_utc,
    as_vector,
)
from indexer.fields import KEYWORD_FIELDS, TEXT_BOOSTS

MAX_LIMIT = 100
MAX_WINDOW = 10_000  # offset + limit, as Elasticsearch's max_result_window
MAX_KNN_CANDIDATES = 10_000
FACET_SIZE = 50
MAX_RADIUS_KM = 3_000.0
TEXT_FIELDS = frozenset(TEXT_BOOSTS)

# Every keyword field can be a facet, except occupation_path (it serves prefix filtering only)
# and, for vacancies, status (public search always filters it to published).
VACANCY_FACETS = frozenset(KEYWORD_FIELDS[DocType.VACANCIES]) - {"occupation_path", "status"}
CV_FACETS = frozenset(KEYWORD_FIELDS[DocType.CVS]) - {"occupation_path"}
FACETS: dict[DocType, frozenset[str]] = {DocType.VACANCIES: VACANCY_FACETS, DocType.CVS: CV_FACETS}
DEFAULT_STATUSES: dict[DocType, tuple[str, ...]] = {
    DocType.VACANCIES: ("published",),
    DocType.CVS: (),
}

VACANCY_ONLY_FILTERS = ("kinds", "employment_types", "experiences", "exclude_hazardous")
CV_ONLY_FILTERS = ("visibility",)


class Sort(StrEnum):
    RELEVANCE = "relevance"  # score; without text or vector: newest first
    DATE = "date"  # published_at / updated_at, newest first, undated last
    SALARY = "salary"  # upper end of the salary range, highest first, unsalaried last
    DISTANCE = "distance"  # from SearchQuery.geo, nearest first; needs geo


class TextMatch(StrEnum):
    MOST = "most"  # all of up to two positions, else three quarters (search boxes)
    ANY = "any"  # at least one position, ranked by BM25 (long texts such as a CV or profile)


class Mode(StrEnum):
    TEXT = "text"
    VECTOR = "vector"
    HYBRID = "hybrid"  # text and kNN lists merged (``Fusion``)


class Fusion(StrEnum):
    """How hybrid mode merges its two lists (``indexer.fusion``)."""

    RRF = "rrf"  # reciprocal rank fusion: ranks only
    WEIGHTED = "weighted"  # min-max normalised scores, weighted sum (``text_weight``)


def _strings(
    name: str, values: Iterable[str], allowed: frozenset[str] | None = None
) -> tuple[str, ...]:
    if isinstance(values, str):
        raise ValueError(f"{name}: expected a tuple of strings, got a single string")
    out = tuple(values)
    for value in out:
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name}: {value!r} is not a non-empty string")
        if allowed is not None and value not in allowed:
            raise ValueError(f"{name}: {value!r} is not one of {sorted(allowed)}")
    return out


@dataclass(frozen=True, slots=True)
class Filters:
    region_katos: tuple[str, ...] = ()
    locality_katos: tuple[str, ...] = ()
    occupation_codes: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    schedules: tuple[str, ...] = ()
    employment_types: tuple[str, ...] = ()
    experiences: tuple[str, ...] = ()
    published_since: datetime | None = None
    exclude_hazardous: bool = False
    visibility: tuple[str, ...] = ()
    ids_exclude: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "region_katos", _strings("region_katos", self.region_katos))
        set_(self, "locality_katos", _strings("locality_katos", self.locality_katos))
        codes = _strings("occupation_codes", self.occupation_codes)
        for code in codes:
            if not code.isdigit() or len(code) > 4:
                raise ValueError(f"occupation_codes: {code!r} is not an ISCO-08 code (1-4 digits)")
        set_(self, "occupation_codes", codes)
        set_(self, "kinds", _strings("kinds", self.kinds, KINDS))
        if self.statuses is not None:
            set_(self, "statuses", _strings("statuses", self.statuses))
        set_(self, "schedules", _strings("schedules", self.schedules, SCHEDULES))
        set_(
            self,
            "employment_types",
            _strings("employment_types", self.employment_types, EMPLOYMENT_TYPES),
        )
        set_(self, "experiences", _strings("experiences", self.experiences, EXPERIENCES))
        set_(self, "visibility", _strings("visibility", self.visibility, VISIBILITIES - {"hidden"}))
        for name in ("salary_min", "salary_max"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or value < 0):
                raise ValueError(f"{name}: expected a non-negative int, got {value!r}")
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_min > self.salary_max
        ):
            raise ValueError("salary_min: greater than salary_max")
        ids = tuple(self.ids_exclude)
        if not all(isinstance(i, int) for i in ids):
            raise ValueError("ids_exclude: expected ints")
        set_(self, "ids_exclude", ids)
        set_(self, "published_since", as_utc(self.published_since))

    def check_for(self, doc_type: DocType) -> None:
        """Raise ``ValueError`` for a filter that ``doc_type`` does not have."""
        only = VACANCY_ONLY_FILTERS if doc_type is DocType.CVS else CV_ONLY_FILTERS
        for name in only:
            if getattr(self, name) not in ((), False):
                raise ValueError(f"{name}: not a filter for {doc_type.value}")

    def statuses_for(self, doc_type: DocType) -> tuple[str, ...]:
        """The effective status filter (``()`` = any status)."""
        return DEFAULT_STATUSES[doc_type] if self.statuses is None else self.statuses


@dataclass(frozen=True, slots=True)
class GeoFilter:
    lat: float
    lon: float
    radius_km: float | None = None

    def __post_init__(self) -> None:
        if not -90 <= self.lat <= 90:
            raise ValueError(f"geo.lat: {self.lat} is out of range")
        if not -180 <= self.lon <= 180:
            raise ValueError(f"geo.lon: {self.lon} is out of range")
        if self.radius_km is not None and not 0 < self.radius_km <= MAX_RADIUS_KM:
            raise ValueError(f"geo.radius_km: must be in (0, {MAX_RADIUS_KM}]")


@dataclass(frozen=True, slots=True)
class SearchQuery:
    text: str = ""
    filters: Filters = field(default_factory=Filters)
    geo: GeoFilter | None = None
    sort: Sort = Sort.RELEVANCE
    facets: tuple[str, ...] = ()
    vector: Vector | None = field(default=None, compare=False, repr=False)
    mode: Mode = Mode.TEXT
    limit: int = 20
    offset: int = 0
    knn_candidates: int = 100
    text_match: TextMatch = TextMatch.MOST
    # Hybrid-mode options. ``text_fields``: the text fields that may match (default: all of
    # ``TEXT_BOOSTS``); when set, postings that match the text only in the other fields are
    # not kNN candidates either (one word a description shares is not relevance).
    # ``knn_floor``: keep only kNN candidates whose cosine similarity is within this much of
    # the best one's (the rest are not counted, faceted or fused);
    # ``knn_min_similarity``: an absolute floor (both apply when both are given).
    text_fields: tuple[str, ...] = ()
    fusion: Fusion = Fusion.RRF
    text_weight: float = 0.5
    knn_floor: float | None = None
    knn_min_similarity: float | None = None

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "text_match", TextMatch(self.text_match))
        if not isinstance(self.text, str):
            raise ValueError("text: expected a string")
        set_(self, "sort", Sort(self.sort))
        set_(self, "mode", Mode(self.mode))
        set_(self, "facets", _strings("facets", self.facets))
        set_(self, "vector", as_vector(self.vector))
        if not isinstance(self.limit, int) or not 1 <= self.limit <= MAX_LIMIT:
            raise ValueError(f"limit: must be an int in [1, {MAX_LIMIT}], got {self.limit!r}")
        if not isinstance(self.offset, int) or self.offset < 0:
            raise ValueError(f"offset: must be a non-negative int, got {self.offset!r}")
        if self.offset + self.limit > MAX_WINDOW:
            raise ValueError(f"offset: offset + limit must not exceed {MAX_WINDOW}")
        if not 1 <= self.knn_candidates <= MAX_KNN_CANDIDATES:
            raise ValueError(f"knn_candidates: must be in [1, {MAX_KNN_CANDIDATES}]")
        if self.mode is not Mode.TEXT and self.vector is None:
            raise ValueError(f"vector: required in {self.mode.value} mode")
        if self.mode is Mode.HYBRID and not self.text.strip():
            raise ValueError("text: required in hybrid mode")
        if self.sort is Sort.DISTANCE and self.geo is None:
            raise ValueError("sort: distance sorting needs geo")
        set_(self, "fusion", Fusion(self.fusion))
        set_(self, "text_fields", _strings("text_fields", self.text_fields, TEXT_FIELDS))
        if not 0.0 <= self.text_weight <= 1.0:
            raise ValueError("text_weight: must be in [0, 1]")
        if self.knn_floor is not None and not 0.0 <= self.knn_floor <= 2.0:
            raise ValueError("knn_floor: must be in [0, 2]")
        if self.knn_min_similarity is not None and not -1.0 <= self.knn_min_similarity <= 1.0:
            raise ValueError("knn_min_similarity: must be in [-1, 1]")

    def check_for(self, doc_type: DocType) -> None:
        """Raise ``ValueError`` for facets or filters that ``doc_type`` does not have."""
        self.filters.check_for(doc_type)
        unknown = set(self.facets) - FACETS[doc_type]
        if unknown:
            raise ValueError(
                f"facets: {sorted(unknown)} not available for {doc_type.value}; "
                f"choose from {sorted(FACETS[doc_type])}"
            )

    @property
    def window(self) -> int:
        """How many ranked hits a backend must produce to cut the requested page."""
        return self.offset + self.limit

    @property
    def text_candidates(self) -> int:
        """The length of hybrid mode's text list: enough to cut the requested page from it."""
        return max(self.knn_candidates, self.window)

    @property
    def searched_fields(self) -> dict[str, float]:
        """The text fields a match may come from, with their boosts."""
        if not self.text_fields:
            return dict(TEXT_BOOSTS)
        return {name: TEXT_BOOSTS[name] for name in self.text_fields}

    def unit_vector(self) -> Vector | None:
        """The query vector scaled to unit length (cosine similarity = dot product)."""
        if self.vector is None:
            return None
        norm = float(np.linalg.norm(self.vector))
        return self.vector if norm == 0 else (self.vector / norm).astype(np.float32)
