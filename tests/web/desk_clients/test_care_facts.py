"""Whom a carer looks after reaches the rules; the bare "carer" flag still excuses."""

from __future__ import annotations

from datetime import date

import pytest

from app.models import Seeker, Sex
from app.services.people import person_facts
from matching.rules.registration import not_obliged_reasons

TODAY = date(2026, 11, 24)


def _carer(kind: str | None, born: date | None = None) -> Seeker:
    return Seeker(
        last_name="Сейткали",
        first_name="Айгерим",
        birth_date=date(1990, 1, 1),
        sex=Sex.FEMALE,
        is_carer=True,
        care_recipient=kind,
        care_recipient_birth_date=born,
        status_history=[],
        education=[],
    )


@pytest.mark.parametrize(
    ("kind", "born", "excused"),
    [
        (None, None, "carer_disabled"),
        ("disabled", None, "carer_disabled"),
        ("child", date(2024, 1, 1), "carer_child"),
        ("child", date(2010, 1, 1), None),
        ("elderly", date(1940, 1, 1), "carer_elderly"),
        ("elderly", date(1970, 1, 1), None),
    ],
)
def test_care_recipient_decides_the_excuse(
    kind: str | None, born: date | None, excused: str | None
) -> None:
    codes = [r.code for r in not_obliged_reasons(person_facts(_carer(kind, born)), TODAY)]
    assert codes == ([excused] if excused else [])
