"""What ``relevance_people`` measures: reach, suitability, gains and the metrics over them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

TOP = 5
K = 10


def haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The bench's own (not ``matching.geo``): it also runs on the old code tree."""
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
