"""The one small interface every text encoder implements, and helpers they share.

Vectors are float32 rows of unit L2 norm, so a dot product is the cosine similarity. Query and
passage are encoded separately because asymmetric models (the E5 family) embed them with
different prefixes; callers never add prefixes themselves.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]

DEFAULT_MODEL = "intfloat/multilingual-e5-small"
E5_PREFIXES = ("query: ", "passage: ")
NO_PREFIXES = ("", "")


class EncoderError(RuntimeError):
    """An encoder could not be made or loaded; the message says what to change."""


class EncoderNotFoundError(EncoderError, FileNotFoundError):
    """The named model is not on this machine (nothing is ever downloaded at run time)."""


class EncoderDisabledError(EncoderError, ValueError):
    """The spec is ``none``: semantic matching is switched off, there is no encoder."""


class Encoder(Protocol):
    """A text encoder: ``name``, ``dim``, a cache ``fingerprint`` and two encode methods.

    Deliberately not ``runtime_checkable``: on Python 3.11 an ``isinstance`` check evaluates
    the properties, which would load the model.
    """

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    @property
    def fingerprint(self) -> str:
        """Model identity + version (+ anything else that changes the vectors).

        Equal fingerprints promise equal vectors for equal texts, so the app keys its
        embedding cache by ``hash(fingerprint, text)``.
        """
        ...

    def encode_queries(self, texts: Sequence[str]) -> Vectors: ...

    def encode_passages(self, texts: Sequence[str]) -> Vectors: ...


def check_texts(texts: Sequence[str]) -> list[str]:
    """A list copy of ``texts``; a bare ``str`` is refused (it would encode each character)."""
    if isinstance(texts, str):
        raise TypeError("encode_* takes a sequence of texts, not a single str")
    out = list(texts)
    for text in out:
        if not isinstance(text, str):
            raise TypeError(f"texts must be str, got {type(text).__name__}")
    return out


def l2_normalise(matrix: npt.ArrayLike) -> Vectors:
    """Float32 copy with unit-norm rows (all-zero rows stay zero)."""
    out = np.array(matrix, dtype=np.float32, copy=True, ndmin=2)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    np.divide(out, norms, out=out, where=norms > 0)
    return out


_E5_NAME = re.compile(r"(?:^|[/\\_.-])e5(?:[-_.]|$)")


def is_e5_model(name: str) -> bool:
    """True for E5-family names (``intfloat/e5-base-v2``, ``…/multilingual-e5-small``)."""
    return _E5_NAME.search(name.lower()) is not None


def short_hash(*parts: str) -> str:
    """A 16-hex-digit digest of ``parts``: short enough to read, long enough not to collide."""
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8"))
    return digest.hexdigest()[:16]


def file_digest(path: Path, chunk: int = 1 << 20) -> str:
    """SHA-256 of a file, streamed."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()
