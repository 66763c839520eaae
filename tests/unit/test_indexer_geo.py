"""Haversine, bounding boxes and the quadtree cover of a circle (exactness is the point)."""

from __future__ import annotations

import numpy as np
import pytest

from indexer.geo import (
    GEO_MAX_LEVEL,
    GEO_MIN_LEVEL,
    bounding_box,
    cell_term,
    cell_terms,
    cover_circle,
)
from matching.geo import haversine_km

ALMATY = (43.2383, 76.9456)
KONAEV = (43.8667, 77.0667)
ASTANA = (51.1694, 71.4491)


def test_haversine_between_cities() -> None:
    d = haversine_km(*ALMATY, [KONAEV[0], ASTANA[0], np.nan], [KONAEV[1], ASTANA[1], 0.0])
    assert d[0] == pytest.approx(70.55, abs=0.1)
    assert d[1] == pytest.approx(974.1, abs=1)
    assert np.isnan(d[2])


def test_bounding_box_contains_the_circle() -> None:
    min_lat, max_lat, min_lon, max_lon = bounding_box(*ALMATY, 100)
    assert min_lat < ALMATY[0] < max_lat and min_lon < ALMATY[1] < max_lon
    assert haversine_km(*ALMATY, [max_lat], [ALMATY[1]])[0] == pytest.approx(100, rel=1e-6)
    assert bounding_box(89.5, 0, 100)[2:] == (-180.0, 180.0)  # pole inside: full circle


def test_cell_terms_nest() -> None:
    terms = cell_terms(*ALMATY)
    assert len(terms) == GEO_MAX_LEVEL - GEO_MIN_LEVEL + 1
    level, i, j = (int(x) for x in terms[-1].split(":"))
    parent = cell_term(level - 1, *ALMATY)
    assert parent == f"{level - 1}:{i // 2}:{j // 2}"
    assert cell_term(3, 90.0, 180.0) == "3:7:7"  # edges stay inside the grid


@pytest.mark.parametrize(
    ("lat", "lon", "radius_km"),
    [
        (*ALMATY, 0.3),
        (*ALMATY, 30.0),
        (*ASTANA, 150.0),
        (48.0, 67.0, 1500.0),
        (-60.0, 179.5, 400.0),  # across the antimeridian
        (0.0, 0.0, 50.0),
    ],
)
def test_cover_is_exact(lat: float, lon: float, radius_km: float) -> None:
    inside, boundary = cover_circle(lat, lon, radius_km)
    assert inside or boundary
    assert not set(inside) & set(boundary)
    rng = np.random.default_rng(0)
    spread = radius_km / 111 * 1.3
    lats = np.clip(lat + rng.uniform(-spread, spread, 4000), -90, 90)
    lons = (lon + rng.uniform(-2 * spread, 2 * spread, 4000) + 180) % 360 - 180
    distances = haversine_km(lat, lon, lats, lons)
    inside_set, boundary_set = set(inside), set(boundary)
    for p_lat, p_lon, d in zip(lats, lons, distances, strict=True):
        terms = set(cell_terms(float(p_lat), float(p_lon)))
        if terms & inside_set:
            assert d <= radius_km + 1e-6  # an inside cell never holds a point outside
        elif d <= radius_km:
            assert terms & boundary_set  # every point within reach is covered


def test_cover_keeps_the_exact_check_small() -> None:
    inside, boundary = cover_circle(*ALMATY, 30.0)
    assert len(inside) + len(boundary) < 1000
