"""Search benchmark: the embedded engine against a straightforward baseline, same data, same run.

Builds ``--n`` vacancies (real hh.kz texts from ``../shared/data/vacancies/*.csv`` when present,
multiplied with varied regions, salaries, schedules, dates, ISCO codes; synthetic otherwise) with
seeded random 384-dim unit vectors, then runs a seeded mix of queries: short Russian / Kazakh
job-title queries with filters and facets (text), the same plus a vector (hybrid), and vector
only. The baseline is bm25s for text plus numpy brute force for vectors, filters and facets.

    .venv/bin/python bench/search_bench.py --n 100000 --queries 500

Prints a table and writes JSON (default ``bench/results/search_bench.json``).
"""

from __future__ import annotations

import argparse
import csv
import gc
import glob
import html
import json
import os
import re
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import (  # noqa: E402
    DocType,
    Filters,
    GeoFilter,
    Mode,
    SearchQuery,
    Sort,
    VacancyDocument,
)
from indexer.analysis import MatchingAnalyzer  # noqa: E402
from indexer.embedded import EmbeddedEngine  # noqa: E402
from indexer.fields import salary_range  # noqa: E402
from indexer.fusion import reciprocal_rank_fusion  # noqa: E402
from matching.geo import haversine_km  # noqa: E402

DIM = 384
FACETS = ("region_kato", "schedule", "employment_type", "experience", "kind")
SCHEDULES = ("full_day", "full_day", "full_day", "shift", "flexible", "remote", "rotation")
EMPLOYMENT = ("full", "full", "full", "part", "temporary", "project", "internship", "seasonal")
EXPERIENCE = ("none", "1_3", "1_3", "3_6", "6_plus")
KINDS = ("regular",) * 16 + ("social_job", "youth_practice", "public_works", "disability_quota")
KK_QUERIES = (
    "бағдарламашы",
    "жүргізуші",
    "есепші",
    "сатушы",
    "мұғалім",
    "аспаз",
    "дәрігер",
    "күзетші",
    "жұмыс",
    "менеджер",
    "инженер",
    "bagdarlamashy",
    "jürgızuşı",
    "бухгалтер жұмысы",
)
RU_EXTRA = (
    "программистов",
    "водитель",
    "бухгалтера",
    "продавец-консультант",
    "менеджер по продажам",
)
NOW = datetime(2025, 6, 1, tzinfo=UTC)
_TAG = re.compile(r"<[^>]+>")


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def load_rows() -> list[dict[str, Any]]:
    csv.field_size_limit(2**31 - 1)
    out: list[dict[str, Any]] = []
    for path in sorted(glob.glob(str(ROOT.parent / "shared/data/vacancies/*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for r in csv.DictReader(fh):
                title = r.get("title") or r.get("\ufefftitle") or r.get("name") or ""
                desc = html.unescape(_TAG.sub(" ", r.get("description") or ""))
                skills = r.get("key_skills") or r.get("skills") or ""
                employer = r.get("employer_name") or r.get("company") or ""
                if title.strip() and desc.strip():
                    out.append(
                        {
                            "title": title.strip(),
                            "description": desc.strip(),
                            "skills": tuple(
                                s.strip()
                                for s in re.split(r"[,;|]", skills)
                                if s.strip() and s.strip() != "Не указано"
                            )[:8],
                            "employer": employer.strip(),
                        }
                    )
    if not out:  # no sample data: short synthetic Russian texts
        words = [
            "программист",
            "водитель",
            "бухгалтер",
            "продавец",
            "инженер",
            "менеджер",
            "повар",
            "врач",
            "учитель",
        ]
        for i in range(2000):
            w = words[i % len(words)]
            out.append(
                {
                    "title": f"{w} {i % 7}",
                    "description": f"Требуется {w}. Опыт работы, график, зарплата {i}.",
                    "skills": (w,),
                    "employer": f"ТОО {i}",
                }
            )
    return out


def load_places() -> list[tuple[str, str, float, float]]:
    places = []
    with open(ROOT / "app/data/localities.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            places.append((r["region_kato"], r["kato"], float(r["lat"]), float(r["lon"])))
    return places


def make_docs(n: int, seed: int) -> tuple[list[VacancyDocument], np.ndarray]:
    rng = np.random.default_rng(seed)
    rows = load_rows()
    places = load_places()
    weights = np.array([40.0 if p[0] in ("750000000", "710000000") else 1.0 for p in places])
    weights /= weights.sum()
    with open(ROOT / "app/data/occupations.csv", encoding="utf-8") as fh:
        codes = [r["code"] for r in csv.DictReader(fh) if len(r["code"]) == 4]
    vectors = rng.standard_normal((n, DIM), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    place_idx = rng.choice(len(places), size=n, p=weights)
    docs = []
    for i in range(n):
        row = rows[i % len(rows)]
        region, locality, lat, lon = places[int(place_idx[i])]
        salary = int(rng.integers(80, 1500)) * 1000 if rng.random() < 0.7 else None
        docs.append(
            VacancyDocument(
                id=i + 1,
                title=row["title"],
                description=row["description"],
                employer_id=int(rng.integers(1, 5000)),
                employer_name=row["employer"],
                region_kato=region,
                locality_kato=locality,
                lat=lat + float(rng.normal(0, 0.03)),
                lon=lon + float(rng.normal(0, 0.03)),
                salary_from=salary,
                salary_to=salary + int(rng.integers(0, 300)) * 1000 if salary else None,
                schedule=SCHEDULES[int(rng.integers(len(SCHEDULES)))],
                employment_type=EMPLOYMENT[int(rng.integers(len(EMPLOYMENT)))],
                experience=EXPERIENCE[int(rng.integers(len(EXPERIENCE)))],
                kind=KINDS[int(rng.integers(len(KINDS)))],
                hazardous=bool(rng.random() < 0.05),
                occupation_code=codes[int(rng.integers(len(codes)))],
                published_at=NOW - timedelta(minutes=int(rng.integers(0, 90 * 24 * 60))),
                skills=row["skills"],
                lang="ru",
                vector=vectors[i],
            )
        )
    return docs, vectors


def make_queries(
    docs: list[VacancyDocument], vectors: np.ndarray, count: int, seed: int
) -> list[tuple[str, SearchQuery]]:
    rng = np.random.default_rng(seed + 1)
    out = []
    regions = sorted({d.region_kato for d in docs})
    for q in range(count):
        roll = rng.random()
        if roll < 0.35:
            text = " ".join(
                docs[int(rng.integers(len(docs)))].title.split()[: int(rng.integers(1, 3))]
            )
        elif roll < 0.45:
            text = RU_EXTRA[int(rng.integers(len(RU_EXTRA)))]
        else:
            text = KK_QUERIES[int(rng.integers(len(KK_QUERIES)))]
        filters: dict[str, Any] = {}
        if rng.random() < 0.5:
            filters["region_katos"] = (regions[int(rng.integers(len(regions)))],)
        if rng.random() < 0.2:
            filters["schedules"] = (SCHEDULES[int(rng.integers(len(SCHEDULES)))],)
        if rng.random() < 0.2:
            filters["salary_min"] = int(rng.integers(100, 800)) * 1000
        if rng.random() < 0.15:
            filters["occupation_codes"] = (str(int(rng.integers(1, 10))),)
        if rng.random() < 0.1:
            filters["published_since"] = NOW - timedelta(days=30)
        if rng.random() < 0.1:
            filters["exclude_hazardous"] = True
        geo = None
        if rng.random() < 0.1:
            geo = (
                GeoFilter(43.2383, 76.9456, 30.0)
                if rng.random() < 0.5
                else GeoFilter(51.1694, 71.4491, 30.0)
            )
        kind = "text" if q % 10 < 5 else ("hybrid" if q % 10 < 9 else "vector")
        vector = None
        if kind != "text":
            near = vectors[int(rng.integers(len(vectors)))] + rng.normal(0, 0.05, DIM)
            vector = (near / np.linalg.norm(near)).astype(np.float32)
        sort = Sort.DATE if rng.random() < 0.1 else Sort.RELEVANCE
        out.append(
            (
                kind,
                SearchQuery(
                    text=text,
                    filters=Filters(**filters),
                    geo=geo,
                    sort=sort,
                    facets=FACETS,
                    vector=vector,
                    mode=Mode(kind),
                    limit=20,
                ),
            )
        )
    return out


class Baseline:
    """bm25s over the same analysed terms (title repeated for weight) + numpy for the rest."""

    def __init__(self, docs: list[VacancyDocument], vectors: np.ndarray) -> None:
        import bm25s

        self.analyzer = MatchingAnalyzer()
        memo: dict[str, list[str]] = {}

        def terms(text: str) -> list[str]:
            if text not in memo:
                memo[text] = [t for t in self.analyzer.analyze(text, "ru") if " " not in t]
            return memo[text]

        corpus = [
            terms(d.title) * 3 + terms("\n".join(d.skills)) + terms(d.description) or ["_"]
            for d in docs
        ]
        started = time.perf_counter()
        self.bm25 = bm25s.BM25()
        self.bm25.index(corpus, show_progress=False)
        self.build_seconds = time.perf_counter() - started
        self.ids = np.array([d.id for d in docs])
        self.vectors = vectors
        self.cols = {
            name: np.array([getattr(d, name) for d in docs])
            for name in ("region_kato", "schedule", "employment_type", "experience", "kind")
        }
        self.occupation = np.array([d.occupation_code or "" for d in docs])
        ranges = [salary_range(d.salary_from, d.salary_to) for d in docs]
        self.sal_lo = np.array([np.nan if lo is None else lo for lo, _ in ranges])
        self.sal_hi = np.array([np.nan if hi is None else hi for _, hi in ranges])
        self.date = np.array([d.published_at.timestamp() if d.published_at else 0 for d in docs])
        self.hazardous = np.array([d.hazardous for d in docs])
        self.lat = np.array([d.lat for d in docs], dtype=float)
        self.lon = np.array([d.lon for d in docs], dtype=float)

    def mask(self, q: SearchQuery) -> np.ndarray:
        f = q.filters
        m = np.ones(len(self.ids), dtype=bool)
        for attr, col in (
            ("region_katos", "region_kato"),
            ("schedules", "schedule"),
            ("employment_types", "employment_type"),
            ("experiences", "experience"),
            ("kinds", "kind"),
        ):
            if getattr(f, attr):
                m &= np.isin(self.cols[col], getattr(f, attr))
        if f.occupation_codes:
            m &= np.logical_or.reduce(
                [np.char.startswith(self.occupation, c) for c in f.occupation_codes]
            )
        if f.salary_min is not None:
            m &= self.sal_hi >= f.salary_min
        if f.published_since is not None:
            m &= self.date >= f.published_since.timestamp()
        if f.exclude_hazardous:
            m &= ~self.hazardous
        if q.geo is not None and q.geo.radius_km is not None:
            m &= haversine_km(q.geo.lat, q.geo.lon, self.lat, self.lon) <= q.geo.radius_km
        return m

    def search(self, q: SearchQuery) -> tuple[list[int], int, dict[str, Any]]:
        m = self.mask(q)
        k = q.knn_candidates
        text_top: np.ndarray = np.empty(0, dtype=int)
        matched = m
        if q.mode is not Mode.VECTOR:
            tokens = [a for pos in self.analyzer.analyze_query(q.text) for a in pos if " " not in a]
            scores = self.bm25.get_scores(tokens or ["_"]) * m
            matched = scores > 0
            top = np.flatnonzero(matched)
            order = np.argsort(-self.date[top] if q.sort is Sort.DATE else -scores[top])
            text_top = top[order[: max(k, q.window)]]
        ranked = text_top
        if q.mode is not Mode.TEXT:
            assert q.vector is not None
            sims = np.where(m, self.vectors @ q.vector, -np.inf)
            vec_top = np.argpartition(-sims, k)[:k]
            vec_top = vec_top[np.argsort(-sims[vec_top])]
            if q.mode is Mode.VECTOR:
                ranked, matched = vec_top, np.isin(np.arange(len(m)), vec_top)
            else:
                fused = reciprocal_rank_fusion([text_top[:k].tolist(), vec_top.tolist()])
                ranked = np.array([f.id for f in fused])
                matched = matched | np.isin(np.arange(len(m)), vec_top)
        facets = {
            name: dict(zip(*np.unique(self.cols[name][matched], return_counts=True), strict=True))
            for name in q.facets
        }
        return self.ids[ranked[q.offset : q.window]].tolist(), int(matched.sum()), facets


def stats(ms: list[float]) -> dict[str, float]:
    arr = np.array(ms)
    return {
        "n": len(ms),
        "p50": float(np.percentile(arr, 50)),
        "p95": float(np.percentile(arr, 95)),
        "p99": float(np.percentile(arr, 99)),
        "mean": float(arr.mean()),
    }


def timed(run: Any, queries: list[tuple[str, SearchQuery]]) -> dict[str, dict[str, float]]:
    for _, q in queries[:50]:  # warm-up
        run(q)
    by_kind: dict[str, list[float]] = {}
    for kind, q in queries:
        started = time.perf_counter()
        run(q)
        by_kind.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
    return {k: stats(v) for k, v in sorted(by_kind.items())}


def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def bench_embedded(docs: list[VacancyDocument], queries: list[Any], where: Path) -> dict[str, Any]:
    res: dict[str, Any] = {}
    engine = EmbeddedEngine(where, vector_dim=DIM)
    t = time.perf_counter()
    report = engine.rebuild(DocType.VACANCIES, docs, batch_size=2000)
    res["build_docs_per_s"] = len(docs) / (time.perf_counter() - t)
    report = engine.rebuild(DocType.VACANCIES, docs, batch_size=2000)
    res["rebuild_docs_per_s"] = report.docs_per_second
    res["rebuild_versions"] = [report.old_version, report.new_version]
    upserts = []
    for i in range(20):
        batch = docs[i * 10 : i * 10 + 10]
        t = time.perf_counter()
        engine.upsert(DocType.VACANCIES, batch)
        upserts.append((time.perf_counter() - t) * 1000)
    res["upsert_10_docs_ms"] = stats(upserts)
    res["health"] = engine.health().detail
    engine.close()
    del engine
    gc.collect()
    res["disk_mb"] = dir_mb(where)
    before = rss_mb()
    engine = EmbeddedEngine(where, vector_dim=DIM)
    res["latency_ms"] = timed(lambda q: engine.search(DocType.VACANCIES, q), queries)
    res["rss_loaded_index_mb"] = rss_mb() - before
    engine.close()
    return res


def bench_baseline(
    docs: list[VacancyDocument], vectors: np.ndarray, queries: list[Any]
) -> dict[str, Any]:
    gc.collect()
    before = rss_mb()
    t = time.perf_counter()
    base = Baseline(docs, vectors)
    res: dict[str, Any] = {"build_s_excluding_analysis": base.build_seconds}
    res["build_s_total"] = time.perf_counter() - t
    res["latency_ms"] = timed(base.search, queries)
    res["rss_mb"] = rss_mb() - before
    return res


def print_table(result: dict[str, Any]) -> None:
    emb, base = result["embedded"], result.get("baseline")
    print(
        f"\n{result['n']} vacancies, {result['queries']} queries, dim {DIM}, {result['cpus']} CPUs"
    )
    print(f"{'query kind':<10} {'engine':<9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, s in emb["latency_ms"].items():
        print(f"{kind:<10} {'embedded':<9} {s['p50']:8.2f} {s['p95']:8.2f} {s['p99']:8.2f}")
        if base:
            b = base["latency_ms"][kind]
            print(f"{'':<10} {'baseline':<9} {b['p50']:8.2f} {b['p95']:8.2f} {b['p99']:8.2f}")
    print(f"build      {emb['build_docs_per_s']:10.0f} docs/s (analysis included)")
    print(f"rebuild    {emb['rebuild_docs_per_s']:10.0f} docs/s (unchanged documents)")
    print(f"upsert 10  {emb['upsert_10_docs_ms']['p50']:10.1f} ms p50")
    print(f"memory     {emb['rss_loaded_index_mb']:10.0f} MB RSS growth, loaded index + queries")
    print(f"disk       {emb['disk_mb']:10.0f} MB")
    if base:
        print(f"baseline memory {base['rss_mb']:.0f} MB RSS growth")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/search_bench.json")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    docs, vectors = make_docs(args.n, args.seed)
    queries = make_queries(docs, vectors, args.queries, args.seed)
    where = Path(tempfile.mkdtemp(prefix="zhumys-bench-"))
    try:
        result: dict[str, Any] = {
            "loadavg_before": round(os.getloadavg()[0], 2),
            "n": args.n,
            "queries": args.queries,
            "cpus": os.cpu_count(),
            "embedded": bench_embedded(docs, queries, where),
        }
    finally:
        shutil.rmtree(where, ignore_errors=True)
    if not args.no_baseline:
        result["baseline"] = bench_baseline(docs, vectors, queries)
    result["loadavg_after"] = round(os.getloadavg()[0], 2)
    print_table(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
