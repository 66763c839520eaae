"""Vacancy input: every field checked, errors name the field, nothing half-applied."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from app.models import Vacancy, VacancyKind, VacancySource, VacancyStatus
from app.services.errors import LimitExceeded, ValidationFailed
from app.services.vacancies import (
    VacancyInput,
    apply_input,
    close_vacancy,
    create_vacancy,
    html_to_text,
    part_time_below_minimum,
)
from matching.rules.params import params_for

from .factories import an_employer

ASTANA = "710000000"


def _create(session: Session, **values: object) -> Vacancy:
    values.setdefault("title", "Дәнекерлеуші")
    values.setdefault("locality_kato", ASTANA)
    return create_vacancy(session, an_employer(session), VacancyInput.of(**values))


def test_create_publishes_with_locality_coordinates_and_expiry(session: Session) -> None:
    vacancy = _create(session, salary_from=250_000, skills=["Сварка", "сварка", "MIG/MAG"])
    assert vacancy.status is VacancyStatus.PUBLISHED
    assert vacancy.region.kato == ASTANA
    assert vacancy.lat == pytest.approx(vacancy.locality.lat)
    assert vacancy.skills == ["Сварка", "MIG/MAG"]
    assert vacancy.published_at is not None and vacancy.expires_at is not None
    assert vacancy.expires_at - vacancy.published_at == timedelta(days=30)
    assert vacancy.source is VacancySource.EMPLOYER


def test_timestamps_come_back_timezone_aware(session: Session) -> None:
    vacancy = _create(session)
    session.commit()
    session.expire_all()
    assert vacancy.published_at is not None and vacancy.published_at.tzinfo is not None
    assert vacancy.created_at.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"title": "  "}, "title"),
        ({"title": "x" * 300}, "title"),
        ({"locality_kato": "999999999"}, "locality_kato"),
        ({"salary_from": 300_000, "salary_to": 200_000}, "salary_from"),
        ({"salary_from": -1}, "salary_from"),
        ({"places": 0}, "places"),
        ({"kind": "volunteer"}, "kind"),
        ({"schedule": "sometimes"}, "schedule"),
        ({"occupation_code": "9999"}, "occupation_code"),
        ({"kind": "social_job", "hazardous": True}, "hazardous"),
        ({"kind": "youth_practice", "hazardous": True}, "hazardous"),
        ({"lat": 10.0, "lon": 10.0}, "lat"),
        ({"lat": 51.0}, "lat"),
        ({"lang": "de"}, "lang"),
    ],
)
def test_bad_input_names_the_field(session: Session, values: dict, field: str) -> None:
    with pytest.raises(ValidationFailed) as info:
        _create(session, **values)
    assert field in [e.field for e in info.value.errors]


def test_missing_title_and_place_are_both_reported(session: Session) -> None:
    with pytest.raises(ValidationFailed) as info:
        create_vacancy(session, an_employer(session), VacancyInput.of(description="..."))
    assert sorted(e.field for e in info.value.errors) == ["locality_kato", "title"]


def test_programme_kinds_get_their_legal_duration(session: Session) -> None:
    assert _create(session, kind="social_job").max_duration_months == 12
    assert _create(session, kind="youth_practice", max_duration_months=4).max_duration_months == 4
    assert _create(session, kind="public_works").max_duration_months is None


@pytest.mark.parametrize(
    ("kind", "months", "rule", "limit"),
    [("social_job", 18, "social_job_max_months", 12), ("youth_practice", 9, None, 6)],
)
def test_a_programme_place_longer_than_the_law_allows_is_refused_not_cut(
    session: Session, kind: str, months: int, rule: str | None, limit: int
) -> None:
    with pytest.raises(ValidationFailed) as failed:
        _create(session, kind=kind, max_duration_months=months)
    (error,) = failed.value.errors
    assert isinstance(error, LimitExceeded) and error.field == "max_duration_months"
    assert error.rule == (rule or f"{kind}_max_months") and error.limit == limit
    assert f"at most {limit} months" in error.message
    vacancy = _create(session, title="Ұзақ жұмыс", max_duration_months=18)  # regular: no limit
    with pytest.raises(ValidationFailed):  # turning it into a programme place does not cut it
        apply_input(session, vacancy, VacancyInput.of(kind=kind))


def test_full_time_pay_below_the_minimum_wage_is_refused_part_time_warned(
    session: Session,
) -> None:
    day = date(2026, 12, 1)
    minimum = params_for(day).minimum_wage(day)
    with pytest.raises(ValidationFailed) as failed:
        create_vacancy(
            session,
            an_employer(session),
            VacancyInput.of(title="Кассир", locality_kato=ASTANA, salary_from=20_000),
            on=day,
        )
    (error,) = failed.value.errors
    assert isinstance(error, LimitExceeded) and error.field == "salary_from"
    assert error.rule == "minimum_wage" and error.limit == minimum
    with pytest.raises(ValidationFailed) as failed:
        _create(session, salary_to=30_000)
    assert failed.value.errors[0].field == "salary_to"
    part = _create(session, salary_from=40_000, employment_type="part")
    assert part_time_below_minimum(part, day) == minimum
    assert part_time_below_minimum(_create(session, salary_from=minimum), day) is None
    imported = create_vacancy(
        session,
        an_employer(session),
        VacancyInput.of(title="Кассир", locality_kato=ASTANA, salary_from=20_000),
        source=VacancySource.IMPORT,
    )
    assert imported.salary_from == 20_000  # other sites' listings are kept as they are


def test_update_touches_only_given_fields(session: Session) -> None:
    vacancy = _create(session, salary_from=200_000, description="Работа в цехе.")
    apply_input(session, vacancy, VacancyInput.of(salary_to=260_000))
    assert (vacancy.salary_from, vacancy.salary_to) == (200_000, 260_000)
    assert vacancy.description == "Работа в цехе."
    assert vacancy.kind is VacancyKind.REGULAR


def test_hostile_html_becomes_plain_text(session: Session) -> None:
    vacancy = _create(
        session,
        title="<b>Повар</b><script>alert(1)</script>",
        description="<p>Готовка &amp; выпечка</p><img src=x onerror=alert(1)><li>смены</li>",
    )
    assert vacancy.title == "Повар"
    assert "<" not in vacancy.description
    assert vacancy.description.splitlines() == ["Готовка & выпечка", "смены"]


def test_html_to_text_keeps_paragraphs() -> None:
    assert html_to_text("<p>Один</p><p>Два<br/>Три</p>") == "Один\nДва\nТри"


def test_close(session: Session) -> None:
    vacancy = _create(session, expires_at=datetime(2030, 1, 1, tzinfo=UTC))
    close_vacancy(vacancy)
    assert vacancy.status is VacancyStatus.CLOSED


def test_reposted_job_is_grouped_under_the_original(session: Session) -> None:
    employer = an_employer(session)
    text = "Требуется продавец в продуктовый магазин. График 2/2, обучение, обед за счёт компании."
    first = create_vacancy(
        session, employer, VacancyInput.of(title="Продавец", description=text, locality_kato=ASTANA)
    )
    again = create_vacancy(
        session,
        employer,
        VacancyInput.of(title="Продавец", description=text + " ", locality_kato=ASTANA),
    )
    other = create_vacancy(
        session,
        an_employer(session, name="ИП Другой"),
        VacancyInput.of(title="Продавец", description=text, locality_kato=ASTANA),
    )
    different = create_vacancy(
        session,
        employer,
        VacancyInput.of(
            title="Бухгалтер", description="Ведение учёта в 1С, отчётность.", locality_kato=ASTANA
        ),
    )
    assert first.duplicate_of_id is None
    assert again.duplicate_of_id == first.id
    assert other.duplicate_of_id is None
    assert different.duplicate_of_id is None
