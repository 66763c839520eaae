"""Query embeddings from the process's one encoder, with an LRU cache keyed by normalised text.

People repeat searches (paging, a filter changed, the same popular titles), and one encoder
call costs far more than the rest of a search; the cache makes a repeat free. Keys are the
text lower-cased with runs of whitespace collapsed, which the encoder sees alike anyway.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
import numpy.typing as npt

from app.search.embeddings import PassageEncoder

CACHE_SIZE = 2048
Vector = npt.NDArray[np.float32]


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


class QueryVectors:
    """``vector(text)``: the encoder's query embedding (e5's ``query:`` side), cached."""

    def __init__(self, encoder: PassageEncoder, size: int = CACHE_SIZE) -> None:
        self.encoder = encoder
        self.size = size
        self._cache: OrderedDict[str, Vector] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def vector(self, text: str) -> Vector:
        key = normalise(text)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                self.hits += 1
                return found
        vector = np.asarray(self.encoder.encode_queries([key])[0], dtype=np.float32)
        vector.setflags(write=False)
        with self._lock:
            self.misses += 1
            self._cache[key] = vector
            self._cache.move_to_end(key)
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return vector
