"""Date evidence for events: sets of possible days, combined by intersection, never invented.

An article rarely states the full date of what it reports. "Am Dienstag" in an article known only
to appear in December 2021 means "one of December's Tuesdays"; a second article from the same
event, published on 13 April, may pin it to one day. `DateEvidence` keeps exactly what is known —
an inclusive day range plus, when known, the explicit candidate days — and `combine_evidence`
intersects the members' evidence so the event date only ever narrows to what some article states.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

__all__ = [
    "DateEvidence",
    "combine_evidence",
    "evidence_from_attrs",
    "evidence_from_partial",
    "evidence_gap",
    "parse_iso",
]

_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_RE = re.compile(r"^(\d{4})$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])")
_MAX_CANDIDATES = 62


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def parse_iso(value: str) -> tuple[date, date] | None:
    """Inclusive day range of an ISO-like value (day, month, year, ISO week, quarter)."""
    value = (value or "").strip()
    try:
        if m := _DAY_RE.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH_RE.match(value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), _month_end(year, month)
        if m := _WEEK_RE.match(value):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6)
        if m := _QUARTER_RE.match(value):
            year, quarter = int(m[1]), int(m[2])
            return date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
        if m := _YEAR_RE.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


@dataclass(frozen=True)
class DateEvidence:
    """What is known about a date: an inclusive range, optionally an explicit set of days.

    ``hard`` is False when the evidence comes only from the publication date (the article says
    nothing about when its happening took place).
    """

    lo: date
    hi: date
    days: frozenset[date] | None = None
    hard: bool = True

    @property
    def is_day(self) -> bool:
        return self.lo == self.hi

    def possible_days(self) -> frozenset[date] | None:
        if self.days is not None:
            return self.days
        if (self.hi - self.lo).days < _MAX_CANDIDATES:
            span = (self.hi - self.lo).days + 1
            return frozenset(self.lo + timedelta(days=i) for i in range(span))
        return None

    def restrict(self, lo: date, hi: date) -> DateEvidence | None:
        new_lo, new_hi = max(self.lo, lo), min(self.hi, hi)
        if new_lo > new_hi:
            return None
        days = None
        if self.days is not None:
            days = frozenset(d for d in self.days if new_lo <= d <= new_hi)
            if not days:
                return None
            new_lo, new_hi = min(days), max(days)
        return DateEvidence(new_lo, new_hi, days, self.hard)

    def to_record(self) -> dict[str, Any]:
        """``{value, precision, candidates}`` as stored on events; never finer than the evidence."""
        if self.is_day:
            return {"value": self.lo.isoformat(), "precision": "day", "candidates": []}
        candidates = sorted(d.isoformat() for d in self.days) if self.days else []
        if self.lo.year == self.hi.year and self.lo.month == self.hi.month:
            value, precision = f"{self.lo.year:04d}-{self.lo.month:02d}", "month"
        elif self.lo.year == self.hi.year:
            value, precision = f"{self.lo.year:04d}", "year"
        else:
            value, precision = f"{self.lo.isoformat()}/{self.hi.isoformat()}", "interval"
        return {"value": value, "precision": precision, "candidates": candidates}

    def to_dict(self) -> dict[str, Any]:
        return {
            "lo": self.lo.isoformat(),
            "hi": self.hi.isoformat(),
            "days": sorted(d.isoformat() for d in self.days) if self.days is not None else None,
            "hard": self.hard,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> DateEvidence | None:
        if not data:
            return None
        days = data.get("days")
        return cls(
            date.fromisoformat(data["lo"]),
            date.fromisoformat(data["hi"]),
            frozenset(date.fromisoformat(d) for d in days) if days is not None else None,
            bool(data.get("hard", True)),
        )


def evidence_from_partial(value: str | None, precision: str | None = None) -> DateEvidence | None:
    """Evidence from a `PartialDate`-like value (publication date, a resolved timex value)."""
    if not value:
        return None
    rng = parse_iso(value)
    if rng is None:
        return None
    if precision in {"part_of_day", "hour", "minute", "second"} or _DAY_RE.match(value):
        return DateEvidence(rng[0], rng[0])
    return DateEvidence(rng[0], rng[1])


def evidence_from_attrs(attrs: dict[str, Any]) -> DateEvidence | None:
    """Evidence from the attrs of a `time` annotation: candidates, interval or value."""
    candidates = attrs.get("candidates") or []
    days = set()
    for cand in candidates:
        rng = parse_iso(str(cand))
        if rng and rng[0] == rng[1]:
            days.add(rng[0])
    if days:
        return DateEvidence(min(days), max(days), frozenset(days))
    interval = attrs.get("interval")
    if interval:
        if isinstance(interval, dict):
            start, end = interval.get("start"), interval.get("end")
        elif isinstance(interval, (list, tuple)) and len(interval) == 2:
            start, end = interval
        else:
            start = end = None
        lo_rng = parse_iso(str(start)) if start else None
        hi_rng = parse_iso(str(end)) if end else None
        if lo_rng and hi_rng and lo_rng[0] <= hi_rng[1]:
            return DateEvidence(lo_rng[0], hi_rng[1])
    value = attrs.get("value")
    if isinstance(value, str):
        return evidence_from_partial(value, attrs.get("precision"))
    return None


def evidence_gap(a: DateEvidence, b: DateEvidence) -> int:
    """Smallest distance in days between what `a` and `b` allow (0 when they overlap)."""
    if a.hi < b.lo:
        range_gap = (b.lo - a.hi).days
    elif b.hi < a.lo:
        range_gap = (a.lo - b.hi).days
    else:
        range_gap = 0
    days_a, days_b = a.possible_days(), b.possible_days()
    if range_gap or days_a is None or days_b is None:
        return range_gap
    if days_a & days_b:
        return 0
    ordered = sorted([(d, 0) for d in days_a] + [(d, 1) for d in days_b])
    return min(
        (y[0] - x[0]).days for x, y in zip(ordered, ordered[1:], strict=False) if x[1] != y[1]
    )


def combine_evidence(items: Iterable[DateEvidence]) -> DateEvidence | None:
    """Intersect members' evidence; hard evidence wins over publication-only evidence.

    When members contradict each other, the most frequently supported days are kept instead of an
    empty set, so a single wrong article cannot erase the event date.
    """
    pool = [e for e in items if e is not None]
    if not pool:
        return None
    hard = [e for e in pool if e.hard]
    base = hard or pool
    current: DateEvidence | None = base[0]
    for ev in base[1:]:
        current = _intersect(current, ev) if current else None
        if current is None:
            return _majority(base)
    if current is not None and hard:
        for soft in (e for e in pool if not e.hard):
            narrowed = _intersect(current, soft)
            if narrowed is not None:
                current = narrowed
    return current


def _intersect(a: DateEvidence, b: DateEvidence) -> DateEvidence | None:
    res = a.restrict(b.lo, b.hi)
    if res is None:
        return None
    if b.days is not None:
        days = (res.days if res.days is not None else res.possible_days()) or frozenset()
        days = frozenset(d for d in days if d in b.days) if days else frozenset(
            d for d in b.days if res.lo <= d <= res.hi
        )
        if not days:
            return None
        return DateEvidence(min(days), max(days), days, a.hard or b.hard)
    return DateEvidence(res.lo, res.hi, res.days, a.hard or b.hard)


def _majority(pool: list[DateEvidence]) -> DateEvidence:
    votes: dict[date, int] = {}
    for ev in pool:
        for day in ev.possible_days() or ():
            votes[day] = votes.get(day, 0) + 1
    if not votes:
        return max(pool, key=lambda e: -(e.hi - e.lo).days)
    best = max(votes.values())
    days = frozenset(d for d, n in votes.items() if n == best)
    return DateEvidence(min(days), max(days), days if len(days) > 1 else None, True)
