"""What ``Explanation`` says, in Kazakh and Russian."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from indexer.documents import VacancyDocument
from matching.ranking import Candidate, SeekerProfile, rank

TODAY = date(2025, 5, 15)


def _rank_one(profile: SeekerProfile, vacancy: VacancyDocument) -> dict[str, object]:
    (ranked,) = rank(profile, [Candidate(vacancy)], today=TODAY)
    out: dict[str, object] = ranked.explanation.to_dict()
    json.dumps(out)  # API-ready
    return out


def _codes(explained: dict[str, object]) -> dict[str, dict[str, str]]:
    notes = explained["notes"]
    assert isinstance(notes, list)
    return {n["code"]: n for n in notes}


def test_russian_word_forms_matched_and_missing_in_vacancy_wording() -> None:
    profile = SeekerProfile(
        skills=("опыт работы с кассовым аппаратом", "водительских прав категории B"),
        lat=43.25,
        lon=76.95,
        desired_salary=300_000,
    )
    vacancy = VacancyDocument(
        id=1,
        title="Кассир",
        employer_id=1,
        region_kato="750000000",
        lat=43.25,
        lon=77.0,
        salary_to=250_000,
        skills=("Кассовый аппарат", "Водительские права категории B", "Знание 1С"),
        published_at=datetime(2025, 5, 14, tzinfo=UTC),
    )
    explained = _rank_one(profile, vacancy)
    assert explained["matched_skills"] == ["Кассовый аппарат", "Водительские права категории B"]
    assert explained["missing_skills"] == ["Знание 1С"]
    assert explained["distance_km"] == pytest.approx(4.0, abs=0.1)
    salary = _codes(explained)["salary_below"]
    assert salary["ru"] == "Зарплата до 250\u00a0000\u00a0₸: ниже желаемой"
    assert salary["kk"] == "Жалақы 250\u00a0000\u00a0₸ дейін: күткеннен төмен"
    assert _codes(explained)["distance_near"]["kk"] == "Үйден 4,0 км"


def test_kazakh_word_forms_and_notes() -> None:
    profile = SeekerProfile(
        skills=("компьютерлік сауаттылығы", "жүргізуші куәлігінің"),
        experience_years=0.5,
        education_level="secondary",
        schedules=("full_day",),
        languages=("kk",),
    )
    vacancy = VacancyDocument(
        id=2,
        title="Іс жүргізуші",
        employer_id=1,
        region_kato="750000000",
        schedule="shift",
        experience="1_3",
        education="higher",
        languages=("kk", "ru"),
        skills=("Компьютерлік сауаттылық", "Жүргізуші куәлігі", "Ағылшын тілі"),
    )
    explained = _rank_one(profile, vacancy)
    assert explained["matched_skills"] == ["Компьютерлік сауаттылық", "Жүргізуші куәлігі"]
    assert explained["missing_skills"] == ["Ағылшын тілі"]
    codes = _codes(explained)
    assert codes["schedule_mismatch"]["kk"] == "Кесте: ауысымдық кесте, сіз басқасын іздедіңіз"
    assert codes["experience_short"]["ru"] == "Требуется опыт от 1 года"
    assert codes["education_below"]["ru"] == "Требуется образование: высшее"
    assert codes["language_missing"]["kk"] == "Тіл білу қажет: орыс тілі"
    assert explained["eligibility"] is None  # a regular vacancy


def test_every_note_has_both_languages() -> None:
    explained = _rank_one(
        SeekerProfile(),
        VacancyDocument(id=3, title="Сатушы", employer_id=1, region_kato="1", schedule="remote"),
    )
    notes = explained["notes"]
    assert isinstance(notes, list) and notes
    for note in notes:
        assert note["kk"] and note["ru"] and note["kk"] != note["ru"]
