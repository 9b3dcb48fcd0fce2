"""Near-duplicate detection: agency copies, re-publications and updated versions of one text.

Outlets re-run agency copy with a new headline, a trimmed tail or a corrected paragraph. Counting
each copy as independent coverage would inflate an event's weight, so copies are *linked* to the
first version seen (never dropped): timelines count them once and the report lists them.

MinHash over word 5-shingles estimates Jaccard similarity; datasketch's `MinHashLSH` finds
candidates in sub-linear time, and the estimate decides. The index is rebuilt from stored
signatures (64 integers per article), which is cheap next to the NLP stages.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["DuplicateLink", "NearDuplicateIndex", "shingles"]

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
# datasketch >= 2.0 asks for the permutation scheme when rebuilding from stored hash values;
# "affine32" (its default) keeps 32-bit values, the width we store. 1.x has no such argument.
_SCHEME: dict[str, str] = (
    {"scheme": "affine32"} if "scheme" in inspect.signature(MinHash.__init__).parameters else {}
)


def shingles(text: str, size: int = 5) -> set[bytes]:
    """Word n-grams of the lowercased text; short texts fall back to single words."""
    words = _TOKEN_RE.findall(text.lower())
    if len(words) < size:
        return {w.encode("utf-8") for w in words}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class DuplicateLink:
    """`doc_id` is a copy of `duplicate_of` (the first version seen), with estimated Jaccard."""

    doc_id: str
    duplicate_of: str
    similarity: float
    kind: str  # "exact" | "near"

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "duplicate_of": self.duplicate_of,
            "similarity": round(self.similarity, 3),
            "kind": self.kind,
        }


@dataclass
class NearDuplicateIndex:
    """Incremental MinHash-LSH index. Config: `threshold`, `num_perm`, `shingle_size`, `seed`."""

    threshold: float = 0.7
    num_perm: int = 64
    shingle_size: int = 5
    seed: int = 1
    _lsh: MinHashLSH | None = field(default=None, repr=False)
    _sigs: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    _links: dict[str, DuplicateLink] = field(default_factory=dict, repr=False)

    def _index(self) -> MinHashLSH:
        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        return self._lsh

    def signature(self, text: str) -> MinHash:
        mh = MinHash(num_perm=self.num_perm, seed=self.seed, **_SCHEME)
        mh.update_batch(list(shingles(text, self.shingle_size)))
        return mh

    def add(self, doc_id: str, text: str) -> DuplicateLink | None:
        """Index one article; return its link if it copies an article already indexed."""
        if doc_id in self._sigs:
            return self._links.get(doc_id)
        mh = self.signature(text)
        link = self._best_match(doc_id, mh)
        self._sigs[doc_id] = mh.hashvalues.astype(np.uint32)
        self._index().insert(doc_id, mh)
        if link is not None:
            self._links[doc_id] = link
        return link

    def _best_match(self, doc_id: str, mh: MinHash) -> DuplicateLink | None:
        best: tuple[float, str] | None = None
        for other in self._index().query(mh):
            other_mh = MinHash(num_perm=self.num_perm, seed=self.seed,
                               hashvalues=self._sigs[other], **_SCHEME)
            sim = mh.jaccard(other_mh)
            if sim >= self.threshold and (best is None or (sim, other) > best):
                best = (sim, other)
        if best is None:
            return None
        sim, other = best
        original = self.canonical(other)
        return DuplicateLink(doc_id, original, sim, "exact" if sim >= 0.999 else "near")

    def canonical(self, doc_id: str) -> str:
        link = self._links.get(doc_id)
        return link.duplicate_of if link else doc_id

    def links(self) -> list[DuplicateLink]:
        return [self._links[d] for d in sorted(self._links)]

    # -- persistence --------------------------------------------------------------------------
    def to_state(self) -> tuple[list[str], np.ndarray, list[dict[str, Any]]]:
        ids = list(self._sigs)
        matrix = (
            np.stack([self._sigs[i] for i in ids]) if ids
            else np.zeros((0, self.num_perm), dtype=np.uint32)
        )
        return ids, matrix, [link.to_dict() for link in self.links()]

    @classmethod
    def from_state(
        cls, ids: Iterable[str], matrix: np.ndarray, links: list[dict[str, Any]], **config: Any
    ) -> NearDuplicateIndex:
        index = cls(**config)
        lsh = index._index()
        with lsh.insertion_session() as session:
            for doc_id, row in zip(ids, matrix, strict=True):
                sig = np.asarray(row, dtype=np.uint32)
                index._sigs[doc_id] = sig
                session.insert(doc_id, MinHash(num_perm=index.num_perm, seed=index.seed,
                                               hashvalues=sig, **_SCHEME))
        for item in links:
            index._links[item["doc_id"]] = DuplicateLink(
                item["doc_id"], item["duplicate_of"], float(item["similarity"]), item["kind"]
            )
        return index
