"""What the demo generators share: the random source, today, the calendar, reference rows."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from app.models import Centre, Employer, Locality, Region, Sex, User, Vacancy
from matching.calendar import WorkCalendar

from .jobs import Job, Title
from .jobs_data import JOBS_BY_KEY
from .names import (
    KAZAKH_FEMALE,
    KAZAKH_MALE,
    KAZAKH_PATRONYMICS,
    KAZAKH_SURNAMES,
    RUSSIAN_FEMALE,
    RUSSIAN_MALE,
    RUSSIAN_PATRONYMICS,
    RUSSIAN_SURNAMES,
)

T = TypeVar("T")

DEMO_PASSWORD = "demo-password"
DEMO_DOMAIN = "demo.kz"
MIN_WAGE = 85_000

# Relative population, which drives where employers, vacancies and people are (KATO of region).
REGION_WEIGHTS: dict[str, float] = {
    "750000000": 2.3,  # Almaty
    "710000000": 1.6,  # Astana
    "790000000": 1.3,  # Shymkent
    "610000000": 2.1,  # Turkistan region
    "190000000": 1.5,  # Almaty region
    "350000000": 1.15,  # Karaganda region
    "310000000": 1.05,  # Jambyl
    "630000000": 0.75,  # East Kazakhstan
    "150000000": 0.95,  # Aktobe
    "390000000": 0.83,  # Kostanay
    "430000000": 0.84,  # Kyzylorda
    "470000000": 0.8,  # Mangystau
    "230000000": 0.7,  # Atyrau
    "270000000": 0.69,  # West Kazakhstan
    "550000000": 0.75,  # Pavlodar
    "110000000": 0.79,  # Akmola
    "590000000": 0.53,  # North Kazakhstan
    "100000000": 0.6,  # Abai
    "330000000": 0.7,  # Jetisu
    "620000000": 0.22,  # Ulytau
}
# Wages differ: oil regions and the big cities pay more, the south less.
REGION_PAY: dict[str, float] = {
    "750000000": 1.15,
    "710000000": 1.15,
    "230000000": 1.25,
    "470000000": 1.2,
    "620000000": 1.05,
    "350000000": 1.0,
    "610000000": 0.85,
    "310000000": 0.88,
    "430000000": 0.88,
    "790000000": 0.95,
}
# Share of Kazakh-language texts by region (the south and west write Kazakh more).
REGION_KAZAKH: dict[str, float] = {
    "610000000": 0.65,
    "430000000": 0.65,
    "310000000": 0.55,
    "790000000": 0.5,
    "230000000": 0.5,
    "470000000": 0.5,
    "190000000": 0.45,
    "330000000": 0.45,
    "750000000": 0.3,
    "710000000": 0.35,
    "390000000": 0.2,
    "590000000": 0.2,
    "550000000": 0.25,
    "350000000": 0.25,
    "630000000": 0.25,
}

_CYR_TO_LAT: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}  # fmt: skip


def slug(text: str) -> str:
    """An ASCII slug for e-mail and web addresses."""
    out: list[str] = []
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif ch in _CYR_TO_LAT:
            out.append(_CYR_TO_LAT[ch])
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-") or "org"


@dataclass
class Person:
    """A generated name in one of the two traditions."""

    last_name: str
    first_name: str
    patronymic: str | None
    sex: Sex
    kazakh: bool

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)


@dataclass
class Ctx:
    """The generators' shared state. Every random choice goes through ``rng``."""

    rng: random.Random
    today: date
    calendar: WorkCalendar
    regions: list[Region]
    localities: dict[int, list[Locality]]  # by region id, ordered by KATO
    occupation_codes: frozenset[str]
    password_hash: str
    centres: dict[int, Centre] = field(default_factory=dict)  # by region id
    staff: dict[int, list[User]] = field(default_factory=dict)  # by region id
    admin: User | None = None
    employers: list[Employer] = field(default_factory=list)
    extra_employers: list[Employer] = field(default_factory=list)  # those of imported texts
    employer_sector: dict[int, str] = field(default_factory=dict)  # id(employer) -> sector
    employer_user: dict[int, User] = field(default_factory=dict)  # id(employer) -> user
    vacancies: list[Vacancy] = field(default_factory=list)
    vacancy_job: dict[int, str] = field(default_factory=dict)  # id(vacancy) -> job key
    users: list[User] = field(default_factory=list)
    _by_region: dict[int, list[Employer]] = field(default_factory=dict)

    def employers_in(self, region_id: int) -> list[Employer]:
        """The generated employers of a region, oldest first (the municipal one leads)."""
        if not self._by_region:
            for employer in self.employers:
                self._by_region.setdefault(employer.region_id or 0, []).append(employer)
        return self._by_region.get(region_id, [])

    def region(self, region_id: int) -> Region:
        for region in self.regions:
            if region.id == region_id:
                return region
        raise KeyError(region_id)

    # -- random helpers -------------------------------------------------------------------
    def weighted(self, items: Sequence[T], weights: Sequence[float]) -> T:
        return self.rng.choices(items, weights=weights, k=1)[0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def region_by_population(self, boost: dict[str, float] | None = None) -> Region:
        weights = [
            REGION_WEIGHTS.get(r.kato, 0.7) * (boost or {}).get(r.kato, 1.0) for r in self.regions
        ]
        return self.weighted(self.regions, weights)

    def locality_in(self, region_id: int, rural: float) -> Locality:
        """A locality of the region: mostly its centre, sometimes a town, or a village."""
        places = self.localities[region_id]
        weights = []
        for loc in places:
            if loc.is_region_centre:
                weights.append(6.0 * (1 - rural) + 0.01)
            elif loc.is_urban:
                weights.append(1.0 * (1 - rural) + 0.01)
            else:
                weights.append(8.0 * rural / max(1, sum(not p.is_urban for p in places)) + 0.001)
        return self.weighted(places, weights)

    def jitter(self, loc: Locality) -> tuple[float, float]:
        spread = 0.03 if loc.is_urban else 0.008
        lat = loc.lat + self.rng.uniform(-spread, spread)
        lon = loc.lon + self.rng.uniform(-spread, spread) * 1.4
        return round(lat, 5), round(lon, 5)

    def phone(self) -> str:
        code = self.rng.choice(
            ("701", "702", "705", "707", "708", "747", "771", "775", "777", "778")
        )
        n = self.rng.randrange(10_000_000)
        return f"+7 {code} {n // 10_000:03d} {n // 100 % 100:02d} {n % 100:02d}"

    def person(self, sex: Sex | None = None, kazakh: bool | None = None) -> Person:
        rng = self.rng
        sex = sex or (Sex.MALE if rng.random() < 0.5 else Sex.FEMALE)
        kazakh = (rng.random() < 0.72) if kazakh is None else kazakh
        male = sex == Sex.MALE
        surnames = KAZAKH_SURNAMES if kazakh else RUSSIAN_SURNAMES
        last = rng.choice(surnames)[0 if male else 1]
        patronymic: str | None
        if kazakh:
            first = rng.choice(KAZAKH_MALE if male else KAZAKH_FEMALE)
            patronymic = rng.choice(KAZAKH_PATRONYMICS)[0 if male else 1]
        else:
            first = rng.choice(RUSSIAN_MALE if male else RUSSIAN_FEMALE)
            patronymic = rng.choice(RUSSIAN_PATRONYMICS)[0 if male else 1]
        if rng.random() < 0.08:
            patronymic = None
        return Person(last, first, patronymic, sex, kazakh)

    def lang_for(self, region: Region, kazakh_person: bool | None = None) -> str:
        share = REGION_KAZAKH.get(region.kato, 0.4)
        if kazakh_person is not None:
            share = min(0.9, share + 0.25) if kazakh_person else 0.03
        return "kk" if self.rng.random() < share else "ru"

    # -- dates ----------------------------------------------------------------------------
    def working_day_on_or_before(self, day: date) -> date:
        while not self.calendar.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def working_days_back(self, day: date, n: int) -> date:
        """The working day n working days before ``day`` (n=0: ``day`` or the one before)."""
        day = self.working_day_on_or_before(day)
        while n > 0:
            day -= timedelta(days=1)
            if self.calendar.is_working_day(day):
                n -= 1
        return day

    def by_today(self, day: date) -> date:
        """``day``, or today's last working day when ``day`` would be in the future."""
        return day if day <= self.today else self.working_day_on_or_before(self.today)

    def add_working(self, day: date, n: int) -> date:
        return self.calendar.add_working_days(day, n)

    def at(self, day: date, hour_from: int = 9, hour_to: int = 18) -> datetime:
        """A deterministic time of day on ``day`` (UTC; Kazakhstan is UTC+5)."""
        minutes = self.rng.randrange(hour_from * 60, hour_to * 60)
        local = datetime.combine(day, time(minutes // 60, minutes % 60), UTC)
        return local - timedelta(hours=5)


def job(key: str) -> Job:
    return JOBS_BY_KEY[key]


def title_text(title: Title, lang: str) -> str:
    return title.kk if lang == "kk" else title.ru


def round_to(value: float, step: int) -> int:
    return round(value / step) * step
