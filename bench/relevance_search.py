"""Search relevance bench: the vacancy search box, old (text only) vs new (the read path of
``app.search``: places understood, hybrid text + query embedding) vs a plain e5 retriever.

Corpus and labels as ``bench/relevance.py`` (real hh.kz vacancies from ``../shared/data``, ISCO
unit group by the app's title classifier); sets from ``relevance_search_sets``. Systems:

- ``old: text only``: the engine's text search as the search page ran it before (every word
  required, every field, places as words);
- ``new: encoder off``: ``app.search.retrieval.run_query`` without a vector (EMBEDDING_MODEL
  =none: places understood, text only);
- ``new: hybrid <fusion>``: ``run_query`` with the query's embedding, for each fusion tried;
- ``e5 alone``: kNN over the passages, top 100.

Each system returns its first 100 results; metrics nDCG@10, P@10, R@100 per set, and for the
traps how many results were *found* (the total a page shows) and how many of those are
relevant. Passage vectors are cached in ``bench/results/.cache``.

    .venv/bin/python bench/relevance_search.py [--encoder SPEC] [--passage-chars 1500]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from relevance_data import (
    PASSAGE_CHARS,
    ROOT,
    Query,
    build_corpus,
    default_encoder_spec,
    embed,
    load_encoder,
    require_data,
)
from relevance_search_sets import TRAP_FACET_REGION, search_sets
from relevance_systems import Metrics, evaluate

from app.search.retrieval import HybridSettings, Retrieved, plan_for, run_query
from app.search.vacancy_query import VacancyQuery
from indexer import DocType, Fusion, Mode, SearchEngine, SearchQuery, make_engine

TOP = 100
Run = Callable[[Query, Any], tuple[list[int], int]]


def _ids(found: Retrieved) -> tuple[list[int], int]:
    return [h.id for h in found.result.hits], found.result.total


def systems(engine: SearchEngine) -> dict[str, Run]:
    def old(q: Query, vector: Any) -> tuple[list[int], int]:
        result = engine.search(DocType.VACANCIES, SearchQuery(text=q.text, limit=TOP))
        return [h.id for h in result.hits], result.total

    def new(settings: HybridSettings | None) -> Run:
        def run(q: Query, vector: Any) -> tuple[list[int], int]:
            query = VacancyQuery(q=q.text, limit=TOP)
            use = vector if settings is not None else None
            return _ids(run_query(engine, query, use, settings or HybridSettings()))

        return run

    def e5(q: Query, vector: Any) -> tuple[list[int], int]:
        search = SearchQuery(vector=vector, mode=Mode.VECTOR, limit=TOP, knn_candidates=TOP)
        result = engine.search(DocType.VACANCIES, search)
        return [h.id for h in result.hits], result.total

    out: dict[str, Run] = {"old: text only": old, "new: encoder off": new(None)}
    for name, settings in HYBRIDS.items():
        out[f"new: {name}"] = new(settings)
    out["e5 alone"] = e5
    return out


HYBRIDS: dict[str, HybridSettings] = {
    "hybrid (app default)": HybridSettings(),
    "hybrid RRF": HybridSettings(fusion=Fusion.RRF),
    "hybrid RRF, floor 0.02": HybridSettings(fusion=Fusion.RRF, knn_floor=0.02),
    "hybrid RRF, floor 0.03": HybridSettings(fusion=Fusion.RRF, knn_floor=0.03),
    "hybrid RRF, no floor": HybridSettings(fusion=Fusion.RRF, knn_floor=None),
    "hybrid RRF, all fields": HybridSettings(fusion=Fusion.RRF, strong_fields=()),
    "hybrid weighted 0.3": HybridSettings(fusion=Fusion.WEIGHTED, text_weight=0.3),
    "hybrid weighted 0.5": HybridSettings(fusion=Fusion.WEIGHTED, text_weight=0.5),
    "hybrid weighted 0.7": HybridSettings(fusion=Fusion.WEIGHTED, text_weight=0.7),
}


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--encoder", default=None, metavar="SPEC")
    parser.add_argument(
        "--passage-chars",
        type=int,
        default=PASSAGE_CHARS,
        help="description characters embedded per vacancy (the app: %(default)s)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/relevance_search.json")
    parser.add_argument("--show", type=int, default=3, help="top titles printed per trap query")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    require_data()
    started = time.perf_counter()
    corpus = build_corpus(passage_chars=args.passage_chars)
    spec = args.encoder or default_encoder_spec()
    encoder = load_encoder(spec)
    passages = embed(encoder, [item.passage for item in corpus.items], "passages")
    print(
        f"corpus {len(corpus.items)} vacancies, encoder {encoder.fingerprint}, "
        f"passages of {args.passage_chars} description chars "
        f"({'cached' if passages.cached else 'encoded'})"
    )
    docs = [
        replace(item.doc, vector=v) for item, v in zip(corpus.items, passages.matrix, strict=True)
    ]
    titles = {item.doc.id: item.doc.title for item in corpus.items}
    sets = search_sets(corpus)
    texts = sorted(
        {plan_for(VacancyQuery(q=q.text)).text or q.text for qs in sets.values() for q in qs}
    )
    vectors = dict(zip(texts, embed(encoder, texts, "queries", progress=False).matrix, strict=True))
    metrics: dict[str, dict[str, Metrics]] = {}
    traps: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="zhumys-search-relevance-") as tmp:
        engine = make_engine(
            "embedded", path=Path(tmp), vector_dim=passages.matrix.shape[1], rebuild_threads=1
        )
        try:
            engine.rebuild(DocType.VACANCIES, docs)
            runs = systems(engine)
            for set_name, queries in sets.items():
                metrics[set_name] = {}
                for system, run in runs.items():
                    rankings, totals = [], []
                    for q in queries:
                        vector = vectors[plan_for(VacancyQuery(q=q.text)).text or q.text]
                        ranked, total = run(q, vector)
                        rankings.append(ranked)
                        totals.append(total)
                        if set_name == "phrase traps":
                            entry = traps.setdefault(q.text, {"relevant": len(q.relevant)})
                            entry[system] = {
                                "found": total,
                                "relevant_in_top100": sum(1 for d in ranked if d in q.relevant),
                                "top": [titles[d] for d in ranked[: args.show]],
                            }
                    metrics[set_name][system] = evaluate(rankings, queries)
            facet = facet_check(engine, sets["phrase traps"], vectors)
        finally:
            engine.close()
    report(metrics, traps, facet)
    result = {
        "encoder": {"spec": spec, "fingerprint": encoder.fingerprint},
        "passage_chars": args.passage_chars,
        "corpus": len(corpus.items),
        "cpus": os.cpu_count(),
        "queries": {name: len(q) for name, q in sets.items()},
        "metrics": {s: {k: m.as_dict() for k, m in per.items()} for s, per in metrics.items()},
        "traps": traps,
        "facet_check": facet,
        "seconds": round(time.perf_counter() - started, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwrote {args.out} ({result['seconds']} s)")


def facet_check(
    engine: SearchEngine, traps: list[Query], vectors: dict[str, Any]
) -> dict[str, Any]:
    """The issue's Astana facet for ``бухгалтер``: what each system counts there, and how many
    of those are accountants."""
    text, region = TRAP_FACET_REGION
    query = next((q for q in traps if q.text == text), None)
    if query is None:
        return {}
    out: dict[str, Any] = {"query": text, "region_kato": region}
    in_region = VacancyQuery(q=text, region=region, limit=TOP)
    old = engine.search(DocType.VACANCIES, in_region.search_query())
    out["old: text only"] = {
        "count": old.total,
        "relevant": sum(1 for h in old.hits if h.id in query.relevant),
    }
    for name, settings in (
        ("new: encoder off", None),
        ("new: hybrid (app default)", HYBRIDS["hybrid (app default)"]),
    ):
        found = run_query(
            engine, in_region, vectors[text] if settings else None, settings or HybridSettings()
        )
        hits = found.result.hits
        out[name] = {
            "count": found.result.total,
            "relevant": sum(1 for h in hits if h.id in query.relevant),
        }
    return out


def report(
    metrics: dict[str, dict[str, Metrics]], traps: dict[str, Any], facet: dict[str, Any]
) -> None:
    for set_name, per in metrics.items():
        n = next(iter(per.values())).queries if per else 0
        print(f"\n{set_name} ({n} queries)")
        print(f"  {'system':34} {'nDCG@10':>8} {'P@10':>6} {'R@100':>6} {'empty':>5}")
        for system, m in per.items():
            print(f"  {system:34} {m.ndcg10:8.3f} {m.p10:6.3f} {m.recall100:6.3f} {m.empty:5d}")
    ru = metrics.get("ru titles", {})
    for kk_set in ("kk titles", "kk ascii titles"):
        for system in ("old: text only", "new: hybrid (app default)"):
            base = ru.get(system)
            got = metrics.get(kk_set, {}).get(system)
            if base and got and base.ndcg10:
                print(
                    f"{kk_set} / ru titles, {system}: "
                    f"{got.ndcg10 / base.ndcg10:.0%} of Russian nDCG@10"
                )
    print("\nphrase traps: found (what the page counts) / relevant in the top 100; top titles")
    for text, entry in traps.items():
        print(f"  {text} ({entry['relevant']} relevant in the corpus)")
        for system, got in entry.items():
            if isinstance(got, dict):
                print(
                    f"    {system:34} {got['found']:5d} / "
                    f"{got['relevant_in_top100']:3d}  {got['top']}"
                )
    if facet:
        print(f"\nfacet check: {facet}")


if __name__ == "__main__":
    main()
