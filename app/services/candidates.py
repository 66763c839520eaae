"""Vacancy → candidates (employers and staff) and "similar vacancies".

Candidate lists only ever contain CVs whose visibility allows the viewer to see them: employers
see public CVs, centre staff see public and centres-only ones; hidden CVs are never indexed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import CvVisibility, Role, Seeker, Vacancy
from app.search.documents import load_cv_documents, load_vacancy_documents, vacancy_passage
from app.search.services import IndexingServices
from app.services.local_retrieval import Pass, merge, rings
from app.services.people import person_facts, refused_suitable_offers
from indexer import (
    CvDocument,
    DocType,
    Filters,
    Hit,
    Mode,
    SearchQuery,
    TextMatch,
    VacancyDocument,
)
from matching.ranking import (
    CandidateCv,
    Neighbour,
    RankedCv,
    SimilarVacancy,
    rank_candidates,
    rank_similar,
)
from matching.rules import PersonFacts

RETRIEVE = 100
LOCAL_KM = 50.0  # the rules' suitable-work distance in a village: the widest default limit
VISIBLE_TO: dict[Role, tuple[str, ...]] = {
    Role.EMPLOYER: (CvVisibility.PUBLIC.value,),
    Role.STAFF: (CvVisibility.PUBLIC.value, CvVisibility.CENTRES.value),
    Role.ADMIN: (CvVisibility.PUBLIC.value, CvVisibility.CENTRES.value),
}


@dataclass(frozen=True)
class Candidate:
    cv: CvDocument
    ranked: RankedCv


def _vacancy_document(session: Session, vacancy_id: int) -> VacancyDocument | None:
    batch = load_vacancy_documents(session, [vacancy_id], encoder=None)
    docs = [d for d in batch.upserts if isinstance(d, VacancyDocument)]
    return docs[0] if docs else None


def _people(session: Session, seeker_ids: list[int]) -> dict[int, PersonFacts]:
    seekers = session.execute(
        select(Seeker)
        .where(Seeker.id.in_(seeker_ids))
        .options(selectinload(Seeker.education), selectinload(Seeker.status_history))
    ).scalars()
    return {s.id: person_facts(s, refused_suitable_offers(session, s.id)) for s in seekers}


def candidates_for_vacancy(
    session: Session,
    services: IndexingServices,
    vacancy_id: int,
    viewer: Role,
    *,
    today: date,
    limit: int = 20,
) -> list[Candidate]:
    """Ranked CVs for a published vacancy, as far as ``viewer`` may see them."""
    visibility = VISIBLE_TO.get(viewer)
    if not visibility:
        raise PermissionError(f"{viewer.value} users may not see candidates")
    vacancy = _vacancy_document(session, vacancy_id)
    if vacancy is None:
        return []
    text = f"{vacancy.title}\n{', '.join(vacancy.skills)}"
    encoder = services.encoder
    vector = encoder.encode_queries([text])[0] if encoder is not None else None
    query = SearchQuery(
        text=text,
        vector=vector,
        mode=Mode.HYBRID if vector is not None else Mode.TEXT,
        filters=Filters(visibility=visibility),
        limit=RETRIEVE,
        knn_candidates=RETRIEVE * 2,
        text_match=TextMatch.ANY,
    )
    passes = [Pass(services.engine.search(DocType.CVS, query).hits)]
    # People living around the workplace: within the village commute limit, then nearby.
    passes += [
        Pass(services.engine.search(DocType.CVS, replace(query, geo=ring)).hits, RETRIEVE * 2)
        for ring in rings(vacancy.lat, vacancy.lon, LOCAL_KM)
    ]
    hits = merge(passes)
    batch = load_cv_documents(session, list(hits), encoder=None)
    cvs = [d for d in batch.upserts if isinstance(d, CvDocument) and d.visibility in visibility]
    ranked = rank_candidates(
        vacancy,
        [
            CandidateCv(cv, hits[cv.id].text_rank, hits[cv.id].vector_rank, hits[cv.id].distance_km)
            for cv in cvs
        ],
        today=today,
        people=_people(session, [cv.seeker_id for cv in cvs]),
    )
    by_id = {cv.id: cv for cv in cvs}
    return [Candidate(by_id[r.cv_id], r) for r in ranked[:limit]]


def similar_vacancies(
    session: Session, services: IndexingServices, vacancy_id: int, *, limit: int = 10
) -> list[tuple[VacancyDocument, SimilarVacancy]]:
    base = _vacancy_document(session, vacancy_id)
    if base is None:
        return []
    encoder = services.encoder
    text = vacancy_passage_of(session, vacancy_id)
    exclude = Filters(ids_exclude=(vacancy_id,))
    if encoder is not None:
        query = SearchQuery(
            vector=encoder.encode_queries([text])[0], mode=Mode.VECTOR, filters=exclude, limit=50
        )
    elif base.occupation_code:
        # Without embeddings: the same ISCO minor group, newest first.
        query = SearchQuery(
            filters=replace(exclude, occupation_codes=(base.occupation_code[:3],)), limit=50
        )
    else:
        query = SearchQuery(text=base.title, filters=exclude, limit=50)
    passes = [Pass(_ranked(services.engine.search(DocType.VACANCIES, query).hits))]
    # The same search around the vacancy's workplace, so the same job in the same town is
    # a candidate even when fifty postings elsewhere read more alike.
    passes += [
        Pass(_ranked(services.engine.search(DocType.VACANCIES, replace(query, geo=ring)).hits), 50)
        for ring in rings(base.lat, base.lon, LOCAL_KM)[:1]
    ]
    merged = merge(passes)
    hits = list(merged.values())
    batch = load_vacancy_documents(session, [h.id for h in hits], encoder=None)
    docs = {d.id: d for d in batch.upserts if isinstance(d, VacancyDocument)}
    neighbours = [Neighbour(docs[h.id], h.vector_rank) for h in hits if h.id in docs]
    ranked = rank_similar(base, neighbours)
    return [(docs[s.vacancy_id], s) for s in ranked[:limit]]


def _ranked(hits: list[Hit]) -> list[Hit]:
    """Each hit with its closeness as a rank: the kNN rank, else its place in the list."""
    return [
        replace(h, vector_rank=h.vector_rank or h.text_rank or i) for i, h in enumerate(hits, 1)
    ]


def vacancy_passage_of(session: Session, vacancy_id: int) -> str:

    vacancy = session.get(Vacancy, vacancy_id)
    return vacancy_passage(vacancy) if vacancy is not None else ""
