"""``parse_query``: a search box's text split into what to search for and where.

Steps, in order:

1. Places (``matching.query.places``) are found and taken out with their markers.
2. Kazakh in a Latin alphabet becomes Cyrillic: marked spellings ("bağdarlamaşy") through
   ``matching.text.latin_to_cyrillic``, plain ASCII ("aspaz", "zhurgizushi", "voditel")
   through the vocabulary (``matching.text.vocabulary``); English words stay ("python
   developer"). The text then reads the same to the index and to the text encoder.
3. A one-word query the vocabulary does not know is corrected to the nearest known word
   ("бугалтер" -> "бухгалтер", "мугалим" -> "мұғалім"); ``ParsedQuery.corrected`` then holds
   the whole query as corrected, for a "showing results for ..." line. Callers that prefer to
   correct only when the query as typed finds nothing call again with ``correct=True`` after a
   first call with ``correct=False``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matching.query.places import Gazetteer, Place, find_places
from matching.text import latin_to_cyrillic
from matching.text.vocabulary import Vocabulary, default_vocabulary

__all__ = ["ParsedQuery", "parse_query"]

_EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)|\[\s*\]")
_SPACES_RE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([,;:.!?)])")
_REPEATED_SEPARATORS_RE = re.compile(r"([,;/|])(?:\s*[,;/|])+")
_EDGE_PUNCT = " \t\n,;:/|\\-–—&"
_CONNECTORS = "|".join(["и", "или", "а", "также", "және", "мен", "немесе", "and", "or"])
# a connector left at either end once the places around it are gone ("Алматы или Астана")
_EDGE_CONNECTOR_RE = re.compile(
    rf"^(?:(?:{_CONNECTORS})\b[\s,;/]*)+|(?:[\s,;/]*\b(?:{_CONNECTORS}))+$", re.IGNORECASE
)
_ASCII_WORD_RE = re.compile(r"(?<![\w+#.])[A-Za-z]{3,}(?![\w+#]|\.\w)")
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query split into text and places.

    ``text``: what to search for, without the place words and their markers, Latin-typed
    Kazakh in Cyrillic, any correction applied; empty when the query was only a place.
    ``places``: the places named, in query order, no repeats. ``original``: the query as typed.
    ``corrected``: the whole query as corrected (place words kept) when typo tolerance changed
    a word, for a "showing results for ..." line; ``None`` otherwise.
    """

    text: str
    places: tuple[Place, ...]
    original: str
    corrected: str | None = None

    @property
    def region_katos(self) -> tuple[str, ...]:
        """Codes to filter ``region_kato`` on (regions and the three republican cities)."""
        return tuple(p.kato for p in self.places if p.level == "region")

    @property
    def locality_katos(self) -> tuple[str, ...]:
        """Codes to filter ``locality_kato`` on."""
        return tuple(p.kato for p in self.places if p.level == "locality")


def _tidy(text: str) -> str:
    text = _EMPTY_BRACKETS_RE.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT_RE.sub(r"\1", _SPACES_RE.sub(" ", text))
    text = _REPEATED_SEPARATORS_RE.sub(r"\1", text)
    return text.strip(_EDGE_PUNCT).rstrip(".").strip(_EDGE_PUNCT)


def _without_places(text: str, gazetteer: Gazetteer) -> tuple[str, tuple[Place, ...]]:
    matches = find_places(text, gazetteer)
    if not matches:
        return _tidy(text), ()
    pieces: list[str] = []
    last = 0
    for match in matches:
        pieces.append(text[last : match.start])
        last = match.end
    pieces.append(text[last:])
    rest = _EDGE_CONNECTOR_RE.sub("", _tidy(" ".join(pieces)))
    return _tidy(rest), tuple(dict.fromkeys(m.place for m in matches))


def _to_cyrillic(text: str, vocabulary: Vocabulary) -> str:
    text = latin_to_cyrillic(text)
    kazakh = any(vocabulary.cyrillic(m.group()) for m in _ASCII_WORD_RE.finditer(text))

    def spell(match: re.Match[str]) -> str:
        words = vocabulary.cyrillic(match.group(), among_kazakh=kazakh)
        return words[0] if words else match.group()

    return _ASCII_WORD_RE.sub(spell, text)


def parse_query(
    text: str,
    gazetteer: Gazetteer,
    *,
    vocabulary: Vocabulary | None = None,
    correct: bool = True,
) -> ParsedQuery:
    """Split ``text`` into what to search for and the places it names (see the module doc)."""
    vocab = default_vocabulary() if vocabulary is None else vocabulary
    rest, places = _without_places(text, gazetteer)
    rest = _to_cyrillic(rest, vocab)
    words = _WORD_RE.findall(rest)
    if correct and len(words) == 1:
        fixed = vocab.correct(words[0])
        if fixed is not None:
            rest = rest.replace(words[0], fixed, 1)
            corrected = _tidy(text.replace(words[0], fixed, 1))
            return ParsedQuery(rest, places, text, corrected)
    return ParsedQuery(text=rest, places=places, original=text)
