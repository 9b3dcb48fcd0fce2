"""Small text helpers shared by the actor registry and matcher: folding, slugs, tokens.

Matching works on *folded* tokens (case-folded, diacritics stripped, ß → ss) so that "NATO" and
"Nato", "Erdoğan" and "Erdogan" meet; the original casing is still checked where it matters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Token", "fold", "slugify", "tokenize"]

# A word, possibly hyphenated ("US-Präsident", "Kramp-Karrenbauer", "G-20").
WORD_RE = re.compile(r"\w+(?:[-‐]\w+)*")


@dataclass(frozen=True)
class Token:
    """A word token with half-open character offsets into the text."""

    text: str
    start: int
    end: int
    key: str  # folded form

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


# Letters NFKD does not decompose into a base letter plus a diacritic.
_EXTRA_FOLDS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                              "þ": "th", "ı": "i", "‐": "-"})


def fold(text: str) -> str:
    """Case-fold and strip diacritics: ``"Erdoğan" -> "erdogan"``, ``"Weiße" -> "weisse"``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_EXTRA_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """ASCII id fragment: ``"Jean-Noël Barrot" -> "jean-noel-barrot"``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of ``text[start:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [
        Token(m.group(), m.start(), m.end(), fold(m.group()))
        for m in WORD_RE.finditer(text, start, stop)
    ]
