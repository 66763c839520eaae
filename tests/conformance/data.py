"""Small, readable documents for the conformance suite."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from indexer import CvDocument, VacancyDocument

ALMATY = (43.2383, 76.9456)
KONAEV = (43.8667, 77.0667)  # ~70 km north of Almaty
ASTANA = (51.1694, 71.4491)  # ~974 km from Almaty

ALMATY_KATO = "750000000"
ASTANA_KATO = "710000000"
ALMATY_REGION_KATO = "190000000"  # Almaty Region (centre: Konaev)

DIM = 8

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def unit(*head: float) -> np.ndarray:
    """A unit vector of dimension DIM starting with ``head`` (the rest zeros)."""
    v = np.zeros(DIM, dtype=np.float32)
    v[: len(head)] = head
    return v / np.linalg.norm(v)


def vacancy(id: int, title: str = "Вакансия", **fields: Any) -> VacancyDocument:
    values: dict[str, Any] = {
        "employer_id": 1,
        "employer_name": "ТОО Тест",
        "region_kato": ALMATY_KATO,
        "published_at": NOW - timedelta(days=id),
        "lang": "ru",
    }
    values.update(fields)
    return VacancyDocument(id=id, title=title, **values)


def cv(id: int, title: str = "Резюме", **fields: Any) -> CvDocument:
    values: dict[str, Any] = {
        "seeker_id": 1000 + id,
        "region_kato": ALMATY_KATO,
        "visibility": "public",
        "updated_at": NOW - timedelta(days=id),
        "lang": "ru",
    }
    values.update(fields)
    return CvDocument(id=id, title=title, **values)


def ids(result: Any) -> list[int]:
    return [hit.id for hit in result.hits]
