"""kNN, filtered kNN and hybrid (text + vector) search."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from indexer import DocType, Filters, Fusion, GeoFilter, Mode, SearchEngine, SearchQuery, Sort
from tests.conformance.data import ALMATY, ASTANA, ASTANA_KATO, DIM, ids, unit, vacancy

V = DocType.VACANCIES


def test_knn_orders_by_cosine_similarity(engine: SearchEngine) -> None:
    engine.upsert(
        V,
        [
            vacancy(1, vector=unit(1, 0)),
            vacancy(2, vector=unit(1, 1)),
            vacancy(3, vector=unit(0, 1)),
            vacancy(4, vector=unit(-1, 0)),
        ],
    )
    result = engine.search(V, SearchQuery(vector=unit(1, 0.2), mode=Mode.VECTOR, limit=3))
    assert ids(result) == [1, 2, 3]
    assert [h.vector_rank for h in result.hits] == [1, 2, 3]
    assert result.hits[0].score == pytest.approx(float(unit(1, 0) @ unit(1, 0.2)), abs=1e-4)
    assert result.hits[0].text_rank is None
    # Scale does not matter (cosine).
    assert ids(engine.search(V, SearchQuery(vector=unit(1, 0.2) * 7, mode=Mode.VECTOR))) == [
        1,
        2,
        3,
        4,
    ]


def test_knn_candidates_bound_the_result(engine: SearchEngine) -> None:
    engine.upsert(V, [vacancy(i, vector=unit(1, i / 10)) for i in range(1, 21)])
    result = engine.search(V, SearchQuery(vector=unit(1), mode=Mode.VECTOR, knn_candidates=5))
    assert result.total == 5 and ids(result) == [1, 2, 3, 4, 5]


def test_filtered_knn_is_exact(engine: SearchEngine) -> None:
    rng = np.random.default_rng(3)
    vectors = rng.standard_normal((300, DIM)).astype(np.float32)
    docs = [
        vacancy(
            i + 1,
            region_kato=ASTANA_KATO if i % 7 == 0 else "750000000",
            schedule="remote" if i % 2 else "full_day",
            vector=vectors[i],
        )
        for i in range(300)
    ]
    engine.upsert(V, docs)
    query_vector = rng.standard_normal(DIM).astype(np.float32)
    unit_rows = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    sims = unit_rows @ (query_vector / np.linalg.norm(query_vector))
    for filters, keep in [
        (Filters(region_katos=(ASTANA_KATO,)), lambda i: i % 7 == 0),
        (Filters(schedules=("remote",)), lambda i: i % 2 == 1),
        (Filters(), lambda i: True),
    ]:
        allowed = [i for i in range(300) if keep(i)]
        expected = [i + 1 for i in sorted(allowed, key=lambda i: -sims[i])[:10]]
        got = engine.search(
            V,
            SearchQuery(
                vector=query_vector, mode=Mode.VECTOR, filters=filters, limit=10, knn_candidates=10
            ),
        )
        assert ids(got) == expected


def test_knn_with_geo_and_facets(engine: SearchEngine) -> None:
    engine.upsert(
        V,
        [
            vacancy(1, vector=unit(1), lat=ALMATY[0], lon=ALMATY[1]),
            vacancy(2, vector=unit(1, 0.1), lat=ASTANA[0], lon=ASTANA[1], region_kato=ASTANA_KATO),
            vacancy(3, vector=unit(0, 1), lat=ALMATY[0], lon=ALMATY[1]),
        ],
    )
    result = engine.search(
        V,
        SearchQuery(
            vector=unit(1),
            mode=Mode.VECTOR,
            geo=GeoFilter(ASTANA[0], ASTANA[1], 50),
            facets=("region_kato",),
        ),
    )
    assert ids(result) == [2]
    assert result.hits[0].distance_km == pytest.approx(0, abs=0.01)
    assert [(f.value, f.count) for f in result.facets["region_kato"]] == [(ASTANA_KATO, 1)]


def test_hybrid_merges_both_lists(engine: SearchEngine) -> None:
    engine.upsert(
        V,
        [
            vacancy(1, "Сварщик", vector=unit(0, 1)),  # text only
            vacancy(2, "Сварщик", vector=unit(1)),  # both
            vacancy(3, "Электрик", vector=unit(1, 0.1)),  # vector only
            vacancy(4, "Электрик", vector=unit(0, 0, 1)),  # neither (vector far, text no)
        ],
    )
    result = engine.search(
        V,
        SearchQuery(
            text="сварщик",
            vector=unit(1),
            mode=Mode.HYBRID,
            knn_candidates=2,
            facets=("region_kato",),
        ),
    )
    assert ids(result)[0] == 2  # in both lists: fused first
    assert set(ids(result)) == {1, 2, 3}
    assert result.total == 3
    assert sum(f.count for f in result.facets["region_kato"]) == 3
    by_id = {h.id: h for h in result.hits}
    assert by_id[2].text_rank is not None and by_id[2].vector_rank == 1
    assert by_id[1].vector_rank is None and by_id[1].text_rank is not None
    assert by_id[3].text_rank is None and by_id[3].vector_rank == 2
    assert by_id[2].score > by_id[1].score and by_id[2].score > by_id[3].score


def test_hybrid_respects_filters_and_sort(engine: SearchEngine) -> None:
    engine.upsert(
        V,
        [
            vacancy(1, "Сварщик", vector=unit(1), salary_from=100_000),
            vacancy(2, "Сварщик", vector=unit(1), salary_from=900_000),
            vacancy(3, "Сварщик", vector=unit(1), region_kato=ASTANA_KATO),
        ],
    )
    result = engine.search(
        V,
        SearchQuery(
            text="сварщик",
            vector=unit(1),
            mode=Mode.HYBRID,
            sort=Sort.SALARY,
            filters=Filters(region_katos=("750000000",)),
        ),
    )
    assert ids(result) == [2, 1]


def test_hybrid_relevance_set_keeps_to_title_matches_and_near_neighbours(
    engine: SearchEngine,
) -> None:
    """What search counts as found: text matches in the chosen fields, and kNN candidates
    within ``knn_floor`` of the best one (``text_total`` says how many matched the text)."""
    engine.upsert(
        V,
        [
            vacancy(1, "Бухгалтер", vector=unit(1)),
            vacancy(2, "Бухгалтер-кассир", vector=unit(1, 0.2)),
            vacancy(3, "Курьер", description="Отчёты сдаёт бухгалтер", vector=unit(0, 1)),
            vacancy(4, "Экономист", vector=unit(1, 0.3)),
            vacancy(5, "Сварщик", vector=unit(0, 0, 1)),
        ],
    )
    everywhere = SearchQuery(text="бухгалтер", vector=unit(1), mode=Mode.HYBRID)
    assert engine.search(V, everywhere).text_total == 3
    strict = SearchQuery(
        text="бухгалтер",
        vector=unit(1),
        mode=Mode.HYBRID,
        text_fields=("title", "skills_text"),
        knn_floor=0.1,
        facets=("kind",),
    )
    result = engine.search(V, strict)
    assert result.text_total == 2
    # 4: cosine 0.958, within 0.1 of the best; 3 has the word only in its description, so it
    # is no candidate by meaning either.
    assert set(ids(result)) == {1, 2, 4}
    near_trap = replace(strict, vector=unit(0.2, 1), knn_floor=None)
    assert 3 not in ids(engine.search(V, near_trap))
    assert 3 in ids(engine.search(V, replace(near_trap, text_fields=())))
    assert result.total == 3 and result.facets["kind"][0].count == 3
    floor = replace(strict, knn_floor=None, knn_min_similarity=0.97)
    assert set(ids(engine.search(V, floor))) == {1, 2}
    weighted = engine.search(
        V, SearchQuery(text="бухгалтер", vector=unit(1), mode=Mode.HYBRID, fusion=Fusion.WEIGHTED)
    )
    assert ids(weighted)[0] == 1 and weighted.hits[0].score == pytest.approx(1.0)


def test_modes_need_their_inputs() -> None:
    with pytest.raises(ValueError, match="vector"):
        SearchQuery(text="x", mode=Mode.HYBRID)
    with pytest.raises(ValueError, match="text"):
        SearchQuery(vector=unit(1), mode=Mode.HYBRID)


def test_hybrid_within_a_radius_restricts_both_lists(engine: SearchEngine) -> None:
    """Local first (app.services.local_retrieval) relies on this: the same hybrid query within a
    radius returns the local posting that the global lists leave out, with both of its ranks."""
    far = [
        vacancy(i, "Повар повар", lat=ASTANA[0], lon=ASTANA[1], vector=unit(1, i / 100))
        for i in range(1, 6)
    ]
    local = vacancy(9, "Повар", lat=ALMATY[0], lon=ALMATY[1], vector=unit(1, 1))
    engine.upsert(V, [*far, local])
    query = SearchQuery(
        text="повар",
        vector=unit(1),
        mode=Mode.HYBRID,
        geo=GeoFilter(ALMATY[0], ALMATY[1]),
        limit=3,
        knn_candidates=3,
    )
    assert 9 not in ids(engine.search(V, query))
    near = engine.search(V, replace(query, geo=GeoFilter(ALMATY[0], ALMATY[1], 30)))
    assert ids(near) == [9]
    assert (near.hits[0].text_rank, near.hits[0].vector_rank) == (1, 1)
    assert near.hits[0].distance_km == pytest.approx(0, abs=0.01)
