"""The bounding box and quadtree cells that pre-filter a radius search (the distance itself is
``matching.geo.haversine_km``)."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.geo import EARTH_RADIUS_KM, haversine_km


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """``(min_lat, max_lat, min_lon, max_lon)`` containing every point within ``radius_km``.

    Near a pole or across the antimeridian the longitude range widens to the full circle; the
    exact haversine check afterwards removes what the box lets through.
    """
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    min_lat, max_lat = max(-90.0, lat - dlat), min(90.0, lat + dlat)
    if min_lat <= -90.0 or max_lat >= 90.0:
        return min_lat, max_lat, -180.0, 180.0
    # Widest longitude span of the circle (at the latitude where it is tangent to a meridian).
    dlon = math.degrees(
        math.asin(min(1.0, math.sin(radius_km / EARTH_RADIUS_KM) / math.cos(math.radians(lat))))
    )
    min_lon, max_lon = lon - dlon, lon + dlon
    if min_lon < -180.0 or max_lon > 180.0:
        return min_lat, max_lat, -180.0, 180.0
    return min_lat, max_lat, min_lon, max_lon


GEO_MIN_LEVEL = 3
GEO_MAX_LEVEL = 18  # cells of about 76 m (lat) at the finest level
_CELL_LAT_KM = math.pi * EARTH_RADIUS_KM  # pole to pole: the lat span of a level-0 cell


def cell_term(level: int, lat: float, lon: float) -> str:
    """The quadtree cell containing the point at ``level`` (2**level cells per axis)."""
    n = 1 << level
    i = min(n - 1, int((lon + 180.0) / 360.0 * n))
    j = min(n - 1, int((lat + 90.0) / 180.0 * n))
    return f"{level}:{i}:{j}"


def cell_terms(lat: float, lon: float) -> list[str]:
    """Every level's cell of a point: indexed as keywords so a cover is a term lookup."""
    return [cell_term(level, lat, lon) for level in range(GEO_MIN_LEVEL, GEO_MAX_LEVEL + 1)]


@lru_cache(maxsize=512)
def cover_circle(
    lat: float, lon: float, radius_km: float, detail: int = 32
) -> tuple[list[str], list[str]]:
    """Cells covering the circle: ``(inside, boundary)``.

    Every point of an ``inside`` cell is within the radius; every point within the radius lies
    in an inside or a boundary cell. Boundary cells are about ``radius / detail`` across, so
    only a thin ring of documents needs the exact distance check.
    """
    target = round(math.log2(_CELL_LAT_KM * detail / radius_km))
    target = max(GEO_MIN_LEVEL, min(GEO_MAX_LEVEL, target))
    level = max(GEO_MIN_LEVEL, target - 6)
    n = 1 << level
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius_km)
    i_lo, i_hi = _index(min_lon + 180.0, 360.0, n), _index(max_lon + 180.0, 360.0, n)
    j_lo, j_hi = _index(min_lat + 90.0, 180.0, n), _index(max_lat + 90.0, 180.0, n)
    ii, jj = np.meshgrid(np.arange(i_lo, i_hi + 1), np.arange(j_lo, j_hi + 1))
    cells_i, cells_j = ii.ravel(), jj.ravel()
    inside: list[str] = []
    while True:
        n = 1 << level
        lon0 = cells_i * (360.0 / n) - 180.0
        lon1 = lon0 + 360.0 / n
        lat0 = cells_j * (180.0 / n) - 90.0
        lat1 = lat0 + 180.0 / n
        corners = [haversine_km(lat, lon, la, lo) for la in (lat0, lat1) for lo in (lon0, lon1)]
        all_in = np.logical_and.reduce([c <= radius_km for c in corners])
        out = _nearest_km(lat, lon, lat0, lat1, lon0, lon1) > radius_km + 1e-6
        inside += [
            f"{level}:{i}:{j}" for i, j in zip(cells_i[all_in], cells_j[all_in], strict=True)
        ]
        edge = ~all_in & ~out
        cells_i, cells_j = cells_i[edge], cells_j[edge]
        if level == target or cells_i.size == 0:
            boundary = [f"{level}:{i}:{j}" for i, j in zip(cells_i, cells_j, strict=True)]
            return inside, boundary
        cells_i = np.concatenate([2 * cells_i + d for d in (0, 1, 0, 1)])
        cells_j = np.concatenate([2 * cells_j + d for d in (0, 0, 1, 1)])
        level += 1


def _nearest_km(
    lat: float,
    lon: float,
    lat0: npt.NDArray[np.floating[Any]],
    lat1: npt.NDArray[np.floating[Any]],
    lon0: npt.NDArray[np.floating[Any]],
    lon1: npt.NDArray[np.floating[Any]],
) -> npt.NDArray[np.float64]:
    """Distance from the point to the nearest point of each lat/lon rectangle.

    Along a parallel, distance grows with the longitude difference, so the nearest point is on
    the nearest meridian edge (or the point's own meridian); along that meridian the nearest
    latitude is ``atan(tan(lat) / cos(dlon))``, clipped to the rectangle.
    """
    d0 = (lon0 - lon + 180.0) % 360.0 - 180.0  # signed offsets of the edges, wrapped
    d1 = (lon1 - lon + 180.0) % 360.0 - 180.0
    within = (d0 <= 0) & (d1 >= 0) & (d1 - d0 > 0)
    dlon_deg = np.where(within, 0.0, np.where(np.abs(d0) < np.abs(d1), d0, d1))
    dlon = np.radians(dlon_deg)
    lat_c = np.degrees(np.arctan2(math.tan(math.radians(lat)), np.maximum(np.cos(dlon), 1e-12)))
    return haversine_km(lat, lon, np.clip(lat_c, lat0, lat1), lon + dlon_deg)


def _index(offset: float, span: float, n: int) -> int:
    return max(0, min(n - 1, int(offset / span * n)))
