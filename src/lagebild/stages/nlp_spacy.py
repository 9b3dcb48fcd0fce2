"""The ``nlp`` stage: German tokens, sentences, lemmas, POS, morphology, dependencies and entities.

Every later stage (actors, quotes, events) reads these layers instead of calling spaCy itself,
so the analysis runs once per document and the backend can be swapped in `lagebild.nlp`.
Output is standoff: character offsets into `Document.text`, nothing spaCy-specific survives.

tokens     one span per non-whitespace token, label = UPOS;
           attrs: i (index in this layer), lemma, tag (STTS), morph (UD FEATS string),
           dep (UD relation, "ROOT" for the root), head (index in this layer; root = itself)
sentences  one span per sentence, surrounding whitespace trimmed
entities   label PER | LOC | ORG | MISC
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from lagebild import layers
from lagebild.document import Annotation, Document
from lagebild.stage import Stage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

ENTITY_LABELS = frozenset({"PER", "LOC", "ORG", "MISC"})
_LABEL_MAP = {"PERSON": "PER", "GPE": "LOC", "FAC": "LOC", "NORP": "MISC", "OTH": "MISC"}


class SpacyStage(Stage):
    """Run the configured spaCy pipeline and store its analysis as standoff layers."""

    name: ClassVar[str] = "nlp"
    requires: ClassVar[frozenset[str]] = frozenset()
    produces: ClassVar[frozenset[str]] = frozenset(
        {layers.TOKENS, layers.SENTENCES, layers.ENTITIES}
    )
    deterministic: ClassVar[bool] = True

    def __init__(
        self,
        model: str | Path | None = None,
        batch_size: int = 32,
        n_process: int = 1,
        mode: str | None = None,
    ) -> None:
        from lagebild.nlp import nlp_mode

        self.model = model
        self.mode = nlp_mode(mode)  # resolved now, so the stored run config names the mode
        self.batch_size = batch_size
        self.n_process = n_process
        self._nlp: Language | None = None

    def get_config(self) -> dict[str, Any]:
        return {
            "model": str(self.model) if self.model is not None else None,
            "batch_size": self.batch_size,
            "n_process": self.n_process,
            "mode": self.mode,
        }

    def __getstate__(self) -> dict[str, Any]:  # ship config, not the loaded model, to workers
        state = dict(self.__dict__)
        state["_nlp"] = None
        return state

    def setup(self) -> None:
        if self._nlp is None:
            from lagebild.nlp import load_nlp

            self._nlp = load_nlp(self.model, mode=self.mode)

    @property
    def nlp(self) -> Language:
        self.setup()
        assert self._nlp is not None
        return self._nlp

    def __call__(self, doc: Document) -> Document:
        apply_spacy(doc, self.nlp(doc.text))
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int | None = None) -> Iterator[Document]:
        """Annotate a stream lazily, in order; one ``nlp.pipe`` call, so ``n_process`` workers
        start once per stream (the Documents themselves stay in this process)."""
        pairs = ((doc.text, doc) for doc in docs)
        for sdoc, doc in self.nlp.pipe(
            pairs,
            as_tuples=True,
            batch_size=batch_size or self.batch_size,
            n_process=self.n_process,
        ):
            apply_spacy(doc, sdoc)
            yield doc


def apply_spacy(doc: Document, sdoc: Doc) -> None:
    """Replace the tokens, sentences and entities layers of ``doc`` with ``sdoc``'s analysis."""
    index: dict[int, int] = {}
    for tok in sdoc:
        if not tok.is_space:
            index[tok.i] = len(index)
    tokens = []
    for tok in sdoc:
        if tok.is_space:
            continue
        i = index[tok.i]
        head = index.get(tok.head.i, i)
        tokens.append(
            Annotation(
                layers.TOKENS,
                tok.idx,
                tok.idx + len(tok.text),
                tok.pos_ or "X",
                {
                    "i": i,
                    "lemma": tok.lemma_ or tok.text,
                    "tag": tok.tag_,
                    "morph": str(tok.morph),
                    "dep": "ROOT" if head == i else tok.dep_,
                    "head": head,
                },
            )
        )
    sentences = []
    if sdoc.has_annotation("SENT_START") or sdoc.has_annotation("DEP"):
        for sent in sdoc.sents:
            span = _trim(doc.text, sent.start_char, sent.end_char)
            if span is not None:
                sentences.append(Annotation(layers.SENTENCES, *span))
    else:
        sentences = [Annotation(layers.SENTENCES, s, e) for s, e in _paragraphs(doc.text)]
    entities = []
    for ent in sdoc.ents:
        label = _LABEL_MAP.get(ent.label_, ent.label_)
        if label not in ENTITY_LABELS:
            continue
        span = _trim(doc.text, ent.start_char, ent.end_char)
        if span is not None:
            entities.append(Annotation(layers.ENTITIES, span[0], span[1], label))
    doc.set_layer(layers.TOKENS, tokens)
    doc.set_layer(layers.SENTENCES, sentences)
    doc.set_layer(layers.ENTITIES, entities)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for para in text.split("\n"):
        span = _trim(text, pos, pos + len(para))
        if span is not None:
            yield span
        pos += len(para) + 1
