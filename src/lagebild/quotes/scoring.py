"""Quotation-attribution metrics following the German Wikinews quotation corpus conventions.

The corpus (Petersen-Frey & Biemann 2024) scores token sets. Per document, system and gold
quotations are paired by a maximum-weight assignment on the token-overlap F1 of their quote
spans (same type/medium only break ties); every pair, and every unpaired quotation against an
empty one, yields token-level TP/FP/FN for the quote and for each role (addressee, cue, frame,
speaker). The headline numbers are *macro* averages over those pairs: precision/recall of each
part where defined, averaged for the quote ("quotes"), for the roles ("roles") and for all parts
("joint"); F1 is the harmonic mean. This module re-implements that definition and adds simpler
per-part figures (exact span match and micro token overlap) for quote, cue and speaker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

ROLES: tuple[str, ...] = ("addressee", "cue", "frame", "speaker")
PARTS: tuple[str, ...] = ("quote", *ROLES)


@dataclass
class Group:
    """One quotation as token-id sets per part, plus its type and medium."""

    parts: dict[str, frozenset[int]]
    form: str | None = None
    medium: str | None = None

    @classmethod
    def make(cls, form: str | None = None, medium: str | None = None,
             **parts: Iterable[int]) -> Group:
        return cls({p: frozenset(parts.get(p, ())) for p in PARTS}, form, medium)


@dataclass
class PRF:
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1(self.p, self.r)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _overlap_f1(a: frozenset[int], b: frozenset[int]) -> float:
    both = len(a & b)
    if not both:
        return 0.0
    return f1(both / len(b), both / len(a))


def assign(sys: list[Group], gold: list[Group]) -> list[tuple[int | None, int | None]]:
    """Pairs (sys index, gold index); unpaired ones get None on the other side."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment  # lazy: only evaluation needs scipy

    pairs: list[tuple[int | None, int | None]] = []
    if sys and gold:
        scores = np.zeros((len(gold), len(sys)))
        for i, g in enumerate(gold):
            for j, s in enumerate(sys):
                ov = _overlap_f1(g.parts["quote"], s.parts["quote"])
                if ov > 0:
                    ov += (0.01 if g.form == s.form else 0) + (0.001 if g.medium == s.medium else 0)
                scores[i, j] = ov
        rows, cols = linear_sum_assignment(scores, maximize=True)
        pairs = [(int(c), int(r)) for r, c in zip(rows, cols, strict=True)]
    used_s = {s for s, _ in pairs}
    used_g = {g for _, g in pairs}
    pairs += [(j, None) for j in range(len(sys)) if j not in used_s]
    pairs += [(None, i) for i in range(len(gold)) if i not in used_g]
    return pairs


@dataclass
class Scores:
    """Accumulates macro (corpus-official) and per-part micro/exact counts."""

    macro_p: dict[str, list[float]] = field(default_factory=lambda: {p: [] for p in PARTS})
    macro_r: dict[str, list[float]] = field(default_factory=lambda: {p: [] for p in PARTS})
    micro: dict[str, PRF] = field(default_factory=lambda: {p: PRF() for p in PARTS})
    exact: dict[str, PRF] = field(default_factory=lambda: {p: PRF() for p in PARTS})

    def add_document(self, sys: list[Group], gold: list[Group]) -> None:
        empty = Group.make()
        for si, gi in assign(sys, gold):
            s = sys[si] if si is not None else empty
            g = gold[gi] if gi is not None else empty
            for part in PARTS:
                sp, gp = s.parts[part], g.parts[part]
                tp, fp, fn = len(sp & gp), len(sp - gp), len(gp - sp)
                if tp + fp:
                    self.macro_p[part].append(tp / (tp + fp))
                if tp + fn:
                    self.macro_r[part].append(tp / (tp + fn))
                m = self.micro[part]
                m.tp, m.fp, m.fn = m.tp + tp, m.fp + fp, m.fn + fn
                e = self.exact[part]
                if sp and gp and sp == gp:
                    e.tp += 1
                else:
                    e.fp += 1 if sp else 0
                    e.fn += 1 if gp else 0

    def macro(self, parts: Iterable[str]) -> tuple[float, float, float]:
        parts = list(parts)
        ps = [v for p in parts for v in self.macro_p[p]]
        rs = [v for p in parts for v in self.macro_r[p]]
        p = sum(ps) / len(ps) if ps else 0.0
        r = sum(rs) / len(rs) if rs else 0.0
        return p, r, f1(p, r)

    def summary(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for name, parts in (("quotes", ("quote",)), ("roles", ROLES), ("joint", PARTS)):
            p, r, f = self.macro(parts)
            out[name] = {"p": p, "r": r, "f1": f}
        for part in ("quote", "cue", "speaker", "frame"):
            out[f"{part}_overlap"] = {"p": self.micro[part].p, "r": self.micro[part].r,
                                      "f1": self.micro[part].f1}
            out[f"{part}_exact"] = {"p": self.exact[part].p, "r": self.exact[part].r,
                                    "f1": self.exact[part].f1}
        return out
