"""What the demo's jobs are made of: an occupation family (``Job``) and its bilingual titles,
and how employers' sectors and names map onto them. The families themselves are data, in
``jobs_data``.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.models import EducationLevel, Experience, Schedule, VacancyKind


@dataclass(frozen=True)
class Title:
    code: str
    ru: str
    kk: str


@dataclass(frozen=True)
class Job:
    """One occupation family: what a vacancy or a seeker in it looks like."""

    key: str
    titles: tuple[Title, ...]
    duties_ru: tuple[str, ...]
    duties_kk: tuple[str, ...]
    reqs_ru: tuple[str, ...]
    reqs_kk: tuple[str, ...]
    skills_ru: tuple[str, ...]
    skills_kk: tuple[str, ...]
    pay: tuple[int, int]  # a typical monthly wage band, KZT, before regional adjustment
    education: EducationLevel | None
    experience: tuple[Experience, ...]
    schedules: tuple[Schedule, ...]
    rural: float  # share of postings outside towns
    kinds: frozenset[VacancyKind]  # programme kinds the family is offered under
    hazardous: float = 0.0  # share of regular postings flagged heavy/harmful/dangerous
    # (code, name_ru, name_kk) of a typical education specialty, for education entries
    specialty: tuple[str, str, str] | None = None


def titles(*triples: tuple[str, str, str]) -> tuple[Title, ...]:
    return tuple(Title(*t) for t in triples)


# Sectors: what an employer does, hence which jobs it posts.
SECTOR_JOBS: dict[str, tuple[str, ...]] = {
    "construction": ("builder", "builder", "welder", "electrician", "plumber", "driver", "loader"),
    "agro": ("tractor", "livestock", "driver", "mechanic", "accountant", "cook"),
    "farm": ("livestock", "livestock", "tractor"),
    "retail": ("seller", "seller", "loader", "courier", "security", "sales", "cleaner"),
    "logistics": ("driver", "driver", "courier", "loader", "mechanic", "call_centre"),
    "food": ("cook", "cook", "waiter", "cleaner", "courier"),
    "services": ("cleaner", "security", "cleaner", "office"),
    "it": ("programmer", "programmer", "call_centre", "sales", "accountant"),
    "energy": ("electrician", "electrician", "welder", "plumber", "driver", "accountant"),
    "mining": ("miner", "miner", "welder", "electrician", "driver"),
    "auto": ("mechanic", "mechanic", "sales", "seller"),
    "school": ("teacher", "teacher", "teacher", "cleaner", "security", "cook", "office"),
    "kindergarten": ("educator", "educator", "cook", "cleaner", "nurse"),
    "health": ("nurse", "nurse", "cleaner", "office", "social_worker"),
    "municipal": ("landscaping", "landscaping", "office", "driver", "plumber", "electrician"),
    "social": ("social_worker", "social_worker", "office", "nurse"),
    "contact": ("call_centre", "call_centre", "sales", "office"),
    "finance": ("accountant", "accountant", "call_centre", "programmer", "office"),
}

# Company names are built from a root and a sector word.
NAME_ROOTS = (
    "Дала", "Ақ Жол", "Береке", "Сапа", "Нұр", "Алтын", "Самғау", "Жұлдыз", "Болашақ", "Алатау",
    "Каспий", "Тұран", "Шаңырақ", "Көктем", "Арман", "Сарыарқа", "Мерей", "Ертіс", "Байтерек",
    "Есіл", "Атамекен", "Сұңқар", "Қазына", "Жайық", "Сырдария", "Көкше", "Іле", "Хан Тәңірі",
    "Достық", "Бірлік", "Мирас", "Евразия", "Гранит", "Өркен", "Ақниет", "Шапағат", "Мұрагер",
    "Кемел", "Жігер", "Тұмар",
)  # fmt: skip
SECTOR_WORDS: dict[str, tuple[str, ...]] = {
    "construction": ("Строй", "Құрылыс", "СтройИнвест", "Монтаж"),
    "agro": ("Агро", "Агрофирма", "Астық"),
    "retail": ("Маркет", "Трейд", "Сауда"),
    "logistics": ("Логистик", "Транс", "Транзит"),
    "food": ("Фуд", "Кейтеринг", "Дәм"),
    "services": ("Сервис", "Клининг", "Секьюрити"),
    "it": ("Soft", "Tech", "Digital"),
    "energy": ("Энергомонтаж", "Энерго", "ЖылуСервис"),
    "mining": ("Майнинг", "Кен Өндіру", "ГорМаш"),
    "auto": ("Моторс", "Авто", "АвтоСервис"),
    "contact": ("Контакт", "Call Service", "Байланыс"),
    "finance": ("Финанс", "Консалтинг", "Аудит"),
}
FOREIGN_NAMES = (
    ("Eurasia Foods Kazakhstan", "food"),
    ("Steppe Mining Kazakhstan", "mining"),
    ("Nomad Logistics Kazakhstan", "logistics"),
    ("Silk Way Retail", "retail"),
    ("Altyn Soft Solutions", "it"),
    ("Caspian Energy Services", "energy"),
)
