"""A sentence-transformers model directory run through ONNX Runtime (int8), without torch.

Reads what sentence-transformers would: ``tokenizer.json``, ``sentence_bert_config.json``
(``max_seq_length``), ``1_Pooling/config.json`` (mean or CLS pooling) and the prompts; runs
``onnx/model_qint8.onnx`` (see :mod:`matching.encoders.onnx_export`) and L2-normalises. So the
web process needs ``onnxruntime``, ``tokenizers`` and numpy, and never imports torch.

Speed on two cores comes from three things, each measured in ``bench/encoder_bench.py``: int8
weights, passages cut at ``passage_max_tokens`` (the title and the first part of the text
carry the meaning; queries keep the full length), and a batch sorted by length so short texts
are not padded to the longest one.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from matching.encoders.base import (
    EncoderNotFoundError,
    Vectors,
    check_texts,
    l2_normalise,
    short_hash,
)
from matching.encoders.locate import read_json
from matching.encoders.onnx_export import onnx_file, onnx_manifest
from matching.encoders.sentence_transformer import detect_prefixes, directory_identity

MODEL_MAX_TOKENS = 512


def default_threads() -> int:
    """Threads for one inference: the CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


class OnnxEncoder:
    """Encoder over ``<model_dir>/onnx/model_qint8.onnx`` (loaded on first use, thread-safe).

    ``passage_max_tokens``: None → the export's default (its manifest), 0 → the model's
    ``max_seq_length``; queries always use the model's length.
    """

    def __init__(
        self,
        model_dir: str | Path,
        *,
        onnx_path: Path | None = None,
        batch_size: int = 32,
        passage_max_tokens: int | None = None,
        threads: int = 0,
        name: str | None = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        self.model_dir = Path(model_dir).expanduser().resolve()
        self.onnx_path = Path(onnx_path) if onnx_path is not None else onnx_file(self.model_dir)
        if not (self.model_dir / "tokenizer.json").is_file():
            raise EncoderNotFoundError(
                f"{self.model_dir} has no tokenizer.json: not a model directory the ONNX "
                "backend can read"
            )
        if not self.onnx_path.is_file():
            raise EncoderNotFoundError(
                f"no ONNX model at {self.onnx_path}; run `zhumys encoder install` (exports and "
                "verifies it offline) or set EMBEDDING_BACKEND=torch"
            )
        self.batch_size = batch_size
        self.threads = threads or default_threads()
        self._name = name or str(self.model_dir)
        st_config = read_json(self.model_dir / "sentence_bert_config.json") or {}
        self.max_tokens = int(st_config.get("max_seq_length") or MODEL_MAX_TOKENS)  # type: ignore[call-overload]
        manifest = onnx_manifest(self.model_dir) or {}
        if passage_max_tokens is None:
            passage_max_tokens = int(manifest.get("passage_max_tokens") or 0)  # type: ignore[call-overload]
        self.passage_max_tokens = min(passage_max_tokens or self.max_tokens, self.max_tokens)
        pooling = read_json(self.model_dir / "1_Pooling" / "config.json") or {}
        self.cls_pooling = bool(pooling.get("pooling_mode_cls_token"))
        config = read_json(self.model_dir / "config.json") or {}
        self._dim = int(config.get("hidden_size") or pooling.get("word_embedding_dimension") or 0)  # type: ignore[call-overload]
        self.query_prefix, self.passage_prefix = detect_prefixes(self._name, self.model_dir)
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()
        self._tokenizing = threading.Lock()
        self._fingerprint: str | None = None

    @property
    def name(self) -> str:
        return self._name

    @property
    def dim(self) -> int:
        if not self._dim:
            raise EncoderNotFoundError(f"{self.model_dir}: config.json names no hidden_size")
        return self._dim

    @property
    def fingerprint(self) -> str:
        """The float32 model's identity + int8 file + passage length + prefixes."""
        if self._fingerprint is None:
            manifest = onnx_manifest(self.model_dir) or {}
            weights = str(manifest.get("sha256") or self.onnx_path.stat().st_size)
            prefixes = short_hash(self.query_prefix, self.passage_prefix)[:8]
            self._fingerprint = (
                f"{directory_identity(self.model_dir)}|onnx-int8@{weights[:16]}"
                f"|passage-tokens:{self.passage_max_tokens}|prefixes:{prefixes}"
            )
        return self._fingerprint

    def _loaded(self) -> Any:
        with self._lock:
            if self._session is None:
                import onnxruntime as ort

                options = ort.SessionOptions()
                options.intra_op_num_threads = self.threads
                options.inter_op_num_threads = 1
                options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
                # No arena: a 32 x 512 batch's activations are returned after the run instead
                # of staying in the web process's RSS for good.
                options.enable_cpu_mem_arena = False
                self._session = ort.InferenceSession(
                    str(self.onnx_path), options, providers=["CPUExecutionProvider"]
                )
            return self._session

    def _token_ids(self, texts: list[str], max_tokens: int) -> list[list[int]]:
        """Token ids cut at ``max_tokens`` (specials kept). One tokenizer for both lengths:
        a 250k-piece vocabulary costs ~280 MB of RSS per copy."""
        with self._lock:
            if self._tokenizer is None:
                from tokenizers import Tokenizer

                tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
                tokenizer.no_padding()
                self._tokenizer = tokenizer
        with self._tokenizing:
            self._tokenizer.enable_truncation(max_tokens)
            return [e.ids for e in self._tokenizer.encode_batch(texts)]

    def _run(self, ids: list[list[int]]) -> Vectors:
        width = max(len(row) for row in ids)
        input_ids = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for i, row in enumerate(ids):
            input_ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        hidden = self._loaded().run(None, {"input_ids": input_ids, "attention_mask": mask})[0]
        if self.cls_pooling:
            return l2_normalise(hidden[:, 0])
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return l2_normalise(pooled)

    def _encode(self, texts: Sequence[str], prefix: str, max_tokens: int) -> Vectors:
        items = check_texts(texts)
        if not items:
            return np.zeros((0, self.dim), dtype=np.float32)
        ids = self._token_ids([prefix + text for text in items], max_tokens)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))  # pad each batch less
        out = np.empty((len(ids), self.dim), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = self._run([ids[i] for i in rows])
        return out

    def encode_queries(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self.query_prefix, self.max_tokens)

    def encode_passages(self, texts: Sequence[str]) -> Vectors:
        return self._encode(texts, self.passage_prefix, self.passage_max_tokens)

    def __repr__(self) -> str:
        return (
            f"OnnxEncoder({str(self.model_dir)!r}, passage_max_tokens="
            f"{self.passage_max_tokens}, threads={self.threads}, batch_size={self.batch_size})"
        )
