"""Local first, measured: do people with a commute limit get suitable work within reach first?

Two sets, each only of people for whom suitable work within reach exists:

- **demo**: the demo's registered seekers (``zhumys demo``, the instance database and index)
  whose desired occupation has a published posting within their commute limit (theirs, else the
  rules' 30 km in a town / 50 km in a village), plus the issue's named cases (a Karaganda
  accountant with 30 km, a Nura data analyst with 50 km, a Kaskelen cook pasting "Повар с
  опытом 5 лет", a Konaev cook). Ranked by the app itself (``recommend``: retrieval, ranking,
  rules). Old vs new are two code trees: the bench runs itself once per tree
  (``--baseline REV``, extracted with ``git archive``), on the same database and index.
- **shared**: the hh.kz vacancies of ``../shared/data`` on the localities their city names
  (``bench/relevance_data.build_corpus``), a seeker at the city of a sampled posting with its
  title, its occupation declared and a 30 km limit, where another posting of that occupation
  lies within 30 km and one beyond. Text retrieval on the embedded engine (vectors with
  ``--encoder``, from the relevance bench's cache); old = the global pass plus the occupation
  pass with the reach/occupation/language factors off, new = the app's passes and factors.

Suitable = a regular posting whose ISCO code shares the minor group (3 digits) with a desired
one (programme places are left to the rules).
Gains: 2 suitable within reach (or remote/rotation), 1 suitable beyond it, 0 otherwise.
Metrics: share of the top 5 within reach, share of the top 5 suitable within reach, nDCG@10 of
those gains. Prints a table, writes JSON (``bench/results/relevance_people.json``).

    .venv/bin/python bench/relevance_people.py [--baseline REV] [--skip-demo] [--skip-shared]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BASELINE_REV = "159426b"  # main before local-first ranking (issue #11)
TOP = 5
K = 10
TODAY = date(2026, 3, 16)
NAMED = (
    # (name, locality, text, desired codes, commute limit km, languages)
    (
        "Karaganda accountant, 30 km",
        "351010000",
        "Бухгалтер, 1С, налоговая отчётность",
        ("2411",),
        30,
        ("ru",),
    ),
    (
        "Nura data analyst, 50 km",
        "355230100",
        "Аналитик данных, SQL, Python",
        ("2511",),
        50,
        ("kk", "ru"),
    ),
    ("Kaskelen cook, pasted CV", "195220100", "Повар с опытом 5 лет", (), None, ("ru",)),
    ("Konaev cook", "191010000", "Повар", ("5120",), None, ("kk", "ru")),
)


def haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))


@dataclass(frozen=True)
class Posting:
    id: int
    code: str | None
    lat: float | None
    lon: float | None
    schedule: str
    kind: str = "regular"


@dataclass(frozen=True)
class Person:
    qid: str
    home: tuple[float, float]
    limit_km: float
    codes: tuple[str, ...]


def reach(person: Person, posting: Posting) -> bool:
    if posting.schedule in ("remote", "rotation"):
        return True
    if posting.lat is None or posting.lon is None:
        return False
    return haversine(person.home, (posting.lat, posting.lon)) <= person.limit_km


def suitable(person: Person, posting: Posting) -> bool:
    """Same minor ISCO group; programme places are not counted (who may take one is the
    rules' business, and a place the person may not take is rightly never shown)."""
    return (
        posting.kind == "regular"
        and bool(posting.code)
        and any(posting.code[:3] == c[:3] for c in person.codes if c and posting.code)
    )


def gain(person: Person, posting: Posting) -> int:
    if not suitable(person, posting):
        return 0
    return 2 if reach(person, posting) else 1


def metrics(person: Person, ranked: Sequence[Posting], pool: Sequence[Posting]) -> dict[str, float]:
    top = list(ranked[:TOP])
    gains = [gain(person, p) for p in ranked[:K]]
    ideal = sorted((gain(person, p) for p in pool), reverse=True)[:K]
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return {
        "top5_within_reach": sum(reach(person, p) for p in top) / TOP,
        "top5_suitable_within_reach": sum(gain(person, p) == 2 for p in top) / TOP,
        "ndcg10": dcg / idcg if idcg else 0.0,
    }


def mean(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    if not rows:
        return {}
    return {key: round(sum(r[key] for r in rows) / len(rows), 4) for key in rows[0]}


# -- demo: the app's own recommend(), once per code tree ------------------------------------------


def measure_demo() -> dict[str, Any]:
    """Run inside one code tree (PYTHONPATH): every person of the demo set, ranked by the app."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from app import create_app
    from app.extensions import db_session, indexing
    from app.models import Locality, Seeker, Vacancy
    from app.services.cv_match import anonymous_profile
    from app.services.people import person_facts, seeker_profile
    from app.services.recommendations import recommend

    app = create_app()
    out: dict[str, Any] = {"people": {}, "named": {}}
    with app.app_context():
        session = db_session()
        rows = session.execute(
            select(Vacancy)
            .where(Vacancy.status == "published")
            .options(selectinload(Vacancy.locality))
        ).scalars()
        pool = {
            v.id: Posting(v.id, v.occupation_code, v.lat, v.lon, v.schedule.value, v.kind.value)
            for v in rows
        }
        seekers = session.execute(select(Seeker).options(selectinload(Seeker.locality))).scalars()
        for seeker in seekers:
            loc = seeker.locality
            if loc is None or not seeker.desired_occupations:
                continue
            limit = float(seeker.max_commute_km or (30 if loc.is_urban else 50))
            person = Person(
                f"seeker:{seeker.id}", (loc.lat, loc.lon), limit, tuple(seeker.desired_occupations)
            )
            if not any(
                gain(person, p) == 2
                for p in pool.values()
                if p.schedule not in ("remote", "rotation")
            ):
                continue  # no suitable work within reach to find
            profile = seeker_profile(seeker, TODAY, person_facts(seeker))
            found = recommend(session, indexing(), profile, today=TODAY, limit=K)
            ranked = [pool[r.vacancy.id] for r in found if r.vacancy.id in pool]
            out["people"][person.qid] = metrics(person, ranked, list(pool.values()))
        for name, kato, text, codes, limit_km, langs in NAMED:
            loc = session.execute(select(Locality).where(Locality.kato == kato)).scalar_one()
            profile = anonymous_profile(
                session, text=text, locality_kato=kato, occupation_codes=codes
            )
            default = 30.0 if loc.is_urban else 50.0
            profile = replace(profile, max_commute_km=limit_km, languages=langs)
            person = Person(
                name, (loc.lat, loc.lon), float(limit_km or default), codes or ("5120",)
            )
            found = recommend(session, indexing(), profile, today=TODAY, limit=K)
            ranked = [pool[r.vacancy.id] for r in found if r.vacancy.id in pool]
            out["named"][name] = {
                **metrics(person, ranked, list(pool.values())),
                "top": [
                    {
                        "title": r.vacancy.title,
                        "km": None
                        if r.vacancy.lat is None
                        else round(haversine(person.home, (r.vacancy.lat, r.vacancy.lon))),
                        "code": r.vacancy.occupation_code,
                        "schedule": r.vacancy.schedule,
                    }
                    for r in found[:TOP]
                ],
            }
    return out


def run_tree(tree: Path, instance: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(tree), "INSTANCE_PATH": str(instance)}
    out = subprocess.run(
        [sys.executable, __file__, "--measure-demo"],
        env=env,
        cwd=tree,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def baseline_tree(rev: str, target: Path) -> Path:
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


# -- shared: hh.kz postings on real localities ------------------------------------------------


def measure_shared(args: argparse.Namespace) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "bench"))
    from relevance_data import build_corpus, embed, load_encoder

    from app.services.local_retrieval import Pass, merge, rings
    from indexer import DocType, Filters, GeoFilter, Mode, SearchQuery, Sort, TextMatch, make_engine
    from matching.ranking import DEFAULT_WEIGHTS, Candidate, SeekerProfile, rank

    corpus = build_corpus()
    docs = {item.doc.id: item.doc for item in corpus.items}
    encoder = None
    if args.encoder:
        encoder = load_encoder(args.encoder)
        vectors = embed(encoder, [item.passage for item in corpus.items], "passages")
        docs = {
            i.doc.id: replace(i.doc, vector=v)
            for i, v in zip(corpus.items, vectors.matrix, strict=True)
        }
    pool = [Posting(d.id, d.occupation_code, d.lat, d.lon, d.schedule) for d in docs.values()]
    by_id = {p.id: p for p in pool}
    rng = random.Random(args.seed)
    people: list[tuple[Person, SeekerProfile, int]] = []
    for item in rng.sample(corpus.items, len(corpus.items)):
        doc = item.doc
        if not item.label or doc.lat is None or doc.lon is None:
            continue
        person = Person(f"posting:{doc.id}", (doc.lat, doc.lon), 30.0, (item.label,))
        others = [p for p in pool if p.id != doc.id and suitable(person, p)]
        if not any(reach(person, p) and p.schedule not in ("remote", "rotation") for p in others):
            continue
        if not any(not reach(person, p) for p in others):
            continue
        profile = SeekerProfile(
            text=doc.title,
            desired_occupations=(item.label,),
            lat=doc.lat,
            lon=doc.lon,
            max_commute_km=30.0,
            languages=("ru",),
        )
        people.append((person, profile, doc.id))
        if len(people) >= args.people:
            break
    old_weights = replace(
        DEFAULT_WEIGHTS,
        other_occupation=1.0,
        distant_occupation=1.0,
        unknown_occupation=1.0,
        missing_language=1.0,
        beyond_reach=1.0,
        beyond_reach_floor=1.0,
        beyond_reach_power=0.0,
    )
    results: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
    with tempfile.TemporaryDirectory(prefix="zhumys-people-") as tmp:
        engine = make_engine("embedded", path=Path(tmp), vector_dim=384, rebuild_threads=1)
        try:
            engine.rebuild(DocType.VACANCIES, list(docs.values()))

            def search(q: SearchQuery) -> list[Any]:
                return engine.search(DocType.VACANCIES, q).hits

            for person, profile, own in people:
                filters = Filters(ids_exclude=(own,))
                vector = encoder.encode_queries([profile.text])[0] if encoder else None
                home = GeoFilter(person.home[0], person.home[1])
                query = SearchQuery(
                    text=profile.text,
                    vector=vector,
                    mode=Mode.HYBRID if vector is not None else Mode.TEXT,
                    filters=filters,
                    geo=home,
                    limit=100,
                    knn_candidates=200,
                    text_match=TextMatch.ANY,
                )
                by_code = SearchQuery(
                    filters=replace(filters, occupation_codes=profile.desired_occupations),
                    geo=home,
                    sort=Sort.DISTANCE,
                    limit=100,
                )
                old_hits = merge([Pass(search(query)), Pass(search(by_code))])
                local = [
                    Pass(search(replace(query, geo=g)), 200) for g in rings(*person.home, 30.0)
                ]
                new_hits = merge([Pass(search(query)), *local, Pass(search(by_code))])
                for name, hits, weights in (
                    ("old", old_hits, old_weights),
                    ("new", new_hits, DEFAULT_WEIGHTS),
                ):
                    candidates = [
                        Candidate(docs[h.id], h.text_rank, h.vector_rank, h.distance_km)
                        for h in hits.values()
                    ]
                    ranked = rank(profile, candidates, today=TODAY, weights=weights)
                    order = [by_id[r.vacancy_id] for r in ranked[:K]]
                    results[name].append(metrics(person, order, [p for p in pool if p.id != own]))
        finally:
            engine.close()
    return {
        "people": len(people),
        "encoder": args.encoder or "none (text only)",
        "old": mean(results["old"]),
        "new": mean(results["new"]),
    }


# -- report ----------------------------------------------------------------------------------


def _shown(x: dict[str, Any] | None) -> str:
    return "" if x is None else f"{x['title'][:30]} ({x['km']} km, {x['schedule']})"


def print_table(rows: list[tuple[str, str, int, dict[str, float]]]) -> None:
    head = (
        f"{'set':34} {'code':4} {'n':>4} {'top5 in reach':>14} {'top5 suit.+reach':>17} "
        f"{'nDCG@10':>8}"
    )
    print(head)
    print("-" * len(head))
    for name, code, n, m in rows:
        print(
            f"{name:34} {code:4} {n:>4} {m.get('top5_within_reach', 0):>14.3f} "
            f"{m.get('top5_suitable_within_reach', 0):>17.3f} {m.get('ndcg10', 0):>8.3f}"
        )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE_REV, help="git revision of the old code")
    parser.add_argument("--instance", default=str(ROOT / "instance"), help="the demo's instance")
    parser.add_argument("--people", type=int, default=200, help="shared set: how many seekers")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--encoder", default=None, help="shared set: add vectors (SPEC)")
    parser.add_argument("--skip-demo", action="store_true")
    parser.add_argument("--skip-shared", action="store_true")
    parser.add_argument("--json", default=str(RESULTS / "relevance_people.json"))
    parser.add_argument("--measure-demo", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if args.measure_demo:
        print(json.dumps(measure_demo()))
        return
    started = time.perf_counter()
    report: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "baseline": args.baseline,
    }
    rows: list[tuple[str, str, int, dict[str, float]]] = []
    if not args.skip_demo:
        instance = Path(args.instance).resolve()
        if not (instance / "zhumys.sqlite3").is_file():
            raise SystemExit(
                f"no demo database in {instance}: run `zhumys demo` and `zhumys reindex`"
            )
        with tempfile.TemporaryDirectory(prefix="zhumys-baseline-") as tmp:
            old = run_tree(baseline_tree(args.baseline, Path(tmp)), instance)
        new = run_tree(ROOT, instance)
        report["demo"] = {"old": old, "new": new}
        for code, data in (("old", old), ("new", new)):
            rows.append(
                ("demo seekers", code, len(data["people"]), mean(list(data["people"].values())))
            )
        for name in new["named"]:
            for code, data in (("old", old), ("new", new)):
                rows.append((name, code, 1, data["named"][name]))
    if not args.skip_shared:
        shared = measure_shared(args)
        report["shared"] = shared
        for code in ("old", "new"):
            rows.append(
                (f"shared hh.kz ({shared['encoder'][:10]})", code, shared["people"], shared[code])
            )
    report["seconds"] = round(time.perf_counter() - started, 1)
    print_table(rows)
    if "demo" in report:
        for name, data in report["demo"]["new"]["named"].items():
            print(f"\n{name}: top {TOP} old → new")
            old_top = report["demo"]["old"]["named"][name]["top"]
            for i in range(TOP):
                a = old_top[i] if i < len(old_top) else None
                b = data["top"][i] if i < len(data["top"]) else None
                print(f"  {i + 1}. {_shown(a):48} | {_shown(b)}")
    path = Path(args.json)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nwritten {path} in {report['seconds']} s")


if __name__ == "__main__":
    main()
