"""The int8 export's bookkeeping: verification threshold, manifest, which backend loads."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from matching.encoders import SentenceTransformerEncoder, make_encoder
from matching.encoders.base import EncoderError, EncoderNotFoundError
from matching.encoders.onnx_encoder import OnnxEncoder
from matching.encoders.onnx_export import (
    MIN_ONNX_COSINE,
    ONNX_DIR,
    ONNX_MANIFEST,
    OnnxVerification,
    is_onnx_installed,
    onnx_file,
    onnx_manifest,
)
from matching.encoders.sentence_transformer import directory_identity


def _model_dir(tmp_path: Path) -> Path:
    model = tmp_path / "model"
    (model / "1_Pooling").mkdir(parents=True)
    (model / "config.json").write_text(json.dumps({"hidden_size": 8}), encoding="utf-8")
    (model / "modules.json").write_text("[]", encoding="utf-8")
    (model / "tokenizer.json").write_text("{}", encoding="utf-8")
    (model / "1_Pooling" / "config.json").write_text(
        json.dumps({"pooling_mode_mean_tokens": True}), encoding="utf-8"
    )
    return model


def _write_export(model: Path, source: str, passage_tokens: int = 256) -> None:
    (model / ONNX_DIR).mkdir(exist_ok=True)
    onnx_file(model).write_bytes(b"not really onnx")
    manifest = {"source": source, "sha256": "ab" * 32, "passage_max_tokens": passage_tokens}
    (model / ONNX_DIR / ONNX_MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize(
    ("lowest", "passed"), [(MIN_ONNX_COSINE, True), (0.9999, True), (0.9799, False)]
)
def test_verification_passes_at_the_threshold(lowest: float, passed: bool) -> None:
    assert OnnxVerification(min_cosine=lowest, mean_cosine=0.99, texts=8).passed is passed


def test_an_export_counts_only_for_the_model_it_was_made_from(tmp_path: Path) -> None:
    model = _model_dir(tmp_path)
    identity = directory_identity(model)
    assert onnx_manifest(model) is None and not is_onnx_installed(model, identity)
    _write_export(model, identity)
    assert is_onnx_installed(model, identity)
    # The export beside the weights does not change what the float32 model is ...
    assert directory_identity(model) == identity
    # ... but new float32 weights make the old export stale.
    (model / "model.safetensors").write_bytes(b"new weights")
    assert not is_onnx_installed(model, directory_identity(model))
    onnx_file(model).unlink()
    assert onnx_manifest(model) is None


def test_factory_picks_the_backend(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    model = _model_dir(tmp_path)
    with caplog.at_level(logging.WARNING):
        plain = make_encoder(str(model), models_dir=tmp_path, backend="onnx-int8")
    assert isinstance(plain, SentenceTransformerEncoder)
    assert "no verified int8 ONNX export" in caplog.text
    _write_export(model, directory_identity(model), passage_tokens=128)
    fast = make_encoder(str(model), models_dir=tmp_path, backend="onnx-int8")
    assert isinstance(fast, OnnxEncoder)
    assert fast.passage_max_tokens == 128 and fast.dim == 8
    assert "passage-tokens:128" in fast.fingerprint
    longer = make_encoder(
        str(model), models_dir=tmp_path, backend="onnx-int8", passage_max_tokens=512
    )
    assert isinstance(longer, OnnxEncoder) and longer.fingerprint != fast.fingerprint
    torch = make_encoder(str(model), models_dir=tmp_path, backend="torch")
    assert isinstance(torch, SentenceTransformerEncoder)
    gpu = make_encoder(str(model), models_dir=tmp_path, backend="onnx-int8", device="cuda")
    assert isinstance(gpu, SentenceTransformerEncoder) and gpu.device == "cuda"
    with pytest.raises(EncoderError, match="EMBEDDING_BACKEND"):
        make_encoder(str(model), models_dir=tmp_path, backend="tensorrt")


def test_onnx_encoder_without_its_file_says_how_to_get_it(tmp_path: Path) -> None:
    model = _model_dir(tmp_path)
    with pytest.raises(EncoderNotFoundError, match="zhumys encoder install"):
        OnnxEncoder(model)
