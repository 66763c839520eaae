"""The demo decides who may take a programme place through the live person adapter."""

from __future__ import annotations

from datetime import date

from app.demo.common import Person
from app.demo.jobs_data import JOBS
from app.demo.listings import facts_for, may_take
from app.demo.people import Story
from app.models import Locality, Region, Seeker, SeekerStatus, Sex, VacancyKind
from app.services.people import person_facts

TODAY = date(2026, 3, 16)


def _story(**seeker_fields: object) -> Story:
    seeker = Seeker(
        last_name="Серікова",
        first_name="Әсел",
        birth_date=date(1988, 5, 2),
        sex=Sex.FEMALE,
        **seeker_fields,
    )
    person = Person("Серікова", "Әсел", None, Sex.FEMALE, kazakh=True)
    job = JOBS[0]
    return Story(
        seeker=seeker,
        person=person,
        stage="adult",
        job=job,
        title=job.titles[0],
        lang="kk",
        region=Region(kato="710000000"),
        locality=Locality(is_urban=False),
        status=SeekerStatus.UNEMPLOYED,
    )


def test_a_demo_carer_has_the_live_facts_and_is_not_pushed_into_active_measures() -> None:
    story = _story(is_carer=True)
    facts = facts_for(story, SeekerStatus.UNEMPLOYED)
    assert facts.cares_for and facts.cares_for == person_facts(story.seeker).cares_for
    assert facts.status == "unemployed" and facts.is_rural  # the story's status and home
    assert not may_take(story, VacancyKind.SOCIAL_JOB, TODAY, SeekerStatus.UNEMPLOYED)
    assert not may_take(story, VacancyKind.PUBLIC_WORKS, TODAY, SeekerStatus.UNEMPLOYED)


def test_a_demo_person_without_duties_may_take_a_social_job() -> None:
    story = _story(is_carer=False)
    assert facts_for(story, SeekerStatus.UNEMPLOYED).cares_for == ()
    assert may_take(story, VacancyKind.SOCIAL_JOB, TODAY, SeekerStatus.UNEMPLOYED)
