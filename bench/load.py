"""Load over HTTP on loopback: concurrent search, match and posting against the production shape.

Sets up gunicorn (several sync workers) + PostgreSQL + an RQ indexing worker (REDIS_URL set)
with N synthetic vacancies (bulk insert + ``zhumys reindex``), then drives it with an asyncio
client (aiohttp) at each concurrency level for a fixed time. Mix per request: 70% search
(``GET /api/v1/vacancies`` with varied q/filters/sort/facets), 20% match (``POST
/api/v1/match/vacancies``), 10% posting (``POST /api/v1/vacancies`` as an employer). Clients
sign in with bearer tokens (anonymous search is rate limited per IP). Afterwards it waits for
the worker to index every posting and checks none was lost.

The encoder is off (EMBEDDING_MODEL=none): search and match run BM25 + filters + the ranker
without vectors, since encoding on these CPUs would measure the model, not the platform.

    .venv/bin/python bench/load.py --vacancies 100000 --clients 10,50,200 --seconds 30
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import numpy as np
from redis import Redis
from sqlalchemy import create_engine, func, select, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from rebuild_bench import fill  # noqa: E402

from app.api.auth import issue_token  # noqa: E402
from app.db import Database  # noqa: E402
from app.models import Employer, Role, Vacancy  # noqa: E402
from app.search.indexing import pending_count  # noqa: E402
from app.services.users import create_user  # noqa: E402

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
WORDS = [
    "водитель",
    "продавец",
    "бухгалтер 1С",
    "мұғалім",
    "python",
    "сварщик",
    "медсестра",
    "аспаз",
    "оператор",
    "жүргізуші",
    "консультант",
    "разработчик",
    "",
]
SORTS = ["relevance", "date", "salary"]
SKILLS = ["1С", "Excel", "водительские права", "сварка", "кассовый аппарат"]
MIX = [("search", 0.7), ("match", 0.2), ("post", 0.1)]


def run(cmd: list[str], env: dict[str, str]) -> None:
    subprocess.run(cmd, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def drop_database(name: str) -> None:
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def prepare(args: argparse.Namespace, workdir: Path) -> tuple[dict[str, str], dict[str, str]]:
    """A fresh PostgreSQL database with N vacancies indexed; the env and the tokens."""
    drop_database(args.db_name)
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{args.db_name}"'))
    admin.dispose()
    url = PG_ADMIN.rsplit("/", 1)[0] + f"/{args.db_name}"
    env = dict(
        os.environ,
        DATABASE_URL=url,
        INSTANCE_PATH=str(workdir / "instance"),
        REDIS_URL=args.redis_url,
        EMBEDDING_MODEL="none",
        SECRET_KEY="load-bench",
        SECURE_COOKIES="false",
    )
    zhumys = [sys.executable, "-c", "from app.cli import main; main()"]
    started = time.perf_counter()
    run([*zhumys, "init"], env)
    db = Database(url)
    fill(db, args.vacancies)
    filled = time.perf_counter()
    run([*zhumys, "reindex", "--type", "vacancies"], env)
    indexed = time.perf_counter()
    print(
        f"setup: {args.vacancies:,} vacancies inserted in {filled - started:.0f} s, "
        f"indexed in {indexed - filled:.0f} s"
    )
    with db.session() as session:
        employer_id = session.execute(select(func.min(Employer.id))).scalar_one()
        tokens = {}
        for role, extra in ((Role.SEEKER, {}), (Role.EMPLOYER, {"employer_id": employer_id})):
            user = create_user(
                session,
                email=f"load-{role.value}@example.kz",
                password="load-bench-password",
                role=role,
                display_name=f"load {role.value}",
                **extra,
            )
            tokens[role.value] = issue_token(session, user, "load bench").secret
    db.dispose()
    return env, tokens


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    error_samples: list[str] = field(default_factory=list)
    posted: list[int] = field(default_factory=list)


def _search_params(rng: random.Random) -> dict[str, str]:
    params = {"q": rng.choice(WORDS), "limit": str(rng.choice([10, 20, 50]))}
    if rng.random() < 0.5:
        params["sort"] = rng.choice(SORTS)
    if rng.random() < 0.3:
        params["salary_min"] = str(rng.choice([100_000, 150_000, 200_000]))
    if rng.random() < 0.3:
        params["facets"] = "region_kato,kind,occupation_code"
    if rng.random() < 0.2:
        params.update(lat="51.1694", lon="71.4491", radius_km="50")
    return {k: v for k, v in params.items() if v}


async def _one(
    session: aiohttp.ClientSession, base: str, tokens: dict[str, str], rng: random.Random
) -> tuple[str, int, Any]:
    pick = rng.random()
    op = "post"
    for name, share in MIX:
        if pick < share:
            op = name
            break
        pick -= share
    seeker = {"Authorization": f"Bearer {tokens['seeker']}"}
    if op == "search":
        request = session.get(
            f"{base}/api/v1/vacancies", params=_search_params(rng), headers=seeker
        )
    elif op == "match":
        body = {
            "text": rng.choice(WORDS) or "работа",
            "skills": rng.sample(SKILLS, 2),
            "locality_kato": "710000000",
            "limit": 20,
        }
        request = session.post(f"{base}/api/v1/match/vacancies", json=body, headers=seeker)
    else:
        body = {
            "title": f"{rng.choice(WORDS) or 'Рабочий'} (нагрузочный тест)".capitalize(),
            "description": "Обязанности: работа по профилю. Условия: официальное оформление.",
            "locality_kato": "710000000",
            "salary_from": 150_000,
            "salary_to": 250_000,
            "skills": rng.sample(SKILLS, 2),
        }
        employer = {"Authorization": f"Bearer {tokens['employer']}"}
        request = session.post(f"{base}/api/v1/vacancies", json=body, headers=employer)
    async with request as response:
        payload = await response.read()
        return op, response.status, payload


async def _client(
    base: str, tokens: dict[str, str], stats: Stats, until: float, seed: int, session: Any
) -> None:
    rng = random.Random(seed)
    while time.perf_counter() < until:
        started = time.perf_counter()
        try:
            op, status, payload = await _one(session, base, tokens, rng)
        except (TimeoutError, aiohttp.ClientError) as exc:
            stats.errors["transport"] += 1
            if len(stats.error_samples) < 5:
                stats.error_samples.append(repr(exc))
            continue
        stats.latencies[op].append((time.perf_counter() - started) * 1000)
        if status >= 400:
            stats.errors[op] += 1
            if len(stats.error_samples) < 5:
                stats.error_samples.append(f"{op} {status} {payload[:200]!r}")
        elif op == "post":
            stats.posted.append(json.loads(payload)["id"])


async def level(base: str, tokens: dict[str, str], clients: int, seconds: float) -> Stats:
    stats = Stats()
    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        warm = Stats()
        await asyncio.gather(
            *(
                _client(base, tokens, warm, time.perf_counter() + 3, 10_000 + i, session)
                for i in range(clients)
            )
        )
        started = time.perf_counter()
        until = started + seconds
        await asyncio.gather(
            *(_client(base, tokens, stats, until, i, session) for i in range(clients))
        )
        stats.latencies["_elapsed"] = [time.perf_counter() - started]
    stats.posted += warm.posted
    return stats


def summarise(clients: int, stats: Stats) -> dict[str, Any]:
    elapsed = stats.latencies.pop("_elapsed")[0]
    ops: dict[str, Any] = {}
    for op, _ in MIX:
        ms = np.array(stats.latencies.get(op) or [np.nan])
        ops[op] = {
            "requests": len(stats.latencies.get(op, [])),
            "rps": round(len(stats.latencies.get(op, [])) / elapsed, 1),
            "p50_ms": round(float(np.nanpercentile(ms, 50)), 1),
            "p95_ms": round(float(np.nanpercentile(ms, 95)), 1),
            "p99_ms": round(float(np.nanpercentile(ms, 99)), 1),
            "errors": stats.errors.get(op, 0),
        }
    total = sum(o["requests"] for o in ops.values())
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "total_rps": round(total / elapsed, 1),
        "errors": sum(stats.errors.values()),
        "transport_errors": stats.errors.get("transport", 0),
        "error_samples": stats.error_samples,
        "ops": ops,
    }


def wait_http(base: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited during start-up")
        try:
            with urllib.request.urlopen(f"{base}/api/v1/vacancies?limit=1", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer")


def catch_up(url: str, posted: list[int], timeout: float = 300) -> dict[str, Any]:
    """Wait for the RQ worker to index every posting; count postings lost on the way."""
    db = Database(url)
    started = time.perf_counter()
    while True:
        with db.session() as session:
            left = pending_count(session)
        if left == 0 or time.perf_counter() - started > timeout:
            break
        time.sleep(0.5)
    with db.session() as session:
        stored = session.execute(
            select(func.count()).select_from(Vacancy).where(Vacancy.id.in_(posted))
        ).scalar_one()
    db.dispose()
    return {
        "posted": len(posted),
        "stored": stored,
        "outbox_left": left,
        "catch_up_s": round(time.perf_counter() - started, 1),
    }


def print_table(result: dict[str, Any]) -> None:
    print(
        f"\n{result['vacancies']:,} vacancies, gunicorn {result['workers']} sync workers + "
        f"PostgreSQL + RQ worker, {result['cpus']} CPUs, encoder off"
    )
    print(
        f"{'clients':>7} {'op':<7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'errors':>6}"
    )
    for row in result["levels"]:
        for op, s in row["ops"].items():
            print(
                f"{row['clients']:>7} {op:<7} {s['rps']:>8} {s['p50_ms']:>8} {s['p95_ms']:>8} "
                f"{s['p99_ms']:>8} {s['errors']:>6}"
            )
        print(
            f"{row['clients']:>7} {'all':<7} {row['total_rps']:>8} {'':>8} {'':>8} {'':>8} "
            f"{row['errors']:>6}"
        )
    c = result["indexing"]
    print(
        f"postings: {c['posted']} accepted, {c['stored']} stored, outbox empty after "
        f"{c['catch_up_s']} s (left: {c['outbox_left']})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--vacancies", type=int, default=100_000)
    parser.add_argument("--clients", default="10,50,200")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=5210)
    parser.add_argument("--db-name", default="zhumys_load_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/load.json")
    args = parser.parse_args()
    Redis.from_url(args.redis_url).flushdb()
    workdir = Path(tempfile.mkdtemp(prefix="zhumys-load-"))
    processes: list[subprocess.Popen[bytes]] = []
    base = f"http://127.0.0.1:{args.port}"
    try:
        env, tokens = prepare(args, workdir)
        log = open(workdir / "server.log", "wb")  # noqa: SIM115
        gunicorn = [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--backlog",
            "2048",
            "app:create_app()",
        ]
        processes.append(subprocess.Popen(gunicorn, env=env, cwd=ROOT, stdout=log, stderr=log))
        worker = [sys.executable, "-c", "from app.cli import main; main()", "worker"]
        processes.append(subprocess.Popen(worker, env=env, cwd=ROOT, stdout=log, stderr=log))
        wait_http(base, processes[0])
        levels = []
        posted: list[int] = []
        for clients in [int(c) for c in args.clients.split(",")]:
            stats = asyncio.run(level(base, tokens, clients, args.seconds))
            posted += stats.posted
            levels.append(summarise(clients, stats))
            print(
                f"{clients} clients: {levels[-1]['total_rps']} req/s, {levels[-1]['errors']} errors"
            )
        result = {
            "vacancies": args.vacancies,
            "workers": args.workers,
            "cpus": os.cpu_count(),
            "loadavg": round(os.getloadavg()[0], 2),
            "encoder": "none",
            "seconds_per_level": args.seconds,
            "mix": dict(MIX),
            "levels": levels,
            "indexing": catch_up(env["DATABASE_URL"], posted),
        }
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(workdir, ignore_errors=True)
        drop_database(args.db_name)
    print_table(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
