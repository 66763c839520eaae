"""Multi-word titles analysed as single terms (``compounds.txt``).

A title such as "іс жүргізуші" (clerk) contains a word that is a different occupation on its
own ("жүргізуші", driver). Joining the title's terms into one term ("іс_жүргізуші") in
documents and in queries keeps the two apart in every engine: the driver query's term does
not occur in a clerk's title, while the clerk query (or its synonym "делопроизводитель")
still finds it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence

__all__ = ["JOINER", "CompoundTable"]

JOINER = "_"  # never inside an analysed term: the tokenizer splits on it
_MAX_READINGS = 64

EntryAnalyzer = Callable[[str], list[list[str]]]


class CompoundTable:
    """Term sequences (every reading of each title) -> the title's single term."""

    def __init__(self, titles: Iterable[str], analyzer: EntryAnalyzer) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for title in titles:
            positions = analyzer(title)
            if len(positions) < 2:
                continue
            readings = list(itertools.islice(itertools.product(*positions), _MAX_READINGS))
            term = JOINER.join(readings[0])
            for reading in readings:
                self._by_first.setdefault(reading[0], []).append((reading, term))
        for entries in self._by_first.values():
            entries.sort(key=lambda e: -len(e[0]))

    @classmethod
    def from_text(cls, text: str, analyzer: EntryAnalyzer) -> CompoundTable:
        lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
        return cls((line for line in lines if line), analyzer)

    def __len__(self) -> int:
        return len({term for entries in self._by_first.values() for _, term in entries})

    def join_terms(self, terms: Sequence[str]) -> list[str]:
        """Document terms with every compound title joined into its single term."""
        if not self._by_first:
            return list(terms)
        out: list[str] = []
        i = 0
        while i < len(terms):
            for reading, term in self._by_first.get(terms[i], ()):
                if tuple(terms[i : i + len(reading)]) == reading:
                    out.append(term)
                    i += len(reading)
                    break
            else:
                out.append(terms[i])
                i += 1
        return out

    def join_positions(self, positions: Sequence[Sequence[str]]) -> list[list[str]]:
        """Query positions (alternatives each) with compound titles joined into one position."""
        if not self._by_first:
            return [list(p) for p in positions]
        out: list[list[str]] = []
        i = 0
        while i < len(positions):
            term = self._match(positions, i)
            if term is None:
                out.append(list(positions[i]))
                i += 1
            else:
                out.append([term[0]])
                i += term[1]
        return out

    def _match(self, positions: Sequence[Sequence[str]], i: int) -> tuple[str, int] | None:
        for first in positions[i]:
            for reading, term in self._by_first.get(first, ()):
                n = len(reading)
                if i + n <= len(positions) and all(
                    reading[k] in positions[i + k] for k in range(1, n)
                ):
                    return term, n
        return None
