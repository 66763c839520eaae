"""Feature boundaries of ``matching.ranking.features``."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from matching.geo import distance_km
from matching.ranking import features as f
from matching.ranking.terms import pool


@pytest.mark.parametrize(
    ("seeker", "vacancy", "expected"),
    [
        ("2512", "2512", 1.0),  # same unit group
        ("2512", "2513", 0.7),  # same minor group
        ("2512", "2521", 0.4),  # same sub-major group
        ("2512", "2611", 0.15),  # same major group
        ("2512", "5223", 0.0),  # nothing shared
        ("25", "2512", 1.0),  # a coarse wish covers its group
    ],
)
def test_isco_hierarchy_levels(seeker: str, vacancy: str, expected: float) -> None:
    assert f.occupation_fit((seeker,), (), vacancy, 0.8).score == pytest.approx(expected)


def test_occupation_unknown_is_neutral() -> None:
    assert f.occupation_fit(("2512",), (), None, 0.8).score == 0.5
    assert f.occupation_fit((), (), "2512", 0.8).score == 0.5


def test_past_occupation_is_discounted_and_best_code_wins() -> None:
    assert f.occupation_fit((), ("2512",), "2512", 0.8).score == pytest.approx(0.8)
    assert f.occupation_fit(("5223",), ("2512",), "2512", 0.8).score == pytest.approx(0.8)
    assert f.occupation_fit(("5223", "2512"), (), "2512", 0.8).code == "occupation_same"


@pytest.mark.parametrize(
    ("km", "expected", "code"),
    [
        (0.0, 1.0, "distance_near"),
        (5.0, 1.0, "distance_near"),
        (17.5, 0.5, "distance_commute"),
        (30.0, 0.0, "distance_far"),
        (120.0, 0.0, "distance_far"),
        (None, 0.5, "distance_unknown"),
    ],
)
def test_distance_from_home(km: float | None, expected: float, code: str) -> None:
    fit = f.distance_fit(km, 30.0, "full_day", 5.0)
    assert fit.score == pytest.approx(expected)
    assert fit.code == code


def test_remote_work_ignores_distance_and_rotation_is_never_below_neutral() -> None:
    assert f.distance_fit(500.0, 30.0, "remote", 5.0).score == 1.0
    assert f.distance_fit(None, 30.0, "remote", 5.0).score == 1.0
    assert f.distance_fit(500.0, 30.0, "rotation", 5.0).score == 0.5
    assert f.distance_fit(2.0, 30.0, "rotation", 5.0).score == 1.0


def test_haversine() -> None:
    # Almaty to Astana is about 970 km.
    assert distance_km((43.2383, 76.9456), (51.1282, 71.4306)) == pytest.approx(970, abs=15)
    assert distance_km((43.0, 76.0), (43.0, 76.0)) == 0.0


@pytest.mark.parametrize(
    ("desired", "lo", "hi", "expected", "code"),
    [
        (300_000, 250_000, 350_000, 1.0, "salary_meets"),  # range reaches the wish
        (300_000, 300_000, None, 1.0, "salary_meets"),
        (300_000, None, 225_000, 0.5, "salary_below"),  # 75% of the wish
        (300_000, 100_000, 150_000, 0.0, "salary_below"),  # half the wish or less
        (300_000, None, None, 0.5, "salary_unknown"),
        (None, 100_000, 150_000, 1.0, "salary_no_wish"),
    ],
)
def test_salary_fit(
    desired: int | None, lo: int | None, hi: int | None, expected: float, code: str
) -> None:
    fit = f.salary_fit(desired, lo, hi, 0.5)
    assert fit.score == pytest.approx(expected)
    assert fit.code == code


def test_schedule_fit() -> None:
    assert f.schedule_fit(("full_day", "shift"), "shift").score == 1.0
    mismatch = f.schedule_fit(("remote",), "rotation")
    assert mismatch.score == 0.0
    assert mismatch.items == ("rotation",)
    assert f.schedule_fit((), "rotation").score == 1.0


@pytest.mark.parametrize(
    ("years", "band", "expected"),
    [
        (0.0, "none", 1.0),
        (None, "none", 1.0),  # nothing asked, nothing violated
        (None, "1_3", 0.5),
        (0.0, "1_3", 0.0),
        (1.5, "3_6", 0.5),
        (4.0, "3_6", 1.0),
        (20.0, "6_plus", 1.0),
        (10.0, "1_3", 0.8),  # far above the band
    ],
)
def test_experience_fit(years: float | None, band: str, expected: float) -> None:
    assert f.experience_fit(years, band).score == pytest.approx(expected)


@pytest.mark.parametrize(
    ("level", "required", "expected"),
    [
        ("higher", "higher", 1.0),
        ("postgraduate", "tipo", 1.0),
        ("post_secondary", "higher", 0.4),
        ("secondary", "higher", 0.0),
        (None, "higher", 0.5),
        ("secondary", None, 1.0),
        ("secondary", "none", 1.0),
    ],
)
def test_education_fit(level: str | None, required: str | None, expected: float) -> None:
    assert f.education_fit(level, required).score == pytest.approx(expected)


def test_language_fit() -> None:
    assert f.language_fit(("kk", "ru"), ("KK",)).score == 1.0
    half = f.language_fit(("ru",), ("kk", "ru"))
    assert half.score == 0.5
    assert half.items == ("kk",)
    assert f.language_fit((), ("kk",)).score == 0.5
    assert f.language_fit((), ()).score == 1.0


def test_recency_half_life() -> None:
    today = date(2025, 5, 15)
    assert f.recency_fit(datetime(2025, 5, 15, 9, tzinfo=UTC), today, 14.0).score == 1.0
    assert f.recency_fit(datetime(2025, 5, 1, tzinfo=UTC), today, 14.0).score == 0.5
    assert f.recency_fit(datetime(2025, 6, 1, tzinfo=UTC), today, 14.0).score == 1.0
    assert f.recency_fit(None, today, 14.0).score == 0.5


def test_rank_scores() -> None:
    assert f.rank_score(1, 60) == 1.0
    assert f.rank_score(61, 60) == pytest.approx(0.5)
    assert f.rank_score(None, 60) == 0.0
    assert 0 < f.rank_score(10_000, 60) < f.rank_score(100, 60)


def test_skills_match_russian_word_forms() -> None:
    seeker = pool(["водительских прав", "работа с кассовым аппаратом"])
    fit = f.skills_fit(seeker, ("Водительские права", "Кассовый аппарат", "Знание 1С"), 0.5)
    assert fit.matched == ("Водительские права", "Кассовый аппарат")
    assert fit.missing == ("Знание 1С",)
    assert fit.score == pytest.approx(2 / 3)


def test_skills_match_kazakh_word_forms() -> None:
    seeker = pool(["компьютерлік сауаттылығы", "жүргізуші куәлігінің"])
    fit = f.skills_fit(
        seeker, ("Компьютерлік сауаттылық", "Жүргізуші куәлігі", "Ағылшын тілі"), 0.5
    )
    assert fit.matched == ("Компьютерлік сауаттылық", "Жүргізуші куәлігі")
    assert fit.missing == ("Ағылшын тілі",)


def test_generic_words_alone_do_not_match_a_skill() -> None:
    fit = f.skills_fit(pool(["казахский язык"]), ("Английский язык",), 0.5)
    assert fit.matched == ()
    assert fit.missing == ("Английский язык",)


def test_skills_unknown_is_neutral_but_lists_what_is_asked() -> None:
    fit = f.skills_fit(frozenset(), ("Excel",), 0.5)
    assert fit.score == 0.5
    assert fit.missing == ("Excel",)
    assert f.skills_fit(pool(["Excel"]), (), 0.5).score == 0.5


def test_specialty_fit() -> None:
    nurse = pool(["медсестра"])
    assert f.specialty_fit((nurse,), pool(["Медсестра процедурного кабинета"])).score == 1.0
    assert f.specialty_fit((nurse,), pool(["Бухгалтер"])).score == 0.0
    assert f.specialty_fit((), pool(["Бухгалтер"])).score == 0.5


def test_undeclared_skills_never_score_below_neutral() -> None:
    terms = frozenset({"жазушы"})
    declared = f.skills_fit(terms, ("Редактирование", "SEO"), 0.5)
    silent = f.skills_fit(terms, ("Редактирование", "SEO"), 0.5, declared=False)
    assert declared.score == 0.0
    assert silent.score == pytest.approx(0.5)
    assert silent.missing == ("Редактирование", "SEO")
