"""Per-line feature vectors for the statistical second opinion on page residue.

The hand-written rules in `lagebild.cleaning.classifier` are precise but only know the UI
wording in their cue lists; on a new outlet they miss lines like "Abstimmen" or "Schon 4.312
Menschen unterstützen uns." A small logistic regression (`lagebild.cleaning.model`) over the
features below generalises better, because it weighs many weak signals at once: layout
(length, function-word density, punctuation, casing, character classes), cue hits, position
relative to the body, the neighbouring lines, repetition within the document and across
documents of the same source, and the words of the line itself.

Features are sparse: a dict from feature name to value. Word features are named ``w=<word>``
and the model only knows the words it was trained on, so an unseen word costs nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lagebild.cleaning.lines import Line, LineFeatures, normalise_line
from lagebild.cleaning.textmeta import header_role
from lagebild.lang.de.boilerplate import CUE_PATTERNS, LINE_PATTERNS, PHRASE_PATTERNS

TOKEN_RE = re.compile(r"[^\W\d_]{2,}")
_QUOTE_RE = re.compile(r"[„“”\"»«]")
_INFORMAL_RE = re.compile(r"\b(?:du|dich|dir|dein\w*|euch|euer|eure\w*)\b", re.IGNORECASE)
_WE_RE = re.compile(r"\b(?:wir|uns|unser\w*)\b", re.IGNORECASE)
_CONTACT_RE = re.compile(r"@|\bwww\.|https?://|\.(?:de|at|ch|com)\b")
_QUOTED_RE = re.compile(r"[„“\"»«][^„“”\"»«]*[“”\"»«]")
_IMPERATIVE_OPEN_RE = re.compile(r"^(?:jetzt|hier|mehr|alle|zum|zur|zu)\b", re.IGNORECASE)
_NUMBER_RE = re.compile(r"\d")
_MAX_SHORT_LINE = 300


@dataclass(frozen=True)
class DocContext:
    """What the rule pass knows about the document, shared by all its lines."""

    lines: Sequence[Line]
    feats: Sequence[LineFeatures]
    good: Sequence[bool]  # prose-like line (rule pass 1)
    residue: Sequence[str | None]  # rule pass-1 residue reason, None if none
    first: int  # first good line
    last: int  # last anchoring good line
    repeated: frozenset[str]  # lines seen in 2+ documents of the same source
    counts: dict[str, int]  # normalised line -> occurrences in this document
    cue_cache: dict[int, tuple[int, int, int]] = field(default_factory=dict)

    def cue_counts(self, i: int) -> tuple[int, int, int]:
        """Whole-line pattern hit, phrase hits and cue hits of line i (computed once)."""
        if i not in self.cue_cache:
            self.cue_cache[i] = _cue_counts(self.lines[i].text)
        return self.cue_cache[i]


def _cue_counts(text: str) -> tuple[int, int, int]:
    line_hit = int(len(text) <= _MAX_SHORT_LINE
                   and any(rx.fullmatch(text) for rx in LINE_PATTERNS.values()))
    phrases = sum(len(rx.findall(text)) for rx in PHRASE_PATTERNS.values())
    cues = sum(len(rx.findall(text)) for rx in CUE_PATTERNS.values())
    return line_hit, phrases, cues


def _own(prefix: str, counts: tuple[int, int, int], feat: LineFeatures,
         good: bool) -> dict[str, float]:
    """Features of a neighbouring line, prefixed."""
    line_hit, phrases, cues = counts
    words = feat.words
    return {
        f"{prefix}log_words": math.log1p(words),
        f"{prefix}good": float(good),
        f"{prefix}cues": min(cues + phrases + line_hit, 4) / 4,
        f"{prefix}short": float(words <= 4),
        f"{prefix}ends_sentence": float(feat.ends_sentence),
        f"{prefix}address": float(feat.reader_address),
    }


# Features that are evidence of page residue on the line itself (not layout or position).
EVIDENCE_FEATURES = ("line_pattern", "phrases", "cues", "we_voice", "informal", "contact",
                     "in_brackets", "icon_tokens", "has_copyright")


def has_residue_evidence(vec: dict[str, float]) -> bool:
    """The line itself shows a residue sign: a cue word, the outlet's "wir/uns", informal
    reader address, an e-mail or web address, a bracketed count, an icon token, a (c) sign."""
    return any(vec.get(name, 0.0) > 0 for name in EVIDENCE_FEATURES)


def line_vector(i: int, ctx: DocContext) -> dict[str, float]:
    """Sparse feature vector of line i."""
    line, feat = ctx.lines[i], ctx.feats[i]
    text = line.text
    words = feat.words
    line_hit, phrases, cues = ctx.cue_counts(i)
    tokens = [t.lower() for t in TOKEN_RE.findall(text)]
    capitalised = sum(1 for t in TOKEN_RE.findall(text) if t[0].isupper())
    role = header_role(text)
    n = len(ctx.lines)
    key = normalise_line(text)
    unquoted = _QUOTED_RE.sub(" ", text)  # the outlet's own voice, not a quoted speaker's
    vec: dict[str, float] = {
        "bias_const": 1.0,
        "log_chars": math.log1p(feat.chars),
        "log_words": math.log1p(words),
        "words_le_2": float(words <= 2),
        "words_le_5": float(words <= 5),
        "words_ge_12": float(words >= 12),
        "stop_density": feat.stop_density,
        "alpha_ratio": feat.alpha_ratio,
        "digit_ratio": feat.digit_ratio,
        "upper_ratio": feat.upper_ratio,
        "cap_ratio": capitalised / words if words else 0.0,
        "ends_sentence": float(feat.ends_sentence),
        "ends_period": float(text.endswith(".")),
        "ends_excl": float(text.rstrip("“”\"»«'").endswith("!")),
        "question": float(feat.question),
        "has_colon": float(":" in text),
        "has_quote": float(bool(_QUOTE_RE.search(text))),
        "has_digit": float(bool(_NUMBER_RE.search(text))),
        "has_copyright": float("©" in text),
        "reader_address": float(feat.reader_address),
        "informal": float(bool(_INFORMAL_RE.search(unquoted))),
        "we_voice": float(bool(_WE_RE.search(unquoted))),
        "contact": float(bool(_CONTACT_RE.search(text))),
        "in_brackets": float(text.startswith("(") and text.endswith(")")),
        "opens_service": float(bool(_IMPERATIVE_OPEN_RE.match(text))),
        "icon_tokens": float(feat.icon_tokens > 0),
        "line_pattern": float(line_hit),
        "phrases": min(phrases, 3) / 3,
        "cues": min(cues, 4) / 4,
        "good": float(ctx.good[i]),
        "role_" + (role or "none"): 1.0,
        "before_body": float(i < ctx.first),
        "after_body": float(i > ctx.last),
        "inside_body": float(ctx.first <= i <= ctx.last),
        "rel_pos": i / max(n - 1, 1),
        "repeated_sources": float(key in ctx.repeated),
        "duplicate_in_doc": float(ctx.counts.get(key, 0) > 1),
        "blank_before": float(line.blank_before),
    }
    vec["evidence_count"] = min(sum(vec[k] > 0 for k in EVIDENCE_FEATURES), 3) / 3
    # interactions a linear model cannot form itself
    inside = ctx.first < i < ctx.last
    next_good = i + 1 < n and ctx.good[i + 1]
    address = vec["reader_address"] or vec["informal"]
    vec["crosshead_slot"] = float(inside and next_good and not text.endswith(".")
                                  and words <= 12)
    vec["we_and_address"] = float(bool(vec["we_voice"] and address))
    vec["after_body_address"] = float(i > ctx.last and bool(address or vec["we_voice"]))
    vec["after_body_short"] = float(i > ctx.last and words <= 5)
    for offset, prefix in ((-1, "prev_"), (1, "next_")):
        j = i + offset
        if 0 <= j < n:
            vec.update(_own(prefix, ctx.cue_counts(j), ctx.feats[j], ctx.good[j]))
        else:
            vec[f"{prefix}none"] = 1.0
    for token in set(tokens):
        vec[f"w={token}"] = 1.0
    return vec
