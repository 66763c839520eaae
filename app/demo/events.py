"""The building blocks of a demo person's story: status changes, referrals, applications,
placements, the CV and the household's social contract, kept as rows to write (``Told``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from app.models import (
    Application,
    ApplicationStatus,
    Cv,
    CvVisibility,
    Employer,
    Family,
    Placement,
    Referral,
    ReferralOutcome,
    SeekerStatus,
    StatusChange,
    User,
    VacancyKind,
    VacancyStatus,
    WorkExperience,
)
from app.services.people import experience_years, highest_education
from matching.rules import (
    MISSED_CHECK_IN,
    NO_SHOW,
    REFUSED_SUITABLE_OFFERS,
    add_months,
    becomes_unemployed_on,
)

from .common import Ctx, title_text
from .listings import K, Listing, Vacancies, assess
from .people import Story, work_history
from .schooling import LEVEL_TEXT

R = ReferralOutcome
REGISTERED = "registered"
NO_WORK_FOUND = "no_suitable_work_found"
HIRED = "employed"
PROGRAMME = "programme_place"
DEREGISTRATION_REASONS: dict[str, float] = {
    REFUSED_SUITABLE_OFFERS: 35,
    NO_SHOW: 20,
    MISSED_CHECK_IN: 20,
    "own_request": 15,
    "moved_away": 10,
}
REFUSALS = (
    ("Низкая заработная плата", "Жалақы төмен"),
    ("Далеко от дома", "Үйден алыс"),
    ("Не устраивает график работы", "Жұмыс кестесі ыңғайсыз"),
)
EMPLOYER_REJECTIONS = (
    ("Недостаточно опыта работы", "Жұмыс тәжірибесі жеткіліксіз"),
    ("Место уже занято другим кандидатом", "Орынға басқа үміткер алынды"),
    ("Не прошёл собеседование", "Әңгімелесуден өтпеді"),
)


@dataclass
class Told:
    """Rows made while telling the stories (placements wait for their referrals' ids)."""

    status_changes: list[StatusChange] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)
    placements: list[tuple[Placement, Referral | None]] = field(default_factory=list)
    cvs: list[Cv] = field(default_factory=list)


class Events:
    """What can happen to a person at the centre, on a given day; ``Teller`` tells the stories."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.listings = Vacancies(ctx)
        self.told = Told()
        self.applied: set[tuple[int, int]] = set()
        self.last_change: dict[int, date] = {}
        self.refused_twice_told = False
        self.long_term_told = False  # someone registered over 6 months (public-works queue)

    # -- building blocks ------------------------------------------------------------------
    def change(self, story: Story, status: SeekerStatus, on: date, reason: str, by: User) -> None:
        self.last_change[id(story.seeker)] = on
        self.told.status_changes.append(
            StatusChange(
                seeker=story.seeker,
                status=status,
                changed_on=on,
                reason_code=reason,
                by_user_id=by.id,
                recorded_at=self.ctx.at(on),
            )
        )

    def refer(
        self,
        story: Story,
        listing: Listing,
        issued: date,
        outcome: ReferralOutcome,
        outcome_on: date | None,
        consultant: User,
    ) -> Referral:
        ctx = self.ctx
        vacancy = listing.vacancy
        suitable, checks = assess(story, listing, issued)
        kk = story.lang == "kk"
        refusal = None
        if outcome == R.REFUSED_BY_SEEKER:
            refusal = self.rng.choice(REFUSALS)[1 if kk else 0]
        elif outcome == R.REJECTED_BY_EMPLOYER:
            refusal = self.rng.choice(EMPLOYER_REJECTIONS)[1 if kk else 0]
        referral = Referral(
            seeker=story.seeker,
            vacancy=vacancy,
            centre_id=ctx.centres[story.region.id].id,
            issued_by_id=consultant.id,
            issued_on=issued,
            report_by=ctx.add_working(issued, 5),
            employer_answer_by=ctx.add_working(issued, 3) if vacancy.kind == K.SOCIAL_JOB else None,
            outcome=outcome,
            outcome_on=outcome_on,
            counted_as_suitable_offer=suitable,
            suitability=checks,
            refusal_reason=refusal,
            created_at=ctx.at(issued),
            updated_at=ctx.at(outcome_on or issued),
        )
        self.told.referrals.append(referral)
        return referral

    def apply(self, story: Story, listing: Listing, day: date, status: ApplicationStatus) -> None:
        key = (id(story.seeker), id(listing.vacancy))
        if key in self.applied:
            return
        self.applied.add(key)
        kk = story.lang == "kk"
        letter = (
            "Сәлеметсіз бе! Бос жұмыс орнына қызығушылық танытамын, тәжірибем бар."
            if kk
            else "Здравствуйте! Заинтересовала ваша вакансия, готов(а) выйти на собеседование."
        )
        self.told.applications.append(
            Application(
                seeker=story.seeker,
                vacancy=listing.vacancy,
                cover_letter=letter if self.rng.random() < 0.5 else None,
                status=status,
                created_at=self.ctx.at(day),
                updated_at=self.ctx.at(day),
            )
        )

    def place(
        self,
        story: Story,
        kind: VacancyKind,
        start: date,
        listing: Listing | None,
        referral: Referral | None,
        end: date | None = None,
        ended_reason: str | None = None,
        employer: Employer | None = None,
    ) -> Employer:
        if listing is not None:
            employer = listing.vacancy.employer
        if employer is None:
            local = self.ctx.employers_in(story.region.id)
            # The region's municipal enterprise comes first: it runs the public works.
            employer = local[0] if kind == K.PUBLIC_WORKS else self.rng.choice(local)
        placement = Placement(
            seeker=story.seeker,
            vacancy=listing.vacancy if listing else None,
            employer_id=employer.id,
            kind=kind,
            is_permanent=kind in (K.REGULAR, K.DISABILITY_QUOTA),
            started_on=start,
            ended_on=end,
            ended_reason=ended_reason,
            created_at=self.ctx.at(start),
        )
        self.told.placements.append((placement, referral))
        title = listing.vacancy.title if listing else title_text(story.title, story.lang)
        story.seeker.work_history.append(
            WorkExperience(
                employer_name=employer.name,
                position=title,
                occupation_code=(listing.vacancy.occupation_code if listing else None)
                or (story.title.code if story.title.code in self.ctx.occupation_codes else None),
                started_on=start,
                ended_on=end,
                last_wage=listing.vacancy.salary_from if listing else None,
            )
        )
        return employer

    def _history_before(self, story: Story, until: date) -> None:
        """Work history for adults, ending before ``until`` (registration or job loss)."""
        if story.stage in ("student", "boundary29", "boundary30", "youth"):
            return
        start_after = story.graduated_on or (story.seeker.birth_date + timedelta(days=18 * 365))
        jobs = self.rng.randint(1, 3 if story.stage == "adult" else 2)
        story.seeker.work_history.extend(
            work_history(self.ctx, story, until, start_after, jobs) if until > start_after else []
        )

    def _register(self, story: Story, reg: date, consultant: User, job_loss: bool) -> date:
        """Registration and, 10 working days later, unemployed status; returns that day."""
        seeker = story.seeker
        seeker.registered_on = reg
        seeker.created_at = seeker.updated_at = self.ctx.at(reg)
        lost = reg - timedelta(
            days=self.rng.randint(5, 80) if job_loss else self.rng.randint(90, 900)
        )
        self._history_before(story, lost)
        if job_loss and seeker.work_history and (self.ctx.today - lost).days < 180:
            seeker.receives_job_loss_payment = self.rng.random() < 0.6
        self.change(story, SeekerStatus.JOB_SEEKER, reg, REGISTERED, consultant)
        return becomes_unemployed_on(reg, self.ctx.calendar)

    def _applications(self, story: Story, since: date | None) -> None:
        """Online applications to live vacancies, mostly in the person's own region."""
        ctx = self.ctx
        rng = self.rng
        if rng.random() > 0.5:
            return
        start = max(since or ctx.today, ctx.today - timedelta(days=25))
        for _ in range(rng.randint(1, 3)):
            day = start + timedelta(days=rng.randint(0, max(0, (ctx.today - start).days)))
            region = story.region if rng.random() < 0.85 else ctx.region_by_population()
            listing = self.listings.find(
                story, day, {K.REGULAR, K.DISABILITY_QUOTA}, region_id=region.id
            )
            if listing is None or listing.vacancy.status != VacancyStatus.PUBLISHED:
                continue
            if listing.vacancy.kind == K.DISABILITY_QUOTA and not story.seeker.disability_group:
                continue
            status = ctx.weighted(
                (
                    ApplicationStatus.SUBMITTED,
                    ApplicationStatus.VIEWED,
                    ApplicationStatus.INVITED,
                    ApplicationStatus.REJECTED,
                    ApplicationStatus.WITHDRAWN,
                ),
                (35, 25, 15, 20, 5),
            )
            self.apply(story, listing, day, status)

    def _cv(self, story: Story, since: date) -> None:
        ctx = self.ctx
        rng = self.rng
        if rng.random() > 0.85:
            return
        seeker = story.seeker
        registered = story.status is not None
        visibility = ctx.weighted(
            (CvVisibility.PUBLIC, CvVisibility.CENTRES, CvVisibility.HIDDEN),
            (45, 40, 15) if registered else (70, 5, 25),
        )
        day = min(ctx.today, since + timedelta(days=rng.randint(0, 5)))
        created = ctx.at(day)
        cv = Cv(
            title=title_text(story.title, story.lang),
            summary=_summary(story, ctx.today),
            lang=story.lang,
            visibility=visibility,
            consent_publish_at=created if visibility == CvVisibility.PUBLIC else None,
            created_at=created,
            updated_at=created,
        )
        seeker.cv = cv
        self.told.cvs.append(cv)

    def contract(self, family: Family, members: list[Story]) -> None:
        """The household's social contract (6 months, sometimes extended by 6)."""
        ctx = self.ctx
        head = members[0]
        family.centre_id = ctx.centres[head.region.id].id
        start = ctx.today - timedelta(days=self.rng.randint(10, 300))
        months = 12 if self.rng.random() < 0.3 else 6
        family.contract_from = start
        family.contract_to = add_months(start, months)
        family.note = (
            "Әлеуметтік келісімшарт: отбасының еңбекке қабілетті мүшелерін "
            "жұмысқа орналастыру жоспары."
            if head.lang == "kk"
            else "Социальный контракт: план трудоустройства трудоспособных членов семьи."
        )


def _summary(story: Story, today: date) -> str:
    seeker = story.seeker
    kk = story.lang == "kk"
    years = int(experience_years(seeker, today))
    skills = ", ".join(seeker.skills)
    top = highest_education(seeker)
    if top is not None and top.level not in LEVEL_TEXT:
        top = None
    title = title_text(story.title, story.lang)
    if kk:
        parts = [
            f"{years} жылдан астам жұмыс тәжірибесі бар."
            if years
            else "Үйренуге және жұмыс істеуге дайынмын.",
            f"Негізгі дағдылар: {skills}.",
        ]
        if top is not None:
            spec = f", {top.specialty_name}" if top.specialty_name else ""
            parts.append(f"Білімі: {LEVEL_TEXT[top.level][1]}{spec}.")
        parts.append(f"Қалаған жұмыс: {title}. Елді мекен: {story.locality.name_kk}.")
    else:
        parts = [
            f"Опыт работы более {years} лет." if years else "Готов(а) учиться и работать.",
            f"Ключевые навыки: {skills}.",
        ]
        if top is not None:
            spec = f", {top.specialty_name}" if top.specialty_name else ""
            parts.append(f"Образование: {LEVEL_TEXT[top.level][0]}{spec}.")
        parts.append(f"Желаемая должность: {title}. Населённый пункт: {story.locality.name_ru}.")
    return " ".join(parts)
