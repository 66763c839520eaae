"""Per-token choice of stemmer, and the stemmers themselves (cached).

Rules, in order:

* Latin words: English Snowball ("developers" -> "develop"); Latin tokens with digits, tech
  tokens, numbers and other scripts are kept verbatim.
* Cyrillic words with a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і): Kazakh stemmer.
* Cyrillic words with a Russian inflectional ending Kazakh never has (-ого, -ами, -ый, -ых,
  -ться, ...): Russian Snowball.
* Any other Cyrillic word is ambiguous ("аудан", "бала", "программист"): the Kazakh stemmer
  when its sentence is Kazakh, the Russian one otherwise. A sentence is Kazakh when more of its
  words carry Kazakh-only letters than carry Russian signals (letters Kazakh words do not use
  natively, ``в ф ц ч щ ъ ь э ю я``, or Russian endings); with no signal either way, the
  caller's hint or the document's overall language decides.

Documents get one term per word. Queries get, for an ambiguous word, both the Kazakh and the
Russian reading (the sentence's language first), and for Kazakh words (and ambiguous words in
Kazakh sentences) every stem an inflected form of the word could be indexed under, so a query
meets a document whichever way the document was read.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

import snowballstemmer

from matching.text.kazakh_stemmer import kazakh_variants, stem_kazakh

__all__ = [
    "KAZAKH_LETTERS",
    "doc_term",
    "has_kazakh_letters",
    "language_signal",
    "looks_russian",
    "query_terms",
    "sentence_language",
    "stem_english",
    "stem_russian",
    "vote",
]

KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_RUSSIAN_LETTERS = frozenset("вфцчщъьэюя")
_RUSSIAN_ENDINGS = (
    "ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями", "ых", "их", "ый", "ий", "ая",
    "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ов", "ев", "ей", "ям", "ях", "ться", "тся",
    "ешь", "ишь", "ость", "ости", "ание", "ания", "ение", "ения",
)  # fmt: skip
# Snowball reads these nominatives as verb forms (опыт -> оп, while опыта -> опыт).
_RUSSIAN_OVERRIDES = {"опыт": "опыт"}


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


_lock = threading.Lock()  # snowballstemmer objects keep per-call state
_russian: _Stemmer = snowballstemmer.stemmer("russian")
_english: _Stemmer = snowballstemmer.stemmer("english")


def has_kazakh_letters(token: str) -> bool:
    return not KAZAKH_LETTERS.isdisjoint(token)


def looks_russian(token: str) -> bool:
    """Whether a Cyrillic token without Kazakh letters ends like an inflected Russian word."""
    return len(token) > 3 and token.endswith(_RUSSIAN_ENDINGS)


@lru_cache(maxsize=262144)
def language_signal(token: str) -> int:
    """+1 for a visibly Kazakh word, -1 for a visibly Russian one, 0 otherwise."""
    if has_kazakh_letters(token):
        return 1
    if not _RUSSIAN_LETTERS.isdisjoint(token) or looks_russian(token):
        return -1
    return 0


def vote(signals: Iterable[int]) -> str | None:
    """``"kk"``, ``"ru"`` or None (no majority) from word signals."""
    kazakh = russian = 0
    for signal in signals:
        if signal > 0:
            kazakh += 1
        elif signal < 0:
            russian += 1
    if kazakh > russian:
        return "kk"
    if russian > kazakh:
        return "ru"
    return None


def sentence_language(tokens: Iterable[str]) -> str | None:
    """``"kk"``, ``"ru"`` or None (no evidence) for the Cyrillic words of one sentence."""
    return vote(map(language_signal, tokens))


def _snowball(stemmer: _Stemmer, word: str) -> str:
    with _lock:
        return stemmer.stemWord(word)


@lru_cache(maxsize=131072)
def stem_russian(word: str) -> str:
    """Russian Snowball, one pass (iterating over-stems: удаленная -> уд)."""
    return _RUSSIAN_OVERRIDES.get(word) or _snowball(_russian, word)


@lru_cache(maxsize=65536)
def stem_english(word: str) -> str:
    return _snowball(_english, word)


def _uses_kazakh(token: str, context: str | None) -> bool:
    return has_kazakh_letters(token) or (context == "kk" and not looks_russian(token))


@lru_cache(maxsize=262144)
def doc_term(kind: str, token: str, context: str | None) -> str:
    """The index term for one token; ``context`` is its sentence's language."""
    if kind == "cyr":
        return stem_kazakh(token) if _uses_kazakh(token, context) else stem_russian(token)
    if kind == "lat" and token.isalpha():
        return stem_english(token)
    return token


@lru_cache(maxsize=65536)
def query_terms(kind: str, token: str, context: str | None) -> tuple[str, ...]:
    """Alternative terms for one query token, the most likely first."""
    if kind != "cyr":
        return (doc_term(kind, token, context),)
    if has_kazakh_letters(token):
        return kazakh_variants(token)
    russian = (stem_russian(token),)
    if looks_russian(token):
        return russian
    if context == "kk":
        return tuple(dict.fromkeys(kazakh_variants(token) + russian))
    return tuple(dict.fromkeys((*russian, stem_kazakh(token))))
