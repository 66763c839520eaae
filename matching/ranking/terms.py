"""Analysed terms of skills and short texts, cached (analysis costs ~30 µs a phrase).

Vacancy skills are analysed like documents (``analyze``); the seeker's words like queries
(``analyze_query``: every reading of an ambiguous word plus synonyms, so a Russian skill can
meet a Kazakh one listed as its synonym). That mirrors how the search engines match.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from matching.text import analyze, analyze_query

# Words that say "a skill" rather than which one: a skill matches on its other words.
_GENERIC_WORDS = (
    "знание навык навыки умение опыт владение работа язык уровень "
    "білу дағды тәжірибе жұмыс тіл деңгей меңгеру "
    "knowledge skill skills experience work language level"
)


@lru_cache(maxsize=1)
def generic_terms() -> frozenset[str]:
    return frozenset(term for word in _GENERIC_WORDS.split() for term in analyze(word))


@lru_cache(maxsize=65_536)
def doc_terms(text: str) -> frozenset[str]:
    """The set of index terms of a short text (a skill, a title)."""
    return frozenset(analyze(text))


@lru_cache(maxsize=65_536)
def skill_terms(skill: str) -> frozenset[str]:
    """The distinctive terms of a vacancy skill (all terms if it has only generic ones)."""
    terms = doc_terms(skill)
    specific = terms - generic_terms()
    return specific or terms


@lru_cache(maxsize=16_384)
def query_terms(text: str) -> frozenset[str]:
    """Every term a seeker's phrase may match: all readings, synonyms, phrase words."""
    out: set[str] = set()
    for alternatives in analyze_query(text):
        for alternative in alternatives:
            out.update(alternative.split())
    return frozenset(out)


def pool(texts: Iterable[str]) -> frozenset[str]:
    """Union of ``query_terms`` over ``texts``."""
    out: set[str] = set()
    for text in texts:
        if text:
            out |= query_terms(text)
    return frozenset(out)


def ordered_terms(text: str) -> list[str]:
    """Index terms of a long text in order (not cached: descriptions are long and unique)."""
    return analyze(text)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)
