"""Demo vacancies: every kind, in all regions, with texts in Kazakh and Russian."""

from __future__ import annotations

from datetime import timedelta

from app.models import (
    Employer,
    EmploymentType,
    Experience,
    Locality,
    Region,
    Schedule,
    User,
    Vacancy,
    VacancyKind,
    VacancySource,
    VacancyStatus,
)

from .common import MIN_WAGE, REGION_PAY, Ctx, round_to, title_text
from .jobs import SECTOR_JOBS, Job, Title
from .jobs_data import JOBS, JOBS_BY_KEY
from .names import CONDITIONS, KIND_TEXT, RURAL_STREETS, SCHEDULE_TEXT, STREETS

K = VacancyKind
KIND_SHARES: dict[VacancyKind, float] = {
    K.REGULAR: 0.70,
    K.SOCIAL_JOB: 0.08,
    K.YOUTH_PRACTICE: 0.08,
    K.PUBLIC_WORKS: 0.08,
    K.DISABILITY_QUOTA: 0.06,
}
STATUS_SHARES: dict[VacancyStatus, float] = {
    VacancyStatus.PUBLISHED: 0.84,
    VacancyStatus.DRAFT: 0.05,
    VacancyStatus.CLOSED: 0.06,
    VacancyStatus.ARCHIVED: 0.05,
}
LIFETIME = timedelta(days=30)
PROGRAMME_EMPLOYMENT = {
    K.SOCIAL_JOB: EmploymentType.TEMPORARY,
    K.YOUTH_PRACTICE: EmploymentType.INTERNSHIP,
    K.PUBLIC_WORKS: EmploymentType.TEMPORARY,
}
_PUBLIC_WORKS_SECTORS = ("municipal", "social", "school", "health")


def quotas(total: int, shares: dict[VacancyKind, float]) -> dict[VacancyKind, int]:
    """Whole counts per kind summing to ``total``; every kind present once there is room."""
    counts = {kind: int(total * share) for kind, share in shares.items()}
    if total >= len(shares):
        for kind in shares:
            counts[kind] = max(counts[kind], 1)
    first = next(iter(shares))
    counts[first] += total - sum(counts.values())
    return counts


def kinds_in_order(ctx: Ctx, total: int) -> list[VacancyKind]:
    kinds = [kind for kind, n in quotas(total, KIND_SHARES).items() for _ in range(n)]
    ctx.rng.shuffle(kinds)
    return kinds


def statuses_in_order(ctx: Ctx, total: int) -> list[VacancyStatus]:
    counts = {s: int(total * share) for s, share in STATUS_SHARES.items()}
    if total >= 20:
        for status in counts:
            counts[status] = max(counts[status], 1)
    counts[VacancyStatus.PUBLISHED] += total - sum(counts.values())
    statuses = [s for s, n in counts.items() for _ in range(n)]
    ctx.rng.shuffle(statuses)
    return statuses


def _jobs_for(kind: VacancyKind) -> list[Job]:
    return [j for j in JOBS if kind == K.REGULAR or kind in j.kinds]


def _pick_employer(ctx: Ctx, region: Region, kind: VacancyKind) -> tuple[Employer, Job]:
    rng = ctx.rng
    allowed = {j.key for j in _jobs_for(kind)}
    here = ctx.employers_in(region.id)
    if kind == K.PUBLIC_WORKS:
        here = [e for e in here if ctx.employer_sector[id(e)] in _PUBLIC_WORKS_SECTORS] or here
    fitting = [
        e for e in here if any(key in allowed for key in SECTOR_JOBS[ctx.employer_sector[id(e)]])
    ]
    if fitting and (kind != K.REGULAR or rng.random() < 0.97):
        employer = rng.choice(fitting)
        keys = [k for k in SECTOR_JOBS[ctx.employer_sector[id(employer)]] if k in allowed]
        return employer, JOBS_BY_KEY[rng.choice(keys)]
    employer = rng.choice(here or ctx.employers)
    return employer, rng.choice(_jobs_for(kind))


def _salary(
    ctx: Ctx, job: Job, kind: VacancyKind, region: Region, loc: Locality
) -> tuple[int | None, int | None]:
    rng = ctx.rng
    if kind == K.PUBLIC_WORKS:
        value = rng.choice((MIN_WAGE, 90_000, 100_000, 102_000, 110_000, 120_000))
        return value, value
    if kind == K.YOUTH_PRACTICE:
        value = rng.choice((118_000, 120_000, 130_000, 135_000))
        return value, value
    low, high = job.pay
    factor = REGION_PAY.get(region.kato, 0.95) * (1.0 if loc.is_urban else 0.85)
    base = max(MIN_WAGE, round_to(rng.uniform(low, high) * factor, 5_000))
    if kind == K.SOCIAL_JOB:
        base = max(MIN_WAGE + 15_000, round_to(base * 0.7, 5_000))
    shape = rng.random()
    if shape < 0.15 and kind == K.REGULAR:
        return None, None
    if shape < 0.55:
        top = round_to(base * rng.uniform(1.15, 1.6), 10_000)
        return base, max(top, base)
    if shape < 0.85:
        return base, None
    return base, base


def _places(ctx: Ctx, kind: VacancyKind, job: Job) -> int:
    rng = ctx.rng
    if kind == K.PUBLIC_WORKS:
        return rng.randint(3, 25)
    if kind in (K.SOCIAL_JOB, K.YOUTH_PRACTICE):
        return rng.randint(1, 3)
    roll = rng.random()
    if roll < 0.7 or job.key in ("programmer", "accountant", "teacher"):
        return 1
    return rng.randint(2, 3) if roll < 0.92 else rng.randint(4, 10)


def _languages(ctx: Ctx, job: Job, lang: str) -> list[str]:
    roll = ctx.rng.random()
    langs = ["kk", "ru"] if roll < 0.6 else ([lang] if roll < 0.92 else ["ru", "kk"])
    if job.key == "programmer" and ctx.rng.random() < 0.6:
        langs.append("en")
    return langs


def describe(
    ctx: Ctx,
    job: Job,
    title: str,
    lang: str,
    employer: Employer,
    loc: Locality,
    address: str,
    schedule: Schedule,
    kind: VacancyKind,
) -> str:
    """Description paragraphs: intro, duties, requirements, conditions, place, programme."""
    rng = ctx.rng
    kk = lang == "kk"
    duties = rng.sample(job.duties_kk if kk else job.duties_ru, k=min(len(job.duties_ru), 3))
    reqs = rng.sample(job.reqs_kk if kk else job.reqs_ru, k=min(len(job.reqs_ru), 2))
    conditions = [c[1] if kk else c[0] for c in rng.sample(CONDITIONS, k=3)]
    conditions.insert(0, SCHEDULE_TEXT[schedule.value][1 if kk else 0])
    if kk:
        intro = rng.choice(
            (
                f"{employer.name} «{title}» лауазымына қызметкер іздейді.",
                f"{employer.name} жұмысқа шақырады: {title}.",
                f"«{title}» бос жұмыс орны ашық. Жұмыс беруші: {employer.name}.",
            )
        )
        heads = ("Міндеттері:", "Талаптар:", "Жұмыс жағдайлары:")
        place = f"Жұмыс орны: {loc.name_kk}, {address}."
    else:
        intro = rng.choice(
            (
                f"{employer.name} ищет сотрудника на должность «{title}».",
                f"{employer.name} приглашает на работу: {title}.",
                f"Открыта вакансия «{title}». Работодатель: {employer.name}.",
            )
        )
        heads = ("Обязанности:", "Требования:", "Условия:")
        place = f"Место работы: {loc.name_ru}, {address}."
    parts = [intro]
    for head, items in zip(heads, (duties, reqs, conditions), strict=True):
        parts.append(head + "\n" + "\n".join(f"- {item}" for item in items))
    parts.append(place)
    if kind.value in KIND_TEXT:
        parts.append(KIND_TEXT[kind.value][1 if kk else 0])
    return "\n\n".join(parts)


def _address(ctx: Ctx, loc: Locality, lang: str) -> str:
    street = ctx.rng.choice(STREETS if loc.is_urban else RURAL_STREETS)
    return f"{street[1] if lang == 'kk' else street[0]}, {ctx.rng.randint(1, 160)}"


def set_timing(ctx: Ctx, vacancy: Vacancy, status: VacancyStatus) -> None:
    """Published within the last 60 days; live ones not yet expired, closed ones older."""
    rng = ctx.rng
    if status == VacancyStatus.DRAFT:
        vacancy.created_at = ctx.at(ctx.today - timedelta(days=rng.randint(0, 10)))
    else:
        days = rng.randint(0, 28) if status == VacancyStatus.PUBLISHED else rng.randint(31, 60)
        vacancy.published_at = ctx.at(ctx.today - timedelta(days=days))
        vacancy.expires_at = vacancy.published_at + LIFETIME
        vacancy.created_at = vacancy.published_at - timedelta(hours=rng.randint(1, 48))
    vacancy.updated_at = vacancy.published_at or vacancy.created_at


def build_vacancy(
    ctx: Ctx, kind: VacancyKind, status: VacancyStatus, region: Region
) -> tuple[Vacancy, Job]:
    rng = ctx.rng
    employer, job = _pick_employer(ctx, region, kind)
    title: Title = rng.choice(job.titles)
    if employer.region_id != region.id:
        region = ctx.region(employer.region_id or region.id)
    if employer.locality_id is not None and rng.random() < 0.6:
        loc = next(x for x in ctx.localities[region.id] if x.id == employer.locality_id)
    else:
        loc = ctx.locality_in(region.id, job.rural)
    lang = ctx.lang_for(region)
    text = title_text(title, lang)
    schedule = rng.choice(job.schedules)
    address = _address(ctx, loc, lang)
    lat, lon = ctx.jitter(loc)
    salary_from, salary_to = _salary(ctx, job, kind, region, loc)
    if kind in PROGRAMME_EMPLOYMENT:
        employment = PROGRAMME_EMPLOYMENT[kind]
    elif job.key in ("tractor", "builder") and rng.random() < 0.3:
        employment = EmploymentType.SEASONAL
    elif job.key in ("cleaner", "courier", "call_centre") and rng.random() < 0.25:
        employment = EmploymentType.PART
    else:
        employment = EmploymentType.FULL
    programme = kind != K.REGULAR
    skills = rng.sample(
        job.skills_kk if lang == "kk" else job.skills_ru, k=min(3, len(job.skills_ru))
    )
    centre = ctx.centres[region.id]
    from_centre = kind in (K.SOCIAL_JOB, K.YOUTH_PRACTICE, K.PUBLIC_WORKS) or rng.random() < 0.2
    source = VacancySource.CENTRE if from_centre and rng.random() < 0.7 else VacancySource.EMPLOYER
    author: User | None
    if source == VacancySource.CENTRE:
        author = rng.choice(ctx.staff[region.id])
    else:
        author = ctx.employer_user.get(id(employer))
    vacancy = Vacancy(
        employer=employer,
        centre=centre if from_centre else None,
        title=text,
        description=describe(ctx, job, text, lang, employer, loc, address, schedule, kind),
        lang=lang,
        occupation_code=title.code if title.code in ctx.occupation_codes else None,
        region_id=region.id,
        locality_id=loc.id,
        address=address,
        lat=lat,
        lon=lon,
        salary_from=salary_from,
        salary_to=salary_to,
        schedule=schedule,
        employment_type=employment,
        experience=Experience.NONE if programme else rng.choice(job.experience),
        education_level=job.education if rng.random() < 0.8 or kind == K.YOUTH_PRACTICE else None,
        skills=skills,
        languages=_languages(ctx, job, lang),
        places=_places(ctx, kind, job),
        kind=kind,
        hazardous=not programme and rng.random() < job.hazardous,
        status=status,
        source=source,
        created_by_id=author.id if author is not None else None,
    )
    if kind == K.YOUTH_PRACTICE and vacancy.education_level is None:
        vacancy.education_level = job.education
    vacancy.apply_kind_defaults()
    if kind == K.SOCIAL_JOB and rng.random() < 0.4:
        vacancy.max_duration_months = rng.choice((6, 9))
    set_timing(ctx, vacancy, status)
    return vacancy, job


def make_vacancies(ctx: Ctx, kinds: list[VacancyKind]) -> list[Vacancy]:
    """One vacancy per entry of ``kinds``; the first of each kind cycle through all regions."""
    statuses = statuses_in_order(ctx, len(kinds))
    made: list[Vacancy] = []
    seen: dict[VacancyKind, int] = {}
    for kind, status in zip(kinds, statuses, strict=True):
        n = seen.get(kind, 0)
        seen[kind] = n + 1
        if kind == K.REGULAR and n < len(ctx.regions):
            region = ctx.regions[n]
        else:
            region = ctx.region_by_population()
        vacancy, job = build_vacancy(ctx, kind, status, region)
        ctx.vacancies.append(vacancy)
        ctx.vacancy_job[id(vacancy)] = job.key
        made.append(vacancy)
    return made
