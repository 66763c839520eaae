"""Query sets for the search bench (``bench/relevance_search.py``), built from the corpus.

Relevant = the vacancies the app's title classifier put in the query's ISCO unit group (as in
``relevance_data.title_queries``); a query with a place also needs the vacancy in that place.

- ``ru`` / ``kk``: the first Russian / Kazakh synonym of every unit group with >= 5 labelled
  vacancies (``relevance_data.title_queries``);
- ``kk ascii``: the Kazakh queries as people type them on a Latin keyboard (``aspaz``,
  ``esepshi``, ``zhurgizushi``, ``bagdarlamashy``);
- ``ru + place`` / ``kk + place``: a title and the city where most of its group's postings
  are (``водитель Алматы``, ``есепші Қарағанды``), relevant only there;
- ``traps``: the issue's phrase traps (``водитель``, ``жүргізуші``, ``врач``, ``медбике``,
  ``бухгалтер``...), relevant by ISCO prefix.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import replace

from relevance_data import LOCALITIES_CSV, MIN_GROUP, Corpus, Query, title_queries

from matching.ranking import SeekerProfile

_ASCII = {
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "yo",
    "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "u",
    "ү": "u", "ф": "f", "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh",
    "ъ": "", "ы": "y", "і": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip

# The traps: query text and the ISCO prefixes that answer it.
TRAPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("водитель", ("832", "833")),
    ("жүргізуші", ("832", "833")),
    ("zhurgizushi", ("832", "833")),
    ("врач", ("221",)),
    ("дәрігер", ("221",)),
    ("медсестра", ("222", "322")),
    ("медбике", ("222", "322")),
    ("бухгалтер", ("2411", "3313", "4311")),
    ("есепші", ("2411", "3313", "4311")),
    ("повар", ("3434", "5120", "9411")),
    ("аспаз", ("3434", "5120", "9411")),
)
TRAP_FACET_REGION = ("бухгалтер", "710000000")  # the Astana facet for бухгалтер


def ascii_kazakh(text: str) -> str:
    """Kazakh typed on a Latin keyboard without special letters (``мұғалім`` → ``mugalim``)."""
    return "".join(_ASCII.get(ch, ch) for ch in text.lower())


def _city_names() -> dict[str, tuple[str, str]]:
    with LOCALITIES_CSV.open(encoding="utf-8", newline="") as fh:
        return {row["kato"]: (row["name_ru"], row["name_kk"]) for row in csv.DictReader(fh)}


def place_queries(corpus: Corpus) -> tuple[list[Query], list[Query]]:
    """``<title> <city>`` in ru and kk for every group with >= 3 labelled postings in one
    city (its commonest), relevant = that group in that city."""
    names = _city_names()
    by_id = {item.doc.id: item.doc for item in corpus.items}
    ru: list[Query] = []
    kk: list[Query] = []
    for code, ids in sorted(corpus.by_label().items()):
        occupation = corpus.occupations[code]
        if len(ids) < MIN_GROUP or not occupation.synonyms_ru or not occupation.synonyms_kk:
            continue
        cities = Counter(by_id[i].locality_kato for i in ids if by_id[i].locality_kato)
        if not cities:
            continue
        kato, count = cities.most_common(1)[0]
        if count < 3 or kato not in names:
            continue
        relevant = frozenset(i for i in ids if by_id[i].locality_kato == kato)
        city_ru, city_kk = names[kato]
        for lang, text, out in (
            ("ru", f"{occupation.synonyms_ru[0]} {city_ru}", ru),
            ("kk", f"{occupation.synonyms_kk[0]} {city_kk}", kk),
        ):
            out.append(
                Query(f"{lang}+place:{code}", SeekerProfile(text=text), relevant, (), code, text)
            )
    return ru, kk


def trap_queries(corpus: Corpus) -> list[Query]:
    groups = corpus.by_label()
    out = []
    for text, prefixes in TRAPS:
        # What the ISCO prefixes name, and the group the app's classifier gives the word
        # itself (it files "бухгалтер" under 2413, as it files the corpus's accountants).
        own = corpus.classifier.classify(text)
        codes = (*prefixes, own.code) if own is not None else prefixes
        relevant = frozenset(
            i for code, ids in groups.items() if code.startswith(codes) for i in ids
        )
        if relevant:
            out.append(Query(f"trap:{text}", SeekerProfile(text=text), relevant, (), "", text))
    return out


def search_sets(corpus: Corpus) -> dict[str, list[Query]]:
    ru, kk = title_queries(corpus)
    kk_ascii = [
        replace(
            q,
            qid=f"kk-ascii:{q.label}",
            text=ascii_kazakh(q.text),
            profile=SeekerProfile(text=ascii_kazakh(q.text)),
        )
        for q in kk
    ]
    ru_place, kk_place = place_queries(corpus)
    return {
        "ru titles": ru,
        "kk titles": kk,
        "kk ascii titles": kk_ascii,
        "ru + place": ru_place,
        "kk + place": kk_place,
        "phrase traps": trap_queries(corpus),
    }
