"""Storylines: events chained over time when they continue the same story.

An event is a happening on a day; a storyline is what a reader follows over weeks — the video
summit, the statements the day after, the call three weeks later. Two events are chained when an
article explicitly links them (a mentioned earlier happening), or when they are close in time
(at most `max_gap_days` apart), share participants and read alike. Chaining is transitive, so a
storyline can span longer than the gap while every step stays short; events months apart on the
same topic (April vs. December) stay separate unless events in between bridge them.

Only events within the gap window are compared (sorted by date), so the cost is near-linear.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from lagebild.corpus.dating import evidence_gap
from lagebild.corpus.events import ClusterConfig, EventClusterer, content_similarity

__all__ = ["StorylineConfig", "build_storylines"]

_MAX_SPAN_DAYS = 31  # an event dated "a Tuesday in December" starts early but may be late
_ACTORS_INDEXED = 5


@dataclass(frozen=True)
class StorylineConfig:
    max_gap_days: int = 21
    threshold: float = 0.3
    min_actor_overlap: float = 0.5
    min_events: int = 2


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _actor_overlap(a: Counter[str], b: Counter[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def build_storylines(
    clusterer: EventClusterer, records: dict[str, dict[str, Any]],
    config: StorylineConfig | None = None,
) -> list[dict[str, Any]]:
    """Group events into storylines; returns storyline records (and sets records' storyline)."""
    cfg = config or StorylineConfig()
    ccfg: ClusterConfig = clusterer.config
    dated = sorted(
        (e.evidence.lo, e.id) for e in clusterer.events.values() if e.evidence is not None
    )
    # actor -> [(first possible day, event id)] in date order: only events sharing a participant
    # and lying within the window are compared, which keeps the pass near-linear.
    by_actor: dict[str, list[tuple[int, str]]] = {}
    for day, event_id in dated:
        for actor, _ in clusterer.events[event_id].actors.most_common(_ACTORS_INDEXED):
            by_actor.setdefault(actor, []).append((day.toordinal(), event_id))
    uf = _UnionFind()
    term_cache: dict[str, dict[str, float]] = {}

    def terms(event_id: str) -> dict[str, float]:
        if event_id not in term_cache:
            term_cache[event_id] = clusterer.weigh(clusterer.events[event_id].terms)
        return term_cache[event_id]

    for day, event_id in dated:
        event = clusterer.events[event_id]
        uf.find(event_id)
        for linked in event.linked:
            if linked in clusterer.events:
                uf.union(event_id, linked)
        earliest = day.toordinal() - cfg.max_gap_days - _MAX_SPAN_DAYS
        seen: set[str] = set()
        for actor, _ in event.actors.most_common(_ACTORS_INDEXED):
            postings = by_actor.get(actor, [])
            start = bisect.bisect_left(postings, (earliest, ""))
            for other_day, other_id in postings[start:]:
                if other_day > day.toordinal() or other_id == event_id:
                    break
                if other_id in seen:
                    continue
                seen.add(other_id)
                if _chained(clusterer, event_id, other_id, terms, cfg, ccfg):
                    uf.union(event_id, other_id)
    groups: dict[str, list[str]] = {}
    for _, event_id in dated:
        groups.setdefault(uf.find(event_id), []).append(event_id)
    storylines = []
    for members in groups.values():
        if len(members) < cfg.min_events:
            continue
        storylines.append(_storyline_record(members, clusterer, records))
    storylines.sort(key=lambda s: (s["start"] or "", s["id"]))
    for story in storylines:
        for event_id in story["events"]:
            if event_id in records:
                records[event_id]["storyline"] = story["id"]
    return storylines


def _chained(
    clusterer: EventClusterer, a: str, b: str, terms: Any, cfg: StorylineConfig,
    ccfg: ClusterConfig,
) -> bool:
    event, other = clusterer.events[a], clusterer.events[b]
    assert event.evidence is not None and other.evidence is not None
    if evidence_gap(event.evidence, other.evidence) > cfg.max_gap_days:
        return False
    if _actor_overlap(event.actors, other.actors) < cfg.min_actor_overlap:
        return False
    sim = content_similarity(event.centroid, other.centroid, terms(a), terms(b), ccfg)
    return sim >= cfg.threshold


def _storyline_record(
    members: list[str], clusterer: EventClusterer, records: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    events = [clusterer.events[m] for m in members]
    actors: Counter[str] = Counter()
    names: dict[str, str] = {}
    for event in events:
        actors.update(event.actors)
        names.update(event.actor_names)
    # Title from the most central event: most articles (copies included: agencies spread what
    # matters) plus links from other events of the story; ties go to the earlier event.
    inside = set(members)

    def centrality(e: Any) -> tuple[int, int]:
        size = len(records.get(e.id, {}).get("members", [])) or e.n
        return size + len(e.linked & inside), -(e.evidence.lo.toordinal() if e.evidence else 0)

    main = max(events, key=centrality)
    lo = min(e.evidence.lo for e in events if e.evidence)
    hi = max(e.evidence.hi for e in events if e.evidence)
    vectors = np.stack([e.centroid for e in events])
    cohesion = float(np.mean(vectors @ vectors.mean(axis=0))) if len(events) > 1 else 1.0
    return {
        "id": f"st-{members[0][3:]}",
        "title": records.get(main.id, {}).get("headline") or main.id,
        "events": members,
        "start": _iso(lo),
        "end": _iso(hi),
        "actors": [{"actor_id": a, "name": names.get(a, a), "events": n}
                   for a, n in actors.most_common(8)],
        "n_articles": sum(e.n for e in events),
        "cohesion": round(cohesion, 3),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
