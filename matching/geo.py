"""Great-circle distance: the one haversine every part of the platform uses.

The embedded engine (radius filters and distance sorting), the ranker (distance from home),
the "suitable work" check of a referral and the demo generator all import it from here.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


def haversine_km(
    lat: float, lon: float, lats: npt.ArrayLike, lons: npt.ArrayLike
) -> npt.NDArray[np.float64]:
    """Distances in km from one point to many (NaN coordinates give NaN)."""
    lat1, lon1 = math.radians(lat), math.radians(lon)
    lat2 = np.radians(np.asarray(lats, dtype=np.float64))
    lon2 = np.radians(np.asarray(lons, dtype=np.float64))
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    out: npt.NDArray[np.float64] = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return out


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in km between two ``(lat, lon)`` points."""
    return float(haversine_km(a[0], a[1], [b[0]], [b[1]])[0])
