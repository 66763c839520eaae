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
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from relevance_people_metrics import TOP, K, Person, Posting, gain, haversine, mean, metrics

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BASELINE_REV = "159426b"  # main before local-first ranking (issue #11)
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
        from relevance_people_shared import measure_shared

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
