"""What happened to each demo person at the centre: registration, status history, referrals,
applications, placements, the CV, and the household's social contract.

Dates follow the rules: unemployed status on the 10th working day after registration (when no
suitable work was found), referrals reported within 5 working days, social-job employers answer
within 3, deregistration after two refused suitable offers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

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
    Schedule,
    SeekerStatus,
    StatusChange,
    User,
    Vacancy,
    VacancyKind,
    VacancyStatus,
    WorkExperience,
)
from app.services.people import experience_years, highest_education, person_facts
from app.services.referrals import assess_offer
from matching.geo import distance_km
from matching.rules import (
    MISSED_CHECK_IN,
    NO_SHOW,
    REFUSED_SUITABLE_OFFERS,
    PersonFacts,
    PlacementFacts,
    add_months,
    becomes_unemployed_on,
    programme_eligibility,
)

from .common import Ctx, title_text
from .people import LEVEL_TEXT, Story, work_history

K = VacancyKind
R = ReferralOutcome
REFERRAL_WINDOW_DAYS = 58  # vacancies were published within the last 60 days

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


class Teller:
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

    # -- the stories ----------------------------------------------------------------------
    def tell(self, story: Story) -> None:
        ctx = self.ctx
        seeker = story.seeker
        status = story.status
        if status is None:
            seeker.created_at = seeker.updated_at = ctx.at(
                ctx.today - timedelta(days=self.rng.randint(1, 90))
            )
            self._history_before(story, ctx.today - timedelta(days=self.rng.randint(30, 700)))
            self._applications(story, None)
            self._cv(story, ctx.today - timedelta(days=self.rng.randint(1, 200)))
            return
        centre = ctx.centres[story.region.id]
        consultant = self.rng.choice(ctx.staff[story.region.id])
        seeker.centre_id = centre.id
        seeker.consultant_id = consultant.id
        if status == SeekerStatus.JOB_SEEKER:
            self._job_seeker(story, consultant)
        elif status == SeekerStatus.UNEMPLOYED:
            self._unemployed(story, consultant)
        elif status == SeekerStatus.EMPLOYED:
            self._employed(story, consultant)
        else:
            self._deregistered(story, consultant)
        seeker.status = status
        seeker.status_since = self.last_change[id(seeker)]
        self._cv(story, seeker.registered_on or ctx.today)

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

    def _job_seeker(self, story: Story, consultant: User) -> None:
        ctx = self.ctx
        reg = ctx.working_days_back(ctx.today, self.rng.randint(0, 9))
        self._register(story, reg, consultant, self.rng.random() < 0.5)
        if self.rng.random() < 0.05 and not story.seeker.receives_job_loss_payment:
            # Idle while the employer is at a standstill: may take public works meanwhile.
            story.seeker.on_downtime = story.seeker.has_paid_work = True
        if self.rng.random() < 0.55:
            issued = ctx.by_today(ctx.add_working(reg, self.rng.randint(0, 3)))
            listing = self.listings.find(story, issued, {K.REGULAR})
            if listing is not None:
                report_by = ctx.add_working(issued, 5)
                if report_by >= ctx.today or self.rng.random() < 0.5:
                    self.refer(story, listing, issued, R.PENDING, None, consultant)
                else:
                    done = ctx.by_today(ctx.add_working(issued, 2))
                    self.refer(story, listing, issued, R.REJECTED_BY_EMPLOYER, done, consultant)
        self._applications(story, reg)

    def _unemployed(self, story: Story, consultant: User) -> None:
        ctx = self.ctx
        rng = self.rng
        long_term = not story.stage.startswith("boundary") and (
            rng.random() < 0.35 or not self.long_term_told
        )
        self.long_term_told = self.long_term_told or long_term
        back = rng.randint(135, 420) if long_term else rng.randint(11, 130)
        reg = ctx.working_days_back(ctx.today, back)
        unemployed_on = self._register(story, reg, consultant, rng.random() < 0.6)
        self.change(story, SeekerStatus.UNEMPLOYED, unemployed_on, NO_WORK_FOUND, consultant)
        if rng.random() < 0.7:
            self._offers(
                story, consultant, max(reg, ctx.today - timedelta(days=REFERRAL_WINDOW_DAYS))
            )
        self._applications(story, reg)

    def _offers(self, story: Story, consultant: User, since: date) -> None:
        """1-3 referrals of every outcome for an unemployed person; at most one suitable refusal."""
        ctx = self.ctx
        rng = self.rng
        refused_suitable = 0
        used: set[int] = set()
        last = ctx.working_days_back(ctx.today, 1)
        if since >= last:
            return
        for _ in range(rng.randint(1, 3)):
            issued = ctx.working_day_on_or_before(
                since + timedelta(days=rng.randint(0, (last - since).days))
            )
            if issued < since:
                issued = ctx.add_working(issued, 1)
            kinds = [K.REGULAR]
            for kind in (K.SOCIAL_JOB, K.PUBLIC_WORKS, K.YOUTH_PRACTICE, K.DISABILITY_QUOTA):
                if may_take(story, kind, issued, SeekerStatus.UNEMPLOYED) or (
                    kind == K.DISABILITY_QUOTA and story.seeker.disability_group
                ):
                    kinds.append(kind)
            wanted = {rng.choice(kinds)} if rng.random() < 0.45 else {K.REGULAR}
            listing = None
            if wanted == {K.REGULAR} and rng.random() < 0.6:
                # Consultants look for suitable work first.
                listing = self._suitable_listing(story, issued, used)
            listing = listing or self.listings.find(story, issued, wanted, used)
            if listing is None:
                continue
            used.add(id(listing.vacancy))
            report_by = ctx.add_working(issued, 5)
            suitable, _ = assess(story, listing, issued)
            if report_by >= ctx.today:
                self.refer(story, listing, issued, R.PENDING, None, consultant)
                continue
            outcome = ctx.weighted(
                (R.REJECTED_BY_EMPLOYER, R.REFUSED_BY_SEEKER, R.EXPIRED, R.PENDING, R.NO_SHOW),
                (35, 22, 15, 18, 5),
            )
            if outcome == R.REFUSED_BY_SEEKER and suitable:
                if refused_suitable >= 1:
                    outcome = R.REJECTED_BY_EMPLOYER
                refused_suitable += 1
            done: date | None
            if outcome == R.PENDING:
                done = None  # overdue: the report was due and has not come
            elif outcome == R.EXPIRED:
                done = ctx.by_today(ctx.add_working(report_by, 1))
            elif outcome == R.NO_SHOW:
                done = report_by
            else:
                done = ctx.by_today(ctx.add_working(issued, rng.randint(1, 4)))
            referral = self.refer(story, listing, issued, outcome, done, consultant)
            if outcome == R.NO_SHOW:
                referral.note = (
                    "Себебі дәлелді: науқастану (анықтама берілді)"
                    if story.lang == "kk"
                    else "Уважительная причина: болезнь (справка представлена)"
                )

    def _employed(self, story: Story, consultant: User) -> None:
        ctx = self.ctx
        rng = self.rng
        seeker = story.seeker
        seeker.has_paid_work = True
        path = ctx.weighted(
            (
                K.REGULAR,
                K.DISABILITY_QUOTA,
                K.SOCIAL_JOB,
                K.PUBLIC_WORKS,
                K.YOUTH_PRACTICE,
                "after",
            ),
            (52, 6 if seeker.disability_group else 0, 12, 8, 12, 15),
        )
        if path == "after":
            self._after_programme(story, consultant)
            return
        kind = K(path)
        recent = rng.random() < 0.6
        # Still at work today: youth practice lasts at most 6 months, social jobs 12.
        longest = 100 if kind in (K.YOUTH_PRACTICE, K.PUBLIC_WORKS) else 200
        start = ctx.working_days_back(
            ctx.today, rng.randint(1, 35) if recent else rng.randint(36, longest)
        )
        programme = kind in (K.SOCIAL_JOB, K.PUBLIC_WORKS, K.YOUTH_PRACTICE)
        reg = ctx.working_days_back(start, rng.randint(11, 60) if programme else rng.randint(2, 60))
        unemployed_on = self._register(story, reg, consultant, rng.random() < 0.5)
        if unemployed_on < start:
            self.change(story, SeekerStatus.UNEMPLOYED, unemployed_on, NO_WORK_FOUND, consultant)
        if kind != K.REGULAR and not may_take(story, kind, start, SeekerStatus.UNEMPLOYED):
            kind = K.REGULAR
        self._hire(story, kind, start, reg, consultant)
        self._applications(story, reg)

    def _hire(
        self,
        story: Story,
        kind: VacancyKind,
        start: date,
        reg: date,
        consultant: User,
    ) -> None:
        """The placement starting ``start``, through a referral, an application or neither."""
        ctx = self.ctx
        rng = self.rng
        issued = ctx.working_days_back(start, rng.randint(2, 6))
        listing = None
        referral = None
        if issued >= reg:
            listing = self.listings.find(story, issued, {kind}, same_job=0.9)
        if listing is not None and rng.random() < 0.75:
            done = ctx.working_days_back(start, rng.randint(0, 1))
            referral = self.refer(story, listing, issued, R.HIRED, max(done, issued), consultant)
        elif listing is not None:
            self.apply(story, listing, issued, ApplicationStatus.HIRED)
        reason = HIRED if kind in (K.REGULAR, K.DISABILITY_QUOTA) else PROGRAMME
        self.change(story, SeekerStatus.EMPLOYED, start, reason, consultant)
        self.place(story, kind, start, listing, referral)

    def _after_programme(self, story: Story, consultant: User) -> None:
        """A social job or youth practice that ended, then a permanent job (often the same)."""
        ctx = self.ctx
        rng = self.rng
        kind = K.YOUTH_PRACTICE if story.stage in ("youth", "boundary29") else K.SOCIAL_JOB
        months = rng.randint(3, 6) if kind == K.YOUTH_PRACTICE else rng.randint(6, 12)
        permanent = ctx.working_days_back(ctx.today, rng.randint(1, 120))
        ended = permanent - timedelta(days=rng.choice((1, 1, 3, 14, 30)))
        began = add_months(ended, -months)
        began = ctx.working_day_on_or_before(began)
        reg = ctx.working_days_back(began, rng.randint(11, 40))
        unemployed_on = self._register(story, reg, consultant, rng.random() < 0.5)
        self.change(story, SeekerStatus.UNEMPLOYED, unemployed_on, NO_WORK_FOUND, consultant)
        if not may_take(story, kind, began, SeekerStatus.UNEMPLOYED):
            kind = K.SOCIAL_JOB
        stays = rng.random() < 0.7
        self.change(story, SeekerStatus.EMPLOYED, began, PROGRAMME, consultant)
        listing = self.listings.find(story, began, {kind})
        employer = self.place(
            story,
            kind,
            began,
            listing,
            None,
            end=ended,
            ended_reason="hired_permanently" if stays else "programme_completed",
        )
        listing = None if stays else self.listings.find(story, permanent, {K.REGULAR})
        self.place(story, K.REGULAR, permanent, listing, None, employer=employer if stays else None)
        self._applications(story, reg)

    def _deregistered(self, story: Story, consultant: User) -> None:
        """Deregistered: two suitable offers refused, a no-show, missed check-ins, or left."""
        ctx = self.ctx
        rng = self.rng
        reasons = list(DEREGISTRATION_REASONS)
        reason = ctx.weighted(reasons, list(DEREGISTRATION_REASONS.values()))
        if not self.refused_twice_told:
            reason = REFUSED_SUITABLE_OFFERS  # until one such story is told
        if reason == REFUSED_SUITABLE_OFFERS:
            # Offers of the last weeks (most vacancies were published within the last month).
            first = ctx.working_days_back(ctx.today, rng.randint(10, 16))
            reg = ctx.working_days_back(first, rng.randint(11, 120))
        elif reason == NO_SHOW:
            first = ctx.working_days_back(ctx.today, rng.randint(9, 30))
            reg = ctx.working_days_back(first, rng.randint(11, 120))
        else:
            first = ctx.working_days_back(ctx.today, rng.randint(1, 150))
            reg = ctx.working_days_back(first, rng.randint(15, 200))
        unemployed_on = self._register(story, reg, consultant, rng.random() < 0.5)
        if unemployed_on < first:
            self.change(story, SeekerStatus.UNEMPLOYED, unemployed_on, NO_WORK_FOUND, consultant)
        off: date | None = None
        if reason == REFUSED_SUITABLE_OFFERS:
            off = self._refused_twice(story, consultant, first)
            self.refused_twice_told = self.refused_twice_told or off is not None
        elif reason == NO_SHOW:
            off = self._no_show(story, consultant, first)
        if off is None:
            if reason in (REFUSED_SUITABLE_OFFERS, NO_SHOW):
                reason = ctx.weighted((MISSED_CHECK_IN, "own_request", "moved_away"), (2, 1, 1))
            off = first
        self.change(story, SeekerStatus.DEREGISTERED, off, reason, consultant)

    def _suitable_listing(self, story: Story, day: date, used: set[int]) -> Listing | None:
        live = self.listings.live(story.region.id, day, {K.REGULAR}, used)
        suitable = [item for item in live if assess(story, item, day)[0]]
        return self.rng.choice(suitable) if suitable else None

    def _refused_twice(self, story: Story, consultant: User, first_day: date) -> date | None:
        """Two offers of suitable work refused (domain.md, 002:696-786); the day it is final."""
        ctx = self.ctx
        rng = self.rng
        found: tuple[date, Listing, date, Listing] | None = None
        for shift in (0, 2, 4):  # another week's vacancies if none suited
            day1 = ctx.add_working(first_day, shift)
            day2 = ctx.add_working(day1, rng.randint(2, 4))
            if ctx.add_working(day2, 1) > ctx.today:
                break
            used: set[int] = set()
            first = self._suitable_listing(story, day1, used)
            if first is not None:
                used.add(id(first.vacancy))
            second = self._suitable_listing(story, day2, used)
            if first is not None and second is not None:
                found = (day1, first, day2, second)
                break
        if found is None:
            return None
        day1, first, day2, second = found
        answered = day1
        for day, listing in ((day1, first), (day2, second)):
            answered = ctx.by_today(ctx.add_working(day, rng.randint(1, 3)))
            self.refer(story, listing, day, R.REFUSED_BY_SEEKER, answered, consultant)
        return ctx.by_today(ctx.add_working(answered, rng.randint(0, 2)))

    def _no_show(self, story: Story, consultant: User, issued: date) -> date | None:
        ctx = self.ctx
        listing = self.listings.find(story, issued, {K.REGULAR})
        if listing is None:
            return None
        report_by = ctx.add_working(issued, 5)
        self.refer(story, listing, issued, R.NO_SHOW, report_by, consultant)
        return ctx.by_today(ctx.add_working(report_by, self.rng.randint(1, 3)))

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
