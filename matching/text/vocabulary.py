"""Known words, for reading Latin-typed and misspelt query words.

The vocabulary is every word of the shipped occupation titles (``occupation_words.txt``, kk,
ru and en), of the synonym groups (``synonyms.txt``) and a short list of everyday job-search
words. Cyrillic words are indexed by their ASCII skeleton (``matching.text.skeleton``), so:

- ``cyrillic("esepshi")`` -> ``("есепші",)``; ``"zhurgizushi"``/``"jurgizushi"`` ->
  ``("жүргізуші",)``; ``"voditel"`` -> ``("водитель",)``: Kazakh and Russian typed in plain
  ASCII. A Latin word that is itself a known English word ("manager", "developer") is left
  alone.
- ``correct("бугалтер")`` -> ``"бухгалтер"``, ``correct("мугалим")`` -> ``"мұғалім"``: the
  nearest known word by edit distance between skeletons (a swap of two
  neighbouring letters is one edit) (none for words under 5 letters, one
  edit up to 8, two from 9), only for words the vocabulary does not know in any form, and only
  when one candidate clearly wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import OSA

from matching.text.normalize import fold
from matching.text.skeleton import skeleton
from matching.text.stopwords import STOP_WORDS
from matching.text.synonyms import parse_groups

__all__ = ["Vocabulary", "default_vocabulary", "max_edits"]

_FINAL_VOWELS = frozenset("аяоеыиіьйуeyo")
_MAX_ENDING = 4
_CYRILLIC_RE = re.compile(r"^[\u0400-\u04ff]+$")
_LATIN_RE = re.compile(r"^[a-z]+$")
_WORD_RE = re.compile(r"[^\W\d_]+")
MIN_CORRECTED = 5
# Everyday words of job searches that are not in any title (a correction must not eat them).
_SEARCH_WORDS = """
    работа подработка вакансия вакансии удаленно удаленная удаленка вахта вахтовый смена
    смены ночная дневная график сменный офис склад магазин кафе ресторан больница школа
    садик стройка завод фабрика город село район зарплата оклад бонусы премия опыт студент
    студентов пенсионер пенсионеров инвалидность подростки выходные неполный полный день
    жұмыс жұмысы бос орын ауысым түнгі күндізгі кесте қашықтан жалақы тәжірибе студент
    зейнеткер мектеп аурухана дүкен қойма зауыт ауыл қала
    remote parttime fulltime internship
"""


def max_edits(length: int) -> int:
    """Edits allowed when correcting a word whose skeleton has ``length`` letters."""
    if length < MIN_CORRECTED:
        return 0
    return 1 if length <= 8 else 2


class Vocabulary:
    """Known words with their weights (occurrences in the titles)."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.english = frozenset(w for w in counts if _LATIN_RE.match(w))
        by_skeleton: dict[str, list[str]] = {}
        for word in sorted(counts, key=lambda w: (-counts[w], w)):
            if _CYRILLIC_RE.match(word):
                by_skeleton.setdefault(skeleton(word), []).append(word)
        self._by_skeleton = {key: tuple(words) for key, words in by_skeleton.items()}
        self._latin = {skeleton(w): w for w in sorted(self.english, key=lambda w: -counts[w])}
        self._choices = list(self._by_skeleton) + [k for k in self._latin if k not in by_skeleton]
        # A word's inflected forms start with it, or with it less a final vowel (учитель ->
        # учителя, водителем; мұғалім -> мұғалімі; developer -> developers).
        self._prefixes = set(counts) | {
            w[:-1] for w in counts if len(w) >= MIN_CORRECTED and w[-1] in _FINAL_VOWELS
        }

    @classmethod
    def from_words(cls, words: Iterable[tuple[str, int]]) -> Vocabulary:
        counts: dict[str, int] = {}
        for word, count in words:
            folded = fold(word)
            if folded and folded not in STOP_WORDS:
                counts[folded] = counts.get(folded, 0) + count
        return cls(counts)

    def __len__(self) -> int:
        return len(self.counts)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and fold(word) in self.counts

    def knows(self, word: str) -> bool:
        """Whether ``word`` is known, or a known word with an ending (бухгалтера, кассирша)."""
        folded = fold(word)
        if folded in self.counts or folded in STOP_WORDS:
            return True
        shortest = max(4, len(folded) - _MAX_ENDING)
        return any(folded[:k] in self._prefixes for k in range(shortest, len(folded)))

    def cyrillic(self, word: str) -> tuple[str, ...]:
        """Known Cyrillic words a plain-Latin ``word`` spells, most common first (``()`` for
        an English word the vocabulary knows, or no match)."""
        folded = fold(word)
        if not _LATIN_RE.match(folded) or folded in self.english or len(folded) < 3:
            return ()
        return self._by_skeleton.get(skeleton(folded), ())

    def correct(self, word: str) -> str | None:
        """The known word ``word`` is most likely a misspelling of, or None."""
        folded = fold(word)
        if not _WORD_RE.fullmatch(folded) or folded in self.counts or self.cyrillic(folded):
            return None
        key = skeleton(folded)
        exact = self._by_skeleton.get(key)
        if exact:
            return exact[0]  # typed without the Kazakh letters: мугалим -> мұғалім
        if self.knows(folded):
            return None
        edits = max_edits(len(key))
        if not edits:
            return None
        found = process.extract(
            key, self._choices, scorer=OSA.distance, score_cutoff=edits, limit=8
        )
        if not found:
            return None
        best = min(distance for _, distance, _ in found)
        nearest = [self._spelling(choice) for choice, distance, _ in found if distance == best]
        nearest.sort(key=lambda w: -self.counts[w])
        if len(nearest) > 1 and self.counts[nearest[0]] < 2 * self.counts[nearest[1]]:
            return None  # no clear winner
        return nearest[0]

    def _spelling(self, key: str) -> str:
        words = self._by_skeleton.get(key)
        return words[0] if words else self._latin[key]


def _shipped_words() -> Iterable[tuple[str, int]]:
    package = resources.files("matching.text")
    for line in package.joinpath("occupation_words.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, count = line.partition(" ")
            yield word, int(count or 1)
    synonyms = package.joinpath("synonyms.txt").read_text(encoding="utf-8")
    for group in parse_groups(synonyms):
        for entry in group:
            for word in _WORD_RE.findall(fold(entry)):
                yield word, 3
    for word in _SEARCH_WORDS.split():
        yield word, 1


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary (built once)."""
    return Vocabulary.from_words(_shipped_words())
