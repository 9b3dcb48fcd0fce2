"""The `quotes` stage: direct and reported speech with cue, speaker, source and topic actors.

Detection and speaker spans come from the rules in `lagebild.quotes`; this stage adds the link
from a speaker span to a canonical actor through the `actor` layer (the mention inside the
speaker description that best names a person), the relaying `source` ("laut Uschakow"), and
the actors a quote is `about`. It writes one `quote` annotation per quotation:

label  direct | indirect
attrs  cue {text,start,end} | None; speaker {text,start,end,actor_id,name} | None;
       source (same shape) | None; about [actor ids]; addressee {text,start,end} | None;
       form (corpus type: Direct, Indirect, IndirectFreeIndirect, FreeIndirect, Reported);
       parts / cue_parts / frame ([[start, end], …], the quote may be discontinuous);
       inherited (speaker taken from a neighbouring quotation)
"""

from __future__ import annotations

from typing import Any, ClassVar

from lagebild.document import Annotation, Document
from lagebild.layers import ACTOR, QUOTE
from lagebild.quotes import QuoteMatch, find_quotes
from lagebild.stage import Stage

_VIA_RANK = {"name": 0, "surname": 1, "ner": 2, "role": 3, "metonym": 4, "pronoun": 5}


def _ref(doc: Document, span: tuple[int, int] | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": doc.text[span[0] : span[1]], "start": span[0], "end": span[1]}


def _best_actor(mentions: list[Annotation], span: tuple[int, int]) -> Annotation | None:
    """The actor mention inside a speaker span that names it best (people, names first)."""
    inside = [m for m in mentions if m.start < span[1] and span[0] < m.end and m.attrs.get(
        "actor_id")]
    if not inside:
        return None

    def rank(m: Annotation) -> tuple[int, int, int]:
        person = 0 if m.label in {"person", "PER", ""} else 1
        return (_VIA_RANK.get(str(m.attrs.get("via", "")), 3), person, -m.start)

    return min(inside, key=rank)


class QuoteStage(Stage):
    """Finds quotations and attributes them to speakers (and actors, when resolved)."""

    name: ClassVar[str] = "quotes"
    requires: ClassVar[frozenset[str]] = frozenset({ACTOR})
    produces: ClassVar[frozenset[str]] = frozenset({QUOTE})

    def __init__(self, min_words: int = 1) -> None:
        self.min_words = min_words

    def get_config(self) -> dict[str, Any]:
        return {"min_words": self.min_words}

    def __call__(self, doc: Document) -> Document:
        mentions = doc.layer(ACTOR)
        spans = [self._annotation(doc, m, mentions) for m in find_quotes(doc)]
        doc.set_layer(QUOTE, [s for s in spans if s is not None])
        return doc

    def _annotation(
        self, doc: Document, m: QuoteMatch, mentions: list[Annotation]
    ) -> Annotation | None:
        words = sum(len(doc.text[a:b].split()) for a, b in m.quote_parts)
        if words < self.min_words:
            return None
        speaker = _ref(doc, m.speaker)
        if speaker is not None and m.speaker is not None:
            actor = _best_actor(mentions, m.speaker)
            speaker["actor_id"] = actor.attrs.get("actor_id") if actor else None
            speaker["name"] = actor.attrs.get("name") if actor else None
        source = _ref(doc, m.source)
        if source is not None and m.source is not None:
            actor = _best_actor(mentions, m.source)
            source["actor_id"] = actor.attrs.get("actor_id") if actor else None
            source["name"] = actor.attrs.get("name") if actor else None
        excluded = {speaker.get("actor_id") if speaker else None,
                    source.get("actor_id") if source else None}
        about: list[str] = []
        for a, b in m.quote_parts:
            for men in mentions:
                aid = men.attrs.get("actor_id")
                if a <= men.start and men.end <= b and aid and aid not in excluded:
                    if aid not in about:
                        about.append(str(aid))
        return Annotation(
            QUOTE,
            m.start,
            m.end,
            m.kind,
            {
                "cue": _ref(doc, m.cue),
                "speaker": speaker,
                "source": source,
                "about": about,
                "addressee": _ref(doc, m.addressee),
                "form": m.form,
                "parts": [list(p) for p in m.quote_parts],
                "cue_parts": [list(p) for p in m.cue_parts],
                "frame": [list(p) for p in m.frame_parts],
                "inherited": m.inherited,
            },
        )
