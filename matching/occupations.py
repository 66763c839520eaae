"""Guess the ISCO-08 unit group of a job title from the classifier's names and synonyms.

Titles and phrases are compared as analysed terms (stemmed Russian/Kazakh/English), so word
forms and Latin-script Kazakh match. The longest phrase found in the title wins: "менеджер по
продажам" beats "менеджер".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from matching.text import analyze


@dataclass(frozen=True, slots=True)
class OccupationGuess:
    code: str
    phrase: str
    terms_matched: int


class OccupationClassifier:
    def __init__(self, phrases_by_code: Mapping[str, Iterable[str]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
        for code, phrases in phrases_by_code.items():
            for phrase in phrases:
                terms = tuple(analyze(phrase))
                if terms:
                    self._by_first[terms[0]].append((terms, code, phrase))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    def classify(self, title: str) -> OccupationGuess | None:
        terms = analyze(title)
        best: OccupationGuess | None = None
        for start, term in enumerate(terms):
            for phrase_terms, code, phrase in self._by_first.get(term, ()):
                size = len(phrase_terms)
                if best is not None and size <= best.terms_matched:
                    break
                if tuple(terms[start : start + size]) == phrase_terms:
                    best = OccupationGuess(code=code, phrase=phrase, terms_matched=size)
                    break
        return best
