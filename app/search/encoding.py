"""The passage/query encoder named by the settings (``EMBEDDING_MODEL``)."""

from __future__ import annotations

from app.search.embeddings import PassageEncoder
from app.settings import Settings

NO_ENCODER = "none"


def models_dir(settings: Settings) -> str:
    return str(settings.instance_path / "models")


def load_encoder(settings: Settings) -> PassageEncoder | None:
    """None when embeddings are switched off (``EMBEDDING_MODEL=none``): text-only search."""
    if settings.embedding_model.strip().lower() == NO_ENCODER:
        return None
    from pathlib import Path

    from matching.encoders import make_encoder

    encoder: PassageEncoder = make_encoder(
        settings.embedding_model,
        device=settings.embedding_device,
        batch_size=settings.embedding_batch_size,
        models_dir=Path(models_dir(settings)),
        backend=settings.embedding_backend,
        passage_max_tokens=settings.embedding_passage_tokens or None,
        threads=settings.embedding_threads,
    )
    return encoder
