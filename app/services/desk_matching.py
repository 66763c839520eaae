"""Vacancies for one client of the centre, ranked, with what a referral would mean: whether the
programme rules let the person take the place and whether the offer is suitable work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.models import Seeker, Vacancy
from app.search.services import IndexingServices
from app.services.people import person_facts, refused_suitable_offers, seeker_profile
from app.services.recommendations import Recommendation, recommend
from app.services.referrals import assess_offer, eligibility
from indexer import Filters
from indexer.documents import KINDS
from matching.geo import distance_km
from matching.rules import Decision

LIMIT = 30
MAX_RADIUS_KM = 500


@dataclass(frozen=True)
class MatchFilters:
    kind: str | None = None
    radius_km: int | None = None
    region_kato: str | None = None


@dataclass(frozen=True)
class MatchRow:
    recommendation: Recommendation
    vacancy: Vacancy
    suitable: bool  # a refusal would count as refusing suitable work
    suitability: dict[str, Any]
    eligibility: Decision | None  # None: a regular vacancy, no programme rules apply
    distance_km: float | None

    @property
    def may_refer(self) -> bool:
        return self.eligibility is None or self.eligibility.allowed


def parse_filters(
    args: dict[str, str], regions: set[str], home_region: str | None = None
) -> tuple[MatchFilters, dict[str, str]]:
    """Filters from a query string; unknown values are reported per field, not guessed.

    Without a ``region`` parameter the client's own region is searched; an empty one means all.
    """
    errors: dict[str, str] = {}
    kind = args.get("kind") or None
    if kind is not None and kind not in KINDS:
        errors["kind"] = kind
        kind = None
    region = args.get("region", home_region) or None
    if region is not None and region not in regions:
        errors["region"] = region
        region = None
    radius: int | None = None
    raw = (args.get("radius") or "").strip()
    if raw:
        if raw.isdigit() and 0 < int(raw) <= MAX_RADIUS_KM:
            radius = int(raw)
        else:
            errors["radius"] = raw
    return MatchFilters(kind, radius, region), errors


def match_for(
    session: Session,
    services: IndexingServices,
    seeker: Seeker,
    today: date,
    filters: MatchFilters,
) -> list[MatchRow]:
    facts = person_facts(seeker, refused_suitable_offers(session, seeker.id))
    profile = seeker_profile(seeker, today, person=facts)
    search = Filters(
        kinds=(filters.kind,) if filters.kind else (),
        region_katos=(filters.region_kato,) if filters.region_kato else (),
    )
    found = recommend(
        session,
        services,
        profile,
        today=today,
        limit=LIMIT * 2,
        filters=search,
        include_ineligible=True,
    )
    ids = [r.vacancy.id for r in found]
    vacancies = {
        v.id: v
        for v in session.execute(
            select(Vacancy)
            .where(Vacancy.id.in_(ids))
            .options(selectinload(Vacancy.employer), selectinload(Vacancy.locality))
        ).scalars()
    }
    locality = seeker.locality
    here = (locality.lat, locality.lon) if locality is not None else None
    rows: list[MatchRow] = []
    for rec in found:
        vacancy = vacancies.get(rec.vacancy.id)
        if vacancy is None:
            continue
        far = None
        if here is not None and vacancy.lat is not None and vacancy.lon is not None:
            far = round(distance_km(here, (vacancy.lat, vacancy.lon)), 1)
        remote = vacancy.schedule.value == "remote"
        if (
            filters.radius_km is not None
            and not remote
            and (far is None or far > filters.radius_km)
        ):
            continue
        suitable, checks = assess_offer(seeker, vacancy, today)
        decision = eligibility(session, seeker, vacancy, today, facts=facts)
        rows.append(MatchRow(rec, vacancy, suitable, checks, decision, far))
    return rows[:LIMIT]
