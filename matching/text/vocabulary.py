"""Known words, for reading Latin-typed and misspelt query words.

The vocabulary is every word of the shipped occupation titles (``occupation_words.txt``, kk,
ru and en), of the synonym groups (``synonyms.txt``) and a short list of everyday job-search
words. Cyrillic words are indexed by their ASCII skeleton (``matching.text.skeleton``), so:

- ``cyrillic("esepshi")`` -> ``("есепші",)``; ``"zhurgizushi"``/``"jurgizushi"`` ->
  ``("жүргізуші",)``; ``"voditel"`` -> ``("водитель",)``: Kazakh and Russian typed in plain
  ASCII; with Kazakh endings typed after a known word too ("mugalimder" -> мұғалімдер).
  A Latin word that is a known English word ("manager", "developer"), or shorter than four
  letters, is left alone.
- ``correct("бугалтер")`` -> ``"бухгалтер"``, ``correct("мугалим")`` -> ``"мұғалім"``: a
  word typed without its Kazakh letters, or else the nearest *title* (a word that is a whole
  occupation title on its own: бухгалтер, водитель, developer) in the same script, by edit
  distance between skeletons (a swap of neighbouring letters is one edit; none for words
  under 5 letters, one up to 8, two from 9). Only for words the vocabulary does not know in
  any form (a known word plus an ending, or the same stem), and only when one candidate
  clearly wins. Everyday words are mostly unknown to a vocabulary of
  titles, so a caller that can should correct only a query that found nothing as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import OSA

from matching.text.kazakh_stemmer import stem_kazakh
from matching.text.language import KAZAKH_LETTERS, language_signal, stem_russian
from matching.text.normalize import fold
from matching.text.skeleton import skeleton
from matching.text.stopwords import STOP_WORDS
from matching.text.synonyms import parse_groups

__all__ = ["Vocabulary", "default_vocabulary", "max_edits"]

_VOWELS = frozenset("аяоеыиіьйуeyo")
_MAX_ENDING = 4
_CYRILLIC_RE = re.compile(r"^[\u0400-\u04ff]+$")
_LATIN_RE = re.compile(r"^[a-z]+$")
_WORD_RE = re.compile(r"[^\W\d_]+")
MIN_CORRECTED = 5
_MIN_LATIN = 4  # "bar" is English before it is Kazakh "бар"...
_MIN_LATIN_IN_KAZAKH = 3  # ...but in "satyp alu", beside Kazakh words, "alu" is "алу"
_MAX_SUFFIX = 6
_SUFFIX_RE = re.compile(r"^(?=.*[aeiuy])(?:[adeglnkmrstyiubpz]|sh)+(?<!s)$")
_FRONT = frozenset("әеіөү")
# ASCII letters of Kazakh endings: (typed, after a back-vowel word, after a front-vowel word)
_SUFFIX_LETTERS = (
    ("a", "а", "е"), ("e", "е", "е"), ("y", "ы", "і"), ("i", "ы", "і"), ("u", "у", "у"),
    ("g", "ғ", "г"), ("k", "қ", "к"), ("d", "д", "д"), ("t", "т", "т"), ("l", "л", "л"),
    ("r", "р", "р"), ("n", "н", "н"), ("m", "м", "м"), ("s", "с", "с"), ("b", "б", "б"),
    ("p", "п", "п"), ("z", "з", "з"),
)  # fmt: skip
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


def _stems(words: Iterable[str]) -> set[str]:
    """Each word, and each word less a final vowel: the start of its inflected forms."""
    words = list(words)
    return set(words) | {w[:-1] for w in words if len(w) >= MIN_CORRECTED and w[-1] in _VOWELS}


def _has_stem(word: str, stems: set[str]) -> bool:
    """Whether ``word`` is a stem plus an ending of up to four letters (бухгалтера,
    водителем, кассирша, программистов)."""
    shortest = max(4, len(word) - _MAX_ENDING)
    return any(word[:k] in stems for k in range(shortest, len(word) + 1))


def _same_word(a: str, b: str) -> bool:
    """Whether two words are forms of one word by the Russian or the Kazakh stemmer."""
    return stem_russian(a) == stem_russian(b) or stem_kazakh(a) == stem_kazakh(b)


def _suffix(ending: str, front: bool) -> str:
    out = ending.replace("sh", "ш")
    for latin, back, front_letter in _SUFFIX_LETTERS:
        out = out.replace(latin, front_letter if front else back)
    return out


def max_edits(length: int) -> int:
    """Edits allowed when correcting a word whose skeleton has ``length`` letters."""
    if length < MIN_CORRECTED:
        return 0
    return 1 if length <= 8 else 2


class Vocabulary:
    """Known words with their weights (occurrences in the titles); ``titles`` are the words
    corrections may produce (all words when not given)."""

    def __init__(self, counts: dict[str, int], titles: Iterable[str] | None = None) -> None:
        self.counts = counts
        self.english = frozenset(w for w in counts if _LATIN_RE.match(w))
        targets = set(counts) if titles is None else {fold(t) for t in titles} & set(counts)
        ordered = sorted(counts, key=lambda w: (-counts[w], w))
        by_skeleton: dict[str, list[str]] = {}
        for word in ordered:
            if _CYRILLIC_RE.match(word):
                by_skeleton.setdefault(skeleton(word), []).append(word)
        self._by_skeleton = {key: tuple(words) for key, words in by_skeleton.items()}
        self._targets: dict[bool, dict[str, str]] = {True: {}, False: {}}  # by "is Latin"
        for word in ordered:
            if word in targets and (_CYRILLIC_RE.match(word) or _LATIN_RE.match(word)):
                latin = bool(_LATIN_RE.match(word))
                self._targets[latin].setdefault(skeleton(word), word)
        self._stems = _stems(counts)
        self._plain_stems = _stems(w for w in counts if KAZAKH_LETTERS.isdisjoint(w))

    @classmethod
    def from_words(
        cls, words: Iterable[tuple[str, int]], titles: Iterable[str] | None = None
    ) -> Vocabulary:
        counts: dict[str, int] = {}
        for word, count in words:
            folded = fold(word)
            if folded and folded not in STOP_WORDS:
                counts[folded] = counts.get(folded, 0) + count
        return cls(counts, titles)

    def __len__(self) -> int:
        return len(self.counts)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and fold(word) in self.counts

    def knows(self, word: str) -> bool:
        """Whether ``word`` is known, or a known word with an ending (бухгалтера, кассирша)."""
        folded = fold(word)
        if folded in self.counts or folded in STOP_WORDS:
            return True
        return _has_stem(folded, self._stems)

    def cyrillic(self, word: str, *, among_kazakh: bool = False) -> tuple[str, ...]:
        """Known Cyrillic words a plain-Latin ``word`` spells, most common first (``()`` for
        an English word the vocabulary knows, or no match). Three-letter words are read only
        ``among_kazakh``: when other words of the text spelled Cyrillic words."""
        folded = fold(word)
        shortest = _MIN_LATIN_IN_KAZAKH if among_kazakh else _MIN_LATIN
        if not _LATIN_RE.match(folded) or folded in self.english or len(folded) < shortest:
            return ()
        return self._by_skeleton.get(skeleton(folded)) or self._kazakh_inflected(folded)

    def _kazakh_inflected(self, folded: str) -> tuple[str, ...]:
        """A known word with Kazakh endings typed after it: mugalimder -> мұғалімдер,
        aspazdar -> аспаздар. Only for bases that are not visibly Russian."""
        for cut in range(len(folded) - 1, max(_MIN_LATIN, len(folded) - _MAX_SUFFIX) - 1, -1):
            ending, stem = folded[cut:], folded[:cut]
            if stem in self.english or not _SUFFIX_RE.match(ending):
                continue  # operators, mastery: English
            bases = self._by_skeleton.get(skeleton(stem))
            if not bases or language_signal(bases[0]) < 0:
                continue
            front = not _FRONT.isdisjoint(bases[0])
            return (bases[0] + _suffix(ending, front),)
        return ()

    def correct(self, word: str) -> str | None:
        """The known word ``word`` is most likely a misspelling of, or None."""
        folded = fold(word)
        if not _WORD_RE.fullmatch(folded) or folded in self.counts or self.cyrillic(folded):
            return None
        key = skeleton(folded)
        exact = self._by_skeleton.get(key)
        if (
            exact
            and _CYRILLIC_RE.match(folded)
            and KAZAKH_LETTERS.isdisjoint(folded)
            and not KAZAKH_LETTERS.isdisjoint(exact[0])
            and stem_russian(folded) not in self._plain_stems  # сервисы is not сервисі
        ):
            return exact[0]  # typed without the Kazakh letters: мугалим -> мұғалім
        if self.knows(folded):
            return None
        edits = max_edits(len(key))
        if not edits:
            return None
        targets = self._targets[bool(_LATIN_RE.match(folded))]
        found = process.extract(
            key, list(targets), scorer=OSA.distance, score_cutoff=edits, limit=8
        )
        if not found:
            return None
        best = min(distance for _, distance, _ in found)
        nearest = [targets[choice] for choice, distance, _ in found if distance == best]
        if any(_same_word(folded, word) for word in nearest):
            return None  # a form of a known word (бухгалтера), not a misspelling
        nearest.sort(key=lambda w: -self.counts[w])
        if len(nearest) > 1 and self.counts[nearest[0]] < 2 * self.counts[nearest[1]]:
            return None  # no clear winner
        return nearest[0]


def _shipped_words() -> tuple[list[tuple[str, int]], set[str]]:
    package = resources.files("matching.text")
    words: list[tuple[str, int]] = []
    titles: set[str] = set()
    for line in package.joinpath("occupation_words.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, count, *flag = line.split()
            words.append((word, int(count)))
            if flag == ["title"]:
                titles.add(word)
    synonyms = package.joinpath("synonyms.txt").read_text(encoding="utf-8")
    for group in parse_groups(synonyms):
        for entry in group:
            entry_words = _WORD_RE.findall(fold(entry))
            words.extend((word, 3) for word in entry_words)
            if len(entry_words) == 1:
                titles.update(entry_words)
    words.extend((word, 1) for word in _SEARCH_WORDS.split())
    return words, titles


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The shipped vocabulary (built once)."""
    return Vocabulary.from_words(*_shipped_words())
