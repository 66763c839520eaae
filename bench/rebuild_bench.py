"""Full rebuild through the app's path: database → documents → embedding cache → engine.

Measures a cold rebuild (every passage embedded) and a warm one (every vector from the cache),
against the engine alone fed ready-made documents (the baseline the pipeline adds cost to).
The encoder here draws seeded random unit vectors, so the numbers measure the pipeline, not a
model (encoder throughput is measured in bench/encoder_bench.py).

    .venv/bin/python bench/rebuild_bench.py --n 100000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sqlalchemy import insert, select

from app.db import Database
from app.migrate import upgrade
from app.models import Employer, Locality, Occupation, Vacancy
from app.models.base import utcnow
from app.search.rebuild import rebuild_index
from app.services.reference_data import load_all
from indexer import DocType, make_engine

TITLES = [
    "Водитель категории {c}",
    "Продавец-консультант",
    "Бухгалтер со знанием 1С",
    "Мұғалім ({c} сынып)",
    "Python-разработчик",
    "Сварщик {c} разряда",
    "Медсестра",
    "Аспаз",
    "Оператор call-центра",
    "Жүргізуші {c} санатты",
]


class RandomEncoder:
    """Seeded random unit vectors; counts how many passages it was asked for."""

    fingerprint = "bench-random-384"
    dim = 384

    def __init__(self) -> None:
        self.calls = 0
        self._rng = np.random.default_rng(7)

    def encode_passages(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls += len(texts)
        v = self._rng.standard_normal((len(texts), self.dim)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)


def fill(db: Database, n: int) -> None:
    rng = random.Random(42)
    now = utcnow()
    with db.session() as session:
        load_all(session)
        localities = session.execute(
            select(Locality.id, Locality.region_id, Locality.lat, Locality.lon)
        ).all()
        codes = list(
            session.execute(select(Occupation.code).where(Occupation.level == 4)).scalars()
        )
        employers = []
        for i in range(200):
            e = Employer(name=f'ТОО "Компания {i}"')
            session.add(e)
            employers.append(e)
        session.flush()
        employer_ids = [e.id for e in employers]
    rows = []
    for i in range(n):
        loc = rng.choice(localities)
        lo = rng.choice([None, 120_000, 180_000, 250_000, 400_000])
        rows.append(
            {
                "employer_id": rng.choice(employer_ids),
                "title": rng.choice(TITLES).format(c=rng.choice("ABCDE")) + f" #{i}",
                "description": "Обязанности: работа по профилю. Требования: опыт от года. "
                "Условия: официальное трудоустройство, социальный пакет. " * 3,
                "occupation_code": rng.choice(codes),
                "region_id": loc.region_id,
                "locality_id": loc.id,
                "lat": loc.lat,
                "lon": loc.lon,
                "salary_from": lo,
                "salary_to": lo + 100_000 if lo else None,
                "skills": ["1С", "Excel", "водительские права"][: rng.randint(0, 3)],
                "languages": ["kk", "ru"],
                "status": "published",
                "published_at": now - timedelta(days=rng.randint(0, 60)),
                "expires_at": now + timedelta(days=30),
                "created_at": now,
                "updated_at": now,
            }
        )
    with db.engine.begin() as conn:
        for start in range(0, n, 5000):
            conn.execute(insert(Vacancy), rows[start : start + 5000])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--out", default="bench/results/rebuild_bench.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite3"
        upgrade(url)
        db = Database(url)
        t0 = time.perf_counter()
        fill(db, args.n)
        fill_s = time.perf_counter() - t0
        engine = make_engine("embedded", path=Path(tmp) / "search")
        encoder = RandomEncoder()
        rows = []
        for label in ("cold (all embedded)", "warm (all cached)"):
            before = encoder.calls
            summary = rebuild_index(db, engine, encoder, DocType.VACANCIES, batch_size=2000)
            r = summary.report
            rows.append(
                {
                    "run": label,
                    "documents": r.documents,
                    "seconds": round(r.seconds, 2),
                    "docs_per_s": round(r.docs_per_second),
                    "embedded": encoder.calls - before,
                }
            )
        from app.search.documents import load_vacancy_documents

        with db.session() as session:
            ids = list(session.execute(select(Vacancy.id)).scalars())
            ready = []
            for start in range(0, len(ids), 2000):
                ready += load_vacancy_documents(session, ids[start : start + 2000], encoder).upserts
        baseline = make_engine("embedded", path=Path(tmp) / "baseline")
        b = baseline.rebuild(DocType.VACANCIES, ready, batch_size=2000)
        rows.append(
            {
                "run": "baseline: engine alone, documents ready",
                "documents": b.documents,
                "seconds": round(b.seconds, 2),
                "docs_per_s": round(b.docs_per_second),
                "embedded": 0,
            }
        )
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nRebuild of {args.n:,} vacancies (fill {fill_s:.1f} s), peak RSS {rss_mb:.0f} MB\n")
    print(f"{'run':<42} {'docs':>8} {'s':>8} {'docs/s':>8} {'embedded':>9}")
    for row in rows:
        print(
            f"{row['run']:<42} {row['documents']:>8} {row['seconds']:>8} "
            f"{row['docs_per_s']:>8} {row['embedded']:>9}"
        )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"n": args.n, "peak_rss_mb": rss_mb, "runs": rows}, indent=2))
    print(f"\nwritten {out}")


if __name__ == "__main__":
    main()
