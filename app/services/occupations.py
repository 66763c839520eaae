"""Occupation lookups backed by the classifier table."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Occupation
from matching.occupations import OccupationClassifier


def occupation_classifier(session: Session) -> OccupationClassifier:
    """A title → ISCO unit group classifier over the names and synonyms in the database."""
    phrases: dict[str, list[str]] = {}
    rows = session.execute(select(Occupation).where(Occupation.level == 4)).scalars()
    for occupation in rows:
        phrases[occupation.code] = [
            occupation.name_ru,
            occupation.name_kk,
            *occupation.synonyms_ru,
            *occupation.synonyms_kk,
            *occupation.synonyms_en,
        ]
    return OccupationClassifier(phrases)
