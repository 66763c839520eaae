"""The language analysis both backends index and query with (``matching.text``), injectable.

Indexed text is the analysed terms joined by single spaces; the engines split it again with a
plain whitespace tokenizer, so stemming, synonyms and Latin-script Kazakh behave identically in
every backend. Tests may pass their own ``Analyzer``.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Protocol


class Analyzer(Protocol):
    def analyze(self, text: str, lang: str | None = None) -> list[str]: ...

    def analyze_query(self, text: str, lang: str | None = None) -> list[list[str]]: ...

    def fingerprint(self) -> str:
        """Changes whenever the analysis may change (code, stop words, synonyms): analysed text
        is reused across rebuilds only under the same fingerprint."""
        ...


@cache
def _package_fingerprint(package: str) -> str:
    digest = hashlib.sha256()
    root = resources.files(package)
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith((".py", ".txt")):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()


class MatchingAnalyzer:
    """``matching.text``, imported on first use."""

    def fingerprint(self) -> str:
        return "matching.text:" + _package_fingerprint("matching.text")

    def analyze(self, text: str, lang: str | None = None) -> list[str]:
        from matching.text import analyze

        return analyze(text, lang)

    def analyze_query(self, text: str, lang: str | None = None) -> list[list[str]]:
        from matching.text import analyze_query

        return analyze_query(text, lang)


def analysed(analyzer: Analyzer, text: str, lang: str | None = None) -> str:
    """``text`` as whitespace-separated analysed terms."""
    if not text:
        return ""
    return " ".join(term for term in analyzer.analyze(text, lang) if term and not term.isspace())


def query_positions(
    analyzer: Analyzer, text: str, lang: str | None = None
) -> list[tuple[tuple[str, ...], ...]]:
    """Per query position, its alternatives; each alternative is one term or a phrase of
    consecutive terms (a multi-word synonym). Repeated positions are dropped."""
    if not text.strip():
        return []
    positions: list[tuple[tuple[str, ...], ...]] = []
    seen: set[tuple[tuple[str, ...], ...]] = set()
    for alternatives in analyzer.analyze_query(text, lang):
        alts = tuple(dict.fromkeys(tuple(a.split()) for a in alternatives if a.strip()))
        if alts and alts not in seen:
            seen.add(alts)
            positions.append(alts)
    return positions


def minimum_should_match(positions: int, match: str = "most") -> int:
    """How many query positions a document must match.

    ``most`` (search boxes): all of up to two, else three quarters (rounded down) —
    Elasticsearch's ``"2<75%"``. ``any`` (long profile texts used for retrieval): one.
    """
    if match == "any":
        return min(positions, 1)
    if positions <= 2:
        return positions
    return (positions * 3) // 4
