"""Fallback German sentence splitting, for stages run without the nlp stage's `sentences` layer.

One shared rule set so the stages that need sentences agree on them: a sentence ends at
.!? (plus an optional closing quote) before whitespace and a capital, digit or opening quote,
not after common abbreviations or a number ("13. April"), and always at a line break.
"""

from __future__ import annotations

import re

SENTENCE_END_RE = re.compile(r"[.!?]+[\"“”»«']?\s+(?=[„\"»«“]?[A-ZÄÖÜ0-9])")
# The token before the full stop makes it an abbreviation or ordinal, not a sentence end.
NO_BOUNDARY_BEFORE_RE = re.compile(
    r"(?:\b(?:Dr|Prof|St|Nr|bzw|ca|vgl|Mio|Mrd|Abs|Art|Jh|z\.B|u\.a)|\d)\.$"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``[start, end)`` over `text`; blank spans are dropped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        start, base = 0, pos
        for match in SENTENCE_END_RE.finditer(para):
            if NO_BOUNDARY_BEFORE_RE.search(para[max(0, match.start() - 6) : match.start() + 1]):
                continue
            spans.append((base + start, base + match.end()))
            start = match.end()
        if para[start:].strip():
            spans.append((base + start, base + len(para)))
        pos += len(para) + 1
    return [(s, e) for s, e in spans if text[s:e].strip()]
