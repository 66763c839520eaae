"""Latency of the search read path at scale: what one search costs the web process in
``app.search`` (query understanding, the query embedding through its LRU cache, the hybrid
engine calls), old (text only) against new (hybrid), same index, same run.

Builds ``--n`` vacancies as ``bench/search_bench.py`` does (real hh.kz texts multiplied, seeded
random unit vectors: the engine's cost does not depend on what the vectors mean), then runs
search-box queries one at a time (one client): role titles in ru/kk/Latin, some with a place
or filters. The query embedding uses the real encoder (``--encoder``, default e5-small);
``cold`` is its first call for a text, ``warm`` a repeat served by the cache.

    .venv/bin/python bench/relevance_search_latency.py --n 100000 --queries 300

Not measured here: the database load of the page's rows and the HTTP server around it
(``bench/load.py``, issue 15). Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from relevance_data import default_encoder_spec, load_encoder
from search_bench import KK_QUERIES, ROOT, RU_EXTRA, make_docs, stats

from app.search.query_vectors import QueryVectors
from app.search.retrieval import plan_for, run_query
from app.search.vacancy_query import PAGE_FACETS, VacancyQuery
from indexer import DocType
from indexer.embedded import EmbeddedEngine

PLACES = ("Алматы", "Астана", "Қарағанды", "Shymkent", "в Караганде", "Ақтөбеде")


def make_queries(count: int, seed: int) -> list[VacancyQuery]:
    rng = np.random.default_rng(seed)
    texts = [*KK_QUERIES, *RU_EXTRA, "aspaz", "esepshi", "zhurgizushi", "mugalim", "bagdarlamashy"]
    out = []
    for _ in range(count):
        text = texts[int(rng.integers(len(texts)))]
        if rng.random() < 0.3:
            text = f"{text} {PLACES[int(rng.integers(len(PLACES)))]}"
        region = "750000000" if rng.random() < 0.2 else ""
        out.append(VacancyQuery(q=text, region=region, facets=PAGE_FACETS))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--encoder", default=None, metavar="SPEC")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/search_latency.json")
    args = parser.parse_args()
    started = time.perf_counter()
    docs, _ = make_docs(args.n, args.seed)
    spec = args.encoder or default_encoder_spec()
    vectors = QueryVectors(load_encoder(spec))
    queries = make_queries(args.queries, args.seed)
    load_before = os.getloadavg()
    result: dict[str, Any] = {"n": args.n, "queries": len(queries), "encoder": spec}
    with tempfile.TemporaryDirectory(prefix="zhumys-search-latency-") as tmp:
        engine = EmbeddedEngine(Path(tmp), vector_dim=docs[0].vector.shape[0])  # type: ignore[union-attr]
        try:
            engine.rebuild(DocType.VACANCIES, docs, batch_size=2000)
            del docs
            cold: list[float] = []
            warm: list[float] = []
            old: list[float] = []
            new: list[float] = []
            plan_ms: list[float] = []
            for query in queries[:20]:  # warm-up: the engine's caches, the encoder's first call
                run_query(engine, query, vectors.vector(plan_for(query).text or query.q))
            for query in queries:
                t = time.perf_counter()
                plan = plan_for(query)
                plan_ms.append((time.perf_counter() - t) * 1000)
                text = plan.text or query.q
                fresh = vectors.misses
                t = time.perf_counter()
                vector = vectors.vector(text)
                (cold if vectors.misses > fresh else warm).append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                engine.search(DocType.VACANCIES, query.search_query())
                old.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                run_query(engine, query, vector, plan=plan)
                new.append((time.perf_counter() - t) * 1000)
        finally:
            engine.close()
    result["latency_ms"] = {
        "old: text only (engine)": stats(old),
        "new: understanding (parse_query)": stats(plan_ms),
        "new: hybrid (engine calls)": stats(new),
        "query embedding, cold": stats(cold) if cold else {},
        "query embedding, warm (LRU)": stats(warm) if warm else {},
    }
    new_total = [n + p for n, p in zip(new, plan_ms, strict=True)]
    result["latency_ms"]["new: search, embedding cached"] = stats(
        [t + (warm[0] if warm else 0.0) for t in new_total]
    )
    result["load_average"] = {"before": load_before, "after": os.getloadavg()}
    result["cpus"] = os.cpu_count()
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(f"{args.n} vacancies, {len(queries)} queries, one client, encoder {spec}")
    print(f"  {'step':36} {'p50':>8} {'p95':>8} {'p99':>8}")
    for name, s in result["latency_ms"].items():
        if s:
            print(f"  {name:36} {s['p50']:8.2f} {s['p95']:8.2f} {s['p99']:8.2f}")
    print(f"load average before {load_before}, after {result['load_average']['after']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
