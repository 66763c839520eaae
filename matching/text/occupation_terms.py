"""Occupation synonym groups and words derived from the ISCO-08 titles the platform ships.

``app/data/occupations.csv`` is the source (the app loads it into the database); ``matching``
may not read the app's files, so two files derived from it ship here, and a unit test fails
when they fall out of step with the CSV. Regenerate them with::

    python -m matching.text.occupation_terms app/data/occupations.csv

- ``occupation_synonyms.txt`` (``synonyms.txt`` format): one group per unit group, its head
  titles: the first Russian and the first Kazakh synonym, when each is one word. The CSV
  lists a group's usual title first in both languages, so these are translations of one
  another (врач = дәрігер, программист = бағдарламашы). English heads are left out: the first
  English synonym is often a neighbour, not a translation (реставратор / taxidermist). Later titles
  are often narrower (процедурная медсестра) or siblings (хирург and педиатр are both
  "specialist doctors"), so they stay out; Kazakh variants of a head title that people do type
  (медбике beside мейіргер) are curated in ``synonyms.txt``. Titles of several words stay
  out because a multi-word synonym turns the query's words into one phrase position
  (``synonyms``), and on real postings ("мобильный разработчик" = "мобильді әзірлеуші") that
  lost more than it found (``bench/query_bench.py``: four more Russian title queries with no
  result at all); their words still meet word by word through ``synonyms.txt``.
- ``occupation_words.txt``: every word of every title and synonym (kk, ru, en) with its count,
  marked ``title`` when it is a whole title on its own: the vocabulary Latin-typed and misspelt
  query words are resolved against (``matching.text.vocabulary``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from matching.text.normalize import fold
from matching.text.stopwords import is_stop_word

__all__ = ["render_synonyms", "render_words", "title_words"]

HEAD_TITLES = 1  # per language
MAX_TITLE_WORDS = 1
MIN_WORD = 3
_WORD_RE = re.compile(r"[^\W\d_]+")
_HEADER = (
    "# Generated from app/data/occupations.csv by matching.text.occupation_terms; do not edit.\n"
)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def title_words(title: str) -> list[str]:
    """The words of a title, folded, without stop words and words under three letters."""
    return [w for w in _WORD_RE.findall(fold(title)) if len(w) >= MIN_WORD and not is_stop_word(w)]


def _short(title: str) -> bool:
    return 0 < len(_WORD_RE.findall(title)) <= MAX_TITLE_WORDS and "," not in title


def render_synonyms(rows: Iterable[Mapping[str, str]]) -> str:
    lines = [_HEADER]
    for row in rows:
        if row.get("level") != "4":
            continue
        heads = [t for t in _split(row.get("synonyms_ru"))[:HEAD_TITLES] if _short(t)]
        heads += [t for t in _split(row.get("synonyms_kk"))[:HEAD_TITLES] if _short(t)]
        heads = list(dict.fromkeys(fold(t) for t in heads))
        if len(heads) > 1:
            lines.append(f"{', '.join(heads)}  # {row['code']}\n")
    return "".join(lines)


def render_words(rows: Iterable[Mapping[str, str]]) -> str:
    """``word count`` lines, most frequent first; ``word count title`` for a word that is a
    whole title on its own (бухгалтер, мұғалім), what misspelt one-word queries are meant as."""
    counts: Counter[str] = Counter()
    whole: set[str] = set()
    for row in rows:
        titles = [row.get("name_ru"), row.get("name_kk"), row.get("name_en")]
        for column in ("synonyms_ru", "synonyms_kk", "synonyms_en"):
            synonyms = _split(row.get(column))
            titles.extend(synonyms)
            whole.update(w for t in synonyms if len(words := title_words(t)) == 1 for w in words)
        for title in titles:
            counts.update(title_words(title or ""))
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return _HEADER + "".join(
        f"{word} {count}{' title' if word in whole else ''}\n" for word, count in ordered
    )


def main(argv: list[str]) -> None:
    import csv

    if len(argv) != 1:
        raise SystemExit("usage: python -m matching.text.occupation_terms OCCUPATIONS_CSV")
    with open(argv[0], encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    here = Path(__file__).resolve().parent
    (here / "occupation_synonyms.txt").write_text(render_synonyms(rows), encoding="utf-8")
    (here / "occupation_words.txt").write_text(render_words(rows), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
