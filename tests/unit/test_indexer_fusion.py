"""Reciprocal rank fusion and score normalisation."""

from __future__ import annotations

import pytest

from indexer.fusion import min_max_normalise, reciprocal_rank_fusion


def test_rrf_scores_and_order() -> None:
    fused = reciprocal_rank_fusion([[1, 2, 3], [3, 1, 4]], k=60)
    assert [f.id for f in fused] == [1, 3, 2, 4]
    by_id = {f.id: f for f in fused}
    assert by_id[1].score == pytest.approx(1 / 61 + 1 / 62)
    assert by_id[3].ranks == (3, 1)
    assert by_id[4].ranks == (None, 3)
    assert by_id[2].ranks == (2, None)


def test_rrf_ties_prefer_better_best_rank_then_smaller_id() -> None:
    fused = reciprocal_rank_fusion([[5, 6], [6, 5]])
    assert [f.id for f in fused] == [5, 6]  # equal scores, equal best rank: smaller id
    fused = reciprocal_rank_fusion([[7], [8]], weights=[1.0, 1.0])
    assert [f.id for f in fused] == [7, 8]


def test_rrf_weights_duplicates_and_empties() -> None:
    fused = reciprocal_rank_fusion([[1, 2], [2, 1]], weights=[2.0, 1.0])
    assert fused[0].id == 1
    fused = reciprocal_rank_fusion([[1, 1, 2]])
    assert fused[0].ranks == (1,) and fused[1].ranks == (3,)
    assert reciprocal_rank_fusion([[], []]) == []
    with pytest.raises(ValueError, match="k"):
        reciprocal_rank_fusion([[1]], k=0)
    with pytest.raises(ValueError, match="weights"):
        reciprocal_rank_fusion([[1]], weights=[1.0, 2.0])


def test_min_max_normalise() -> None:
    assert min_max_normalise([]) == []
    assert min_max_normalise([2.0, 2.0]) == [1.0, 1.0]
    assert min_max_normalise([1.0, 3.0, 2.0]) == [0.0, 1.0, 0.5]
