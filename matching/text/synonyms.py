"""Synonym groups over analysed terms, for OR-expanding queries across kk/ru/en.

Each entry of a group is analysed once, at load time, with the same analyzer queries use, so
every inflected form of a word hits its group. An entry may be several words; it then matches
the query's consecutive terms, and an alternative holding spaces ("жүк тиеуші") stands for a
phrase of terms.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence

__all__ = ["EntryAnalyzer", "SynonymTable", "parse_groups"]

# Text -> positions, each a list of alternative terms (analyze_alternatives' shape).
EntryAnalyzer = Callable[[str], list[list[str]]]
_MAX_READINGS = 16  # cap on the alternative term sequences kept for one entry


def parse_groups(text: str) -> list[list[str]]:
    """Read the synonyms file format: one comma-separated group per line, ``#`` comments."""
    groups = []
    for line in text.splitlines():
        entries = [entry.strip() for entry in line.split("#", 1)[0].split(",")]
        entries = [entry for entry in entries if entry]
        if len(entries) > 1:
            groups.append(entries)
    return groups


class SynonymTable:
    """Maps analysed term sequences to the groups they belong to."""

    def __init__(self, groups: Iterable[Iterable[str]], analyzer: EntryAnalyzer) -> None:
        self._alternatives: list[list[str]] = []
        self._by_first: dict[str, dict[tuple[str, ...], set[int]]] = {}
        for entries in groups:
            readings = [r for entry in entries for r in self._readings(entry, analyzer)]
            if len(readings) < 2:
                continue
            group_id = len(self._alternatives)
            self._alternatives.append(list(dict.fromkeys(" ".join(r) for r in readings)))
            for reading in readings:
                self._by_first.setdefault(reading[0], {}).setdefault(reading, set()).add(group_id)

    @staticmethod
    def _readings(entry: str, analyzer: EntryAnalyzer) -> list[tuple[str, ...]]:
        positions = analyzer(entry)
        if not positions:
            return []
        product = itertools.product(*positions)
        return list(itertools.islice(product, _MAX_READINGS))

    @classmethod
    def from_text(cls, text: str, analyzer: EntryAnalyzer) -> SynonymTable:
        return cls(parse_groups(text), analyzer)

    def __len__(self) -> int:
        return len(self._alternatives)

    def group(self, term: str) -> list[str]:
        """Alternatives of every group a single analysed term belongs to (empty if none)."""
        ids = self._by_first.get(term, {}).get((term,), set())
        return self._merge(sorted(ids))

    def expand(self, terms: Sequence[str]) -> list[list[str]]:
        """OR-alternatives per position for analysed ``terms`` (see ``expand_positions``)."""
        return self.expand_positions([[term] for term in terms])

    def expand_positions(self, positions: Sequence[Sequence[str]]) -> list[list[str]]:
        """Add synonym alternatives to each position of an analysed query.

        Multi-term entries match greedily, longest first; a matched run of positions collapses
        into one position whose alternatives are phrases. Unmatched positions pass through.
        """
        result: list[list[str]] = []
        i = 0
        while i < len(positions):
            length, ids = self._longest_match(positions, i)
            if not ids:
                result.append(list(positions[i]))
                i += 1
                continue
            if length == 1:
                own = list(positions[i])
            else:
                own = [" ".join(alts[0] for alts in positions[i : i + length])]
            result.append(list(dict.fromkeys(own + self._merge(sorted(ids)))))
            i += length
        return result

    def _longest_match(self, positions: Sequence[Sequence[str]], i: int) -> tuple[int, set[int]]:
        best_length, best_ids = 0, set[int]()
        for first in positions[i]:
            for reading, ids in self._by_first.get(first, {}).items():
                length = len(reading)
                if length < best_length or i + length > len(positions):
                    continue
                if all(reading[k] in positions[i + k] for k in range(1, length)):
                    if length > best_length:
                        best_length, best_ids = length, set[int]()
                    best_ids |= ids
        return best_length, best_ids

    def _merge(self, ids: Iterable[int]) -> list[str]:
        merged: dict[str, None] = {}
        for group_id in ids:
            merged.update(dict.fromkeys(self._alternatives[group_id]))
        return list(merged)
