"""spaCy component ``lagebild_encoder``: the transformer's analysis on spaCy docs.

In the accurate mode of `lagebild.nlp.load_nlp` it replaces the CNN ``ner`` and runs after
the CNN parser, whose sentence boundaries it keeps: per sentence it sets ``Doc.ents`` and, when
the model has the parsing heads and ``parse`` is on, overwrites heads, relations and UPOS.
Sentences too long for one window keep the CNN parse (NER still covers them, windowed). A doc
without sentence boundaries is one sequence. Whitespace tokens are skipped (UD and GermEval
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

_models: dict[str, EncoderModel] = {}


def register() -> None:
    from spacy.language import Language

    if not Language.has_factory(FACTORY):
        Language.factory(
            FACTORY,
            default_config={"folder": str(DEFAULT_FOLDER), "batch_docs": 32, "parse": True},
        )(_make)


def _make(nlp: Language, name: str, folder: str, batch_docs: int, parse: bool) -> EncoderAnnotator:
    if folder not in _models:
        _models[folder] = EncoderModel(Path(folder))
    return EncoderAnnotator(_models[folder], batch_docs, parse)


class EncoderAnnotator:
    def __init__(self, model: EncoderModel, batch_docs: int, parse: bool) -> None:
        self.model = model
        self.batch_docs = batch_docs
        self.parse = parse and model.parses

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
        sequences: list[tuple[int, list[int]]] = []  # (doc index, token indices)
        for d_index, doc in enumerate(docs):
            parts = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
            for sent in parts:
                indices = [t.i for t in sent if not t.is_space]
                if indices:
                    sequences.append((d_index, indices))
        results = self.model.analyse([[docs[d][i].text for i in seq] for d, seq in sequences])
        found: list[list] = [[] for _ in docs]
        parsed: list[list[tuple[list[int], SentenceAnalysis]]] = [[] for _ in docs]
        for (d_index, seq), result in zip(sequences, results, strict=True):
            doc = docs[d_index]
            for label, start, end in result.entities:
                last = doc[seq[end - 1]]
                span = doc.char_span(doc[seq[start]].idx, last.idx + len(last), label=label)
                if span is not None:
                    found[d_index].append(span)
            if self.parse and result.heads is not None:
                parsed[d_index].append((seq, result))
        for doc, ents, sentences in zip(docs, found, parsed, strict=True):
            doc.set_ents(ents, default="outside")
            if sentences:
                _set_parse(doc, sentences)


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
