"""The demo's open vacancies as a person's story meets them: which were live on a day, near
enough to commute, and allowed by the same rules (and person adapter) as the live service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.models import (
    Schedule,
    SeekerStatus,
    Vacancy,
    VacancyKind,
)
from app.services.people import person_facts
from app.services.referrals import assess_offer
from matching.geo import distance_km
from matching.rules import (
    PersonFacts,
    PlacementFacts,
    programme_eligibility,
)

from .common import Ctx
from .people import Story

K = VacancyKind
REFERRAL_WINDOW_DAYS = 58  # vacancies were published within the last 60 days


@dataclass
class Listing:
    vacancy: Vacancy
    job: str
    published: date
    expires: date
    kind: VacancyKind
    where: tuple[float, float] | None
    remote: bool


class Vacancies:
    """Live-on-a-day lookups over the demo vacancies, by region, preferring nearby ones."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.by_region: dict[int, list[Listing]] = {}
        for vacancy in ctx.vacancies:
            if vacancy.published_at is None or vacancy.expires_at is None:
                continue
            listing = Listing(
                vacancy,
                ctx.vacancy_job.get(id(vacancy), ""),
                (vacancy.published_at + timedelta(hours=5)).date(),
                (vacancy.expires_at + timedelta(hours=5)).date(),
                vacancy.kind,
                (vacancy.lat, vacancy.lon)
                if vacancy.lat is not None and vacancy.lon is not None
                else None,
                vacancy.schedule == Schedule.REMOTE,
            )
            self.by_region.setdefault(vacancy.region_id, []).append(listing)

    def live(
        self, region_id: int, day: date, kinds: set[VacancyKind], exclude: set[int] | None = None
    ) -> list[Listing]:
        return [
            item
            for item in self.by_region.get(region_id, [])
            if item.kind in kinds
            and item.published <= day <= item.expires
            and id(item.vacancy) not in (exclude or set())
        ]

    def find(
        self,
        story: Story,
        day: date,
        kinds: set[VacancyKind],
        exclude: set[int] | None = None,
        same_job: float = 0.75,
        region_id: int | None = None,
    ) -> Listing | None:
        rng = self.ctx.rng
        live = self.live(region_id or story.region.id, day, kinds, exclude)
        if not live:
            return None
        near = [item for item in live if commute_ok(story, item)]
        if near and rng.random() < 0.85:
            live = near
        mine = [item for item in live if item.job == story.job.key]
        if mine and rng.random() < same_job:
            return rng.choice(mine)
        return rng.choice(live)


def _where(story: Story, listing: Listing) -> tuple[tuple[float, float], tuple[float, float]]:
    place = (story.locality.lat, story.locality.lon)
    return place, listing.where or place


def commute_ok(story: Story, listing: Listing) -> bool:
    if listing.remote:
        return True
    limit = story.seeker.max_commute_km or (30 if story.locality.is_urban else 50)
    return distance_km(*_where(story, listing)) <= limit


def assess(story: Story, listing: Listing, on: date) -> tuple[bool, dict[str, Any]]:
    """Which parts of "suitable work" held for this offer, by the rules' own assessment."""
    return assess_offer(story.seeker, listing.vacancy, on, locality=story.locality)


def facts_for(story: Story, status: SeekerStatus) -> PersonFacts:
    """The person as the live rules read them (the same adapter), with ``status``."""
    return person_facts(story.seeker, as_status=status, locality=story.locality)


def may_take(story: Story, kind: VacancyKind, on: date, status: SeekerStatus) -> bool:
    """Eligible and obliged (active measures are not pushed on people not obliged)."""
    if kind == K.REGULAR:
        return True
    placement = PlacementFacts(kind=kind.value, in_specialty=True)
    decision = programme_eligibility(facts_for(story, status), placement, on)
    return decision.allowed and not decision.not_obliged
