"""The timeline: stored events in date order, filtered by actor and date range.

Vague dates stay vague: an event known only as "a Tuesday in December 2021" sorts at its first
possible day, is shown with its candidates, and matches a date filter if any candidate does.
Copies of one text count once (`sources` counts distinct originals and outlets).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from lagebild.corpus.dating import DateEvidence, parse_iso

__all__ = ["build_timeline", "event_range", "format_date"]

_WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")


def event_range(record: dict[str, Any]) -> DateEvidence | None:
    """The date evidence of a stored event record (range plus candidate days)."""
    info = record.get("date") or {}
    cands = [parse_iso(c) for c in info.get("candidates") or []]
    days = frozenset(c[0] for c in cands if c)
    if days:
        return DateEvidence(min(days), max(days), days)
    value = info.get("value")
    if not value:
        return None
    if "/" in value:
        lo, hi = (parse_iso(v) for v in value.split("/", 1))
        return DateEvidence(lo[0], hi[1]) if lo and hi else None
    rng = parse_iso(value)
    return DateEvidence(rng[0], rng[1]) if rng else None


def format_date(record: dict[str, Any]) -> str:
    """Human form: '2021-04-13', or '2021-12 (Di 7., 14., 21., 28.)' for candidate sets."""
    info = record.get("date") or {}
    value = info.get("value") or "undatiert"
    cands = info.get("candidates") or []
    if not cands:
        return value
    days = sorted(date.fromisoformat(c) for c in cands)
    weekdays = {d.weekday() for d in days}
    prefix = f"{_WEEKDAYS[days[0].weekday()]} " if len(weekdays) == 1 else ""
    return f"{value} ({prefix}{', '.join(f'{d.day}.' for d in days)})"


def _matches_actor(record: dict[str, Any], actor: str | None) -> bool:
    if not actor:
        return True
    needle = actor.casefold()
    return any(
        needle in (p.get("name") or "").casefold() or needle == (p.get("actor_id") or "").casefold()
        for p in record.get("participants", [])
    )


def _in_range(ev: DateEvidence | None, lo: date | None, hi: date | None) -> bool:
    if lo is None and hi is None:
        return True
    if ev is None:
        return False
    days = ev.days or {ev.lo, ev.hi}
    return any((lo is None or d >= lo) and (hi is None or d <= hi) for d in days) or (
        ev.days is None and (lo is None or ev.hi >= lo) and (hi is None or ev.lo <= hi)
    )


def _bound(value: str | None, upper: bool) -> date | None:
    if not value:
        return None
    rng = parse_iso(value)
    if rng is None:
        raise ValueError(f"cannot read date {value!r}; expected YYYY, YYYY-MM or YYYY-MM-DD")
    return rng[1] if upper else rng[0]


def build_timeline(
    events: list[dict[str, Any]] | Any, storylines: list[dict[str, Any]] | None = None,
    actor: str | None = None, date_from: str | None = None, date_to: str | None = None,
) -> list[dict[str, Any]]:
    """Timeline entries, earliest first; each names its event, storyline and sources.

    `events` is a list of stored event records, or a store (anything with `results(kind)`),
    from which events and storylines are read.
    """
    if hasattr(events, "results"):
        store = events
        events = store.results("events")
        storylines = storylines if storylines is not None else store.results("storylines")
    lo, hi = _bound(date_from, upper=False), _bound(date_to, upper=True)
    titles = {s["id"]: s.get("title") for s in storylines or []}
    entries = []
    for record in events:
        ev = event_range(record)
        if not _matches_actor(record, actor) or not _in_range(ev, lo, hi):
            continue
        members = record.get("members", [])
        originals = [m for m in members if not m.get("duplicate_of")]
        entries.append({
            "event_id": record["id"],
            "sort_date": ev.lo.isoformat() if ev else "9999-12-31",
            "date": record.get("date"),
            "date_text": format_date(record),
            "headline": record.get("headline"),
            "place": record.get("place"),
            "participants": [p.get("name") for p in record.get("participants", [])[:5]],
            "members": [m["doc_id"] for m in originals],
            "sources": len(originals),
            "copies": len(members) - len(originals),
            "outlets": record.get("outlets", []),
            "storyline": record.get("storyline"),
            "storyline_title": titles.get(record.get("storyline") or ""),
        })
    entries.sort(key=lambda e: (e["sort_date"], e["event_id"]))
    return entries
