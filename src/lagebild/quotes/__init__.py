"""Quotation detection and speaker attribution for German news (rule-based).

`find_quotes(doc)` returns `QuoteMatch`es in character offsets; the `quotes` stage
(`lagebild.stages.quotes`) links their speakers to the `actor` layer and writes the `quote`
layer. Submodules: `text` (tokens, sentences), `lexicon` (speech verbs), `chunks` (speaker
NPs), `detect` (single rules), `finder` (the rules in order), `discourse` (passes over the
whole article: continuations, inherited speakers), `scoring` (corpus metrics).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from lagebild.document import Document
from lagebild.quotes.finder import find_in_tokens
from lagebild.quotes.text import Tok, doc_tokens

CharSpan = tuple[int, int]

__all__ = ["QuoteMatch", "find_quotes", "spans_of"]


@dataclass
class QuoteMatch:
    """One quotation: kind direct|indirect, corpus-style form, spans in character offsets.

    `quote_parts` lists the contiguous pieces of the quoted material (a frame can sit inside
    it: "Ein Tatverdacht bestehe nach Angaben der Behörde nicht mehr").
    """

    kind: str
    form: str
    quote_parts: list[CharSpan]
    cue_parts: list[CharSpan] = field(default_factory=list)
    frame_parts: list[CharSpan] = field(default_factory=list)
    speaker: CharSpan | None = None
    source: CharSpan | None = None
    addressee: CharSpan | None = None
    inherited: bool = False

    @property
    def start(self) -> int:
        return self.quote_parts[0][0]

    @property
    def end(self) -> int:
        return self.quote_parts[-1][1]

    @property
    def cue(self) -> CharSpan | None:
        if not self.cue_parts:
            return None
        return (self.cue_parts[0][0], self.cue_parts[-1][1])


def spans_of(toks: list[Tok], idx: list[int]) -> list[CharSpan]:
    """Contiguous character spans covering the given token indices."""
    out: list[CharSpan] = []
    prev = -2
    for k in sorted(set(idx)):
        if k == prev + 1 and out:
            out[-1] = (out[-1][0], toks[k].end)
        else:
            out.append((toks[k].start, toks[k].end))
        prev = k
    return out


# After the dateline place: an optional agency in brackets, then a dash, colon or full stop
# ("Washington (AFP) – …", "Moskau/Kiew (dpa). …", "Berlin: …").
_DATELINE_TAIL_RE = re.compile(r"(?:/[^\s(–—:.]+)*\s*(?:\([^()\n]{1,40}\))?\s*[–—:.-]\s")


def dateline_end(doc: Document) -> int:
    """Offset where the body proper starts, after a leading dateline such as "Washington (AFP) –".

    The dateline is no part of the first sentence's grammar; left in, the place and agency read
    as the subject of a speech verb ("Washington (AFP) – … haben … gesprochen").
    """
    place = doc.dateline
    if not place or not doc.text.startswith(place):
        return 0
    tail = _DATELINE_TAIL_RE.match(doc.text, len(place))
    return tail.end() if tail else 0


def _drop_dateline(toks: list[Tok], body_start: int) -> list[Tok]:
    """Tokens from `body_start` on; heads index the shortened list (-1 if they pointed before)."""
    cut = sum(1 for t in toks if t.start < body_start)
    if cut == 0:
        return toks
    return [
        replace(t, head=t.head - cut if t.head >= cut else -1) if t.head >= 0 else t
        for t in toks[cut:]
    ]


def find_quotes(doc: Document) -> list[QuoteMatch]:
    """All quotations in `doc`, using its `tokens`/`sentences` layers when present."""
    toks = _drop_dateline(doc_tokens(doc), dateline_end(doc))
    out: list[QuoteMatch] = []
    for f in find_in_tokens(toks, doc.text):
        out.append(
            QuoteMatch(
                kind=f.kind,
                form=f.form,
                quote_parts=spans_of(toks, f.quote),
                cue_parts=spans_of(toks, f.cue),
                frame_parts=spans_of(toks, f.frame),
                speaker=(toks[f.speaker[0]].start, toks[f.speaker[1] - 1].end)
                if f.speaker else None,
                source=(toks[f.source[0]].start, toks[f.source[1] - 1].end) if f.source else None,
                addressee=(toks[f.addressee[0]].start, toks[f.addressee[1] - 1].end)
                if f.addressee else None,
                inherited=f.inherited,
            )
        )
    return out
