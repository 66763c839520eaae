"""Merging the global and the restricted retrieval passes (``app.services.local_retrieval``)."""

from __future__ import annotations

import pytest

from app.services.local_retrieval import NEARBY_KM, Pass, merge, rings
from indexer import Hit


def test_a_hit_only_a_local_pass_found_ranks_behind_the_global_list() -> None:
    global_ = Pass([Hit(1, 0.5, text_rank=1, vector_rank=2), Hit(2, 0.4, vector_rank=1)])
    local = Pass([Hit(3, 0.9, 4.0, text_rank=1, vector_rank=1), Hit(1, 0.8, 2.0, text_rank=2)], 200)
    merged = merge([global_, local])
    assert list(merged) == [1, 2, 3]
    assert (merged[3].text_rank, merged[3].vector_rank) == (201, 201)
    # In both: its global ranks stand, the distance comes from the pass that computed it.
    assert (merged[1].text_rank, merged[1].vector_rank, merged[1].distance_km) == (1, 2, 2.0)
    assert merged[2].text_rank is None


def test_the_best_rank_of_several_passes_wins() -> None:
    merged = merge([Pass([Hit(7, 0, text_rank=50)]), Pass([Hit(7, 0, text_rank=3)], 10)])
    assert merged[7].text_rank == 13


def test_rings_are_the_commute_limit_then_the_nearby_ring() -> None:
    assert rings(None, None, 30) == []
    assert [g.radius_km for g in rings(43.2, 76.6, 30)] == [30.0, NEARBY_KM]
    assert [g.radius_km for g in rings(43.2, 76.6, 400)] == [400.0]
    assert [g.radius_km for g in rings(43.2, 76.6, 9_000)] == [pytest.approx(3_000.0)]
