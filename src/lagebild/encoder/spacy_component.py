"""spaCy component ``lagebild_encoder``: the transformer's analysis on spaCy docs.

In the accurate mode of `lagebild.nlp.load_nlp` it replaces the CNN ``ner`` and runs after
the CNN parser, whose sentence boundaries it keeps. Consecutive sentences of a doc are read
together, up to ``context_words`` words, so that each name is tagged with its neighbours as
context (a sentence split too early by the CNN, or a surname after the full name one sentence
before: +0.6 GermEval F1 and +1.0 SmartData news F1, docs/ACCURACY.md, round 8); ``0`` reads
each sentence alone, as the model was trained. When the model has the parsing heads and
``parse`` is on, it overwrites each sentence's heads, relations and UPOS from a second pass over
the sentences alone (with context the trees got worse), so context costs a second encoder pass.
Sentences too long for one window keep the CNN parse (NER still covers them, windowed). A doc
without sentence boundaries is one sentence. Whitespace tokens are skipped (UD and GermEval
have none) and keep their CNN attachment.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from lagebild.encoder.model import EncoderModel, SentenceAnalysis

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.training import Example

FACTORY = "lagebild_encoder"  # = lagebild.nlp.TRANSFORMER_COMPONENT
DEFAULT_FOLDER = Path(__file__).resolve().parents[1] / "models" / "de_lagebild_encoder"
CONTEXT_WORDS = 60  # words of neighbouring sentences read with each one (round 8)

_models: dict[str, EncoderModel] = {}


def register() -> None:
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(
            FACTORY,
            default_config={
                "folder": str(DEFAULT_FOLDER),
                "batch_docs": 32,
                "parse": True,
                "context_words": CONTEXT_WORDS,
            },
        )(_make)


def _make(
    nlp: Language, name: str, folder: str, batch_docs: int, parse: bool, context_words: int
) -> EncoderAnnotator:
    if folder not in _models:
        _models[folder] = EncoderModel(Path(folder))
    return EncoderAnnotator(_models[folder], batch_docs, parse, context_words)


class EncoderAnnotator:
    def __init__(
        self, model: EncoderModel, batch_docs: int, parse: bool, context_words: int = 0
    ) -> None:
        if context_words < 0:
            raise ValueError(f"context_words must be 0 or more, got {context_words}")
        self.model = model
        self.batch_docs = batch_docs
        self.parse = parse and model.parses
        self.context_words = context_words

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def score(self, examples: Iterable[Example], **kwargs: object) -> dict[str, object]:
        """Entity P/R/F for `Language.evaluate`, as spaCy's own ``ner`` reports them."""
        from spacy.scorer import get_ner_prf

        return get_ner_prf(examples)

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= (batch_size or self.batch_docs):
                self._annotate(batch)
                yield from batch
                batch = []
        if batch:
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        name_chunks = _chunks(docs, self.context_words)
        if self.parse and self.context_words > 0:
            # The parser was trained on single sentences: with neighbours in view its trees got
            # worse (GSD dev LAS -1.3 at 60 words), so sentences are encoded alone once more.
            tree_chunks = _chunks(docs, 0)
            names = self.model.analyse_chunks(_words(docs, name_chunks), [[]] * len(name_chunks))
            trees = self.model.analyse_chunks(
                _words(docs, tree_chunks), [sentences for _, _, sentences in tree_chunks]
            )
        else:
            tree_chunks = name_chunks if self.parse else []
            segments = [sentences if self.parse else [] for _, _, sentences in name_chunks]
            names = self.model.analyse_chunks(_words(docs, name_chunks), segments)
            trees = names if self.parse else []
        found: list[list] = [[] for _ in docs]
        for (d_index, tokens, _), (entities, _) in zip(name_chunks, names, strict=True):
            doc = docs[d_index]
            for label, start, end in entities:
                last = doc[tokens[end - 1]]
                span = doc.char_span(doc[tokens[start]].idx, last.idx + len(last), label=label)
                if span is not None:
                    found[d_index].append(span)
        parsed: list[list[tuple[list[int], SentenceAnalysis]]] = [[] for _ in docs]
        for (d_index, tokens, sentences), (_, parses) in zip(tree_chunks, trees, strict=True):
            for (start, end), parse in zip(sentences, parses, strict=True):
                if parse.heads is not None:
                    parsed[d_index].append((tokens[start:end], parse))
        for doc, ents, sentence_trees in zip(docs, found, parsed, strict=True):
            doc.set_ents(ents, default="outside")
            if sentence_trees:
                _set_parse(doc, sentence_trees)


def _chunks(
    docs: list[Doc], context_words: int
) -> list[tuple[int, list[int], list[tuple[int, int]]]]:
    """Runs of consecutive sentences of one doc, up to `context_words` words (a longer sentence
    is a chunk of its own): (doc index, token indices, each sentence's (start, end) in them)."""
    chunks: list[tuple[int, list[int], list[tuple[int, int]]]] = []
    for d_index, doc in enumerate(docs):
        parts = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        tokens: list[int] = []
        sentences: list[tuple[int, int]] = []
        for sent in parts:
            indices = [t.i for t in sent if not t.is_space]
            if not indices:
                continue
            if tokens and len(tokens) + len(indices) > context_words:
                chunks.append((d_index, tokens, sentences))
                tokens, sentences = [], []
            sentences.append((len(tokens), len(tokens) + len(indices)))
            tokens += indices
        if tokens:
            chunks.append((d_index, tokens, sentences))
    return chunks


def _words(
    docs: list[Doc], chunks: list[tuple[int, list[int], list[tuple[int, int]]]]
) -> list[list[str]]:
    return [[docs[d][i].text for i in tokens] for d, tokens, _ in chunks]


def _set_parse(doc: Doc, sentences: list[tuple[list[int], SentenceAnalysis]]) -> None:
    from spacy.attrs import DEP, HEAD, POS
    from spacy.parts_of_speech import IDS as POS_IDS

    array = doc.to_array([HEAD, DEP, POS])  # uint64: string hashes exceed int64
    strings = doc.vocab.strings
    for seq, result in sentences:
        assert result.heads is not None and result.deps is not None and result.upos is not None
        for w, token_i in enumerate(seq):
            # HEAD is stored relative to the token, as uint64 (negative offsets wrap around)
            array[token_i, 0] = np.uint64((seq[result.heads[w]] - token_i) % 2**64)
            array[token_i, 1] = strings.add(result.deps[w])
            array[token_i, 2] = POS_IDS.get(result.upos[w], POS_IDS["X"])
    doc.from_array([HEAD, DEP, POS], array)
