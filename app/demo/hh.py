"""Real vacancy texts for the demo, read at run time from the hh.kz CSV samples.

The samples are third-party data without a licence: they are read from the shared folder
when the demo runs and never copied into the repository.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from app.models import EmploymentType, Experience, Locality, Schedule

T = TypeVar("T")

FILES = ("hh_kz_2025_it.csv", "hh_kz_2025_mixed.csv")
MAX_DESCRIPTION = 20_000

_ID = re.compile(r"/vacancy/(\d+)")
_NUMBER = re.compile(r"\d[\d\s\u00a0\u202f]*")
_BLOCK_END = re.compile(r"(?i)<\s*/\s*(p|ul|ol|h\d|div)\s*>")
_LINE_END = re.compile(r"(?i)<\s*(br\s*/?|/li)\s*>")
_ITEM = re.compile(r"(?i)<\s*li\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")

_SCHEDULES = {
    "полный день": Schedule.FULL_DAY,
    "удаленная работа": Schedule.REMOTE,
    "гибкий график": Schedule.FLEXIBLE,
    "сменный график": Schedule.SHIFT,
    "вахтовый метод": Schedule.ROTATION,
}
_EXPERIENCE = (
    ("нет опыта", Experience.NONE),
    ("не требуется", Experience.NONE),
    ("более 6", Experience.OVER_6),
    ("от 3 до 6", Experience.FROM_3_TO_6),
    ("3–6", Experience.FROM_3_TO_6),
    ("от 1 года до 3", Experience.FROM_1_TO_3),
    ("1–3", Experience.FROM_1_TO_3),
)
_EMPLOYMENT = (
    ("частичная", EmploymentType.PART),
    ("проект", EmploymentType.PROJECT),
    ("стажировка", EmploymentType.INTERNSHIP),
)


@dataclass
class HhRow:
    external_id: str
    title: str
    company: str
    city: str
    description: str
    salary_from: int | None
    salary_to: int | None
    schedule: Schedule
    experience: Experience
    employment: EmploymentType
    skills: list[str] = field(default_factory=list)
    english: bool = False
    url: str | None = None


def html_paragraphs(value: str) -> str:
    """Plain text from vacancy HTML, keeping paragraphs (blank lines) and list items."""
    text = _BLOCK_END.sub("\n\n", value)
    text = _LINE_END.sub("\n", text)
    text = _ITEM.sub("\n- ", text)
    return plain_paragraphs(html.unescape(_TAG.sub("", text)))


def plain_paragraphs(text: str) -> str:
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r", "")):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        lines = [line for line in lines if line and line not in ("-", "·")]
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)[:MAX_DESCRIPTION]


def _amounts(text: str) -> list[int]:
    return [int(re.sub(r"\D", "", m)) for m in _NUMBER.findall(text) if re.sub(r"\D", "", m)]


def parse_salary_text(text: str) -> tuple[int | None, int | None]:
    """'от 300 000 до 500 000 ₸ за месяц, на руки' → (300000, 500000); other currencies → None."""
    low = text.lower()
    if "₸" not in low or "смен" in low or "час" in low:
        return None, None
    amounts = [a for a in _amounts(low.split("₸")[0]) if a >= 10_000]
    if not amounts:
        return None, None
    if "от" in low and "до" in low and len(amounts) >= 2:
        return amounts[0], max(amounts[0], amounts[1])
    if low.strip().startswith("до"):
        return None, amounts[0]
    return amounts[0], None


def _salary_fields(row: dict[str, str]) -> tuple[int | None, int | None]:
    if row.get("salary_currency") != "KZT":
        return None, None

    def number(value: str | None) -> int | None:
        try:
            return int(float(value)) if value else None
        except ValueError:
            return None

    low, high = number(row.get("salary_from")), number(row.get("salary_to"))
    if low is not None and high is not None and high < low:
        high = low
    return low, high


def _pick(table: tuple[tuple[str, T], ...], text: str, default: T) -> T:
    low = text.lower()
    for needle, value in table:
        if needle in low:
            return value
    return default


def _schedule(text: str, work_format: str = "") -> Schedule:
    low = f"{text} {work_format}".lower().replace("ё", "е")
    if "удален" in low and "или" not in low:
        return Schedule.REMOTE
    for needle, value in _SCHEDULES.items():
        if needle in low:
            return value
    if "свободный" in low:
        return Schedule.FLEXIBLE
    if "2/2" in low and "5/2" not in low:
        return Schedule.SHIFT
    return Schedule.FULL_DAY


def _skills(text: str) -> tuple[list[str], bool]:
    if not text or text in ("Не указано", "[]"):
        return [], False
    skills: list[str] = []
    english = False
    for part in text.split(","):
        part = part.strip().strip("[]'\" ")
        if not part:
            continue
        if "—" in part and part.split("—")[0].strip().lower().startswith("англ"):
            english = True
            continue
        if len(part) <= 60 and part not in skills:
            skills.append(part)
    return skills[:10], english or any(s.lower().startswith("англ") for s in skills)


def _it_rows(path: Path) -> Iterator[HhRow]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            ident = (row.get("vacancy_id") or "").strip()
            title = " ".join((row.get("name") or "").split())
            if not ident or not title:
                continue
            skills, english = _skills(row.get("key_skills") or "")
            low, high = _salary_fields(row)
            yield HhRow(
                external_id=f"hh:{ident}",
                title=title[:255],
                company=(row.get("employer_name") or "").strip()[:255],
                city=(row.get("area") or "").strip(),
                description=html_paragraphs(row.get("description") or ""),
                salary_from=low,
                salary_to=high,
                schedule=_schedule(row.get("schedule") or ""),
                experience=_pick(_EXPERIENCE, row.get("experience") or "", Experience.NONE),
                employment=_pick(_EMPLOYMENT, row.get("employment") or "", EmploymentType.FULL),
                skills=skills,
                english=english,
                url=(row.get("url") or "").replace("hh.ru", "hh.kz")[:500] or None,
            )


def _mixed_city(row: dict[str, str]) -> str:
    text = (row.get("location") or "").strip()
    if text.startswith("Вакансия опубликована") and " в " in text:
        text = text.rsplit(" в ", 1)[1]
    return text


def _mixed_rows(path: Path) -> Iterator[HhRow]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            link = row.get("link") or ""
            found = _ID.search(link)
            title = " ".join((row.get("title") or row.get("\ufefftitle") or "").split())
            if not found or not title:
                continue
            skills, english = _skills(row.get("skills") or "")
            low, high = parse_salary_text(row.get("salary") or "")
            employment = (row.get("employment_type") or "").split("\n")[0]
            yield HhRow(
                external_id=f"hh:{found.group(1)}",
                title=title[:255],
                company=(row.get("company") or "").strip()[:255],
                city=_mixed_city(row),
                description=plain_paragraphs(row.get("description") or ""),
                salary_from=low,
                salary_to=high,
                schedule=_schedule(row.get("schedule") or "", row.get("work_format") or ""),
                experience=_pick(_EXPERIENCE, row.get("experience") or "", Experience.NONE),
                employment=_pick(_EMPLOYMENT, employment, EmploymentType.FULL),
                skills=skills,
                english=english,
                url=link.split("?")[0][:500],
            )


class CityMatcher:
    """hh.kz city names ('Нур-Султан (Астана)', 'Риддер (ВКО)', 'в Астане') → our localities."""

    def __init__(self, localities: list[Locality]) -> None:
        self._exact: dict[str, Locality] = {}
        for loc in localities:
            for name in (loc.name_ru, loc.name_kk, loc.name_en):
                self._exact.setdefault(name.lower(), loc)
        self._stems = sorted(
            ((loc.name_ru.lower()[:-1], loc) for loc in localities if len(loc.name_ru) >= 5),
            key=lambda item: -len(item[0]),
        )

    def find(self, text: str) -> Locality | None:
        text = text.lower().replace("ё", "е")
        if "(" in text:
            inside = text[text.index("(") + 1 : text.find(")") if ")" in text else None]
            if inside in self._exact:
                return self._exact[inside]
            text = text[: text.index("(")]
        first = text.split(",")[0].strip()
        for prefix in ("город ", "г. ", "посёлок ", "поселок ", "село ", "с. "):
            first = first.removeprefix(prefix)
        if not first or first == "не указано":
            return None
        if first in self._exact:
            return self._exact[first]
        for stem, loc in self._stems:
            if first.startswith(stem) and len(first) <= len(stem) + 2:
                return loc
        return None


def read_rows(shared_data: str) -> list[HhRow]:
    """Usable rows of both files (those with a title and an id), in file order, no duplicates."""
    folder = Path(shared_data) / "vacancies"
    rows: list[HhRow] = []
    seen: set[str] = set()
    for name, reader in zip(FILES, (_it_rows, _mixed_rows), strict=True):
        path = folder / name
        if not path.is_file():
            continue
        for row in reader(path):
            if row.external_id not in seen and row.description:
                seen.add(row.external_id)
                rows.append(row)
    return rows
