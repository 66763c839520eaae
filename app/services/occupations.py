"""Occupation lookups backed by the classifier table."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Occupation
from matching.occupations import OccupationClassifier

Phrases = tuple[tuple[str, tuple[str, ...]], ...]


def occupation_classifier(session: Session) -> OccupationClassifier:
    """A title → ISCO unit group classifier over the names and synonyms in the database.

    Building one analyses some thousands of phrases; every import and demo fill asks for one, so
    it is kept per distinct set of phrases (a changed classifier table gives a new one)."""
    phrases: list[tuple[str, tuple[str, ...]]] = []
    rows = session.execute(select(Occupation).where(Occupation.level == 4)).scalars()
    for occupation in rows:
        names = (
            occupation.name_ru,
            occupation.name_kk,
            *occupation.synonyms_ru,
            *occupation.synonyms_kk,
            *occupation.synonyms_en,
        )
        phrases.append((occupation.code, names))
    return _classifier(tuple(phrases))


@lru_cache(maxsize=4)
def _classifier(phrases: Phrases) -> OccupationClassifier:
    return OccupationClassifier(dict(phrases))
