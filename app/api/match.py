"""Ranking vacancies for a profile given in the request (no account needed)."""

from __future__ import annotations

from datetime import date

from flask.typing import ResponseReturnValue
from sqlalchemy import select

from app.api.auth import ALL_ROLES
from app.api.present import load_vacancies, summary
from app.api.problems import field_problem
from app.api.ratelimit import check_anonymous
from app.api.registry import Call, operation
from app.api.schemas import MatchItem, MatchRequest, MatchResult
from app.extensions import db_session, indexing
from app.models import Locality
from app.services.recommendations import recommend
from matching.ranking import SeekerProfile


def profile_of(body: MatchRequest) -> SeekerProfile:
    lat = lon = None
    region_kato = None
    if body.locality_kato:
        locality = (
            db_session()
            .execute(select(Locality).where(Locality.kato == body.locality_kato))
            .scalar_one_or_none()
        )
        if locality is None:
            raise field_problem("locality_kato", f"unknown KATO code {body.locality_kato!r}")
        lat, lon, region_kato = locality.lat, locality.lon, locality.region.kato
    return SeekerProfile(
        text=body.text,
        skills=tuple(body.skills),
        desired_occupations=tuple(body.occupation_codes),
        education_level=body.education_level.value if body.education_level else None,
        lat=lat,
        lon=lon,
        region_kato=region_kato,
        desired_salary=body.desired_salary,
        schedules=tuple(s.value for s in body.schedules),
        birth_date=body.birth_date,
    )


@operation(
    "POST",
    "/match/vacancies",
    summary="Rank vacancies for a profile, with an explanation per result",
    roles=ALL_ROLES,
    body=MatchRequest,
    response=MatchResult,
    errors=(400, 401, 422, 429, 503),
    tag="matching",
)
def match_vacancies(call: Call) -> ResponseReturnValue:
    if call.user is None:
        check_anonymous("match")
    body: MatchRequest = call.body
    session = db_session()
    results = recommend(session, indexing(), profile_of(body), today=date.today(), limit=body.limit)
    rows = load_vacancies(session, [r.ranked.vacancy_id for r in results])
    items = [
        MatchItem(
            vacancy=summary(rows[r.ranked.vacancy_id]),
            score=round(r.ranked.score, 4),
            explanation=r.ranked.explanation.to_dict(),
        )
        for r in results
        if r.ranked.vacancy_id in rows
    ]
    return MatchResult(items=items).model_dump(mode="json")
