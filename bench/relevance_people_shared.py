"""The shared set of ``relevance_people``: hh.kz postings of ``../shared/data`` on the
localities their city names, seekers at the city of a sampled posting (see that module)."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from relevance_people_metrics import K, Person, Posting, mean, metrics, reach, suitable

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 3, 16)


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
