"""Hostile and malformed hh.ru-format imports: rejected row by row or sanitised, never a crash."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Employer, Vacancy
from app.services.imports.hh_format import (
    MAX_PAYLOAD_BYTES,
    ParsedItem,
    PayloadError,
    RowError,
    decode_payload,
    iter_items,
    parse_item,
)
from app.services.imports.runner import import_hh
from app.services.vacancies import MAX_DESCRIPTION, MAX_TITLE, html_to_text

SETTINGS = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)
NAMED = st.fixed_dictionaries({"name": JSON})
ID = st.fixed_dictionaries({"id": JSON})
HH_ITEM = st.fixed_dictionaries(
    {
        "id": st.integers() | st.text(min_size=1, max_size=20),
        "name": st.text(min_size=1, max_size=50),
        "employer": st.fixed_dictionaries({"name": st.text(min_size=1, max_size=50)}),
    },
    optional={
        "area": NAMED | JSON,
        "salary": st.dictionaries(st.sampled_from(["from", "to", "currency", "gross"]), JSON)
        | JSON,
        "snippet": st.dictionaries(st.sampled_from(["responsibility", "requirement"]), JSON),
        "description": JSON,
        "schedule": ID | JSON,
        "employment": ID | JSON,
        "experience": ID | JSON,
        "address": st.dictionaries(st.sampled_from(["lat", "lng", "raw"]), JSON) | JSON,
        "key_skills": st.lists(NAMED | JSON, max_size=4) | JSON,
        "alternate_url": JSON,
        "published_at": JSON,
        "archived": JSON,
        "professional_roles": st.lists(NAMED | JSON, max_size=3) | JSON,
    },
)

# Markup a browser would start an element, comment or doctype with.
MARKUP = re.compile(r"<\s*[A-Za-z!/?]")
HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg/onload=alert(1)>",
    '<a href="javascript:alert(document.cookie)">ссылка</a>',
    '<a href="JaVaScRiPt:alert(1)" onclick="steal()">жұмыс</a>',
    "<iframe src=javascript:alert(1)></iframe>",
    '<div style="background:url(javascript:alert(1))" onmouseover=x()>текст</div>',
    "<style>body{display:none}</style>",
    "<body onload=alert(1)>",
    "<!-- <script>alert(1)</script> -->",
    "<p>Требования:</p><ul><li>опыт</li></ul>",
]
PLAIN = st.text(
    alphabet=st.characters(blacklist_characters="<>&", blacklist_categories=["Cs", "Cc"]),
    max_size=40,
)


def _all_rows(raw: bytes) -> list[ParsedItem | RowError]:
    return [parse_item(line, item) for line, item in iter_items(decode_payload(raw))]


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_read_as_rows_or_a_payload_error(raw: bytes) -> None:
    try:
        rows = _all_rows(raw)
    except PayloadError as exc:
        assert str(exc)
        return
    assert all(isinstance(r, ParsedItem | RowError) for r in rows)


@SETTINGS
@given(JSON, st.sampled_from(["page", "array", "lines", "bare"]))
def test_any_json_document_reads_as_rows_or_a_payload_error(document: Any, shape: str) -> None:
    if shape == "page":
        text = json.dumps({"items": document if isinstance(document, list) else [document]})
    elif shape == "array":
        text = json.dumps(document if isinstance(document, list) else [document])
    elif shape == "lines":
        items = document if isinstance(document, list) else [document]
        text = "\n".join(json.dumps(i) for i in items)
    else:
        text = json.dumps(document)
    try:
        rows = _all_rows(text.encode())
    except PayloadError:
        return
    for row in rows:
        assert isinstance(row, ParsedItem | RowError)
        if isinstance(row, RowError):
            assert row.reason


@SETTINGS
@example({"id": 1, "name": "Повар", "employer": {"name": "ТОО"}, "professional_roles": 5})
@example({"id": 2, "name": "Повар", "employer": {"name": "ТОО"}, "salary": {"from": 1e400}})
@given(HH_ITEM)
def test_hh_items_with_wrong_types_become_rows_or_row_errors(item: dict[str, Any]) -> None:
    row = parse_item(1, json.loads(json.dumps(item)))
    assert isinstance(row, ParsedItem | RowError)


@SETTINGS
@given(st.lists(st.sampled_from(HOSTILE) | PLAIN, min_size=1, max_size=8))
def test_hostile_markup_never_survives_as_markup(parts: list[str]) -> None:
    text = html_to_text("".join(parts))
    assert not MARKUP.search(text), text
    assert "javascript:" not in text.lower()
    assert not re.search(r"\bon[a-z]+\s*=", text, re.I), text


@pytest.mark.parametrize(
    "hostile",
    ["&lt;script&gt;alert(1)&lt;/script&gt;", "x <img src=x onerror=alert(1)//"],
)
def test_encoded_or_unclosed_markup_never_survives(hostile: str) -> None:
    assert not MARKUP.search(html_to_text(hostile))


def _item(number: int, **fields: Any) -> dict[str, Any]:
    return {
        "id": str(number),
        "name": fields.pop("name", f"Сварщик {number}"),
        "employer": {"name": fields.pop("employer", f"ТОО Құрылыс {number}")},
        "area": {"name": "Астана"},
        **fields,
    }


def test_huge_fields_are_rejected_or_truncated_with_a_reason(session: Session) -> None:
    items = [
        _item(1, name="Ж" * (MAX_TITLE + 1)),
        _item(2, description="<p>" + "сөз " * (MAX_DESCRIPTION // 4 + 10) + "</p>"),
        _item(3, employer="ТОО " + "Ұ" * 5000),
        {**_item(4), "id": "9" * 60},
        _item(5, key_skills=[{"name": "навык " * 200}]),
        _item(6, description=HOSTILE[0] * 50 + "Таза мәтін"),
    ]
    report = import_hh(session, json.dumps(items).encode())
    reasons = {e.external_id: e.reason for e in report.rejected}
    assert "title" in reasons["1"] and str(MAX_TITLE) in reasons["1"]
    assert "description" in reasons["2"] and str(MAX_DESCRIPTION) in reasons["2"]
    assert report.created == 4
    employers = session.execute(select(Employer.name)).scalars().all()
    assert max(len(name) for name in employers) <= 255
    vacancies = {v.external_id: v for v in session.execute(select(Vacancy)).scalars()}
    assert "hh:" + "9" * 60 in vacancies
    skills = vacancies["hh:5"].skills
    assert skills and all(len(s) <= 100 for s in skills)
    assert vacancies["hh:6"].description == "Таза мәтін"


def test_long_source_ids_fit_the_column(session: Session) -> None:
    items = [{**_item(1), "id": "7" * 100}, {**_item(2), "id": "7" * 99 + "8"}]
    import_hh(session, json.dumps(items).encode())
    again = import_hh(session, json.dumps(items).encode())
    assert again.created == 0 and again.unchanged == 2, "re-import finds both by id"
    stored = session.execute(select(Vacancy.external_id)).scalars().all()
    assert len(set(stored)) == 2 and all(len(s) <= 64 for s in stored)


def test_rejected_row_does_not_poison_the_next_row_of_its_employer(session: Session) -> None:
    items = [
        _item(1, name="Ж" * 300, employer="ТОО Жаңа"),
        _item(2, name="Ж" * 300, employer="ТОО Жаңа"),
        _item(3, employer="ТОО Басқа"),
        _item(4, employer="ТОО Жаңа"),
    ]
    report = import_hh(session, json.dumps(items).encode())
    assert report.created == 2
    names = session.execute(select(Employer.name)).scalars().all()
    assert sorted(names) == ["ТОО Басқа", "ТОО Жаңа"]


def test_hostile_html_is_stored_as_plain_text(session: Session) -> None:
    items = [
        _item(n, name=f"<b onmouseover=alert({n})>Аспаз</b>", description=payload)
        for n, payload in enumerate(HOSTILE, start=1)
    ]
    report = import_hh(session, json.dumps(items).encode())
    assert report.created == len(HOSTILE), report.to_dict()
    for vacancy in session.execute(select(Vacancy)).scalars():
        for stored in (vacancy.title, vacancy.description):
            assert not MARKUP.search(stored), stored
            assert "javascript:" not in stored.lower()
        assert vacancy.title == "Аспаз"


def test_oversized_file_and_wrong_encoding_are_payload_errors(session: Session) -> None:
    with pytest.raises(PayloadError, match="larger than"):
        import_hh(session, b" " * (MAX_PAYLOAD_BYTES + 1))
    with pytest.raises(PayloadError, match="not UTF-8"):
        import_hh(
            session,
            json.dumps([_item(1, employer="ТОО Строй")], ensure_ascii=False).encode("cp1251"),
        )
    with pytest.raises(PayloadError, match="empty"):
        import_hh(session, b"\xef\xbb\xbf   \n")
