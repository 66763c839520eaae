"""Query understanding on real hh.kz vacancies: places, Latin-typed Kazakh, typos, compounds.

Corpus and labels as ``bench/relevance.py`` (``../shared/data``, read at run time; relevant =
same ISCO unit group by the app's title classifier). Query sets:

- ``ru`` / ``kk``: role-title queries, the first ru / kk synonym of every unit group with
  >= 5 labelled vacancies (``relevance_data.title_queries``);
- ``kk-ascii``: the same Kazakh queries typed in plain ASCII (ә->a, қ->k, ш->sh, ж->zh, ...);
- ``ru+place`` / ``kk+place`` / ``ascii+place``: a title and the town most of its group's
  postings are in ("бухгалтер Алматы", "есепші Алматы қаласында", "esepshi Almaty");
  relevant = the group's postings in that town;
- ``typo``: one-word Russian titles with one letter dropped ("бугалтер");
- false corrections: every distinct word (5+ letters) of the corpus's vacancy titles, typed
  as a one-word query: how many ``parse_query`` would "correct" (they are real words).

Systems: the embedded engine in text mode with a search box's matching, on the query as typed
(``typed``), and after ``matching.query.parse_query`` (``parsed``: places become filters and
leave the text, Latin-typed words become Cyrillic, a one-word typo is corrected). For the old
analysis, run with ``PYTHONPATH`` of an older checkout: ``parse_query`` is then missing and only
``typed`` is measured. Prints a table and writes JSON (default
``bench/results/query_bench.json``).

    .venv/bin/python bench/query_bench.py [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from relevance_data import ROOT, Corpus, Query, build_corpus, title_queries
from relevance_systems import evaluate

from indexer import DocType, Filters, SearchEngine, SearchQuery, make_engine

LIMIT = 100
_WORD_RE = re.compile(r"[^\W\d_]{5,}")
_ASCII = str.maketrans(
    {
        "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "і": "i",
        "ы": "y", "ш": "sh", "щ": "sh", "ж": "zh", "ч": "ch", "х": "h", "һ": "h", "ц": "ts",
        "ю": "yu", "я": "ya", "й": "y", "ь": "", "ъ": "", "э": "e", "ё": "e", "а": "a",
        "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "з": "z", "и": "i", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f",
    }
)  # fmt: skip
Search = Callable[[str], list[int]]


def typed_ascii(text: str) -> str:
    """Kazakh as people type it on a Latin keyboard without diacritics."""
    return text.lower().translate(_ASCII)


def _towns() -> dict[str, dict[str, str]]:
    with (ROOT / "app" / "data" / "localities.csv").open(encoding="utf-8", newline="") as fh:
        return {row["kato"]: row for row in csv.DictReader(fh)}


def place_queries(corpus: Corpus, queries: Sequence[Query], lang: str) -> list[Query]:
    """Each title with the town most of its group's postings are in (>= 3 of them there)."""
    towns = _towns()
    by_id = {item.doc.id: item.doc for item in corpus.items}
    out = []
    for query in queries:
        where = Counter(by_id[i].locality_kato for i in query.relevant if by_id[i].locality_kato)
        if not where:
            continue
        kato, count = where.most_common(1)[0]
        if count < 3:
            continue
        town = towns[kato]
        name = {
            "ru": town["name_ru"],
            "kk": f"{town['name_kk']} қаласында",
            "ascii": town["name_en"],
        }[lang]
        text = typed_ascii(query.text) if lang == "ascii" else query.text
        relevant = frozenset(i for i in query.relevant if by_id[i].locality_kato == kato)
        out.append(
            replace(query, qid=f"{query.qid}@{kato}", text=f"{text} {name}", relevant=relevant)
        )
    return out


def typo_queries(queries: Sequence[Query]) -> list[Query]:
    """One-word titles of 6+ letters with the letter after the middle dropped."""
    out = []
    for query in queries:
        word = query.text
        if " " in word or "-" in word or len(word) < 6:
            continue
        cut = len(word) // 2 + 1
        out.append(replace(query, qid=f"typo:{query.qid}", text=word[:cut] + word[cut + 1 :]))
    return out


def typed_search(engine: SearchEngine) -> Search:
    def search(text: str) -> list[int]:
        result = engine.search(DocType.VACANCIES, SearchQuery(text=text, limit=LIMIT))
        return [hit.id for hit in result.hits]

    return search


def parsed_search(engine: SearchEngine) -> Search | None:
    try:
        from app.search.places import gazetteer
        from matching.query import parse_query
    except ImportError:
        return None

    def search(text: str) -> list[int]:
        parsed = parse_query(text, gazetteer())
        regions = tuple(p.kato for p in parsed.places if p.level == "region")
        localities = tuple(p.kato for p in parsed.places if p.level == "locality")
        query = SearchQuery(
            text=parsed.text,
            filters=Filters(region_katos=regions, locality_katos=localities),
            limit=LIMIT,
        )
        return [hit.id for hit in engine.search(DocType.VACANCIES, query).hits]

    return search


def false_corrections(corpus: Corpus) -> tuple[int, list[str]] | None:
    try:
        from app.search.places import gazetteer
        from matching.query import parse_query
    except ImportError:
        return None
    words = sorted({w.lower() for item in corpus.items for w in _WORD_RE.findall(item.doc.title)})
    wrong = []
    for word in words:
        parsed = parse_query(word, gazetteer())
        if parsed.corrected is not None:
            wrong.append(f"{word}->{parsed.corrected}")
    return len(words), wrong


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/query_bench.json")
    args = parser.parse_args(argv)

    corpus = build_corpus()
    ru, kk = title_queries(corpus)
    ascii_kk = [replace(q, qid=f"ascii:{q.qid}", text=typed_ascii(q.text)) for q in kk]
    sets = {
        "ru": ru,
        "kk": kk,
        "kk-ascii": ascii_kk,
        "ru+place": place_queries(corpus, ru, "ru"),
        "kk+place": place_queries(corpus, kk, "kk"),
        "ascii+place": place_queries(corpus, kk, "ascii"),
        "typo": typo_queries(ru),
    }
    docs = [item.doc for item in corpus.items]
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="zhumys-query-bench-") as tmp:
        engine = make_engine("embedded", path=Path(tmp), vector_dim=384, rebuild_threads=1)
        try:
            started = time.perf_counter()
            engine.rebuild(DocType.VACANCIES, docs)
            print(f"index: {len(docs)} vacancies in {time.perf_counter() - started:.1f} s")
            systems = {"typed": typed_search(engine), "parsed": parsed_search(engine)}
            for set_name, queries in sets.items():
                for system, search in systems.items():
                    if search is None:
                        continue
                    rankings = [search(q.text) for q in queries]
                    metrics = evaluate(rankings, queries).as_dict()
                    results.setdefault(set_name, {})[system] = metrics
        finally:
            engine.close()
    print(
        f"{'set':<12} {'system':<7} {'n':>4} {'nDCG@10':>8} {'P@10':>6} {'R@100':>6} {'empty':>5}"
    )
    for set_name, by_system in results.items():
        for system, m in by_system.items():
            print(
                f"{set_name:<12} {system:<7} {m['queries']:>4} {m['ndcg@10']:>8.3f} "
                f"{m['p@10']:>6.3f} {m['recall@100']:>6.3f} {m['no_results']:>5}"
            )
    changed = false_corrections(corpus)
    if changed is not None:
        words, wrong = changed
        results["false_corrections"] = {"words": words, "corrected": len(wrong), "examples": wrong}
        print(f"false corrections: {len(wrong)} of {words} title words, e.g. {wrong[:6]}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
