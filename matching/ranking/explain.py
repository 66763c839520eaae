"""Why a vacancy (or a CV) was ranked where it was, in Kazakh and Russian.

``Explanation`` keeps the features' evidence; texts are rendered only in ``notes()`` /
``to_dict()``, so ranking 500 candidates does not format 500 sets of sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from matching.ranking.eligibility import Eligibility, Reason
from matching.ranking.features import Fit
from matching.ranking.match import Match

_SCHEDULES = {
    "full_day": ("толық күн", "полный день"),
    "shift": ("ауысымдық кесте", "сменный график"),
    "flexible": ("икемді кесте", "гибкий график"),
    "remote": ("қашықтан жұмыс", "удалённая работа"),
    "rotation": ("вахталық әдіс", "вахтовый метод"),
}
_EDUCATION = {
    "none": ("білім талап етілмейді", "без образования"),
    "secondary": ("орта", "среднее"),
    "tipo": ("техникалық және кәсіптік", "техническое и профессиональное"),
    "post_secondary": ("орта білімнен кейінгі", "послесреднее"),
    "higher": ("жоғары", "высшее"),
    "postgraduate": ("жоғары оқу орнынан кейінгі", "послевузовское"),
}
_LANGUAGES = {
    "kk": ("қазақ тілі", "казахский"),
    "ru": ("орыс тілі", "русский"),
    "en": ("ағылшын тілі", "английский"),
}


def _money(value: float | None) -> str:
    """250000 -> '250 000 ₸' (no-break spaces, as the rules' texts)."""
    return f"{int(value or 0):,}".replace(",", "\u00a0") + "\u00a0₸"


def _km(value: float | None) -> str:
    return f"{value or 0:.1f}".replace(".", ",")


def _ru_years(value: float | None) -> str:
    n = int(value or 0)
    return f"от {n} года" if n == 1 else f"от {n} лет"


def _words(table: dict[str, tuple[str, str]], items: tuple[str, ...], lang: int) -> str:
    return ", ".join(table.get(item, (item, item))[lang] for item in items)


# code -> fit -> (kk, ru)
_TEXTS: dict[str, Callable[[Fit], tuple[str, str]]] = {
    "occupation_same": lambda _: ("Сіздің кәсібіңіз", "Ваша профессия"),
    "occupation_related": lambda _: ("Ұқсас кәсіп", "Смежная профессия"),
    "occupation_other": lambda _: ("Басқа кәсіп", "Другая профессия"),
    "occupation_unknown": lambda _: ("Кәсіп көрсетілмеген", "Профессия не указана"),
    "specialty_match": lambda _: ("Мамандығыңыз бойынша", "По вашей специальности"),
    "distance_near": lambda x: (f"Үйден {_km(x.value)} км", f"{_km(x.value)} км от дома"),
    "distance_commute": lambda x: (f"Үйден {_km(x.value)} км", f"{_km(x.value)} км от дома"),
    "distance_far": lambda x: (
        f"Үйден {_km(x.value)} км: баруға дайын қашықтықтан алыс",
        f"{_km(x.value)} км от дома: дальше, чем вы готовы ездить",
    ),
    "distance_rotation": lambda x: (
        f"Вахталық әдіс, үйден {_km(x.value)} км",
        f"Вахтовый метод, {_km(x.value)} км от дома",
    ),
    "distance_remote": lambda _: ("Қашықтан жұмыс", "Удалённая работа"),
    "distance_unknown": lambda _: ("Қашықтығы белгісіз", "Расстояние неизвестно"),
    "salary_meets": lambda x: (
        f"Жалақы {_money(x.value)} дейін: күткеннен төмен емес",
        f"Зарплата до {_money(x.value)}: не ниже желаемой",
    ),
    "salary_below": lambda x: (
        f"Жалақы {_money(x.value)} дейін: күткеннен төмен",
        f"Зарплата до {_money(x.value)}: ниже желаемой",
    ),
    "salary_unknown": lambda _: ("Жалақы көрсетілмеген", "Зарплата не указана"),
    "salary_no_wish": lambda _: ("Күтілетін жалақы көрсетілмеген", "Желаемая зарплата не указана"),
    "schedule_match": lambda _: ("Жұмыс кестесі сәйкес келеді", "График подходит"),
    "schedule_any": lambda _: ("Кез келген кесте сәйкес", "Подходит любой график"),
    "schedule_mismatch": lambda x: (
        f"Кесте: {_words(_SCHEDULES, x.items, 0)}, сіз басқасын іздедіңіз",
        f"График: {_words(_SCHEDULES, x.items, 1)}, вы искали другой",
    ),
    "experience_not_required": lambda _: ("Тәжірибе талап етілмейді", "Опыт не требуется"),
    "experience_meets": lambda _: ("Тәжірибе жеткілікті", "Опыта достаточно"),
    "experience_over": lambda _: ("Тәжірибе талап етілгеннен көп", "Опыта больше, чем требуется"),
    "experience_short": lambda x: (
        f"Кемінде {int(x.value or 0)} жыл тәжірибе қажет",
        f"Требуется опыт {_ru_years(x.value)}",
    ),
    "experience_unknown": lambda x: (
        f"Кемінде {int(x.value or 0)} жыл тәжірибе қажет; сіздің тәжірибеңіз көрсетілмеген",
        f"Требуется опыт {_ru_years(x.value)}; ваш опыт не указан",
    ),
    "education_not_required": lambda _: ("Білімге талап жоқ", "Требований к образованию нет"),
    "education_meets": lambda _: ("Білім деңгейі сәйкес", "Образование подходит"),
    "education_below": lambda x: (
        f"Қажетті білім: {_words(_EDUCATION, x.items, 0)}",
        f"Требуется образование: {_words(_EDUCATION, x.items, 1)}",
    ),
    "education_unknown": lambda x: (
        f"Қажетті білім: {_words(_EDUCATION, x.items, 0)}; сіздің біліміңіз көрсетілмеген",
        f"Требуется образование: {_words(_EDUCATION, x.items, 1)}; ваше не указано",
    ),
    "language_not_required": lambda _: ("Тіл білуге талап жоқ", "Требований к языкам нет"),
    "language_meets": lambda _: ("Тіл білу сәйкес", "Знание языков подходит"),
    "language_missing": lambda x: (
        f"Тіл білу қажет: {_words(_LANGUAGES, x.items, 0)}",
        f"Требуется знание языка: {_words(_LANGUAGES, x.items, 1)}",
    ),
    "language_unknown": lambda x: (
        f"Тіл білу қажет: {_words(_LANGUAGES, x.items, 0)}",
        f"Требуется знание языка: {_words(_LANGUAGES, x.items, 1)}",
    ),
}


def note(fit: Fit) -> Reason | None:
    """The kk/ru sentence for a feature's reason code (None for codes not worth a sentence)."""
    render = _TEXTS.get(fit.code)
    if render is None:
        return None
    kk, ru = render(fit)
    return Reason(fit.code, kk, ru)


@dataclass(frozen=True, slots=True)
class Explanation:
    """The evidence behind one ranked item; ``eligibility`` only for programme places."""

    matched_skills: tuple[str, ...]
    missing_skills: tuple[str, ...]
    distance_km: float | None
    occupation: Fit
    specialty: Fit
    distance: Fit
    salary: Fit
    schedule: Fit
    experience: Fit
    education: Fit
    language: Fit
    eligibility: Eligibility | None = None

    @classmethod
    def of(cls, match: Match, eligibility: Eligibility | None = None) -> Explanation:
        return cls(
            matched_skills=match.skills.matched,
            missing_skills=match.skills.missing,
            distance_km=match.distance.value,
            occupation=match.occupation,
            specialty=match.specialty,
            distance=match.distance,
            salary=match.salary,
            schedule=match.schedule,
            experience=match.experience,
            education=match.education,
            language=match.language,
            eligibility=eligibility,
        )

    @property
    def salary_text(self) -> Reason | None:
        return note(self.salary)

    def notes(self) -> tuple[Reason, ...]:
        """One sentence per feature with something to say, in kk and ru."""
        fits = (
            self.occupation,
            self.specialty,
            self.distance,
            self.salary,
            self.schedule,
            self.experience,
            self.education,
            self.language,
        )
        return tuple(n for n in map(note, fits) if n is not None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched_skills": list(self.matched_skills),
            "missing_skills": list(self.missing_skills),
            "distance_km": None if self.distance_km is None else round(self.distance_km, 1),
            "notes": [n.to_dict() for n in self.notes()],
            "eligibility": None if self.eligibility is None else self.eligibility.to_dict(),
        }
