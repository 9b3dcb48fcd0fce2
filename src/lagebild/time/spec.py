"""Parsed temporal expressions (`Spec`) and the small word helpers all parsers share.

Why separate: absolute and relative parsers live in two modules and both need these helpers;
keeping them here avoids an import cycle with the rule table in `extract`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lagebild.time import patterns as P


@dataclass
class Spec:
    """What one expression says, before anchoring. `kind` selects the resolver."""

    kind: str
    start: int
    end: int
    data: dict[str, Any] = field(default_factory=dict)


def number_value(word: str) -> float | None:
    """Numeric value of a number word or digits; None for vague quantities ("einige")."""
    w = re.sub(r"\s+", " ", word.lower())
    if w.split(" ")[-1] in P.VAGUE_NUMBERS or w == "ein paar":
        return None
    if w.endswith(("halbes", "halben", "halbe")):
        return 0.5
    if w.replace(",", "").isdigit():
        return float(w.replace(",", "."))
    return P.NUMBER_WORDS.get(w)


def unit_stem(word: str) -> str:
    w = word.lower()
    for stem in ("jahrhundert", "jahrzehnt", "sekunde", "minute", "stunde", "woche", "monat",
                 "jahr", "tag"):
        if w.startswith(stem):
            return stem
    raise ValueError(f"not a time unit: {word!r}")


def mod_value(word: str | None) -> str | None:
    if not word:
        return None
    return P.MODIFIERS.get(re.sub(r"\s+", " ", word.lower()).split(" bis ")[0])


def pod_code(word: str) -> str:
    w = word.lower()
    for stem, code in (("nachmittag", "AF"), ("vormittag", "MO"), ("morgen", "MO"),
                       ("mittag", "MI"), ("abend", "EV"), ("nacht", "NI")):
        if w.startswith(stem):
            return code
    raise ValueError(f"not a part of day: {word!r}")


def zone_offset(tz: str | None) -> str | None:
    return P.TIME_ZONES.get(re.sub(r"\s+", " ", tz).replace("Zeit", "Zeit")) if tz else None


def previous_word(text: str, start: int) -> str:
    head = text[max(0, start - 20):start].rstrip()
    if head.endswith(("/", "(", "–", "-")):
        return head[-1]
    words = re.findall(r"[\wäöüÄÖÜß]+", head)
    return words[-1].lower() if words else ""


def is_aside(text: str, start: int) -> bool:
    """Dates naming a limit or in brackets ("bis März 1862", "(1881)") do not move the story."""
    return previous_word(text, start) in ("bis", "seit") or text[max(0, start - 1):start] == "("


def is_sentence_start(text: str, pos: int) -> bool:
    head = text[max(0, pos - 3):pos].rstrip(" \t")
    return not head or head[-1] in ".!?\n:„\"»"


def duration_value(n: float | None, unit: str) -> str:
    letter, is_time, _ = P.UNITS[unit]
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if n != int(n):
        if unit == "jahr":
            return f"P{int(n)}Y6M" if n > 1 else "P6M"
        if unit in ("jahrhundert", "jahrzehnt") and n == 0.5:
            return "P5DE" if unit == "jahrhundert" else "P5Y"
        if unit == "stunde":
            return f"PT{int(n * 60)}M"
        if unit == "tag":
            return f"PT{int(n * 24)}H"
        return f"{prefix}{n:g}{letter}"
    return f"{prefix}{int(n)}{letter}"
