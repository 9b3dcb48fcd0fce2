"""Context chunks of the accurate mode's transformer component: which sentences are read
together, and where names and trees from a chunk land in the spaCy doc."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy

from lagebild.encoder.model import SentenceAnalysis
from lagebild.encoder.spacy_component import EncoderAnnotator


class RecordingModel:
    """Stands in for `EncoderModel`: tags every word "Berlin" as LOC, parses each segment as a
    chain whose last word is the root, and records what it was given."""

    parses = True

    def __init__(self) -> None:
        self.calls: list[tuple[list[list[str]], list[list[tuple[int, int]]]]] = []

    def analyse_chunks(
        self, chunks: Sequence[Sequence[str]], segments: Sequence[Sequence[tuple[int, int]]]
    ) -> list[tuple[list[tuple[str, int, int]], list[SentenceAnalysis]]]:
        self.calls.append(([list(c) for c in chunks], [list(s) for s in segments]))
        out = []
        for words, parts in zip(chunks, segments, strict=True):
            ents = [("LOC", i, i + 1) for i, w in enumerate(words) if w == "Berlin"]
            trees = []
            for start, end in parts:
                n = end - start
                heads = [min(i + 1, n - 1) for i in range(n)]
                deps = ["dep"] * (n - 1) + ["ROOT"]
                trees.append(SentenceAnalysis(upos=["X"] * n, heads=heads, deps=deps))
            out.append((ents, trees))
        return out


def _doc(nlp, sentences: list[str]):
    words, starts = [], []
    for sentence in sentences:
        tokens = sentence.split()
        starts += [True] + [False] * (len(tokens) - 1)
        words += tokens
    return spacy.tokens.Doc(nlp.vocab, words=words, sent_starts=starts)


@pytest.fixture()
def nlp():
    return spacy.blank("de")


def test_neighbouring_sentences_are_read_together_up_to_the_budget(nlp) -> None:
    model = RecordingModel()
    doc = _doc(nlp, ["Sie kam an .", "Dann ging sie nach Berlin .", "Ende ."])
    EncoderAnnotator(model, batch_docs=8, parse=True, context_words=10)(doc)
    chunks, segments = model.calls[0]
    # 4 + 6 words fit the budget of 10; the third sentence starts a new chunk
    assert chunks == [
        ["Sie", "kam", "an", ".", "Dann", "ging", "sie", "nach", "Berlin", "."],
        ["Ende", "."],
    ]
    assert segments == [[], []]  # names only: trees come from the sentences alone
    assert [(e.text, e.label_, e.start) for e in doc.ents] == [("Berlin", "LOC", 8)]


def test_trees_come_from_a_second_pass_over_each_sentence_alone(nlp) -> None:
    model = RecordingModel()
    doc = _doc(nlp, ["Sie kam an .", "Dann ging sie nach Berlin ."])
    EncoderAnnotator(model, batch_docs=8, parse=True, context_words=60)(doc)
    assert len(model.calls) == 2
    chunks, segments = model.calls[1]
    assert chunks == [["Sie", "kam", "an", "."], ["Dann", "ging", "sie", "nach", "Berlin", "."]]
    assert segments == [[(0, 4)], [(0, 6)]]


def test_without_parsing_one_pass_reads_the_chunks(nlp) -> None:
    model = RecordingModel()
    doc = _doc(nlp, ["Sie kam an .", "Dann ging sie nach Berlin ."])
    EncoderAnnotator(model, batch_docs=8, parse=False, context_words=60)(doc)
    assert model.calls == [
        ([["Sie", "kam", "an", ".", "Dann", "ging", "sie", "nach", "Berlin", "."]], [[]])
    ]
    assert [e.text for e in doc.ents] == ["Berlin"]


def test_each_sentence_gets_its_own_tree_from_the_chunk(nlp) -> None:
    doc = _doc(nlp, ["Sie kam an .", "Dann ging sie nach Berlin ."])
    EncoderAnnotator(RecordingModel(), batch_docs=8, parse=True, context_words=60)(doc)
    for sent in doc.sents:
        assert [t.dep_ for t in sent if t.dep_ == "ROOT"] == ["ROOT"]
        assert sent[-1].head == sent[-1]
        assert all(t.head.sent == sent for t in sent)
    assert len(list(doc.sents)) == 2


def test_zero_budget_reads_every_sentence_alone_and_long_ones_are_never_cut(nlp) -> None:
    model = RecordingModel()
    doc = _doc(nlp, ["Eins zwei drei .", "Vier ."])
    EncoderAnnotator(model, batch_docs=8, parse=True, context_words=0)(doc)
    # one pass serves names and trees
    assert model.calls == [([["Eins", "zwei", "drei", "."], ["Vier", "."]], [[(0, 4)], [(0, 2)]])]
    model = RecordingModel()
    EncoderAnnotator(model, batch_docs=8, parse=True, context_words=2)(_doc(nlp, ["a b c ."]))
    assert model.calls[0][0] == [["a", "b", "c", "."]]


def test_chunks_never_cross_documents(nlp) -> None:
    model = RecordingModel()
    annotator = EncoderAnnotator(model, batch_docs=8, parse=True, context_words=60)
    docs = [_doc(nlp, ["Erstes Dokument ."]), _doc(nlp, ["Zweites in Berlin ."])]
    list(annotator.pipe(docs))
    assert model.calls[0][0] == [["Erstes", "Dokument", "."], ["Zweites", "in", "Berlin", "."]]
    assert [e.text for e in docs[0].ents] == [] and [e.text for e in docs[1].ents] == ["Berlin"]


def test_negative_budget_is_refused() -> None:
    with pytest.raises(ValueError, match="context_words"):
        EncoderAnnotator(RecordingModel(), batch_docs=8, parse=True, context_words=-1)
