"""The ``time`` stage: German temporal expressions as a `time` layer, resolved and anchored.

Why a thin stage: all matching and resolution lives in `lagebild.time` (pure functions shared
with the evaluation scripts); this module only adapts a `Document` to it. The anchor is
`doc.published` (never the clock). If the `sentences`/`tokens` layers are present, sentence
bounds and verb morphology decide whether a bare weekday points back or ahead; without them
cue words do.
"""

from __future__ import annotations

from typing import Any, ClassVar

from lagebild import layers
from lagebild.document import Annotation, Document
from lagebild.stage import Stage
from lagebild.time.publication import infer_publication_date
from lagebild.time.resolve import MODES
from lagebild.time.tagger import tag_text

_FUTURE_LEMMAS = frozenset({"werden", "sollen", "wollen"})


def tenses_from_tokens(doc: Document, sentences: list[tuple[int, int]]) -> dict[int, str | None]:
    """Sentence start -> "past" | "future" | None from UD morphology of the `tokens` layer."""
    tokens = doc.layer(layers.TOKENS)
    out: dict[int, str | None] = {}
    if not tokens:
        return out
    index = 0
    for start, end in sentences:
        tense: str | None = None
        has_participle = has_aux_perfect = has_future = False
        while index < len(tokens) and tokens[index].start < end:
            tok = tokens[index]
            index += 1
            if tok.start < start:
                continue
            morph = str(tok.attrs.get("morph", ""))
            lemma = str(tok.attrs.get("lemma", "")).lower()
            finite = "VerbForm=Fin" in morph
            if finite and "Tense=Past" in morph:
                tense = "past"
            if finite and lemma in ("haben", "sein"):
                has_aux_perfect = True
            if "VerbForm=Part" in morph and tok.label in ("VERB", "AUX"):
                has_participle = True
            if finite and lemma in _FUTURE_LEMMAS and "Tense=Pres" in morph:
                has_future = True
        if tense is None and has_aux_perfect and has_participle:
            tense = "past"
        if tense is None and has_future:
            tense = "future"
        out[start] = tense
    return out


class TemporalStage(Stage):
    """Adds the `time` layer: DATE/TIME/DURATION/SET spans with TIMEX-style values.

    mode: "news" (default) anchors deictic words on the publication date; "narrative"
    (encyclopaedic text) anchors year-less dates and weekdays on the previous date.
    narrow_anchor: when `doc.published` is vague (month or coarser, or missing), anchor on
    `infer_publication_date(doc)` if the text itself pins the date down (e.g. a dateline
    "31.12.2021, 00:07 Uhr"). `doc.published` itself is never modified.
    """

    name: ClassVar[str] = "time"
    requires: ClassVar[frozenset[str]] = frozenset()
    produces: ClassVar[frozenset[str]] = frozenset({layers.TIME})

    def __init__(self, mode: str = "news", narrow_anchor: bool = True) -> None:
        if mode not in MODES:
            raise ValueError(f"time stage: unknown mode {mode!r}; expected one of {MODES}")
        self.mode = mode
        self.narrow_anchor = narrow_anchor

    def get_config(self) -> dict[str, Any]:
        return {"mode": self.mode, "narrow_anchor": self.narrow_anchor}

    def __call__(self, doc: Document) -> Document:
        sentence_layer = doc.layer(layers.SENTENCES)
        sentences = [(s.start, s.end) for s in sentence_layer] or None
        tenses = tenses_from_tokens(doc, sentences) if sentences else None
        anchor = doc.published
        if self.narrow_anchor and self.mode == "news":
            anchor = infer_publication_date(doc) or anchor
        timexes = tag_text(doc.text, anchor, mode=self.mode, sentences=sentences, tenses=tenses)
        doc.set_layer(
            layers.TIME,
            [Annotation(layers.TIME, t.start, t.end, t.type, t.attrs()) for t in timexes],
        )
        return doc
