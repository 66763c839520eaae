"""Jobs for a person: hybrid retrieval from the index (local first), then the ranker's
scoring stage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Application,
    ApplicationStatus,
    Occupation,
    Referral,
    ReferralOutcome,
    Vacancy,
)
from app.search.documents import load_vacancy_documents
from app.search.services import IndexingServices
from app.services.local_retrieval import Pass, merge, rings
from indexer import (
    DocType,
    Filters,
    GeoFilter,
    Hit,
    Mode,
    SearchQuery,
    Sort,
    TextMatch,
    VacancyDocument,
)
from matching.ranking import Candidate, Load, RankedVacancy, SeekerProfile, commute_limit_km, rank

RETRIEVE = 100
KNN_CANDIDATES = RETRIEVE * 2
OPEN_APPLICATIONS = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.VIEWED,
    ApplicationStatus.INVITED,
)


@dataclass(frozen=True)
class Recommendation:
    vacancy: VacancyDocument
    ranked: RankedVacancy


def occupation_names(session: Session, codes: Sequence[str]) -> list[str]:
    if not codes:
        return []
    rows = session.execute(
        select(Occupation.name_ru, Occupation.name_kk).where(Occupation.code.in_(codes))
    )
    return [name for pair in rows for name in pair]


def query_text(session: Session, profile: SeekerProfile) -> str:
    parts = [profile.text, *occupation_names(session, profile.desired_occupations)]
    parts += list(profile.skills)
    return "\n".join(p for p in parts if p)[:2000]


def vacancy_loads(session: Session, ids: Sequence[int]) -> dict[int, Load]:
    """Pending applications and referrals per vacancy, against its places (fair spreading)."""
    if not ids:
        return {}
    pending: dict[int, int] = dict.fromkeys(ids, 0)
    apps = session.execute(
        select(Application.vacancy_id, func.count())
        .where(Application.vacancy_id.in_(ids), Application.status.in_(OPEN_APPLICATIONS))
        .group_by(Application.vacancy_id)
    )
    refs = session.execute(
        select(Referral.vacancy_id, func.count())
        .where(Referral.vacancy_id.in_(ids), Referral.outcome == ReferralOutcome.PENDING)
        .group_by(Referral.vacancy_id)
    )
    for vacancy_id, count in [*apps, *refs]:
        pending[vacancy_id] += count
    places = dict(
        (vid, n)
        for vid, n in session.execute(select(Vacancy.id, Vacancy.places).where(Vacancy.id.in_(ids)))
    )
    return {vid: Load(pending=pending[vid], places=places.get(vid, 1)) for vid in ids}


def _search(services: IndexingServices, query: SearchQuery) -> list[Hit]:
    return services.engine.search(DocType.VACANCIES, query).hits


def retrieve(
    session: Session,
    services: IndexingServices,
    profile: SeekerProfile,
    filters: Filters | None = None,
    *,
    today: date,
) -> dict[int, Hit]:
    """Candidate hits for one person.

    Hybrid text+vector on the profile over the whole index, and the same query restricted to
    the person's commute radius and to a nearby ring (``local_retrieval``), so local work is
    always a candidate; then the nearest jobs in the person's desired occupations (a profile
    without text still finds work nearby). A profile with neither text nor occupations (a
    client just registered) gets the nearest open jobs to start from.
    """
    filters = filters or Filters()
    text = query_text(session, profile)
    home = (
        GeoFilter(profile.lat, profile.lon)
        if profile.lat is not None and profile.lon is not None
        else None
    )
    local = rings(profile.lat, profile.lon, commute_limit_km(profile, today))
    passes: list[Pass] = []
    if text.strip():
        encoder = services.encoder
        vector = encoder.encode_queries([text])[0] if encoder is not None else None
        query = SearchQuery(
            text=text,
            vector=vector,
            mode=Mode.HYBRID if vector is not None else Mode.TEXT,
            filters=filters,
            geo=home,
            limit=RETRIEVE,
            knn_candidates=KNN_CANDIDATES,
            text_match=TextMatch.ANY,
        )
        passes.append(Pass(_search(services, query)))
        passes += [
            Pass(_search(services, replace(query, geo=ring)), offset=KNN_CANDIDATES)
            for ring in local
        ]
    sort = Sort.DISTANCE if home is not None else Sort.DATE
    if profile.desired_occupations:
        by_code = replace(filters, occupation_codes=profile.desired_occupations)
        passes.append(
            Pass(
                _search(services, SearchQuery(filters=by_code, geo=home, sort=sort, limit=RETRIEVE))
            )
        )
    if not text.strip() and not profile.desired_occupations:
        nearest = SearchQuery(filters=filters, geo=home, sort=sort, limit=RETRIEVE)
        passes.append(Pass(_search(services, nearest)))
    return merge(passes)


def recommend(
    session: Session,
    services: IndexingServices,
    profile: SeekerProfile,
    *,
    today: date,
    limit: int = 20,
    filters: Filters | None = None,
    include_ineligible: bool = False,
) -> list[Recommendation]:
    hits = retrieve(session, services, profile, filters, today=today)
    batch = load_vacancy_documents(session, list(hits), encoder=None)
    documents = {d.id: d for d in batch.upserts if isinstance(d, VacancyDocument)}
    candidates = [
        Candidate(
            vacancy=doc,
            text_rank=hits[doc.id].text_rank,
            vector_rank=hits[doc.id].vector_rank,
            distance_km=hits[doc.id].distance_km,
        )
        for doc in documents.values()
    ]
    ranked = rank(
        profile,
        candidates,
        today=today,
        fairness=vacancy_loads(session, list(documents)),
        include_ineligible=include_ineligible,
    )
    return [Recommendation(documents[r.vacancy_id], r) for r in ranked[:limit]]
