"""``find_vacancies``: the one read path for vacancy search. Every door (the search page, the
API, saved-search alerts, programme pages) builds a ``VacancyQuery`` and calls this; it runs the
query (hybrid when the encoder is on, ``app.search.retrieval``) and loads each hit's database
row once, with what a result card or an API summary shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Vacancy
from app.search.retrieval import plan_for, run_query
from app.search.services import IndexingServices
from app.search.vacancy_query import VacancyQuery
from indexer import FacetCount, Hit, SearchUnavailable
from indexer.query import MAX_WINDOW
from matching.query import Place

__all__ = [
    "FacetCount",
    "Found",
    "FoundVacancy",
    "Place",
    "SearchUnavailable",
    "find_vacancies",
    "load_rows",
]


@dataclass(frozen=True, slots=True)
class FoundVacancy:
    vacancy: Vacancy
    hit: Hit

    @property
    def distance_km(self) -> float | None:
        return self.hit.distance_km


@dataclass(frozen=True)
class Found:
    """One page of results. ``query`` is the query that ran (its page clamped when asked);
    ``hybrid`` says whether the query's embedding took part; the rest is what was understood
    from the text (``app.search.retrieval``)."""

    query: VacancyQuery
    items: list[FoundVacancy]
    total: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    hybrid: bool = False
    places: tuple[Place, ...] = ()  # named in the text: searched there
    corrected: str | None = None  # the text as corrected ("showing results for")
    place_fallback: bool = False  # nothing there: searched everywhere, nearest shown first

    @property
    def pages(self) -> int:
        """How many pages of ``query.limit`` the results fill (at least one)."""
        return max(1, min(-(-self.total // self.query.limit), MAX_WINDOW // self.query.limit))

    @property
    def more(self) -> bool:
        return self.query.offset + len(self.items) < self.total

    def facet_counts(self) -> dict[str, dict[str, int]]:
        return {name: {c.value: c.count for c in counts} for name, counts in self.facets.items()}


def load_rows(session: Session, ids: Sequence[int]) -> dict[int, Vacancy]:
    """The vacancies behind search hits, with what a result card shows."""
    if not ids:
        return {}
    rows = session.execute(
        select(Vacancy)
        .where(Vacancy.id.in_(list(ids)))
        .options(
            selectinload(Vacancy.employer),
            selectinload(Vacancy.locality),
            selectinload(Vacancy.region),
        )
    ).scalars()
    return {v.id: v for v in rows}


def find_vacancies(
    session: Session,
    services: IndexingServices,
    query: VacancyQuery,
    *,
    clamp_page: bool = False,
) -> Found:
    """Run ``query`` and load its page's rows. ``clamp_page``: a page past the last one shows
    the last page instead (the page's ``?page=9999``). Raises ``SearchUnavailable``."""
    plan = plan_for(query)
    vectors = services.query_vectors if plan.text else None
    vector = vectors.vector(plan.text) if vectors is not None else None
    found = run_query(services.engine, query, vector, plan=plan)
    total = found.result.total
    if clamp_page and total and query.offset >= total:
        query = query.at_page(-(-min(total, MAX_WINDOW) // query.limit))
        found = run_query(services.engine, query, vector, plan=plan)
    result = found.result
    rows = load_rows(session, [h.id for h in result.hits])
    return Found(
        query,
        [FoundVacancy(rows[h.id], h) for h in result.hits if h.id in rows],
        result.total,
        result.facets,
        hybrid=vector is not None,
        places=plan.places,
        corrected=plan.corrected,
        place_fallback=found.place_fallback,
    )
