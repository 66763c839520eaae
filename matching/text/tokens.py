"""Tokeniser for normalised, transliterated text.

Yields ``(kind, token)`` pairs, sentence by sentence. Kinds: ``"cyr"`` (a Cyrillic word),
``"lat"`` (Latin letters, possibly with digits: "python", "b2b", "x86"), ``"tech"`` (terms kept
verbatim: "c++", "c#", ".net", "node.js", "asp.net", "1с"), ``"num"`` ("2000", "3.5") and
``"other"`` (words in other scripts). Hyphens and apostrophes separate tokens. Sentences end
at ``.!?;`` followed by whitespace and at newlines.
"""

from __future__ import annotations

import re

__all__ = ["Token", "sentences"]

Token = tuple[str, str]

_LAT = "a-zß-öø-ɏ"
_CYR = "\u0400-\u052f"
_TOKEN_RE = re.compile(
    rf"""
    (?P<eos>[.!?;]+(?=\s|$)|\n)
    |(?P<tech>
        \.net\b
        |[a-z0-9]+(?:[.-][a-z0-9]+)*\.(?:js|net)\b
        |[a-zс](?:\+\+|\#)(?![\w+#])
        |1[cс](?![{_LAT}{_CYR}0-9])
    )
    |(?P<lat>[0-9]*[{_LAT}][{_LAT}0-9]*)
    |(?P<cyr>[{_CYR}]+)
    |(?P<num>\d+(?:[.,]\d+)*)
    |(?P<other>[^\W\d_{_LAT}{_CYR}]+)
    """,
    re.X,
)


def _canonical_tech(token: str) -> str:
    if token in ("1c", "1с"):
        return "1с"
    if token[0] == "с":  # Cyrillic с typed for "C++" / "C#"
        return "c" + token[1:]
    return token


def sentences(text: str) -> list[list[Token]]:
    """Split normalised text into sentences of ``(kind, token)`` pairs; empty ones dropped."""
    result: list[list[Token]] = []
    current: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "eos":
            if current:
                result.append(current)
                current = []
            continue
        token = match.group()
        if kind == "tech":
            token = _canonical_tech(token)
        current.append((kind, token))
    if current:
        result.append(current)
    return result
