"""What ``Explanation`` says: structured reasons, split into fits, misfits and unknowns
(the words are the app's: tests/web/test_ranking_reasons.py)."""

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


def _codes(explained: dict[str, object]) -> dict[str, dict[str, object]]:
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
    assert salary["side"] == "misfit"
    assert salary["params"] == {"salary_from": None, "salary_to": 250_000, "wish": 300_000}
    assert _codes(explained)["distance_near"] == {
        "code": "distance_near",
        "side": "fit",
        "params": {"km": pytest.approx(4.0, abs=0.1)},
    }


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
    assert codes["schedule_mismatch"] == {
        "code": "schedule_mismatch",
        "side": "misfit",
        "params": {"items": ["shift"]},
    }
    assert codes["experience_short"]["params"] == {"years": 1}
    assert codes["education_below"]["params"] == {"items": ["higher"]}
    assert codes["language_missing"]["params"] == {"items": ["ru"]}
    assert explained["eligibility"] is None  # a regular vacancy


def test_every_note_is_plain_json_with_a_side() -> None:
    explained = _rank_one(
        SeekerProfile(),
        VacancyDocument(id=3, title="Сатушы", employer_id=1, region_kato="1", schedule="remote"),
    )
    notes = explained["notes"]
    assert isinstance(notes, list) and notes
    for note in notes:
        assert note["side"] in {"fit", "misfit", "unknown"}
        json.dumps(note["params"])


def _vacancy(**kw: object) -> VacancyDocument:
    base: dict[str, object] = {"id": 9, "title": "Повар", "employer_id": 1, "region_kato": "1"}
    return VacancyDocument(**{**base, **kw})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("salary_from", "salary_to", "code", "side"),
    [
        (400_000, None, "salary_below", "misfit"),
        (None, 400_000, "salary_below", "misfit"),
        (400_000, 600_000, "salary_meets", "fit"),
        (500_000, None, "salary_meets", "fit"),
    ],
)
def test_salary_reason_keeps_the_offer_as_posted(
    salary_from: int | None, salary_to: int | None, code: str, side: str
) -> None:
    explained = _rank_one(
        SeekerProfile(desired_salary=450_000),
        _vacancy(salary_from=salary_from, salary_to=salary_to),
    )
    note = _codes(explained)[code]
    assert note["side"] == side
    assert note["params"] == {"salary_from": salary_from, "salary_to": salary_to, "wish": 450_000}


def test_beyond_the_commute_limit_is_a_misfit_with_the_limit() -> None:
    home = (50.30, 69.40)  # near Nura, Akmola
    explained = _rank_one(
        SeekerProfile(lat=home[0], lon=home[1], max_commute_km=50),
        _vacancy(lat=43.24, lon=76.89),  # Almaty
    )
    far = _codes(explained)["distance_far"]
    assert far["side"] == "misfit" and far["params"]["limit_km"] == 50
    assert explained["within_reach"] is False
    sides = {n["code"]: n["side"] for n in explained["notes"]}  # type: ignore[union-attr]
    assert "distance_far" not in [c for c, s in sides.items() if s == "fit"]


def test_no_experience_required_is_not_reported_as_unknown_experience() -> None:
    explained = _rank_one(SeekerProfile(), _vacancy(experience="none"))
    codes = _codes(explained)
    assert codes["experience_not_required"]["side"] == "fit"
    assert "experience_unknown" not in codes
    asked = _codes(_rank_one(SeekerProfile(), _vacancy(experience="3_6")))
    assert asked["experience_unknown"] == {
        "code": "experience_unknown",
        "side": "unknown",
        "params": {"years": 3},
    }


def test_a_skill_is_yours_only_when_your_words_cover_it() -> None:
    profile = SeekerProfile(text="Повар. Санитарная книжка есть, работа в команде")
    explained = _rank_one(
        profile,
        _vacancy(skills=("Санитарная книжка", "Водительские права категории B", "Работа на кассе")),
    )
    assert explained["matched_skills"] == ["Санитарная книжка"]
    assert set(explained["missing_skills"]) == {  # type: ignore[arg-type]
        "Водительские права категории B",
        "Работа на кассе",
    }
