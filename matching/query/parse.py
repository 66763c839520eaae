"""``parse_query``: a search box's text split into what to search for and where."""

from __future__ import annotations

import re
from dataclasses import dataclass

from matching.query.places import Gazetteer, Place, find_places

__all__ = ["ParsedQuery", "parse_query"]

_EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)|\[\s*\]")
_SPACES_RE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([,;:.!?)])")
_EDGE_PUNCT = " \t\n,;:/|\\-–—.+&"


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query split into text and places.

    ``text``: what to search for, without the place words and their markers (and with any
    correction applied); empty when the query was only a place. ``places``: the places named,
    in query order. ``original``: the query as typed. ``corrected``: the whole query as
    corrected (place words kept) when typo tolerance changed a word, for a "showing results
    for ..." line; ``None`` otherwise.
    """

    text: str
    places: tuple[Place, ...]
    original: str
    corrected: str | None = None


def _tidy(text: str) -> str:
    text = _EMPTY_BRACKETS_RE.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT_RE.sub(r"\1", _SPACES_RE.sub(" ", text))
    text = re.sub(r"([,;/|])(?:\s*[,;/|])+", r"\1", text)
    stripped = text.strip(_EDGE_PUNCT)
    # keep a trailing "+" or "#" that belongs to a term (c++, c#)
    if text.rstrip().endswith(("++", "#")) and not stripped.endswith(("++", "#")):
        stripped = text.strip().lstrip(_EDGE_PUNCT)
    return stripped


def parse_query(text: str, gazetteer: Gazetteer) -> ParsedQuery:
    """Find the places named in ``text`` and take them out of it."""
    original = text
    matches = find_places(text, gazetteer)
    if not matches:
        return ParsedQuery(text=_tidy(text), places=(), original=original)
    pieces: list[str] = []
    last = 0
    for match in matches:
        pieces.append(text[last : match.start])
        last = match.end
    pieces.append(text[last:])
    places = tuple(dict.fromkeys(m.place for m in matches))
    return ParsedQuery(text=_tidy(" ".join(pieces)), places=places, original=original)
