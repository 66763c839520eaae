"""Filters as neutral clauses, query positions, and the neutral field values of documents."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from indexer import CvDocument, DocType, Filters, VacancyDocument
from indexer.analysis import minimum_should_match, query_positions
from indexer.codec import dumps, from_dict, loads, to_dict
from indexer.fields import field_values, salary_range
from indexer.plan import AnyOf, IsFalse, NoneOf, Range, filter_clauses


class Lower:
    """A stand-in analyser: lower-case words, '+'-joined query words are synonyms."""

    def analyze(self, text: str, lang: str | None = None) -> list[str]:
        return text.lower().split()

    def analyze_query(self, text: str, lang: str | None = None) -> list[list[str]]:
        return [w.split("+") for w in text.lower().split()]

    def fingerprint(self) -> str:
        return "lower"


def test_filter_clauses_for_vacancies() -> None:
    since = datetime(2025, 1, 1, tzinfo=UTC)
    clauses = filter_clauses(
        DocType.VACANCIES,
        Filters(
            region_katos=("750000000",),
            occupation_codes=("25",),
            kinds=("regular",),
            salary_min=100,
            salary_max=200,
            published_since=since,
            exclude_hazardous=True,
            ids_exclude=(7,),
        ),
    )
    assert clauses == [
        AnyOf("region_kato", ("750000000",)),
        AnyOf("occupation_path", ("25",)),
        AnyOf("kind", ("regular",)),
        AnyOf("status", ("published",)),
        Range("salary_hi", gte=100),
        Range("salary_lo", lte=200),
        Range("date", gte=since),
        IsFalse("hazardous"),
        NoneOf("id", (7,)),
    ]


def test_filter_clauses_for_cvs() -> None:
    clauses = filter_clauses(DocType.CVS, Filters(schedules=("remote",), visibility=("public",)))
    assert clauses == [AnyOf("schedules", ("remote",)), AnyOf("visibility", ("public",))]
    with pytest.raises(ValueError, match="kinds"):
        filter_clauses(DocType.CVS, Filters(kinds=("regular",)))


def test_query_positions_and_minimum_should_match() -> None:
    assert query_positions(Lower(), "  ") == []
    assert query_positions(Lower(), "Java+Ява developer java+ява") == [
        (("java",), ("ява",)),
        (("developer",),),
    ]
    assert [minimum_should_match(n) for n in range(1, 7)] == [1, 2, 2, 3, 3, 4]


def test_salary_range() -> None:
    assert salary_range(None, None) == (None, None)
    assert salary_range(100, None) == (100, 100)
    assert salary_range(None, 50) == (50, 50)
    assert salary_range(300, 200) == (200, 300)


def test_field_values() -> None:
    v = VacancyDocument(
        id=1,
        title="Java Developer",
        employer_id=2,
        employer_name="Acme",
        region_kato="750000000",
        occupation_code="2512",
        skills=("SQL",),
        salary_to=500,
    )
    values = field_values(v, Lower())
    assert values.text == {"title": "java developer", "skills_text": "sql", "body": "acme"}
    assert values.keywords["occupation_path"] == ("2", "25", "251", "2512")
    assert values.keywords["locality_kato"] == ()
    assert (values.salary_lo, values.salary_hi) == (500, 500)
    c = CvDocument(id=1, seeker_id=2, title="X", region_kato="1", occupation_codes=("2512", "2513"))
    assert field_values(c, Lower()).keywords["occupation_path"] == (
        "2",
        "25",
        "251",
        "2512",
        "2513",
    )


def test_codec_round_trip() -> None:
    v = VacancyDocument(
        id=1,
        title="T",
        employer_id=2,
        region_kato="1",
        skills=("a",),
        published_at=datetime(2025, 5, 1, 10, 0),
        vector=np.array([1.0, 0.0]),
    )
    assert v.published_at is not None and v.published_at.tzinfo is UTC
    assert "vector" not in to_dict(v)
    back = loads(DocType.VACANCIES, dumps(v))
    assert back == v and back.vector is None
    c = CvDocument(id=1, seeker_id=2, title="T", region_kato="1", schedules=("remote",))
    assert from_dict(DocType.CVS, to_dict(c)) == c


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"schedule": "nights"}, "schedule"),
        ({"status": "deleted"}, "status"),
        ({"lat": 43.0}, "lat"),
        ({"lang": "de"}, "lang"),
        ({"vector": []}, "vector"),
    ],
)
def test_document_validation(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        VacancyDocument(id=1, title="T", employer_id=1, region_kato="1", **kwargs)  # type: ignore[arg-type]
