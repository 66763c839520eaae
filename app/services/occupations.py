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

    Building it analyses every phrase (about half a second); the rows are cheap to read. So
    the rows are read each time and the classifier is reused while they are unchanged: /match
    classifies every pasted CV, and reference data reloaded is picked up at once.
    """
    rows = session.execute(
        select(
            Occupation.code,
            Occupation.name_ru,
            Occupation.name_kk,
            Occupation.synonyms_ru,
            Occupation.synonyms_kk,
            Occupation.synonyms_en,
        )
        .where(Occupation.level == 4)
        .order_by(Occupation.code)
    )
    phrases: Phrases = tuple(
        (code, (ru, kk, *syn_ru, *syn_kk, *syn_en)) for code, ru, kk, syn_ru, syn_kk, syn_en in rows
    )
    return _classifier(phrases)


@lru_cache(maxsize=2)
def _classifier(phrases: Phrases) -> OccupationClassifier:
    return OccupationClassifier(dict(phrases))
