"""Entry point of the German temporal tagger: text + anchor -> resolved `Timex` list.

Why here: the stage (`lagebild.stages.temporal`) and the evaluation scripts share one pure
function, `tag_text`, which needs no Document. Tense for weekday direction comes from the
caller (e.g. spaCy morphology) or, failing that, from cue-word patterns in the sentence.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from lagebild.document import PartialDate
from lagebild.lang.de.sentences import split_sentences
from lagebild.time import patterns as P
from lagebild.time.calendar import parse_anchor
from lagebild.time.extract import find_specs
from lagebild.time.resolve import Timex, TimexResolver


def detect_tense(sentence: str, pos: int | None = None) -> str | None:
    """'past' or 'future' from cue words in one sentence; None if neither is visible.

    With `pos` (an offset into `sentence`), the cue nearest to it wins, so in reported speech
    ("Er werde am Dienstag kommen, sagte er") the clause around the expression decides.
    """
    cues = [(abs(m.start() - pos) if pos is not None else 0, 0, "past")
            for m in P.PAST_CUE_RE.finditer(sentence)]
    cues += [(abs(m.start() - pos) if pos is not None else 0, 1, "future")
             for m in P.FUTURE_CUE_RE.finditer(sentence)]
    if not cues:
        return None
    return min(cues)[2]


class _TenseLookup:
    """Maps a character offset to the tense around it (given per sentence, or from cues)."""

    def __init__(self, text: str, sentences: Sequence[tuple[int, int]],
                 known: Mapping[int, str | None] | None) -> None:
        self.text = text
        self.sentences = sorted(sentences)
        self.starts = [s for s, _ in self.sentences]
        self.known: dict[int, str | None] = dict(known or {})

    def __call__(self, pos: int) -> str | None:
        index = bisect.bisect_right(self.starts, pos) - 1
        if index < 0:
            return None
        start, end = self.sentences[index]
        if start in self.known:
            return self.known[start]
        return detect_tense(self.text[start:end], pos - start)


def tag_text(
    text: str,
    anchor: PartialDate | str | None = None,
    *,
    mode: str = "news",
    sentences: Sequence[tuple[int, int]] | None = None,
    tenses: Mapping[int, str | None] | None = None,
) -> list[Timex]:
    """Find and resolve every temporal expression in `text`.

    anchor    publication date (any precision) or None; never the current clock.
    mode      "news": deictic words anchor on publication; "narrative": on the previous date.
    sentences sentence spans (else a cheap splitter is used) for tense cues.
    tenses    optional sentence start -> "past"|"future"|None from a morphological analyser.
    """
    spans = list(sentences) if sentences else split_sentences(text)
    resolver = TimexResolver(parse_anchor(anchor), mode, _TenseLookup(text, spans, tenses))
    out: list[Timex] = []
    for spec in find_specs(text):
        timex = resolver.resolve(spec, text)
        if timex is not None:
            out.append(timex)
    return out
