"""What happened to each demo person at the centre: registration, status history, referrals,
applications, placements, the CV, and the household's social contract.

Dates follow the rules: unemployed status on the 10th working day after registration (when no
suitable work was found), referrals reported within 5 working days, social-job employers answer
within 3, deregistration after two refused suitable offers.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.models import (
    ApplicationStatus,
    SeekerStatus,
    User,
    VacancyKind,
)
from matching.rules import (
    MISSED_CHECK_IN,
    NO_SHOW,
    REFUSED_SUITABLE_OFFERS,
    add_months,
)

from .events import (
    DEREGISTRATION_REASONS,
    HIRED,
    NO_WORK_FOUND,
    PROGRAMME,
    Events,
    K,
    R,
)
from .listings import REFERRAL_WINDOW_DAYS, Listing, assess, may_take
from .people import Story


class Teller(Events):
    """Tells each person's story by their planned status, from the building blocks."""

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
        if not may_take(story, kind, began, SeekerStatus.UNEMPLOYED):
            # Excused from active measures (a carer, say): no programme, a job found directly.
            self._hire(story, K.REGULAR, permanent, reg, consultant)
            self._applications(story, reg)
            return
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
